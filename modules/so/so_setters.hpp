#pragma once
// Setters of so_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::so {

Status set_load_module(Cmd& cmd, const Args& args);
Status set_load_file(Cmd& cmd, const Args& args);

}  // namespace feather::mod::so
