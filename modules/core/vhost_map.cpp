#include "modules/core/vhost_map.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <deque>

#include "modules/config_sets.hpp"
#include "modules/core/core_config.hpp"

namespace feather::mod::core {

// ---- IpAddress ------------------------------------------------------------

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    IpAddress ip;
    std::string host(text);
    if (const auto pct = host.find('%'); pct != std::string::npos) {
        ip.zone = host.substr(pct + 1);
        host.resize(pct);
    }
    if (ip.zone.empty() && ::inet_pton(AF_INET, host.c_str(), ip.bytes.data()) == 1) {
        ip.family = Family::V4;
        return ip;
    }
    if (::inet_pton(AF_INET6, host.c_str(), ip.bytes.data()) == 1) {
        ip.family = Family::V6;
        return ip;
    }
    return std::nullopt;
}

bool IpAddress::is_unspecified() const
{
    return std::all_of(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size()),
                       [](std::uint8_t b) { return b == 0; });
}

namespace {

bool is_v4_mapped(const IpAddress& ip)
{
    static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return ip.family == IpAddress::Family::V6 && std::memcmp(ip.bytes.data(), kPrefix, 12) == 0;
}

bool v4_mapped_equal(const IpAddress& v4, const IpAddress& v6)
{
    return v4.family == IpAddress::Family::V4 && is_v4_mapped(v6) &&
           std::memcmp(v4.bytes.data(), v6.bytes.data() + 12, 4) == 0;
}

}  // namespace

bool IpAddress::same_host(const IpAddress& other) const
{
    if (size() == other.size() && std::memcmp(bytes.data(), other.bytes.data(), size()) == 0) {
        return true;
    }
    return v4_mapped_equal(*this, other) || v4_mapped_equal(other, *this);
}

std::string IpAddress::to_string() const
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (family == Family::V4) {
        ::inet_ntop(AF_INET, bytes.data(), buf, sizeof buf);
        return buf;
    }
    if (is_v4_mapped(*this)) {
        ::inet_ntop(AF_INET, bytes.data() + 12, buf, sizeof buf);
        return buf;
    }
    ::inet_ntop(AF_INET6, bytes.data(), buf, sizeof buf);
    std::string s = buf;
    if (!zone.empty()) {
        s += '%' + zone;
    }
    return s;
}

unsigned IpAddress::hash_bucket() const
{
    // httpd reads the last four bytes as one unsigned and folds it
    // (key ^= key >> 16; (key >> 8) ^ key) % 256: the XOR of the four bytes,
    // whatever the byte order.
    const std::uint8_t* b = bytes.data() + size() - 4;
    return static_cast<unsigned>(b[0] ^ b[1] ^ b[2] ^ b[3]);
}

// ---- VhostMap lookups -----------------------------------------------------

const AddressGroup* VhostMap::find_specific(const IpAddress& ip, std::uint16_t port) const
{
    const AddressGroup* wild = nullptr;
    for (const AddressGroup& g : specific) {
        if (!g.addr.ip.same_host(ip)) {
            continue;
        }
        if (g.addr.port == port) {
            return &g;
        }
        if (wild == nullptr && (g.addr.port == 0 || port == 0)) {
            wild = &g;
        }
    }
    return wild;
}

const AddressGroup* VhostMap::find_wildcard(std::uint16_t port) const
{
    const AddressGroup* wild = nullptr;
    for (const AddressGroup& g : wildcard) {
        if (g.addr.port == port) {
            return &g;
        }
        if (wild == nullptr && g.addr.port == 0) {
            wild = &g;
        }
    }
    return wild;
}

// ---- building -------------------------------------------------------------

namespace {

// httpd's ipaddr_chain while it is being built: a group's names stay aside
// (`initial`) until a second virtual host joins it. Names are appended in
// the order they are seen (last host first) and turned round once at the
// end: inserting each at the front cost a quadratic copy with thousands of
// hosts on one address.
struct Chain {
    AddressGroup group;
    std::optional<NamedVhost> initial;
};

// httpd's add_name_vhost_config. Virtual hosts are visited last to first,
// so each one seen becomes the group's default server and goes in front.
void add_name(Chain& c, const VhostAddress& addr)
{
    const NamedVhost nv{addr.port, addr.server};
    c.group.server = addr.server;
    if (!c.group.names.empty()) {
        c.group.names.push_back(nv);
    } else if (!c.initial) {
        c.initial = nv;
    } else {
        c.group.names = {*c.initial, nv};
        c.initial.reset();
    }
}

std::vector<VhostAddress> addresses_of(const CoreServerConfig& core, std::size_t server)
{
    std::vector<VhostAddress> out;
    for (const auto& a : core.vhost_addrs) {
        VhostAddress va;
        va.server = server;
        va.port = a.any_port ? 0 : a.port.value_or(0);
        if (!a.ip.empty()) {
            auto ip = IpAddress::parse(a.ip);
            if (!ip) {
                continue;  // the setter keeps only numeric addresses
            }
            va.ip = *ip;
        }
        out.push_back(va);
    }
    return out;
}

class Builder {
public:
    Builder(const directives::Config& config, const HostLookup& lookup,
            std::vector<VhostNotice>& notices)
        : config_(config), lookup_(lookup), notices_(notices)
    {
    }

    VhostMap build()
    {
        VhostMap map;
        map.hostnames.resize(config_.servers.size());
        const auto& main_core = get<CoreServerConfig>(*config_.main_server().modules);
        map.hostnames[0] = main_core.server_name.is_set() ? *main_core.server_name.value
                                                          : lookup_.local_host(notices_);
        // httpd keeps virtual hosts newest first (core.c virtualhost_section).
        for (std::size_t s = config_.servers.size(); s-- > 1;) {
            const auto& core = get<CoreServerConfig>(*config_.servers[s].modules);
            const std::vector<VhostAddress> addrs = addresses_of(core, s);
            const bool has_wildcard = place(addrs);
            map.hostnames[s] = core.server_name.is_set()
                                   ? *core.server_name.value
                                   : fallback_name(addrs, has_wildcard, map.hostnames[0]);
        }
        for (Chain& c : chains_) {
            std::reverse(c.group.names.begin(), c.group.names.end());  // back to file order
        }
        for (const auto& bucket : buckets_) {
            for (const std::size_t i : bucket) {
                map.specific.push_back(chains_[i].group);
            }
        }
        for (const std::size_t i : default_list_) {
            map.wildcard.push_back(chains_[i].group);
        }
        return map;
    }

private:
    std::size_t new_chain(const VhostAddress& addr)
    {
        Chain c;
        c.group.addr = addr;
        c.group.server = addr.server;
        chains_.push_back(std::move(c));
        return chains_.size() - 1;
    }

    std::optional<std::size_t> find_default(std::uint16_t port) const
    {
        std::optional<std::size_t> wild;
        for (const std::size_t i : default_list_) {
            const std::uint16_t p = chains_[i].group.addr.port;
            if (p == port) {
                return i;
            }
            if (!wild && p == 0) {
                wild = i;
            }
        }
        return wild;
    }

    std::optional<std::size_t> find_address(const VhostAddress& a) const
    {
        std::optional<std::size_t> wild;
        for (const std::size_t i : buckets_[a.ip.hash_bucket()]) {
            const VhostAddress& cur = chains_[i].group.addr;
            if (cur.port == a.port && cur.ip.same_host(a.ip)) {
                return i;
            }
            if (!wild && (cur.port == 0 || a.port == 0) && cur.ip.same_host(a.ip)) {
                wild = i;
            }
        }
        return wild;
    }

    // The loop body of ap_fini_vhost_config for one virtual host; true when
    // one of its addresses is a wildcard.
    bool place(const std::vector<VhostAddress>& addrs)
    {
        bool has_wildcard = false;
        const VhostAddress* prev = nullptr;
        for (const VhostAddress& a : addrs) {
            if (a.ip.is_unspecified()) {
                const auto found = find_default(a.port);
                if (found && a.port == chains_[*found].group.addr.port) {
                    // A name resolving to both 0.0.0.0 and :: joins once.
                    if (prev == nullptr || !prev->ip.is_unspecified() || prev->port != a.port) {
                        add_name(chains_[*found], a);
                    }
                } else {
                    // None yet, or only one of the two is any-port: two
                    // IP-based hosts rather than one name-based group.
                    const std::size_t i = new_chain(a);
                    default_list_.push_front(i);
                    add_name(chains_[i], a);
                }
                has_wildcard = true;
            } else {
                auto found = find_address(a);
                if (!found || a.port != chains_[*found].group.addr.port) {
                    const std::size_t i = new_chain(a);
                    auto& bucket = buckets_[a.ip.hash_bucket()];
                    bucket.insert(bucket.begin(), i);
                    found = i;
                }
                add_name(chains_[*found], a);
            }
            prev = &a;
        }
        return has_wildcard;
    }

    // httpd's name for a virtual host without ServerName.
    std::string fallback_name(const std::vector<VhostAddress>& addrs, bool has_wildcard,
                              const std::string& main_name)
    {
        if (has_wildcard) {
            return main_name;
        }
        if (addrs.empty()) {
            return "bogus_host_without_forward_dns";
        }
        std::string failure;
        if (auto name = lookup_.reverse(addrs.front().ip, failure)) {
            return *name;
        }
        notices_.push_back({LogLevel::Error, false,
                            failure + "AH00549: Failed to resolve server name for " +
                                addrs.front().ip.to_string() +
                                " (check DNS) -- or specify an explicit ServerName"});
        return "bogus_host_without_reverse_dns";
    }

    const directives::Config& config_;
    const HostLookup& lookup_;
    std::vector<VhostNotice>& notices_;
    std::vector<Chain> chains_;
    std::array<std::deque<std::size_t>, 256> buckets_;  // new chains go in front
    std::deque<std::size_t> default_list_;
};

}  // namespace

VhostMap build_vhost_map(const directives::Config& config, const HostLookup& lookup,
                         std::vector<VhostNotice>& notices)
{
    return Builder(config, lookup, notices).build();
}

}  // namespace feather::mod::core
