// mod_alias end to end: aliased paths get their own <Directory> sections,
// redirects win over aliases and carry the query, and a ScriptAlias never
// sends a script's bytes (Feather has no CGI). Checked against apache2
// (tests/compat/http scenario alias_redirect).

#include <gtest/gtest.h>

#include "tests/e2e/e2e_http_support.hpp"

namespace feather::test {
namespace {

const char* kModules =
    "LoadModule mime_module modules/mod_mime.so\n"
    "LoadModule dir_module modules/mod_dir.so\n"
    "LoadModule alias_module modules/mod_alias.so\n";

class AliasE2E : public ::testing::Test {
protected:
    void start(const std::string& extra)
    {
        server_.root().write("conf/mime.types", "text/html html\ntext/plain txt\ntext/x-sh sh\n");
        server_.write_config(http_config(kModules, "TypesConfig conf/mime.types\n" + extra));
        ASSERT_TRUE(server_.start()) << server_.stderr_text() << server_.file("logs/error_log");
    }
    std::string port() const { return std::to_string(server_.port()); }

    TestServer server_;
};

TEST_F(AliasE2E, AliasedPathsAndTheirDirectorySections)
{
    server_.root().write("outside/docs/readme.txt", "readme\n");
    server_.root().write("outside/docs/sub/start.html", "sub start\n");
    server_.root().write("outside/match/page.txt", "matched\n");
    server_.root().write("htdocs/docs", "the docroot file\n");
    start(
        "Alias /docs @ROOT@/outside/docs\n"
        "AliasMatch ^/m/(.*)\\.html$ @ROOT@/outside/match/$1.txt\n"
        "<Directory @ROOT@/outside/docs/sub>\n    DirectoryIndex start.html\n</Directory>\n");
    std::string r = server_.get("/docs/readme.txt");
    EXPECT_EQ(status_of(r), 200);
    EXPECT_EQ(body_of(r), "readme\n");
    EXPECT_EQ(header_of(r, "Content-Type"), "text/plain");
    // The aliased directory's own <Directory> section chooses its index.
    EXPECT_EQ(body_of(server_.get("/docs/sub/")), "sub start\n");
    r = server_.get("/docs/sub", "localhost:" + port());
    EXPECT_EQ(status_of(r), 301);
    EXPECT_EQ(header_of(r, "Location"), "http://localhost:" + port() + "/docs/sub/");
    EXPECT_EQ(status_of(server_.get("/docs")), 301);  // the aliased directory wins over htdocs/docs
    EXPECT_EQ(status_of(server_.get("/docsx")), 404);
    EXPECT_EQ(body_of(server_.get("/m/page.html")), "matched\n");
}

TEST_F(AliasE2E, RedirectsBeforeAliasesWithTheQuery)
{
    server_.root().write("outside/both/b.txt", "aliased\n");
    server_.root().write("htdocs/dir/old/f.txt", "not redirected\n");
    start(
        "Alias /both @ROOT@/outside/both\n"
        "Redirect /both http://r.example/both\n"
        "Redirect permanent /perm /local/path\n"
        "RedirectMatch 301 ^/esc/(.*) http://e.example/a%20b/$1?k=v\n"
        "Redirect gone /gone\n"
        "<Directory @ROOT@/htdocs/dir>\n    Redirect /dir/old http://n.example/new\n</Directory>\n"
        "<Location /loc>\n    Redirect seeother http://l.example/there\n</Location>\n");
    std::string r = server_.get("/both/b.txt?q=1");
    EXPECT_EQ(status_of(r), 302);
    EXPECT_EQ(header_of(r, "Location"), "http://r.example/both/b.txt?q=1");
    r = server_.get("/perm/a%20b", "Host.Example:" + port());
    EXPECT_EQ(status_of(r), 301);
    EXPECT_EQ(header_of(r, "Location"), "http://host.example:" + port() + "/local/path/a%20b");
    r = server_.get("/esc/x%20y?z");
    EXPECT_EQ(header_of(r, "Location"), "http://e.example/a%2520b/x%20y?k=v");
    r = server_.get("/gone/x");
    EXPECT_EQ(status_of(r), 410);
    EXPECT_EQ(header_of(r, "Location"), "");
    r = server_.get("/dir/old/f.txt");
    EXPECT_EQ(status_of(r), 302);
    EXPECT_EQ(header_of(r, "Location"), "http://n.example/new/f.txt");
    r = server_.get("/loc/anything?x");
    EXPECT_EQ(status_of(r), 303);
    EXPECT_EQ(header_of(r, "Location"), "http://l.example/there?x");
}

TEST_F(AliasE2E, ScriptAliasNeverSendsTheScript)
{
    server_.root().write("cgi/test.sh", "#!/bin/sh\necho secret-source-text\n");
    start("ScriptAlias /cgi-bin/ @ROOT@/cgi/\n");
    const std::string r = server_.get("/cgi-bin/test.sh");
    EXPECT_EQ(status_of(r), 500) << r;
    EXPECT_EQ(r.find("secret-source-text"), std::string::npos) << r;
    EXPECT_TRUE(eventually(
        [&] {
            return server_.file("logs/error_log")
                       .find("handler \"cgi-script\" not found for: " + server_.root().str() +
                             "/cgi/test.sh") != std::string::npos;
        },
        std::chrono::seconds(2)))
        << server_.file("logs/error_log");
}

}  // namespace
}  // namespace feather::test
