// The request line as httpd 2.4's ap_parse_request_line reads it; each
// expectation below was checked against apache2 2.4.71 (see also
// tests/compat/http/scenarios/protocol_request_line).

#include <gtest/gtest.h>

#include "modules/core/methods.hpp"
#include "runtime/http/request_line.hpp"

namespace feather::runtime {
namespace {

struct Parsed {
    Request r;
    RequestLine line;
};

Parsed parse(std::string_view text, RequestLineRules rules = {})
{
    Parsed p;
    p.line = parse_request_line(text, rules, p.r);
    return p;
}

TEST(RequestLine, PlainRequest)
{
    const auto p = parse("GET /a/b.html?x=1 HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.method, "GET");
    EXPECT_EQ(p.r.method_number, mod::core::kMethodGet);
    EXPECT_FALSE(p.r.header_only);
    EXPECT_EQ(p.r.protocol, "HTTP/1.1");
    EXPECT_EQ(p.r.proto_num, 1001);
    EXPECT_FALSE(p.r.assbackwards);
    EXPECT_EQ(p.r.unparsed_uri, "/a/b.html?x=1");
    EXPECT_EQ(p.r.uri, "/a/b.html");
    EXPECT_EQ(p.r.args, "x=1");
    EXPECT_EQ(p.r.the_request, "GET /a/b.html?x=1 HTTP/1.1");
    EXPECT_FALSE(p.line.uri_names_host);
}

TEST(RequestLine, HeadIsGetHeaderOnly)
{
    const auto p = parse("HEAD / HTTP/1.0");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.method_number, mod::core::kMethodGet);
    EXPECT_TRUE(p.r.header_only);
    EXPECT_EQ(p.r.proto_num, 1000);
}

TEST(RequestLine, StrictRefusesWhitespaceVariants)
{
    for (const char* line :
         {"GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET\t/ HTTP/1.1", " GET / HTTP/1.1",
          "GET / HTTP/1.1 ", "GET / HTTP/1.1 x", "G@T / HTTP/1.1", "GET / http/1.1", "GET / HTTP/1",
          "GET / HTTP/0.9", "GET / FOO/1.1", "GET / HTTP/1.10"}) {
        const auto p = parse(line);
        EXPECT_EQ(p.line.status, 400) << line;
    }
}

TEST(RequestLine, UnsafeAcceptsWhitespaceAndLowerCaseProtocol)
{
    RequestLineRules unsafe;
    unsafe.strict = false;
    auto p = parse("GET  /x   HTTP/1.1   ", unsafe);
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.the_request, "GET /x HTTP/1.1");
    p = parse("GET / http/1.0", unsafe);
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.protocol, "HTTP/1.0");
    p = parse("GET / HTTP/1.1 x", unsafe);
    EXPECT_EQ(p.line.status, 400);  // trailing text is an error in any mode
    p = parse("G@T / HTTP/1.1", unsafe);
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.method, "G@T");
}

TEST(RequestLine, SimpleRequestIsHttp09)
{
    auto p = parse("GET /index.html");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_TRUE(p.r.assbackwards);
    EXPECT_EQ(p.r.protocol, "HTTP/0.9");
    EXPECT_EQ(p.r.proto_num, 9);

    // Only GET; the error is answered as HTTP/1.0 (with its status line).
    p = parse("HEAD /index.html");
    EXPECT_EQ(p.line.status, 400);
    EXPECT_FALSE(p.r.assbackwards);
    EXPECT_EQ(p.r.protocol, "HTTP/1.0");
    EXPECT_TRUE(p.r.header_only);

    RequestLineRules require10;
    require10.allow_09 = false;
    p = parse("GET /index.html", require10);
    EXPECT_EQ(p.line.status, 400);
    EXPECT_EQ(p.r.proto_num, 1000);
}

TEST(RequestLine, MethodsAndRegisteredMethods)
{
    auto p = parse("FOO / HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);  // the default handler answers 501 later
    EXPECT_EQ(p.r.method_number, mod::core::kMethodInvalid);

    const std::vector<std::string> registered = {"BREW"};
    RequestLineRules rules;
    rules.registered_methods = true;
    rules.registered = registered;
    p = parse("FOO / HTTP/1.1", rules);
    EXPECT_EQ(p.line.status, 501);
    p = parse("BREW / HTTP/1.1", rules);
    EXPECT_EQ(p.line.status, 0);
    EXPECT_EQ(p.r.method_number, mod::core::kFirstRegisteredMethod);
    p = parse("get / HTTP/1.1", rules);  // method names are case-sensitive
    EXPECT_EQ(p.line.status, 501);
}

TEST(RequestLine, RequestTargets)
{
    EXPECT_EQ(parse("GET index.html HTTP/1.1").line.status, 400);
    EXPECT_EQ(parse("GET * HTTP/1.1").line.status, 400);
    EXPECT_EQ(parse("OPTIONS * HTTP/1.1").line.status, 0);
    EXPECT_EQ(parse("OPTIONS * HTTP/1.1").r.uri, "*");
    EXPECT_EQ(parse("GET /a#b HTTP/1.1").line.status, 400);  // no fragment (Strict)
    EXPECT_EQ(parse("GET /a?b#c HTTP/1.1").line.status, 400);
    EXPECT_EQ(parse("GET http://u:p@h/ HTTP/1.1").line.status, 400);  // no userinfo (Strict)
    EXPECT_EQ(parse("GET http://h:8x/ HTTP/1.1").line.status, 400);   // apr_uri_parse fails
    EXPECT_EQ(parse("GET /a\x01 HTTP/1.1").line.status, 400);
    EXPECT_EQ(parse("GET //x HTTP/1.1").r.uri, "/x");  // a path, not an authority
    EXPECT_EQ(parse("GET //x HTTP/1.1").r.unparsed_uri, "//x");
}

TEST(RequestLine, AbsoluteUriNamesTheHost)
{
    auto p = parse("GET http://Example.COM:8080/x?y HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_TRUE(p.line.uri_names_host);
    EXPECT_EQ(p.r.hostname, "Example.COM");  // fixed later, with the Host checks
    EXPECT_EQ(p.line.uri_port, "8080");
    EXPECT_EQ(p.r.uri, "/x");
    EXPECT_EQ(p.r.args, "y");
    EXPECT_EQ(*p.line.scheme, "http");

    p = parse("GET http://h HTTP/1.1");
    EXPECT_EQ(p.r.uri, "/");
    p = parse("OPTIONS http://h HTTP/1.1");
    EXPECT_EQ(p.r.uri, "*");

    // Only http: names the host; other schemes are refused after the head.
    p = parse("GET https://h/x HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_FALSE(p.line.uri_names_host);
    EXPECT_TRUE(scheme_allowed(p.line));
    p = parse("GET ftp://h/x HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_FALSE(scheme_allowed(p.line));
}

TEST(RequestLine, ConnectNamesHostAndPort)
{
    auto p = parse("CONNECT example.com:443 HTTP/1.1");
    EXPECT_EQ(p.line.status, 0);
    EXPECT_TRUE(p.line.uri_names_host);
    EXPECT_EQ(p.r.hostname, "example.com");
    EXPECT_EQ(p.line.uri_port, "443");
    EXPECT_EQ(p.r.uri, "/");
    EXPECT_TRUE(scheme_allowed(p.line));
    EXPECT_EQ(parse("CONNECT example.com HTTP/1.1").line.status, 400);
    EXPECT_EQ(parse("CONNECT [::1]:80 HTTP/1.1").r.hostname, "::1");
}

TEST(ParseUri, AprUriParse)
{
    auto u = parse_uri("http://user:pw@[::1]:81/p/q?x=1#frag");
    ASSERT_TRUE(u);
    EXPECT_EQ(*u->scheme, "http");
    EXPECT_EQ(*u->user, "user");
    EXPECT_EQ(*u->password, "pw");
    EXPECT_EQ(*u->hostname, "::1");
    EXPECT_EQ(*u->port, "81");
    EXPECT_EQ(*u->path, "/p/q");
    EXPECT_EQ(*u->query, "x=1");
    EXPECT_EQ(*u->fragment, "frag");

    u = parse_uri("/only#f?x");
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->query);
    EXPECT_EQ(*u->fragment, "f?x");

    u = parse_uri("mailto:a@b");
    ASSERT_TRUE(u);
    EXPECT_EQ(*u->scheme, "mailto");
    EXPECT_EQ(*u->path, "a@b");

    EXPECT_FALSE(parse_uri("http://[::1/x"));
    EXPECT_FALSE(parse_uri("http://h:1a/x"));
    u = parse_uri("http://h:/x");
    ASSERT_TRUE(u);
    EXPECT_EQ(*u->port, "");
}

}  // namespace
}  // namespace feather::runtime
