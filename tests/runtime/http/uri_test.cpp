// The request-target functions against httpd's behaviour (server/util.c
// ap_normalize_path and ap_unescape_url_ex, APR-util's apr_uri_parse,
// server/protocol.c ap_parse_uri). The CVE-2021-41773/42013 forms are here
// and, end to end against a running server, in tests/e2e/serving_test.cpp.

#include <gtest/gtest.h>

#include "modules/core/methods.hpp"
#include "runtime/http/uri.hpp"

namespace feather::runtime {
namespace {

constexpr unsigned kRequestFlags =
    kNormalizeNotAboveRoot | kNormalizeMergeSlashes | kNormalizeDecodeUnreserved;

struct NormalizeCase {
    const char* in;
    unsigned flags;
    bool ok;
    const char* out;
};

TEST(UriNormalize, AsHttpdRewritesPaths)
{
    const NormalizeCase cases[] = {
        {"/a/./b", kRequestFlags, true, "/a/b"},
        {"/a/../b", kRequestFlags, true, "/b"},
        {"/a/b/..", kRequestFlags, true, "/a/"},
        {"/a/.", kRequestFlags, true, "/a/"},
        {"/a//b///c", kRequestFlags, true, "/a/b/c"},
        {"/a//b", kNormalizeNotAboveRoot, true, "/a//b"},
        {"/a//../b", kNormalizeNotAboveRoot, true, "/a/b"},  // "//.." only drops the empty segment
        {"/%41%7e%2D%5f%2e", kRequestFlags, true, "/A~-_."},
        {"/a%2fb%20c", kRequestFlags, true, "/a%2fb%20c"},  // only unreserved bytes are decoded
        {"/a/%2e%2e/b", kRequestFlags, true, "/b"},
        {"/a/.%2e/b", kRequestFlags, true, "/b"},
        {"/a/%2E./b", kRequestFlags, true, "/b"},
        {"/a/.%2E", kRequestFlags, true, "/"},
        {"/a/%2e", kRequestFlags, true, "/a/"},
        {"/a%2e%2e/b", kRequestFlags, true, "/a../b"},
        {"/a/b/%2e%2e%2f", kRequestFlags, true, "/a/b/..%2f"},
        {"/a/%252e%252e/b", kRequestFlags, true, "/a/%252e%252e/b"},
        // above the root
        {"/../a", kRequestFlags, false, "/a"},
        {"/a/../../b", kRequestFlags, false, "/b"},
        {"/a/../../b", kNormalizeMergeSlashes, true, "/b"},
        {"//../a", kRequestFlags, false, "/a"},
        {"/%2e%2e/a", kRequestFlags, false, "/a"},
        {"/.%2e/a", kRequestFlags, false, "/a"},
        {"/cgi-bin/.%2e/%2e%2e/%2e%2e/etc/passwd", kRequestFlags, false, "/etc/passwd"},
        // invalid escapes (CVE-2021-42013's ".%%32%65")
        {"/.%%32%65/a", kRequestFlags, false, "/.%2e/a"},  // "%32" decodes to '2'
        {"/cgi-bin/.%%32%65/.%%32%65/x", kRequestFlags, false, "/cgi-bin/.%2e/.%2e/x"},
        {"/a%zz", kRequestFlags, false, "/a%zz"},
        {"/a%2", kRequestFlags, false, "/a%2"},
        {"/a%zz", kNormalizeNotAboveRoot, true, "/a%zz"},  // not decoding: no check
        // not a path
        {"*", kRequestFlags, true, "*"},
        {"a/b", kRequestFlags, false, "a/b"},
        {"", kRequestFlags | kNormalizeAllowRelative, false, ""},
        {"a/./b/../c", kRequestFlags | kNormalizeAllowRelative, true, "a/c"},
        {"../a", kRequestFlags | kNormalizeAllowRelative, false, "a"},
        {"../a", kNormalizeAllowRelative, true, "a"},
    };
    for (const auto& c : cases) {
        std::string path = c.in;
        EXPECT_EQ(normalize_path(path, c.flags), c.ok) << c.in;
        EXPECT_EQ(path, c.out) << c.in;
    }
}

struct UnescapeCase {
    const char* in;
    unsigned flags;
    int status;
    const char* out;
};

TEST(UriUnescape, AllowEncodedSlashesAndBadEscapes)
{
    constexpr unsigned kOff = kUnescapeKeepUnreserved | kUnescapeForbidSlashes;
    constexpr unsigned kNoDecode = kUnescapeKeepUnreserved | kUnescapeKeepSlashes;
    constexpr unsigned kOn = kUnescapeKeepUnreserved;
    const UnescapeCase cases[] = {
        {"/plain", kOff, 0, "/plain"},
        {"/a%20b%C3%A9", kOff, 0, "/a b\xc3\xa9"},
        {"/a%2fb", kOff, 404, "/a/b"},
        {"/a%2Fb", kNoDecode, 0, "/a%2Fb"},
        {"/a%2fb", kOn, 0, "/a/b"},
        {"/a%zzb", kOn, 400, "/a%zzb"},
        {"/a%2f%zz", kOff, 400, "/a/%zz"},  // a bad escape wins over a bad path
        {"/a%", kOn, 400, "/a%"},
        {"/%41%2e", kOn, 0, "/%41%2e"},  // unreserved bytes stay encoded (decoded before)
        {"/%41", 0, 0, "/A"},
        {"/%252e", kOn, 0, "/%2e"},
    };
    for (const auto& c : cases) {
        std::string path = c.in;
        EXPECT_EQ(unescape_url(path, c.flags), c.status) << c.in;
        EXPECT_EQ(path, c.out) << c.in;
    }
    std::string nul = "/a%00b";
    EXPECT_EQ(unescape_url(nul, kOn), 404);
    EXPECT_EQ(nul, std::string("/a\0b", 4));
}

TEST(UriNo2Slash, MergesRuns)
{
    std::string p = "//a///b/c//";
    no2slash(p);
    EXPECT_EQ(p, "/a/b/c/");
}

TEST(UriParse, Components)
{
    auto u = split_uri("/a/b?x=1&y#frag");
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->scheme);
    EXPECT_EQ(u->path, "/a/b");
    EXPECT_EQ(u->query, "x=1&y");
    EXPECT_EQ(u->fragment, "frag");

    u = split_uri("http://us:pw@Host.example:8080/p?q");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->scheme, "http");
    EXPECT_EQ(u->hostinfo, "us:pw@Host.example:8080");
    EXPECT_EQ(u->user, "us");
    EXPECT_EQ(u->password, "pw");
    EXPECT_EQ(u->hostname, "Host.example");
    EXPECT_EQ(u->port_str, "8080");
    EXPECT_EQ(u->port, 8080);
    EXPECT_EQ(u->path, "/p");
    EXPECT_EQ(u->query, "q");

    u = split_uri("http://host");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->hostname, "host");
    EXPECT_FALSE(u->path);

    u = split_uri("http://host:/x");  // an empty port is the scheme's
    ASSERT_TRUE(u);
    EXPECT_EQ(u->port_str, "");
    EXPECT_EQ(u->port, 80);

    u = split_uri("http://[::1]:81/x");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->hostname, "::1");
    EXPECT_EQ(u->port, 81);

    u = split_uri("http://[::1]/x");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->hostname, "::1");
    EXPECT_FALSE(u->port_str);

    u = split_uri("//authority/path");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->hostname, "authority");
    EXPECT_EQ(u->path, "/path");

    u = split_uri("*");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->path, "*");

    u = split_uri("mailto:x");  // a scheme and a relative path
    ASSERT_TRUE(u);
    EXPECT_EQ(u->scheme, "mailto");
    EXPECT_EQ(u->path, "x");

    EXPECT_FALSE(split_uri("http://host:8x/"));
    EXPECT_FALSE(split_uri("http://[::1/"));
    EXPECT_FALSE(split_uri("1a:b/c"));  // no scheme: no ':' before the first '/'
    EXPECT_TRUE(split_uri("a:b"));

    auto h = split_hostinfo("example.com:443");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->hostname, "example.com");
    EXPECT_EQ(h->port, 443);
    EXPECT_FALSE(split_hostinfo("example.com"));
    EXPECT_FALSE(split_hostinfo("example.com:"));
    h = split_hostinfo("[::1]:8443");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->hostname, "::1");
}

TEST(UriParse, RequestTarget)
{
    Request r;
    EXPECT_EQ(parse_request_target(r, "//a//b?x"), 0);
    EXPECT_EQ(r.unparsed_uri, "//a//b?x");
    EXPECT_EQ(r.uri, "/a//b");  // a leading "//" is not an authority here
    EXPECT_EQ(r.args, "x");
    EXPECT_EQ(r.hostname, "");

    Request abs;
    UriParts parts;
    EXPECT_EQ(parse_request_target(abs, "HTTP://Example.com:80/x?y#z", &parts), 0);
    EXPECT_EQ(abs.hostname, "Example.com");
    EXPECT_EQ(abs.uri, "/x");
    EXPECT_EQ(abs.args, "y");
    EXPECT_EQ(parts.fragment, "z");

    Request other;
    EXPECT_EQ(parse_request_target(other, "ftp://h/x"), 0);
    EXPECT_EQ(other.hostname, "");  // only the server's own scheme names the host
    EXPECT_EQ(other.uri, "/x");

    Request bare;
    EXPECT_EQ(parse_request_target(bare, "http://h"), 0);
    EXPECT_EQ(bare.uri, "/");
    Request options;
    options.method_number = mod::core::kMethodOptions;
    EXPECT_EQ(parse_request_target(options, "http://h"), 0);
    EXPECT_EQ(options.uri, "*");

    Request bad;
    EXPECT_EQ(parse_request_target(bad, "http://h:zz/x"), 400);
    EXPECT_EQ(bad.uri, "http://h:zz/x");

    Request connect;
    connect.method_number = mod::core::kMethodConnect;
    EXPECT_EQ(parse_request_target(connect, "example.com:443"), 0);
    EXPECT_EQ(connect.hostname, "example.com");
    EXPECT_EQ(connect.uri, "/");
}

}  // namespace
}  // namespace feather::runtime
