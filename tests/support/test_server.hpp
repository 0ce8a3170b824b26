#pragma once
// A real feather process for integration tests: its own ServerRoot in a
// temp dir, a free loopback port, started in its own session (setsid) in
// the foreground, waited for until it accepts connections, and stopped by
// its PID. Every wait is bounded.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace feather::test {

// A port on 127.0.0.1 that was free a moment ago.
int free_port();

// One raw exchange: connect to 127.0.0.1:port, send `request`, read until
// the server closes or `timeout`. Empty on connection failure.
std::string raw_exchange(int port, const std::string& request,
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

// The status code of the first response in `response` (0 if none).
int status_of(const std::string& response);

class TestServer {
public:
    TestServer();
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    const TempDir& root() const { return root_; }
    int port() const { return port_; }
    // The config text is written as <root>/httpd.conf; "@ROOT@" and
    // "@PORT@" in it are replaced.
    void write_config(const std::string& text);
    // Starts `feather -d root -f httpd.conf -DFOREGROUND [extra...]` and waits
    // until the port accepts. False (and stderr kept) when it does not.
    bool start(const std::vector<std::string>& extra_args = {},
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // SIGTERM, then SIGKILL after `timeout`; returns the exit status.
    int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void signal(int sig) const;
    pid_t pid() const { return pid_; }
    bool running() const;
    // Waits for the process to exit by itself; exit status or nullopt.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout);
    // The master's children (server processes and piped loggers).
    std::vector<pid_t> children() const;
    std::string stderr_text() const;
    std::string file(const std::string& relative) const;
    std::string get(const std::string& path, const std::string& host = "localhost") const;

    // Runs feather with `args` to completion; returns (exit status, stdout+stderr).
    static std::pair<int, std::string> run_cli(const std::vector<std::string>& args,
                                               std::chrono::milliseconds timeout = std::chrono::seconds(20));

private:
    TempDir root_;
    int port_;
    pid_t pid_ = -1;
    std::optional<int> exit_status_;
};

// Polls `pred` every 20 ms until it holds or `timeout` passes.
template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (pred()) {
            return true;
        }
        struct timespec ts {0, 20 * 1000 * 1000};
        ::nanosleep(&ts, nullptr);
    }
    return pred();
}

std::string feather_binary();

}  // namespace feather::test
