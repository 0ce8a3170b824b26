// mod_log_config end to end: many children appending to one log, piped
// loggers the master keeps alive, BufferedLogs flushed when children go.

#include <signal.h>

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "tests/e2e/e2e_http_support.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        out.push_back(line);
    }
    return out;
}

std::string command_line(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (char& c : text) {
        c = c == '\0' ? ' ' : c;
    }
    return text;
}

// The master's child running the piped logger (0 when none).
pid_t logger_pid(const TestServer& s)
{
    for (const pid_t p : s.children()) {
        if (command_line(p).find("cat") != std::string::npos) {
            return p;
        }
    }
    return 0;
}

void start_or_fail(TestServer& s)
{
    s.root().write("htdocs/index.html", "hello\n");
    ASSERT_TRUE(s.start()) << s.stderr_text() << s.file("logs/error_log");
}

TEST(AccessLog, ManyChildrenWriteWholeLinesUnderLoad)
{
    constexpr int kClients = 4;
    constexpr int kRequests = 500;
    TestServer s;
    s.write_config(http_config("",
                               "StartServers 4\nMinSpareServers 4\nMaxSpareServers 8\n"
                               "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b %P\" withpid\n"
                               "CustomLog logs/access_log withpid\n"));
    start_or_fail(s);
    std::vector<std::thread> clients;
    std::atomic<int> ok{0};
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            for (int i = 0; i < kRequests; ++i) {
                const std::string path = "/index.html?c=" + std::to_string(c) + "&i=" + std::to_string(i);
                if (status_of(s.get(path)) == 200) {
                    ++ok;
                }
            }
        });
    }
    for (auto& t : clients) {
        t.join();
    }
    ASSERT_EQ(ok.load(), kClients * kRequests);
    EXPECT_EQ(s.stop(), 0);

    const std::regex whole(R"(127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [-+]\d{4}\] )"
                           R"("GET /index\.html\?c=(\d)&i=(\d+) HTTP/1\.1" 200 6 (\d+))");
    const auto lines = lines_of(s.file("logs/access_log"));
    EXPECT_EQ(lines.size(), static_cast<std::size_t>(kClients * kRequests));
    std::set<std::pair<int, int>> seen;
    std::set<std::string> pids;
    for (const auto& line : lines) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(line, m, whole)) << "not a whole line: " << line;
        seen.emplace(std::stoi(m[1]), std::stoi(m[2]));
        pids.insert(m[3]);
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(kClients * kRequests)) << "every request logged once";
    EXPECT_GE(pids.size(), 1u);
}

TEST(AccessLog, KilledPipedLoggerIsRestartedAndLinesGoOn)
{
    TestServer s;
    s.write_config(http_config("",
                               "LogFormat \"%r %>s\" short\n"
                               "CustomLog \"|/bin/sh -c 'exec cat >> @ROOT@/logs/piped_log'\" short\n"));
    start_or_fail(s);
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html?before=" + std::to_string(i))), 200);
    }
    ASSERT_TRUE(eventually([&] { return lines_of(s.file("logs/piped_log")).size() == 10; }, 5s))
        << s.file("logs/piped_log");
    const pid_t first = logger_pid(s);
    ASSERT_GT(first, 0);
    ASSERT_EQ(::kill(first, SIGKILL), 0);
    // The master notices and starts the logger again on the same pipe.
    ASSERT_TRUE(eventually([&] { const pid_t p = logger_pid(s); return p > 0 && p != first; }, 10s))
        << s.file("logs/error_log");
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html?after=" + std::to_string(i))), 200);
    }
    ASSERT_TRUE(eventually([&] { return lines_of(s.file("logs/piped_log")).size() == 20; }, 5s))
        << s.file("logs/piped_log");
    const auto lines = lines_of(s.file("logs/piped_log"));
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(lines[static_cast<std::size_t>(10 + i)], "GET /index.html?after=" + std::to_string(i) + " HTTP/1.1 200");
    }
    // httpd reports the death as a bare startup line.
    EXPECT_NE(s.file("logs/error_log").find("\nAH00106: piped log program '/bin/sh -c 'exec cat >> " +
                                            s.root().str() + "/logs/piped_log'' failed unexpectedly\n"),
              std::string::npos)
        << s.file("logs/error_log");
    EXPECT_EQ(s.stop(), 0);
}

TEST(AccessLog, BufferedLogsFlushOnGracefulRestartAndOnExit)
{
    TestServer s;
    s.write_config(http_config("",
                               "BufferedLogs On\n"
                               "LogFormat \"%r %>s\" short\n"
                               "CustomLog logs/access_log short\n"));
    start_or_fail(s);
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html?one=" + std::to_string(i))), 200);
    }
    // Held in the child's buffer (well under its size).
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(s.file("logs/access_log"), "");
    s.signal(SIGUSR1);
    ASSERT_TRUE(eventually([&] { return lines_of(s.file("logs/access_log")).size() == 5; }, 10s))
        << "a graceful restart ends the old children, which write what they hold";
    ASSERT_TRUE(eventually([&] { return status_of(s.get("/index.html?two=0")) == 200; }, 10s));
    for (int i = 1; i < 3; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html?two=" + std::to_string(i))), 200);
    }
    EXPECT_EQ(lines_of(s.file("logs/access_log")).size(), 5u);
    EXPECT_EQ(s.stop(), 0);
    const auto lines = lines_of(s.file("logs/access_log"));
    ASSERT_EQ(lines.size(), 8u) << s.file("logs/access_log");
    EXPECT_EQ(lines[0], "GET /index.html?one=0 HTTP/1.1 200");
    EXPECT_EQ(lines[7], "GET /index.html?two=2 HTTP/1.1 200");
}

}  // namespace
}  // namespace feather::test
