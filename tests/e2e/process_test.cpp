// The process model end to end: real feather masters on loopback ports.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "tests/e2e/process_support.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

TEST(Process, StartServeStopWithPidFile)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"));
    start_or_fail(s);
    const std::string response = s.get("/index.html");
    EXPECT_EQ(status_of(response), 200) << response;
    EXPECT_NE(response.find("hello from feather"), std::string::npos);
    ASSERT_TRUE(eventually([&] { return !s.file("logs/feather.pid").empty(); }, 5s));
    EXPECT_EQ(std::stol(s.file("logs/feather.pid")), s.pid());

    EXPECT_EQ(s.stop(), 0);
    EXPECT_TRUE(s.file("logs/feather.pid").empty()) << "PidFile must be removed on stop";
    EXPECT_NE(s.file("logs/error_log").find("AH00169: caught SIGTERM, shutting down"), std::string::npos);
}

TEST(Process, KStopAndKGracefulGoThroughThePidFile)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"));
    start_or_fail(s);
    const std::vector<std::string> base = {"-d", s.root().str(), "-f", "httpd.conf"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    const auto before = s.children();
    auto [rc, out] = TestServer::run_cli(with({"-k", "graceful"}));
    EXPECT_EQ(rc, 0) << out;
    EXPECT_TRUE(eventually([&] { return s.file("logs/error_log").find("AH00171: Graceful restart requested") !=
                                        std::string::npos; },
                           5s));
    EXPECT_TRUE(eventually(
        [&] {
            const auto now = s.children();
            for (const pid_t p : now) {
                for (const pid_t b : before) {
                    if (p == b) {
                        return false;
                    }
                }
            }
            return !now.empty();
        },
        10s))
        << "graceful restart replaces every child";
    EXPECT_EQ(status_of(s.get("/index.html")), 200);

    auto [rc2, out2] = TestServer::run_cli(with({"-k", "stop"}));
    EXPECT_EQ(rc2, 0) << out2;
    EXPECT_TRUE(s.wait_exit(10s).has_value());
    auto [rc3, out3] = TestServer::run_cli(with({"-k", "stop"}));
    EXPECT_NE(out3.find("not running"), std::string::npos) << out3;
}

TEST(Process, BusyPortIsAClearStartupError)
{
    TestServer a;
    a.write_config(base_config(kPrefork, "StartServers 1\n"));
    start_or_fail(a);
    TestServer b;
    b.write_config(base_config(kPrefork, "StartServers 1\n"));
    // same port as a
    b.root().write("httpd.conf", a.file("httpd.conf"));
    EXPECT_FALSE(b.start({}, 3s));
    const auto rc = b.wait_exit(5s);
    ASSERT_TRUE(rc.has_value());
    EXPECT_EQ(*rc, 1);
    EXPECT_NE(b.stderr_text().find("could not bind to address 127.0.0.1:" + std::to_string(a.port())),
              std::string::npos)
        << b.stderr_text();
}

TEST(Process, PreforkGrowsExponentiallyThenShrinks)
{
    TestServer s;
    s.write_config(base_config(kPrefork,
                               "LogLevel info\nStartServers 1\nMinSpareServers 20\nMaxSpareServers 25\n"
                               "MaxRequestWorkers 40\nServerLimit 40\n"));
    start_or_fail(s);
    // 1, then 2, 4, 8, 16 a second: 20 idle within about five seconds.
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).idle_workers >= 20; }, 10s))
        << read_scoreboard(s).idle_workers;
    EXPECT_NE(s.file("logs/error_log").find("server seems busy"), std::string::npos) << s.file("logs/error_log");

    // Now fewer spares: graceful restart with MaxSpareServers 3 shrinks one a second.
    s.write_config(base_config(kPrefork, "StartServers 1\nMinSpareServers 1\nMaxSpareServers 3\n"
                                         "MaxRequestWorkers 40\nServerLimit 40\n"));
    s.signal(SIGUSR1);
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).processes <= 3 && read_scoreboard(s).processes >= 1; },
                           40s))
        << read_scoreboard(s).processes;
}

TEST(Process, KilledChildIsReplacedAndServingGoesOn)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 3\nMinSpareServers 2\nMaxSpareServers 4\n"));
    start_or_fail(s);
    ASSERT_TRUE(eventually([&] { return s.children().size() >= 3; }, 5s));
    const auto victims = s.children();
    ::kill(victims.front(), SIGKILL);
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(status_of(s.get("/index.html")), 200);
    }
    EXPECT_TRUE(eventually([&] { return s.children().size() >= 2; }, 5s));
    EXPECT_TRUE(eventually(
        [&] {
            for (const pid_t p : s.children()) {
                if (p == victims.front()) {
                    return false;
                }
            }
            return true;
        },
        5s));
}

// Keep-alive requests in a loop; a request is lost only if it was sent on a
// fresh connection and got no response (a reused connection closed by the
// server between requests is retried, as every HTTP client does).
struct LoadResult {
    int ok = 0;
    int failed = 0;
};

void keepalive_load(int port, std::atomic<bool>& stop, LoadResult& result)
{
    int fd = -1;
    bool fresh = true;
    while (!stop.load()) {
        if (fd < 0) {
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(static_cast<std::uint16_t>(port));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            timeval tv{5, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
                ++result.failed;
                ::close(fd);
                fd = -1;
                continue;
            }
            fresh = true;
        }
        const std::string req = "GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n";
        ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
        std::string got;
        char buf[4096];
        bool complete = false;
        while (!complete) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                break;
            }
            got.append(buf, static_cast<std::size_t>(n));
            const auto end = got.find("\r\n\r\n");
            complete = end != std::string::npos && got.size() >= end + 4 + 19;
        }
        if (complete && status_of(got) == 200) {
            ++result.ok;
            fresh = false;
            if (got.find("Connection: close") != std::string::npos) {
                ::close(fd);
                fd = -1;
            }
            continue;
        }
        if (!fresh && got.empty()) {
            ::close(fd);  // closed while idle: retry on a new connection
            fd = -1;
            continue;
        }
        ++result.failed;
        ::close(fd);
        fd = -1;
    }
    if (fd >= 0) {
        ::close(fd);
    }
}

void graceful_restarts_lose_nothing(const std::string& mpm, const std::string& extra)
{
    TestServer s;
    s.write_config(base_config(mpm, extra));
    start_or_fail(s);
    std::atomic<bool> stop{false};
    std::vector<LoadResult> results(4);
    std::vector<std::thread> clients;
    for (auto& r : results) {
        clients.emplace_back([&s, &stop, &r] { keepalive_load(s.port(), stop, r); });
    }
    for (int i = 0; i < 10; ++i) {
        std::this_thread::sleep_for(300ms);
        s.signal(SIGUSR1);
    }
    std::this_thread::sleep_for(500ms);
    stop = true;
    for (auto& c : clients) {
        c.join();
    }
    int ok = 0;
    int failed = 0;
    for (const auto& r : results) {
        ok += r.ok;
        failed += r.failed;
    }
    EXPECT_GT(ok, 100);
    EXPECT_EQ(failed, 0) << s.file("logs/error_log");
    EXPECT_TRUE(s.running());
}

TEST(Process, TenGracefulRestartsUnderKeepAliveLoadLoseNoRequestPrefork)
{
    graceful_restarts_lose_nothing(kPrefork, "StartServers 4\nMinSpareServers 2\nMaxSpareServers 8\n");
}

TEST(Process, TenGracefulRestartsUnderKeepAliveLoadLoseNoRequestWorker)
{
    graceful_restarts_lose_nothing(kWorker, "StartServers 2\nThreadsPerChild 8\nMinSpareThreads 4\n"
                                            "MaxSpareThreads 32\nServerLimit 8\nThreadLimit 16\n");
}

TEST(Process, RestartWithABrokenConfigKeepsTheOldOneServing)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\n"));
    start_or_fail(s);
    s.root().write("httpd.conf", s.file("httpd.conf") + "KeepAlive maybe\n");
    s.signal(SIGHUP);
    EXPECT_TRUE(eventually(
        [&] { return s.file("logs/error_log").find("KeepAlive must be On or Off") != std::string::npos; }, 5s))
        << s.file("logs/error_log");
    EXPECT_NE(s.file("logs/error_log").find("Syntax error on line"), std::string::npos);
    EXPECT_NE(s.file("logs/error_log").find("httpd.conf"), std::string::npos);
    EXPECT_TRUE(s.running());
    EXPECT_EQ(status_of(s.get("/index.html")), 200);
}

TEST(Process, MaxConnectionsPerChildRecyclesChildren)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 1\nMinSpareServers 1\nMaxSpareServers 1\n"
                                         "MaxConnectionsPerChild 3\n"));
    start_or_fail(s);
    std::set<pid_t> seen;
    for (int i = 0; i < 12; ++i) {
        for (const pid_t p : s.children()) {
            seen.insert(p);
        }
        EXPECT_EQ(status_of(s.get("/index.html")), 200);
    }
    EXPECT_TRUE(eventually(
        [&] {
            for (const pid_t p : s.children()) {
                seen.insert(p);
            }
            return seen.size() >= 3;
        },
        5s))
        << seen.size();
}

TEST(Process, ScoreboardCountsEveryRequest)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"));
    start_or_fail(s);
    const std::uint64_t before = read_scoreboard(s).accesses;
    for (int i = 0; i < 25; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html")), 200);
    }
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).accesses == before + 25; }, 5s))
        << read_scoreboard(s).accesses;
}

TEST(Process, WorkerServesWithThreads)
{
    TestServer s;
    s.write_config(base_config(kWorker, "StartServers 1\nThreadsPerChild 4\nMinSpareThreads 2\n"
                                        "MaxSpareThreads 8\nServerLimit 4\nThreadLimit 8\n"));
    start_or_fail(s);
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(status_of(s.get("/index.html")), 200);
    }
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).accesses >= 10; }, 5s));
}

}  // namespace
}  // namespace feather::test

namespace feather::test {
namespace {

TEST(Process, HupRestartReplacesAllChildren)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"));
    start_or_fail(s);
    ASSERT_TRUE(eventually([&] { return s.children().size() >= 2; }, 5s));
    const auto before = s.children();
    s.signal(SIGHUP);
    EXPECT_TRUE(eventually([&] {
        return s.file("logs/error_log").find("AH00173: SIGHUP received.  Attempting to restart") !=
               std::string::npos;
    }, 5s));
    EXPECT_TRUE(eventually(
        [&] {
            const auto now = s.children();
            if (now.size() < 2) {
                return false;
            }
            for (const pid_t p : now) {
                for (const pid_t b : before) {
                    if (p == b) {
                        return false;
                    }
                }
            }
            return true;
        },
        10s));
    EXPECT_EQ(status_of(s.get("/index.html")), 200);
}

TEST(Process, WinchStopsGracefullyAfterTheRequestInHand)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"
                                         "GracefulShutdownTimeout 5\n"));
    start_or_fail(s);
    // A connection that has sent half a request when the stop arrives still
    // gets its response.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(s.port()));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    const std::string part1 = "GET /index.html HTTP/1.1\r\nHost: localhost\r\n";
    ::send(fd, part1.data(), part1.size(), MSG_NOSIGNAL);
    std::this_thread::sleep_for(200ms);
    s.signal(SIGWINCH);
    std::this_thread::sleep_for(200ms);
    const std::string part2 = "Connection: close\r\n\r\n";
    ::send(fd, part2.data(), part2.size(), MSG_NOSIGNAL);
    std::string got;
    char buf[4096];
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
        got.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    EXPECT_EQ(status_of(got), 200) << got;
    const auto rc = s.wait_exit(10s);
    ASSERT_TRUE(rc.has_value());
    EXPECT_EQ(*rc, 0);
    EXPECT_NE(s.file("logs/error_log").find("AH00170: caught SIGWINCH, shutting down gracefully"),
              std::string::npos);
    EXPECT_TRUE(s.file("logs/feather.pid").empty());
}

TEST(Process, PipedErrorLogReceivesTheServersLines)
{
    TestServer s;
    std::string conf = base_config(kPrefork, "StartServers 1\n");
    const std::string piped = "ErrorLog \"|/bin/sh -c 'cat >> @ROOT@/logs/piped_error_log'\"";
    conf.replace(conf.find("ErrorLog logs/error_log"), std::string("ErrorLog logs/error_log").size(), piped);
    s.write_config(conf + "LogLevel notice\n");
    start_or_fail(s);
    EXPECT_TRUE(eventually(
        [&] { return s.file("logs/piped_error_log").find("resuming normal operations") != std::string::npos; }, 5s))
        << s.file("logs/piped_error_log");
    EXPECT_EQ(s.stop(), 0);
    EXPECT_TRUE(eventually(
        [&] { return s.file("logs/piped_error_log").find("caught SIGTERM, shutting down") != std::string::npos; },
        5s))
        << s.file("logs/piped_error_log");
}

TEST(Process, EveryAcceptMutexServesSeveralListeners)
{
    for (const std::string mech : {"fcntl", "flock", "sysvsem", "posixsem", "pthread", "default"}) {
        TestServer s;
        const int second = free_port();
        s.write_config(base_config(kPrefork, "StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n"
                                             "Listen 127.0.0.1:" + std::to_string(second) +
                                             "\nMutex " + mech + " mpm-accept\n"));
        start_or_fail(s);
        for (int i = 0; i < 6; ++i) {
            EXPECT_EQ(status_of(s.get("/index.html")), 200) << mech;
            EXPECT_EQ(status_of(raw_exchange(second, "GET /index.html HTTP/1.0\r\n\r\n")), 200) << mech;
        }
        EXPECT_EQ(s.stop(), 0) << mech;
    }
}

TEST(Process, DebugModeServesInOneProcess)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 3\n"));
    s.root().write("htdocs/index.html", "one process\n");
    ASSERT_TRUE(s.start({"-X"})) << s.stderr_text();
    EXPECT_EQ(status_of(s.get("/index.html")), 200);
    EXPECT_TRUE(s.children().empty()) << "-X forks no children";
    EXPECT_EQ(s.stop(), 0);
}

}  // namespace
}  // namespace feather::test

namespace feather::test {
namespace {

TEST(Process, FeatherctlStatusStopAndConfigtest)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "StartServers 1\n"));
    start_or_fail(s);
    const std::string ctl = std::filesystem::path(feather_binary()).parent_path().string() + "/featherctl";
    auto run = [&](const std::string& cmd) {
        const std::string line = "FEATHER=" + feather_binary() + " " + ctl + " " + cmd + " -d " + s.root().str() +
                                 " -f httpd.conf 2>&1";
        std::string out;
        FILE* p = ::popen(line.c_str(), "r");
        char buf[512];
        while (p != nullptr && std::fgets(buf, sizeof buf, p) != nullptr) {
            out += buf;
        }
        const int rc = p != nullptr ? ::pclose(p) : -1;
        return std::make_pair(WEXITSTATUS(rc), out);
    };
    auto [rc, out] = run("status");
    EXPECT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("running (pid " + std::to_string(s.pid()) + ")"), std::string::npos) << out;
    auto [rc2, out2] = run("configtest");
    EXPECT_EQ(rc2, 0);
    EXPECT_NE(out2.find("Syntax OK"), std::string::npos) << out2;
    auto [rc3, out3] = run("stop");
    EXPECT_EQ(rc3, 0) << out3;
    EXPECT_TRUE(s.wait_exit(10s).has_value());
    auto [rc4, out4] = run("status");
    EXPECT_EQ(rc4, 3);
    EXPECT_NE(out4.find("not running"), std::string::npos);
}

}  // namespace
}  // namespace feather::test
