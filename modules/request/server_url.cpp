#include "modules/request/server_url.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>

#include "modules/config_sets.hpp"
#include "modules/core/vhost_address.hpp"
#include "modules/core/vhost_map.hpp"
#include "modules/module_states.hpp"
#include "modules/request/url_parts.hpp"

namespace feather {

namespace {

const mod::core::CoreServerConfig& core_server(const Request& r)
{
    return get<mod::core::CoreServerConfig>(*r.server->modules);
}

mod::core::UseCanonicalName canonical_name(const Request& r)
{
    if (!r.per_dir) {
        return mod::core::UseCanonicalName::Off;
    }
    return get<mod::core::CoreDirConfig>(*r.per_dir)
        .uncommon().use_canonical_name.get_or(mod::core::UseCanonicalName::Off);
}

bool canonical_physical_port(const Request& r)
{
    return r.per_dir && get<mod::core::CoreDirConfig>(*r.per_dir)
                            .uncommon()
                            .use_canonical_phys_port.get_or(false);
}

// httpd's conn->local_host: the reverse lookup of the local address, lower
// case; the ServerName when there is none.
std::string local_host_name(const Request& r)
{
    if (r.connection == nullptr) {
        return server_hostname(r);
    }
    const std::string& ip = r.connection->local_ip;
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (::inet_pton(AF_INET, ip.c_str(), &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr) == 1) {
        ss.ss_family = AF_INET;
        len = sizeof(sockaddr_in);
    } else if (::inet_pton(AF_INET6, ip.c_str(),
                           &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr) == 1) {
        ss.ss_family = AF_INET6;
        len = sizeof(sockaddr_in6);
    }
    char host[NI_MAXHOST];
    if (len == 0 || ::getnameinfo(reinterpret_cast<sockaddr*>(&ss), len, host, sizeof host, nullptr,
                                  0, 0) != 0) {
        return server_hostname(r);
    }
    std::string name = host;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

}  // namespace

std::string server_hostname(const Request& r)
{
    if (r.states != nullptr && r.states->vhosts &&
        r.server_index < r.states->vhosts->hostnames.size()) {
        return r.states->vhosts->hostnames[r.server_index];
    }
    // Without the map (a request made by hand): the ServerName, as httpd
    // would have it, or the main server's.
    if (const auto& name = core_server(r).server_name; name.is_set()) {
        return *name.value;
    }
    if (r.config != nullptr) {
        return get<mod::core::CoreServerConfig>(*r.config->main_server().modules)
            .server_name.get_or("localhost");
    }
    return "localhost";
}

std::string server_name(const Request& r)
{
    switch (canonical_name(r)) {
        case mod::core::UseCanonicalName::On: return server_hostname(r);
        case mod::core::UseCanonicalName::Dns: return local_host_name(r);
        case mod::core::UseCanonicalName::Off: break;
    }
    return !r.hostname.empty() ? r.hostname : server_hostname(r);
}

std::string server_name_for_url(const Request& r)
{
    std::string name = server_name(r);
    if (name.find(':') != std::string::npos) {
        return "[" + name + "]";
    }
    return name;
}

std::optional<std::uint16_t> request_port(const Request& r)
{
    if (r.main != nullptr) {
        return std::nullopt;  // ap_sub_req_lookup_* parse only the new path
    }
    // An absolute request-target names its own port (httpd ignores the Host
    // header then, and replaces it in strict mode).
    std::string_view target = r.unparsed_uri;
    while (target.size() > 1 && target[0] == '/' && target[1] == '/') {
        target.remove_prefix(1);
    }
    const UrlParts url = parse_url(target);
    if (url.scheme && url.hostname) {
        if (!url.port_str) {
            return std::nullopt;
        }
        return url.port;
    }
    const auto host = r.headers_in.get("Host");
    if (!host || host->empty()) {
        return std::nullopt;
    }
    const auto parsed = mod::core::parse_addr_port(*host);
    if (!parsed || parsed->port == 0) {
        return std::nullopt;
    }
    return parsed->port;
}

std::uint16_t server_port(const Request& r)
{
    const std::uint16_t configured = core_server(r).server_port.get_or(0);
    const std::uint16_t local = r.connection != nullptr ? r.connection->local_port : 0;
    const bool physical = canonical_physical_port(r);
    if (canonical_name(r) == mod::core::UseCanonicalName::On) {
        if (configured != 0) {
            return configured;
        }
        if (physical && local != 0) {
            return local;
        }
        return default_port(r);
    }
    if (const auto asked = request_port(r)) {
        return *asked;
    }
    if (physical && local != 0) {
        return local;
    }
    return configured != 0 ? configured : default_port(r);
}

std::string_view http_scheme(const Request& r)
{
    return core_server(r).server_scheme.get_or("") == "https" ? "https" : "http";
}

std::uint16_t default_port(const Request& r) { return http_scheme(r) == "https" ? 443 : 80; }

std::string construct_url(const Request& r, std::string_view uri)
{
    const std::uint16_t port = server_port(r);
    std::string url = std::string(http_scheme(r)) + "://" + server_name_for_url(r);
    if (port != default_port(r)) {
        url += ":" + std::to_string(port);
    }
    url += uri;
    return url;
}

bool has_args(const Request& r)
{
    return !r.args.empty() || r.unparsed_uri.find('?') != std::string::npos;
}

}  // namespace feather
