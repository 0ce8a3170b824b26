#pragma once
// Setters of authz_core_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::authz {

Status section_authz_provider_alias(Cmd& cmd, const Args& args);
Status set_require(Cmd& cmd, const Args& args);
Status section_require_all(Cmd& cmd, const Args& args);
Status section_require_any(Cmd& cmd, const Args& args);
Status section_require_none(Cmd& cmd, const Args& args);
Status set_auth_merging(Cmd& cmd, const Args& args);
Status set_authz_send_forbidden_on_failure(Cmd& cmd, const Args& args);

}  // namespace feather::mod::authz
