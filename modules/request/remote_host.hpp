#pragma once
// What a module asks of the client's host name (httpd's
// ap_get_remote_host types). The lookup itself is the runtime's
// (RequestServices::remote_host): once per connection, only where the
// request's merged HostnameLookups or a double-reverse check calls for it.

#include <cstdint>

namespace feather {

enum class RemoteHost : std::uint8_t {
    Host,       // REMOTE_HOST: the name, or nothing
    Name,       // REMOTE_NAME: the name, else the IP address
    NoLookup,   // REMOTE_NOLOOKUP: what is known already, else the IP address
    DoubleRev,  // REMOTE_DOUBLE_REV: a double-reverse verified name, or nothing
};

}  // namespace feather
