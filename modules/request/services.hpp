#pragma once
// What the runtime offers modules while they handle a request: logging in
// the error log of the request's server, subrequests and internal
// redirects (mod_dir, mod_negotiation, ErrorDocument), host name lookups.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "directives/log_level.hpp"
#include "directives/module_id.hpp"
#include "modules/request/remote_host.hpp"
#include "modules/request/scoreboard_layout.hpp"

namespace feather {

struct Request;
struct ServerFacts;

class RequestServices {
public:
    virtual ~RequestServices() = default;

    virtual bool log_enabled(const Request& r, ModuleId module, LogLevel level) const = 0;
    // ap_log_rerror: "[client ip:port] text" in the request's error log.
    virtual void log(const Request& r, ModuleId module, LogLevel level, std::string_view text,
                     int os_error = 0) const = 0;

    // ap_sub_req_lookup_uri / ap_sub_req_lookup_file: a subrequest run
    // through every phase before the handler. `file` is relative to the
    // directory of `r`'s file when not absolute.
    virtual std::unique_ptr<Request> lookup_uri(Request& r, std::string_view uri) = 0;
    virtual std::unique_ptr<Request> lookup_file(Request& r, std::string_view file) = 0;
    // ap_run_sub_req: runs a subrequest's handler, its output becoming `r`'s.
    virtual int run_subrequest(Request& sub) = 0;
    // ap_internal_fast_redirect: `r` takes over what the subrequest found.
    virtual void fast_redirect(Request& r, Request& sub) = 0;
    // ap_internal_redirect: `r` is answered by a new request for `uri`.
    virtual void internal_redirect(Request& r, std::string_view uri) = 0;

    // ap_get_remote_host: the client's host name as `type` asks for it, or
    // nullopt (httpd's NULL). `is_ip` (optional) tells an answer that is
    // the client's address.
    virtual std::optional<std::string> remote_host(Request& r, RemoteHost type,
                                                   bool* is_ip = nullptr) = 0;

    virtual std::int64_t now_us() const = 0;

    // ap_update_mtime(r, r->finfo.mtime) then ap_make_etag(r, 0): the
    // entity tag of what `r` maps to (negotiation's variant list validator).
    virtual std::string entity_tag(Request&) { return {}; }
    // ap_meets_conditions: 0, or the status (304, 412) the request's
    // conditions answer with.
    virtual int meets_conditions(const Request&) { return 0; }
    // httpd's byterange filter on a handler's output in `r.body`: 0, or the
    // status of a failed range request (416).
    virtual int apply_byteranges(Request&) { return 0; }

    // The running server's scoreboard (null when there is none, e.g. in
    // tests) and what mod_status reports about the server.
    // A view is returned by value: threads of a worker child ask at once.
    virtual std::optional<ScoreboardView> scoreboard() const { return std::nullopt; }
    virtual const ServerFacts& server_facts() const;
};

}  // namespace feather
