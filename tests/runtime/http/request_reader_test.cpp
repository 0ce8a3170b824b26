// Reading request heads as httpd's ap_read_request does: line limits
// (ap_rgetline), header fields (ap_get_mime_headers_core) and the framing
// checks. Expectations checked against apache2 2.4.71 (see the
// protocol_request_line and protocol_headers compat scenarios).

#include <gtest/gtest.h>

#include "runtime/http/field_reader.hpp"
#include "runtime/http/request_reader.hpp"
#include "tests/runtime/http/wire.hpp"

namespace feather::runtime {
namespace {

using namespace std::chrono_literals;

struct Read {
    Head head;
    Request r;
};

Read read_head(const std::string& bytes, HeadLimits limits = {}, bool close = true)
{
    test::Wire wire;
    wire.send(bytes);
    if (close) {
        wire.close_client();
    }
    limits.timeout = 200ms;
    InputBuffer in;
    Read out;
    out.head = read_request_head(in, wire.io(), limits, out.r);
    return out;
}

TEST(GetLine, LimitCountsTheLineEnd)
{
    // A line and its CRLF must fit `limit` bytes, or overflow by the LF alone.
    auto line_of = [](std::size_t n) { return std::string(n, 'a') + "\r\n"; };
    for (const auto& [content, expected] : std::vector<std::pair<std::size_t, LineStatus>>{
             {100, LineStatus::Ok}, {101, LineStatus::Ok}, {102, LineStatus::TooLong}}) {
        test::Wire wire;
        wire.send(line_of(content));
        InputBuffer in;
        std::string line;
        EXPECT_EQ(get_line(in, wire.io(), 102, true, 100ms, line), expected) << content;
    }
}

TEST(GetLine, BareLfNulAndEof)
{
    test::Wire wire;
    wire.send(std::string("a\nb\r\nc\0d\r\ne", 11));
    wire.close_client();
    InputBuffer in;
    std::string line;
    EXPECT_EQ(get_line(in, wire.io(), 100, true, 100ms, line),
              LineStatus::Invalid);  // bare LF, CRLF required
    EXPECT_EQ(get_line(in, wire.io(), 100, false, 100ms, line), LineStatus::Ok);
    EXPECT_EQ(line, "b");
    EXPECT_EQ(get_line(in, wire.io(), 100, false, 100ms, line), LineStatus::Invalid);  // NUL
    EXPECT_EQ(get_line(in, wire.io(), 100, false, 100ms, line), LineStatus::Eof);
}

TEST(GetLine, WithoutLfOnlyWholePiecesOverflow)
{
    // httpd waits for the LF until 8192 bytes have come.
    test::Wire wire;
    wire.send(std::string(300, 'x'));
    InputBuffer in;
    std::string line;
    EXPECT_EQ(get_line(in, wire.io(), 102, true, 100ms, line), LineStatus::Timeout);
    wire.send(std::string(8000, 'x'));
    EXPECT_EQ(get_line(in, wire.io(), 102, true, 100ms, line), LineStatus::TooLong);
}

TEST(RequestHead, FieldsCombinedInOrder)
{
    const auto rd = read_head("GET / HTTP/1.1\r\n\r\n\r\nignored", {}, true);
    EXPECT_EQ(rd.head.outcome, HeadOutcome::Request);

    const auto r2 =
        read_head("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nX-B:  2  \r\nx-a: 3\r\n\r\n");
    ASSERT_EQ(r2.head.outcome, HeadOutcome::Request);
    const auto& f = r2.r.headers_in.fields();
    ASSERT_EQ(f.size(), 3u);
    EXPECT_EQ(f[0].name, "Host");
    EXPECT_EQ(f[1].name, "X-A");
    EXPECT_EQ(f[1].value, "1, 3");
    EXPECT_EQ(f[2].value, "2");
}

TEST(RequestHead, LineErrors)
{
    auto rd = read_head("GET /" + std::string(200, 'x') + " HTTP/1.1\r\n\r\n", [] {
        HeadLimits l;
        l.request_line = 100;
        return l;
    }());
    EXPECT_EQ(rd.head.outcome, HeadOutcome::Error);
    EXPECT_EQ(rd.r.status, 414);
    EXPECT_EQ(rd.r.protocol, "HTTP/1.0");

    rd = read_head("GET / HTTP/1.1\nHost: a\r\n\r\n");
    EXPECT_EQ(rd.r.status, 400);

    rd = read_head("\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    EXPECT_EQ(rd.r.status, 400);  // the eleventh blank line is the request line

    rd = read_head("GET / HT");
    EXPECT_EQ(rd.head.outcome, HeadOutcome::Closed);  // EOF mid-line: no answer
    EXPECT_EQ(rd.r.status, 200);

    rd = read_head("GET / HT", {}, false);
    EXPECT_EQ(rd.head.outcome, HeadOutcome::Closed);  // a timeout is logged, not answered
    EXPECT_EQ(rd.r.status, 408);
}

TEST(RequestHead, FieldErrorsAndNotes)
{
    HeadLimits small;
    small.field_size = 20;
    small.fields = 2;
    auto rd = read_head("GET / HTTP/1.1\r\nX: " + std::string(40, 'a') + "\r\n\r\n", small);
    EXPECT_EQ(rd.r.status, 400);
    EXPECT_EQ(rd.r.notes.get("error-notes"),
              "Size of a request header field exceeds server limit.");

    rd = read_head("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", small);
    EXPECT_EQ(rd.r.status, 400);
    EXPECT_EQ(rd.r.notes.get("error-notes"),
              "The number of request header fields exceeds this server's limit.");

    rd = read_head("GET / HTTP/1.1\r\nX: 0123456789\r\nX: 0123456789\r\n\r\n", small);
    EXPECT_EQ(rd.r.status, 400);  // combined, the value is over the limit
    EXPECT_EQ(rd.r.notes.get("error-notes"),
              "Size of a request header field exceeds server limit.");

    rd = read_head("GET / HTTP/1.1\r\nHost: a\r\n");  // EOF in the fields
    EXPECT_EQ(rd.r.status, 400);
    rd = read_head("GET / HTTP/1.1\r\nHost: a\r\n", {}, false);
    EXPECT_EQ(rd.r.status, 408);
}

TEST(RequestHead, Framing)
{
    auto rd = read_head("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n");
    ASSERT_EQ(rd.head.outcome, HeadOutcome::Request);
    EXPECT_EQ(rd.r.request_body_length, 5u);

    for (const char* cl : {"abc", "-1", "+3", "3, 3", "", "99999999999999999999"}) {
        rd = read_head(std::string("POST / HTTP/1.1\r\nContent-Length: ") + cl + "\r\n\r\n");
        EXPECT_EQ(rd.r.status, 400) << cl;
    }
    for (const char* te : {"gzip", "identity", "chunked, gzip", "gzip chunked"}) {
        rd = read_head(std::string("POST / HTTP/1.1\r\nTransfer-Encoding: ") + te + "\r\n\r\n");
        EXPECT_EQ(rd.r.status, 400) << te;
    }
    rd = read_head(
        "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
    ASSERT_EQ(rd.head.outcome, HeadOutcome::Request);
    EXPECT_TRUE(rd.r.request_chunked);
    EXPECT_FALSE(rd.r.request_body_length);
    EXPECT_FALSE(rd.r.headers_in.has("Content-Length"));
    EXPECT_TRUE(rd.head.framing_conflict);
}

TEST(RequestHead, Http09HasNoFields)
{
    const auto rd = read_head("GET /x\r\nHost: never read\r\n\r\n");
    ASSERT_EQ(rd.head.outcome, HeadOutcome::Request);
    EXPECT_TRUE(rd.r.assbackwards);
    EXPECT_TRUE(rd.r.headers_in.empty());
}

TEST(IsChunked, HttpdRules)
{
    EXPECT_TRUE(is_chunked("chunked"));
    EXPECT_TRUE(is_chunked("CHUNKED"));
    EXPECT_TRUE(is_chunked("gzip, chunked"));
    EXPECT_TRUE(is_chunked("gzip,chunked"));
    EXPECT_FALSE(is_chunked("gzip chunked"));
    EXPECT_FALSE(is_chunked("chunked, gzip"));
    EXPECT_FALSE(is_chunked("xchunked"));
    EXPECT_FALSE(is_chunked(""));
}

TEST(StrictLength, DigitsWithoutOverflow)
{
    std::uint64_t v = 0;
    EXPECT_TRUE(parse_strict_length("0", v));
    EXPECT_EQ(v, 0u);
    EXPECT_TRUE(parse_strict_length("007", v));
    EXPECT_EQ(v, 7u);
    EXPECT_TRUE(parse_strict_length("9223372036854775807", v));
    EXPECT_FALSE(parse_strict_length("9223372036854775808", v));
    EXPECT_FALSE(parse_strict_length(" 1", v));
    EXPECT_FALSE(parse_strict_length("1 ", v));
}

TEST(FieldReader, FoldingAndSyntax)
{
    auto run = [](std::vector<std::string> lines, bool strict = true) {
        HeadLimits limits;
        limits.field_size = 40;
        limits.strict = strict;
        Request r;
        Headers h;
        const int rc = parse_header_lines(lines, limits, r, h);
        return std::make_pair(rc, h);
    };
    auto [rc, h] = run({"A: one", "  two", "\tthree"});
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(h.get("A"), "one two three");
    EXPECT_EQ(run({" A: one"}).first, 400);        // folding first
    EXPECT_EQ(run({"A: one", "   "}).first, 400);  // an empty fold
    EXPECT_EQ(run({"A: " + std::string(30, 'a'), " " + std::string(10, 'b')}).first, 400);
    EXPECT_EQ(run({"NoColon"}).first, 400);
    EXPECT_EQ(run({": v"}).first, 400);
    EXPECT_EQ(run({"A : v"}).first, 400);
    EXPECT_EQ(run({"A@B: v"}).first, 400);
    EXPECT_EQ(run({"A@B: v"}, false).first, 0);  // Unsafe: any visible name
    EXPECT_EQ(run({"A B: v"}, false).first, 400);
    EXPECT_EQ(run({"A: a\x01"}).first, 400);
    EXPECT_EQ(run({"A: a\x01"}, false).first, 0);
    EXPECT_EQ(run({"A: caf\xe9\tx"}).first, 0);
}

}  // namespace
}  // namespace feather::runtime
