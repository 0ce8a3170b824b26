#pragma once
// httpd's ap_escape_logitem, shared by mod_log_config (every logged string)
// and mod_status (request lines from the scoreboard): control characters,
// '"', '\\' and bytes above 0x7e become C-style or \xhh escapes.

#include <string>
#include <string_view>

namespace feather {

std::string escape_logitem(std::string_view s);

}  // namespace feather
