#include "runtime/http/hook_table.hpp"

#include <algorithm>

namespace feather::runtime {

HookTable::HookTable(const directives::Config& config, std::span<const ModuleHooks> core,
                     std::span<const ModuleHooks> modules)
{
    struct Entry {
        Rank rank;
        std::size_t order;
        Hook fn;
    };
    std::array<std::vector<Entry>, static_cast<std::size_t>(Phase::Count)> entries;
    std::size_t order = 0;
    auto add = [&](const ModuleHooks& m) {
        if (!config.modules.contains(m.module)) {
            return;
        }
        for (const HookSpec& h : m.hooks) {
            entries[static_cast<std::size_t>(h.phase)].push_back({h.rank, order++, h.fn});
        }
    };
    for (const auto& m : core) {
        add(m);
    }
    for (const auto& m : modules) {
        add(m);
    }
    for (std::size_t p = 0; p < entries.size(); ++p) {
        auto& list = entries[p];
        std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
            return a.rank != b.rank ? a.rank < b.rank : a.order < b.order;
        });
        for (const auto& e : list) {
            by_phase_[p].push_back(e.fn);
        }
    }
}

}  // namespace feather::runtime
