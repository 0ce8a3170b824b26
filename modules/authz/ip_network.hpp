#pragma once
// Addresses and networks as "Require ip" and "Allow from" know them: APR's
// apr_ipsubnet_t, parsed and matched with APR's exact rules (which accept
// partial addresses such as "10.1", CIDR suffixes and dotted netmasks, and a
// few oddities that configurations in the wild rely on).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

namespace feather::mod::authz {

enum class IpFamily : std::uint8_t { V4, V6 };

// A client address. Bytes in network order; an IPv4 address uses the first 4.
struct IpAddress {
    IpFamily family = IpFamily::V4;
    std::array<std::uint8_t, 16> bytes{};

    bool operator==(const IpAddress&) const = default;
};

// Why a text is not a network (apr_ipsubnet_create's APR_EINVAL,
// APR_EBADIP, APR_EBADMASK).
enum class IpParseError : std::uint8_t {
    NotAnAddress,  // looks nothing like one: callers may try a host name
    BadAddress,
    BadMask,
};

// A network: an address and a mask, each 16 bytes as APR keeps them (an IPv4
// network uses the first 4 bytes; APR's matching reads the rest too).
struct IpNetwork {
    IpFamily family = IpFamily::V4;
    std::array<std::uint8_t, 16> address{};
    std::array<std::uint8_t, 16> mask{};

    // apr_ipsubnet_test.
    bool contains(const IpAddress& client) const;

    bool operator==(const IpNetwork&) const = default;
};

using IpNetworkParse = std::variant<IpNetwork, IpParseError>;

// apr_ipsubnet_create(address, mask): `mask` is the text after '/' (a prefix
// length or, for IPv4, a dotted netmask); without one, a partial IPv4
// address ("10.1", "10.1.") stands for its network.
IpNetworkParse parse_ip_network(std::string_view address, std::optional<std::string_view> mask);

// APR's text for an error other than NotAnAddress ("The specified IP address
// is invalid.").
std::string_view error_text(IpParseError error);

// A numeric IPv4 or IPv6 address (apr_inet_pton); IPv4-mapped IPv6 addresses
// stay IPv6, as a socket reports them.
std::optional<IpAddress> parse_ip_address(std::string_view text);

}  // namespace feather::mod::authz
