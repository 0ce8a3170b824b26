#include "modules/log_config/log_state.hpp"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "modules/config_sets.hpp"

namespace feather::mod::log_config {

namespace {

constexpr std::size_t kBufferSize = PIPE_BUF;  // httpd's LOG_BUFSIZE

// A LogDefinition's format: a nickname of the server's, else the text
// itself; TransferLog takes the server's default format (itself maybe a
// nickname), else CLF.
std::string resolve_format(const LogDefinition& def, const LogConfigServerConfig& conf)
{
    auto by_name = [&](const std::string& f) {
        const auto it = conf.formats.find(f);
        return it != conf.formats.end() ? it->second : f;
    };
    if (def.format) {
        return by_name(*def.format);
    }
    if (conf.default_format.is_set()) {
        return by_name(*conf.default_format.value);
    }
    return std::string(kDefaultLogFormat);
}

}  // namespace

LogState::~LogState()
{
    flush();
    for (auto& w : writers_) {
        if (w->owns_fd && w->fd >= 0) {
            ::close(w->fd);
        }
    }
}

std::shared_ptr<LogState> LogState::open(const directives::Config& config, PipeOpener* pipes, std::string& error)
{
    auto state = std::make_shared<LogState>();
    const auto& main = get<LogConfigServerConfig>(*config.main_server().modules);
    const bool buffered = main.buffered_logs.get_or(false);
    for (const auto& server : config.servers) {
        const auto& conf = get<LogConfigServerConfig>(*server.modules);
        auto& entries = state->per_server_.emplace_back();
        for (const LogDefinition* def : logs_in_effect(conf)) {
            Writer* writer = nullptr;
            for (auto& w : state->writers_) {
                if (w->target == def->target) {
                    writer = w.get();
                }
            }
            if (writer == nullptr) {
                auto w = std::make_unique<Writer>();
                w->target = def->target;
                w->buffered = buffered;
                if (def->piped()) {
                    if (pipes == nullptr) {
                        error = "AH00648: Couldn't start piped log process '" + def->target.substr(1) + "'.";
                        return nullptr;
                    }
                    std::string why;
                    const auto fd = pipes->open(def->target, why);
                    if (!fd) {
                        error = why + ": AH00106: piped log program '" + def->target.substr(1) + "' failed to start";
                        return nullptr;
                    }
                    w->fd = *fd;
                } else {
                    w->fd = ::open(def->target.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
                    if (w->fd < 0) {
                        error = "(" + std::to_string(errno) + ")" + std::strerror(errno) +
                                ": AH00649: could not open transfer log file " + def->target + ".";
                        return nullptr;
                    }
                    w->owns_fd = true;
                }
                writer = w.get();
                state->writers_.push_back(std::move(w));
            }
            entries.push_back(Entry{writer, compile_format(resolve_format(*def, conf)), def->condition});
        }
    }
    return state;
}

void LogState::write_all(int fd, const std::string& data)
{
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void LogState::emit(Writer& w, const std::string& line)
{
    if (!w.buffered) {
        write_all(w.fd, line);
        return;
    }
    std::lock_guard lock(w.mu);
    if (w.buffer.size() + line.size() > kBufferSize) {
        write_all(w.fd, w.buffer);
        w.buffer.clear();
    }
    if (line.size() > kBufferSize) {
        write_all(w.fd, line);
        return;
    }
    w.buffer += line;
}

void LogState::log(Request& r, const LogContext& ctx)
{
    if (r.server_index >= per_server_.size()) {
        return;
    }
    for (const Entry& e : per_server_[r.server_index]) {
        if (e.condition) {
            const bool set = r.subprocess_env.has(e.condition->variable);
            if (set == e.condition->negated) {
                continue;
            }
        }
        emit(*e.writer, render(e.format, r, ctx));
    }
}

void LogState::flush()
{
    for (auto& w : writers_) {
        std::lock_guard lock(w->mu);
        if (!w->buffer.empty()) {
            write_all(w->fd, w->buffer);
            w->buffer.clear();
        }
    }
}

}  // namespace feather::mod::log_config
