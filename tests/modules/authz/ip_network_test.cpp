#include "modules/authz/ip_network.hpp"

#include <gtest/gtest.h>

namespace feather::mod::authz {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

IpNetwork net(std::string_view address, std::optional<std::string_view> mask = std::nullopt)
{
    const auto parsed = parse_ip_network(address, mask);
    EXPECT_TRUE(std::holds_alternative<IpNetwork>(parsed)) << address;
    return std::holds_alternative<IpNetwork>(parsed) ? std::get<IpNetwork>(parsed) : IpNetwork{};
}

IpParseError error(std::string_view address, std::optional<std::string_view> mask = std::nullopt)
{
    const auto parsed = parse_ip_network(address, mask);
    EXPECT_TRUE(std::holds_alternative<IpParseError>(parsed)) << address;
    return std::holds_alternative<IpParseError>(parsed) ? std::get<IpParseError>(parsed)
                                                         : IpParseError::NotAnAddress;
}

IpAddress addr(std::string_view text)
{
    const auto a = parse_ip_address(text);
    EXPECT_TRUE(a.has_value()) << text;
    return a.value_or(IpAddress{});
}

constexpr std::uint8_t F = 0xff;

TEST(IpNetwork, FullIpv4AddressIsAHost)
{
    const IpNetwork n = net("192.168.1.20");
    EXPECT_EQ(n.family, IpFamily::V4);
    EXPECT_EQ(n.address, (Bytes{192, 168, 1, 20}));
    EXPECT_EQ(n.mask, (Bytes{F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F}));
    EXPECT_TRUE(n.contains(addr("192.168.1.20")));
    EXPECT_FALSE(n.contains(addr("192.168.1.21")));
}

TEST(IpNetwork, PartialAddressIsItsNetwork)
{
    const IpNetwork n = net("10.1");
    EXPECT_EQ(n.address, (Bytes{10, 1, 0, 0}));
    EXPECT_EQ(n.mask, (Bytes{F, F, 0, 0, F, F, F, F, F, F, F, F, F, F, F, F}));
    EXPECT_TRUE(n.contains(addr("10.1.200.3")));
    EXPECT_FALSE(n.contains(addr("10.2.0.1")));
    EXPECT_EQ(net("10.1."), n);
    EXPECT_EQ(net("10").mask[1], 0);
}

TEST(IpNetwork, CidrAndNetmask)
{
    const IpNetwork cidr = net("10.1.7.9", "16");
    EXPECT_EQ(cidr.address, (Bytes{10, 1, 0, 0}));  // host bits cleared
    EXPECT_EQ(cidr.mask, (Bytes{F, F}));             // the rest zero
    EXPECT_TRUE(cidr.contains(addr("10.1.255.255")));
    EXPECT_FALSE(cidr.contains(addr("10.0.0.1")));

    const IpNetwork dotted = net("10.1.0.0", "255.255.0.0");
    EXPECT_EQ(dotted.address, cidr.address);
    // A dotted mask sets the first four bytes only; APR keeps the rest ones.
    EXPECT_EQ(dotted.mask, (Bytes{F, F, 0, 0, F, F, F, F, F, F, F, F, F, F, F, F}));
    EXPECT_TRUE(dotted.contains(addr("10.1.2.3")));

    // Non-contiguous masks are taken as written.
    EXPECT_TRUE(net("1.2.3.4", "255.0.255.0").contains(addr("1.9.3.9")));
    EXPECT_EQ(net("1.2.3.4", "+8").mask[0], F);
    EXPECT_EQ(net("1.2.3.4", "08").mask[1], 0);
    EXPECT_EQ(net("1.2.3.4", " 8").mask[0], F);
    EXPECT_EQ(net("1.2.3.4", "32").address, (Bytes{1, 2, 3, 4}));
}

TEST(IpNetwork, Ipv6WithPrefix)
{
    const IpNetwork n = net("2001:db8::", "32");
    EXPECT_EQ(n.family, IpFamily::V6);
    EXPECT_EQ(n.address, (Bytes{0x20, 0x01, 0x0d, 0xb8}));
    EXPECT_TRUE(n.contains(addr("2001:db8:1::5")));
    EXPECT_FALSE(n.contains(addr("2001:db9::1")));
    EXPECT_FALSE(n.contains(addr("32.1.13.184")));  // an IPv4 client never matches IPv6

    EXPECT_TRUE(net("::1").contains(addr("::1")));
    EXPECT_TRUE(net("2001:db8::1", "64").contains(addr("2001:db8::ffff")));
    EXPECT_EQ(net("::1.2.3.4").address, (Bytes{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4}));
    EXPECT_EQ(net("1:2:3:4:5:6:1.2.3.4").address,
              (Bytes{0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4}));
    EXPECT_EQ(net("::").address, Bytes{});
}

TEST(IpNetwork, AprQuirksKept)
{
    // APR's inet_pton: leading zeros, long hex groups, a trailing colon.
    EXPECT_EQ(net("010.1.1.1").address, (Bytes{10, 1, 1, 1}));
    EXPECT_EQ(net("0000001::1").address, (Bytes{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(net("1::2:").address, (Bytes{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
    // A partial address part is read like C's atoi, wrapping as an int.
    EXPECT_EQ(net("4294967296").address, Bytes{});
    EXPECT_EQ(net("4294967297.1").address, (Bytes{1, 1, 0, 0}));
    EXPECT_EQ(error("4294967552"), IpParseError::BadAddress);
    EXPECT_EQ(net("1.2.3.4.").address, (Bytes{1, 2, 3, 4}));
}

TEST(IpNetwork, V4MappedClientMatchesIpv4Network)
{
    const IpNetwork n = net("10.0.0.0", "8");
    EXPECT_TRUE(n.contains(addr("::ffff:10.9.8.7")));
    EXPECT_FALSE(n.contains(addr("::ffff:11.0.0.1")));
}

TEST(IpNetwork, Ipv6ClientAgainstIpv4NetworkComparesAllBytes)
{
    // apr_ipsubnet_test does not look at the network's family for an IPv6
    // client: 10.0.0.0/8 matches a00::/8.
    EXPECT_TRUE(net("10.0.0.0", "8").contains(addr("a00::1")));
    // With a full address the other twelve mask bytes are ones: the client's
    // must be zero.
    EXPECT_TRUE(net("10.0.0.1").contains(addr("a00:1::")));
    EXPECT_FALSE(net("10.0.0.1").contains(addr("a00:1::1")));
}

TEST(IpNetwork, NotAnAddressLetsCallersTryHostNames)
{
    EXPECT_EQ(error("abc"), IpParseError::NotAnAddress);
    EXPECT_EQ(error("abc.1"), IpParseError::NotAnAddress);
    EXPECT_EQ(error(""), IpParseError::NotAnAddress);
    EXPECT_EQ(error("", "8"), IpParseError::NotAnAddress);
    EXPECT_EQ(error("x", "y"), IpParseError::NotAnAddress);
}

TEST(IpNetwork, BadAddresses)
{
    for (const char* a : {"1.2.3.256", "1.2.3.4.5", "1..2", ".", "::ffff:1.2.3.4", "1:2",
                          ":::", "1::2::3", "::1.2.3", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9",
                          "10.1.2.3.4.5.6.7.8.9.10.11"}) {
        EXPECT_EQ(error(a), IpParseError::BadAddress) << a;
    }
    // A partial address with a mask.
    EXPECT_EQ(error("10.1", "16"), IpParseError::BadAddress);
    EXPECT_EQ(error_text(IpParseError::BadAddress), "The specified IP address is invalid.");
}

TEST(IpNetwork, BadMasks)
{
    for (const char* m : {"0", "33", "-8", "", "1.2.3", "1x", "8#c"}) {
        EXPECT_EQ(error("1.2.3.4", m), IpParseError::BadMask) << m;
    }
    EXPECT_EQ(error("::1", "129"), IpParseError::BadMask);
    EXPECT_EQ(error("2001:db8::", "255.255.0.0"), IpParseError::BadMask);
    EXPECT_EQ(error_text(IpParseError::BadMask), "The specified network mask is invalid.");
}

TEST(IpAddress, Parses)
{
    EXPECT_EQ(addr("127.0.0.1").bytes, (Bytes{127, 0, 0, 1}));
    EXPECT_EQ(addr("::1").family, IpFamily::V6);
    EXPECT_FALSE(parse_ip_address("10.1").has_value());
    EXPECT_FALSE(parse_ip_address("host").has_value());
}

}  // namespace
}  // namespace feather::mod::authz
