#pragma once
// Apache's log levels, most severe first (LogLevel, -e).

#include <cstdint>
#include <optional>
#include <string_view>

namespace feather {

enum class LogLevel : std::uint8_t {
    Emerg,
    Alert,
    Crit,
    Error,
    Warn,
    Notice,
    Info,
    Debug,
    Trace1,
    Trace2,
    Trace3,
    Trace4,
    Trace5,
    Trace6,
    Trace7,
    Trace8,
};

std::string_view log_level_name(LogLevel level);
std::optional<LogLevel> parse_log_level(std::string_view name);  // case-insensitive

}  // namespace feather
