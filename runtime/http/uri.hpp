#pragma once
// The request-target: splitting it (httpd's ap_parse_uri), normalising the
// path (ap_normalize_path: "." and ".." segments, doubled slashes) and
// %-decoding it (ap_unescape_url_ex, with AllowEncodedSlashes). These run
// before any mapping, so no path can climb above the root.

#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather::runtime {

// Splits `target` into r.uri (still encoded), r.args and r.hostname (for an
// absolute-URI). Returns 0 or an HTTP status (400).
int parse_request_target(Request& r, std::string_view target);

enum NormalizeFlags : unsigned {
    kNormalizeNotAboveRoot = 1,
    kNormalizeMergeSlashes = 2,
    kNormalizeDecodeUnreserved = 4,
    kNormalizeAllowRelative = 8,
};
// ap_normalize_path: false when the path is invalid (above the root, bad %).
bool normalize_path(std::string& path, unsigned flags);

enum UnescapeFlags : unsigned {
    kUnescapeForbidSlashes = 1,   // %2F is an error (404)
    kUnescapeKeepSlashes = 2,     // %2F stays encoded
    kUnescapeKeepUnreserved = 4,
};
// ap_unescape_url_ex: 0, 400 (bad escape) or 404 (%00, %2F forbidden).
int unescape_url(std::string& path, unsigned flags);

}  // namespace feather::runtime
