#pragma once
// Which virtual hosts answer on which address: httpd's ap_fini_vhost_config
// (server/vhost.c). Virtual hosts are grouped by the address:port of their
// <VirtualHost> lines; a group with several is name-based (the first in the
// file is its default server), a group with one is IP-based. Addresses
// "*", "_default_", 0.0.0.0 and :: form the wildcard groups, looked at when
// no specific address matches. The HTTP engine picks a request's virtual
// host from this map; -S (DUMP_VHOSTS) prints it.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/config.hpp"
#include "directives/log_level.hpp"

namespace feather::mod::core {

// A numeric IPv4 or IPv6 address.
struct IpAddress {
    enum class Family : std::uint8_t { V4, V6 };
    Family family = Family::V4;
    std::array<std::uint8_t, 16> bytes{};  // network order; IPv4 uses the first 4
    std::string zone;                      // IPv6 "%zone" as written, without '%'

    // A numeric address ("10.0.0.1", "::1", "fe80::1%eth0"); nullopt otherwise.
    static std::optional<IpAddress> parse(std::string_view text);
    std::size_t size() const { return family == Family::V4 ? 4 : 16; }
    // All zero: 0.0.0.0 or :: (httpd compares with a zeroed buffer).
    bool is_unspecified() const;
    // apr_sockaddr_equal: same bytes, or an IPv4 address and its IPv4-mapped
    // IPv6 form. Ports are not compared.
    bool same_host(const IpAddress& other) const;
    // apr_sockaddr_ip_get: "10.0.0.1", "::1"; an IPv4-mapped address prints
    // as IPv4.
    std::string to_string() const;
    // httpd's hash_addr: the last four bytes folded into 0..255.
    unsigned hash_bucket() const;
};

// One address of a virtual host (httpd's server_addr_rec).
struct VhostAddress {
    IpAddress ip;
    std::uint16_t port = 0;  // 0: any port (":*", or no port anywhere)
    std::size_t server = 0;  // index in Config::servers
};

// A name-based virtual host in a group (httpd's name_chain).
struct NamedVhost {
    std::uint16_t port = 0;  // of the address that put it in the group; 0: any
    std::size_t server = 0;
};

// The virtual hosts on one address (httpd's ipaddr_chain).
struct AddressGroup {
    VhostAddress addr;              // the address the group was made for
    std::size_t server = 0;         // the default server: the first in the file
    std::vector<NamedVhost> names;  // in file order; empty for an IP-based host
    bool name_based() const { return !names.empty(); }
};

struct VhostMap {
    // Groups on a specific address, in httpd's order (its hash table's
    // buckets, then file order), which -S shows.
    std::vector<AddressGroup> specific;
    // Groups on a wildcard address, in file order.
    std::vector<AddressGroup> wildcard;
    // Each server's host name (index as Config::servers): its ServerName, or
    // what httpd falls back to when it has none.
    std::vector<std::string> hostnames;

    // httpd's find_ipaddr: the group for a connection's local address, an
    // exact port before an any-port group; nullptr if none.
    const AddressGroup* find_specific(const IpAddress& ip, std::uint16_t port) const;
    // httpd's find_default_server: the wildcard group for a port.
    const AddressGroup* find_wildcard(std::uint16_t port) const;
};

// A message building the map logs, worded as httpd's.
struct VhostNotice {
    LogLevel level = LogLevel::Warn;
    bool startup = false;  // httpd's APLOG_STARTUP: printed bare, without the log-line prefix
    std::string text;
};

// The name lookups the map may need, replaceable in tests.
struct HostLookup {
    // getnameinfo with NI_NAMEREQD; on failure nullopt, and `failure` gets
    // httpd's status prefix ("(EAI 2)Name or service not known: ").
    std::function<std::optional<std::string>(const IpAddress&, std::string& failure)> reverse;
    // ap_get_local_host: this machine's fully qualified name, logging
    // AH00556/AH00557/AH00558 as httpd does when it cannot find one.
    std::function<std::string(std::vector<VhostNotice>& notices)> local_host;
};

// Lookups through the system resolver; `program` prefixes httpd's startup
// messages ("feather: Could not reliably determine ...").
HostLookup system_host_lookup(std::string program);

// Builds the map from the servers of a loaded configuration.
VhostMap build_vhost_map(const directives::Config& config, const HostLookup& lookup,
                         std::vector<VhostNotice>& notices);

}  // namespace feather::mod::core
