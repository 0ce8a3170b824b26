// The virtual host map as httpd's ap_fini_vhost_config builds it. The
// expectations come from apache2 -S on the same <VirtualHost> lines.

#include <gtest/gtest.h>

#include "modules/core/vhost_map.hpp"
#include "tests/support/hand_config.hpp"

namespace feather::mod::core {
namespace {

using test::HandConfig;

HostLookup fake_lookup()
{
    HostLookup l;
    l.reverse = [](const IpAddress& ip, std::string& failure) -> std::optional<std::string> {
        if (ip.to_string() == "127.0.0.1") {
            return "localhost";
        }
        failure = "(EAI 2)Name or service not known: ";
        return std::nullopt;
    };
    l.local_host = [](std::vector<VhostNotice>& notices) {
        notices.push_back({LogLevel::Alert, true, "AH00558: local"});
        return std::string("127.0.0.1");
    };
    return l;
}

VhostMap build(HandConfig& h, std::vector<VhostNotice>& notices)
{
    return build_vhost_map(h.config(), fake_lookup(), notices);
}

IpAddress ip(const char* text) { return *IpAddress::parse(text); }

TEST(IpAddress, ParseAndPrint)
{
    EXPECT_EQ(ip("10.0.0.1").to_string(), "10.0.0.1");
    EXPECT_EQ(ip("::1").family, IpAddress::Family::V6);
    EXPECT_EQ(ip("::1").to_string(), "::1");
    EXPECT_EQ(ip("::ffff:10.0.0.5").to_string(), "10.0.0.5");
    EXPECT_EQ(ip("fe80::1%eth0").to_string(), "fe80::1%eth0");
    EXPECT_FALSE(IpAddress::parse("www.example.com"));
    EXPECT_FALSE(IpAddress::parse("10.0.0.1%eth0"));
    EXPECT_TRUE(ip("0.0.0.0").is_unspecified());
    EXPECT_TRUE(ip("::").is_unspecified());
    EXPECT_FALSE(ip("::1").is_unspecified());
}

TEST(IpAddress, SameHostIncludesV4Mapped)
{
    EXPECT_TRUE(ip("10.0.0.5").same_host(ip("::ffff:10.0.0.5")));
    EXPECT_TRUE(ip("::ffff:10.0.0.5").same_host(ip("10.0.0.5")));
    EXPECT_FALSE(ip("10.0.0.5").same_host(ip("10.0.0.6")));
    EXPECT_FALSE(ip("::1").same_host(ip("127.0.0.1")));
}

TEST(IpAddress, HashBucketIsTheXorOfTheLastFourBytes)
{
    EXPECT_EQ(ip("10.0.0.1").hash_bucket(), 11u);
    EXPECT_EQ(ip("127.0.0.1").hash_bucket(), 126u);
    EXPECT_EQ(ip("192.0.2.77").hash_bucket(), 143u);
    EXPECT_EQ(ip("::1").hash_bucket(), 1u);
}

TEST(VhostMap, NameBasedOnOneWildcardAddress)
{
    HandConfig h;
    const auto a =
        h.vhost(14, {HandConfig::addr("127.0.0.1", 8080)}, "a.example", {"www.a.example"});
    const auto b = h.vhost(19, {HandConfig::addr("", 8080)}, "b.example");
    const auto c = h.vhost(22, {HandConfig::addr("", 8080)}, "c.example", {}, {"*.c.example"});
    h.main<CoreServerConfig>().server_name.set("main.example");
    std::vector<VhostNotice> notices;
    const VhostMap map = build(h, notices);
    EXPECT_TRUE(notices.empty());

    ASSERT_EQ(map.specific.size(), 1u);
    EXPECT_FALSE(map.specific[0].name_based());
    EXPECT_EQ(map.specific[0].server, a);
    EXPECT_EQ(map.specific[0].addr.port, 8080);

    ASSERT_EQ(map.wildcard.size(), 1u);
    const AddressGroup& g = map.wildcard[0];
    EXPECT_TRUE(g.name_based());
    EXPECT_EQ(g.server, b);  // the first in the file is the default server
    ASSERT_EQ(g.names.size(), 2u);
    EXPECT_EQ(g.names[0].server, b);
    EXPECT_EQ(g.names[1].server, c);

    EXPECT_EQ(map.hostnames[0], "main.example");
    EXPECT_EQ(map.hostnames[a], "a.example");
}

TEST(VhostMap, SpecificAddressesInHashOrderThenFileOrder)
{
    HandConfig h;
    h.main<CoreServerConfig>().server_name.set("main.example");
    const auto two =
        h.vhost(3, {HandConfig::addr("10.0.0.2", 80), HandConfig::addr("10.0.0.1", 80)}, "two");
    const auto one = h.vhost(6, {HandConfig::addr("10.0.0.1", 80)}, "one");
    const auto three_any = h.vhost(11, {HandConfig::addr("10.0.0.3", 0, true)}, "three");
    const auto three = h.vhost(14, {HandConfig::addr("10.0.0.3", 80)}, "three80");
    std::vector<VhostNotice> notices;
    const VhostMap map = build(h, notices);
    // Buckets: 10.0.0.2 -> 8, 10.0.0.3 -> 9, 10.0.0.1 -> 11.
    ASSERT_EQ(map.specific.size(), 4u);
    EXPECT_EQ(map.specific[0].server, two);
    EXPECT_EQ(map.specific[0].addr.ip.to_string(), "10.0.0.2");
    EXPECT_EQ(map.specific[1].server, three_any);
    EXPECT_EQ(map.specific[1].addr.port, 0);
    EXPECT_EQ(map.specific[2].server, three);
    EXPECT_EQ(map.specific[3].addr.ip.to_string(), "10.0.0.1");
    EXPECT_TRUE(map.specific[3].name_based());
    EXPECT_EQ(map.specific[3].server, two);
    ASSERT_EQ(map.specific[3].names.size(), 2u);
    EXPECT_EQ(map.specific[3].names[1].server, one);

    // Lookups as httpd's find_ipaddr: an exact port first, then any-port.
    EXPECT_EQ(map.find_specific(ip("10.0.0.3"), 80)->server, three);
    EXPECT_EQ(map.find_specific(ip("10.0.0.3"), 8080)->server, three_any);
    EXPECT_EQ(map.find_specific(ip("10.0.0.1"), 80)->server, two);
    EXPECT_EQ(map.find_specific(ip("::ffff:10.0.0.1"), 80)->server, two);
    EXPECT_EQ(map.find_specific(ip("10.0.0.1"), 81), nullptr);
    EXPECT_EQ(map.find_specific(ip("10.9.9.9"), 80), nullptr);
}

TEST(VhostMap, WildcardGroupsAndAnyPort)
{
    HandConfig h;
    h.main<CoreServerConfig>().server_name.set("main.example");
    const auto d443 = h.vhost(17, {HandConfig::addr("", 443)}, "d443");  // _default_:443
    const auto any = h.vhost(20, {HandConfig::addr("", std::nullopt, true)}, "any");  // *
    const auto s443 = h.vhost(23, {HandConfig::addr("", 443)}, "s443");               // *:443
    std::vector<VhostNotice> notices;
    const VhostMap map = build(h, notices);
    // apache2 -S lists "*:*" before "*:443": the any-port host was placed
    // (newest first) before _default_:443 joined *:443.
    ASSERT_EQ(map.wildcard.size(), 2u);
    EXPECT_EQ(map.wildcard[0].server, any);
    EXPECT_EQ(map.wildcard[0].addr.port, 0);
    EXPECT_EQ(map.wildcard[1].server, d443);
    ASSERT_EQ(map.wildcard[1].names.size(), 2u);
    EXPECT_EQ(map.wildcard[1].names[1].server, s443);

    EXPECT_EQ(map.find_wildcard(443)->server, d443);
    EXPECT_EQ(map.find_wildcard(80)->server, any);
}

TEST(VhostMap, HostnamesOfVhostsWithoutServerName)
{
    HandConfig h;  // no ServerName on the main server either
    const auto wild = h.vhost(5, {HandConfig::addr("", 80)});
    const auto loop = h.vhost(8, {HandConfig::addr("127.0.0.1", 8080)});
    const auto dark = h.vhost(11, {HandConfig::addr("192.0.2.77", 80)});
    const auto none = h.vhost(14, {});  // every name failed to resolve
    std::vector<VhostNotice> notices;
    const VhostMap map = build(h, notices);
    EXPECT_EQ(map.hostnames[0], "127.0.0.1");
    EXPECT_EQ(map.hostnames[wild], "127.0.0.1");  // the main server's
    EXPECT_EQ(map.hostnames[loop], "localhost");  // reverse DNS
    EXPECT_EQ(map.hostnames[dark], "bogus_host_without_reverse_dns");
    EXPECT_EQ(map.hostnames[none], "bogus_host_without_forward_dns");
    ASSERT_EQ(notices.size(), 2u);
    EXPECT_EQ(notices[0].text, "AH00558: local");
    EXPECT_EQ(notices[1].level, LogLevel::Error);
    EXPECT_FALSE(notices[1].startup);
    EXPECT_EQ(notices[1].text,
              "(EAI 2)Name or service not known: AH00549: Failed to resolve server name for "
              "192.0.2.77 (check DNS) -- or specify an explicit ServerName");
}

TEST(VhostMap, OneHostOnTwoWildcardAddressesOfAPortJoinsOnce)
{
    // A name resolving to both 0.0.0.0 and :: (httpd's sar_prev check).
    HandConfig h;
    h.main<CoreServerConfig>().server_name.set("m");
    h.vhost(3, {HandConfig::addr("0.0.0.0", 80), HandConfig::addr("::", 80)}, "first");
    h.vhost(6, {HandConfig::addr("", 80)}, "second");
    std::vector<VhostNotice> notices;
    const VhostMap map = build(h, notices);
    ASSERT_EQ(map.wildcard.size(), 1u);
    EXPECT_EQ(map.wildcard[0].names.size(), 2u);
}

}  // namespace
}  // namespace feather::mod::core
