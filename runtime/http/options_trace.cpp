#include "runtime/http/options_trace.hpp"

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"
#include "modules/request/request_input.hpp"
#include "modules/request/services.hpp"

namespace feather::runtime {

namespace {

using mod::core::method_bit;

constexpr std::size_t kTraceBodyMax = 65536;  // extended TRACE echoes at most 64k

const mod::core::CoreServerConfig& core_of(const Request& r)
{
    return get<mod::core::CoreServerConfig>(*r.server->modules);
}

// ap_setup_client_block's checks of the framing for a handler's policy.
int setup_client_block(Request& r, bool allow_body)
{
    if (const auto te = r.headers_in.get("Transfer-Encoding")) {
        if (!iequal(*te, "chunked")) {
            return 501;  // AH01592: Unknown Transfer-Encoding
        }
    }
    const bool has_body = r.request_chunked || r.request_body_length.value_or(0) > 0;
    if (!allow_body && has_body) {
        return 413;  // AH01595: ... with body is not allowed
    }
    if (r.per_dir && r.request_body_length) {
        const auto limit = get<mod::core::CoreDirConfig>(*r.per_dir)
                               .uncommon()
                               .limit_req_body.get_or(mod::core::kDefaultLimitRequestBody);
        if (limit != 0 && *r.request_body_length > limit) {
            return 413;
        }
    }
    return 0;
}

// ap_send_http_trace (a map_to_storage hook): the request echoed back as
// message/http.
Verdict send_http_trace(Request& r)
{
    if (r.method_number != mod::core::kMethodTrace) {
        return Verdict::declined();
    }
    const Request* orig = &r;
    while (orig->prev != nullptr) {
        orig = orig->prev;
    }
    const auto trace = core_of(*orig).trace_enable.get_or(mod::core::TraceEnable::On);
    if (trace == mod::core::TraceEnable::Off) {
        r.notes.set("error-notes", "TRACE denied by server configuration");
        return Verdict::http(405);
    }
    const bool extended = trace == mod::core::TraceEnable::Extended;
    if (const int rc = setup_client_block(r, extended)) {
        if (rc == 413) {
            r.notes.set("error-notes", "TRACE with a request body is not allowed");
        }
        return Verdict::http(rc);
    }
    std::string body;
    if (extended && r.input != nullptr &&
        (r.request_chunked || r.request_body_length.value_or(0) > 0)) {
        if (r.request_body_length.value_or(0) > kTraceBodyMax) {
            r.notes.set("error-notes", "Extended TRACE request bodies cannot exceed 64k\n");
            return Verdict::http(413);
        }
        char buf[8192];
        while (true) {
            const long n = r.input->read(r, buf, sizeof buf);
            if (n < 0) {
                return Verdict::http(400);
            }
            if (n == 0) {
                break;
            }
            body.append(buf, static_cast<std::size_t>(n));
            if (body.size() > kTraceBodyMax) {
                while (r.input->read(r, buf, sizeof buf) > 0) {}
                r.notes.set("error-notes", "Extended TRACE request bodies cannot exceed 64k\n");
                return Verdict::http(413);
            }
        }
    }
    std::string out = r.the_request + "\r\n";
    for (const auto& f : r.headers_in.fields()) {
        out += f.name;
        out += ": ";
        out += f.value;
        out += "\r\n";
    }
    out += "\r\n";
    out += body;
    r.content_type = "message/http";
    r.body.clear();
    r.body.emplace_back(std::move(out));
    // The echo leaves without EOS, so no length is known in advance:
    // chunked on HTTP/1.1, the close ends it on HTTP/1.0.
    r.unknown_length = true;
    return Verdict::done();
}

// http_send_options: "OPTIONS *" is answered with an empty 200.
Verdict send_options_star(Request& r)
{
    if (r.method_number == mod::core::kMethodOptions && r.uri == "*") {
        return Verdict::done();
    }
    return Verdict::declined();
}

constexpr HookSpec kHttpHooks[] = {
    {Phase::MapToStorage, &send_http_trace, Rank::Middle},
    {Phase::MapToStorage, &send_options_star, Rank::Middle},
};

const ModuleHooks kHttpCoreHooks{ModuleId::Http, kHttpHooks};

// httpd's method registry: the built-in names in table order (HEAD shares
// GET's bit).
constexpr std::pair<const char*, int> kAllowOrder[] = {
    {"GET", mod::core::kMethodGet},
    {"HEAD", mod::core::kMethodGet},
    {"PUT", mod::core::kMethodPut},
    {"POST", mod::core::kMethodPost},
    {"DELETE", mod::core::kMethodDelete},
    {"CONNECT", mod::core::kMethodConnect},
    {"OPTIONS", mod::core::kMethodOptions},
    {"TRACE", mod::core::kMethodTrace},
    {"PATCH", mod::core::kMethodPatch},
    {"PROPFIND", mod::core::kMethodPropfind},
    {"PROPPATCH", mod::core::kMethodProppatch},
    {"MKCOL", mod::core::kMethodMkcol},
    {"COPY", mod::core::kMethodCopy},
    {"MOVE", mod::core::kMethodMove},
    {"LOCK", mod::core::kMethodLock},
    {"UNLOCK", mod::core::kMethodUnlock},
    {"VERSION-CONTROL", mod::core::kMethodVersionControl},
    {"CHECKOUT", mod::core::kMethodCheckout},
    {"UNCHECKOUT", mod::core::kMethodUncheckout},
    {"CHECKIN", mod::core::kMethodCheckin},
    {"UPDATE", mod::core::kMethodUpdate},
    {"LABEL", mod::core::kMethodLabel},
    {"REPORT", mod::core::kMethodReport},
    {"MKWORKSPACE", mod::core::kMethodMkworkspace},
    {"MKACTIVITY", mod::core::kMethodMkactivity},
    {"BASELINE-CONTROL", mod::core::kMethodBaselineControl},
    {"MERGE", mod::core::kMethodMerge},
};

}  // namespace

const ModuleHooks& http_core_hooks() { return kHttpCoreHooks; }

std::string make_allow(const Request& r)
{
    std::string out;
    auto add = [&](std::string_view m) {
        if (!out.empty()) {
            out += ',';
        }
        out += m;
    };
    const std::int64_t mask = r.allowed;
    for (const auto& [name, number] : kAllowOrder) {
        if ((mask & method_bit(number)) != 0) {
            add(name);
        }
    }
    const auto& registered =
        get<mod::core::CoreServerConfig>(*r.config->main_server().modules).registered_methods;
    for (std::size_t i = 0; i < registered.size(); ++i) {
        if ((mask & method_bit(mod::core::kFirstRegisteredMethod + static_cast<int>(i))) != 0) {
            add(registered[i]);
        }
    }
    // TRACE is a matter of the server, not of the resource.
    if (core_of(r).trace_enable.get_or(mod::core::TraceEnable::On) != mod::core::TraceEnable::Off) {
        add("TRACE");
    }
    return out;
}

std::optional<Verdict> default_handler_methods(Request& r)
{
    r.allowed |= method_bit(mod::core::kMethodGet) | method_bit(mod::core::kMethodOptions) |
                 method_bit(mod::core::kMethodPost);
    if (r.input != nullptr) {
        if (const int rc = r.input->discard(r)) {
            return Verdict::http(rc);
        }
    }
    if (r.method_number == mod::core::kMethodGet || r.method_number == mod::core::kMethodPost) {
        return std::nullopt;
    }
    if (r.method_number == mod::core::kMethodInvalid) {
        // A TLS ClientHello read as a request line is worth naming.
        const bool tls = r.the_request.size() > 1 && r.the_request[0] == 0x16 &&
                         (r.the_request[1] == 0x2 || r.the_request[1] == 0x3);
        if (r.services != nullptr) {
            r.services->log(r, ModuleId::Core, LogLevel::Error,
                            tls ? "AH00134: Invalid method in request " + r.the_request +
                                      " - possible attempt to establish SSL connection on "
                                      "non-SSL port"
                                : "AH00135: Invalid method in request " + r.the_request,
                            0);
        }
        return Verdict::http(501);
    }
    if (r.method_number == mod::core::kMethodOptions) {
        if (r.assbackwards) {
            return Verdict::declined();
        }
        r.headers_out.set("Allow", make_allow(r));
        return Verdict::ok();
    }
    return Verdict::http(405);
}

}  // namespace feather::runtime
