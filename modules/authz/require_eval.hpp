#pragma once
// mod_authz_core at request time: a Require tree evaluated for one request
// (httpd's apply_authz_sections) with the providers' checks.

#include <cstdint>
#include <string_view>

#include "modules/authz/authz_config.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::authz {

// httpd's authz_status.
enum class AuthzResult : std::uint8_t { Denied, Granted, Neutral, GeneralError, DeniedNoUser };

// format_authz_result: "granted", "denied", ...
std::string_view result_text(AuthzResult result);

// apply_authz_sections(r, node, parent_op). `parent` is the logic of the
// enclosing container (the root is evaluated as if under an All): a node
// limited to other methods counts as granted under an All and neutral
// under an Any. Logs AH01625/AH01626 at debug.
AuthzResult apply_require(Request& r, const RequireNode& node, RequireNode::Kind parent);

// One provider's check_authorization: `args` is its line as written (the
// host provider quotes it in a log message).
AuthzResult check_rule(Request& r, const ProviderRule& rule, std::string_view args);

}  // namespace feather::mod::authz
