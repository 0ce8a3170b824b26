#include "directives/log_level.hpp"

#include <array>

#include "directives/registry.hpp"

namespace feather {

namespace {
constexpr std::array<std::string_view, 16> kNames = {
    "emerg",  "alert",  "crit",   "error",  "warn",   "notice", "info",   "debug",
    "trace1", "trace2", "trace3", "trace4", "trace5", "trace6", "trace7", "trace8",
};
}  // namespace

std::string_view log_level_name(LogLevel level) { return kNames[static_cast<std::size_t>(level)]; }

std::optional<LogLevel> parse_log_level(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (directives::iequals(name, kNames[i])) {
            return static_cast<LogLevel>(i);
        }
    }
    return std::nullopt;
}

}  // namespace feather
