// The response head as ap_http_header_filter builds it, and the keep-alive
// decision of ap_set_keepalive.

#include <ctime>

#include "modules/config_sets.hpp"
#include "runtime/build_info.hpp"
#include "runtime/http/error_response.hpp"
#include "runtime/http/response_writer.hpp"

namespace feather::runtime {

namespace {

// ap_find_token: a comma separated list of tokens, case-insensitive.
bool has_token(std::optional<std::string_view> header, std::string_view token)
{
    if (!header) {
        return false;
    }
    const std::string_view h = *header;
    std::size_t i = 0;
    while (i <= h.size()) {
        std::size_t end = h.find(',', i);
        if (end == std::string_view::npos) {
            end = h.size();
        }
        std::string_view t = h.substr(i, end - i);
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
            t.remove_prefix(1);
        }
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
            t.remove_suffix(1);
        }
        if (iequal(t, token)) {
            return true;
        }
        i = end + 1;
    }
    return false;
}

// ap_is_chunked for a response's Transfer-Encoding.
bool chunked_coding(std::optional<std::string_view> te)
{
    if (!te) {
        return false;
    }
    const std::string_view v = *te;
    return v.size() >= 7 && iequal(v.substr(v.size() - 7), "chunked") &&
           (v.size() == 7 || v[v.size() - 8] == ',' || v[v.size() - 8] == ' ');
}

std::uint64_t body_length(const Request& r)
{
    std::uint64_t n = 0;
    for (const auto& part : r.body) {
        if (const auto* s = std::get_if<std::string>(&part)) {
            n += s->size();
        } else {
            n += std::get<FileRange>(part).length;
        }
    }
    return n;
}

bool header_only_status(int status) { return status == 204 || status == 304; }

// fixup_vary: several Vary fields, or repeated names in them, become one
// field of unique names where the first was.
void fixup_vary(Headers& h)
{
    std::vector<std::string> names;
    bool any = false;
    for (const auto& f : h.fields()) {
        if (!iequal(f.name, "Vary")) {
            continue;
        }
        any = true;
        std::size_t i = 0;
        const std::string& v = f.value;
        while (i < v.size()) {
            while (i < v.size() &&
                   (v[i] == ',' || std::isspace(static_cast<unsigned char>(v[i])))) {
                ++i;
            }
            const std::size_t start = i;
            while (i < v.size() && v[i] != ',' && !std::isspace(static_cast<unsigned char>(v[i]))) {
                ++i;
            }
            if (i > start) {
                const std::string name = v.substr(start, i - start);
                bool seen = false;
                for (const auto& n : names) {
                    seen = seen || iequal(n, name);
                }
                if (!seen) {
                    names.push_back(name);
                }
            }
        }
    }
    if (!any || names.empty()) {
        return;
    }
    std::string joined;
    for (const auto& n : names) {
        if (!joined.empty()) {
            joined += ',';
        }
        joined += n;
    }
    h.set("Vary", joined);
}

// ap_make_content_type: AddDefaultCharset for text/plain and text/html
// without a charset parameter.
std::string content_type_header(const Request& r)
{
    if (r.content_type.empty()) {
        return {};
    }
    const auto* dir = r.per_dir ? &get<mod::core::CoreDirConfig>(*r.per_dir) : nullptr;
    // ap_send_error_response suppresses the charset of its pages when
    // suppress-error-charset is set.
    if (dir == nullptr || (r.status >= 300 && r.subprocess_env.has("suppress-error-charset"))) {
        return r.content_type;
    }
    const auto charset = dir->uncommon().add_default_charset.get_or(std::nullopt);
    if (!charset || r.content_type.find("charset=") != std::string::npos) {
        return r.content_type;
    }
    if (r.content_type.find("text/plain") != std::string::npos ||
        r.content_type.find("text/html") != std::string::npos) {
        return r.content_type + "; charset=" + *charset;
    }
    return r.content_type;
}

// validate_status_line: a module's status line must start with the status
// and a space; httpd's own reason phrase is preferred when it has one.
std::string status_line_of(const Request& r)
{
    const std::string& sl = r.status_line;
    if (!sl.empty()) {
        const bool digits = sl.size() >= 3 && std::isdigit(static_cast<unsigned char>(sl[0])) &&
                            std::isdigit(static_cast<unsigned char>(sl[1])) &&
                            std::isdigit(static_cast<unsigned char>(sl[2]));
        const bool matches = digits && std::atoi(sl.substr(0, 3).c_str()) == r.status &&
                             (sl.size() == 3 || std::isspace(static_cast<unsigned char>(sl[3])));
        if (matches && sl.size() > 3) {
            return sl;
        }
        if (matches) {
            const std::string ours = status_line(r.status);
            return ours.compare(0, 3, sl) == 0 ? ours : sl + " ";
        }
    }
    return status_line(r.status);
}

}  // namespace

std::string http_date(std::int64_t secs)
{
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

const std::string& recent_http_date(std::int64_t time_us)
{
    thread_local std::int64_t cached_second = -1;
    thread_local std::string cached;
    const std::int64_t second = time_us / 1000000;
    if (second != cached_second) {
        cached_second = second;
        cached = http_date(second);
    }
    return cached;
}

std::string server_banner(mod::core::ServerTokens tokens)
{
    using mod::core::ServerTokens;
    const std::string version = build::kApacheVersion;  // "2.4.71"
    switch (tokens) {
    case ServerTokens::Prod: return "Apache";
    case ServerTokens::Major: return "Apache/" + version.substr(0, version.find('.'));
    case ServerTokens::Minor: return "Apache/" + version.substr(0, version.rfind('.'));
    case ServerTokens::Minimal: return "Apache/" + version;
    case ServerTokens::OS: return "Apache/" + version + " (Unix)";
    case ServerTokens::Full: break;
    }
    return "Apache/" + version + " (Unix) Feather/" + build::kFeatherVersion;
}

ResponseHead make_response_head(Request& r, KeepAliveState& ka, const ProtocolSettings& settings)
{
    ResponseHead out;
    if (r.connection != nullptr && r.connection->keepalive_closed) {
        ka.close = true;
    }
    const bool status_no_body = header_only_status(r.status) || r.status < 200;
    if (r.assbackwards) {
        // HTTP/0.9: the body alone, and the connection ends with it.
        out.framing = Framing::Close;
        out.send_body = !r.header_only;
        ka.close = true;
        return out;
    }

    // err_headers_out come first and survive errors.
    if (!r.err_headers_out.empty()) {
        Headers all = std::move(r.err_headers_out);
        for (const auto& f : r.headers_out.fields()) {
            all.add(f.name, f.value);
        }
        r.headers_out = std::move(all);
        r.err_headers_out.clear();
    }
    int proto_num = r.proto_num;
    bool force_10 = false;
    if (r.subprocess_env.has("force-no-vary")) {
        r.headers_out.unset("Vary");
        proto_num = 1000;
        force_10 = true;
    } else {
        fixup_vary(r.headers_out);
    }
    const std::string& date = recent_http_date(
        r.request_time_us != 0 ? r.request_time_us
                               : static_cast<std::int64_t>(std::time(nullptr)) * 1000000);
    if (r.notes.has("no-etag")) {
        r.headers_out.unset("ETag");
    }

    // basic_http_header_check
    const std::string status = status_line_of(r);
    if (proto_num > 1000 && r.subprocess_env.has("downgrade-1.0")) {
        proto_num = 1000;
    }
    const char* protocol = "HTTP/1.1";
    if (proto_num == 1000 && (force_10 || r.subprocess_env.has("force-response-1.0"))) {
        protocol = "HTTP/1.0";
        ka.close = true;
    }

    // The content-length filter: the length is known when the whole body
    // is at hand (always, but for a body made as it is sent, and for the
    // answer to a broken request body).
    const std::uint64_t length = body_length(r);
    if (!status_no_body && !r.unknown_length && !settings.no_length &&
        !r.headers_out.has("Content-Length")) {
        r.headers_out.set("Content-Length", std::to_string(length));
    }

    // ap_set_keepalive
    bool chunked = false;
    const int left = settings.keep_alive_max - ka.keepalives;
    const bool wimpy = has_token(r.headers_out.get("Connection"), "close");
    const auto conn = r.headers_in.get("Connection");
    bool ka_sent = false;
    bool keep = !ka.close && !r.expecting_100;
    if (keep) {
        const bool length_known = r.header_only || header_only_status(r.status) ||
                                  r.headers_out.has("Content-Length") ||
                                  chunked_coding(r.headers_out.get("Transfer-Encoding"));
        if (!length_known && proto_num >= 1001) {
            chunked = true;  // httpd sets r->chunked here, even if keep-alive is refused later
        }
        keep = length_known || proto_num >= 1001;
    }
    keep = keep && settings.keep_alive && settings.keep_alive_timeout_s > 0 &&
           (settings.keep_alive_max == 0 || left > 0) && !status_drops_connection(r.status) &&
           !wimpy && !has_token(conn, "close") &&
           (!r.subprocess_env.has("nokeepalive") || r.headers_in.has("Via"));
    if (keep) {
        ka_sent = has_token(conn, "keep-alive");
        keep = (ka_sent || proto_num >= 1001) && !settings.stopping;
    }
    if (keep) {
        ++ka.keepalives;
        if (ka_sent) {
            if (settings.keep_alive_max != 0) {
                r.headers_out.set("Keep-Alive",
                                  "timeout=" + std::to_string(settings.keep_alive_timeout_s) +
                                      ", max=" + std::to_string(left));
            } else {
                r.headers_out.set("Keep-Alive",
                                  "timeout=" + std::to_string(settings.keep_alive_timeout_s));
            }
            r.headers_out.merge("Connection", "Keep-Alive");
        }
    } else {
        if (!wimpy) {
            r.headers_out.merge("Connection", "close");
        }
        if (!ka.close && settings.keep_alive_max != 0 && left == 0) {
            ++ka.keepalives;
        }
        ka.close = true;
    }
    // apache2 2.4.71 puts Expires (r->no_cache: negotiated answers to
    // HTTP/1.0) after the keep-alive decision's Connection field.
    if (r.no_cache && !r.headers_out.has("Expires")) {
        r.headers_out.add("Expires", date);
    }

    std::string content_type;
    if (header_only_status(r.status)) {
        r.headers_out.unset("Transfer-Encoding");
        r.headers_out.unset("Content-Length");
        r.content_type.clear();
        r.content_encoding.clear();
        r.content_languages.clear();
        chunked = false;
    } else if (chunked) {
        r.headers_out.merge("Transfer-Encoding", "chunked");
        r.headers_out.unset("Content-Length");
    }
    content_type = content_type_header(r);
    if (!content_type.empty()) {
        r.headers_out.set("Content-Type", content_type);
    }
    if (!r.content_encoding.empty()) {
        r.headers_out.set("Content-Encoding", r.content_encoding);
    }
    if (!r.content_languages.empty()) {
        std::vector<std::string> langs = r.content_languages;
        if (const auto existing = r.headers_out.get("Content-Language")) {
            std::size_t i = 0;
            const std::string_view v = *existing;
            while (i < v.size()) {
                std::size_t end = v.find(',', i);
                if (end == std::string_view::npos) {
                    end = v.size();
                }
                std::string_view t = v.substr(i, end - i);
                while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
                    t.remove_prefix(1);
                }
                while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
                    t.remove_suffix(1);
                }
                bool seen = t.empty();
                for (const auto& l : langs) {
                    seen = seen || iequal(l, t);
                }
                if (!seen) {
                    langs.emplace_back(t);
                }
                i = end + 1;
            }
        }
        std::string joined;
        for (const auto& l : langs) {
            if (!joined.empty()) {
                joined += ',';
            }
            joined += l;
        }
        r.headers_out.set("Content-Language", joined);
    }
    // A zero Content-Length on HEAD says nothing true: leave it out.
    if (r.header_only) {
        if (const auto cl = r.headers_out.get("Content-Length"); cl && *cl == "0") {
            r.headers_out.unset("Content-Length");
        }
    }

    std::string& head = out.bytes;
    head.reserve(256 + r.headers_out.size() * 32);
    head += protocol;
    head += ' ';
    head += status;
    head += "\r\nDate: ";
    head += date;
    head += "\r\nServer: ";
    head += server_banner(settings.tokens);
    head += "\r\n";
    for (const auto& f : r.headers_out.fields()) {
        if (iequal(f.name, "Date") || iequal(f.name, "Server")) {
            continue;
        }
        head += f.name;
        head += ": ";
        head += f.value;
        head += "\r\n";
    }
    head += "\r\n";

    out.keep_alive = keep;
    out.send_body = !r.header_only && !status_no_body;
    out.framing = !out.send_body                        ? Framing::None
                  : chunked                             ? Framing::Chunked
                  : r.headers_out.has("Content-Length") ? Framing::Length
                                                        : Framing::Close;
    return out;
}

}  // namespace feather::runtime
