#pragma once
// The host a request names, checked and normalised as httpd's vhost.c does
// before choosing a virtual host (fix_hostname): lower case, the port and a
// trailing dot dropped, IPv6 literals without brackets; malformed names
// refused (strictly unless HttpProtocolOptions Unsafe).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace feather::runtime {

struct HostName {
    std::string host;                   // normalised
    std::optional<std::uint16_t> port;  // given with a Host header
    bool v6_literal = false;
};

// Where the host came from: an absolute request-target (already without
// brackets and port) or the Host header (host[:port]).
enum class HostSource : bool { Url, Header };

// fix_hostname. nullopt for a malformed host (httpd answers 400); `why` gets
// the text httpd logs at debug level (AH00550, AH02415, AH02416).
std::optional<HostName> fix_hostname(std::string_view text, HostSource source, bool strict,
                                     std::string& why);

// ap_strcasecmp_match == 0: `str` matches the wildcard pattern (`*` any run,
// `?` any one character), ignoring case.
bool wildcard_match(std::string_view str, std::string_view pattern);

}  // namespace feather::runtime
