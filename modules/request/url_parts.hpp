#pragma once
// URLs as APR and httpd read and write them: apr_uri_parse,
// apr_uri_unparse, apr_uri_port_of_scheme, ap_is_url and ap_escape_uri
// (ap_os_escape_path). Redirect targets (mod_alias, mod_dir) and the host of
// an absolute request-target go through these, so that Feather's Location
// headers are byte for byte httpd's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace feather {

// apr_uri_t: each part is unset when the text has none (an empty part, as
// the path of "http://host?q", is unset too; "host:" gives an empty port).
struct UrlParts {
    std::optional<std::string> scheme;
    std::optional<std::string> hostinfo;  // user:password@host:port as written
    std::optional<std::string> user;
    std::optional<std::string> password;
    std::optional<std::string> hostname;  // without the brackets of an IPv6 literal
    std::optional<std::string> port_str;
    std::optional<std::string> path;
    std::optional<std::string> query;
    std::optional<std::string> fragment;
    std::uint16_t port = 0;  // port_str's value, or the scheme's default for "host:"
    bool ok = true;          // false where apr_uri_parse fails (the parts read so far stay)
};

// apr_uri_parse.
UrlParts parse_url(std::string_view uri);
// apr_uri_parse_hostinfo: "host:port" of a CONNECT request (the port is required).
UrlParts parse_hostinfo(std::string_view hostinfo);

// apr_uri_port_of_scheme: 80 for "http" (any case), 0 for an unknown scheme.
std::uint16_t default_port_of_scheme(std::string_view scheme);

// apr_uri_unparse with APR_URI_UNP_OMITQUERY (when `omit_query`): a
// password shows as "XXXXXXXX", the scheme's default port is left out.
std::string unparse_url(const UrlParts& u, bool omit_query);

// ap_is_url: a scheme of letters, digits, '+', '-' and '.', then ':'.
bool is_url(std::string_view s);

// ap_escape_uri (ap_os_escape_path with partial set): every byte other than
// letters, digits and $-_.+!*'(),:;@&=/~ becomes %xx (lower-case hex).
std::string escape_path(std::string_view path);

}  // namespace feather
