// Conditional requests as httpd's ap_meets_conditions answers them, entity
// tag lists as util.c's find_list_item reads them, and HTTP dates as
// apr_date_parse_http parses them.

#include <gtest/gtest.h>

#include "modules/core/methods.hpp"
#include "runtime/http/conditional.hpp"

namespace feather::runtime {
namespace {

constexpr std::int64_t kMtime = 1700000000;  // Tue, 14 Nov 2023 22:13:20 GMT
const char* const kMtimeText = "Tue, 14 Nov 2023 22:13:20 GMT";

// A GET whose response has ETag "x" and Last-Modified kMtime, made
// `age` seconds after that.
Request response(std::int64_t age = 3600)
{
    Request r;
    r.method = "GET";
    r.method_number = mod::core::kMethodGet;
    r.status = 200;
    r.request_time_us = (kMtime + age) * 1000000;
    r.mtime_us = kMtime * 1000000;
    r.headers_out.set("Last-Modified", kMtimeText);
    r.headers_out.set("ETag", "\"x\"");
    return r;
}

TEST(ConditionalEtags, StrongListsStopAtTheFirstWeakItem)
{
    EXPECT_TRUE(find_etag_strong("\"a\"", "\"a\""));
    EXPECT_TRUE(find_etag_strong("\"b\", \"a\"", "\"a\""));
    EXPECT_TRUE(find_etag_strong(" ,\"a\"  ", "\"a\""));
    EXPECT_FALSE(find_etag_strong("W/\"a\"", "\"a\""));
    EXPECT_FALSE(find_etag_strong("W/\"x\", \"a\"", "\"a\""));  // the scan stops at W/
    EXPECT_FALSE(find_etag_strong("\"a\"", "W/\"a\""));
    EXPECT_FALSE(find_etag_strong("\"A\"", "\"a\""));  // quoted text is exact
    EXPECT_FALSE(find_etag_strong("\"ab\"", "\"a\""));
    EXPECT_FALSE(find_etag_strong("\"a\"", "\"ab\""));  // a prefix is no match
    EXPECT_FALSE(find_etag_strong("", "\"a\""));
}

TEST(ConditionalEtags, WeakListsIgnoreTheWeakMark)
{
    EXPECT_TRUE(find_etag_weak("W/\"a\"", "\"a\""));
    EXPECT_TRUE(find_etag_weak("\"a\"", "W/\"a\""));
    EXPECT_TRUE(find_etag_weak("W/\"x\", W/\"a\"", "\"a\""));
    EXPECT_TRUE(find_etag_weak("\"x\",,\"a\"", "W/\"a\""));
    EXPECT_FALSE(find_etag_weak("x, \"a\"", "\"a\""));  // an unquoted item ends the scan
    EXPECT_FALSE(find_etag_weak("\"a\"", "a"));
}

TEST(ConditionalDates, ThreeFormatsAndTheirLimits)
{
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
    EXPECT_EQ(parse_http_date("Sun, 6 Nov 1994 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("  Sun, 06 Nov 1994 08:49:37 junk"),
              784111777);  // the zone is not read
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:61 GMT"), 784111801);  // leap seconds pass
    EXPECT_EQ(parse_http_date("Thu, 29 Feb 1996 00:00:00 GMT"), 825552000);
    EXPECT_EQ(parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT"), 951782400);
    EXPECT_EQ(parse_http_date("Mon, 02-Jan-69 03:04:05 GMT"), 3124321445);  // 69 is 2069
    EXPECT_EQ(parse_http_date(kMtimeText), kMtime);
    // APR_DATE_BAD
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37"), 0);  // a space must follow the time
    EXPECT_EQ(parse_http_date("Sun, 06 nov 1994 08:49:37 GMT"), 0);
    EXPECT_EQ(parse_http_date("Sun,06 Nov 1994 08:49:37 GMT"), 0);
    EXPECT_EQ(parse_http_date("Sun, 31 Apr 1994 08:49:37 GMT"), 0);
    EXPECT_EQ(parse_http_date("Mon, 29 Feb 2100 00:00:00 GMT"), 0);
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 24:00:00 GMT"), 0);
    EXPECT_EQ(parse_http_date("Wed, 31 Dec 1969 23:59:59 GMT"), 0);
    EXPECT_EQ(parse_http_date("Sun, 06 Xyz 1994 08:49:37 GMT"), 0);
    EXPECT_EQ(parse_http_date("yesterday"), 0);
    EXPECT_EQ(parse_http_date(""), 0);
}

TEST(ConditionalMeets, IfMatchIsStrong)
{
    auto r = response();
    r.headers_in.set("If-Match", "\"y\"");
    EXPECT_EQ(meets_conditions(r), 412);
    r.headers_in.set("If-Match", "W/\"x\"");
    EXPECT_EQ(meets_conditions(r), 412);
    r.headers_in.set("If-Match", "\"y\", \"x\"");
    EXPECT_EQ(meets_conditions(r), 0);
    r.headers_in.set("If-Match", "*");
    EXPECT_EQ(meets_conditions(r), 0);
    r.headers_out.unset("ETag");
    r.headers_in.set("If-Match", "\"x\"");
    EXPECT_EQ(meets_conditions(r), 412);
}

TEST(ConditionalMeets, IfNoneMatchIsWeakForGetOnly)
{
    auto r = response();
    r.headers_in.set("If-None-Match", "W/\"x\"");
    EXPECT_EQ(meets_conditions(r), 304);
    r.headers_in.set("If-None-Match", "\"y\"");
    EXPECT_EQ(meets_conditions(r), 0);
    r.headers_in.set("If-None-Match", "*");
    EXPECT_EQ(meets_conditions(r), 304);
    r.method = "POST";
    r.method_number = mod::core::kMethodPost;
    EXPECT_EQ(meets_conditions(r), 412);
    r.headers_in.set("If-None-Match", "W/\"x\"");
    EXPECT_EQ(meets_conditions(r), 0);  // strong comparison for other methods
    r.headers_in.set("If-None-Match", "\"x\"");
    EXPECT_EQ(meets_conditions(r), 412);

    auto ranged = response();
    ranged.headers_in.set("Range", "bytes=0-1");
    ranged.headers_in.set("If-None-Match", "W/\"x\"");
    EXPECT_EQ(meets_conditions(ranged), 0);  // no weak match with a Range
    ranged.headers_in.set("If-None-Match", "\"x\"");
    EXPECT_EQ(meets_conditions(ranged), 304);
}

TEST(ConditionalMeets, IfModifiedSince)
{
    auto r = response();
    r.headers_in.set("If-Modified-Since", kMtimeText);
    EXPECT_EQ(meets_conditions(r), 304);
    r.headers_in.set("If-Modified-Since", "Tue, 14 Nov 2023 22:13:19 GMT");
    EXPECT_EQ(meets_conditions(r), 0);
    r.headers_in.set("If-Modified-Since", "Tue, 14 Nov 2023 23:13:21 GMT");  // after the request
    EXPECT_EQ(meets_conditions(r), 0);
    r.headers_in.set("If-Modified-Since", "not a date");
    EXPECT_EQ(meets_conditions(r), 0);

    auto fresh = response(30);  // changed within the minute: a weak match
    fresh.headers_in.set("If-Modified-Since", kMtimeText);
    EXPECT_EQ(meets_conditions(fresh), 304);
    fresh.headers_in.set("Range", "bytes=0-1");
    EXPECT_EQ(meets_conditions(fresh), 0);

    auto head = response();
    head.method = "HEAD";
    head.header_only = true;
    head.headers_in.set("If-Modified-Since", kMtimeText);
    EXPECT_EQ(meets_conditions(head), 304);
    auto post = response();
    post.method_number = mod::core::kMethodPost;
    post.headers_in.set("If-Modified-Since", kMtimeText);
    EXPECT_EQ(meets_conditions(post), 0);
}

TEST(ConditionalMeets, IfUnmodifiedSinceAndTheOrder)
{
    auto r = response();
    r.headers_in.set("If-Unmodified-Since", "Tue, 14 Nov 2023 22:13:19 GMT");
    EXPECT_EQ(meets_conditions(r), 412);
    r.headers_in.set("If-Unmodified-Since", "garbage");
    EXPECT_EQ(meets_conditions(r), 0);
    // A passed If-Unmodified-Since rules out a later 304 (httpd's order).
    r.headers_in.set("If-Unmodified-Since", kMtimeText);
    r.headers_in.set("If-None-Match", "\"x\"");
    EXPECT_EQ(meets_conditions(r), 0);
    // If-None-Match matched but If-Modified-Since did not: no 304.
    auto both = response();
    both.headers_in.set("If-None-Match", "\"x\"");
    both.headers_in.set("If-Modified-Since", "Tue, 14 Nov 2023 22:13:19 GMT");
    EXPECT_EQ(meets_conditions(both), 0);
    // If-Match fails first.
    auto first = response();
    first.headers_in.set("If-Match", "\"nope\"");
    first.headers_in.set("If-None-Match", "\"x\"");
    EXPECT_EQ(meets_conditions(first), 412);
}

TEST(ConditionalMeets, IfRangeLeavesItToTheRangeFilter)
{
    auto r = response();
    r.headers_in.set("Range", "bytes=0-1");
    r.headers_in.set("If-None-Match", "\"x\"");
    r.headers_in.set("If-Range", "\"x\"");
    EXPECT_EQ(meets_conditions(r), 0);
    EXPECT_EQ(condition_if_range(r), Condition::Strong);
    r.headers_in.set("If-Range", "\"y\"");
    EXPECT_EQ(condition_if_range(r), Condition::NoMatch);
    EXPECT_EQ(meets_conditions(r), 0);  // any If-Range (even failing) leaves it to the filter
    r.headers_in.unset("If-Range");
    EXPECT_EQ(meets_conditions(r), 304);
    r.headers_in.set("If-Range", kMtimeText);
    EXPECT_EQ(condition_if_range(r), Condition::Strong);
    auto fresh = response(59);  // a date within the minute is too weak
    fresh.headers_in.set("Range", "bytes=0-1");
    fresh.headers_in.set("If-Range", kMtimeText);
    EXPECT_EQ(condition_if_range(fresh), Condition::NoMatch);
    fresh.headers_in.unset("Range");
    EXPECT_EQ(condition_if_range(fresh), Condition::None);
}

TEST(ConditionalMeets, OnlySuccessfulMainResponses)
{
    auto r = response();
    r.headers_in.set("If-Match", "\"y\"");
    r.status = 404;
    EXPECT_EQ(meets_conditions(r), 0);
    r.status = 200;
    Request parent;
    r.main = &parent;
    EXPECT_EQ(meets_conditions(r), 0);
    r.main = nullptr;
    parent.status = 404;  // an ErrorDocument's request
    r.prev = &parent;
    EXPECT_EQ(meets_conditions(r), 0);
}

}  // namespace
}  // namespace feather::runtime
