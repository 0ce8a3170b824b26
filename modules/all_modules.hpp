#pragma once
// The closed list of Feather's modules, the registry built from their
// directive tables, and the factory of their config sets.

#include <span>

#include "directives/config.hpp"
#include "directives/loader.hpp"
#include "directives/module_info.hpp"
#include "directives/registry.hpp"
#include "modules/module_states.hpp"
#include "modules/request/phases.hpp"

namespace feather::mod {

// In the order httpd lists them: the built-in ones first.
std::span<const directives::ModuleInfo* const> all_modules();
const directives::Registry& registry();
directives::ConfigFactory config_factory();
// Checks run once the whole configuration has been applied.
std::vector<directives::ConfigCheck> config_checks();

// The request hooks of every module (the runtime adds core's own).
std::span<const ModuleHooks> all_module_hooks();

// Per-generation set-up of modules (read TypesConfig, open access logs...),
// run by the master after a configuration is loaded.
using PostConfig = bool (*)(const directives::Config& config, ModuleStates& states, PostConfigContext& context,
                            std::string& error);
std::span<const PostConfig> post_config_steps();

// Child-process steps: after fork (ChildInit) and before exit (ChildExit:
// flush buffered logs).
using ChildStep = void (*)(ModuleStates& states);
std::span<const ChildStep> child_init_steps();
std::span<const ChildStep> child_exit_steps();

}  // namespace feather::mod
