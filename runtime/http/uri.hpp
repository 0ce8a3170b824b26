#pragma once
// The request-target: splitting it (httpd's ap_parse_uri over APR-util
// 1.6's apr_uri_parse), normalising the path (ap_normalize_path: "." and
// ".." segments, doubled slashes, %-encoded unreserved characters) and
// %-decoding it (ap_unescape_url_ex, with AllowEncodedSlashes). These run
// before any mapping, so no path can climb above the root.

#include <optional>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather::runtime {

// apr_uri_t: each part is absent (NULL in APR) or a string, maybe empty.
struct UriParts {
    std::optional<std::string> scheme;
    std::optional<std::string> hostinfo;
    std::optional<std::string> user;
    std::optional<std::string> password;
    std::optional<std::string> hostname;
    std::optional<std::string> port_str;
    std::optional<std::string> path;
    std::optional<std::string> query;
    std::optional<std::string> fragment;
    int port = 0;  // 0 when none was given (and the scheme has no default)
};

// apr_uri_parse; nullopt where APR returns APR_EGENERAL.
std::optional<UriParts> split_uri(std::string_view uri);
// apr_uri_parse_hostinfo (CONNECT's "host:port"); nullopt on error.
std::optional<UriParts> split_hostinfo(std::string_view hostinfo);

// ap_parse_uri: fills r.unparsed_uri, r.uri (still %-encoded), r.args and,
// for an absolute "http:" target (or CONNECT), r.hostname. Reads
// r.method_number (CONNECT, OPTIONS). Returns 0, or 400 when the target
// cannot be parsed (r.uri is then the target). `parsed` receives the parts
// (the request reader checks the fragment and user info under
// HttpProtocolOptions Strict, and the scheme after post_read_request).
int parse_request_target(Request& r, std::string_view target, UriParts* parsed = nullptr);

enum NormalizeFlags : unsigned {
    kNormalizeNotAboveRoot = 1,  // AP_NORMALIZE_NOT_ABOVE_ROOT
    kNormalizeMergeSlashes = 2,  // AP_NORMALIZE_MERGE_SLASHES
    kNormalizeDecodeUnreserved = 4,  // AP_NORMALIZE_DECODE_UNRESERVED
    kNormalizeAllowRelative = 8,  // AP_NORMALIZE_ALLOW_RELATIVE
};
// ap_normalize_path, in place. False when the path is invalid: it does not
// start with '/' (except "*", and relative paths with kNormalizeAllowRelative),
// a '%' is not followed by two hex digits while decoding, or a ".." climbs
// above the root under kNormalizeNotAboveRoot. The path is rewritten even
// then, as httpd does.
bool normalize_path(std::string& path, unsigned flags);

enum UnescapeFlags : unsigned {
    kUnescapeKeepUnreserved = 1,  // AP_UNESCAPE_URL_KEEP_UNRESERVED
    kUnescapeForbidSlashes = 2,  // AP_UNESCAPE_URL_FORBID_SLASHES
    kUnescapeKeepSlashes = 4,  // AP_UNESCAPE_URL_KEEP_SLASHES
};
// ap_unescape_url_ex, in place: 0; 400 for a '%' without two hex digits;
// 404 for an encoded NUL or (kUnescapeForbidSlashes) an encoded '/'. A bad
// escape wins over a bad path, as in httpd.
int unescape_url(std::string& path, unsigned flags);

// ap_no2slash: runs of '/' become one.
void no2slash(std::string& path);

// The flags httpd's ap_process_request_internal uses for a request on
// `server`: AP_NORMALIZE_NOT_ABOVE_ROOT, MERGE_SLASHES unless MergeSlashes
// Off, ALLOW_RELATIVE for a file subrequest.
unsigned normalize_flags_for(const Request& r, bool file_subrequest);
// The unescape flags for AllowEncodedSlashes as r.per_dir has it (Off:
// forbid, NoDecode: keep, On: decode), with KEEP_UNRESERVED.
unsigned unescape_flags_for(const Request& r);
// Whether AllowEncodedSlashes On applies, after which httpd normalises the
// decoded path again.
bool decodes_encoded_slashes(const Request& r);

}  // namespace feather::runtime
