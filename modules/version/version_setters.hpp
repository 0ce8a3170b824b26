#pragma once
// Setters of version_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::version {

Status section_if_version(Cmd& cmd, const Args& args);

}  // namespace feather::mod::version
