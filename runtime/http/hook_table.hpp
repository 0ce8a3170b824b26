#pragma once
// The hooks of the loaded modules, per phase, in run order: sorted once per
// configuration by rank (httpd's APR_HOOK_*), then by module order.

#include <array>
#include <vector>

#include "directives/config.hpp"
#include "modules/request/phases.hpp"

namespace feather::runtime {

class HookTable {
public:
    // `core` are the hooks the runtime itself provides (core's translate,
    // map_to_storage, default handler ...), `modules` those of the modules.
    HookTable(const directives::Config& config, std::span<const ModuleHooks> core,
              std::span<const ModuleHooks> modules);

    const std::vector<Hook>& hooks(Phase p) const { return by_phase_[static_cast<std::size_t>(p)]; }

private:
    std::array<std::vector<Hook>, static_cast<std::size_t>(Phase::Count)> by_phase_;
};

}  // namespace feather::runtime
