// The system resolver behind the virtual host map: httpd's apr_getnameinfo
// and ap_get_local_host (server/util.c).

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "modules/core/vhost_map.hpp"

namespace feather::mod::core {

namespace {

// The "(status)text: " prefix httpd's log puts before a message carrying an
// APR status; resolver errors show as "(EAI n)".
std::string resolver_failure(int rc)
{
    if (rc == EAI_SYSTEM) {
        const int err = errno;
        return "(" + std::to_string(err) + ")" + std::strerror(err) + ": ";
    }
    return "(EAI " + std::to_string(rc < 0 ? -rc : rc) + ")" + ::gai_strerror(rc) + ": ";
}

std::optional<std::string> name_of(const sockaddr* sa, socklen_t len, int& rc)
{
    char host[NI_MAXHOST];
    rc = ::getnameinfo(sa, len, host, sizeof host, nullptr, 0, NI_NAMEREQD);
    if (rc != 0) {
        return std::nullopt;
    }
    return std::string(host);
}

std::optional<std::string> reverse(const IpAddress& ip, std::string& failure)
{
    int rc = 0;
    std::optional<std::string> name;
    if (ip.family == IpAddress::Family::V4) {
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        std::memcpy(&sin.sin_addr, ip.bytes.data(), 4);
        name = name_of(reinterpret_cast<const sockaddr*>(&sin), sizeof sin, rc);
    } else {
        sockaddr_in6 sin6{};
        sin6.sin6_family = AF_INET6;
        std::memcpy(&sin6.sin6_addr, ip.bytes.data(), 16);
        name = name_of(reinterpret_cast<const sockaddr*>(&sin6), sizeof sin6, rc);
    }
    if (!name) {
        failure = resolver_failure(rc);
    }
    return name;
}

std::string numeric_name(const sockaddr* sa, socklen_t len)
{
    char host[NI_MAXHOST];
    if (::getnameinfo(sa, len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) {
        return {};
    }
    return host;
}

// ap_get_local_host: the canonical name of this host's first address if it
// has a dot, else the host name if it has one, else that address.
std::string local_host(const std::string& program, std::vector<VhostNotice>& notices)
{
    std::string name;
    char str[HOST_NAME_MAX + 2] = {};
    if (::gethostname(str, sizeof str - 1) != 0) {
        notices.push_back(
            {LogLevel::Warn, true,
             "AH00556: " + program + ": apr_gethostname() failed to determine ServerName"});
    } else {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_ADDRCONFIG;
        addrinfo* list = nullptr;
        if (::getaddrinfo(str, nullptr, &hints, &list) == 0 && list != nullptr) {
            int rc = 0;
            auto canonical = name_of(list->ai_addr, list->ai_addrlen, rc);
            if (canonical && canonical->find('.') != std::string::npos) {
                ::freeaddrinfo(list);
                return *canonical;
            }
            name = std::strchr(str, '.') != nullptr ? std::string(str)
                                                    : numeric_name(list->ai_addr, list->ai_addrlen);
            ::freeaddrinfo(list);
        } else {
            notices.push_back(
                {LogLevel::Warn, true,
                 "AH00557: " + program + ": apr_sockaddr_info_get() failed for " + str});
        }
    }
    if (name.empty()) {
        name = "127.0.0.1";
    }
    notices.push_back(
        {LogLevel::Alert, true,
         "AH00558: " + program +
             ": Could not reliably determine the server's fully qualified domain name, using " +
             name + ". Set the 'ServerName' directive globally to suppress this message"});
    return name;
}

}  // namespace

HostLookup system_host_lookup(std::string program)
{
    HostLookup lookup;
    lookup.reverse = &reverse;
    lookup.local_host = [program = std::move(program)](std::vector<VhostNotice>& notices) {
        return local_host(program, notices);
    };
    return lookup;
}

}  // namespace feather::mod::core
