// vhost.c's fix_hostname for Host header values, Strict unless stated;
// checked against apache2 2.4.71 in the protocol_headers and vhost compat
// scenarios.

#include <gtest/gtest.h>

#include "runtime/http/host_name.hpp"

namespace feather::runtime {
namespace {

std::optional<HostName> header(const char* text, bool strict = true)
{
    std::string why;
    return fix_hostname(text, HostSource::Header, strict, why);
}

TEST(FixHostname, NormalisesGoodNames)
{
    EXPECT_EQ(header("LocalHost.")->host, "localhost");
    EXPECT_EQ(header("example.com:8080")->host, "example.com");
    EXPECT_EQ(header("example.com:8080")->port, std::optional<std::uint16_t>(8080));
    EXPECT_TRUE(header("127.0.0.1"));
    EXPECT_TRUE(header("my_host.example"));
    EXPECT_TRUE(header("[::1]:80"));
    EXPECT_EQ(header("[::ABCD]")->host, "::abcd");
    EXPECT_TRUE(header("[::ABCD]")->v6_literal);
    EXPECT_TRUE(header("12345", false));  // Unsafe takes a pure number
    // A blank Host is allowed and names no host.
    ASSERT_TRUE(header(""));
    EXPECT_TRUE(header("")->host.empty());
}

TEST(FixHostname, RefusesMalformedNames)
{
    EXPECT_FALSE(header("12345"));             // a pure number
    EXPECT_FALSE(header("127.0.1"));           // not four numbers
    EXPECT_FALSE(header("127.0.0.01"));        // leading zero
    EXPECT_FALSE(header("www.example.123"));   // the TLD starts with a digit
    EXPECT_FALSE(header("a..b"));
    EXPECT_FALSE(header("a/b"));
    EXPECT_FALSE(header("a, b"));              // two Host fields combined
    EXPECT_FALSE(header("[zz::1]"));
    EXPECT_FALSE(header("host:0"));
    EXPECT_FALSE(header("host:99999"));
    EXPECT_FALSE(header("host:"));
    EXPECT_FALSE(header("[::1%eth0]"));        // no scope id
}

TEST(FixHostname, SaysWhyAtDebugLevel)
{
    std::string why;
    EXPECT_FALSE(fix_hostname("12345", HostSource::Header, true, why));
    EXPECT_NE(why.find("AH02416"), std::string::npos) << why;
}

}  // namespace
}  // namespace feather::runtime
