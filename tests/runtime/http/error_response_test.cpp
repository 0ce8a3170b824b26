// The canned error pages of ap_send_error_response, byte for byte as
// apache2 2.4.71 sends them (the protocol_* compat scenarios compare the
// same pages with the real server), and make_allow.

#include <gtest/gtest.h>

#include "modules/core/methods.hpp"
#include "runtime/http/error_response.hpp"
#include "runtime/http/options_trace.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::runtime {
namespace {

constexpr const char* kHead =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
    "\"http://www.w3.org/TR/html4/strict.dtd\">\n<html><head>\n";

class ErrorPages : public ::testing::Test {
protected:
    void SetUp() override
    {
        loaded_ = test::load_text(
            root_, "ServerName www.example.com\nServerAdmin admin@example.com\n" + extra_);
        ASSERT_TRUE(loaded_.ok()) << loaded_.error();
    }

    Request request(int status, std::string method = "GET")
    {
        Request r;
        r.config = loaded_.config.get();
        r.server = &loaded_.config->main_server();
        r.per_dir = r.server->defaults;
        r.method = std::move(method);
        r.status = status;
        r.hostname = "localhost";
        return r;
    }

    std::string page(Request& r, int recursive = 0)
    {
        make_canned_error_response(r, recursive);
        return r.body.empty() ? std::string() : std::get<std::string>(r.body.front());
    }

    test::TempDir root_;
    std::string extra_;
    test::LoadOutcome loaded_;
};

TEST_F(ErrorPages, NotFound)
{
    Request r = request(404);
    EXPECT_EQ(page(r),
              std::string(kHead) +
                  "<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n"
                  "<p>The requested URL was not found on this server.</p>\n</body></html>\n");
    EXPECT_EQ(r.content_type, "text/html; charset=iso-8859-1");
}

TEST_F(ErrorPages, BadRequestWithNotes)
{
    Request r = request(400);
    r.notes.set("error-notes", "Size of a request header field exceeds server limit.");
    EXPECT_EQ(page(r),
              std::string(kHead) +
                  "<title>400 Bad Request</title>\n</head><body>\n<h1>Bad Request</h1>\n"
                  "<p>Your browser sent a request that this server could not understand.<br />\n"
                  "Size of a request header field exceeds server limit.</p>\n</body></html>\n");
}

TEST_F(ErrorPages, MethodPagesEscapeTheMethod)
{
    Request r = request(405, "P<T");
    EXPECT_NE(page(r).find("<p>The requested method P&lt;T is not allowed for this URL.</p>\n"),
              std::string::npos);
    EXPECT_EQ(r.headers_out.get("Allow"), "TRACE");  // nothing allowed yet; TraceEnable on

    Request n = request(501, "BREW");
    n.allowed = mod::core::method_bit(mod::core::kMethodGet) |
                mod::core::method_bit(mod::core::kMethodPost) |
                mod::core::method_bit(mod::core::kMethodOptions);
    EXPECT_NE(page(n).find("<p>BREW not supported for current URL.<br />\n</p>\n"),
              std::string::npos);
    EXPECT_EQ(n.headers_out.get("Allow"), "GET,HEAD,POST,OPTIONS,TRACE");

    Request big = request(413, "POST");
    EXPECT_NE(
        page(big).find(
            "<h1>Request Entity Too Large</h1>\nThe requested resource does not allow request "
            "data with POST requests, or the amount of data provided in\nthe request exceeds the "
            "capacity limit.\n</body>"),
        std::string::npos);
}

TEST_F(ErrorPages, ExpectationFailed)
{
    Request r = request(417);
    r.headers_in.add("Expect", "<x>");
    EXPECT_NE(
        page(r).find(
            "<p>The expectation given in the Expect request-header\nfield could not be met by this "
            "server.\nThe client sent<pre>\n    Expect: &lt;x&gt;\n</pre>\n</p><p>Only the "
            "100-continue expectation is supported.</p>\n"),
        std::string::npos);
}

TEST_F(ErrorPages, InternalErrorNamesTheAdmin)
{
    Request r = request(500);
    EXPECT_NE(
        page(r).find(
            "<p>Please contact the server administrator at \n admin@example.com to inform them"),
        std::string::npos);
    Request odd = request(299);  // a status httpd has no line for reads as 500
    EXPECT_NE(page(odd).find("<title>500 Internal Server Error</title>"), std::string::npos);
}

TEST_F(ErrorPages, RecursiveErrorAndHeadAndBodiless)
{
    Request r = request(414);
    EXPECT_NE(page(r, 404).find(
                  "<p>Additionally, a 404 Not Found\nerror was encountered while trying to use an "
                  "ErrorDocument to handle the request.</p>\n</body>"),
              std::string::npos);
    Request head = request(404);
    head.header_only = true;
    EXPECT_EQ(page(head), "");
    EXPECT_EQ(head.content_type, "text/html; charset=iso-8859-1");
    Request nm = request(304);
    nm.headers_out.add("ETag", "\"x\"");
    EXPECT_EQ(page(nm), "");
    EXPECT_EQ(nm.headers_out.get("ETag"), "\"x\"");  // 304 keeps its headers
}

TEST_F(ErrorPages, RedirectKeepsLocation)
{
    Request r = request(302);
    r.headers_out.add("X-Gone", "1");
    r.headers_out.add("Location", "http://a/?x=<1>");
    EXPECT_NE(
        page(r).find("<p>The document has moved <a href=\"http://a/?x=&lt;1&gt;\">here</a>.</p>\n"),
        std::string::npos);
    EXPECT_FALSE(r.headers_out.has("X-Gone"));
    EXPECT_EQ(r.headers_out.get("Location"), "http://a/?x=<1>");
}

TEST_F(ErrorPages, ModuleStatusLine)
{
    Request r = request(404);
    r.status_line = "404";
    EXPECT_NE(
        page(r).find("<title>404 Unknown Reason</title>\n</head><body>\n<h1>Unknown Reason</h1>"),
        std::string::npos);
}

class SignedPages : public ErrorPages {
protected:
    void SetUp() override
    {
        extra_ =
            "ServerSignature EMail\nServerTokens Prod\nErrorDocument 403 \"Denied: "
            "%{REQUEST_URI}\n";
        ErrorPages::SetUp();
    }
};

TEST_F(SignedPages, SignatureUsesHostAndPort)
{
    Request r = request(404);
    r.hostname = "a<b";
    r.headers_in.add("Host", "ignored:8080");  // the port comes from Host
    EXPECT_NE(page(r).find(
                  "<hr>\n<address>Apache Server at <a href=\"mailto:admin@example.com\">a&lt;b</a> "
                  "Port 8080</address>\n</body></html>\n"),
              std::string::npos);
    Request no_port = request(404);
    EXPECT_NE(page(no_port).find("localhost</a> Port 80</address>"), std::string::npos);
}

TEST_F(SignedPages, ErrorDocumentText)
{
    Request r = request(403);
    r.uri = "/secret";
    EXPECT_EQ(page(r), "Denied: /secret");
}

}  // namespace
}  // namespace feather::runtime
