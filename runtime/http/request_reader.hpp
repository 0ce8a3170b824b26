#pragma once
// Reading a request head from a connection, with httpd's rules
// (server/protocol.c ap_read_request): blank lines before the request line
// skipped, the request line read within LimitRequestLine (414) and parsed
// (request_line.hpp), header lines with LimitRequestFieldSize /
// LimitRequestFields (400 with error-notes), obs-fold, Strict or Unsafe
// field syntax, then Content-Length / Transfer-Encoding framing. In Strict
// mode boost::beast's parser checks the field block as well.

#include <chrono>
#include <span>
#include <string>

#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/http/request_line.hpp"

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
    std::size_t request_line = 8190;          // LimitRequestLine
    std::size_t field_size = 8190;            // LimitRequestFieldSize
    int fields = 100;                         // LimitRequestFields (0: unlimited)
    bool strict = true;                       // HttpProtocolOptions Strict (not Unsafe)
    bool allow_09 = true;                     // Allow0.9 (not Require1.0)
    bool registered_methods = false;          // RegisteredMethods
    std::span<const std::string> registered;  // RegisterHttpMethod / <Limit> names
    std::chrono::milliseconds timeout{60000};
};

enum class HeadOutcome {
    Request,  // r is filled
    Closed,   // the client went away (or timed out) before a request began: no answer
    Error,    // r.status is the error to answer with; the connection closes after
};

struct Head {
    HeadOutcome outcome = HeadOutcome::Closed;
    RequestLine line;               // what the request line said about the host
    bool framing_conflict = false;  // Content-Length and Transfer-Encoding both: close after
};

// One line as ap_rgetline reads it: at most `limit` bytes with its line
// end (a CR that fits with only the LF past the limit still counts), no NUL
// bytes, CRLF required when `crlf`.
enum class LineStatus { Ok, Eof, TooLong, Invalid, Timeout };
LineStatus get_line(InputBuffer& in, SocketIo& io, std::size_t limit, bool crlf,
                    std::chrono::milliseconds timeout, std::string& line);

// Reads one request head into `r` (the_request, method, protocol, uri,
// args, headers_in ...). The first byte is already available or awaited by
// the caller.
Head read_request_head(InputBuffer& in, SocketIo& io, const HeadLimits& limits, Request& r);

// ap_get_mime_headers_core on lines already read: `lines` are the header
// lines of one head (or of a chunked body's trailer) without line ends, up
// to the empty line. Adds the fields to `into` (combining repeated names)
// and returns 0 or 400 (error-notes set in r.notes where httpd sets them).
int parse_header_lines(std::span<const std::string> lines, const HeadLimits& limits, Request& r,
                       Headers& into);

// httpd's ap_is_chunked: "chunked" is the final transfer coding.
bool is_chunked(std::string_view transfer_encoding);
// ap_parse_strict_length: digits only, no overflow.
bool parse_strict_length(std::string_view s, std::uint64_t& out);

}  // namespace feather::runtime
