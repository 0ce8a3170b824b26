// mod_authz_host declares no directives: it adds the ip, host, local and
// forward-dns providers to Require.

#include "modules/module_api.hpp"

namespace feather::mod::authz {

extern const ModuleInfo kAuthzHostModule{ModuleId::AuthzHost, "authz_host_module", "mod_authz_host.c",
                                         false, {}};

}  // namespace feather::mod::authz
