#pragma once
// The closed list of Feather's modules, the registry built from their
// directive tables, and the factory of their config sets.

#include <span>

#include "directives/config.hpp"
#include "directives/loader.hpp"
#include "directives/module_info.hpp"
#include "directives/registry.hpp"

namespace feather::mod {

// In the order httpd lists them: the built-in ones first.
std::span<const directives::ModuleInfo* const> all_modules();
const directives::Registry& registry();
directives::ConfigFactory config_factory();
// Checks run once the whole configuration has been applied.
std::vector<directives::ConfigCheck> config_checks();

}  // namespace feather::mod
