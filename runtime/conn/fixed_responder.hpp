#pragma once
// A minimal HTTP/1.1 responder used until the request pipeline serves real
// content: every request gets "200 OK" and a short text, with keep-alive.
// It exercises the process model (accept, keep-alive, timeouts, graceful
// stop, scoreboard counters) end to end.

#include <memory>

#include "runtime/conn/connection.hpp"
#include "runtime/mpm/generation.hpp"

namespace feather::runtime {

std::shared_ptr<ConnectionServer> make_fixed_responder(const Generation& gen);

}  // namespace feather::runtime
