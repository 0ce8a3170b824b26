#pragma once
// Conditional requests as httpd answers them (modules/http/http_protocol.c
// ap_meets_conditions and the ap_condition_* tests, server/util.c's entity
// tag lists). The response's validators are read
// from r.headers_out (ETag, Last-Modified, Date) as httpd reads them.

#include <cstdint>
#include <string_view>

#include "modules/request/request.hpp"
#include "runtime/http/http_date.hpp"

namespace feather::runtime {

// httpd's ap_condition_e, ordered as httpd compares them.
enum class Condition : std::uint8_t { None = 0, NoMatch = 1, Weak = 2, Strong = 3 };

Condition condition_if_match(const Request& r);
Condition condition_if_unmodified_since(const Request& r);
Condition condition_if_none_match(const Request& r);
Condition condition_if_modified_since(const Request& r);
Condition condition_if_range(const Request& r);

// ap_meets_conditions: 0 (go on), 304 or 412, testing If-Match,
// If-Unmodified-Since, If-None-Match, If-Modified-Since and If-Range in
// httpd's order. Only a 2xx response that is not a subrequest's ErrorDocument
// is tested.
int meets_conditions(const Request& r);

// ap_find_etag_strong / ap_find_etag_weak: whether the entity tag `tag`
// is in the list `line` (weak: W/ ignored on both sides; strong: only
// quoted tags count and the scan stops at the first other item).
bool find_etag_strong(std::string_view line, std::string_view tag);
bool find_etag_weak(std::string_view line, std::string_view tag);

}  // namespace feather::runtime
