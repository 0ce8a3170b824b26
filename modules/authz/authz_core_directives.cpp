// authz_core_module's directive table, in httpd's order (mod_authz_core.c), which `-L` keeps.

#include "modules/authz/authz_core_setters.hpp"

namespace feather::mod::authz {

namespace {

constexpr ModuleId M = ModuleId::AuthzCore;

constexpr DirectiveSpec kDirectives[] = {
    {"<AuthzProviderAlias", M, Allow::RsrcConf, ArgShape::Raw, &section_authz_provider_alias,
     "container for grouping an authorization provider's directives under a provider alias",
     Forbid::GlobalOnly},
    {"Require", M, Allow::AuthConfig, ArgShape::Raw, &set_require,
     "specifies authorization directives which one must pass (or not) for a request to suceeed"},
    {"<RequireAll", M, Allow::AuthConfig, ArgShape::Raw, &section_require_all,
     "container for grouping authorization directives of which none must fail and at least one must pass for a request to succeed"},
    {"<RequireAny", M, Allow::AuthConfig, ArgShape::Raw, &section_require_any,
     "container for grouping authorization directives of which one must pass for a request to succeed"},
    {"<RequireNone", M, Allow::AuthConfig, ArgShape::Raw, &section_require_none,
     "container for grouping authorization directives of which none must pass for a request to succeed"},
    {"AuthMerging", M, Allow::AuthConfig, ArgShape::Take1, &set_auth_merging,
     "controls how a <Directory>, <Location>, or similar directive's authorization directives are combined with those of its predecessor"},
    {"AuthzSendForbiddenOnFailure", M, Allow::AuthConfig, ArgShape::Flag, &set_authz_send_forbidden_on_failure,
     "Controls if an authorization failure should result in a '403 FORBIDDEN' response instead of the HTTP-conforming '401 UNAUTHORIZED'"},
};

}  // namespace

extern const ModuleInfo kAuthzCoreModule{ModuleId::AuthzCore, "authz_core_module", "mod_authz_core.c", false, kDirectives};

}  // namespace feather::mod::authz
