#pragma once
// The small text helpers mod_status prints with (httpd's format_byte_out,
// format_kbyte_out, show_time, ap_ht_time, ap_escape_html).

#include <cstdint>
#include <string>
#include <string_view>

namespace feather::mod::status {

// "%d B", "%.1f kB", "%.1f MB", "%.1f GB" by size.
std::string format_bytes(std::int64_t bytes);
// The same for a count of kilobytes: "%d kB", "%.1f MB", "%.1f GB".
std::string format_kbytes(std::int64_t kbytes);
// " 1 day 2 hours 3 minutes 4 seconds" (parts that are 0 left out).
std::string uptime_text(std::uint32_t seconds);
// Local time as "%A, %d-%b-%Y %H:%M:%S %Z" (httpd's DEFAULT_TIME_FORMAT).
std::string default_time(std::int64_t time_us);

// < > & " as entities.
std::string escape_html(std::string_view s);

}  // namespace feather::mod::status
