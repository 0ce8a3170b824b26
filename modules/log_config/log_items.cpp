#include "modules/log_config/log_items.hpp"

#include <cctype>
#include <cstring>
#include <ctime>

#include "modules/config_sets.hpp"
#include "modules/request/escape_logitem.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::log_config {

namespace {

struct Handler {
    const char* letters;
    ItemKind kind;
    bool want_orig_default;
};

// httpd's log_pfn_register calls (mod_log_config and mod_logio).
constexpr Handler kHandlers[] = {
    {"h", ItemKind::RemoteHost, false},    {"a", ItemKind::RemoteAddress, false},
    {"A", ItemKind::LocalAddress, false},  {"l", ItemKind::RemoteLogname, false},
    {"u", ItemKind::RemoteUser, false},    {"t", ItemKind::RequestTime, false},
    {"f", ItemKind::RequestFile, false},   {"b", ItemKind::ClfBytesSent, false},
    {"B", ItemKind::BytesSent, false},     {"i", ItemKind::HeaderIn, false},
    {"o", ItemKind::HeaderOut, false},     {"n", ItemKind::Note, false},
    {"L", ItemKind::LogId, true},          {"e", ItemKind::EnvVar, false},
    {"V", ItemKind::ServerName, false},    {"v", ItemKind::VirtualHost, false},
    {"p", ItemKind::ServerPort, false},    {"P", ItemKind::PidTid, false},
    {"H", ItemKind::Protocol, false},      {"m", ItemKind::Method, false},
    {"q", ItemKind::Query, false},         {"X", ItemKind::ConnStatus, false},
    {"C", ItemKind::Cookie, false},        {"k", ItemKind::KeepAlives, false},
    {"r", ItemKind::RequestLine, true},    {"D", ItemKind::DurationUs, true},
    {"T", ItemKind::DurationScaled, true}, {"U", ItemKind::Uri, true},
    {"s", ItemKind::Status, true},         {"R", ItemKind::Handler, true},
    {"^ti", ItemKind::TrailerIn, false},   {"^to", ItemKind::TrailerOut, false},
    {"I", ItemKind::BytesIn, false},       {"O", ItemKind::BytesOut, false},
    {"S", ItemKind::BytesCombined, false}, {"^FB", ItemKind::Ttfb, false},
};

// parse_log_misc_string: text up to the next '%', with \\ \r \n \t escapes.
std::string literal(std::string_view& s)
{
    std::string out;
    while (!s.empty() && s.front() != '%') {
        if (s.front() != '\\') {
            out.push_back(s.front());
            s.remove_prefix(1);
            continue;
        }
        s.remove_prefix(1);
        if (s.empty()) {
            out.push_back('\\');
            break;
        }
        switch (s.front()) {
        case '\\': out.push_back('\\'); s.remove_prefix(1); break;
        case 'r': out.push_back('\r'); s.remove_prefix(1); break;
        case 'n': out.push_back('\n'); s.remove_prefix(1); break;
        case 't': out.push_back('\t'); s.remove_prefix(1); break;
        default: out.push_back('\\'); break;  // copied verbatim
        }
    }
    return out;
}

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "[23/Nov/2026:19:00:00 +0000]", formatted at most once a second.
const std::string& clf_time(std::int64_t us)
{
    thread_local std::int64_t cached = -1;
    thread_local std::string text;
    const std::int64_t sec = us / 1000000;
    if (sec != cached) {
        cached = sec;
        const std::time_t t = static_cast<std::time_t>(sec);
        std::tm tm{};
        ::localtime_r(&t, &tm);
        long off = tm.tm_gmtoff;
        char sign = '+';
        if (off < 0) {
            off = -off;
            sign = '-';
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "[%02d/%s/%d:%02d:%02d:%02d %c%.2ld%.2ld]", tm.tm_mday, kMonths[tm.tm_mon],
                      tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 3600, (off % 3600) / 60);
        text = buf;
    }
    return text;
}

std::string request_time(const LogItem& item, const Request& r, const LogContext& ctx)
{
    std::int64_t t = r.request_time_us;
    std::string_view fmt = item.arg;
    bool clf = fmt.empty();
    if (fmt.substr(0, 5) == "begin") {
        fmt.remove_prefix(5);
        if (fmt.empty()) {
            clf = true;
        } else if (fmt.front() == ':') {
            fmt.remove_prefix(1);
        }
    } else if (fmt.substr(0, 3) == "end") {
        fmt.remove_prefix(3);
        t = ctx.end_time_us;
        if (fmt.empty()) {
            clf = true;
        } else if (fmt.front() == ':') {
            fmt.remove_prefix(1);
        }
    }
    if (clf) {
        return clf_time(t);
    }
    if (fmt == "sec") {
        return std::to_string(t / 1000000);
    }
    if (fmt == "msec") {
        return std::to_string(t / 1000);
    }
    if (fmt == "usec") {
        return std::to_string(t);
    }
    char buf[32];
    if (fmt == "msec_frac") {
        std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>((t / 1000) % 1000));
        return buf;
    }
    if (fmt == "usec_frac") {
        std::snprintf(buf, sizeof buf, "%06lld", static_cast<long long>(t % 1000000));
        return buf;
    }
    const std::time_t secs = static_cast<std::time_t>(t / 1000000);
    std::tm tm{};
    ::localtime_r(&secs, &tm);
    char out[8192];
    const std::string f(fmt);
    const std::size_t n = std::strftime(out, sizeof out, f.c_str(), &tm);
    return std::string(out, n);
}

std::string cookie(const Request& r, std::string_view name)
{
    const auto header = r.headers_in.get("Cookie");
    if (!header) {
        return "-";
    }
    std::string_view rest = *header;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq + 1 >= pair.size()) {
            continue;
        }
        std::string_view n = pair.substr(0, eq);
        std::string_view v = pair.substr(eq + 1);
        while (!n.empty() && (n.front() == ' ' || n.front() == '\t')) {
            n.remove_prefix(1);
        }
        while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) {
            n.remove_suffix(1);
        }
        if (n.empty() || !iequal(n, name)) {
            continue;
        }
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
            v.remove_prefix(1);
        }
        while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) {
            v.remove_suffix(1);
        }
        return escape_logitem(v);
    }
    return "-";
}

// %h: REMOTE_NAME, so a name only where HostnameLookups asks for one.
std::string remote_host(Request& r)
{
    if (r.services != nullptr) {
        if (const auto host = r.services->remote_host(r, RemoteHost::Name)) {
            return escape_logitem(*host);
        }
    }
    return escape_logitem(r.connection->client_ip);
}

std::string value(const LogItem& item, Request& r, const LogContext& ctx)
{
    auto or_dash = [](std::optional<std::string_view> v) { return v ? escape_logitem(*v) : std::string("-"); };
    switch (item.kind) {
    case ItemKind::Literal: return item.arg;
    case ItemKind::RemoteHost: return remote_host(r);
    case ItemKind::RemoteAddress: return r.connection->client_ip;
    case ItemKind::LocalAddress: return r.connection->local_ip;
    case ItemKind::RemoteLogname: return "-";
    case ItemKind::RemoteUser: return r.user.empty() ? "-" : escape_logitem(r.user);
    case ItemKind::RequestTime: return request_time(item, r, ctx);
    case ItemKind::RequestFile: return r.filename.empty() ? "-" : escape_logitem(r.filename);
    case ItemKind::ClfBytesSent: return r.bytes_sent == 0 ? "-" : std::to_string(r.bytes_sent);
    case ItemKind::BytesSent: return std::to_string(r.bytes_sent);
    case ItemKind::HeaderIn: return or_dash(r.headers_in.get(item.arg));
    case ItemKind::HeaderOut: {
        if (iequal(item.arg, "Content-type") && !r.content_type.empty()) {
            const std::string_view ct = r.content_type;
            const auto semi = ct.find(';');
            std::string_view t = ct.substr(0, semi);
            while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) {
                t.remove_suffix(1);
            }
            return escape_logitem(t);
        }
        if (iequal(item.arg, "Set-Cookie")) {
            std::string all;
            for (const auto& f : r.headers_out.fields()) {
                if (iequal(f.name, "Set-Cookie")) {
                    all += (all.empty() ? "" : ", ") + f.value;
                }
            }
            return all.empty() ? "-" : escape_logitem(all);
        }
        return or_dash(r.headers_out.get(item.arg));
    }
    case ItemKind::Note: return or_dash(r.notes.get(item.arg));
    case ItemKind::LogId: return "-";
    case ItemKind::EnvVar: return or_dash(r.subprocess_env.get(item.arg));
    case ItemKind::ServerName: return escape_logitem(ctx.server_name);
    case ItemKind::VirtualHost: return escape_logitem(ctx.virtual_host);
    case ItemKind::ServerPort:
        if (item.arg.empty() || iequal(item.arg, "canonical")) {
            return std::to_string(ctx.server_port);
        }
        if (iequal(item.arg, "remote")) {
            return std::to_string(r.connection->client_port);
        }
        if (iequal(item.arg, "local")) {
            return std::to_string(r.connection->local_port);
        }
        return item.arg;
    case ItemKind::PidTid: {
        if (item.arg.empty() || iequal(item.arg, "pid")) {
            return std::to_string(ctx.pid);
        }
        if (iequal(item.arg, "tid")) {
            return std::to_string(ctx.tid);
        }
        if (iequal(item.arg, "hextid")) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%lx", ctx.tid);
            return buf;
        }
        return item.arg;
    }
    case ItemKind::Protocol: return escape_logitem(r.protocol);
    case ItemKind::Method: return escape_logitem(r.method);
    case ItemKind::Query: return r.args.empty() ? std::string() : "?" + escape_logitem(r.args);
    case ItemKind::ConnStatus:
        if (r.connection->aborted) {
            return "X";
        }
        return r.connection->keepalive &&
                       (ctx.keep_alive_max == 0 || ctx.keep_alive_max - r.connection->keepalives > 0)
                   ? "+"
                   : "-";
    case ItemKind::Cookie: return cookie(r, item.arg);
    case ItemKind::KeepAlives: return std::to_string(r.connection->keepalives > 0 ? r.connection->keepalives - 1 : 0);
    case ItemKind::RequestLine: return escape_logitem(r.the_request);
    case ItemKind::DurationUs: return std::to_string(ctx.end_time_us - r.request_time_us);
    case ItemKind::DurationScaled: {
        const std::int64_t d = ctx.end_time_us - r.request_time_us;
        if (item.arg.empty() || iequal(item.arg, "s")) {
            return std::to_string(d / 1000000);
        }
        if (iequal(item.arg, "ms")) {
            return std::to_string(d / 1000);
        }
        if (iequal(item.arg, "us")) {
            return std::to_string(d);
        }
        return item.arg;
    }
    case ItemKind::Uri: return escape_logitem(r.uri);
    case ItemKind::Status: {
        const int status = item.want_orig && r.original_status != 0 ? r.original_status : r.status;
        return std::to_string(status);
    }
    case ItemKind::Handler: return r.handler.empty() ? "-" : escape_logitem(r.handler);
    case ItemKind::TrailerIn:
    case ItemKind::TrailerOut: return "-";
    case ItemKind::BytesIn: return std::to_string(r.bytes_in);
    case ItemKind::BytesOut: return std::to_string(r.bytes_out);
    case ItemKind::BytesCombined: return std::to_string(r.bytes_in + r.bytes_out);
    case ItemKind::Ttfb: {
        // mod_logio: only with LogIOTrackTTFB On, else "-".
        const bool track = r.per_dir && get<logio::LogioDirConfig>(*r.per_dir).track_ttfb.get_or(false);
        if (!track || r.first_byte_us == 0) {
            return "-";
        }
        return std::to_string(r.first_byte_us - r.request_time_us);
    }
    }
    return "-";
}

}  // namespace

CompiledFormat compile_format(std::string_view s)
{
    CompiledFormat out;
    while (!s.empty()) {
        if (s.front() != '%') {
            out.push_back(LogItem{ItemKind::Literal, literal(s), {}, false, false});
            continue;
        }
        s.remove_prefix(1);
        if (!s.empty() && s.front() == '%') {
            s.remove_prefix(1);
            out.push_back(LogItem{ItemKind::Literal, "%", {}, false, false});
            continue;
        }
        LogItem item;
        int want = -1;
        while (!s.empty()) {
            const char c = s.front();
            if (c == '!') {
                item.negate = !item.negate;
                s.remove_prefix(1);
            } else if (c == '<') {
                want = 1;
                s.remove_prefix(1);
            } else if (c == '>') {
                want = 0;
                s.remove_prefix(1);
            } else if (c == ',') {
                s.remove_prefix(1);
            } else if (c == '{') {
                s.remove_prefix(1);
                const auto close = s.find('}');
                item.arg = std::string(s.substr(0, close));
                s.remove_prefix(close == std::string_view::npos ? s.size() : close + 1);
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                int n = 0;
                while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.front()))) {
                    n = n * 10 + (s.front() - '0');
                    s.remove_prefix(1);
                }
                item.conditions.push_back(n);
            } else {
                const Handler* found = nullptr;
                if (c == '^' && s.size() >= 3) {
                    for (const auto& h : kHandlers) {
                        if (std::strlen(h.letters) == 3 && s.substr(0, 3) == h.letters) {
                            found = &h;
                        }
                    }
                    if (found != nullptr) {
                        s.remove_prefix(3);
                    }
                }
                if (found == nullptr) {
                    for (const auto& h : kHandlers) {
                        if (h.letters[0] == c && h.letters[1] == '\0') {
                            found = &h;
                        }
                    }
                    s.remove_prefix(1);
                }
                if (found != nullptr) {
                    item.kind = found->kind;
                    item.want_orig = want == -1 ? found->want_orig_default : want == 1;
                    out.push_back(std::move(item));
                }
                break;
            }
        }
    }
    out.push_back(LogItem{ItemKind::Literal, "\n", {}, false, false});
    return out;
}

std::string render(const CompiledFormat& format, Request& r, const LogContext& ctx)
{
    std::string line;
    line.reserve(256);
    for (const LogItem& item : format) {
        if (item.kind == ItemKind::Literal) {
            line += item.arg;
            continue;
        }
        if (!item.conditions.empty()) {
            bool in_list = false;
            for (const int c : item.conditions) {
                in_list = in_list || c == r.status;
            }
            if (in_list == item.negate) {
                line.push_back('-');
                continue;
            }
        }
        line += value(item, r, ctx);
    }
    return line;
}

}  // namespace feather::mod::log_config
