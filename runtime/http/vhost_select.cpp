#include "runtime/http/vhost_select.hpp"

namespace feather::runtime {

// PENDING: every request goes to the main server until name and address
// based selection lands.
struct VhostSelector::Impl {};

VhostSelector::VhostSelector(const directives::Config&) : impl_(std::make_unique<Impl>()) {}
VhostSelector::~VhostSelector() = default;

std::size_t VhostSelector::for_connection(std::string_view, std::uint16_t) const { return 0; }

std::size_t VhostSelector::for_request(std::size_t connection_server, const Request&) const
{
    return connection_server;
}

}  // namespace feather::runtime
