// httpd's byterange filter (modules/http/byterange_filter.c) over a
// finished response: which Range headers it honours, how it merges ranges,
// its limits, and the exact multipart/byteranges bytes.

#include <gtest/gtest.h>

#include "runtime/http/byterange.hpp"
#include "runtime/http/response_meta.hpp"
#include "tests/runtime/http/serving_fixture.hpp"

namespace feather::test::serving {
namespace {

using runtime::apply_byteranges;
using runtime::multipart_boundary;

const std::string kBody = "0123456789abcdefghij";

std::string body_text(const Request& r)
{
    std::string out;
    for (const auto& part : r.body) {
        if (const auto* s = std::get_if<std::string>(&part)) {
            out += *s;
        } else {
            const auto& fr = std::get<FileRange>(part);
            out += "[" + std::to_string(fr.offset) + "+" + std::to_string(fr.length) + "]";
        }
    }
    return out;
}

class RangeTest : public ::testing::Test {
protected:
    explicit RangeTest(const std::string& extra = "") : s("DocumentRoot @ROOT@/htdocs\n" + extra) {}

    std::unique_ptr<Request> ranged(const std::string& range)
    {
        auto r = s.request("/a.txt");
        r->content_type = "text/plain";
        r->body.emplace_back(kBody);
        r->headers_out.set("Content-Length", "20");
        if (!range.empty()) {
            r->headers_in.set("Range", range);
        }
        return r;
    }

    Serving s;
};

TEST_F(RangeTest, OneRange)
{
    struct Case {
        const char* range;
        const char* content_range;
        const char* body;
    };
    const Case cases[] = {
        {"bytes=0-2", "bytes 0-2/20", "012"},
        {"Bytes=0-2", "bytes 0-2/20", "012"},
        {"bytes=-3", "bytes 17-19/20", "hij"},
        {"bytes=-30", "bytes 0-19/20", kBody.c_str()},
        {"bytes=15-", "bytes 15-19/20", "fghij"},
        {"bytes=18-40", "bytes 18-19/20", "ij"},
        {"bytes=0-1,1-2", "bytes 0-2/20", "012"},  // overlapping: merged
        {"bytes=0-1,2-3", "bytes 0-3/20", "0123"},  // adjacent: merged
        {"bytes=2-3,0-2", "bytes 0-3/20", "0123"},  // a reversal, merged
        {"bytes=3-5,0-", "bytes 0-19/20", kBody.c_str()},  // "0-" is everything
        {"bytes=50-60,0-1", "bytes 0-1/20", "01"},  // the unsatisfiable one is dropped
        {"bytes=0-1,,", "bytes 0-1/20", "01"},
    };
    for (const auto& c : cases) {
        auto r = ranged(c.range);
        EXPECT_EQ(apply_byteranges(*r), 0) << c.range;
        EXPECT_EQ(r->status, 206) << c.range;
        EXPECT_EQ(r->headers_out.get("Content-Range").value_or(""), c.content_range) << c.range;
        EXPECT_EQ(body_text(*r), c.body) << c.range;
        EXPECT_EQ(r->headers_out.get("Content-Length").value_or(""),
                  std::to_string(std::string(c.body).size()));
        EXPECT_EQ(r->content_type, "text/plain");
        // Content-Length keeps its place, Content-Range comes last.
        ASSERT_EQ(r->headers_out.fields().size(), 2u);
        EXPECT_EQ(r->headers_out.fields()[0].name, "Content-Length");
    }
}

TEST_F(RangeTest, Multipart)
{
    auto r = ranged("bytes=0-2,5-6");
    EXPECT_EQ(apply_byteranges(*r), 0);
    EXPECT_EQ(r->status, 206);
    const std::string& b = multipart_boundary();
    EXPECT_EQ(r->content_type, "multipart/byteranges; boundary=" + b);
    const std::string expected =
        "\r\n--" + b + "\r\nContent-type: text/plain\r\nContent-range: bytes 0-2/20\r\n\r\n012" +
        "\r\n--" + b + "\r\nContent-type: text/plain\r\nContent-range: bytes 5-6/20\r\n\r\n56" +
        "\r\n--" + b + "--\r\n";
    EXPECT_EQ(body_text(*r), expected);
    EXPECT_EQ(r->headers_out.get("Content-Length"), std::to_string(expected.size()));
    EXPECT_FALSE(r->headers_out.has("Content-Range"));

    // Out of order ranges stay in the order asked; without a type there is
    // no Content-type line.
    auto untyped = ranged("bytes=10-11,0-1");
    untyped->content_type.clear();
    EXPECT_EQ(apply_byteranges(*untyped), 0);
    EXPECT_EQ(body_text(*untyped), "\r\n--" + b + "\r\nContent-range: bytes 10-11/20\r\n\r\nab" +
                                       "\r\n--" + b + "\r\nContent-range: bytes 0-1/20\r\n\r\n01" +
                                       "\r\n--" + b + "--\r\n");
    // The boundary is 64 random bits in hex, fixed in the process.
    EXPECT_LE(b.size(), 16u);
    EXPECT_EQ(b.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(&b, &multipart_boundary());
}

TEST_F(RangeTest, FileParts)
{
    auto r = s.request("/a.txt");
    auto file = std::make_shared<OpenFile>();
    r->body.emplace_back(FileRange{file, 100, 10});
    r->body.emplace_back(std::string("XYZ"));
    r->body.emplace_back(FileRange{file, 500, 7});
    r->headers_in.set("Range", "bytes=8-11,18-19");
    EXPECT_EQ(apply_byteranges(*r), 0);
    const std::string& b = multipart_boundary();
    EXPECT_EQ(body_text(*r), "\r\n--" + b + "\r\nContent-range: bytes 8-11/20\r\n\r\n[108+2]XY" +
                                 "\r\n--" + b + "\r\nContent-range: bytes 18-19/20\r\n\r\n[505+2]" +
                                 "\r\n--" + b + "--\r\n");
}

TEST_F(RangeTest, Ignored)
{
    const char* ignored[] = {
        "bytes=1-2, 4-5",  // no blanks
        "bytes=5-1",  // backwards
        "bytes=x",
        "bytes=-0",
        "bytes=1-x",
        "bytes=+1-2",
        "items=0-1",
        "bytes=0-1,garbage",
        "bytes=10-19,0-5,0-15",  // more bytes than the body has
        "bytes=",
    };
    for (const char* range : ignored) {
        auto r = ranged(range);
        EXPECT_EQ(apply_byteranges(*r), 0) << range;
        EXPECT_EQ(r->status, 200) << range;
        EXPECT_EQ(body_text(*r), kBody) << range;
        EXPECT_FALSE(r->headers_out.has("Content-Range")) << range;
    }
    auto not_ok = ranged("bytes=0-1");
    not_ok->status = 404;
    EXPECT_EQ(apply_byteranges(*not_ok), 0);
    EXPECT_EQ(not_ok->status, 404);
    auto already = ranged("bytes=0-1");
    already->headers_out.set("Content-Range", "bytes 0-19/40");
    EXPECT_EQ(apply_byteranges(*already), 0);
    EXPECT_EQ(already->status, 200);
    auto empty = ranged("bytes=50-");
    empty->body.clear();
    EXPECT_EQ(apply_byteranges(*empty), 0);  // nothing to cut: no 416
    auto nine = ranged("bytes=0-1");
    nine->assbackwards = true;
    EXPECT_EQ(apply_byteranges(*nine), 0);
    EXPECT_EQ(nine->status, 200);
    // If-Range decides with the response's validators.
    auto if_range = ranged("bytes=0-1");
    if_range->headers_out.set("ETag", "\"v1\"");
    if_range->headers_in.set("If-Range", "\"v0\"");
    EXPECT_EQ(apply_byteranges(*if_range), 0);
    EXPECT_EQ(if_range->status, 200);
    if_range->headers_in.set("If-Range", "\"v1\"");
    EXPECT_EQ(apply_byteranges(*if_range), 0);
    EXPECT_EQ(if_range->status, 206);
}

TEST_F(RangeTest, Unsatisfiable)
{
    for (const char* range : {"bytes=20-", "bytes=50-60", "bytes=20-30,40-"}) {
        auto r = ranged(range);
        EXPECT_EQ(apply_byteranges(*r), 416) << range;
        EXPECT_EQ(r->status, 200) << range;  // the caller answers 416 through ap_die
    }
}

class RangeLimits : public RangeTest {
protected:
    RangeLimits() : RangeTest("MaxRanges 2\nMaxRangeOverlaps 1\nMaxRangeReversals 1\n") {}
};

TEST_F(RangeLimits, PastALimitTheWholeBodyIsSent)
{
    EXPECT_EQ(apply_byteranges(*ranged("bytes=0-0,2-2")), 0);
    auto two = ranged("bytes=0-0,2-2");
    apply_byteranges(*two);
    EXPECT_EQ(two->status, 206);
    auto three = ranged("bytes=0-0,2-2,4-4");
    apply_byteranges(*three);
    EXPECT_EQ(three->status, 200);
    auto overlaps = ranged("bytes=0-3,1-2,2-3");  // two overlaps
    apply_byteranges(*overlaps);
    EXPECT_EQ(overlaps->status, 200);
    auto reversals = ranged("bytes=5-6,3-5,1-3");  // two reversals
    apply_byteranges(*reversals);
    EXPECT_EQ(reversals->status, 200);
    auto one_each = ranged("bytes=5-6,3-5");
    apply_byteranges(*one_each);
    EXPECT_EQ(one_each->status, 206);
}

class NoRanges : public RangeTest {
protected:
    NoRanges() : RangeTest("MaxRanges none\n") {}
};

TEST_F(NoRanges, NoneAndAcceptRanges)
{
    auto r = ranged("bytes=0-1");
    EXPECT_EQ(apply_byteranges(*r), 0);
    EXPECT_EQ(r->status, 200);
    runtime::set_accept_ranges(*r);
    EXPECT_EQ(r->headers_out.get("Accept-Ranges"), "none");
    Serving plain("DocumentRoot @ROOT@/htdocs\n");
    auto p = plain.request("/");
    runtime::set_accept_ranges(*p);
    EXPECT_EQ(p->headers_out.get("Accept-Ranges"), "bytes");
}

}  // namespace
}  // namespace feather::test::serving
