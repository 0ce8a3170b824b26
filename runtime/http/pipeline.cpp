#include "runtime/http/pipeline.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <chrono>
#include <cstring>

#include "modules/config_sets.hpp"
#include "runtime/http/byterange.hpp"
#include "runtime/http/conditional.hpp"
#include "runtime/http/error_response.hpp"
#include "runtime/http/etag.hpp"
#include "runtime/http/response_meta.hpp"
#include "runtime/http/remote_host.hpp"
#include "runtime/http/section_walk.hpp"
#include "runtime/http/uri.hpp"
#include "runtime/log/error_log.hpp"
#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

namespace {

constexpr int kMaxInternalRedirects = 10;  // LimitInternalRecursion default


bool has_scheme(std::string_view s)
{
    // ap_is_url: a scheme of letters, digits, '+', '-', '.' then ':'
    std::size_t i = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' ||
                            s[i] == '.')) {
        ++i;
    }
    return i > 0 && i < s.size() && s[i] == ':';
}

}  // namespace

int to_code(Verdict v)
{
    switch (v.kind) {
    case Verdict::Kind::Ok: return kOk;
    case Verdict::Kind::Declined: return kDeclined;
    case Verdict::Kind::Done: return kDone;
    case Verdict::Kind::Status: return v.status;
    }
    return kDeclined;
}

Pipeline::Pipeline(std::shared_ptr<const directives::Config> config, std::shared_ptr<const HookTable> hooks,
                   std::shared_ptr<const ModuleStates> states, std::shared_ptr<const ErrorLog> error_log,
                   ServerFacts facts, const Scoreboard* const* scoreboard)
    : config_(std::move(config)), hooks_(std::move(hooks)), states_(std::move(states)),
      error_log_(std::move(error_log)), facts_(std::move(facts)), scoreboard_(scoreboard)
{
}

std::optional<ScoreboardView> Pipeline::scoreboard() const
{
    if (scoreboard_ == nullptr || *scoreboard_ == nullptr) {
        return std::nullopt;
    }
    return (*scoreboard_)->view();
}

void Pipeline::attach(Request& r, std::size_t server_index)
{
    r.config = config_.get();
    r.server_index = server_index < config_->servers.size() ? server_index : 0;
    r.server = &config_->servers[r.server_index];
    r.states = states_.get();
    r.services = this;
    r.per_dir = r.server->defaults;
}

int Pipeline::run_first(Phase p, Request& r)
{
    for (const Hook h : hooks_->hooks(p)) {
        const int rc = to_code(h(r));
        if (rc != kDeclined) {
            return rc;
        }
    }
    return kDeclined;
}

int Pipeline::run_all(Phase p, Request& r)
{
    for (const Hook h : hooks_->hooks(p)) {
        const int rc = to_code(h(r));
        if (rc != kOk && rc != kDeclined) {
            return rc;
        }
    }
    return kOk;
}

int Pipeline::access_phases(Request& r)
{
    // httpd's ap_satisfies: mod_access_compat's Satisfy Any lets either the
    // host rules or authorization admit the request.
    bool satisfy_any = false;
    if (r.per_dir && config_->modules.contains(ModuleId::AccessCompat) && r.method_number >= 0 &&
        r.method_number < mod::authz::kMethodCount) {
        satisfy_any = get<mod::authz::AccessCompatDirConfig>(*r.per_dir).satisfy[static_cast<std::size_t>(
                          r.method_number)] == mod::authz::Satisfy::Any;
    }
    auto decl_die = [&](int status, const char* phase) {
        if (status == kDeclined) {
            log(r, ModuleId::Core, LogLevel::Crit,
                std::string("AH00025: configuration error:  couldn't ") + phase + ": " + r.uri);
            return 500;
        }
        return status;
    };
    int rc = run_all(Phase::CheckAccess, r);
    if (satisfy_any && rc == kOk) {
        return kOk;
    }
    if (!satisfy_any && rc != kOk) {
        return decl_die(rc, "check access (with Satisfy All)");
    }
    rc = run_first(Phase::CheckAccessEx, r);
    if (rc == kDeclined) {
        rc = run_first(Phase::CheckUserId, r);
        if (rc != kOk) {
            return decl_die(rc, "check user");
        }
        rc = run_first(Phase::CheckAuthz, r);
        if (rc != kOk) {
            return decl_die(rc, "check authorization");
        }
        return kOk;
    }
    if (rc != kOk) {
        return decl_die(rc, "check access");
    }
    return kOk;
}

int Pipeline::process_internal(Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    const bool file_req = r.main != nullptr && !r.filename.empty();
    unsigned normalize = kNormalizeNotAboveRoot;
    if (core.merge_slashes.get_or(true)) {
        normalize |= kNormalizeMergeSlashes;
    }
    if (file_req) {
        normalize |= kNormalizeAllowRelative;
    }
    if (!r.uri.empty() || !file_req) {
        if (!normalize_path(r.uri, normalize | kNormalizeDecodeUnreserved)) {
            log(r, ModuleId::Core, LogLevel::Error, "AH10244: invalid URI path (" + r.unparsed_uri + ")");
            return 400;
        }
    }
    if (!file_req) {
        // httpd walks the locations for pre_translate_name and then drops
        // that merge: the unescaped URI is walked again below.
        const auto server_defaults = r.per_dir;
        if (const int rc = location_walk(r)) {
            return rc;
        }
        r.per_dir = server_defaults;
        unsigned unescape = kUnescapeKeepUnreserved;
        const auto slashes = core.encoded_slashes.get_or(mod::core::EncodedSlashes::Off);
        if (slashes == mod::core::EncodedSlashes::Off) {
            unescape |= kUnescapeForbidSlashes;
        } else if (slashes == mod::core::EncodedSlashes::NoDecode) {
            unescape |= kUnescapeKeepSlashes;
        }
        if (const int rc = unescape_url(r.uri, unescape)) {
            if (rc == 404 && slashes == mod::core::EncodedSlashes::Off) {
                log(r, ModuleId::Core, LogLevel::Info,
                    "AH00026: found %2f (encoded '/') in URI path (" + r.unparsed_uri + "), returning 404");
            }
            return rc;
        }
        if (slashes == mod::core::EncodedSlashes::On) {
            normalize_path(r.uri, normalize);
        }
        if (const int rc = location_walk(r)) {
            return rc;
        }
        if (const int rc = run_first(Phase::TranslateName, r); rc != kOk) {
            if (rc == kDeclined) {
                log(r, ModuleId::Core, LogLevel::Crit,
                    "AH00025: configuration error:  couldn't translate: " + r.uri);
                return 500;
            }
            return rc;
        }
    }
    r.per_dir = r.server->defaults;
    if (const int rc = run_first(Phase::MapToStorage, r); rc != kOk && rc != kDeclined) {
        return rc == kDone ? kDone : rc;
    }
    if (const int rc = location_walk(r)) {
        return rc;
    }
    if (r.main == nullptr) {
        if (const int rc = run_all(Phase::HeaderParser, r); rc != kOk) {
            return rc;
        }
    }
    if (r.prev != nullptr && r.prev->per_dir == r.per_dir) {
        r.user = r.prev->user;
        r.ap_auth_type = r.prev->ap_auth_type;
    } else if (r.main != nullptr && r.main->per_dir == r.per_dir) {
        r.user = r.main->user;
        r.ap_auth_type = r.main->ap_auth_type;
    } else if (const int rc = access_phases(r); rc != kOk) {
        return rc;
    }
    if (const int rc = run_first(Phase::TypeChecker, r); rc != kOk) {
        if (rc == kDeclined) {
            log(r, ModuleId::Core, LogLevel::Crit, "AH00025: configuration error:  couldn't find types: " + r.uri);
            return 500;
        }
        return rc;
    }
    return run_all(Phase::Fixups, r);
}

int Pipeline::invoke_handler(Request& r)
{
    const int rc = run_first(Phase::Handler, r);
    if (rc == kDeclined) {
        if (!r.handler.empty() && !r.filename.empty()) {
            log(r, ModuleId::Core, LogLevel::Warn,
                "AH00523: handler \"" + r.handler + "\" not found for: " + r.filename);
        }
        return 500;
    }
    return rc;
}

void Pipeline::process(Request& r)
{
    int rc = process_internal(r);
    if (rc == kOk) {
        rc = invoke_handler(r);
    }
    if (rc == kDone || rc == kOk) {
        return;
    }
    die(rc, r);
}

void Pipeline::die(int type, Request& r)
{
    if (type == kOk || type == kDone) {
        return;
    }
    if (type < 100 || type > 599) {
        log(r, ModuleId::Core, LogLevel::Error, "AH01579: Invalid response status " + std::to_string(type));
        type = 500;
    }
    // ap_die(type, r) is ap_die_r(type, r, r->status): a request that
    // already carries an error (an ErrorDocument's redirect inherits it)
    // reports the first error, with this one as the "Additionally" line.
    int recursive = r.status != 200 ? r.status : 0;
    Request* first = &r;
    if (recursive != 0) {
        while (first->prev != nullptr && first->prev->status != 200) {
            first = first->prev;
        }
    }
    std::string custom;
    if (recursive == 0 && r.per_dir) {
        const auto& docs = get<mod::core::CoreDirConfig>(*r.per_dir).error_documents;
        if (const auto it = docs.find(type); it != docs.end()) {
            custom = error_document_text(it->second, r);
        }
    }
    r.status = type;
    if (r.connection != nullptr && status_drops_connection(type)) {
        r.connection->keepalive_closed = true;
    }
    if (!custom.empty() && custom.front() != '"') {
        if (has_scheme(custom)) {
            r.status = 302;
            r.headers_out.set("Location", custom);
        } else if (custom.front() == '/') {
            r.subprocess_env.set("REQUEST_METHOD", r.method);
            if (const auto notes = r.notes.get("error-notes")) {
                r.subprocess_env.set("ERROR_NOTES", *notes);
            }
            const std::string method = r.method;
            const int method_number = r.method_number;
            r.method = "GET";
            r.method_number = 0;
            internal_redirect(r, custom);
            r.method = method;
            r.method_number = method_number;
            return;
        } else {
            recursive = 500;
            log(r, ModuleId::Core, LogLevel::Error, "AH01580: Invalid error redirection directive: " + custom);
        }
    }
    if (first != &r) {
        // Answer with the original error, on the original request's terms.
        r.status = first->status;
    }
    make_canned_error_response(r, recursive);
}

std::unique_ptr<Request> Pipeline::make_subrequest(Request& r)
{
    auto sub = std::make_unique<Request>();
    sub->connection = r.connection;
    sub->main = &r;
    sub->request_time_us = r.request_time_us;
    sub->the_request = r.the_request;
    sub->method = "GET";
    sub->method_number = 0;
    sub->protocol = r.protocol;
    sub->proto_num = r.proto_num;
    sub->assbackwards = r.assbackwards;
    sub->hostname = r.hostname;
    sub->headers_in = r.headers_in;
    sub->subprocess_env = r.subprocess_env;
    attach(*sub, r.server_index);
    return sub;
}

std::unique_ptr<Request> Pipeline::lookup_uri(Request& r, std::string_view uri)
{
    auto sub = make_subrequest(r);
    std::string target(uri);
    if (target.empty() || target.front() != '/') {
        // relative to the directory of the parent's URI
        const auto slash = r.uri.rfind('/');
        target = r.uri.substr(0, slash + 1) + target;
    }
    parse_request_target(*sub, target);
    sub->unparsed_uri = target;
    const int rc = process_internal(*sub);
    if (rc != kOk && rc != kDone) {
        sub->status = rc;
    }
    return sub;
}

std::unique_ptr<Request> Pipeline::lookup_file(Request& r, std::string_view file)
{
    auto sub = make_subrequest(r);
    const auto slash = r.filename.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : r.filename.substr(0, slash + 1);
    sub->filename = file.empty() || file.front() != '/' ? dir + std::string(file) : std::string(file);
    const auto uslash = r.uri.rfind('/');
    sub->uri = (uslash == std::string::npos ? std::string("/") : r.uri.substr(0, uslash + 1)) +
               std::string(file.substr(file.rfind('/') == std::string_view::npos ? 0 : file.rfind('/') + 1));
    sub->args = r.args;
    const int rc = process_internal(*sub);
    if (rc != kOk && rc != kDone) {
        sub->status = rc;
    }
    return sub;
}

int Pipeline::run_subrequest(Request& sub)
{
    const int rc = invoke_handler(sub);
    return rc == kDone ? kOk : rc;
}

void Pipeline::fast_redirect(Request& r, Request& sub)
{
    r.no_cache = r.no_cache && sub.no_cache;
    r.mtime_us = sub.mtime_us;
    r.uri = sub.uri;
    r.filename = sub.filename;
    r.canonical_filename = sub.canonical_filename;
    r.path_info = sub.path_info;
    r.args = sub.args;
    r.finfo = sub.finfo;
    r.handler = sub.handler;
    r.content_type = sub.content_type;
    r.content_encoding = sub.content_encoding;
    r.content_languages = sub.content_languages;
    r.per_dir = sub.per_dir;
    auto overlay = [](Headers& into, const Headers& from) {
        for (const auto& f : from.fields()) {
            into.add(f.name, f.value);
        }
    };
    overlay(r.notes, sub.notes);
    overlay(r.headers_out, sub.headers_out);
    overlay(r.err_headers_out, sub.err_headers_out);
    overlay(r.subprocess_env, sub.subprocess_env);
}

void Pipeline::internal_redirect(Request& r, std::string_view uri)
{
    int depth = 0;
    for (const Request* p = &r; p->prev != nullptr; p = p->prev) {
        ++depth;
    }
    if (depth >= kMaxInternalRedirects) {
        log(r, ModuleId::Core, LogLevel::Error,
            "AH00124: Request exceeded the limit of " + std::to_string(kMaxInternalRedirects) +
                " internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to "
                "increase the limit if necessary. Use 'LogLevel debug' to get a backtrace.");
        die(500, r);
        return;
    }
    Request next;
    next.connection = r.connection;
    next.prev = &r;
    next.is_internal_redirect = true;
    next.request_time_us = r.request_time_us;
    next.the_request = r.the_request;
    next.status = r.status;  // an ErrorDocument answers with the error's status
    next.allowed = r.allowed;
    next.expecting_100 = r.expecting_100;
    next.no_cache = r.no_cache;
    next.vlist_validator = r.vlist_validator;  // negotiation's, for the variant's ETag
    next.input = r.input;    // the body is read once, by whichever request
    next.method = r.method;
    next.method_number = r.method_number;
    next.header_only = r.header_only;
    next.protocol = r.protocol;
    next.proto_num = r.proto_num;
    next.assbackwards = r.assbackwards;
    next.hostname = r.hostname;
    next.headers_in = r.headers_in;
    next.err_headers_out = r.err_headers_out;
    attach(next, r.server_index);
    parse_request_target(next, uri);
    next.unparsed_uri = std::string(uri);
    // httpd's add_cgi_vars for redirects: REDIRECT_ prefixed copies.
    for (const auto& f : r.subprocess_env.fields()) {
        next.subprocess_env.add("REDIRECT_" + f.name, f.value);
    }
    next.subprocess_env.set("REDIRECT_URL", r.uri);
    next.subprocess_env.set("REDIRECT_STATUS", std::to_string(r.status));
    if (!r.args.empty()) {
        next.subprocess_env.set("REDIRECT_QUERY_STRING", r.args);
    }
    next.original_status = r.status;
    process(next);
    // The new request's response answers the client; r keeps its own
    // identity for the access log (%<s, %U of the original request).
    r.original_status = r.original_status ? r.original_status : r.status;
    r.status = next.status;
    r.status_line = next.status_line;
    r.headers_out = std::move(next.headers_out);
    r.err_headers_out = std::move(next.err_headers_out);
    r.body = std::move(next.body);
    r.content_type = next.content_type;
    r.content_encoding = next.content_encoding;
    r.content_languages = next.content_languages;
    r.mtime_us = next.mtime_us;
    r.bytes_sent = next.bytes_sent;
    r.expecting_100 = next.expecting_100;
    r.unknown_length = next.unknown_length;
    r.filename = next.filename;
}

std::string Pipeline::entity_tag(Request& r)
{
    if (r.finfo) {
        update_mtime(r, mtime_us_of(*r.finfo));
    }
    return make_etag(r, false);
}

int Pipeline::meets_conditions(const Request& r) { return runtime::meets_conditions(r); }

int Pipeline::apply_byteranges(Request& r) { return runtime::apply_byteranges(r); }

void Pipeline::log_transaction(Request& r) { run_all(Phase::LogTransaction, r); }

bool Pipeline::log_enabled(const Request& r, ModuleId module, LogLevel level) const
{
    return error_log_->enabled(r.server_index, module, level);
}

void Pipeline::log(const Request& r, ModuleId module, LogLevel level, std::string_view text, int os_error) const
{
    if (!error_log_->enabled(r.server_index, module, level)) {
        return;
    }
    LogClient client;
    if (r.connection != nullptr) {
        client.ip = r.connection->client_ip;
        client.port = r.connection->client_port;
    }
    if (const auto ref = r.headers_in.get("Referer")) {
        client.referer = *ref;
    }
    LogLine line;
    line.module = module;
    line.level = level;
    line.os_error = os_error;
    line.client = r.connection != nullptr ? &client : nullptr;
    error_log_->write(r.server_index, line, text);
}

std::optional<std::string> Pipeline::remote_host(Request& r, RemoteHost type, bool* is_ip)
{
    return get_remote_host(r, type, is_ip);
}

std::int64_t Pipeline::now_us() const
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace feather::runtime
