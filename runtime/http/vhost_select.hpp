#pragma once
// Which server answers a request (httpd's vhost.c): first by the address
// the connection came in on (IP-based virtual hosts, _default_, *:port, else
// the main server), then by the host the request names among the
// name-based hosts sharing that address (ServerName, then ServerAlias with
// wildcards; the first of the address when none matches).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "directives/config.hpp"
#include "modules/core/vhost_map.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

// The outcome of the Host checks of a request.
struct HostCheck {
    std::size_t server = 0;  // the server that answers
    int status = 0;          // 0, or 400: answer with it before any hook runs
};

class VhostSelector {
public:
    // Builds the virtual host map itself (with the system resolver).
    explicit VhostSelector(const directives::Config& config);
    // Uses a map built elsewhere (ModuleStates::vhosts, tests).
    VhostSelector(const directives::Config& config, std::shared_ptr<const mod::core::VhostMap> map);
    ~VhostSelector();

    // ap_update_vhost_given_ip: the server for a connection to local_ip:local_port.
    std::size_t for_connection(std::string_view local_ip, std::uint16_t local_port) const;

    // The Host part of httpd's ap_check_request_header, for a request read
    // on a connection whose server is `connection_server`:
    // ap_update_vhost_from_headers_ex (the host checked and normalised into
    // r.hostname, the Host header replaced by the host of an absolute
    // request-target, the name-based choice or ServerPath), StrictHostCheck,
    // and the host that HTTP/1.1 requires. r.connection must be set.
    HostCheck check_request_host(std::size_t connection_server, Request& r) const;

    // check_request_host(...).server: the status is left to the caller.
    std::size_t for_request(std::size_t connection_server, Request& r) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace feather::runtime
