// http_core's directives: KeepAlive, KeepAliveTimeout, MaxKeepAliveRequests.

#include <gtest/gtest.h>

#include "modules/http/http_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using mod::http::HttpServerConfig;
using std::chrono::microseconds;

struct Row {
    const char* line;
    const char* message;  // "": accepted
};

// BEGIN apache2-checked
const Row kRows[] = {
    {R"(KeepAliveTimeout abc)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout -1)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 5x)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 5m)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 99999999999999999999)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 9999999999999999)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 9223372036855)", R"(KeepAliveTimeout has wrong format)"},
    {R"(KeepAliveTimeout 9223372036854)", R"()"},
    {R"(KeepAliveTimeout 5ms)", R"()"},
    {R"(KeepAliveTimeout 2min)", R"()"},
    {R"(KeepAliveTimeout 1hour)", R"()"},
    {R"(KeepAliveTimeout 3sec)", R"()"},
    {R"(KeepAliveTimeout 0)", R"()"},
    {R"(KeepAliveTimeout)",
     R"(KeepAliveTimeout takes one argument, Keep-Alive timeout duration (sec))"},
    {R"(MaxKeepAliveRequests abc)", R"()"},
    {R"(MaxKeepAliveRequests 1 2)",
     R"(MaxKeepAliveRequests takes one argument, Maximum number of Keep-Alive requests per connection, or 0 for infinite)"},
    {R"(KeepAlive maybe)", R"(KeepAlive must be On or Off)"},
    {R"(KeepAlive)", R"(KeepAlive must be On or Off)"},
};
// END apache2-checked

TEST(HttpCore, RowsAsHttpd)
{
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.line);
        EXPECT_EQ(error_of(row.line), row.message);
    }
}

TEST(HttpCore, KeepAliveTimeoutUnits)
{
    const std::pair<const char*, long long> cases[] = {
        {"5", 5'000'000},     {"5s", 5'000'000},     {"5ms", 5'000},        {"250msec", 250'000},
        {"2mi", 120'000'000}, {"2min", 120'000'000}, {"1h", 3'600'000'000}, {"0", 0},
    };
    for (const auto& [text, usec] : cases) {
        TempDir root;
        auto o = load_text(root, std::string("KeepAliveTimeout ") + text + "\n");
        ASSERT_TRUE(o.ok()) << text << ": " << o.error();
        EXPECT_EQ(*main_server<HttpServerConfig>(o).keep_alive_timeout.value, microseconds(usec))
            << text;
        EXPECT_FALSE(main_server<HttpServerConfig>(o).keep_alive_timeout_own);
    }
}

TEST(HttpCore, KeepAliveAndMax)
{
    TempDir root;
    auto o = load_text(root, "KeepAlive Off\nMaxKeepAliveRequests 500\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<HttpServerConfig>(o);
    EXPECT_FALSE(*c.keep_alive.value);
    EXPECT_EQ(*c.max_keep_alive_requests.value, 500);
    EXPECT_EQ(c.keep_alive.set_at.line, 1u);

    o = load_text(root, "MaxKeepAliveRequests junk\n");
    EXPECT_EQ(*main_server<HttpServerConfig>(o).max_keep_alive_requests.value,
              0);  // atoi: unlimited
}

TEST(HttpCore, VirtualHostInheritance)
{
    HttpServerConfig main;
    main.keep_alive.set(false);
    main.keep_alive_timeout.set(microseconds(15'000'000));
    main.max_keep_alive_requests.set(50);

    HttpServerConfig vhost;
    auto m = merge(main, vhost);
    EXPECT_FALSE(*m.keep_alive.value);
    EXPECT_EQ(*m.keep_alive_timeout.value, microseconds(15'000'000));
    EXPECT_EQ(*m.max_keep_alive_requests.value, 50);

    // httpd's "unset" values in a vhost inherit too: timeout 0, max -1.
    vhost.keep_alive_timeout.set(microseconds(0));
    vhost.max_keep_alive_requests.set(-1);
    vhost.keep_alive.set(true);
    m = merge(main, vhost);
    EXPECT_EQ(*m.keep_alive_timeout.value, microseconds(15'000'000));
    EXPECT_EQ(*m.max_keep_alive_requests.value, 50);
    EXPECT_TRUE(*m.keep_alive.value);

    vhost.max_keep_alive_requests.set(0);
    EXPECT_EQ(*merge(main, vhost).max_keep_alive_requests.value, 0);
}

}  // namespace
}  // namespace feather::test
