#pragma once
// HTTP dates as APR-util's apr_date_parse_http reads them.

#include <cstdint>
#include <string_view>

namespace feather::runtime {

// Seconds since the epoch of an RFC 1123, RFC 850 or asctime date (what
// follows the time is not read); 0 (APR_DATE_BAD) when invalid or before
// 1970.
std::int64_t parse_http_date(std::string_view date);

}  // namespace feather::runtime
