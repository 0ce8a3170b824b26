#pragma once
// LogFormat strings: the checks httpd's parse_log_string makes when a format
// is configured. (Compiling a format into items comes with the logging
// itself.)

#include <optional>
#include <string>
#include <string_view>

namespace feather::mod::log_config {

// The format httpd uses when none is configured, also known as "CLF".
inline constexpr std::string_view kDefaultLogFormat = "%h %l %u %t \"%r\" %>s %b";

// nullopt when httpd accepts `format`, else its message
// ("Unrecognized LogFormat directive %Z", "Ran off end of LogFormat parsing
// args to some directive").
std::optional<std::string> check_log_format(std::string_view format);

}  // namespace feather::mod::log_config
