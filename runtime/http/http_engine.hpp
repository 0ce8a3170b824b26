#pragma once
// The HTTP/1.1 connection loop: read a request, run the pipeline, send the
// response, keep the connection for the next one (keep-alive, pipelining)
// or close it lingering. One engine per configuration generation.

#include <memory>

#include "runtime/conn/connection.hpp"
#include "runtime/mpm/generation.hpp"

namespace feather::runtime {

// Builds the engine of a generation: the modules' per-generation state, the
// hook table and the pipeline. nullptr and `error` set on failure.
std::shared_ptr<ConnectionServer> make_http_engine(const Generation& gen, std::string& error);

}  // namespace feather::runtime
