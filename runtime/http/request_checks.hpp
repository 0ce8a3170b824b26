#pragma once
// The checks httpd makes once the request head is read
// (ap_check_request_header): the host name (vhost.c's fix_hostname, with an
// http: absolute-URI winning over the Host header), Host required for
// HTTP/1.1, and Expect (only "100-continue" is understood). Pure.

#include <optional>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"
#include "runtime/http/request_line.hpp"

namespace feather::runtime {

struct HostName {
    bool ok = true;                   // false: a malformed host (400)
    bool present = false;             // httpd's r->hostname != NULL
    std::string name;                 // lower-cased, without port and trailing dot
    std::optional<std::string> port;  // as written after ':'
    bool v6_literal = false;
};

// fix_hostname for a Host header value (`from_header`) or a host taken from
// the request line (already without brackets and port). `strict`: not
// HttpProtocolOptions Unsafe.
HostName fix_hostname(std::string_view src, bool from_header, bool strict);

struct HostCheck {
    int status = 0;        // 400: a malformed host
    bool present = false;  // the request named a host (httpd's r->hostname != NULL)
};

// The first part of ap_check_request_header (ap_update_vhost_from_headers):
// r.hostname and r.port from the request line's absolute-URI or else the
// Host header, fixed as fix_hostname does; in Strict mode the Host header
// is replaced by the request line's host.
HostCheck fix_request_host(Request& r, const RequestLine& line, bool strict);

// The rest, once the virtual host is chosen: HTTP/1.1 needs a host, and
// Expect must be "100-continue" (r.expecting_100). 0, 400 or 417.
int check_host_and_expect(Request& r, bool host_present);

}  // namespace feather::runtime
