#include "parser/defines.hpp"

#include <algorithm>

namespace feather::parser {

bool Defines::defined(std::string_view name) const
{
    return std::find(names_.begin(), names_.end(), name) != names_.end();
}

void Defines::define(std::string_view name, std::optional<std::string_view> value)
{
    if (!defined(name)) {
        names_.emplace_back(name);
    }
    if (!value) {
        return;
    }
    for (auto& [n, v] : values_) {
        if (n == name) {
            v = *value;
            return;
        }
    }
    values_.emplace_back(std::string(name), std::string(*value));
}

void Defines::undefine(std::string_view name)
{
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it != names_.end()) {
        *it = std::move(names_.back());
        names_.pop_back();
    }
    std::erase_if(values_, [&](const auto& nv) { return nv.first == name; });
}

std::optional<std::string_view> Defines::value(std::string_view name) const
{
    for (const auto& [n, v] : values_) {
        if (n == name) {
            return v;
        }
    }
    return std::nullopt;
}

}  // namespace feather::parser
