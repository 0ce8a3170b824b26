// apr_parse_addr_port as <VirtualHost> uses it.

#include "modules/core/vhost_address.hpp"

#include <gtest/gtest.h>

namespace feather::mod::core {
namespace {

TEST(VhostAddress, ParseAddrPort)
{
    auto p = parse_addr_port("example.com:8080");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, "example.com");
    EXPECT_EQ(p->port, 8080);
    EXPECT_EQ(p->scope_id, std::nullopt);

    p = parse_addr_port("80");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, "");
    EXPECT_EQ(p->port, 80);

    p = parse_addr_port("[fe80::1%eth0]:443");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, "fe80::1");
    EXPECT_EQ(p->scope_id, std::optional<std::string>("eth0"));
    EXPECT_EQ(p->port, 443);

    // "::1" unbracketed: the trailing digits are a port, the host is ":".
    p = parse_addr_port("::1");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, ":");
    EXPECT_EQ(p->port, 1);

    // A colon with nothing after it stays in the host.
    p = parse_addr_port("1.2.3.4:");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, "1.2.3.4:");
    EXPECT_EQ(p->port, 0);

    p = parse_addr_port("host:abc");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->host, "host:abc");

    for (const char* bad :
         {":80", "0", "65536", "h:0", "h:99999999999", "[::1", "[::1]x", "[zz]", "[fe80::1%]"}) {
        EXPECT_EQ(parse_addr_port(bad), std::nullopt) << bad;
    }
}

TEST(VhostAddress, DefaultPortAppliesWhenNoneIsGiven)
{
    std::vector<CoreServerConfig::HostAddr> out;
    std::string logged;
    EXPECT_EQ(add_vhost_address("10.0.0.1", 8080, out, logged), std::nullopt);
    EXPECT_EQ(add_vhost_address("10.0.0.2:*", 8080, out, logged), std::nullopt);
    EXPECT_EQ(add_vhost_address("10.0.0.3:81", 8080, out, logged), std::nullopt);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].port, std::optional<std::uint16_t>(8080));
    EXPECT_EQ(out[1].port, std::nullopt);
    EXPECT_TRUE(out[1].any_port);
    EXPECT_EQ(out[2].port, std::optional<std::uint16_t>(81));
    EXPECT_TRUE(logged.empty());
}

}  // namespace
}  // namespace feather::mod::core
