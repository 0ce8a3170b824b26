#include "runtime/log/error_log.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <syslog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/syslog_sink.h>

#include "modules/config_sets.hpp"
#include "modules/request/process_id.hpp"
#include "runtime/log/error_log_format.hpp"
#include "runtime/log/escape.hpp"
#include "runtime/log/piped_logs.hpp"

namespace feather::runtime {

namespace {

// Writes each formatted line with a single write(2) on an O_APPEND file or
// a pipe: lines from many processes never interleave.
class FdSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
public:
    explicit FdSink(int fd) : fd_(fd) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        std::string line(msg.payload.data(), msg.payload.size());
        line.push_back('\n');
        const char* p = line.data();
        std::size_t left = line.size();
        while (left > 0) {
            const ssize_t n = ::write(fd_, p, left);
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
    void flush_() override {}

private:
    int fd_;
};

spdlog::level::level_enum spdlog_level(LogLevel l)
{
    switch (l) {
    case LogLevel::Emerg:
    case LogLevel::Alert:
    case LogLevel::Crit: return spdlog::level::critical;
    case LogLevel::Error: return spdlog::level::err;
    case LogLevel::Warn: return spdlog::level::warn;
    case LogLevel::Notice:
    case LogLevel::Info: return spdlog::level::info;
    case LogLevel::Debug: return spdlog::level::debug;
    default: return spdlog::level::trace;
    }
}

struct Facility {
    const char* name;
    int value;
};
constexpr Facility kFacilities[] = {
    {"auth", LOG_AUTH},     {"authpriv", LOG_AUTHPRIV}, {"cron", LOG_CRON},     {"daemon", LOG_DAEMON},
    {"ftp", LOG_FTP},       {"kern", LOG_KERN},         {"lpr", LOG_LPR},       {"mail", LOG_MAIL},
    {"news", LOG_NEWS},     {"syslog", LOG_SYSLOG},     {"user", LOG_USER},     {"uucp", LOG_UUCP},
    {"local0", LOG_LOCAL0}, {"local1", LOG_LOCAL1},     {"local2", LOG_LOCAL2}, {"local3", LOG_LOCAL3},
    {"local4", LOG_LOCAL4}, {"local5", LOG_LOCAL5},     {"local6", LOG_LOCAL6}, {"local7", LOG_LOCAL7},
};

}  // namespace

struct ErrorLog::Target {
    std::string spec;
    int fd = -1;
    bool owns_fd = false;
    bool syslog = false;
    std::shared_ptr<spdlog::logger> logger;

    ~Target()
    {
        if (owns_fd && fd >= 0) {
            ::close(fd);
        }
    }
};

std::string os_error_text(int err) { return "(" + std::to_string(err) + ")" + std::strerror(err); }

std::unique_ptr<ErrorLog> ErrorLog::to_fd(int fd, LogLevel level)
{
    std::unique_ptr<ErrorLog> log(new ErrorLog());
    auto t = std::make_shared<Target>();
    t->fd = fd;
    t->logger = std::make_shared<spdlog::logger>("error_log", std::make_shared<FdSink>(fd));
    t->logger->set_pattern("%v");
    t->logger->set_level(spdlog::level::trace);
    log->targets_.push_back(t);
    ServerLog s;
    s.target = t;
    s.levels.level = level;
    log->servers_.push_back(std::move(s));
    return log;
}

std::unique_ptr<ErrorLog> ErrorLog::open(const directives::Config& config, PipedLogs* piped, std::string& error)
{
    std::unique_ptr<ErrorLog> log(new ErrorLog());
    for (const auto& server : config.servers) {
        const auto& core = get<mod::core::CoreServerConfig>(*server.modules);
        const auto& dir = get<mod::core::CoreDirConfig>(*server.defaults);
        mod::core::ErrorLogTarget target;
        if (core.error_log.is_set()) {
            target = *core.error_log.value;
        } else {
            target.raw = "logs/error_log";
            target.path = parser::merge_path(config.server_root, target.raw);
        }
        const std::string& spec = target.raw;

        ServerLog entry;
        entry.levels = dir.uncommon().log_levels.get_or(mod::core::LogLevels{});
        if (!entry.levels.level) {
            entry.levels.level = LogLevel::Warn;
        }
        for (const auto& t : log->targets_) {
            if (t->spec == spec) {
                entry.target = t;
            }
        }
        if (!entry.target) {
            auto t = std::make_shared<Target>();
            t->spec = spec;
            using Kind = mod::core::ErrorLogTarget::Kind;
            if (target.kind == Kind::Pipe) {
                if (piped == nullptr) {
                    error = "AH00089: Couldn't start ErrorLog process '" + spec.substr(1) + "'.";
                    return nullptr;
                }
                std::string why;
                const auto fd = piped->writer(spec, why);
                if (!fd) {
                    error = why + ": AH00089: Couldn't start ErrorLog process '" + spec.substr(1) + "'.";
                    return nullptr;
                }
                t->fd = *fd;
            } else if (target.kind == Kind::Syslog) {
                int facility = LOG_LOCAL7;
                if (!target.facility.empty()) {
                    bool found = false;
                    for (const auto& f : kFacilities) {
                        if (strcasecmp(f.name, target.facility.c_str()) == 0) {
                            facility = f.value;
                            found = true;
                        }
                    }
                    if (!found) {
                        error = "AH10036: feather: could not open syslog error log " + target.facility + ".";
                        return nullptr;
                    }
                }
                const std::string tag = target.tag.empty() ? std::string("feather") : target.tag;
                t->syslog = true;
                t->logger = std::make_shared<spdlog::logger>(
                    "syslog", std::make_shared<spdlog::sinks::syslog_sink_mt>(tag, LOG_NDELAY | LOG_CONS | LOG_PID,
                                                                             facility, false));
            } else {
                const std::string& path = target.path;
                t->fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
                if (t->fd < 0) {
                    error = os_error_text(errno) + ": AH00091: feather: could not open error log file " + path + ".";
                    return nullptr;
                }
                t->owns_fd = true;
            }
            if (!t->logger) {
                t->logger = std::make_shared<spdlog::logger>("error_log", std::make_shared<FdSink>(t->fd));
            }
            t->logger->set_pattern("%v");
            t->logger->set_level(spdlog::level::trace);
            log->targets_.push_back(t);
            entry.target = t;
        }
        log->servers_.push_back(std::move(entry));
    }
    return log;
}

ErrorLog::~ErrorLog() = default;

int ErrorLog::main_fd() const { return servers_.empty() ? -1 : servers_.front().target->fd; }

bool ErrorLog::enabled(std::size_t server, ModuleId module, LogLevel level) const
{
    if (server >= servers_.size()) {
        server = 0;
    }
    if (servers_.empty()) {
        return false;
    }
    // httpd writes startup and shutdown notices to a file or pipe error log
    // whatever LogLevel says (not to syslog).
    if (level == LogLevel::Notice && !servers_[server].target->syslog) {
        return true;
    }
    const auto& levels = servers_[server].levels;
    if (const auto it = levels.per_module.find(module); it != levels.per_module.end()) {
        return level <= it->second;
    }
    return level <= levels.level.value_or(LogLevel::Warn);
}

void ErrorLog::write(std::size_t server, const LogLine& line, std::string_view text) const
{
    if (servers_.empty()) {
        return;
    }
    if (server >= servers_.size()) {
        server = 0;
    }
    const Target& t = *servers_[server].target;
    std::string body;
    if (line.os_error != 0) {
        body += os_error_text(line.os_error) + ": ";
    }
    if (line.client != nullptr) {
        body += "[client " + std::string(line.client->ip) + ":" + std::to_string(line.client->port) + "] ";
    }
    body += escape_error_log_item(text);
    if (line.client != nullptr && !line.client->referer.empty()) {
        body += ", referer: " + escape_error_log_item(line.client->referer);
    }
    std::string out;
    if (line.startup) {
        out = body;
    } else if (t.syslog) {
        out = "[" + std::string(module_log_name(line.module)) + ":" + std::string(log_level_name(line.level)) +
              "] [pid " + std::to_string(current_pid()) + "] " + body;
    } else {
        const unsigned long tid = threaded_ ? static_cast<unsigned long>(::pthread_self()) : 0;
        out = format_error_log_line(std::chrono::system_clock::now(), module_log_name(line.module), line.level,
                                    static_cast<long>(current_pid()), tid, body);
    }
    t.logger->log(spdlog_level(line.level), std::string_view(out));
}

void ErrorLog::log(ModuleId module, LogLevel level, std::string_view text, int os_error) const
{
    if (!enabled(0, module, level)) {
        return;
    }
    LogLine line;
    line.module = module;
    line.level = level;
    line.os_error = os_error;
    write(0, line, text);
}

void ErrorLog::startup(std::string_view text, int os_error) const
{
    LogLine line;
    line.level = LogLevel::Emerg;
    line.os_error = os_error;
    line.startup = true;
    write(0, line, text);
}

}  // namespace feather::runtime
