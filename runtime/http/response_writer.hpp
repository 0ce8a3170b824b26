#pragma once
// Sending a response as httpd's HTTP output filters do (ap_http_header_filter,
// the content-length and chunk filters): the keep-alive decision
// (ap_set_keepalive), the status line (always HTTP/1.1 unless
// force-response-1.0), Date and Server, the response's own fields in
// httpd's order, Content-Length where httpd knows it, chunked coding for an
// HTTP/1.1 body of unknown length, HEAD and bodiless statuses, HTTP/0.9's
// bare body; then the body parts: memory with writev, files with sendfile
// (EnableSendfile), mmap (EnableMMAP) or pread. Headers and the first body
// bytes leave in one writev, or ahead of sendfile with TCP_CORK so they
// share packets.

#include <string>

#include "modules/core/core_config.hpp"
#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"

namespace feather::runtime {

// Per connection: what the keep-alive decision needs (conn_rec's keepalive
// and keepalives).
struct KeepAliveState {
    bool close = false;      // AP_CONN_CLOSE: decided already (an input error, a smuggling guard)
    bool end_after = false;  // the connection ends after this answer whatever its headers say
    int keepalives = 0;      // requests answered with keep-alive so far
};

struct ProtocolSettings {
    bool keep_alive = true;
    int keep_alive_timeout_s = 5;
    int keep_alive_max = 100;  // 0: unlimited
    bool stopping = false;     // the child is going away: close
    mod::core::ServerTokens tokens = mod::core::ServerTokens::Full;
    std::chrono::milliseconds timeout{60000};
    bool no_length = false;  // an error found reading the body or sending it: no Content-Length, the close ends it
};

// How the body is delimited.
enum class Framing { None, Length, Chunked, Close };

struct ResponseHead {
    std::string bytes;  // status line and header fields, with the empty line
    Framing framing = Framing::None;
    bool send_body = false;
    bool keep_alive = false;
};

// The head of r's response, and the keep-alive decision (updates `ka`, and
// r's headers as httpd leaves them for the access log). Pure.
ResponseHead make_response_head(Request& r, KeepAliveState& ka, const ProtocolSettings& settings);

// Writes r's response. Returns false when the connection must close (the
// client left, or keep-alive was not granted). Updates r.bytes_sent and the
// connection's byte counters.
bool send_response(Request& r, SocketIo& io, KeepAliveState& ka, const ProtocolSettings& settings);

// "Mon, 23 Nov 2026 19:00:00 GMT" for a time, formatted at most once a
// second per thread (ap_recent_rfc822_date).
std::string http_date(std::int64_t seconds_since_epoch);
const std::string& recent_http_date(std::int64_t time_us);
// The Server header for ServerTokens.
std::string server_banner(mod::core::ServerTokens tokens);

}  // namespace feather::runtime
