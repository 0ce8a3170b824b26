#include "directives/registry.hpp"

#include <algorithm>

namespace feather::directives {

namespace {
// Directive names are ASCII, and httpd folds them with the C locale's
// tolower; plain arithmetic keeps the lookup off libc's locale tables
// (it was the largest single cost of `-t` on big configurations).
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
}  // namespace

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::size_t Registry::CaseInsensitiveHash::operator()(std::string_view s) const noexcept
{
    std::size_t h = 14695981039346656037ull;  // FNV-1a
    for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(lower(c))) * 1099511628211ull;
    }
    return h;
}

bool Registry::CaseInsensitiveEqual::operator()(std::string_view a, std::string_view b) const noexcept
{
    return iequals(a, b);
}

Registry::Registry(std::span<const ModuleInfo* const> modules) : modules_(modules.begin(), modules.end())
{
    for (const ModuleInfo* m : modules_) {
        by_id_[index_of(m->id)] = m;
        for (const DirectiveSpec& spec : m->directives) {
            const auto [it, added] =
                numbers_.try_emplace(spec.name, static_cast<std::uint32_t>(by_number_.size()));
            if (added) {
                by_number_.emplace_back();
            }
            by_number_[it->second].push_back(&spec);
        }
    }
}

std::optional<std::uint32_t> Registry::find_number(std::string_view name) const
{
    const auto it = numbers_.find(name);
    if (it == numbers_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::span<const DirectiveSpec* const> Registry::find(std::string_view name) const
{
    const auto number = find_number(name);
    if (!number) {
        return {};
    }
    return by_number_[*number];
}

const ModuleInfo* Registry::module_by_symbol(std::string_view symbol) const
{
    for (const ModuleInfo* m : modules_) {
        if (m->symbol == symbol) {
            return m;
        }
    }
    return nullptr;
}

const ModuleInfo* Registry::module_by_source(std::string_view source) const
{
    for (const ModuleInfo* m : modules_) {
        if (m->source == source) {
            return m;
        }
    }
    return nullptr;
}

bool ModuleSet::add(ModuleId id)
{
    if (on_[index_of(id)]) {
        return false;
    }
    on_[index_of(id)] = true;
    order_.push_back(id);
    return true;
}

}  // namespace feather::directives
