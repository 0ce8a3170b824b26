// mod_mime and mod_dir end to end: Content-Type from the extensions and the
// types file, the trailing-slash redirect with httpd's Location, the
// DirectoryIndex list, and the startup error of a missing TypesConfig.
// Checked against apache2 (tests/compat/http scenarios mime_types, dir_index).

#include <gtest/gtest.h>

#include "tests/e2e/e2e_http_support.hpp"

namespace feather::test {
namespace {

const char* kModules =
    "LoadModule mime_module modules/mod_mime.so\n"
    "LoadModule dir_module modules/mod_dir.so\n";

class MimeDirE2E : public ::testing::Test {
protected:
    void start(const std::string& extra)
    {
        server_.root().write("conf/mime.types",
                             "text/html html htm\ntext/plain txt\napplication/x-gzip gz\n"
                             "application/x-tar tar\nimage/png png\n");
        server_.write_config(http_config(kModules, "TypesConfig conf/mime.types\n" + extra));
        ASSERT_TRUE(server_.start()) << server_.stderr_text() << server_.file("logs/error_log");
    }
    std::string port() const { return std::to_string(server_.port()); }

    TestServer server_;
};

TEST_F(MimeDirE2E, ContentTypeFromEveryExtension)
{
    for (const char* f : {"a.html", "b.HTM", "c.html.en", "d.tar.gz", "e.utf8.txt", "f.zzz",
                          "noext", ".png", "g.cust", "h.lvl"}) {
        server_.root().write(std::string("htdocs/") + f, "x\n");
    }
    start(
        "AddLanguage en .en\nAddCharset UTF-8 .utf8\nAddType text/x-custom .cust\n"
        "AddType \"text/html; level=1\" .lvl\n");
    struct Row {
        const char* path;
        const char* type;
    };
    const Row rows[] = {
        {"/a.html", "text/html"},
        {"/b.HTM", "text/html"},
        {"/c.html.en", "text/html"},
        {"/d.tar.gz", "application/x-gzip"},
        {"/e.utf8.txt", "text/plain; charset=utf-8"},
        {"/f.zzz", ""},
        {"/noext", ""},
        {"/.png", ""},
        {"/g.cust", "text/x-custom"},
        {"/h.lvl", "text/html; level=1"},
    };
    for (const Row& row : rows) {
        const std::string response = server_.get(row.path);
        EXPECT_EQ(status_of(response), 200) << row.path << "\n" << response;
        EXPECT_EQ(header_of(response, "Content-Type"), row.type) << row.path;
    }
}

TEST_F(MimeDirE2E, TrailingSlashRedirect)
{
    server_.root().write("htdocs/docs/index.html", "docs index\n");
    server_.root().write("htdocs/a dir/index.html", "spaced\n");
    server_.root().write("htdocs/canon/index.html", "canon\n");
    start("<Directory @ROOT@/htdocs/canon>\n    UseCanonicalName On\n</Directory>\n");
    std::string r = server_.get("/docs", "localhost:" + port());
    EXPECT_EQ(status_of(r), 301) << r;
    EXPECT_EQ(header_of(r, "Location"), "http://localhost:" + port() + "/docs/");
    r = server_.get("/docs?a=1&b", "Other.Example");
    EXPECT_EQ(header_of(r, "Location"), "http://other.example/docs/?a=1&b");
    r = server_.get("/a%20dir", "h.example:8080");
    EXPECT_EQ(header_of(r, "Location"), "http://h.example:8080/a%20dir/");
    r = server_.get("/canon", "other.example:8080");
    EXPECT_EQ(header_of(r, "Location"), "http://localhost/canon/");
    r = raw_exchange(server_.port(), "GET /docs HTTP/1.0\r\n\r\n");
    EXPECT_EQ(header_of(r, "Location"), "http://localhost/docs/");
    r = server_.get("/docs/");
    EXPECT_EQ(status_of(r), 200);
    EXPECT_EQ(body_of(r), "docs index\n");
}

TEST_F(MimeDirE2E, DirectoryIndexList)
{
    server_.root().write("htdocs/list/second.html", "second\n");
    server_.root().write("htdocs/list/index.html", "not listed\n");
    server_.root().write("htdocs/shared/top.html", "shared top\n");
    server_.root().write("htdocs/url/x.txt", "x\n");
    server_.root().write("htdocs/off/index.html", "off\n");
    server_.root().mkdir("htdocs/empty");
    server_.root().write("htdocs/redir/index.html", "redir\n");
    start(
        "<Directory @ROOT@/htdocs/list>\n    DirectoryIndex missing.html "
        "second.html\n</Directory>\n"
        "<Directory @ROOT@/htdocs/url>\n    DirectoryIndex /shared/top.html\n</Directory>\n"
        "<Directory @ROOT@/htdocs/off>\n    DirectoryIndex disabled\n</Directory>\n"
        "<Directory @ROOT@/htdocs/redir>\n    DirectoryIndexRedirect seeother\n</Directory>\n");
    EXPECT_EQ(body_of(server_.get("/list/")), "second\n");
    EXPECT_EQ(body_of(server_.get("/url/")), "shared top\n");
    EXPECT_EQ(status_of(server_.get("/off/")), 404);
    EXPECT_EQ(status_of(server_.get("/empty/")), 404);
    const std::string r = server_.get("/redir/?q=1", "localhost");
    EXPECT_EQ(status_of(r), 303);
    EXPECT_EQ(header_of(r, "Location"), "http://localhost/redir/index.html");
    const std::string typed = server_.get("/list/");
    EXPECT_EQ(header_of(typed, "Content-Type"), "text/html");
}

TEST_F(MimeDirE2E, FallbackResource)
{
    server_.root().write("htdocs/app/front.html", "front controller\n");
    server_.root().write("htdocs/app/real.txt", "real\n");
    start("<Directory @ROOT@/htdocs/app>\n    FallbackResource /app/front.html\n</Directory>\n");
    EXPECT_EQ(body_of(server_.get("/app/some/route?x=1")), "front controller\n");
    EXPECT_EQ(body_of(server_.get("/app/real.txt")), "real\n");
    EXPECT_EQ(status_of(server_.get("/elsewhere")), 404);
}

TEST(MimeStartup, MissingTypesConfigStopsTheServer)
{
    TestServer s;
    s.write_config(http_config("LoadModule mime_module modules/mod_mime.so\n",
                               "TypesConfig conf/none.types\n"));
    EXPECT_FALSE(s.start({}, std::chrono::seconds(5)));
    const std::string out = s.stderr_text() + s.file("logs/error_log");
    EXPECT_NE(
        out.find("(2)No such file or directory: AH01597: could not open mime types config file " +
                 s.root().str() + "/conf/none.types."),
        std::string::npos)
        << out;
    // The check does not read the file (httpd opens it after the check).
    const auto [status, text] =
        TestServer::run_cli({"-d", s.root().str(), "-f", "httpd.conf", "-t"});
    EXPECT_EQ(status, 0) << text;
    EXPECT_NE(text.find("Syntax OK"), std::string::npos) << text;
}

}  // namespace
}  // namespace feather::test
