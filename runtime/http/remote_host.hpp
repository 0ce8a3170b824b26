#pragma once
// The client's host name as httpd's ap_get_remote_host finds it: looked up
// once per connection, only when HostnameLookups (of the request's merged
// per-directory config) or a double-reverse check asks; with
// HostnameLookups Double a name that does not map back to the address is
// dropped.

#include <optional>
#include <string>

#include "modules/request/request.hpp"

namespace feather::runtime {

// httpd's REMOTE_HOST, REMOTE_NAME, REMOTE_NOLOOKUP, REMOTE_DOUBLE_REV.
enum class RemoteHost : std::uint8_t {
    Host,  // the name, or nothing
    Name,  // the name, else the IP address
    NoLookup,  // what is known already, else the IP address
    DoubleRev,  // a double-reverse verified name, or nothing
};

// The answer, or nullopt (httpd's NULL). `is_ip` is set when the answer is
// the client's address.
std::optional<std::string> get_remote_host(Request& r, RemoteHost type, bool* is_ip = nullptr);

}  // namespace feather::runtime
