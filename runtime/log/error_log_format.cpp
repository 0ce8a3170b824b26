#include "runtime/log/error_log_format.hpp"

#include <ctime>

#include <fmt/format.h>

namespace feather::runtime {

std::string format_error_log_line(std::chrono::system_clock::time_point when, std::string_view module,
                                  LogLevel level, long pid, unsigned long tid, std::string_view text)
{
    const auto since_epoch = when.time_since_epoch();
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto usec = std::chrono::duration_cast<std::chrono::microseconds>(since_epoch - secs).count();
    const std::time_t t = secs.count();
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char stamp[64];
    std::strftime(stamp, sizeof stamp, "%a %b %d %H:%M:%S", &tm);
    char year[8];
    std::strftime(year, sizeof year, "%Y", &tm);
    if (tid == 0) {  // not a threaded MPM: httpd shows no thread id
        return fmt::format("[{}.{:06d} {}] [{}:{}] [pid {}] {}", stamp, usec, year, module,
                           log_level_name(level), pid, text);
    }
    return fmt::format("[{}.{:06d} {}] [{}:{}] [pid {}:tid {}] {}", stamp, usec, year, module,
                       log_level_name(level), pid, tid, text);
}

std::string_view module_log_name(ModuleId id)
{
    switch (id) {
    case ModuleId::Core: return "core";
    case ModuleId::So: return "so";
    case ModuleId::Http: return "http";
    case ModuleId::LogConfig: return "log_config";
    case ModuleId::Logio: return "logio";
    case ModuleId::Version: return "version";
    case ModuleId::Unixd: return "unixd";
    case ModuleId::MpmPrefork: return "mpm_prefork";
    case ModuleId::MpmWorker: return "mpm_worker";
    case ModuleId::MpmEvent: return "mpm_event";
    case ModuleId::AuthzCore: return "authz_core";
    case ModuleId::AuthzHost: return "authz_host";
    case ModuleId::AccessCompat: return "access_compat";
    case ModuleId::Mime: return "mime";
    case ModuleId::Dir: return "dir";
    case ModuleId::Negotiation: return "negotiation";
    case ModuleId::Status: return "status";
    case ModuleId::Alias: return "alias";
    case ModuleId::Count: break;
    }
    return "core";
}

}  // namespace feather::runtime
