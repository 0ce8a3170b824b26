// access_compat_module's directive table, in httpd's order (mod_access_compat.c), which `-L` keeps.

#include "modules/authz/access_compat_setters.hpp"

namespace feather::mod::authz {

namespace {

constexpr ModuleId M = ModuleId::AccessCompat;

constexpr DirectiveSpec kDirectives[] = {
    {"order", M, Allow::Limit, ArgShape::Take1, &set_order,
     "'allow,deny', 'deny,allow', or 'mutual-failure'"},
    {"allow", M, Allow::Limit, ArgShape::Iterate2, &set_allow,
     "'from' followed by hostnames or IP-address wildcards"},
    {"deny", M, Allow::Limit, ArgShape::Iterate2, &set_deny,
     "'from' followed by hostnames or IP-address wildcards"},
    {"Satisfy", M, Allow::AuthConfig, ArgShape::Take1, &set_satisfy,
     "access policy if both allow and require used ('all' or 'any')"},
};

}  // namespace

extern const ModuleInfo kAccessCompatModule{ModuleId::AccessCompat, "access_compat_module", "mod_access_compat.c", false, kDirectives};

}  // namespace feather::mod::authz
