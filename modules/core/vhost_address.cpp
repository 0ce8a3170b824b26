#include "modules/core/vhost_address.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "directives/registry.hpp"

namespace feather::mod::core {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The "(status)text: " prefix httpd's log puts before a message with an
// APR status (EAI errors are shown as "(EAI n)").
std::string apr_status_prefix(int apr_status, std::string_view text)
{
    return "(" + std::to_string(apr_status) + ")" + std::string(text) + ": ";
}

constexpr int kAprEgeneral = 20014;
constexpr int kAprEbadip = 20016;
constexpr std::string_view kAprEgeneralText = "Internal error (specific information not available)";
constexpr std::string_view kAprEbadipText = "The specified IP address is invalid.";

// atoi's value of the digits in `s`, saturated so that huge ports stay invalid.
long port_value(std::string_view s)
{
    long v = 0;
    for (const char c : s) {
        v = v * 10 + (c - '0');
        if (v > 65535) {
            return 65536;
        }
    }
    return v;
}

struct Resolved {
    std::vector<sockaddr_storage> addrs;
    std::string failure;  // the status prefix of a failed lookup
};

// apr_sockaddr_info_get(host, APR_UNSPEC): getaddrinfo with AI_ADDRCONFIG,
// retried without it when the flag is what failed; only IPv4/IPv6 results.
Resolved resolve(const std::string& host)
{
    Resolved out;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* list = nullptr;
    int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    if (rc == EAI_BADFLAGS || rc == EAI_ADDRFAMILY) {
        hints.ai_flags = 0;
        rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    }
    if (rc != 0) {
        if (rc == EAI_SYSTEM) {
            const int err = errno;
            out.failure = err != 0 ? apr_status_prefix(err, std::strerror(err))
                                   : apr_status_prefix(kAprEgeneral, kAprEgeneralText);
        } else {
            out.failure = "(EAI " + std::to_string(std::abs(rc)) + ")" + ::gai_strerror(rc) + ": ";
        }
        return out;
    }
    for (const addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) {
            continue;
        }
        sockaddr_storage ss{};
        std::memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
        out.addrs.push_back(ss);
    }
    ::freeaddrinfo(list);
    if (out.addrs.empty()) {
        out.failure = apr_status_prefix(kAprEgeneral, kAprEgeneralText);
    }
    return out;
}

std::string numeric_host(const sockaddr_storage& ss)
{
    char buf[NI_MAXHOST];
    const socklen_t len = ss.ss_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&ss), len, buf, sizeof buf, nullptr, 0,
                      NI_NUMERICHOST) != 0) {
        return {};
    }
    return buf;
}

// apr_sockaddr_zone_set: nullopt, or the status prefix of its failure.
std::optional<std::string> set_zone(sockaddr_storage& ss, const std::string& zone)
{
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&ss);
    if (ss.ss_family != AF_INET6 || !IN6_IS_ADDR_LINKLOCAL(&v6->sin6_addr)) {
        return apr_status_prefix(kAprEbadip, kAprEbadipText);
    }
    errno = 0;
    if (const unsigned idx = ::if_nametoindex(zone.c_str()); idx != 0) {
        v6->sin6_scope_id = idx;
        return std::nullopt;
    }
    if (errno != ENODEV) {
        const int err = errno;
        return apr_status_prefix(err, std::strerror(err));
    }
    // A numeric zone 1..32767 (apr_strtoi64 with APR_INT16_MAX).
    char* end = nullptr;
    errno = 0;
    const long long n = std::strtoll(zone.c_str(), &end, 10);
    if (zone.empty() || *end != '\0' || errno != 0 || n < 1 || n > 32767) {
        return apr_status_prefix(kAprEgeneral, kAprEgeneralText);
    }
    v6->sin6_scope_id = static_cast<std::uint32_t>(n);
    return std::nullopt;
}

}  // namespace

std::optional<AddrPort> parse_addr_port(std::string_view text)
{
    AddrPort out;
    if (text.empty()) {
        return out;  // APR would read before the string; httpd never passes ""
    }
    // A trailing run of digits is the port, or the whole string when it is
    // only digits.
    std::size_t ch = text.size();
    while (ch > 0 && is_digit(text[ch - 1])) {
        --ch;
    }
    std::size_t last = text.size();  // one past the host part
    if (ch == 0) {
        const long port = port_value(text);
        if (port < 1 || port > 65535) {
            return std::nullopt;
        }
        out.port = static_cast<std::uint16_t>(port);
        return out;  // no host: "80"
    }
    if (text[ch - 1] == ':' && ch < text.size()) {
        if (ch - 1 == 0) {
            return std::nullopt;  // ":80"
        }
        const long port = port_value(text.substr(ch));
        if (port < 1 || port > 65535) {
            return std::nullopt;
        }
        out.port = static_cast<std::uint16_t>(port);
        last = ch - 1;
    }
    const std::string_view host = text.substr(0, last);
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos || close != host.size() - 1) {
            return std::nullopt;
        }
        std::string_view inner = host.substr(1, host.size() - 2);
        const auto pct = inner.find('%');
        if (pct != std::string_view::npos) {
            if (pct == inner.size() - 1) {
                return std::nullopt;  // '%' without a zone
            }
            out.scope_id = std::string(inner.substr(pct + 1));
            inner = inner.substr(0, pct);
        }
        out.host = std::string(inner);
        in6_addr probe{};
        if (::inet_pton(AF_INET6, out.host.c_str(), &probe) != 1) {
            return std::nullopt;
        }
        return out;
    }
    out.host = std::string(host);
    return out;
}

std::optional<std::string> add_vhost_address(std::string_view word, std::uint16_t default_port,
                                             std::vector<CoreServerConfig::HostAddr>& out,
                                             std::string& logged)
{
    if (word.empty()) {
        return std::nullopt;
    }
    // ":*" (or a lone "*") means any port; APR does not know that form.
    std::string_view text = word;
    bool any_port = false;
    if (text.back() == '*') {
        if (text.size() < 2) {
            any_port = true;
        } else if (text[text.size() - 2] == ':') {
            text.remove_suffix(2);
            any_port = true;
        }
    }
    const auto parsed = parse_addr_port(text);
    if (!parsed) {
        return "The address or port is invalid";
    }
    if (parsed->host.empty()) {
        return "Missing address for VirtualHost";
    }
    std::uint16_t port = parsed->port;
    if (port == 0 && !any_port) {
        port = default_port;
    }
    CoreServerConfig::HostAddr addr;
    addr.host = parsed->host;
    addr.any_port = any_port;
    if (port != 0) {
        addr.port = port;
    }

    if (parsed->host == "*" || directives::iequals(parsed->host, "_default_")) {
        out.push_back(std::move(addr));
        return std::nullopt;
    }
    if (parsed->host.front() == '/') {
        // APR takes a leading '/' as a Unix socket path.
        addr.ip = parsed->host;
        out.push_back(std::move(addr));
        return std::nullopt;
    }
    Resolved resolved = resolve(parsed->host);
    if (!resolved.failure.empty()) {
        logged = resolved.failure + "AH00547: Could not resolve host name " + parsed->host +
                 " -- ignoring!";
        return std::nullopt;
    }
    if (parsed->scope_id) {
        // Only the first address gets the zone, as APR sets it on one sockaddr.
        if (auto failure = set_zone(resolved.addrs.front(), *parsed->scope_id)) {
            std::string shown = numeric_host(resolved.addrs.front());
            if (resolved.addrs.front().ss_family == AF_INET6) {
                shown = "[" + shown + "]";
            }
            logged = *failure + "AH10103: Could not set scope ID " + *parsed->scope_id + " for " +
                     shown + ":" + std::to_string(port) + " -- ignoring!";
            return std::nullopt;
        }
    }
    for (const auto& ss : resolved.addrs) {
        CoreServerConfig::HostAddr each = addr;
        each.ip = numeric_host(ss);
        out.push_back(std::move(each));
    }
    return std::nullopt;
}

}  // namespace feather::mod::core
