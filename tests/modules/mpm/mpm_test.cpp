// The MPM directives (prefork and worker share the setters): listeners,
// counts, and the clamping and warnings of the MPMs' check_config hooks.

#include <gtest/gtest.h>

#include "modules/mpm/mpm_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using mod::mpm::MpmConfig;

struct Row {
    const char* line;
    const char* message;  // "": accepted
};

// With prefork loaded.
// BEGIN apache2-checked prefork
const Row kPreforkRows[] = {
    {R"(Listen 0)", R"(Invalid address or port)"},
    {R"(Listen 70000)", R"(Invalid address or port)"},
    {R"(Listen 99999999999)", R"(Invalid address or port)"},
    {R"(Listen :80)", R"(Invalid address or port)"},
    {R"(Listen []:80)", R"(Invalid address or port)"},
    {R"(Listen [::1:80)", R"(Invalid address or port)"},
    {R"(Listen [zz::1]:80)", R"(Invalid address or port)"},
    {R"(Listen [fe80::1%]:80)", R"(Invalid address or port)"},
    {R"(Listen 1.2.3.4)", R"(Port must be specified)"},
    {R"(Listen abc)", R"(Port must be specified)"},
    {R"(Listen fe80::1%eth0)", R"(Port must be specified)"},
    {R"(Listen 80 http extra)", R"(Listen requires 1 or 2 arguments.)"},
    {R"(Listen)", R"(Listen requires 1 or 2 arguments.)"},
    {R"(Listen nonexist.invalid:80)", R"(Listen setup failed)"},
    {R"(Listen [::1]:81 https)", R"()"},
    {R"(Listen [fe80::1%eth0]:80)", R"()"},
    {R"(Listen 127.0.0.1:8080 FCGI)", R"()"},
    {R"(Listen *:8080)", R"()"},
    {R"(ListenBacklog 0)", R"(ListenBacklog must be > 0)"},
    {R"(ListenBacklog abc)", R"(ListenBacklog must be > 0)"},
    {R"(ListenCoresBucketsRatio 0)", R"(ListenCoresBucketsRatio must be > 0)"},
    {R"(SendBufferSize 100)", R"(SendBufferSize must be >= 512 bytes, or 0 for system default.)"},
    {R"(SendBufferSize -1)", R"(SendBufferSize must be >= 512 bytes, or 0 for system default.)"},
    {R"(SendBufferSize 0)", R"()"},
    {R"(ReceiveBufferSize 511)",
     R"(ReceiveBufferSize must be >= 512 bytes, or 0 for system default.)"},
    {R"(ReceiveBufferSize junk)", R"()"},
    {R"(ListenTCPDeferAccept 0)", R"(ListenTCPDeferAccept must be > 0)"},
    {R"(ListenTCPDeferAccept -1)", R"(ListenTCPDeferAccept must be > 0)"},
    {R"(ListenTCPDeferAccept 30 4)",
     R"(ListenTCPDeferAccept takes one argument, Value set for the socket option TCP_DEFER_ACCEPT if it is set)"},
    {R"(ListenTCPDeferAccept 30)", R"()"},
    {R"(StartServers x)", R"()"},
    {R"(MinSpareServers 3)", R"()"},
    {R"(MaxSpareServers 30)", R"()"},
    {R"(GracefulShutdownTimeout x)", R"()"},
    {R"(MinSpareThreads 3)",
     R"(Invalid command 'MinSpareThreads', perhaps misspelled or defined by a module not included in the server configuration)"},
    {R"(ThreadsPerChild 3)",
     R"(Invalid command 'ThreadsPerChild', perhaps misspelled or defined by a module not included in the server configuration)"},
};
// END apache2-checked prefork

// With worker loaded.
// BEGIN apache2-checked worker
const Row kWorkerRows[] = {
    {R"(MinSpareThreads 3)", R"()"},
    {R"(MaxSpareThreads 3)", R"()"},
    {R"(ThreadsPerChild 5)", R"()"},
    {R"(ThreadLimit 64)", R"()"},
    {R"(MaxClients 50)", R"()"},
    {R"(MinSpareServers 3)",
     R"(Invalid command 'MinSpareServers', perhaps misspelled or defined by a module not included in the server configuration)"},
    {R"(ListenBacklog 0)", R"(ListenBacklog must be > 0)"},
};
// END apache2-checked worker

TEST(Mpm, PreforkRowsAsHttpd)
{
    for (const Row& row : kPreforkRows) {
        SCOPED_TRACE(row.line);
        EXPECT_EQ(error_of(row.line), row.message);
    }
}

TEST(Mpm, WorkerRowsAsHttpd)
{
    for (const Row& row : kWorkerRows) {
        SCOPED_TRACE(row.line);
        EXPECT_EQ(error_of(row.line, worker_spec()), row.message);
    }
}

TEST(Mpm, Listeners)
{
    TempDir root;
    auto o =
        load_text(root, "Listen 80\nListen 127.0.0.1:8443 HTTPS\nListen [::1]:443\nListen *:8080\n"
                        "Listen [fe80::1%lo]:81\nListen localhost:80\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& l = main_server<MpmConfig>(o).listeners;
    ASSERT_EQ(l.size(), 6u);
    EXPECT_EQ(l[0].host, "");
    EXPECT_EQ(l[0].port, 80);
    EXPECT_EQ(l[0].protocol, "http");
    EXPECT_EQ(l[0].loc.line, 1u);
    EXPECT_EQ(l[1].host, "127.0.0.1");
    EXPECT_EQ(l[1].port, 8443);
    EXPECT_EQ(l[1].protocol, "https");
    EXPECT_EQ(l[2].host, "::1");
    EXPECT_EQ(l[2].protocol, "https");  // 443 without a protocol
    EXPECT_EQ(l[3].host, "");           // "*" is every address
    EXPECT_EQ(l[4].host, "fe80::1");
    EXPECT_EQ(l[4].scope_id, "lo");
    EXPECT_EQ(l[5].host, "localhost");  // another spelling is not a duplicate
}

TEST(Mpm, DuplicateListeners)
{
    const std::string msg = "Cannot define multiple Listeners on the same IP:port";
    expect_error("Listen 80\nListen 80\n", 2, msg);
    expect_error("Listen 80\nListen *:80 https\n", 2, msg);
    expect_error("Listen 127.0.0.1:80\nListen 127.0.0.1:80\n", 2, msg);
}

TEST(Mpm, UnresolvableListenIsLogged)
{
    TempDir root;
    const auto o = load_text(root, "Listen nonexist.invalid:80\n");
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.errors.back(), "Listen setup failed");
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_NE(o.warnings[0].find(
                  "AH00077: alloc_listener: failed to set up sockaddr for nonexist.invalid"),
              std::string::npos);
    EXPECT_EQ(o.warnings[0].rfind("(EAI ", 0), 0u) << o.warnings[0];
}

TEST(Mpm, SocketSettings)
{
    TempDir root;
    auto o = load_text(
        root, "ListenBacklog 1024\nListenCoresBucketsRatio 8\nSendBufferSize 0\n"
              "ReceiveBufferSize 65536\nListenTCPDeferAccept 30\nGracefulShutdownTimeout 15\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<MpmConfig>(o);
    EXPECT_EQ(*c.listen_backlog.value, 1024);
    EXPECT_EQ(*c.listen_cores_buckets_ratio.value, 8);
    EXPECT_EQ(*c.send_buffer_size.value, 0);
    EXPECT_EQ(*c.receive_buffer_size.value, 65536);
    EXPECT_EQ(*c.listen_tcp_defer_accept.value, 30);
    EXPECT_EQ(*c.graceful_shutdown_timeout.value, 15);
}

TEST(Mpm, PreforkDefaults)
{
    TempDir root;
    auto o = load_text(root, "ServerName x\n");
    ASSERT_TRUE(o.ok());
    const auto& l = *main_server<MpmConfig>(o).limits;
    EXPECT_EQ(l.start_servers, 5);
    EXPECT_EQ(l.min_spare, 5);
    EXPECT_EQ(l.max_spare, 10);
    EXPECT_EQ(l.server_limit, 256);
    EXPECT_EQ(l.max_request_workers, 256);
    EXPECT_EQ(l.daemons_limit, 256);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(Mpm, PreforkClamping)
{
    TempDir root;
    auto o = load_text(root,
                       "MaxRequestWorkers 300\nStartServers 0\nMinSpareServers 0\nServerLimit 0\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH00177: WARNING: ServerLimit of 0 not allowed, increasing to 1.",
                  "AH00180: WARNING: MaxRequestWorkers of 300 exceeds ServerLimit value of 1 "
                  "servers, decreasing "
                  "MaxRequestWorkers to 1. To increase, please see the ServerLimit directive.",
                  "AH00184: WARNING: StartServers of 0 not allowed, increasing to 1.",
                  "AH00186: WARNING: MinSpareServers of 0 not allowed, increasing to 1 to avoid "
                  "almost certain "
                  "server failure. Please read the documentation.",
              }));
    const auto& c = main_server<MpmConfig>(o);
    EXPECT_EQ(*c.max_request_workers.value, 300);  // as configured
    EXPECT_EQ(c.limits->max_request_workers, 1);   // as run
    EXPECT_EQ(c.limits->server_limit, 1);

    o = load_text(root, "ServerLimit 300000\nMaxClients 5\n");
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00188: MaxClients is deprecated, use MaxRequestWorkers instead.",
                              "AH00175: WARNING: ServerLimit of 300000 exceeds compile-time "
                              "limit of 200000 servers, decreasing to 200000."}));
    EXPECT_EQ(main_server<MpmConfig>(o).limits->max_request_workers, 5);

    // The default MaxRequestWorkers is the default ServerLimit (256).
    o = load_text(root, "ServerLimit 100\n");
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH00180: WARNING: MaxRequestWorkers of 256 exceeds ServerLimit value of 100 "
                  "servers, decreasing MaxRequestWorkers to 100. To increase, please see the "
                  "ServerLimit directive."}));
    o = load_text(root, "MaxRequestWorkers 0\n");
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH00182: WARNING: MaxRequestWorkers of 0 not allowed, increasing to 1."}));
}

TEST(Mpm, WorkerDefaults)
{
    TempDir root;
    auto o = load_text(root, "ServerName x\n", worker_spec());
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& l = *main_server<MpmConfig>(o).limits;
    EXPECT_EQ(l.start_servers, 3);
    EXPECT_EQ(l.min_spare, 75);
    EXPECT_EQ(l.max_spare, 250);
    EXPECT_EQ(l.server_limit, 16);
    EXPECT_EQ(l.thread_limit, 64);
    EXPECT_EQ(l.threads_per_child, 25);
    EXPECT_EQ(l.max_request_workers, 400);
    EXPECT_EQ(l.daemons_limit, 16);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(Mpm, WorkerClamping)
{
    TempDir root;
    auto o = load_text(root, "MaxRequestWorkers 100\nThreadsPerChild 30\n", worker_spec());
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH00316: WARNING: MaxRequestWorkers of 100 is not an integer multiple of "
                  "ThreadsPerChild of 30, decreasing to nearest multiple 90, for a maximum "
                  "of 3 servers."}));
    EXPECT_EQ(main_server<MpmConfig>(o).limits->max_request_workers, 90);
    EXPECT_EQ(main_server<MpmConfig>(o).limits->daemons_limit, 3);

    o = load_text(
        root,
        "ThreadLimit 0\nThreadsPerChild 0\nMaxRequestWorkers 0\nMinSpareThreads 0\nStartServers 0\n"
        "ServerLimit 30000\nMaxClients 7\n",
        worker_spec());
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH00324: MaxClients is deprecated, use MaxRequestWorkers instead.",  // info
                  "AH00300: WARNING: ServerLimit of 30000 exceeds compile-time limit of 20000 "
                  "servers, decreasing "
                  "to 20000.",
                  "AH00307: WARNING: ThreadLimit of 0 not allowed, increasing to 1.",
                  "AH00312: WARNING: ThreadsPerChild of 0 not allowed, increasing to 1.",
                  "AH00320: WARNING: StartServers of 0 not allowed, increasing to 1.",
                  "AH00322: WARNING: MinSpareThreads of 0 not allowed, increasing to 1 to avoid "
                  "almost certain "
                  "server failure. Please read the documentation.",
              }));

    o = load_text(root, "ThreadsPerChild 100\n", worker_spec());
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00310: WARNING: ThreadsPerChild of 100 exceeds ThreadLimit of 64 "
                              "threads, decreasing to 64. "
                              "To increase, please see the ThreadLimit directive.",
                              "AH00316: WARNING: MaxRequestWorkers of 400 is not an integer "
                              "multiple of ThreadsPerChild of 64, "
                              "decreasing to nearest multiple 384, for a maximum of 6 servers.",
                          }));

    o = load_text(root, "MaxRequestWorkers 1000\n", worker_spec());
    EXPECT_EQ(
        o.warnings,
        (std::vector<std::string>{
            "AH00318: WARNING: MaxRequestWorkers of 1000 would require 40 servers and would exceed "
            "ServerLimit of 16, decreasing to 400. To increase, please see the ServerLimit "
            "directive."}));
    EXPECT_EQ(main_server<MpmConfig>(o).limits->daemons_limit, 16);

    o = load_text(root, "ThreadLimit 30000\n", worker_spec());
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00305: WARNING: ThreadLimit of 30000 exceeds compile-time "
                              "limit of 20000 threads, decreasing to 20000."}));

    o = load_text(root, "MaxRequestWorkers 10\n", worker_spec());
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{"AH00314: WARNING: MaxRequestWorkers of 10 is less than "
                                        "ThreadsPerChild of 25, increasing to 25. "
                                        "MaxRequestWorkers must be at least as large as the number "
                                        "of threads in a single server."}));
}

}  // namespace
}  // namespace feather::test
