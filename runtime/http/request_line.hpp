#pragma once
// The request line, parsed as httpd's ap_parse_request_line does: method,
// request-target and protocol with the deferred-error rules of
// HttpProtocolOptions Strict/Unsafe, HTTP/0.9 simple requests (Allow0.9 /
// Require1.0), RegisteredMethods, and the request-target split as
// apr_uri_parse splits it (ap_parse_uri). Pure: no I/O.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"
#include "runtime/http/request_target.hpp"

namespace feather::runtime {

struct RequestLineRules {
    bool strict = true;                       // HttpProtocolOptions Strict (not Unsafe)
    bool allow_09 = true;                     // Allow0.9 (not Require1.0)
    bool registered_methods = false;          // RegisteredMethods
    std::span<const std::string> registered;  // RegisterHttpMethod / <Limit> names
};

struct RequestLine {
    int status = 0;                       // 0, or the status to answer (400, 501)
    bool uri_names_host = false;          // an http: absolute-URI gave the host (it wins over Host)
    std::optional<std::string> uri_port;  // and its port, as written
    std::optional<std::string> scheme;    // the absolute-URI's scheme
};

// Fills r.method, method_number, header_only, the_request, protocol,
// proto_num, assbackwards, unparsed_uri, uri, args and hostname (from an
// http: absolute-URI). After an error an HTTP/0.9 request is answered as
// HTTP/1.0.
RequestLine parse_request_line(std::string_view line, const RequestLineRules& rules, Request& r);

// httpd's ap_post_read_request check: an absolute-URI must be http or https.
bool scheme_allowed(const RequestLine& line);

}  // namespace feather::runtime
