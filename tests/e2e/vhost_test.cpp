// Virtual hosts end to end: the connection's address, then the Host header
// (or an absolute request-target) choose the server, as apache2 does with
// the same configuration (tests/compat/http scenarios vhost_*).

#include <gtest/gtest.h>

#include "tests/e2e/e2e_http_support.hpp"

namespace feather::test {
namespace {

std::string vhost(const std::string& addr, const std::string& name, const std::string& aliases,
                  const std::string& dir)
{
    return "<VirtualHost " + addr +
           ">\n"
           "    ServerName " +
           name + "\n" + (aliases.empty() ? "" : "    ServerAlias " + aliases + "\n") +
           "    DocumentRoot @ROOT@/htdocs/" + dir +
           "\n"
           "    <Directory @ROOT@>\n"
           "        Require all granted\n"
           "    </Directory>\n"
           "</VirtualHost>\n";
}

std::string ask(const TestServer& s, const std::string& request)
{
    return raw_exchange(s.port(), request);
}

class VhostE2E : public ::testing::Test {
protected:
    void start(const std::string& vhosts)
    {
        for (const char* d : {"main", "a", "b", "ip"}) {
            server_.root().write(std::string("htdocs/") + d + "/who.txt", std::string(d) + "\n");
        }
        server_.write_config(http_config("", vhosts));
        ASSERT_TRUE(server_.start()) << server_.stderr_text() << server_.file("logs/error_log");
    }
    std::string who(const std::string& host) { return body_of(server_.get("/who.txt", host)); }

    TestServer server_;
};

TEST_F(VhostE2E, NameBasedHostsByHostHeader)
{
    start(vhost("*:@PORT@", "a.example", "www.a.example *.wild.example", "a") +
          vhost("*:@PORT@", "b.example", "b?.example", "b"));
    EXPECT_EQ(who("a.example"), "a\n");
    EXPECT_EQ(who("b.example"), "b\n");
    EXPECT_EQ(who("B.EXAMPLE."), "b\n");
    EXPECT_EQ(who("b.example:" + std::to_string(server_.port())), "b\n");
    EXPECT_EQ(who("www.a.example"), "a\n");
    EXPECT_EQ(who("deep.er.wild.example"), "a\n");
    EXPECT_EQ(who("b1.example"), "b\n");
    EXPECT_EQ(who("b12.example"), "a\n");      // '?' is one character
    EXPECT_EQ(who("unknown.example"), "a\n");  // the first host of the address
    EXPECT_EQ(who("localhost"), "a\n");        // the main server's name does not count
    // An absolute request-target names the host; Host is ignored.
    EXPECT_EQ(body_of(ask(server_,
                          "GET http://b.example/who.txt HTTP/1.1\r\nHost: a.example\r\n"
                          "Connection: close\r\n\r\n")),
              "b\n");
    // HTTP/1.0 without Host: the first host.
    EXPECT_EQ(body_of(ask(server_, "GET /who.txt HTTP/1.0\r\n\r\n")), "a\n");
}

TEST_F(VhostE2E, AddressBasedHostsComeFirst)
{
    start(vhost("*:@PORT@", "a.example", "", "a") +
          vhost("127.0.0.1:@PORT@", "ip.example", "", "ip"));
    // The connection is to 127.0.0.1: its own host answers whatever the name.
    EXPECT_EQ(who("a.example"), "ip\n");
    EXPECT_EQ(who("ip.example"), "ip\n");
}

TEST_F(VhostE2E, MalformedHostsAre400)
{
    start(vhost("*:@PORT@", "a.example", "", "a"));
    for (const char* host :
         {"a..example", "a/b", "8080", "exa mple", "[::1", "a.example:x", "1.2.3"}) {
        EXPECT_EQ(status_of(server_.get("/who.txt", host)), 400) << host;
    }
    EXPECT_EQ(status_of(ask(server_, "GET /who.txt HTTP/1.1\r\nConnection: close\r\n\r\n")), 400);
    EXPECT_EQ(
        status_of(ask(server_, "GET /who.txt HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n")),
        400);
    EXPECT_EQ(status_of(server_.get("/who.txt", "[::1]")), 200);
}

TEST_F(VhostE2E, StrictHostCheck)
{
    start("StrictHostCheck On\n" + vhost("*:@PORT@", "a.example", "", "a") +
          vhost("*:@PORT@", "b.example", "", "b"));
    EXPECT_EQ(who("b.example"), "b\n");
    EXPECT_EQ(status_of(server_.get("/who.txt", "unknown.example")), 400);
    EXPECT_TRUE(eventually(
        [&] {
            return server_.file("logs/error_log")
                       .find(
                           "AH10157: Requested hostname 'unknown.example' did not match any "
                           "ServerName/ServerAlias in the matching virtual host (default vhost for "
                           "current connection is " +
                           server_.root().str() + "/httpd.conf:") != std::string::npos;
        },
        std::chrono::seconds(2)))
        << server_.file("logs/error_log");
}

}  // namespace
}  // namespace feather::test
