#pragma once
// mod_authz_host's providers at request time: Require ip, host,
// forward-dns and local.

#include <string_view>

#include "modules/authz/authz_config.hpp"
#include "modules/authz/require_eval.hpp"

namespace feather::mod::authz {

AuthzResult check_ip(Request& r, const IpRule& rule);
AuthzResult check_host(Request& r, const HostRule& rule, std::string_view args);
AuthzResult check_forward_dns(Request& r, const ForwardDnsRule& rule);
AuthzResult check_local(Request& r);

}  // namespace feather::mod::authz
