#include "modules/authz/host_providers.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <string>
#include <vector>

#include "modules/authz/client_host.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::authz {

namespace {

void log(const Request& r, LogLevel level, const std::string& text)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::AuthzHost, level, text);
    }
}

std::string client_ip(const Request& r)
{
    return r.connection != nullptr ? r.connection->client_ip : std::string();
}

// apr_sockaddr_info_get(name, APR_UNSPEC): the addresses of `name`, of the
// families the host has an interface for (AI_ADDRCONFIG), one per address.
std::optional<std::vector<IpAddress>> resolve(const std::string& name)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* list = nullptr;
    int rc = ::getaddrinfo(name.c_str(), nullptr, &hints, &list);
    if (rc == EAI_BADFLAGS) {
        hints.ai_flags = 0;
        rc = ::getaddrinfo(name.c_str(), nullptr, &hints, &list);
    }
    if (rc != 0) {
        return std::nullopt;
    }
    std::vector<IpAddress> out;
    for (const addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
        IpAddress a;
        if (ai->ai_family == AF_INET) {
            const auto* sin = reinterpret_cast<const sockaddr_in*>(ai->ai_addr);
            std::memcpy(a.bytes.data(), &sin->sin_addr, 4);
        } else if (ai->ai_family == AF_INET6) {
            const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(ai->ai_addr);
            a.family = IpFamily::V6;
            std::memcpy(a.bytes.data(), &sin6->sin6_addr, 16);
        } else {
            continue;
        }
        out.push_back(a);
    }
    ::freeaddrinfo(list);
    if (out.empty()) {
        return std::nullopt;
    }
    return out;
}

// mod_authz_host's localhost_v4 and localhost_v6, made once.
const IpNetwork& localhost_v4()
{
    static const IpNetwork net = std::get<IpNetwork>(parse_ip_network("127.0.0.0", "8"));
    return net;
}

const IpNetwork& localhost_v6()
{
    static const IpNetwork net = std::get<IpNetwork>(parse_ip_network("::1", std::nullopt));
    return net;
}

}  // namespace

AuthzResult check_ip(Request& r, const IpRule& rule)
{
    if (const auto client = client_address(r)) {
        for (const IpNetwork& net : rule.networks) {
            if (net.contains(*client)) {
                return AuthzResult::Granted;
            }
        }
    }
    return AuthzResult::Denied;
}

AuthzResult check_host(Request& r, const HostRule& rule, std::string_view args)
{
    const auto host = double_reverse_host(r);
    if (!host) {
        log(r, LogLevel::Error,
            "AH01753: access check of '" + std::string(args) + "' to " + r.uri +
                " failed, reason: unable to get the remote host name");
        return AuthzResult::Denied;
    }
    // A '#' is no host name character: httpd takes the names before it
    // and says so on every request.
    if (rule.comment == HostRule::Comment::Only) {
        log(r, LogLevel::Error,
            "AH10120: authz_host authorize: dubious empty 'Require host " + rule.line +
                "' with only comment");
        return AuthzResult::Denied;
    }
    if (rule.comment == HostRule::Comment::Trailing) {
        log(r, LogLevel::Warn,
            "AH10121: authz_host authorize: ignoring comment in 'Require host " + rule.line + "'");
    }
    for (const std::string& name : rule.names) {
        if (in_domain(name, *host)) {
            return AuthzResult::Granted;
        }
    }
    return AuthzResult::Denied;
}

AuthzResult check_forward_dns(Request& r, const ForwardDnsRule& rule)
{
    const auto client = client_address(r);
    const bool debug =
        r.services != nullptr && r.services->log_enabled(r, ModuleId::AuthzHost, LogLevel::Debug);
    for (const std::string& name : rule.names) {
        const auto addresses = resolve(name);
        if (!addresses) {
            log(r, LogLevel::Warn, "AH03356: No sockaddr info for \"" + name + "\"");
            continue;
        }
        for (const IpAddress& a : *addresses) {
            const bool match = client && same_address(a, *client);
            if (debug) {
                log(r, LogLevel::Debug,
                    "AH03355: access check for " + client_ip(r) + " as '" + name +
                        "': " + (match ? "yes" : "no"));
            }
            if (match) {
                return AuthzResult::Granted;
            }
        }
    }
    return AuthzResult::Denied;
}

AuthzResult check_local(Request& r)
{
    const auto client = client_address(r);
    if (!client) {
        return AuthzResult::Denied;
    }
    const auto local = parse_ip_address(r.connection->local_ip);
    if ((local && same_address(*local, *client)) || localhost_v4().contains(*client) ||
        localhost_v6().contains(*client)) {
        return AuthzResult::Granted;
    }
    return AuthzResult::Denied;
}

}  // namespace feather::mod::authz
