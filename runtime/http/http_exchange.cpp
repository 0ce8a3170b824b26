#include "runtime/http/http_exchange.hpp"

#include "modules/config_sets.hpp"
#include "runtime/http/request_checks.hpp"

namespace feather::runtime {

HeadLimits head_limits_of(const directives::Config& config, const directives::ServerConfig& server)
{
    using namespace mod::core;
    const auto& core = get<CoreServerConfig>(*server.modules);
    HeadLimits l;
    l.request_line = static_cast<std::size_t>(core.limit_req_line.get_or(kDefaultLimitRequestLine));
    l.field_size =
        static_cast<std::size_t>(core.limit_req_fieldsize.get_or(kDefaultLimitRequestFieldsize));
    l.fields = core.limit_req_fields.get_or(kDefaultLimitRequestFields);
    const unsigned options = core.http_protocol_options.get_or(0);
    l.strict = (options & kHttpUnsafe) == 0;
    l.allow_09 = (options & kHttp09Require) == 0;
    l.registered_methods = (options & kHttpRegistered) != 0;
    l.registered = get<CoreServerConfig>(*config.main_server().modules).registered_methods;
    l.timeout =
        std::chrono::duration_cast<std::chrono::milliseconds>(core.timeout.get_or(kDefaultTimeout));
    return l;
}

HttpExchange::HttpExchange(SocketIo& io) : io_(io), body_(in_, io_, ka_) {}

IoResult HttpExchange::read_ahead()
{
    in_.compact();
    char buf[16384];
    std::size_t got = 0;
    const IoResult res = io_.try_read(buf, sizeof buf, got);
    if (res == IoResult::Ok) {
        in_.data.append(buf, got);
    }
    return res;
}

Head HttpExchange::read_head(Request& r, const directives::Config& config,
                             const directives::ServerConfig& server)
{
    const HeadLimits limits = head_limits_of(config, server);
    BodyLimits body;
    body.field_size = limits.field_size;
    body.fields = limits.fields;
    body.strict = limits.strict;
    body.merge_trailers =
        get<mod::core::CoreServerConfig>(*server.modules).merge_trailers.get_or(false);
    body.timeout = limits.timeout;
    body_.begin(body);
    r.input = &body_;

    Head head = read_request_head(in_, io_, limits, r);
    if (head.outcome == HeadOutcome::Error) {
        // The input is in an unknown state: nothing more is read from it.
        ka_.close = true;
        return head;
    }
    if (head.outcome != HeadOutcome::Request) {
        return head;
    }
    if (head.framing_conflict) {
        ka_.close = true;  // Transfer-Encoding with Content-Length: no reuse
    }
    return head;
}

int HttpExchange::check(Request& r, const Head& head, int host_status)
{
    int status = host_status;
    if (status == 0) {
        status = check_expect(r);
    }
    if (status == 0 && !scheme_allowed(head.line)) {
        status = 400;  // an absolute-URI of another scheme than http(s)
    }
    if (status != 0) {
        ka_.end_after = true;
    }
    return status;
}

int HttpExchange::finish(Request& r)
{
    const int status = body_.finish(r);
    // httpd reports it through its output filters after the answer was
    // made: the answer that replaces it goes out without a length.
    finish_failed_ = status != 0;
    return status;
}

bool HttpExchange::send(Request& r, ProtocolSettings settings)
{
    settings.no_length = body_.framing_error() || finish_failed_ || r.error_in_output;
    finish_failed_ = false;
    if (r.error_in_output) {
        // httpd has given up on the connection by then (keepalive is
        // AP_CONN_CLOSE): no chunking, the close ends the page.
        ka_.close = true;
    }
    const bool keep = send_response(r, io_, ka_, settings);
    if (r.connection != nullptr) {
        r.connection->keepalives = ka_.keepalives;
    }
    return keep;
}

}  // namespace feather::runtime
