#pragma once
// The name and port a request's server goes by (httpd's ap_get_server_name
// and ap_get_server_port), with UseCanonicalName and
// UseCanonicalPhysicalPort: ServerSignature lines, self-referring URLs.

#include <cstdint>
#include <string>

#include "modules/request/request.hpp"

namespace feather::runtime {

std::string server_name_of(const Request& r);
std::uint16_t server_port_of(const Request& r);

}  // namespace feather::runtime
