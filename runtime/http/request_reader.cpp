#include "runtime/http/request_reader.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <cstring>

#include "runtime/http/field_reader.hpp"

namespace feather::runtime {

namespace {

namespace http = boost::beast::http;

constexpr int kBlankLinesAllowed = 10;    // httpd's DEFAULT_LIMIT_BLANK_LINES
constexpr std::size_t kLinePiece = 8192;  // apr_brigade_split_line's HUGE_STRING_LEN

// boost::beast checks the field block of a strict request as an HTTP/1.1
// message. The framing and connection fields are left out: httpd has its
// own rules for them (a Content-Length beside Transfer-Encoding is dropped,
// not refused; Connection may hold anything).
class FieldBlockCheck final : public http::basic_parser<true> {
public:
    FieldBlockCheck() { header_limit(std::numeric_limits<std::uint32_t>::max()); }

private:
    void on_request_impl(http::verb, boost::beast::string_view, boost::beast::string_view, int,
                         boost::beast::error_code&) override
    {}
    void on_response_impl(int, boost::beast::string_view, int, boost::beast::error_code&) override
    {}
    void on_field_impl(http::field, boost::beast::string_view, boost::beast::string_view,
                       boost::beast::error_code&) override
    {}
    void on_header_impl(boost::beast::error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>&,
                           boost::beast::error_code&) override
    {}
    std::size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code&) override
    {
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, boost::beast::string_view,
                              boost::beast::error_code&) override
    {}
    std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                                   boost::beast::error_code&) override
    {
        return body.size();
    }
    void on_finish_impl(boost::beast::error_code&) override {}
};

bool beast_accepts(const Headers& fields)
{
    std::string head = "GET / HTTP/1.1\r\n";
    for (const auto& f : fields.fields()) {
        if (iequal(f.name, "Content-Length") || iequal(f.name, "Transfer-Encoding") ||
            iequal(f.name, "Connection") || iequal(f.name, "Proxy-Connection") ||
            iequal(f.name, "Upgrade")) {
            continue;
        }
        head += f.name;
        head += ": ";
        head += f.value;
        head += "\r\n";
    }
    head += "\r\n";
    FieldBlockCheck p;
    p.eager(false);
    boost::beast::error_code ec;
    p.put(boost::asio::buffer(head.data(), head.size()), ec);
    return !ec || ec == http::error::need_more;
}

void as_http10(Request& r)
{
    r.protocol = "HTTP/1.0";
    r.proto_num = 1000;
}

}  // namespace

LineStatus get_line(InputBuffer& in, SocketIo& io, std::size_t limit, bool crlf,
                    std::chrono::milliseconds timeout, std::string& line)
{
    while (true) {
        const std::string_view avail = in.view();
        const std::size_t lf = avail.find('\n');
        if (lf != std::string_view::npos) {
            const std::size_t with_end = lf + 1;
            const bool cr = lf > 0 && avail[lf - 1] == '\r';
            // The line and its end must fit `limit` bytes; a CRLF whose LF
            // alone overflows still fits (the CR's byte holds the NUL).
            if (with_end > limit && !(with_end == limit + 1 && cr)) {
                return LineStatus::TooLong;
            }
            const std::size_t end = cr ? lf - 1 : lf;
            line.assign(avail.substr(0, end));
            in.consume(with_end);
            if (!cr && crlf) {
                return LineStatus::Invalid;
            }
            if (line.find('\0') != std::string::npos) {
                return LineStatus::Invalid;  // PR 43039: no NUL in a line
            }
            return LineStatus::Ok;
        }
        // httpd takes a line in pieces of 8192 bytes (HUGE_STRING_LEN) while
        // no LF has come: only a whole piece can overflow the limit.
        if (avail.size() / kLinePiece * kLinePiece > limit) {
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
            return LineStatus::Eof;
        }
        in.data.append(buf, got);
    }
}

bool parse_strict_length(std::string_view s, std::uint64_t& out)
{
    if (s.empty() || s.front() < '0' || s.front() > '9') {
        return false;
    }
    std::uint64_t v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (v > (static_cast<std::uint64_t>(INT64_MAX) - d) / 10) {
            return false;  // apr_off_t overflow
        }
        v = v * 10 + d;
    }
    out = v;
    return true;
}

bool is_chunked(std::string_view te)
{
    constexpr std::string_view kChunked = "chunked";
    if (te.size() < kChunked.size()) {
        return false;
    }
    if (te.size() == kChunked.size()) {
        return iequal(te, kChunked);
    }
    // "chunked" ends the value, after white space or a comma ...
    const std::size_t at = te.size() - kChunked.size();
    const char before = te[at - 1];
    if (!(before == ',' || before == ' ' || before == '\t' || before == '\n' || before == '\v' ||
          before == '\f' || before == '\r') ||
        !iequal(te.substr(at), kChunked)) {
        return false;
    }
    // ... and what precedes it, spaces skipped, is a comma (or a space at
    // the very start).
    std::size_t s = at;
    while (--s > 0) {
        if (te[s] != ' ') {
            break;
        }
    }
    return te[s] == ',' || te[s] == ' ';
}

int parse_header_lines(std::span<const std::string> lines, const HeadLimits& limits, Request& r,
                       Headers& into)
{
    FieldReader reader(limits, r, into);
    for (const auto& l : lines) {
        const int rc = reader.line(l);
        if (rc == FieldReader::kDone) {
            return 0;
        }
        if (rc != 0) {
            return rc;
        }
    }
    return reader.line("") == FieldReader::kDone ? 0 : 400;
}

Head read_request_head(InputBuffer& in, SocketIo& io, const HeadLimits& limits, Request& r)
{
    Head head;
    std::string line;
    int blank = kBlankLinesAllowed;
    while (true) {
        const LineStatus st =
            get_line(in, io, limits.request_line + 2, limits.strict, limits.timeout, line);
        if (st == LineStatus::Eof) {
            return head;  // nothing to answer (httpd: "not worth dying with")
        }
        if (st == LineStatus::Timeout) {
            r.status = 408;  // logged, not answered
            as_http10(r);
            return head;
        }
        if (st != LineStatus::Ok) {
            r.status = st == LineStatus::TooLong ? 414 : 400;
            as_http10(r);
            head.outcome = HeadOutcome::Error;
            return head;
        }
        if (!line.empty() || --blank < 0) {
            break;
        }
    }
    RequestLineRules rules;
    rules.strict = limits.strict;
    rules.allow_09 = limits.allow_09;
    rules.registered_methods = limits.registered_methods;
    rules.registered = limits.registered;
    head.line = parse_request_line(line, rules, r);
    if (head.line.status != 0) {
        r.status = head.line.status;
        head.outcome = HeadOutcome::Error;
        return head;
    }
    if (r.assbackwards) {
        head.outcome = HeadOutcome::Request;
        return head;
    }

    FieldReader reader(limits, r, r.headers_in);
    while (true) {
        const LineStatus st =
            get_line(in, io, limits.field_size + 2, limits.strict, limits.timeout, line);
        int rc = 0;
        if (st == LineStatus::Timeout) {
            rc = 408;
        } else if (st == LineStatus::TooLong) {
            r.notes.set("error-notes", "Size of a request header field exceeds server limit.");
            rc = 400;
        } else if (st != LineStatus::Ok) {
            rc = 400;
        } else {
            rc = reader.line(line);
            if (rc == FieldReader::kDone) {
                break;
            }
        }
        if (rc != 0) {
            r.status = rc;
            head.outcome = HeadOutcome::Error;
            return head;
        }
    }
    if (limits.strict && !beast_accepts(r.headers_in)) {
        r.status = 400;
        head.outcome = HeadOutcome::Error;
        return head;
    }

    const auto cl = r.headers_in.get("Content-Length");
    if (cl) {
        std::uint64_t len = 0;
        if (!parse_strict_length(*cl, len)) {
            r.status = 400;
            head.outcome = HeadOutcome::Error;
            return head;
        }
        r.request_body_length = len;
    }
    if (const auto te = r.headers_in.get("Transfer-Encoding")) {
        // RFC 7230 3.3.3: a request whose last coding is not chunked has no
        // knowable length.
        if (!is_chunked(*te)) {
            r.status = 400;
            head.outcome = HeadOutcome::Error;
            return head;
        }
        r.request_chunked = true;
        if (cl) {
            // Transfer-Encoding wins; the connection is not reused, so that
            // nothing can be smuggled past an intermediary.
            r.headers_in.unset("Content-Length");
            r.request_body_length.reset();
            head.framing_conflict = true;
        }
    }
    head.outcome = HeadOutcome::Request;
    return head;
}

}  // namespace feather::runtime
