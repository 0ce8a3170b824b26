#pragma once
// The Require providers Feather has, found and parsed as httpd's provider
// registry and each provider's parse_require_line do it.

#include <optional>
#include <string_view>

#include "modules/authz/authz_config.hpp"
#include "modules/module_api.hpp"

namespace feather::mod::authz {

enum class ProviderKind : std::uint8_t {
    All, Env, Method, Expr,          // mod_authz_core
    Ip, Host, ForwardDns, Local,     // mod_authz_host, when loaded
    Alias,                           // <AuthzProviderAlias>
};

// ap_lookup_provider when the line is read: an alias defined above it (an
// alias may shadow a provider), else a provider of a loaded module. Names
// are case-sensitive. None: httpd's "Unknown Authz provider: X".
std::optional<ProviderKind> find_provider(Cmd& cmd, std::string_view name);

// The provider's parse_require_line on `args` (the text after the provider
// name), with httpd's messages; providers without one take any text.
Status parse_provider_args(Cmd& cmd, ProviderKind kind, std::string_view name,
                           std::string_view args, ProviderRule& rule);

}  // namespace feather::mod::authz
