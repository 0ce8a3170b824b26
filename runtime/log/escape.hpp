#pragma once
// httpd's escaping of text written to logs: control characters, bytes
// outside printable ASCII, backslash and (for access logs) the double quote
// become escapes, so a log line is always one line and cannot be forged.

#include <string>
#include <string_view>

namespace feather::runtime {

// ap_escape_errorlog_item: '"' is left as is.
std::string escape_error_log_item(std::string_view s);
// ap_escape_logitem: '"' becomes \" (access logs quote their fields).
std::string escape_log_item(std::string_view s);

}  // namespace feather::runtime
