// The server's name and port for self-referential URLs (httpd's
// ap_get_server_name, ap_get_server_port, ap_construct_url) under
// UseCanonicalName and UseCanonicalPhysicalPort. The same combinations run
// against apache2 in tests/compat/http scenarios dir_index and vhost_wildcard.

#include <gtest/gtest.h>

#include "modules/request/server_url.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather {
namespace {

class ServerName : public ::testing::Test {
protected:
    void load(const std::string& conf)
    {
        outcome_ = test::load_text(root_, conf);
        ASSERT_TRUE(outcome_.ok()) << outcome_.error();
        conn_.local_ip = "127.0.0.1";
        conn_.local_port = 8088;
    }

    // A request on local port 8088 with this Host header (none if empty) or
    // absolute request-target.
    Request request(const std::string& host, const std::string& target = "/x")
    {
        Request r;
        r.connection = &conn_;
        r.config = outcome_.config.get();
        r.server = &outcome_.config->main_server();
        r.per_dir = outcome_.config->main_server().defaults;
        r.unparsed_uri = target;
        if (!host.empty()) {
            // What the vhost selector leaves in r.hostname: no port.
            r.headers_in.set("Host", host);
            r.hostname = host.substr(0, host.find(':'));
        }
        return r;
    }

    test::TempDir root_;
    test::LoadOutcome outcome_;
    ConnectionInfo conn_;
};

TEST_F(ServerName, CanonicalNameOffUsesWhatTheClientSent)
{
    load("ServerName www.example.com\n");
    EXPECT_EQ(construct_url(request("h.example"), "/d/"), "http://h.example/d/");
    EXPECT_EQ(construct_url(request("h.example:8080"), "/d/"), "http://h.example:8080/d/");
    EXPECT_EQ(construct_url(request("h.example:80"), "/d/"), "http://h.example/d/");
    EXPECT_EQ(construct_url(request(""), "/d/"), "http://www.example.com/d/");
    // The port of an absolute request-target.
    Request abs = request("", "http://a.example:81/x");
    abs.hostname = "a.example";
    EXPECT_EQ(server_port(abs), 81);
    // A subrequest knows no client port.
    Request parent = request("h.example:8080");
    Request sub = request("h.example:8080");
    sub.main = &parent;
    EXPECT_EQ(server_port(sub), 80);
}

TEST_F(ServerName, CanonicalNameOnUsesServerName)
{
    load("ServerName www.example.com\nUseCanonicalName On\n");
    EXPECT_EQ(server_name(request("h.example:8080")), "www.example.com");
    EXPECT_EQ(construct_url(request("h.example:8080"), "/d/"), "http://www.example.com/d/");
}

TEST_F(ServerName, ServerNamePortAndScheme)
{
    load("ServerName https://www.example.com:8443\nUseCanonicalName On\n");
    EXPECT_EQ(http_scheme(request("h")), "https");
    EXPECT_EQ(construct_url(request("h"), "/d/"), "https://www.example.com:8443/d/");
}

TEST_F(ServerName, HttpsDefaultPortIsLeftOut)
{
    load("ServerName https://secure.example\n");
    EXPECT_EQ(construct_url(request("secure.example"), "/d/"), "https://secure.example/d/");
    EXPECT_EQ(construct_url(request("secure.example:8088"), "/d/"),
              "https://secure.example:8088/d/");
}

TEST_F(ServerName, PhysicalPort)
{
    load("ServerName www.example.com\nUseCanonicalPhysicalPort On\n");
    EXPECT_EQ(construct_url(request("h.example"), "/d/"), "http://h.example:8088/d/");
    EXPECT_EQ(construct_url(request("h.example:8080"), "/d/"), "http://h.example:8080/d/");
}

TEST_F(ServerName, PhysicalPortWithCanonicalName)
{
    load("ServerName www.example.com\nUseCanonicalName On\nUseCanonicalPhysicalPort On\n");
    EXPECT_EQ(construct_url(request("h.example:8080"), "/d/"), "http://www.example.com:8088/d/");
}

TEST_F(ServerName, Ipv6LiteralsGetBrackets)
{
    load("ServerName www.example.com\n");
    Request r = request("[::1]:8080");
    r.hostname = "::1";
    EXPECT_EQ(server_name(r), "::1");
    EXPECT_EQ(server_name_for_url(r), "[::1]");
    EXPECT_EQ(construct_url(r, "/d/"), "http://[::1]:8080/d/");
}

TEST_F(ServerName, QueryPresence)
{
    load("ServerName www.example.com\n");
    EXPECT_FALSE(has_args(request("h", "/x")));
    EXPECT_TRUE(has_args(request("h", "/x?")));
    Request q = request("h", "/x?a");
    q.args = "a";
    EXPECT_TRUE(has_args(q));
}

}  // namespace
}  // namespace feather
