#pragma once

#include "directives/module_info.hpp"

namespace feather::mod::core {
extern const directives::ModuleInfo kCoreModule;
}
