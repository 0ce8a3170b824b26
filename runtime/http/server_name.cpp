#include "runtime/http/server_name.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include "modules/config_sets.hpp"

namespace feather::runtime {

namespace {

constexpr std::uint16_t kDefaultPort = 80;  // ap_default_port for http

mod::core::UseCanonicalName canonical(const Request& r)
{
    if (!r.per_dir) {
        return mod::core::UseCanonicalName::Off;
    }
    return get<mod::core::CoreDirConfig>(*r.per_dir)
        .use_canonical_name.get_or(mod::core::UseCanonicalName::Off);
}

bool physical_port(const Request& r)
{
    return r.per_dir &&
           get<mod::core::CoreDirConfig>(*r.per_dir).use_canonical_phys_port.get_or(false);
}

// server_rec->port: the ServerName's port, else the first <VirtualHost>
// address's; 0 when none was given.
std::uint16_t configured_port(const Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    if (const std::uint16_t p = core.server_port.get_or(0)) {
        return p;
    }
    if (!core.vhost_addrs.empty() && core.vhost_addrs.front().port) {
        return *core.vhost_addrs.front().port;
    }
    return 0;
}

std::string configured_name(const Request& r)
{
    return get<mod::core::CoreServerConfig>(*r.server->modules).server_name.get_or("localhost");
}

std::string local_host_name(const Request& r)
{
    if (r.connection == nullptr) {
        return configured_name(r);
    }
    sockaddr_storage ss{};
    socklen_t len = 0;
    const std::string& ip = r.connection->local_ip;
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
        return configured_name(r);
    }
    std::string out = host;
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace

std::string server_name_of(const Request& r)
{
    switch (canonical(r)) {
    case mod::core::UseCanonicalName::On: return configured_name(r);
    case mod::core::UseCanonicalName::Dns: return local_host_name(r);
    case mod::core::UseCanonicalName::Off: break;
    }
    return r.hostname.empty() ? configured_name(r) : r.hostname;
}

std::uint16_t server_port_of(const Request& r)
{
    const std::uint16_t local = r.connection != nullptr ? r.connection->local_port : 0;
    const std::uint16_t configured = configured_port(r);
    if (canonical(r) == mod::core::UseCanonicalName::On) {
        if (configured != 0) {
            return configured;
        }
        return physical_port(r) && local != 0 ? local : kDefaultPort;
    }
    if (r.port) {
        return *r.port;
    }
    if (physical_port(r) && local != 0) {
        return local;
    }
    return configured != 0 ? configured : kDefaultPort;
}

}  // namespace feather::runtime
