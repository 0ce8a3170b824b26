// mod_access_compat's request hook: the Order/Allow/Deny rules of the
// request's method (check_dir_access, an access_checker at
// APR_HOOK_MIDDLE). Satisfy is read by the pipeline (ap_satisfies).

#include <string>

#include "modules/authz/client_host.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::authz {

namespace {

// What find_allowdeny learns once per list: the client's address and, on
// the first host rule, its double-reverse name.
class Client {
public:
    explicit Client(Request& request) : r(request), address(client_address(request)) {}

    const std::optional<std::string>& name()
    {
        if (!host_looked_up_) {
            host_looked_up_ = true;
            host_ = double_reverse_host(r);
        }
        return host_;
    }

    Request& r;
    const std::optional<IpAddress> address;

private:
    bool host_looked_up_ = false;
    std::optional<std::string> host_;
};

struct RuleMatch {
    Client& client;

    bool operator()(const FromAll&) const { return true; }
    bool operator()(const FromEnv& e) const
    {
        return client.r.subprocess_env.has(e.variable) != e.negated;
    }
    bool operator()(const IpNetwork& net) const
    {
        return client.address && net.contains(*client.address);
    }
    bool operator()(const FromHost& h) const
    {
        const auto& name = client.name();
        return name && in_domain(h.domain, *name);
    }
};

// find_allowdeny: a rule of the list, given for this method, matches.
bool any_matches(Request& r, const std::vector<HostAccessRule>& rules, int method)
{
    Client client(r);
    const std::uint64_t bit = method_bit(method);
    for (const HostAccessRule& rule : rules) {
        if ((rule.methods & bit) != 0 && std::visit(RuleMatch{client}, rule.from)) {
            return true;
        }
    }
    return false;
}

Verdict check_dir_access(Request& r)
{
    const int method = r.method_number;
    if (method < 0 || method >= kMethodCount) {
        return Verdict::ok();
    }
    const AccessCompatDirConfig& conf = get<AccessCompatDirConfig>(*r.per_dir);
    bool allowed = true;
    switch (conf.order[static_cast<std::size_t>(method)]) {
    case Order::AllowThenDeny:
        // Denied unless allowed, and a deny has the last word.
        allowed = any_matches(r, conf.allows, method) && !any_matches(r, conf.denies, method);
        break;
    case Order::DenyThenAllow:
        // Allowed unless denied, and an allow has the last word.
        allowed = !any_matches(r, conf.denies, method) || any_matches(r, conf.allows, method);
        break;
    case Order::MutualFailure:
        allowed = any_matches(r, conf.allows, method) && !any_matches(r, conf.denies, method);
        break;
    }
    if (allowed) {
        return Verdict::ok();
    }
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::AccessCompat, LogLevel::Error,
                        "AH01797: client denied by server configuration: " +
                            (r.filename.empty() ? "uri " + r.uri : r.filename));
    }
    return Verdict::http(403);
}

constexpr HookSpec kHookSpecs[] = {
    {Phase::CheckAccess, &check_dir_access, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kAccessCompatHooks{ModuleId::AccessCompat, kHookSpecs};

}  // namespace feather::mod::authz
