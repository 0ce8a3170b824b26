#pragma once
// Every directive of every module, looked up by name without regard to case.

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "directives/module_info.hpp"

namespace feather::directives {

class Registry {
public:
    explicit Registry(std::span<const ModuleInfo* const> modules);

    // Every declaration of `name` (several modules may declare one name),
    // in module order; empty when none does.
    std::span<const DirectiveSpec* const> find(std::string_view name) const;
    // The same by the name's number, which find_number gives once so that
    // a name read earlier is not hashed again (the walk after the read).
    std::optional<std::uint32_t> find_number(std::string_view name) const;
    std::span<const DirectiveSpec* const> declarations(std::uint32_t number) const
    {
        return by_number_[number];
    }

    const ModuleInfo* module_by_symbol(std::string_view symbol) const;
    const ModuleInfo* module_by_source(std::string_view source) const;
    const ModuleInfo& module(ModuleId id) const { return *by_id_[index_of(id)]; }
    std::span<const ModuleInfo* const> modules() const { return modules_; }

private:
    // Open addressing over a power-of-two table: a name costs one hash and
    // usually one comparison (every line of a configuration is looked up).
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t number = kEmpty;
    };
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

    std::vector<const ModuleInfo*> modules_;
    const ModuleInfo* by_id_[kModuleCount] = {};
    std::vector<std::vector<const DirectiveSpec*>> by_number_;
    std::vector<Slot> slots_;
};

// The modules switched on in one configuration, in the order they were
// switched on (built-in modules first), as -M lists them.
class ModuleSet {
public:
    bool contains(ModuleId id) const { return on_[index_of(id)]; }
    // False when it was on already.
    bool add(ModuleId id);
    const std::vector<ModuleId>& in_order() const { return order_; }

private:
    std::bitset<kModuleCount> on_;
    std::vector<ModuleId> order_;
};

bool iequals(std::string_view a, std::string_view b);

}  // namespace feather::directives
