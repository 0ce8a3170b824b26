#include "runtime/http/request_reader.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <cctype>
#include <cstring>

#include "modules/core/methods.hpp"
#include "runtime/http/uri.hpp"

namespace feather::runtime {

namespace {

namespace http = boost::beast::http;

constexpr int kBlankLinesAllowed = 10;  // httpd's DEFAULT_LIMIT_BLANK_LINES

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// RFC 7230 tchar.
bool is_token_char(unsigned char c)
{
    if (std::isalnum(c)) {
        return true;
    }
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}
bool is_vchar_obstext(unsigned char c) { return (c > 0x20 && c < 0x7f) || c >= 0x80; }
bool is_field_content(unsigned char c) { return c == '\t' || c == ' ' || is_vchar_obstext(c); }

std::size_t scan_token(std::string_view s, std::size_t i)
{
    while (i < s.size() && is_token_char(static_cast<unsigned char>(s[i]))) {
        ++i;
    }
    return i;
}
std::size_t scan_vchar(std::string_view s, std::size_t i)
{
    while (i < s.size() && is_vchar_obstext(static_cast<unsigned char>(s[i]))) {
        ++i;
    }
    return i;
}

enum class LineStatus { Ok, Eof, TooLong, Invalid, Timeout, Woken };

// ap_rgetline: one line without its end, at most `limit` bytes counting the
// CRLF. In strict mode a line must end in CRLF (a bare LF is invalid).
LineStatus get_line(InputBuffer& in, SocketIo& io, std::size_t limit, bool strict,
                    std::chrono::milliseconds timeout, std::string& line)
{
    while (true) {
        const std::string_view avail = in.view();
        const std::size_t lf = avail.find('\n');
        if (lf != std::string_view::npos) {
            if (lf + 1 > limit) {
                return LineStatus::TooLong;
            }
            std::size_t end = lf;
            if (end > 0 && avail[end - 1] == '\r') {
                --end;
            } else if (strict) {
                in.consume(lf + 1);
                return LineStatus::Invalid;
            }
            line.assign(avail.substr(0, end));
            in.consume(lf + 1);
            return LineStatus::Ok;
        }
        if (avail.size() >= limit) {
            return LineStatus::TooLong;
        }
        in.compact();
        char buf[16384];
        std::size_t got = 0;
        const IoResult res = io.read_some(buf, sizeof buf, got, timeout);
        if (res == IoResult::Timeout) {
            return LineStatus::Timeout;
        }
        if (res != IoResult::Ok) {
            return in.view().empty() ? LineStatus::Eof : LineStatus::Invalid;
        }
        in.data.append(buf, got);
    }
}

// ap_parse_request_line: the deferred-error rules of httpd 2.4, returning 0
// or the status to answer (400, 501).
int parse_request_line(const std::string& line, const HeadLimits& limits, Request& r,
                       const std::vector<std::string>& registered)
{
    enum class Deferred { None, BadMethod, BadWhitespace, ExcessWhitespace, MissingUri, BadUri,
                          BadProtocol, TrailingText, BadMethod09, Reject09 };
    Deferred deferred = Deferred::None;
    const bool strict = limits.strict;
    std::string_view s = line;
    std::size_t i = 0;
    if (i < s.size() && is_space(s[i])) {
        deferred = Deferred::BadWhitespace;
        while (i < s.size() && is_space(s[i])) {
            ++i;
        }
    }
    const std::size_t m_start = i;
    std::size_t ll = strict ? scan_token(s, i) : scan_vchar(s, i);
    if ((ll == m_start || (ll < s.size() && !is_space(s[ll]))) && deferred == Deferred::None) {
        deferred = Deferred::BadMethod;
        ll = s.find_first_of("\t\n\v\f\r ", ll);
    }
    std::string method;
    std::string uri;
    std::string protocol;
    std::size_t proto_len = 0;
    if (ll == std::string_view::npos || ll >= s.size()) {
        if (ll >= s.size() && ll != std::string_view::npos && deferred == Deferred::None) {
            deferred = Deferred::MissingUri;
        } else if (ll == std::string_view::npos && deferred == Deferred::None) {
            deferred = Deferred::MissingUri;
        }
        method = std::string(s.substr(m_start, ll == std::string_view::npos ? std::string_view::npos : ll - m_start));
    } else {
        method = std::string(s.substr(m_start, ll - m_start));
        if (strict && ll + 1 < s.size() && is_space(s[ll + 1]) && deferred == Deferred::None) {
            deferred = Deferred::ExcessWhitespace;
        }
        std::size_t u = ll;
        for (; u < s.size() && is_space(s[u]); ++u) {
            if (s[u] != ' ' && deferred == Deferred::None) {
                deferred = Deferred::BadWhitespace;
            }
        }
        if (u >= s.size() && deferred == Deferred::None) {
            deferred = Deferred::MissingUri;
        }
        std::size_t ue = scan_vchar(s, u);
        if (ue == u || (ue < s.size() && !is_space(s[ue]))) {
            deferred = Deferred::BadUri;
            ue = s.find_first_of("\t\n\v\f\r ", ue);
        }
        if (ue == std::string_view::npos) {
            uri = std::string(s.substr(u));
        } else {
            uri = std::string(s.substr(u, ue - u));
            if (strict && ue + 1 < s.size() && is_space(s[ue + 1]) && deferred == Deferred::None) {
                deferred = Deferred::ExcessWhitespace;
            }
            std::size_t p = ue;
            for (; p < s.size() && is_space(s[p]); ++p) {
                if (s[p] != ' ' && deferred == Deferred::None) {
                    deferred = Deferred::BadWhitespace;
                }
            }
            const std::size_t pe = scan_vchar(s, p);
            protocol = std::string(s.substr(p, pe - p));
            proto_len = pe - p;
            if (pe < s.size()) {
                if (!is_space(s[pe])) {
                    deferred = Deferred::BadProtocol;
                } else if (strict) {
                    deferred = Deferred::ExcessWhitespace;
                } else {
                    std::size_t t = pe;
                    for (; t < s.size() && is_space(s[t]); ++t) {
                        if (s[t] != ' ' && deferred == Deferred::None) {
                            deferred = Deferred::BadWhitespace;
                        }
                    }
                    if (t < s.size() && deferred == Deferred::None) {
                        deferred = Deferred::TrailingText;
                    }
                }
            }
        }
    }

    r.method = method;
    r.the_request = method;
    if (!uri.empty()) {
        r.the_request += " " + uri;
    }
    if (!protocol.empty()) {
        r.the_request += " " + protocol;
    }

    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool shape = proto_len == 8 && protocol[4] == '/' && digit(protocol[5]) && protocol[6] == '.' &&
                       digit(protocol[7]) && protocol[5] != '0';
    if (shape && protocol.compare(0, 4, "HTTP") == 0) {
        r.assbackwards = false;
        r.proto_num = (protocol[5] - '0') * 1000 + (protocol[7] - '0');
        r.protocol = protocol;
    } else if (shape && (protocol[0] == 'H' || protocol[0] == 'h') && (protocol[1] == 'T' || protocol[1] == 't') &&
               (protocol[2] == 'T' || protocol[2] == 't') && (protocol[3] == 'P' || protocol[3] == 'p')) {
        r.assbackwards = false;
        r.proto_num = (protocol[5] - '0') * 1000 + (protocol[7] - '0');
        if (strict && deferred == Deferred::None) {
            deferred = Deferred::BadProtocol;
        } else {
            protocol.replace(0, 4, "HTTP");
        }
        r.protocol = protocol;
    } else if (!protocol.empty()) {
        r.proto_num = 9;
        r.protocol = protocol;
        if (deferred == Deferred::None) {
            deferred = Deferred::BadProtocol;
        }
    } else {
        r.assbackwards = true;
        r.protocol = "HTTP/0.9";
        r.proto_num = 9;
    }

    r.method_number = mod::core::method_number_of(registered, r.method);
    if (r.method == "HEAD") {
        r.method_number = mod::core::kMethodGet;
        r.header_only = true;
    }

    int status = 0;
    parse_request_target(r, uri);
    if (!r.uri.empty() && r.uri.front() != '/' && !(r.method_number == mod::core::kMethodOptions && r.uri == "*")) {
        status = 400;
    }
    if (r.proto_num == 9 && deferred == Deferred::None) {
        if (!limits.allow_09) {
            deferred = Deferred::Reject09;
        } else if (strict && (r.method_number != mod::core::kMethodGet || r.header_only)) {
            deferred = Deferred::BadMethod09;
        }
    }
    auto failed = [&](int code) {
        if (r.proto_num == 9) {
            // Errors are answered as HTTP/1.0, and the connection closes.
            r.assbackwards = false;
            r.proto_num = 1000;
            r.protocol = "HTTP/1.0";
        }
        return code;
    };
    if (deferred != Deferred::None) {
        return failed(400);
    }
    if (limits.registered_methods && r.method_number == mod::core::kMethodInvalid) {
        return 501;
    }
    if (status != 0) {
        return failed(status);
    }
    if (strict && (uri.find('#') != std::string::npos)) {
        return failed(400);
    }
    return 0;
}

// Splits and checks the header block the way ap_get_mime_headers_core does.
int read_fields(InputBuffer& in, SocketIo& io, const HeadLimits& limits, Request& r, std::vector<std::string>& raw)
{
    std::string last;
    bool have_last = false;
    int fields_read = 0;
    std::string line;
    while (true) {
        const LineStatus st = get_line(in, io, limits.field_size + 2, limits.strict, limits.timeout, line);
        if (st != LineStatus::Ok) {
            if (st == LineStatus::Timeout) {
                return 408;
            }
            if (st == LineStatus::TooLong) {
                r.notes.set("error-notes", "Size of a request header field exceeds server limit.");
            }
            return 400;
        }
        while (line.size() > 1 && (line.back() == '\t' || line.back() == ' ')) {
            line.pop_back();
        }
        if (!line.empty() && (line.front() == '\t' || line.front() == ' ')) {
            if (!have_last || line.size() == 1) {
                return 400;  // folding before the first field, or an empty fold
            }
            std::size_t k = 0;
            while (k + 1 < line.size() && (line[k + 1] == '\t' || line[k + 1] == ' ')) {
                ++k;
            }
            std::string fold = line.substr(k);
            if (last.size() + fold.size() + 1 >= limits.field_size) {
                r.notes.set("error-notes", "Size of a request header field exceeds server limit.");
                return 400;
            }
            fold.front() = ' ';
            last += fold;
            continue;
        }
        if (have_last) {
            if (limits.fields > 0 && ++fields_read > limits.fields) {
                r.notes.set("error-notes", "The number of request header fields exceeds this server's limit.");
                return 400;
            }
            std::size_t colon;
            if (!limits.strict) {
                colon = last.find(':');
                if (colon == std::string::npos || colon == 0 ||
                    last.substr(0, colon).find_first_of("\t\n\v\f\r ") != std::string::npos) {
                    return 400;
                }
            } else {
                colon = scan_token(last, 0);
                if (colon == 0 || colon >= last.size() || last[colon] != ':') {
                    return 400;
                }
            }
            std::size_t v = colon + 1;
            while (v < last.size() && (last[v] == ' ' || last[v] == '\t')) {
                ++v;
            }
            const std::string_view value = std::string_view(last).substr(v);
            for (const char c : value) {
                const auto uc = static_cast<unsigned char>(c);
                if (limits.strict ? !is_field_content(uc) : (c == '\n' || c == '\v' || c == '\f' || c == '\r')) {
                    return 400;
                }
            }
            r.headers_in.add(last.substr(0, colon), value);
            raw.push_back(last.substr(0, colon) + ": " + std::string(value));
        }
        if (line.empty()) {
            break;
        }
        last = line;
        have_last = true;
    }
    // Fields of one name are combined (apr_table_compress), then each must
    // still fit LimitRequestFieldSize.
    Headers merged;
    for (const auto& f : r.headers_in.fields()) {
        merged.merge(f.name, f.value);
    }
    r.headers_in = std::move(merged);
    for (const auto& f : r.headers_in.fields()) {
        if (f.value.size() > limits.field_size) {
            r.notes.set("error-notes", "Size of a request header field exceeds server limit.");
            return 400;
        }
    }
    return 0;
}

// boost::beast validates the header block as an HTTP/1.1 message: field
// names and values, Content-Length and Transfer-Encoding framing.
class HeadValidator final : public http::basic_parser<true> {
public:
    HeadValidator() { header_limit(std::numeric_limits<std::uint32_t>::max()); }

private:
    void on_request_impl(http::verb, boost::beast::string_view, boost::beast::string_view, int,
                         boost::beast::error_code&) override {}
    void on_response_impl(int, boost::beast::string_view, int, boost::beast::error_code&) override {}
    void on_field_impl(http::field, boost::beast::string_view, boost::beast::string_view,
                       boost::beast::error_code&) override {}
    void on_header_impl(boost::beast::error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>&, boost::beast::error_code&) override {}
    std::size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code&) override
    {
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, boost::beast::string_view, boost::beast::error_code&) override {}
    std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body, boost::beast::error_code&) override
    {
        return body.size();
    }
    void on_finish_impl(boost::beast::error_code&) override {}
};

bool beast_accepts(const std::vector<std::string>& raw)
{
    std::string head = "GET / HTTP/1.1\r\n";
    for (const auto& f : raw) {
        head += f;
        head += "\r\n";
    }
    head += "\r\n";
    HeadValidator p;
    p.eager(false);
    boost::beast::error_code ec;
    p.put(boost::asio::buffer(head.data(), head.size()), ec);
    return !ec || ec == http::error::need_more;
}

// RFC 7230 Content-Length: digits only (ap_parse_strict_length).
bool strict_length(std::string_view s, std::uint64_t& out)
{
    if (s.empty() || s.size() > 19) {
        return false;
    }
    std::uint64_t v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

// ap_is_chunked: "chunked" is the last coding.
bool is_chunked(std::string_view te)
{
    std::size_t end = te.size();
    while (end > 0 && (te[end - 1] == ' ' || te[end - 1] == '\t')) {
        --end;
    }
    std::size_t start = te.rfind(',', end == 0 ? 0 : end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    while (start < end && (te[start] == ' ' || te[start] == '\t')) {
        ++start;
    }
    const std::string_view last = te.substr(start, end - start);
    return last.size() == 7 && strncasecmp(last.data(), "chunked", 7) == 0;
}

}  // namespace

HeadOutcome read_request_head(InputBuffer& in, SocketIo& io, const HeadLimits& limits, Request& r)
{
    std::string line;
    int blank = kBlankLinesAllowed;
    while (true) {
        const LineStatus st = get_line(in, io, limits.request_line + 2, limits.strict, limits.timeout, line);
        if (st == LineStatus::Eof || st == LineStatus::Woken) {
            return HeadOutcome::Closed;
        }
        if (st == LineStatus::Timeout) {
            r.status = 408;
            r.protocol = "HTTP/1.0";
            r.proto_num = 1000;
            return HeadOutcome::Closed;
        }
        if (st == LineStatus::TooLong) {
            r.status = 414;
            r.protocol = "HTTP/1.0";
            r.proto_num = 1000;
            return HeadOutcome::Error;
        }
        if (st == LineStatus::Invalid) {
            r.status = 400;
            r.protocol = "HTTP/1.0";
            r.proto_num = 1000;
            return HeadOutcome::Error;
        }
        if (!line.empty() || --blank < 0) {
            break;
        }
    }
    static const std::vector<std::string> no_registered;
    const std::vector<std::string>& registered = no_registered;
    if (const int status = parse_request_line(line, limits, r, registered)) {
        r.status = status;
        return HeadOutcome::Error;
    }
    if (r.assbackwards) {
        return HeadOutcome::Request;
    }
    std::vector<std::string> raw;
    if (const int status = read_fields(in, io, limits, r, raw)) {
        r.status = status;
        return status == 408 ? HeadOutcome::Closed : HeadOutcome::Error;
    }
    if (!beast_accepts(raw)) {
        r.status = 400;
        return HeadOutcome::Error;
    }
    if (const auto cl = r.headers_in.get("Content-Length")) {
        std::uint64_t len = 0;
        if (!strict_length(*cl, len)) {
            r.status = 400;
            return HeadOutcome::Error;
        }
        r.request_body_length = len;
    }
    if (const auto te = r.headers_in.get("Transfer-Encoding")) {
        if (!is_chunked(*te)) {
            r.status = 400;
            return HeadOutcome::Error;
        }
        r.request_chunked = true;
        if (r.request_body_length) {
            r.headers_in.unset("Content-Length");
            r.request_body_length.reset();
            r.notes.set("feather-close", "1");  // request smuggling guard: no keep-alive
        }
    }
    if (const auto host = r.headers_in.get("Host"); host && r.hostname.empty()) {
        r.hostname = std::string(*host);
    }
    return HeadOutcome::Request;
}

}  // namespace feather::runtime
