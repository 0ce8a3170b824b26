#pragma once
// Access control: mod_authz_core (Require and its containers),
// mod_authz_host (the ip/host/local providers), mod_access_compat
// (Order/Allow/Deny/Satisfy).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::authz {

// A node of a Require tree: a provider line or a container.
struct RequireNode {
    enum class Kind : std::uint8_t { Provider, All, Any, None };
    Kind kind = Kind::Provider;
    bool negated = false;          // "Require not ..."
    std::string provider;          // "all", "ip", "host", "local", "env", "method", ...
    std::vector<std::string> args; // the provider's arguments
    std::int64_t methods = -1;     // the enclosing <Limit> methods, -1: all
    std::vector<RequireNode> children;
    SourceLoc loc;
};

enum class AuthMerging : std::uint8_t { Off, And, Or };

struct AuthzCoreDirConfig {
    std::shared_ptr<const RequireNode> section;  // the section's own Require lines (a RequireAny root)
    Setting<AuthMerging> merging;
    Setting<bool> forbidden_on_failure;
};

// mod_access_compat
enum class Order : std::uint8_t { DenyThenAllow, AllowThenDeny, MutualFailure };
struct HostRule {
    std::string spec;      // as written: "all", an address, network, host or env=VAR
    std::int64_t methods = -1;
};
struct AccessCompatDirConfig {
    Setting<Order> order;
    std::vector<HostRule> allows;
    std::vector<HostRule> denies;
    Setting<bool> satisfy_any;
};

AuthzCoreDirConfig merge(const AuthzCoreDirConfig& base, const AuthzCoreDirConfig& add);
AccessCompatDirConfig merge(const AccessCompatDirConfig& base, const AccessCompatDirConfig& add);

}  // namespace feather::mod::authz
