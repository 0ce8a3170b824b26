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

namespace {

std::uint64_t folded_hash(std::string_view s)
{
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a over the folded name
    for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(lower(c))) * 1099511628211ull;
    }
    return h;
}

}  // namespace

Registry::Registry(std::span<const ModuleInfo* const> modules) : modules_(modules.begin(), modules.end())
{
    std::size_t names = 0;
    for (const ModuleInfo* m : modules_) {
        names += m->directives.size();
    }
    std::size_t size = 16;
    while (size < names * 4) {
        size *= 2;
    }
    slots_.resize(size);

    for (const ModuleInfo* m : modules_) {
        by_id_[index_of(m->id)] = m;
        for (const DirectiveSpec& spec : m->directives) {
            const std::uint32_t number = find_number(spec.name).value_or(kEmpty);
            if (number != kEmpty) {
                by_number_[number].push_back(&spec);
                continue;
            }
            const std::uint64_t h = folded_hash(spec.name);
            std::size_t i = h & (slots_.size() - 1);
            while (slots_[i].number != kEmpty) {
                i = (i + 1) & (slots_.size() - 1);
            }
            slots_[i] = Slot{h, static_cast<std::uint32_t>(by_number_.size())};
            by_number_.push_back({&spec});
        }
    }
}

std::optional<std::uint32_t> Registry::find_number(std::string_view name) const
{
    const std::uint64_t h = folded_hash(name);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
        const Slot& slot = slots_[i];
        if (slot.number == kEmpty) {
            return std::nullopt;
        }
        if (slot.hash == h && iequals(by_number_[slot.number].front()->name, name)) {
            return slot.number;
        }
    }
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
