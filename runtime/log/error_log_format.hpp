#pragma once
// httpd's default error-log line:
//   [Wed Oct 11 14:32:52.123456 2000] [core:warn] [pid 1234:tid 5678] AH00111: text

#include <chrono>
#include <string>
#include <string_view>

#include "directives/log_level.hpp"
#include "directives/module_id.hpp"

namespace feather::runtime {

// "[%{u}t] [module:level] [pid P:tid T] text" for a time point; tid 0 leaves
// the thread out, as for a non-threaded MPM.
std::string format_error_log_line(std::chrono::system_clock::time_point when, std::string_view module,
                                  LogLevel level, long pid, unsigned long tid, std::string_view text);

// The name httpd shows for a module in its log: "core", "mime", "mpm_prefork".
std::string_view module_log_name(ModuleId id);

}  // namespace feather::runtime
