#pragma once
// Sending a response as httpd's HTTP output filters do: the keep-alive
// decision (ap_set_keepalive), the protocol headers (Date, Server,
// Content-Length, Connection, Keep-Alive), HEAD and bodiless statuses,
// HTTP/0.9's bare body, then the body parts: memory with writev, files
// with sendfile (EnableSendfile), mmap (EnableMMAP) or pread. Headers and
// the first body bytes leave in one writev, or ahead of sendfile with
// MSG_MORE so they share packets.

#include <string>

#include "modules/core/core_config.hpp"
#include "modules/request/request.hpp"
#include "runtime/conn/socket_io.hpp"

namespace feather::runtime {

// Per connection: what the keep-alive decision needs.
struct KeepAliveState {
    bool close = false;      // decided already (an error, a smuggling guard)
    int keepalives = 0;      // requests answered with keep-alive so far
};

struct ProtocolSettings {
    bool keep_alive = true;
    int keep_alive_timeout_s = 5;
    int keep_alive_max = 100;   // 0: unlimited
    bool stopping = false;      // the child is going away: close
    mod::core::ServerTokens tokens = mod::core::ServerTokens::Full;
    std::chrono::milliseconds timeout{60000};
};

// Writes r's response. Returns false when the connection must close (the
// client left, or keep-alive was not granted). Updates r.bytes_sent and the
// connection's byte counters.
bool send_response(Request& r, SocketIo& io, KeepAliveState& ka, const ProtocolSettings& settings);

// "Mon, 23 Nov 2026 19:00:00 GMT" for now, formatted at most once a second.
const std::string& http_date_now();
std::string http_date(std::int64_t seconds_since_epoch);
// The Server header for ServerTokens.
std::string server_banner(mod::core::ServerTokens tokens);

}  // namespace feather::runtime
