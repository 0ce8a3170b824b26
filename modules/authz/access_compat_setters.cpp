// PENDING: placeholder bodies until this module's setters are written.

#include "modules/authz/access_compat_setters.hpp"

namespace feather::mod::authz {

Status set_order(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_allow(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status its_an_allow(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_deny(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_satisfy(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::authz
