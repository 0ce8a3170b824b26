#include "modules/log_config/log_items.hpp"

#include <gtest/gtest.h>

namespace feather::mod::log_config {
namespace {

struct Fixture {
    ConnectionInfo conn;
    Request r;
    LogContext ctx;

    Fixture()
    {
        conn.client_ip = "127.0.0.1";
        conn.client_port = 50000;
        conn.local_ip = "127.0.0.2";
        conn.local_port = 8080;
        r.connection = &conn;
        r.the_request = "GET /a b?x=\"1\" HTTP/1.1";
        r.method = "GET";
        r.protocol = "HTTP/1.1";
        r.uri = "/a b";
        r.args = "x=1";
        r.status = 200;
        r.bytes_sent = 0;
        r.request_time_us = 1'000'000'000'123'456;  // 2001-09-09T01:46:40.123456Z
        ctx.end_time_us = r.request_time_us + 2'500'000;
        ctx.pid = 42;
        ctx.tid = 255;
        ctx.server_name = "example.com";
        ctx.virtual_host = "vhost.example";
        ctx.server_port = 8080;
    }
    std::string line(std::string_view format) { return render(compile_format(format), r, ctx); }
};

TEST(LogItems, CommonLogFormatPieces)
{
    Fixture f;
    EXPECT_EQ(f.line("%h %l %u"), "127.0.0.1 - -\n");
    EXPECT_EQ(f.line("\"%r\""), "\"GET /a b?x=\\\"1\\\" HTTP/1.1\"\n");
    EXPECT_EQ(f.line("%>s %b %B"), "200 - 0\n");
    f.r.bytes_sent = 1234;
    EXPECT_EQ(f.line("%b %B"), "1234 1234\n");
}

TEST(LogItems, TimesAndDurations)
{
    Fixture f;
    EXPECT_EQ(f.line("%{sec}t %{msec}t %{usec}t"), "1000000000 1000000000123 1000000000123456\n");
    EXPECT_EQ(f.line("%{msec_frac}t %{usec_frac}t"), "123 123456\n");
    EXPECT_EQ(f.line("%D %T %{ms}T %{us}T"), "2500000 2 2500 2500000\n");
    EXPECT_EQ(f.line("%{end:sec}t"), "1000000002\n");
    const std::string clf = f.line("%t");
    EXPECT_EQ(clf.size(), std::string("[09/Sep/2001:01:46:40 +0000]\n").size());
    EXPECT_EQ(clf.front(), '[');
}

TEST(LogItems, HeadersNotesEnvAndConditions)
{
    Fixture f;
    f.r.headers_in.add("User-Agent", "curl/8 \"x\"");
    f.r.headers_out.add("Set-Cookie", "a=1");
    f.r.headers_out.add("Set-Cookie", "b=2");
    f.r.content_type = "text/html; charset=UTF-8";
    f.r.subprocess_env.add("V", "env");
    f.r.notes.add("N", "note");
    EXPECT_EQ(f.line("%{User-agent}i|%{Referer}i"), "curl/8 \\\"x\\\"|-\n");
    EXPECT_EQ(f.line("%{Set-Cookie}o|%{Content-Type}o"), "a=1, b=2|text/html\n");
    EXPECT_EQ(f.line("%{V}e %{N}n %{missing}e"), "env note -\n");
    EXPECT_EQ(f.line("%400,501{User-agent}i"), "-\n");
    EXPECT_EQ(f.line("%200{User-agent}i"), "curl/8 \\\"x\\\"\n");
    EXPECT_EQ(f.line("%!200,304{User-agent}i"), "-\n");
}

TEST(LogItems, ServerConnectionAndMisc)
{
    Fixture f;
    EXPECT_EQ(f.line("%a %A %p %{local}p %{remote}p"), "127.0.0.1 127.0.0.2 8080 8080 50000\n");
    EXPECT_EQ(f.line("%v %V %H %m %q %U"), "vhost.example example.com HTTP/1.1 GET ?x=1 /a b\n");
    EXPECT_EQ(f.line("%P %{tid}P %{hextid}P"), "42 255 ff\n");
    EXPECT_EQ(f.line("100%% \\t\\n"), "100% \t\n\n");
    f.r.headers_in.add("Cookie", "a=1; Session = abc ; z=9");
    EXPECT_EQ(f.line("%{session}C %{nope}C"), "abc -\n");
    f.conn.keepalive = true;
    f.conn.keepalives = 3;
    EXPECT_EQ(f.line("%X %k"), "+ 2\n");
    f.conn.aborted = true;
    EXPECT_EQ(f.line("%X"), "X\n");
}

TEST(LogItems, OriginalAndFinalStatus)
{
    Fixture f;
    f.r.original_status = 404;
    f.r.status = 200;
    EXPECT_EQ(f.line("%s %<s %>s"), "404 404 200\n");
}

TEST(LogItems, EscapesControlAndHighBytes)
{
    Fixture f;
    f.r.uri = std::string("/x\x01\xff\\", 5);
    EXPECT_EQ(f.line("%U"), "/x\\x01\\xff\\\\\n");
}

}  // namespace
}  // namespace feather::mod::log_config
