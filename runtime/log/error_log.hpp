#pragma once
// The error log: one target per server (ErrorLog: a file, "|command" or
// "syslog[:facility[:tag]]"), Apache's line layout, and LogLevel filtering
// (a default level and per-module levels). Each line is handed to the
// target in one write, so lines from many processes never interleave.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/config.hpp"
#include "directives/log_level.hpp"
#include "directives/module_id.hpp"
#include "modules/core/core_config.hpp"

namespace spdlog {
class logger;
}

namespace feather::runtime {

class PipedLogs;

// Who a message is about, when it concerns a connection or request.
struct LogClient {
    std::string_view ip;
    unsigned port = 0;
    std::string_view referer;
};

struct LogLine {
    ModuleId module = ModuleId::Core;
    LogLevel level = LogLevel::Error;
    int os_error = 0;                 // errno to show as "(N)text: "
    const LogClient* client = nullptr;
    // httpd's APLOG_STARTUP: always written, as the bare message without the
    // time, module, level and pid prefix.
    bool startup = false;
};

class ErrorLog {
public:
    // Opens every server's target (httpd's ap_open_logs). `piped` starts and
    // keeps "|command" targets. Returns nullopt and fills `error` on failure.
    static std::unique_ptr<ErrorLog> open(const directives::Config& config, PipedLogs* piped,
                                          std::string& error);
    // Before the configuration is loaded, or for tests: everything to `fd`.
    static std::unique_ptr<ErrorLog> to_fd(int fd, LogLevel level);

    ~ErrorLog();

    // True when `level` messages of `module` are written for `server`.
    bool enabled(std::size_t server, ModuleId module, LogLevel level) const;
    // Writes one message in Apache's layout for `server` (0 = main).
    void write(std::size_t server, const LogLine& line, std::string_view text) const;
    // A message for the main server.
    void log(ModuleId module, LogLevel level, std::string_view text, int os_error = 0) const;
    // An APLOG_STARTUP message for the main server.
    void startup(std::string_view text, int os_error = 0) const;

    // Threaded MPMs show the thread id ("[pid P:tid T]").
    void set_threaded(bool threaded) { threaded_ = threaded; }
    // The main server's file descriptor (for stderr), -1 for syslog.
    int main_fd() const;

private:
    struct Target;
    struct ServerLog {
        std::shared_ptr<Target> target;
        mod::core::LogLevels levels;
    };
    ErrorLog() = default;

    std::vector<ServerLog> servers_;
    std::vector<std::shared_ptr<Target>> targets_;
    bool threaded_ = false;
};

// "(13)Permission denied" as httpd prints an OS error.
std::string os_error_text(int err);

}  // namespace feather::runtime
