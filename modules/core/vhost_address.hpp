#pragma once
// The addresses of a <VirtualHost>: httpd's get_addresses (server/vhost.c)
// over apr_parse_addr_port and apr_sockaddr_info_get. Host names are
// resolved now, through the local resolver, as httpd does at startup.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/core_config.hpp"

namespace feather::mod::core {

// The parts of one address word, as apr_parse_addr_port splits it.
struct AddrPort {
    std::string host;                     // without brackets or "%zone"
    std::optional<std::string> scope_id;  // "[fe80::1%eth0]"
    std::uint16_t port = 0;               // 0: not given
};

// apr_parse_addr_port: "host", "host:port", "port", "[v6]", "[v6%zone]:port".
// nullopt where APR returns APR_EINVAL (bad port, bad brackets, bad IPv6).
std::optional<AddrPort> parse_addr_port(std::string_view text);

// One word of a <VirtualHost> line. Appends an entry per resolved address to
// `out` and returns nullopt, or returns httpd's error for a bad word. A name
// that does not resolve (AH00547) or a zone that cannot be set (AH10103) is
// skipped: `logged` gets the error-log text httpd prints for it.
// `default_port` is the main server's port (ServerName host:port), 0 if none.
std::optional<std::string> add_vhost_address(std::string_view word, std::uint16_t default_port,
                                             std::vector<CoreServerConfig::HostAddr>& out,
                                             std::string& logged);

}  // namespace feather::mod::core
