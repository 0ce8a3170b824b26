#pragma once
// Setters of access_compat_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::authz {

Status set_order(Cmd& cmd, const Args& args);
Status set_allow(Cmd& cmd, const Args& args);
Status set_deny(Cmd& cmd, const Args& args);
Status set_satisfy(Cmd& cmd, const Args& args);

}  // namespace feather::mod::authz
