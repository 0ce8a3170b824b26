// The client's name as httpd's ap_get_remote_host finds it: only when
// HostnameLookups (the request's merged per-directory value) or a
// double-reverse check asks, once per connection.

#include <arpa/inet.h>
#include <netdb.h>

#include <gtest/gtest.h>

#include "runtime/http/remote_host.hpp"
#include "tests/runtime/http/serving_fixture.hpp"

namespace feather::test::serving {
namespace {

using runtime::get_remote_host;
using feather::RemoteHost;

// What the resolver calls 127.0.0.1 here ("" when it has no name).
std::string loopback_name()
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    char host[NI_MAXHOST];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&a), sizeof a, host, sizeof host, nullptr, 0,
                      NI_NAMEREQD) != 0) {
        return "";
    }
    std::string name = host;
    for (char& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

TEST(ServingRemoteHost, OffLooksNothingUp)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    auto r = s.request("/");
    bool is_ip = false;
    EXPECT_EQ(get_remote_host(*r, RemoteHost::Name, &is_ip), "127.0.0.1");
    EXPECT_TRUE(is_ip);
    EXPECT_EQ(get_remote_host(*r, RemoteHost::Host), std::nullopt);
    EXPECT_EQ(get_remote_host(*r, RemoteHost::NoLookup), "127.0.0.1");
    EXPECT_FALSE(s.conn.remote_host.has_value());  // never asked the resolver
}

TEST(ServingRemoteHost, OnPerDirectoryAndOncePerConnection)
{
    const std::string name = loopback_name();
    if (name.empty()) {
        GTEST_SKIP() << "127.0.0.1 has no name here";
    }
    Serving s("DocumentRoot @ROOT@/htdocs\n<Directory @ROOT@/htdocs/named>\n HostnameLookups On\n"
              "</Directory>\n");
    s.root.write("htdocs/named/a.txt", "a");
    auto plain = s.request("/");
    EXPECT_EQ(get_remote_host(*plain, RemoteHost::Host), std::nullopt);
    auto named = s.request("/named/a.txt");
    named->per_dir = std::make_shared<DirConfigSet>(
        merge(*named->per_dir,
              *get<mod::core::CoreServerConfig>(*named->server->modules).directories[0].config));
    bool is_ip = true;
    EXPECT_EQ(get_remote_host(*named, RemoteHost::Name, &is_ip), name);
    EXPECT_FALSE(is_ip);
    ASSERT_TRUE(s.conn.remote_host.has_value());
    EXPECT_EQ(*s.conn.remote_host, name);
    // known now for the whole connection, even where lookups are off
    EXPECT_EQ(get_remote_host(*plain, RemoteHost::Host), name);
    // a double-reverse check maps the name back to the address
    EXPECT_EQ(get_remote_host(*plain, RemoteHost::DoubleRev), name);
    EXPECT_TRUE(s.conn.double_reverse_checked);
    EXPECT_TRUE(s.conn.double_reverse_ok);
}

TEST(ServingRemoteHost, DoubleReverseFailsForAnUnnamedAddress)
{
    Serving s("DocumentRoot @ROOT@/htdocs\nHostnameLookups Double\n");
    s.conn.client_ip = "192.0.2.1";  // TEST-NET-1: no reverse name
    s.conn.remote_host = std::string();  // the lookup found nothing
    auto r = s.request("/");
    EXPECT_EQ(get_remote_host(*r, RemoteHost::DoubleRev), std::nullopt);
    EXPECT_TRUE(s.conn.double_reverse_checked);
    EXPECT_FALSE(s.conn.double_reverse_ok);
    bool is_ip = false;
    EXPECT_EQ(get_remote_host(*r, RemoteHost::Name, &is_ip), "192.0.2.1");
    EXPECT_TRUE(is_ip);
}

}  // namespace
}  // namespace feather::test::serving
