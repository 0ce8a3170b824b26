#pragma once
// The request body: read it for a handler that wants it, or throw it away so
// the next request on a kept-alive connection starts at the right byte
// (httpd's ap_discard_request_body). Content-Length and chunked bodies,
// LimitRequestBody, and "100 Continue" for clients that wait for it.

#include <chrono>

#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/http/request_reader.hpp"

namespace feather::runtime {

// Discards what is left of r's body. False: the connection must close.
bool discard_request_body(InputBuffer& in, SocketIo& io, Request& r, std::chrono::milliseconds timeout);

}  // namespace feather::runtime
