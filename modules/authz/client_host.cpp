#include "modules/authz/client_host.hpp"

#include <cstring>

#include "modules/request/headers.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::authz {

namespace {

bool is_v4_mapped(const IpAddress& a)
{
    static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return a.family == IpFamily::V6 && std::memcmp(a.bytes.data(), kPrefix, sizeof kPrefix) == 0;
}

bool v4_equals_mapped(const IpAddress& v4, const IpAddress& v6)
{
    return v4.family == IpFamily::V4 && is_v4_mapped(v6) &&
           std::memcmp(v4.bytes.data(), v6.bytes.data() + 12, 4) == 0;
}

}  // namespace

std::optional<IpAddress> client_address(const Request& r)
{
    if (r.connection == nullptr) {
        return std::nullopt;
    }
    return parse_ip_address(r.connection->client_ip);
}

bool same_address(const IpAddress& a, const IpAddress& b)
{
    if (a.family == b.family) {
        const std::size_t n = a.family == IpFamily::V4 ? 4 : 16;
        return std::memcmp(a.bytes.data(), b.bytes.data(), n) == 0;
    }
    return v4_equals_mapped(a, b) || v4_equals_mapped(b, a);
}

std::optional<std::string> double_reverse_host(Request& r)
{
    if (r.connection == nullptr || r.services == nullptr) {
        return std::nullopt;
    }
    // httpd's "NULL or an IP" case, which both modules treat alike.
    bool is_ip = false;
    auto host = r.services->remote_host(r, RemoteHost::DoubleRev, &is_ip);
    if (!host || host->empty() || is_ip) {
        return std::nullopt;
    }
    return host;
}

bool in_domain(std::string_view domain, std::string_view what)
{
    if (what.size() < domain.size()) {
        return false;
    }
    const std::size_t start = what.size() - domain.size();
    if (!iequal(what.substr(start), domain)) {
        return false;
    }
    return start == 0 || (!domain.empty() && domain.front() == '.') || what[start - 1] == '.';
}

}  // namespace feather::mod::authz
