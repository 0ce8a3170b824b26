// Choosing the virtual host of a request (httpd's vhost.c): by the local
// address of the connection, then by the host the request names. The
// expected choices were checked against apache2 with the same
// <VirtualHost> lines (tests/compat/http scenarios "vhost_*").

#include <gtest/gtest.h>

#include "modules/core/vhost_map.hpp"
#include "runtime/http/vhost_select.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::runtime {
namespace {

using mod::core::HostLookup;
using mod::core::IpAddress;
using mod::core::VhostNotice;

HostLookup fake_lookup()
{
    HostLookup l;
    l.reverse = [](const IpAddress&, std::string& failure) -> std::optional<std::string> {
        failure = "(EAI 2)Name or service not known: ";
        return std::nullopt;
    };
    l.local_host = [](std::vector<VhostNotice>&) { return std::string("127.0.0.1"); };
    return l;
}

class Vhosts {
public:
    explicit Vhosts(const std::string& conf)
    {
        outcome_ = test::load_text(root_, conf);
        EXPECT_TRUE(outcome_.ok()) << outcome_.error();
        std::vector<VhostNotice> notices;
        auto map = std::make_shared<const mod::core::VhostMap>(
            mod::core::build_vhost_map(*outcome_.config, fake_lookup(), notices));
        selector_ = std::make_unique<VhostSelector>(*outcome_.config, map);
    }

    // The ServerName of the server answering a request on local_ip:port.
    struct Answer {
        std::string server;
        int status = 0;
        std::string hostname;
        std::string host_header;
    };
    Answer ask(const std::string& local_ip, std::uint16_t port, std::optional<std::string> host,
               const std::string& target = "/", int proto = 1001)
    {
        ConnectionInfo conn;
        conn.local_ip = local_ip;
        conn.local_port = port;
        Request r;
        r.connection = &conn;
        r.proto_num = proto;
        r.unparsed_uri = target;
        r.uri = target.front() == '/' ? target : "/";
        if (host) {
            r.headers_in.set("Host", *host);
        }
        const std::size_t base = selector_->for_connection(local_ip, port);
        const HostCheck c = selector_->check_request_host(base, r);
        const auto& core =
            get<mod::core::CoreServerConfig>(*outcome_.config->servers[c.server].modules);
        return {core.server_name.get_or("(none)"), c.status, r.hostname,
                std::string(r.headers_in.get("Host").value_or(""))};
    }

    std::string by_connection(const std::string& local_ip, std::uint16_t port)
    {
        const std::size_t s = selector_->for_connection(local_ip, port);
        return get<mod::core::CoreServerConfig>(*outcome_.config->servers[s].modules)
            .server_name.get_or("(none)");
    }

private:
    test::TempDir root_;
    test::LoadOutcome outcome_;
    std::unique_ptr<VhostSelector> selector_;
};

const char* kNameBased =
    "ServerName main.example\n"
    "<VirtualHost *:80>\n"
    "  ServerName a.example\n"
    "  ServerAlias www.a.example *.wild.example\n"
    "</VirtualHost>\n"
    "<VirtualHost *:80>\n"
    "  ServerName b.example\n"
    "  ServerAlias b?.example\n"
    "  ServerPath /bpath\n"
    "</VirtualHost>\n"
    "<VirtualHost *:8080>\n"
    "  ServerName c.example\n"
    "</VirtualHost>\n";

TEST(VhostSelect, NameBasedByServerNameAndAliases)
{
    Vhosts v(kNameBased);
    struct Row {
        const char* host;
        const char* server;
        const char* hostname;
    };
    const Row rows[] = {
        {"b.example", "b.example", "b.example"},
        {"B.Example:80", "b.example", "b.example"},  // case and port do not count
        {"b.example.", "b.example", "b.example"},    // nor a trailing dot
        {"b7.example", "b.example", "b7.example"},   // ServerAlias b?.example
        {"www.a.example", "a.example", "www.a.example"},
        {"x.y.wild.example", "a.example", "x.y.wild.example"},
        {"wild.example", "a.example", "wild.example"},  // no match: the first host
        {"main.example", "a.example", "main.example"},  // the main server is not a candidate
        {"unknown.example", "a.example", "unknown.example"},
        {"b.example:8080", "b.example", "b.example"},  // the Host port is ignored
    };
    for (const Row& row : rows) {
        const auto a = v.ask("127.0.0.1", 80, std::string(row.host));
        EXPECT_EQ(a.server, row.server) << row.host;
        EXPECT_EQ(a.status, 0) << row.host;
        EXPECT_EQ(a.hostname, row.hostname) << row.host;
    }
    // Port 8080 has its own group with one host.
    EXPECT_EQ(v.ask("127.0.0.1", 8080, std::string("b.example")).server, "c.example");
    // A port no <VirtualHost> names: the main server.
    EXPECT_EQ(v.ask("127.0.0.1", 81, std::string("b.example")).server, "main.example");
}

TEST(VhostSelect, AbsoluteRequestTargetWinsOverHost)
{
    Vhosts v(kNameBased);
    const auto a = v.ask("127.0.0.1", 80, std::string("a.example"), "http://B.example:80/x");
    EXPECT_EQ(a.server, "b.example");
    EXPECT_EQ(a.hostname, "b.example");
    EXPECT_EQ(a.host_header, "b.example:80");  // rewritten, port from the URL
    // Another scheme is not this server's: the Host header decides.
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("b.example"), "ftp://a.example/x").server,
              "b.example");
}

TEST(VhostSelect, ServerPathForRequestsWithoutHost)
{
    Vhosts v(kNameBased);
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::nullopt, "/bpath/x", 1000).server, "b.example");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::nullopt, "/bpath", 1000).server, "b.example");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::nullopt, "/bpathx", 1000).server, "a.example");
    // With a Host, ServerPath plays no part.
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("zzz.example"), "/bpath/x", 1000).server,
              "a.example");
}

TEST(VhostSelect, MalformedOrMissingHostIs400)
{
    Vhosts v(kNameBased);
    for (const char* bad : {"a..example", "a/b", "a\\b", "[::1", "8080", "exa mple", "a.example:0",
                            "a.example:x", "1.2.3", "01.2.3.4", "a.123", "[fe80::1%eth0]"}) {
        const auto a = v.ask("127.0.0.1", 80, std::string(bad));
        EXPECT_EQ(a.status, 400) << bad;
        EXPECT_EQ(a.server, "a.example") << bad;  // the connection's server answers
    }
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::nullopt).status, 400);     // HTTP/1.1 needs Host
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("")).status, 400);  // even a blank one fails
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string(""), "/", 1000).status,
              0);  // HTTP/1.0 may omit it
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::nullopt, "/", 1000).status, 0);
    const auto v6 = v.ask("127.0.0.1", 80, std::string("[::FFFF:127.0.0.1]:80"));
    EXPECT_EQ(v6.status, 0);
    EXPECT_EQ(v6.hostname, "::ffff:127.0.0.1");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("10.0.0.1")).status, 0);
}

TEST(VhostSelect, UnsafeProtocolOptionsRelaxTheHostChecks)
{
    Vhosts v(std::string("HttpProtocolOptions Unsafe\n") + kNameBased);
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("8080")).status, 0);
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("exa mple")).status, 0);
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("a..b")).status, 400);  // never allowed
}

TEST(VhostSelect, StrictHostCheckRefusesUnknownNames)
{
    Vhosts v(std::string("StrictHostCheck On\n") + kNameBased);
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("b.example")).status, 0);
    const auto a = v.ask("127.0.0.1", 80, std::string("unknown.example"));
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(a.server, "a.example");
    // Outside any name-based group the main server's own names are checked.
    EXPECT_EQ(v.ask("127.0.0.1", 81, std::string("main.example")).status, 0);
    EXPECT_EQ(v.ask("127.0.0.1", 81, std::string("b.example")).status, 400);
}

TEST(VhostSelect, IpBasedHostsIgnoreTheHostHeader)
{
    Vhosts v(
        "ServerName main.example\n"
        "<VirtualHost 127.0.0.2:80>\n  ServerName two.example\n</VirtualHost>\n"
        "<VirtualHost 127.0.0.3:80>\n  ServerName three.example\n</VirtualHost>\n"
        "<VirtualHost 127.0.0.3:81>\n  ServerName three81.example\n</VirtualHost>\n");
    EXPECT_EQ(v.ask("127.0.0.2", 80, std::string("three.example")).server, "two.example");
    EXPECT_EQ(v.ask("127.0.0.3", 80, std::string("two.example")).server, "three.example");
    EXPECT_EQ(v.ask("127.0.0.3", 81, std::string("x")).server, "three81.example");
    EXPECT_EQ(v.ask("127.0.0.4", 80, std::string("two.example")).server, "main.example");
    EXPECT_EQ(v.ask("::ffff:127.0.0.2", 80, std::string("x")).server, "two.example");
}

TEST(VhostSelect, SpecificAddressesBeforeWildcardsAndDefault)
{
    Vhosts v(
        "ServerName main.example\n"
        "<VirtualHost _default_:80>\n  ServerName default.example\n</VirtualHost>\n"
        "<VirtualHost 127.0.0.2:80>\n  ServerName two.example\n</VirtualHost>\n"
        "<VirtualHost 127.0.0.2:80>\n  ServerName two-b.example\n</VirtualHost>\n"
        "<VirtualHost *:*>\n  ServerName anyport.example\n</VirtualHost>\n");
    EXPECT_EQ(v.by_connection("127.0.0.2", 80), "two.example");
    EXPECT_EQ(v.ask("127.0.0.2", 80, std::string("two-b.example")).server, "two-b.example");
    EXPECT_EQ(v.ask("127.0.0.2", 80, std::string("default.example")).server, "two.example");
    EXPECT_EQ(v.by_connection("127.0.0.9", 80), "default.example");
    EXPECT_EQ(v.by_connection("127.0.0.9", 8081), "anyport.example");
    EXPECT_EQ(v.by_connection("127.0.0.2", 8081), "anyport.example");
}

TEST(VhostSelect, VirtualHostAddressAsWrittenIsAFallbackName)
{
    // Both hosts are on 127.0.0.1:80; no ServerName is "localhost", but the
    // second host's <VirtualHost> line names it so: httpd takes that host.
    Vhosts v(
        "ServerName main.example\n"
        "<VirtualHost 127.0.0.1:80>\n  ServerName first.example\n</VirtualHost>\n"
        "<VirtualHost localhost:80>\n  ServerName second.example\n</VirtualHost>\n");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("LocalHost")).server, "second.example");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("127.0.0.1")).server, "first.example");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("other")).server, "first.example");
    EXPECT_EQ(v.ask("127.0.0.1", 80, std::string("*")).status, 400);  // '*' is not a host name
}

}  // namespace
}  // namespace feather::runtime
