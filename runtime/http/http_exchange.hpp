#pragma once
// The HTTP/1.x protocol of one connection, request after request (httpd's
// ap_read_request, ap_finalize_request_protocol and the output filters):
// the head read and checked, the body offered to handlers and discarded
// after them, the answer written, and whether the connection carries
// another request. The connection loop (http_engine.cpp) drives it and
// runs the pipeline in between.

#include "directives/config.hpp"
#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/http/request_body.hpp"
#include "runtime/http/request_reader.hpp"
#include "runtime/http/response_writer.hpp"

namespace feather::runtime {

// The limits and HttpProtocolOptions of a server, for reading heads.
HeadLimits head_limits_of(const directives::Config& config, const directives::ServerConfig& server);

class HttpExchange {
public:
    explicit HttpExchange(SocketIo& io);

    // Bytes of a next (pipelined) request are already here.
    bool pending() const { return !in_.view().empty(); }
    // Takes in what the client has sent, without waiting. Between keep-alive
    // requests the next one has usually arrived by the time the answer and
    // the log are done: reading first spares the poll (one system call per
    // request). Ok: bytes came; Timeout: none yet; Closed or Error.
    IoResult read_ahead();
    int keepalives() const { return ka_.keepalives; }
    // Bytes of requests taken from the connection so far (mod_logio %I).
    std::uint64_t bytes_consumed() const { return in_.consumed_total; }

    // ap_read_request up to the checks that need the virtual host: r is
    // filled (and given its body input). On HeadOutcome::Error, r.status is
    // the error to answer (the connection ends after it).
    Head read_head(Request& r, const directives::Config& config,
                   const directives::ServerConfig& server);

    // The rest of ap_check_request_header once the host checks
    // (VhostSelector::check_request_host) gave `host_status` and r its
    // virtual host: Expect, then the scheme of an absolute-URI. 0, or the
    // status to answer; the connection ends after that answer.
    int check(Request& r, const Head& head, int host_status);

    // ap_finalize_request_protocol: the rest of the body is read and
    // dropped. 0, or the status whose answer replaces r's (ap_die with r's
    // status as the "Additionally" error).
    int finish(Request& r);

    // Writes r's answer. False: the connection closes now.
    bool send(Request& r, ProtocolSettings settings);

private:
    SocketIo& io_;
    InputBuffer in_;
    KeepAliveState ka_;
    BodyReader body_;
    bool finish_failed_ = false;
};

}  // namespace feather::runtime
