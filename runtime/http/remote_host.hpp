#pragma once
// The client's host name as httpd's ap_get_remote_host finds it: looked up
// once per connection, only when HostnameLookups (of the request's merged
// per-directory config) or a double-reverse check asks; with
// HostnameLookups Double a name that does not map back to the address is
// dropped.

#include <optional>
#include <string>

#include "modules/request/remote_host.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

// The answer, or nullopt (httpd's NULL). `is_ip` is set when the answer is
// the client's address.
std::optional<std::string> get_remote_host(Request& r, RemoteHost type, bool* is_ip = nullptr);

}  // namespace feather::runtime
