#pragma once
// The access logs of one configuration generation: each distinct target
// (a file opened for append, or the pipe of a "|program") once, each
// server's logs with their compiled formats and env= conditions. Every entry
// reaches its target in one write(2) (one line never splits, so lines of
// many children never interleave); with BufferedLogs On entries collect in a
// per-process buffer of PIPE_BUF bytes, written when full and at exit.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "directives/config.hpp"
#include "modules/log_config/log_config_config.hpp"
#include "modules/log_config/log_items.hpp"
#include "modules/module_states.hpp"

namespace feather::mod::log_config {

class LogState {
public:
    static std::shared_ptr<LogState> open(const directives::Config& config, PipeOpener* pipes,
                                          std::string& error);
    ~LogState();

    // Writes r's entry to every log of its server.
    void log(Request& r, const LogContext& ctx);
    // Writes what BufferedLogs holds.
    void flush();
    bool empty() const { return per_server_.empty(); }

private:
    struct Writer {
        std::string target;
        int fd = -1;
        bool owns_fd = false;
        bool buffered = false;
        std::mutex mu;          // worker threads share the buffer
        std::string buffer;
    };
    struct Entry {
        Writer* writer = nullptr;
        CompiledFormat format;
        std::optional<EnvCondition> condition;
    };
    static void write_all(int fd, const std::string& data);
    void emit(Writer& w, const std::string& line);

    std::vector<std::unique_ptr<Writer>> writers_;
    std::vector<std::vector<Entry>> per_server_;
};

}  // namespace feather::mod::log_config
