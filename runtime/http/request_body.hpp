#pragma once
// The request body, as httpd's HTTP_IN filter delivers it: Content-Length
// or chunked (chunk-size lines checked with httpd's rules, the chunks then
// framed by boost::beast's parser), LimitRequestBody (413 when the declared
// length is over it before anything is read, or as soon as the bytes read
// pass it), trailers, "100 Continue" exactly when httpd sends it, and
// ap_discard_request_body so that a kept-alive connection stays in step.

#include <chrono>
#include <memory>
#include <string>

#include "modules/request/request.hpp"
#include "modules/request/request_input.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/http/chunk_size_line.hpp"
#include "runtime/http/request_reader.hpp"
#include "runtime/http/response_writer.hpp"

namespace feather::runtime {

struct BodyLimits {
    std::size_t field_size = 8190;  // chunk-size lines and trailer fields
    int fields = 100;               // trailer fields
    bool strict = true;
    bool merge_trailers = false;  // MergeTrailers
    std::chrono::milliseconds timeout{60000};
};

class ChunkDecoder;

class BodyReader final : public RequestInput {
public:
    BodyReader(InputBuffer& in, SocketIo& io, KeepAliveState& ka);
    ~BodyReader() override;

    // A new request on the connection.
    void begin(const BodyLimits& limits);

    int discard(Request& r) override;
    long read(Request& r, char* buf, std::size_t cap) override;

    // ap_finalize_request_protocol: what is left of the body once the
    // answer is made. 0 or the status that replaces the answer.
    int finish(Request& r);

    // An error of the body's framing or size was found while reading
    // (httpd's bail_out_on_error): its answer goes out without a length.
    bool framing_error() const { return framing_error_ != 0; }

private:
    enum class State { Unstarted, None, Length, ChunkLine, ChunkData, ChunkEnd, Done };
    // One step of the filter: bytes into `out` (at most `cap`), 0 bytes at
    // the end; or a negative IoResult-like code / an HTTP status.
    int pull(Request& r, std::string& out, std::size_t cap);
    int start(Request& r);
    int bail(int status);
    bool fill(std::size_t want);
    int read_trailers(Request& r);

    InputBuffer& in_;
    SocketIo& io_;
    KeepAliveState& ka_;
    BodyLimits limits_;
    State state_ = State::Unstarted;
    std::uint64_t remaining_ = 0;
    std::uint64_t limit_ = 0;
    std::uint64_t limit_used_ = 0;
    bool seen_data_ = false;
    bool end_ = false;
    int framing_error_ = 0;
    int io_error_ = 0;  // 400 (the client left), 408 (timeout)
    std::unique_ptr<ChunkDecoder> chunks_;
    std::unique_ptr<ChunkSizeLine> line_;
    bool end_lf_only_ = false;
};

}  // namespace feather::runtime
