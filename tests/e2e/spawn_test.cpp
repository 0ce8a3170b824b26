// Spare-server spawning under a burst of connections, as the performance
// notes describe it: the master counts idle workers once a second, forks
// while there are fewer than the minimum and retires children while there
// are more than the maximum.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/e2e/process_support.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

// Connections that sent half a request line and wait: each holds one
// worker in the reading state until it is closed (Timeout is long).
class HeldConnections {
public:
    HeldConnections(int port, int count)
    {
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(static_cast<std::uint16_t>(port));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
                const std::string partial = "GET /index.html HTTP/1.1\r\n";
                (void)::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
                fds_.push_back(fd);
            } else if (fd >= 0) {
                ::close(fd);
            }
        }
    }
    ~HeldConnections() { release(); }
    HeldConnections(const HeldConnections&) = delete;
    HeldConnections& operator=(const HeldConnections&) = delete;

    std::size_t size() const { return fds_.size(); }
    void release()
    {
        for (const int fd : fds_) {
            ::close(fd);
        }
        fds_.clear();
    }

private:
    std::vector<int> fds_;
};

TEST(Spawn, PreforkGrowsUnderABurstThenShrinksToMaxSpareServers)
{
    TestServer s;
    s.write_config(base_config(kPrefork, "Timeout 60\nStartServers 1\nMinSpareServers 2\nMaxSpareServers 3\n"
                                         "MaxRequestWorkers 12\nServerLimit 12\n"));
    start_or_fail(s);
    ASSERT_TRUE(eventually([&] { return read_scoreboard(s).idle_workers >= 2; }, 10s));

    // Eight connections take eight children; the master forks until two are
    // idle again: ten processes (1, 2, 4, ... a second).
    HeldConnections burst(s.port(), 8);
    ASSERT_EQ(burst.size(), 8u);
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).processes >= 10; }, 15s))
        << read_scoreboard(s).processes;
    EXPECT_EQ(status_of(s.get("/index.html")), 200);

    // Released, ten idle children are too many: one goes a second down to
    // MaxSpareServers.
    burst.release();
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).processes <= 3; }, 20s))
        << read_scoreboard(s).processes;
    EXPECT_GE(read_scoreboard(s).processes, 2);
}

TEST(Spawn, WorkerAddsChildrenWhenIdleThreadsRunLowThenRetiresThem)
{
    TestServer s;
    s.write_config(base_config(kWorker, "Timeout 60\nStartServers 1\nServerLimit 4\nThreadLimit 4\n"
                                        "ThreadsPerChild 4\nMaxRequestWorkers 16\n"
                                        "MinSpareThreads 2\nMaxSpareThreads 6\n"));
    start_or_fail(s);
    ASSERT_TRUE(eventually([&] { return read_scoreboard(s).idle_workers >= 4; }, 10s));

    // Nine busy threads need three children, and two spare threads a fourth.
    HeldConnections burst(s.port(), 9);
    ASSERT_EQ(burst.size(), 9u);
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).processes >= 3; }, 15s))
        << read_scoreboard(s).processes;
    EXPECT_EQ(status_of(s.get("/index.html")), 200);

    // Sixteen idle threads are more than MaxSpareThreads: children go until
    // at most six threads (plus one child's worth) are idle.
    burst.release();
    EXPECT_TRUE(eventually([&] { return read_scoreboard(s).processes <= 2; }, 20s))
        << read_scoreboard(s).processes;
}

}  // namespace
}  // namespace feather::test
