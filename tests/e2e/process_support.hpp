#pragma once
// What the process-model end-to-end tests share: a config with a
// ScoreBoardFile, and a reading of that scoreboard.

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "runtime/scoreboard/scoreboard.hpp"
#include "tests/support/test_server.hpp"

namespace feather::test {

inline std::string base_config(const std::string& mpm, const std::string& extra)
{
    return "LoadModule " + mpm +
           " modules/mod_mpm.so\n"
           "LoadModule authz_core_module modules/mod_authz_core.so\n"
           "Listen 127.0.0.1:@PORT@\n"
           "ServerName localhost\n"
           "User nobody\n"
           "Group nogroup\n"
           "PidFile logs/feather.pid\n"
           "ErrorLog logs/error_log\n"
           "ScoreBoardFile logs/scoreboard\n"
           "DocumentRoot @ROOT@/htdocs\n"
           "<Directory @ROOT@/htdocs>\n"
           "    Require all granted\n"
           "</Directory>\n" +
           extra;
}

inline const std::string kPrefork = "mpm_prefork_module";
inline const std::string kWorker = "mpm_worker_module";

struct Counts {
    int processes = 0;
    int idle_workers = 0;
    std::uint64_t accesses = 0;
};

inline Counts read_scoreboard(const TestServer& s)
{
    Counts c;
    auto sb = runtime::Scoreboard::open_file(s.root().str() + "/logs/scoreboard");
    for (int p = 0; p < sb->server_limit(); ++p) {
        if (sb->process(p).pid.load() != 0) {
            ++c.processes;
        }
        for (int t = 0; t < sb->thread_limit(); ++t) {
            const auto& w = sb->worker(p, t);
            const auto st = static_cast<runtime::WorkerStatus>(w.status.load());
            if (st == runtime::WorkerStatus::Ready) {
                ++c.idle_workers;
            }
            c.accesses += w.access_count.load();
        }
    }
    return c;
}

inline void start_or_fail(TestServer& s)
{
    s.root().write("htdocs/index.html", "hello from feather\n");
    ASSERT_TRUE(s.start()) << s.stderr_text() << s.file("logs/error_log");
}

}  // namespace feather::test
