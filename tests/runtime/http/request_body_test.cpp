// Request bodies as httpd's HTTP_IN filter reads them: chunk-size lines,
// chunked decoding (beast frames the chunks), LimitRequestBody, trailers and
// "100 Continue". Checked against apache2 2.4.71 in the protocol_body compat
// scenario.

#include <gtest/gtest.h>

#include "runtime/http/request_body.hpp"
#include "tests/runtime/http/wire.hpp"

namespace feather::runtime {
namespace {

using namespace std::chrono_literals;
using Res = ChunkSizeLine::Result;

Res size_line(std::string_view text, bool strict = true, std::uint64_t* size = nullptr)
{
    ChunkSizeLine line(strict);
    const Res r = line.feed(text, 8190);
    if (size != nullptr) {
        *size = line.size();
    }
    return r;
}

TEST(ChunkSizeLine, HttpdRules)
{
    std::uint64_t n = 0;
    EXPECT_EQ(size_line("1a\r\n", true, &n), Res::Done);
    EXPECT_EQ(n, 26u);
    EXPECT_EQ(size_line("0005;ext=\"q\"\r\n", true, &n), Res::Done);
    EXPECT_EQ(n, 5u);
    EXPECT_EQ(size_line("5 \t\r\n", true, &n), Res::Done);
    EXPECT_EQ(size_line("5" + std::string(11, ' ') + "\r\n"), Res::Invalid);  // over ten BWS
    EXPECT_EQ(size_line("5 x\r\n"), Res::Invalid);
    EXPECT_EQ(size_line("zz\r\n"), Res::Invalid);
    EXPECT_EQ(size_line("\r\n"), Res::Invalid);
    EXPECT_EQ(size_line("5\n"), Res::Invalid);  // strict: CRLF
    EXPECT_EQ(size_line("5\n", false, &n), Res::Done);
    EXPECT_EQ(size_line("5;a\x01\r\n"), Res::Invalid);
    EXPECT_EQ(size_line("7fffffffffffffff\r\n"), Res::Done);
    EXPECT_EQ(size_line("8000000000000000\r\n"), Res::Overflow);
    EXPECT_EQ(size_line("00000000000000000000001\r\n"), Res::Done);  // leading zeros are free
    EXPECT_EQ(size_line("12345678901234567\r\n"), Res::Overflow);
    EXPECT_EQ(size_line("5"), Res::More);
    ChunkSizeLine line(true);
    EXPECT_EQ(line.feed("5;" + std::string(100, 'x'), 50), Res::Overflow);  // LimitRequestFieldSize
}

struct BodyFixture {
    test::Wire wire;
    InputBuffer in;
    KeepAliveState ka;
    BodyReader body{in, wire.io(), ka};
    Request r;

    explicit BodyFixture(bool strict = true)
    {
        BodyLimits limits;
        limits.strict = strict;
        limits.timeout = 200ms;
        body.begin(limits);
        r.proto_num = 1001;
    }

    std::string read_all(long& last)
    {
        std::string out;
        char buf[7];
        while ((last = body.read(r, buf, sizeof buf)) > 0) {
            out.append(buf, static_cast<std::size_t>(last));
        }
        return out;
    }
};

TEST(BodyReader, ContentLength)
{
    BodyFixture f;
    f.r.request_body_length = 11;
    f.wire.send("hello worldGET / HTTP/1.1");
    long last = 0;
    EXPECT_EQ(f.read_all(last), "hello world");
    EXPECT_EQ(last, 0);
    EXPECT_EQ(f.in.view(), "GET / HTTP/1.1");  // the next request stays in the buffer
    EXPECT_FALSE(f.ka.close);
}

TEST(BodyReader, ChunkedWithTrailers)
{
    BodyFixture f;
    f.r.request_chunked = true;
    f.wire.send("5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-T: v\r\n\r\nNEXT");
    long last = 0;
    EXPECT_EQ(f.read_all(last), "hello world");
    EXPECT_EQ(last, 0);
    EXPECT_EQ(f.in.view(), "NEXT");
    EXPECT_FALSE(f.r.headers_in.has("X-T"));  // MergeTrailers off
}

TEST(BodyReader, BrokenChunksAreFramingErrors)
{
    for (const char* body : {"zz\r\n", "3\r\nhello\r\n", "5\nhello\r\n"}) {
        BodyFixture f;
        f.r.request_chunked = true;
        f.wire.send(body);
        EXPECT_EQ(f.body.discard(f.r), 400) << body;
        EXPECT_TRUE(f.body.framing_error());
        EXPECT_TRUE(f.ka.close);
    }
    BodyFixture overflow;
    overflow.r.request_chunked = true;
    overflow.wire.send("fffffffffffffffff\r\n");
    EXPECT_EQ(overflow.body.discard(overflow.r), 413);
}

TEST(BodyReader, LimitRequestBodyFromTheDeclaredLength)
{
    // Without a per-dir config the default limit (1 GiB) applies.
    BodyFixture f;
    f.r.request_body_length = (std::uint64_t{1} << 30) + 1;
    EXPECT_EQ(f.body.discard(f.r), 413);
    EXPECT_TRUE(f.body.framing_error());
    EXPECT_TRUE(f.wire.received().empty());  // no "100 Continue", nothing read
}

TEST(BodyReader, ClientGoneOrSilent)
{
    BodyFixture gone;
    gone.r.request_body_length = 10;
    gone.wire.send("abc");
    gone.wire.close_client();
    EXPECT_EQ(gone.body.discard(gone.r), 400);
    EXPECT_FALSE(gone.body.framing_error());  // answered with a length

    BodyFixture silent;
    silent.r.request_body_length = 10;
    silent.wire.send("abc");
    EXPECT_EQ(silent.body.discard(silent.r), 408);
    EXPECT_TRUE(silent.ka.close);
}

TEST(BodyReader, HundredContinue)
{
    BodyFixture f;
    f.r.request_body_length = 5;
    f.r.expecting_100 = true;
    f.wire.send("hello");
    EXPECT_EQ(f.body.discard(f.r), 0);
    EXPECT_EQ(f.wire.received(), "HTTP/1.1 100 Continue\r\n\r\n");
    EXPECT_FALSE(f.r.expecting_100);

    // An answer that is already an error does not invite the body.
    BodyFixture err;
    err.r.request_body_length = 5;
    err.r.expecting_100 = true;
    err.r.status = 404;
    EXPECT_EQ(err.body.discard(err.r), 0);
    EXPECT_EQ(err.wire.received(), "");
    EXPECT_TRUE(err.r.expecting_100);  // so the connection will not be kept

    BodyFixture http10;
    http10.r.proto_num = 1000;
    http10.r.request_body_length = 5;
    http10.r.expecting_100 = true;
    http10.wire.send("hello");
    EXPECT_EQ(http10.body.discard(http10.r), 0);
    EXPECT_EQ(http10.wire.received(), "");
}

TEST(BodyReader, DiscardSkipsWhatDropsTheConnection)
{
    BodyFixture f;
    f.r.request_body_length = 5;
    f.r.status = 400;
    EXPECT_EQ(f.body.discard(f.r), 0);
    EXPECT_TRUE(f.ka.close);
}

}  // namespace
}  // namespace feather::runtime
