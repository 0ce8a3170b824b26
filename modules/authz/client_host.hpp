#pragma once
// What the host-based rules of mod_authz_host (Require ip/host/local/
// forward-dns) and mod_access_compat (Allow/Deny from) know of the client:
// its address (httpd's r->useragent_addr), its double-reverse-resolved
// name, and httpd's domain-suffix match.

#include <optional>
#include <string_view>

#include "modules/authz/ip_network.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::authz {

// The client's address, parsed from the connection; nullopt without one.
std::optional<IpAddress> client_address(const Request& r);

// apr_sockaddr_equal: the same address bytes, an IPv4 address being equal
// to its IPv4-mapped IPv6 form.
bool same_address(const IpAddress& a, const IpAddress& b);

// ap_get_useragent_host(r, REMOTE_DOUBLE_REV): the client's name when its
// reverse lookup gives one that maps back to the address (looked up
// whatever HostnameLookups says); nullopt when there is none, the cases
// where httpd gets NULL or the bare IP.
std::optional<std::string> double_reverse_host(Request& r);

// httpd's in_domain: `what` ends in `domain` (case-insensitively) at a name
// boundary: "example.com" matches "www.example.com" and "example.com" but
// not "badexample.com"; a domain starting with '.' needs no boundary.
bool in_domain(std::string_view domain, std::string_view what);

}  // namespace feather::mod::authz
