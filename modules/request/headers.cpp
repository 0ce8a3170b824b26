#include "modules/request/headers.hpp"

#include <algorithm>

namespace feather {

bool iequal(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<std::string_view> Headers::get(std::string_view name) const
{
    for (const auto& f : fields_) {
        if (iequal(f.name, name)) {
            return std::string_view(f.value);
        }
    }
    return std::nullopt;
}

void Headers::set(std::string_view name, std::string_view value)
{
    // apr_table_set: the first field keeps its place (and its name's case)
    // and takes the value; the others go.
    for (auto it = fields_.begin(); it != fields_.end(); ++it) {
        if (iequal(it->name, name)) {
            it->value = std::string(value);
            fields_.erase(std::remove_if(std::next(it), fields_.end(),
                                         [&](const Field& f) { return iequal(f.name, name); }),
                          fields_.end());
            return;
        }
    }
    fields_.push_back({std::string(name), std::string(value)});
}

void Headers::add(std::string_view name, std::string_view value)
{
    fields_.push_back({std::string(name), std::string(value)});
}

void Headers::merge(std::string_view name, std::string_view value)
{
    for (auto& f : fields_) {
        if (iequal(f.name, name)) {
            f.value += ", ";
            f.value += value;
            return;
        }
    }
    add(name, value);
}

void Headers::unset(std::string_view name)
{
    std::erase_if(fields_, [&](const Field& f) { return iequal(f.name, name); });
}

}  // namespace feather
