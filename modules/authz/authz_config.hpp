#pragma once
// Access control: mod_authz_core (Require and its containers),
// mod_authz_host (the ip, host, forward-dns and local providers),
// mod_access_compat (Order/Allow/Deny/Satisfy).
//
// Everything a request needs is parsed here, at configuration time: a
// Require line keeps its provider's typed arguments (networks, method bits,
// names), so the request path parses nothing.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "directives/setting.hpp"
#include "modules/authz/http_method.hpp"
#include "modules/authz/ip_network.hpp"

namespace feather {
struct DirConfigSet;
}  // namespace feather

namespace feather::mod::authz {

// ---- Require providers: each one's arguments, parsed ---------------------

// Require all granted|denied
struct AllRule {
    bool granted = false;
};
// Require env VAR...: any of the variables set.
struct EnvRule {
    std::vector<std::string> variables;
};
// Require method M...: bits by method number (http_method.hpp).
struct MethodRule {
    std::uint64_t methods = 0;
};
// Require ip ADDR...
struct IpRule {
    std::vector<IpNetwork> networks;
};
// Require host NAME...: the client's double-reverse-resolved name ends in
// one of the names. httpd cuts the line at a '#' and logs it per request.
struct HostRule {
    enum class Comment : std::uint8_t {
        None,
        Trailing,  // "a.example # b": warn (AH10121), match the names before it
        Only,      // "# ...": deny and log (AH10120)
    };
    std::string line;  // the line's value, for those log messages
    std::vector<std::string> names;
    Comment comment = Comment::None;
};
// Require forward-dns NAME...: one of the names resolves to the client.
struct ForwardDnsRule {
    std::vector<std::string> names;  // up to the first '#'
};
// Require local: the client is on this host.
struct LocalRule {};
// A name given by <AuthzProviderAlias>: looked up in the server's aliases
// when the request is checked (a later alias of the same name wins, as in
// httpd).
struct AliasRule {
    std::string alias;
};

using ProviderRule =
    std::variant<AllRule, EnvRule, MethodRule, IpRule, HostRule, ForwardDnsRule, LocalRule, AliasRule>;

// ---- The Require tree -----------------------------------------------------

// httpd's authz_section_conf. A container is an All (<RequireAll>) or an
// Any (<RequireAny>, and the implicit root of a section's Require lines);
// <RequireNone> is a negated Any. Leaves are Require lines.
struct RequireNode {
    enum class Kind : std::uint8_t { Provider, All, Any };
    Kind kind = Kind::Any;
    bool negated = false;  // "Require not ...", <RequireNone>
    bool merged = false;   // made by AuthMerging from two sections' trees
    // The methods the node applies to (an enclosing <Limit>); a container's
    // are those of its children together.
    std::uint64_t methods = 0;

    // Kind::Provider only.
    std::string provider;   // as written: "ip", or an alias
    std::string args;       // the text after it, as written (for logs)
    ProviderRule rule;

    std::vector<RequireNode> children;  // containers only
    SourceLoc loc;

    // httpd's format_authz_command: "Require not ip 10.1", "<RequireNone>",
    // "AuthMerging All" (sic: httpd names the merged node by its logic).
    std::string describe() const;
};

enum class AuthMerging : std::uint8_t { Off, And, Or };

struct AuthzCoreDirConfig {
    // The section's Require lines under their implicit <RequireAny> root;
    // none when the section has no Require line.
    std::optional<RequireNode> section;
    Setting<AuthMerging> merging;            // AuthMerging (applies to this section only)
    Setting<bool> forbidden_on_failure;      // AuthzSendForbiddenOnFailure
};

// <AuthzProviderAlias provider alias args>: a provider with fixed arguments
// and its own settings, merged over the request's before it runs.
struct ProviderAlias {
    std::string provider;  // the aliased provider's name
    std::string args;      // its one argument
    ProviderRule rule;
    std::shared_ptr<const DirConfigSet> settings;  // the directives inside the section
    SourceLoc loc;
};

struct AuthzCoreServerConfig {
    // By alias name (case-sensitive, as httpd's provider names are). Only the
    // main server has aliases; a virtual host uses the main server's.
    std::map<std::string, ProviderAlias, std::less<>> aliases;

    // Load-time only: the first container found to hold only negative
    // requirements, reported once the whole configuration is read (AH01624)
    // and then cleared. (httpd reports the first of the newest section that
    // has one; every such container is a <RequireAll>, so any will do.)
    std::optional<std::string> negative_only;
};

// ---- mod_access_compat ----------------------------------------------------

enum class Order : std::uint8_t { DenyThenAllow, AllowThenDeny, MutualFailure };
enum class Satisfy : std::uint8_t { Unspecified, All, Any };

template <class T>
constexpr std::array<T, kMethodCount> per_method(T value)
{
    std::array<T, kMethodCount> a{};
    a.fill(value);
    return a;
}

// One "Allow from"/"Deny from" word.
struct FromAll {};
struct FromEnv {
    std::string variable;
    bool negated = false;  // env=!VAR: matches when VAR is not set
};
struct FromHost {
    std::string domain;  // matches the client's name if it ends in this domain
};
struct HostAccessRule {
    std::variant<FromAll, FromEnv, IpNetwork, FromHost> from;
    std::uint64_t methods = ~std::uint64_t{0};  // the enclosing <Limit>
};

struct AccessCompatDirConfig {
    // Set once any of order/allow/deny/Satisfy appears in the section. httpd
    // gives this module no merge: such a section's config replaces the
    // inherited one whole, and a section without these directives inherits.
    bool in_use = false;
    std::array<Order, kMethodCount> order = per_method(Order::DenyThenAllow);
    std::vector<HostAccessRule> allows;
    std::vector<HostAccessRule> denies;
    std::array<Satisfy, kMethodCount> satisfy = per_method(Satisfy::Unspecified);
};

AuthzCoreDirConfig merge(const AuthzCoreDirConfig& base, const AuthzCoreDirConfig& add);
AuthzCoreServerConfig merge(const AuthzCoreServerConfig& base, const AuthzCoreServerConfig& add);
AccessCompatDirConfig merge(const AccessCompatDirConfig& base, const AccessCompatDirConfig& add);

}  // namespace feather::mod::authz
