// The host name and Expect checks of ap_check_request_header (vhost.c's
// fix_hostname in Strict mode); checked against apache2 2.4.71 in the
// protocol_headers compat scenario.

#include <gtest/gtest.h>

#include "runtime/http/request_checks.hpp"

namespace feather::runtime {
namespace {

TEST(FixHostname, HeaderValues)
{
    auto ok = [](const char* host) { return fix_hostname(host, true, true).ok; };
    EXPECT_EQ(fix_hostname("LocalHost.", true, true).name, "localhost");
    EXPECT_EQ(fix_hostname("example.com:8080", true, true).name, "example.com");
    EXPECT_EQ(*fix_hostname("example.com:8080", true, true).port, "8080");
    EXPECT_TRUE(ok("127.0.0.1"));
    EXPECT_TRUE(ok("my_host.example"));
    EXPECT_TRUE(ok("[::1]:80"));
    EXPECT_EQ(fix_hostname("[::ABCD]", true, true).name, "::abcd");
    EXPECT_FALSE(ok("12345"));  // a pure number (Strict)
    EXPECT_TRUE(fix_hostname("12345", true, false).ok);
    EXPECT_FALSE(ok("127.0.1"));          // not four numbers
    EXPECT_FALSE(ok("127.0.0.01"));       // leading zero
    EXPECT_FALSE(ok("www.example.123"));  // the TLD starts with a digit
    EXPECT_FALSE(ok("a..b"));
    EXPECT_FALSE(ok("a/b"));
    EXPECT_FALSE(ok("a, b"));  // two Host fields combined
    EXPECT_FALSE(ok("[zz::1]"));
    EXPECT_FALSE(ok("host:0"));
    EXPECT_FALSE(ok("host:99999"));
    EXPECT_FALSE(ok("host:"));
    EXPECT_FALSE(ok("[::1%eth0]"));  // no scope id
    const HostName blank = fix_hostname("", true, true);
    EXPECT_TRUE(blank.ok);
    EXPECT_FALSE(blank.present);  // a blank Host names no host
}

TEST(CheckRequest, HostRequiredForHttp11)
{
    Request r;
    r.proto_num = 1001;
    EXPECT_EQ(check_host_and_expect(r, false), 400);
    r.headers_in.add("Host", "");
    EXPECT_EQ(check_host_and_expect(r, false), 400);
    EXPECT_EQ(check_host_and_expect(r, true), 0);
    Request r10;
    r10.proto_num = 1000;
    EXPECT_EQ(check_host_and_expect(r10, false), 0);
    Request r12;
    r12.proto_num = 1002;
    EXPECT_EQ(check_host_and_expect(r12, true), 0);  // 1.2 needs a host, not a Host field
}

TEST(CheckRequest, Expect)
{
    Request r;
    r.proto_num = 1000;
    r.headers_in.add("Expect", "100-Continue");
    EXPECT_EQ(check_host_and_expect(r, false), 0);
    EXPECT_TRUE(r.expecting_100);
    Request other;
    other.proto_num = 1000;
    other.headers_in.add("Expect", "something");
    EXPECT_EQ(check_host_and_expect(other, false), 417);
    Request empty;
    empty.proto_num = 1000;
    empty.headers_in.add("Expect", "");
    EXPECT_EQ(check_host_and_expect(empty, false), 0);
    EXPECT_FALSE(empty.expecting_100);
}

TEST(FixRequestHost, AbsoluteUriWins)
{
    Request r;
    r.hostname = "Example.COM";
    r.headers_in.add("Host", "other.example");
    RequestLine line;
    line.uri_names_host = true;
    line.uri_port = "81";
    const HostCheck c = fix_request_host(r, line, true);
    EXPECT_EQ(c.status, 0);
    EXPECT_TRUE(c.present);
    EXPECT_EQ(r.hostname, "example.com");
    EXPECT_EQ(r.port, 81);
    EXPECT_EQ(r.headers_in.get("Host"), "example.com:81");

    Request h;
    h.headers_in.add("Host", "Example.COM:8080");
    const HostCheck c2 = fix_request_host(h, RequestLine{}, true);
    EXPECT_EQ(c2.status, 0);
    EXPECT_EQ(h.hostname, "example.com");
    EXPECT_EQ(h.port, 8080);

    Request bad;
    bad.headers_in.add("Host", "a..b");
    EXPECT_EQ(fix_request_host(bad, RequestLine{}, true).status, 400);
}

}  // namespace
}  // namespace feather::runtime
