// PENDING: placeholder bodies until this module's setters are written.

#include "modules/authz/authz_core_setters.hpp"

namespace feather::mod::authz {

Status section_authz_provider_alias(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_require(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_require_all(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_require_any(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_require_none(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_auth_merging(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_authz_send_forbidden_on_failure(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::authz
