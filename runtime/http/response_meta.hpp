#pragma once
// The response metadata helpers of httpd's protocol code: the Content-Type
// actually sent (ap_make_content_type, with AddDefaultCharset),
// Last-Modified (ap_update_mtime, ap_rationalize_mtime,
// ap_set_last_modified), Content-Length and Accept-Ranges.

#include <cstdint>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather::runtime {

// ap_make_content_type: `type` with "; charset=<AddDefaultCharset>" added
// when AddDefaultCharset is on for r, `type` holds "text/plain" or
// "text/html" and no "charset=". "" stays "" (no Content-Type is sent).
// The HTTP header filter sends this for r.content_type.
std::string make_content_type(const Request& r, std::string_view type);

// ap_update_mtime: r's mtime becomes `mtime_us` if that is later.
void update_mtime(Request& r, std::int64_t mtime_us);
// ap_rationalize_mtime: never in the future (now when it would be).
std::int64_t rationalize_mtime(const Request& r, std::int64_t mtime_us);
// ap_set_last_modified: Last-Modified from r's mtime (not for HTTP/0.9).
void set_last_modified(Request& r);

// apr_table_setn: replaces the first `name` field in place (dropping later
// ones), or appends one; header order is kept as httpd keeps it.
void set_header_in_place(Headers& h, std::string_view name, std::string_view value);

// ap_set_content_length.
void set_content_length(Request& r, std::uint64_t length);
// ap_set_accept_ranges: "none" under MaxRanges none, else "bytes".
void set_accept_ranges(Request& r);

// Microseconds since the epoch of a file's modification time (apr_time_t).
std::int64_t mtime_us_of(const struct stat& st);

}  // namespace feather::runtime
