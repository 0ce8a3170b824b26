#pragma once
// Which server answers a request (httpd's vhost.c): first by the address
// the connection came in on (IP-based virtual hosts, _default_), then by
// the Host header among the name-based hosts of that address.

#include <cstddef>
#include <memory>
#include <string_view>

#include "directives/config.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

class VhostSelector {
public:
    explicit VhostSelector(const directives::Config& config);
    ~VhostSelector();

    // ap_update_vhost_given_ip: the server for a connection to local_ip:local_port.
    std::size_t for_connection(std::string_view local_ip, std::uint16_t local_port) const;
    // ap_update_vhost_from_headers: the server for r.hostname among the
    // name-based hosts sharing the connection's address. Returns the index
    // (the connection's server when no name matches).
    std::size_t for_request(std::size_t connection_server, const Request& r) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace feather::runtime
