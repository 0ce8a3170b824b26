#include "runtime/http/vhost_select.hpp"

#include <string>
#include <vector>

#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"
#include "modules/request/url_parts.hpp"
#include "runtime/http/host_name.hpp"

namespace feather::runtime {

namespace {

using mod::core::AddressGroup;
using mod::core::IpAddress;

constexpr int kMethodConnect = 4;  // httpd's M_CONNECT

// One address of a <VirtualHost> line as httpd's server_addr_rec keeps it.
struct Address {
    std::optional<IpAddress> ip;  // none for "*" and "_default_"
    std::uint16_t port = 0;       // 0: any
    std::string virthost;         // as written
};

// What name-based matching looks at for one server.
struct Names {
    std::string hostname;  // ServerName, or httpd's fallback
    std::vector<std::string> aliases;
    std::vector<std::string> wild_aliases;
    std::optional<std::string> path;  // ServerPath
    std::vector<Address> addrs;
};

bool same_address(const Address& a, const AddressGroup& g)
{
    if (!a.ip) {
        return g.addr.ip.is_unspecified();
    }
    return a.ip->same_host(g.addr.ip);
}

void log(const Request& r, LogLevel level, const std::string& text)
{
    if (r.services != nullptr && r.services->log_enabled(r, ModuleId::Core, level)) {
        r.services->log(r, ModuleId::Core, level, text);
    }
}

// The host of an absolute request-target, as ap_parse_uri takes it: only
// for the server's own scheme (and from a CONNECT target).
struct UrlHost {
    std::string host;
    std::optional<std::string> port_str;
};

std::optional<UrlHost> url_host(const Request& r, std::string_view scheme)
{
    std::string_view target = r.unparsed_uri;
    while (target.size() > 1 && target[0] == '/' && target[1] == '/') {
        target.remove_prefix(1);
    }
    const UrlParts u =
        r.method_number == kMethodConnect ? parse_hostinfo(target) : parse_url(target);
    if (!u.hostname) {
        return std::nullopt;
    }
    if (r.method_number != kMethodConnect && !(u.scheme && iequal(*u.scheme, scheme))) {
        return std::nullopt;
    }
    return UrlHost{*u.hostname, u.port_str};
}

}  // namespace

struct VhostSelector::Impl {
    const directives::Config& config;
    std::shared_ptr<const mod::core::VhostMap> map;
    std::vector<Names> servers;

    Impl(const directives::Config& c, std::shared_ptr<const mod::core::VhostMap> m)
        : config(c), map(std::move(m))
    {
        for (std::size_t i = 0; i < config.servers.size(); ++i) {
            const auto& core = get<mod::core::CoreServerConfig>(*config.servers[i].modules);
            Names n;
            n.hostname =
                i < map->hostnames.size() ? map->hostnames[i] : core.server_name.get_or("");
            n.aliases = core.server_aliases;
            n.wild_aliases = core.server_wild_aliases;
            if (core.server_path.is_set()) {
                n.path = *core.server_path.value;
            }
            for (const auto& a : core.vhost_addrs) {
                Address addr;
                addr.ip = a.ip.empty() ? std::nullopt : IpAddress::parse(a.ip);
                addr.port = a.any_port ? 0 : a.port.value_or(0);
                addr.virthost = a.host;
                n.addrs.push_back(std::move(addr));
            }
            servers.push_back(std::move(n));
        }
    }

    // ap_update_vhost_given_ip: the group of a local address, or none (the
    // main server, no name-based hosts).
    const AddressGroup* group_for(std::string_view local_ip, std::uint16_t port) const
    {
        if (const auto ip = IpAddress::parse(local_ip)) {
            if (const AddressGroup* g = map->find_specific(*ip, port)) {
                return g;
            }
        }
        return map->find_wildcard(port);
    }

    // matches_aliases: ServerName, then ServerAlias, then the wildcards.
    bool matches_aliases(std::size_t s, const std::string& host) const
    {
        const Names& n = servers[s];
        if (iequal(host, n.hostname)) {
            return true;
        }
        for (const auto& a : n.aliases) {
            if (iequal(host, a)) {
                return true;
            }
        }
        for (const auto& w : n.wild_aliases) {
            if (wildcard_match(host, w)) {
                return true;
            }
        }
        return false;
    }

    // The fallback of update_server_from_aliases: the host is written as
    // one of the server's <VirtualHost> addresses in this group.
    bool matches_virthost(std::size_t s, std::uint16_t port, const AddressGroup& g,
                          const std::string& host) const
    {
        for (const Address& a : servers[s].addrs) {
            if (a.port == port && same_address(a, g) && iequal(host, a.virthost)) {
                return true;
            }
        }
        return false;
    }

    // update_server_from_aliases over a name-based group.
    std::optional<std::size_t> by_name(const AddressGroup& g, std::uint16_t port,
                                       const std::string& host) const
    {
        std::optional<std::size_t> virthost;
        std::optional<std::size_t> last;
        for (const auto& nv : g.names) {
            if (nv.port != 0 && nv.port != port) {
                continue;
            }
            if (nv.server != last && matches_aliases(nv.server, host)) {
                return nv.server;
            }
            if (!virthost && matches_virthost(nv.server, nv.port, g, host)) {
                virthost = nv.server;
            }
            last = nv.server;
        }
        return virthost;
    }

    // check_serverpath: a request without a host picks the name-based host
    // whose ServerPath prefixes its path.
    std::optional<std::size_t> by_path(const AddressGroup& g, std::uint16_t port,
                                       std::string_view uri) const
    {
        std::optional<std::size_t> last;
        for (const auto& nv : g.names) {
            if ((nv.port != 0 && nv.port != port) || nv.server == last) {
                continue;
            }
            last = nv.server;
            const auto& path = servers[nv.server].path;
            if (!path || path->empty() || uri.substr(0, path->size()) != *path) {
                continue;
            }
            if (path->back() == '/' || uri.size() == path->size() || uri[path->size()] == '/') {
                return nv.server;
            }
        }
        return std::nullopt;
    }
};

VhostSelector::VhostSelector(const directives::Config& config)
{
    std::vector<mod::core::VhostNotice> notices;  // printed when the configuration was checked
    auto map = std::make_shared<const mod::core::VhostMap>(
        mod::core::build_vhost_map(config, mod::core::system_host_lookup("feather"), notices));
    impl_ = std::make_unique<Impl>(config, std::move(map));
}

VhostSelector::VhostSelector(const directives::Config& config,
                             std::shared_ptr<const mod::core::VhostMap> map)
    : impl_(std::make_unique<Impl>(config, std::move(map)))
{
}

VhostSelector::~VhostSelector() = default;

std::size_t VhostSelector::for_connection(std::string_view local_ip, std::uint16_t local_port) const
{
    const AddressGroup* g = impl_->group_for(local_ip, local_port);
    return g != nullptr ? g->server : 0;
}

std::size_t VhostSelector::for_request(std::size_t connection_server, Request& r) const
{
    return check_request_host(connection_server, r).server;
}

HostCheck VhostSelector::check_request_host(std::size_t connection_server, Request& r) const
{
    const auto& server = impl_->config.servers.at(connection_server);
    const auto& core = get<mod::core::CoreServerConfig>(*server.modules);
    const auto& main = get<mod::core::CoreServerConfig>(*impl_->config.main_server().modules);
    // A virtual host takes what it leaves unset from the main server
    // (ap_fixup_virtual_hosts), HttpProtocolOptions category by category.
    unsigned conformance = core.http_protocol_options.get_or(0) & mod::core::kHttpConformanceMask;
    if (conformance == 0) {
        conformance = main.http_protocol_options.get_or(0) & mod::core::kHttpConformanceMask;
    }
    const bool strict = (conformance & mod::core::kHttpUnsafe) == 0;
    const bool require_match = core.strict_host_check.is_set()
                                   ? *core.strict_host_check.value
                                   : main.strict_host_check.get_or(false);
    const std::string scheme = core.server_scheme.get_or("") == "https" ? "https" : "http";
    HostCheck out{connection_server, 0};

    // fix_hostname: the host of an absolute request-target wins over Host.
    const auto header = r.headers_in.get("Host");
    const auto from_url = url_host(r, scheme);
    bool have_hostname = false;
    std::optional<HostName> fixed;
    std::string why;
    if (from_url) {
        fixed = fix_hostname(from_url->host, HostSource::Url, strict, why);
        r.hostname = fixed ? fixed->host : from_url->host;
        have_hostname = true;
    } else if (header) {
        fixed = fix_hostname(*header, HostSource::Header, strict, why);
        r.hostname = fixed ? fixed->host : std::string();
        have_hostname = fixed && !fixed->host.empty();
    } else {
        r.hostname.clear();
    }
    if ((from_url || header) && !fixed) {
        log(r, LogLevel::Debug, why);
        out.status = 400;
        return out;
    }

    // RFC 2616 5.2: the request-target's host replaces the Host header.
    if (from_url && header && strict) {
        std::string replacement = fixed->v6_literal ? "[" + r.hostname + "]" : r.hostname;
        if (from_url->port_str) {
            replacement += ":" + *from_url->port_str;
        }
        log(r, LogLevel::Debug,
            "AH02417: Replacing host header '" + std::string(*header) + "' with host '" +
                replacement + "' given in the request uri");
        r.headers_in.set("Host", replacement);
    }

    const std::uint16_t port = r.connection != nullptr ? r.connection->local_port : 0;
    const AddressGroup* group =
        r.connection != nullptr ? impl_->group_for(r.connection->local_ip, port) : nullptr;
    bool matched = true;
    if (group != nullptr && group->name_based()) {
        if (have_hostname) {
            const auto s = impl_->by_name(*group, port, r.hostname);
            matched = s.has_value();
            out.server = s.value_or(connection_server);
        } else if (const auto s = impl_->by_path(*group, port, r.uri)) {
            out.server = *s;
        }
    } else if (require_match && have_hostname) {
        matched = impl_->matches_aliases(connection_server, r.hostname);
    }

    if (require_match && !matched) {
        if (connection_server == 0) {
            log(r, LogLevel::Warn,
                "AH10156: Requested hostname '" + r.hostname +
                    "' did not match any ServerName/ServerAlias in the global server "
                    "configuration ");
        } else {
            log(r, LogLevel::Warn,
                "AH10157: Requested hostname '" + r.hostname +
                    "' did not match any ServerName/ServerAlias in the matching virtual host "
                    "(default vhost "
                    "for current connection is " +
                    std::string(server.defined_at.file()) + ":" +
                    std::to_string(server.defined_at.line) + ")");
        }
        out.status = 400;
        return out;
    }

    // HTTP/1.1 requires a host (S9, S14.23), and a Host header.
    if ((!have_hostname && r.proto_num >= 1001) || (r.proto_num == 1001 && !header)) {
        log(r, LogLevel::Debug,
            "AH00569: client sent HTTP/1.1 request without hostname (see RFC2616 section 14.23): " +
                r.uri);
        out.status = 400;
    }
    return out;
}

}  // namespace feather::runtime
