#include "modules/authz/require_eval.hpp"

#include <string>
#include <type_traits>

#include "modules/authz/host_providers.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::authz {

namespace {

using Kind = RequireNode::Kind;

bool debug_enabled(const Request& r)
{
    return r.services != nullptr &&
           r.services->log_enabled(r, ModuleId::AuthzCore, LogLevel::Debug);
}

void log_debug(const Request& r, const std::string& text)
{
    r.services->log(r, ModuleId::AuthzCore, LogLevel::Debug, text);
}

bool applies_to(const RequireNode& node, int method_number)
{
    return method_number >= 0 && method_number < kMethodCount &&
           (node.methods & method_bit(method_number)) != 0;
}

// A container's children combined; neutral children do not count. An All
// stops at the first denial, an Any at the first grant. "Denied until a
// user is known" outweighs grants in an All and plain denials in an Any, so
// that authentication still gets its turn.
AuthzResult combine(Request& r, const RequireNode& node)
{
    AuthzResult result = AuthzResult::Neutral;
    for (const RequireNode& child : node.children) {
        const AuthzResult c = apply_require(r, child, node.kind);
        if (c == AuthzResult::GeneralError) {
            return c;
        }
        if (c == AuthzResult::Neutral) {
            continue;
        }
        if (node.kind == Kind::All) {
            if (c == AuthzResult::Denied) {
                return c;
            }
            if ((c == AuthzResult::DeniedNoUser && result != AuthzResult::Denied) ||
                result == AuthzResult::Neutral) {
                result = c;
            }
        } else {
            if (c == AuthzResult::Granted) {
                return c;
            }
            if ((c == AuthzResult::DeniedNoUser && result == AuthzResult::Denied) ||
                result == AuthzResult::Neutral) {
                result = c;
            }
        }
    }
    return result;
}

// authz_alias_check_authorization. httpd merges the alias's own settings
// over the request's before calling the aliased provider; none of
// Feather's providers reads a per-directory setting, so the merge would
// change nothing.
AuthzResult check_alias(Request& r, const AliasRule& rule)
{
    const ProviderAlias* alias = nullptr;
    if (r.config != nullptr && !r.config->servers.empty()) {
        const auto& aliases = get<AuthzCoreServerConfig>(*r.config->main_server().modules).aliases;
        if (const auto it = aliases.find(rule.alias); it != aliases.end()) {
            alias = &it->second;
        }
    }
    // An alias of an alias would have httpd call itself until it crashes;
    // Feather refuses it like an alias it cannot find.
    if (alias == nullptr || std::holds_alternative<AliasRule>(alias->rule)) {
        if (r.services != nullptr) {
            r.services->log(r, ModuleId::AuthzCore, LogLevel::Error,
                            "AH02305: no alias provider found for '" + rule.alias + "' (BUG?)");
        }
        return AuthzResult::Denied;
    }
    return check_rule(r, alias->rule, alias->args);
}

}  // namespace

std::string_view result_text(AuthzResult result)
{
    switch (result) {
    case AuthzResult::Denied:
        return "denied";
    case AuthzResult::Granted:
        return "granted";
    case AuthzResult::DeniedNoUser:
        return "denied (no authenticated user yet)";
    case AuthzResult::Neutral:
    case AuthzResult::GeneralError:
        break;
    }
    return "neutral";
}

AuthzResult check_rule(Request& r, const ProviderRule& rule, std::string_view args)
{
    return std::visit(
        [&](const auto& p) -> AuthzResult {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, AllRule>) {
                return p.granted ? AuthzResult::Granted : AuthzResult::Denied;
            } else if constexpr (std::is_same_v<T, EnvRule>) {
                for (const std::string& v : p.variables) {
                    if (r.subprocess_env.has(v)) {
                        return AuthzResult::Granted;
                    }
                }
                return AuthzResult::Denied;
            } else if constexpr (std::is_same_v<T, MethodRule>) {
                const bool in = r.method_number >= 0 && r.method_number < kMethodCount &&
                                (p.methods & method_bit(r.method_number)) != 0;
                return in ? AuthzResult::Granted : AuthzResult::Denied;
            } else if constexpr (std::is_same_v<T, IpRule>) {
                return check_ip(r, p);
            } else if constexpr (std::is_same_v<T, HostRule>) {
                return check_host(r, p, args);
            } else if constexpr (std::is_same_v<T, ForwardDnsRule>) {
                return check_forward_dns(r, p);
            } else if constexpr (std::is_same_v<T, LocalRule>) {
                return check_local(r);
            } else {
                static_assert(std::is_same_v<T, AliasRule>);
                return check_alias(r, p);
            }
        },
        rule);
}

AuthzResult apply_require(Request& r, const RequireNode& node, RequireNode::Kind parent)
{
    if (!applies_to(node, r.method_number)) {
        const AuthzResult result =
            parent == Kind::All ? AuthzResult::Granted : AuthzResult::Neutral;
        if (debug_enabled(r)) {
            log_debug(r, "AH01625: authorization result of " + node.describe() + ": " +
                             std::string(result_text(result)) +
                             " (directive limited to other methods)");
        }
        return result;
    }

    AuthzResult result;
    if (node.kind == Kind::Provider) {
        result = check_rule(r, node.rule, node.args);
    } else {
        result = combine(r, node);
        if (result == AuthzResult::GeneralError) {
            return result;  // unlogged, as httpd
        }
    }
    if (node.negated) {
        // Not being refused is no reason to grant: a negated denial is
        // neutral.
        if (result == AuthzResult::Granted) {
            result = AuthzResult::Denied;
        } else if (result == AuthzResult::Denied || result == AuthzResult::DeniedNoUser) {
            result = AuthzResult::Neutral;
        }
    }
    if (debug_enabled(r)) {
        log_debug(r, "AH01626: authorization result of " + node.describe() + ": " +
                         std::string(result_text(result)));
    }
    return result;
}

}  // namespace feather::mod::authz
