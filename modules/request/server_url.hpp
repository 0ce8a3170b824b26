#pragma once
// The server's own name and port as a request sees them, and the URLs that
// point back at it: httpd's ap_get_server_name, ap_get_server_name_for_url,
// ap_get_server_port, ap_http_scheme, ap_default_port and ap_construct_url
// (server/core.c, modules/http/http_core.c). UseCanonicalName and
// UseCanonicalPhysicalPort of the request's directory decide between the
// configured ServerName and what the client sent. mod_dir's trailing-slash
// redirect, mod_alias's redirects and ServerSignature use these.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather {

// The server's host name (httpd's server_hostname): its ServerName, or the
// name httpd gives a server without one (the virtual host map's).
std::string server_hostname(const Request& r);

// ap_get_server_name: UseCanonicalName On gives the ServerName; Off (the
// default) the host the client asked for (r.hostname), else the
// ServerName; DNS the reverse lookup of the connection's local address.
std::string server_name(const Request& r);
// ap_get_server_name_for_url: an IPv6 literal in brackets.
std::string server_name_for_url(const Request& r);

// The port the client named (httpd's r->parsed_uri.port): the one of an
// absolute request-target, else of the Host header; none in a subrequest.
std::optional<std::uint16_t> request_port(const Request& r);

// ap_get_server_port.
std::uint16_t server_port(const Request& r);

// ap_http_scheme and ap_default_port: "https"/443 when the ServerName says
// https://, else "http"/80.
std::string_view http_scheme(const Request& r);
std::uint16_t default_port(const Request& r);

// ap_construct_url: scheme://name[:port]uri, the port left out when it is
// the scheme's default. `uri` is used as given (already escaped).
std::string construct_url(const Request& r, std::string_view uri);

// Whether the request-target had a query (httpd's r->args != NULL): true
// for "/x?" too, where r.args is empty.
bool has_args(const Request& r);

}  // namespace feather
