#include "runtime/http/remote_host.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cctype>
#include <cstring>

#include "modules/config_sets.hpp"

namespace feather::runtime {

namespace {

using mod::core::HostnameLookups;

// The client's address as a socket address (IPv4-mapped IPv6 as IPv4, as
// APR's getnameinfo and address comparison see it).
bool client_sockaddr(const std::string& ip, sockaddr_storage& ss, socklen_t& len)
{
    std::string text = ip;
    if (text.rfind("::ffff:", 0) == 0 && text.find('.') != std::string::npos) {
        text = text.substr(7);
    }
    auto* v4 = reinterpret_cast<sockaddr_in*>(&ss);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&ss);
    if (::inet_pton(AF_INET, text.c_str(), &v4->sin_addr) == 1) {
        ss.ss_family = AF_INET;
        len = sizeof(sockaddr_in);
        return true;
    }
    if (::inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr) == 1) {
        ss.ss_family = AF_INET6;
        len = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

std::optional<std::string> reverse_lookup(const std::string& ip)
{
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (!client_sockaddr(ip, ss, len)) {
        return std::nullopt;
    }
    char host[NI_MAXHOST];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&ss), len, host, sizeof host, nullptr, 0,
                      NI_NAMEREQD) != 0) {
        return std::nullopt;
    }
    std::string name = host;
    for (char& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

bool same_address(const addrinfo* ai, const sockaddr_storage& client)
{
    if (ai->ai_family != client.ss_family) {
        // an IPv4 client against an IPv4-mapped IPv6 answer
        if (ai->ai_family == AF_INET6 && client.ss_family == AF_INET) {
            const auto* a6 = reinterpret_cast<const sockaddr_in6*>(ai->ai_addr);
            const auto* c4 = reinterpret_cast<const sockaddr_in*>(&client);
            return IN6_IS_ADDR_V4MAPPED(&a6->sin6_addr) &&
                   std::memcmp(&a6->sin6_addr.s6_addr[12], &c4->sin_addr, 4) == 0;
        }
        return false;
    }
    if (ai->ai_family == AF_INET) {
        return std::memcmp(&reinterpret_cast<const sockaddr_in*>(ai->ai_addr)->sin_addr,
                           &reinterpret_cast<const sockaddr_in*>(&client)->sin_addr,
                           sizeof(in_addr)) == 0;
    }
    return std::memcmp(&reinterpret_cast<const sockaddr_in6*>(ai->ai_addr)->sin6_addr,
                       &reinterpret_cast<const sockaddr_in6*>(&client)->sin6_addr,
                       sizeof(in6_addr)) == 0;
}

// do_double_reverse: 1 when `name` resolves back to the client's address,
// -1 otherwise; decided once per connection.
int double_reverse(ConnectionInfo& c)
{
    if (c.double_reverse_checked) {
        return c.double_reverse_ok ? 1 : -1;
    }
    c.double_reverse_checked = true;
    c.double_reverse_ok = false;
    if (!c.remote_host || c.remote_host->empty()) {
        return -1;  // the single reverse failed: no need to look
    }
    sockaddr_storage client{};
    socklen_t len = 0;
    if (!client_sockaddr(c.client_ip, client, len)) {
        return -1;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (::getaddrinfo(c.remote_host->c_str(), nullptr, &hints, &res) == 0) {
        for (const addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
            if (same_address(ai, client)) {
                c.double_reverse_ok = true;
                break;
            }
        }
        ::freeaddrinfo(res);
    }
    return c.double_reverse_ok ? 1 : -1;
}

}  // namespace

std::optional<std::string> get_remote_host(Request& r, RemoteHost type, bool* is_ip)
{
    bool ignored = false;
    if (is_ip == nullptr) {
        is_ip = &ignored;
    }
    *is_ip = false;
    if (r.connection == nullptr) {
        return std::nullopt;
    }
    ConnectionInfo& c = *r.connection;
    HostnameLookups lookups = HostnameLookups::Off;
    if (r.per_dir) {
        lookups = get<mod::core::CoreDirConfig>(*r.per_dir)
                      .uncommon()
                      .hostname_lookups.get_or(HostnameLookups::Off);
    }

    if (type != RemoteHost::NoLookup && !c.remote_host &&
        (type == RemoteHost::DoubleRev || lookups != HostnameLookups::Off)) {
        c.remote_host = reverse_lookup(c.client_ip);
        if (c.remote_host && lookups == HostnameLookups::Double && double_reverse(c) != 1) {
            c.remote_host.reset();
        }
        if (!c.remote_host) {
            c.remote_host = std::string();  // looked up, nothing found
        }
    }
    if (type == RemoteHost::DoubleRev && double_reverse(c) == -1) {
        return std::nullopt;
    }
    if (c.remote_host && !c.remote_host->empty()) {
        return *c.remote_host;
    }
    if (type == RemoteHost::Host || type == RemoteHost::DoubleRev) {
        return std::nullopt;
    }
    *is_ip = true;
    return c.client_ip;
}

}  // namespace feather::runtime
