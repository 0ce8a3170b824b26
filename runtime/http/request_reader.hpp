#pragma once
// Reading a request head from a connection, with httpd's rules
// (server/protocol.c): blank lines before the request line skipped, the
// request line parsed as ap_parse_request_line does (HttpProtocolOptions),
// header lines with LimitRequestLine / LimitRequestFieldSize /
// LimitRequestFields, obs-fold, then the checks of ap_check_request_header
// (Host for HTTP/1.1, Expect). The header block is validated and split into
// fields by boost::beast's parser.

#include <chrono>
#include <string>

#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"

namespace feather::runtime {

// Bytes read from the connection and not yet used (pipelined requests).
struct InputBuffer {
    std::string data;
    std::size_t pos = 0;
    std::uint64_t consumed_total = 0;  // bytes taken from the connection (mod_logio %I)

    std::string_view view() const { return std::string_view(data).substr(pos); }
    void consume(std::size_t n)
    {
        pos += n;
        consumed_total += n;
    }
    void compact()
    {
        if (pos > 0) {
            data.erase(0, pos);
            pos = 0;
        }
    }
};

struct HeadLimits {
    std::size_t request_line = 8190;  // LimitRequestLine
    std::size_t field_size = 8190;    // LimitRequestFieldSize
    int fields = 100;                 // LimitRequestFields (0: unlimited)
    bool strict = true;               // HttpProtocolOptions Strict
    bool allow_09 = true;             // Allow0.9
    bool registered_methods = false;  // RegisteredMethods
    std::chrono::milliseconds timeout{60000};
};

enum class HeadOutcome {
    Request,   // r is filled
    Closed,    // the client went away (or timed out) before a request began
    Error,     // r.status is the error to answer with; the connection closes after
};

// Reads one request head into `r` (the_request, method, protocol, uri,
// args, headers_in ...). The first byte is already available or awaited by
// the caller.
HeadOutcome read_request_head(InputBuffer& in, SocketIo& io, const HeadLimits& limits, Request& r);

}  // namespace feather::runtime
