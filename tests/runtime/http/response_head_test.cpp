// The response head as ap_http_header_filter and ap_set_keepalive make it.
// Checked against apache2 2.4.71 in the protocol_keepalive and
// protocol_options_trace compat scenarios.

#include <gtest/gtest.h>

#include "runtime/http/response_writer.hpp"

namespace feather::runtime {
namespace {

ProtocolSettings settings()
{
    ProtocolSettings s;
    s.tokens = mod::core::ServerTokens::Prod;
    return s;
}

Request request(int proto = 1001)
{
    Request r;
    r.proto_num = proto;
    r.request_time_us = std::int64_t{1700000000} * 1000000;
    return r;
}

TEST(ResponseHead, OrderAndLength)
{
    Request r = request();
    r.headers_out.add("Last-Modified", "x");
    r.headers_out.add("ETag", "\"e\"");
    r.err_headers_out.add("X-Err", "1");
    r.content_type = "text/plain";
    r.body.emplace_back(std::string("hello"));
    KeepAliveState ka;
    const ResponseHead h = make_response_head(r, ka, settings());
    EXPECT_EQ(h.bytes,
              "HTTP/1.1 200 OK\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\nServer: Apache\r\n"
              "X-Err: 1\r\nLast-Modified: x\r\nETag: \"e\"\r\nContent-Length: 5\r\n"
              "Content-Type: text/plain\r\n\r\n");
    EXPECT_TRUE(h.keep_alive);
    EXPECT_EQ(h.framing, Framing::Length);
    EXPECT_EQ(ka.keepalives, 1);
}

TEST(ResponseHead, Http10KeepAliveAndMax)
{
    Request r = request(1000);
    r.headers_in.add("Connection", "keep-alive");
    KeepAliveState ka;
    ka.keepalives = 98;
    ResponseHead h = make_response_head(r, ka, settings());
    EXPECT_NE(
        h.bytes.find(
            "Content-Length: 0\r\nKeep-Alive: timeout=5, max=2\r\nConnection: Keep-Alive\r\n"),
        std::string::npos)
        << h.bytes;
    EXPECT_TRUE(h.keep_alive);

    Request last = request(1000);
    last.headers_in.add("Connection", "keep-alive");
    ka.keepalives = 100;
    h = make_response_head(last, ka, settings());
    EXPECT_NE(h.bytes.find("Connection: close\r\n"), std::string::npos);
    EXPECT_FALSE(h.keep_alive);
    EXPECT_EQ(ka.keepalives, 101);

    Request plain10 = request(1000);
    KeepAliveState ka2;
    h = make_response_head(plain10, ka2, settings());
    EXPECT_FALSE(h.keep_alive);
    EXPECT_NE(h.bytes.find("Connection: close\r\n"), std::string::npos);
}

TEST(ResponseHead, StatusesAndRequestsThatClose)
{
    for (int status : {400, 408, 411, 413, 414, 500, 501, 503}) {
        Request r = request();
        r.status = status;
        KeepAliveState ka;
        EXPECT_FALSE(make_response_head(r, ka, settings()).keep_alive) << status;
    }
    Request close = request();
    close.headers_in.add("Connection", "foo, Close");
    KeepAliveState ka;
    EXPECT_FALSE(make_response_head(close, ka, settings()).keep_alive);

    Request waiting = request();
    waiting.expecting_100 = true;  // the body was never invited
    KeepAliveState ka2;
    EXPECT_FALSE(make_response_head(waiting, ka2, settings()).keep_alive);
}

TEST(ResponseHead, HeadAndBodilessStatuses)
{
    Request head = request();
    head.header_only = true;
    KeepAliveState ka;
    ResponseHead h = make_response_head(head, ka, settings());
    EXPECT_EQ(h.bytes.find("Content-Length"),
              std::string::npos);  // a zero length is dropped on HEAD
    EXPECT_FALSE(h.send_body);

    Request not_modified = request();
    not_modified.status = 304;
    not_modified.content_type = "text/html";
    not_modified.headers_out.add("Content-Length", "10");
    h = make_response_head(not_modified, ka, settings());
    EXPECT_EQ(h.bytes,
              "HTTP/1.1 304 Not Modified\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\nServer: "
              "Apache\r\n\r\n");
}

TEST(ResponseHead, UnknownLengthIsChunkedOnHttp11)
{
    Request r = request();
    r.unknown_length = true;
    r.content_type = "message/http";
    KeepAliveState ka;
    ResponseHead h = make_response_head(r, ka, settings());
    EXPECT_EQ(h.framing, Framing::Chunked);
    EXPECT_NE(h.bytes.find("Transfer-Encoding: chunked\r\nContent-Type: message/http\r\n"),
              std::string::npos);
    EXPECT_TRUE(h.keep_alive);

    Request r10 = request(1000);
    r10.unknown_length = true;
    KeepAliveState ka10;
    h = make_response_head(r10, ka10, settings());
    EXPECT_EQ(h.framing, Framing::Close);
    EXPECT_FALSE(h.keep_alive);
}

TEST(ResponseHead, Http09IsTheBodyAlone)
{
    Request r = request(9);
    r.assbackwards = true;
    KeepAliveState ka;
    const ResponseHead h = make_response_head(r, ka, settings());
    EXPECT_EQ(h.bytes, "");
    EXPECT_EQ(h.framing, Framing::Close);
    EXPECT_FALSE(h.keep_alive);
}

TEST(ResponseHead, VaryCombined)
{
    Request r = request();
    r.headers_out.add("Vary", "accept, Accept-Language");
    r.headers_out.add("X", "1");
    r.headers_out.add("Vary", "ACCEPT,user-agent");
    KeepAliveState ka;
    const ResponseHead h = make_response_head(r, ka, settings());
    EXPECT_NE(h.bytes.find("Vary: accept,Accept-Language,user-agent\r\nX: 1\r\n"),
              std::string::npos)
        << h.bytes;
}

TEST(HttpDate, Format)
{
    EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    EXPECT_EQ(recent_http_date(std::int64_t{1700000000} * 1000000 + 999999),
              "Tue, 14 Nov 2023 22:13:20 GMT");
}

TEST(ServerBanner, ServerTokens)
{
    using mod::core::ServerTokens;
    EXPECT_EQ(server_banner(ServerTokens::Prod), "Apache");
    EXPECT_EQ(server_banner(ServerTokens::Major), "Apache/2");
    EXPECT_EQ(server_banner(ServerTokens::Minor), "Apache/2.4");
    EXPECT_EQ(server_banner(ServerTokens::Minimal), "Apache/2.4.71");
    EXPECT_EQ(server_banner(ServerTokens::OS), "Apache/2.4.71 (Unix)");
}

}  // namespace
}  // namespace feather::runtime
