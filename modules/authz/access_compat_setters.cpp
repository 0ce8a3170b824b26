// order, allow, deny and Satisfy, with mod_access_compat's checks and
// messages. Order and Satisfy are kept per method, as an enclosing <Limit>
// selects; each allow/deny word keeps the methods it applies to.

#include "modules/authz/access_compat_setters.hpp"

#include <string>

namespace feather::mod::authz {

namespace {

// Any directive of the module gives the section a config of its own, which
// then replaces the inherited one whole.
AccessCompatDirConfig& conf_of(Cmd& cmd)
{
    auto& conf = dir_conf<AccessCompatDirConfig>(cmd);
    conf.in_use = true;
    return conf;
}

template <class T>
void set_per_method(const Cmd& cmd, std::array<T, kMethodCount>& slots, T value)
{
    const auto limited = static_cast<std::uint64_t>(cmd.limited);
    for (int m = 0; m < kMethodCount; ++m) {
        if ((limited & method_bit(m)) != 0) {
            slots[static_cast<std::size_t>(m)] = value;
        }
    }
}

bool starts_with_nocase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && directives::iequals(s.substr(0, prefix.size()), prefix);
}

// One word after "from": env=VAR, env=!VAR, all, a network, an address,
// else a host name.
Status add_host_rule(Cmd& cmd, const Args& args, std::vector<HostAccessRule>& rules)
{
    if (!directives::iequals(args[0], "from")) {
        return "allow and deny must be followed by 'from'";
    }
    const std::string_view where = args[1];
    HostAccessRule rule;
    rule.methods = static_cast<std::uint64_t>(cmd.limited);

    if (starts_with_nocase(where, "env=!")) {
        rule.from = FromEnv{std::string(where.substr(5)), true};
    } else if (starts_with_nocase(where, "env=")) {
        rule.from = FromEnv{std::string(where.substr(4)), false};
    } else if (directives::iequals(where, "all")) {
        rule.from = FromAll{};
    } else if (const auto slash = where.find('/'); slash != std::string_view::npos) {
        const auto parsed = parse_ip_network(where.substr(0, slash), where.substr(slash + 1));
        if (const auto* err = std::get_if<IpParseError>(&parsed)) {
            if (*err == IpParseError::NotAnAddress) {
                return "An IP address was expected";
            }
            return std::string(error_text(*err));
        }
        rule.from = std::get<IpNetwork>(parsed);
    } else {
        const auto parsed = parse_ip_network(where, std::nullopt);
        const auto* err = std::get_if<IpParseError>(&parsed);
        if (err == nullptr) {
            rule.from = std::get<IpNetwork>(parsed);
        } else if (*err != IpParseError::NotAnAddress) {
            return std::string(error_text(*err));
        } else if (where.find('#') != std::string_view::npos) {
            return "No comments are allowed here";
        } else {
            rule.from = FromHost{std::string(where)};
        }
    }
    rules.push_back(std::move(rule));
    return std::nullopt;
}

}  // namespace

Status set_order(Cmd& cmd, const Args& args)
{
    AccessCompatDirConfig& conf = conf_of(cmd);
    const std::string& v = args[0];
    Order order;
    if (directives::iequals(v, "allow,deny")) {
        order = Order::AllowThenDeny;
    } else if (directives::iequals(v, "deny,allow")) {
        order = Order::DenyThenAllow;
    } else if (directives::iequals(v, "mutual-failure")) {
        order = Order::MutualFailure;
    } else {
        return "unknown order";
    }
    set_per_method(cmd, conf.order, order);
    return std::nullopt;
}

Status set_allow(Cmd& cmd, const Args& args)
{
    return add_host_rule(cmd, args, conf_of(cmd).allows);
}

Status set_deny(Cmd& cmd, const Args& args)
{
    return add_host_rule(cmd, args, conf_of(cmd).denies);
}

Status set_satisfy(Cmd& cmd, const Args& args)
{
    AccessCompatDirConfig& conf = conf_of(cmd);
    const std::string& v = args[0];
    Satisfy satisfy;
    if (directives::iequals(v, "all")) {
        satisfy = Satisfy::All;
    } else if (directives::iequals(v, "any")) {
        satisfy = Satisfy::Any;
    } else {
        return "Satisfy either 'any' or 'all'.";
    }
    set_per_method(cmd, conf.satisfy, satisfy);
    return std::nullopt;
}

}  // namespace feather::mod::authz
