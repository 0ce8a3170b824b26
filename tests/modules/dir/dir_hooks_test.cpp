// mod_dir's fixups: the trailing-slash redirect, the index files tried in
// order through subrequests, DirectoryIndexRedirect, DirectoryCheckHandler
// and FallbackResource. Subrequests are answered by a table here; the real
// pipeline runs them in tests/e2e/mime_dir_test.cpp.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <map>

#include "modules/dir/dir_hooks.hpp"
#include "modules/request/services.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::mod::dir {
namespace {

// What a subrequest for a URI finds.
struct Found {
    int status = 200;
    bool regular = false;  // a regular file (else nothing, or a directory)
    std::string location;  // for a redirect
};

class FakeServices final : public RequestServices {
public:
    std::map<std::string, Found> table;
    std::vector<std::string> looked_up;
    std::string fast_redirected;

    bool log_enabled(const Request&, ModuleId, LogLevel) const override { return false; }
    void log(const Request&, ModuleId, LogLevel, std::string_view, int) const override {}
    std::unique_ptr<Request> lookup_uri(Request& r, std::string_view uri) override
    {
        looked_up.emplace_back(uri);
        auto sub = std::make_unique<Request>();
        sub->main = &r;
        const std::string path(uri.substr(0, uri.find('?')));
        sub->uri = path.front() == '/' ? path : r.uri + path;
        sub->args = uri.find('?') == std::string_view::npos
                        ? ""
                        : std::string(uri.substr(uri.find('?') + 1));
        const auto it = table.find(sub->uri);
        const Found f = it == table.end() ? Found{200, false, {}} : it->second;
        sub->status = f.status;
        if (f.regular) {
            struct stat st {};
            st.st_mode = S_IFREG | 0644;
            sub->finfo = st;
        }
        if (!f.location.empty()) {
            sub->headers_out.set("Location", f.location);
        }
        return sub;
    }
    std::unique_ptr<Request> lookup_file(Request&, std::string_view) override { return nullptr; }
    int run_subrequest(Request&) override { return 0; }
    void fast_redirect(Request& r, Request& sub) override
    {
        fast_redirected = sub.uri + (sub.args.empty() ? "" : "?" + sub.args);
        r.uri = sub.uri;
    }
    void internal_redirect(Request&, std::string_view) override {}
    std::optional<std::string> remote_host(Request& r, RemoteHost, bool*) override
    {
        return r.connection->client_ip;
    }
    std::int64_t now_us() const override { return 0; }
};

ConnectionInfo make_connection(std::uint16_t port)
{
    ConnectionInfo c;
    c.client_ip = "127.0.0.1";
    c.local_ip = "127.0.0.1";
    c.local_port = port;
    return c;
}

class DirFixups : public ::testing::Test {
protected:
    void load(const std::string& conf)
    {
        outcome_ = test::load_text(root_,
                                   "LoadModule dir_module modules/mod_dir.so\n"
                                   "ServerName www.example.com\n" +
                                       conf);
        ASSERT_TRUE(outcome_.ok()) << outcome_.error();
    }

    // A request for a directory (or, with `exists` false, for nothing).
    Request request(const std::string& uri, bool exists = true, const std::string& target = "")
    {
        Request r;
        r.connection = &conn_;
        r.config = outcome_.config.get();
        r.server = &outcome_.config->main_server();
        r.per_dir = outcome_.config->main_server().defaults;
        r.services = &services_;
        r.uri = uri;
        r.unparsed_uri = target.empty() ? uri : target;
        if (const auto q = r.unparsed_uri.find('?'); q != std::string::npos) {
            r.args = r.unparsed_uri.substr(q + 1);
        }
        r.filename = "/srv" + uri;
        if (exists) {
            struct stat st {};
            st.st_mode = S_IFDIR | 0755;
            r.finfo = st;
        }
        return r;
    }

    test::TempDir root_;
    test::LoadOutcome outcome_;
    ConnectionInfo conn_ = make_connection(8080);
    FakeServices services_;
};

TEST_F(DirFixups, SlashRedirectKeepsTheQueryAndEscapes)
{
    load("");
    Request r = request("/docs");
    r.headers_in.set("Host", "Other.example:8080");
    r.hostname = "other.example";
    EXPECT_EQ(dir_fixups(r).status, 301);
    EXPECT_EQ(r.headers_out.get("Location").value_or(""), "http://other.example:8080/docs/");
    EXPECT_EQ(r.handler, kDirMagicType);

    Request q = request("/a b", true, "/a%20b?x=1&y");
    q.headers_in.set("Host", "other.example");
    q.hostname = "other.example";
    EXPECT_EQ(dir_fixups(q).status, 301);
    EXPECT_EQ(q.headers_out.get("Location").value_or(""), "http://other.example/a%20b/?x=1&y");

    Request empty_query = request("/d", true, "/d?");
    empty_query.hostname = "h";
    empty_query.headers_in.set("Host", "h");
    dir_fixups(empty_query);
    EXPECT_EQ(empty_query.headers_out.get("Location").value_or(""), "http://h/d/?");
    EXPECT_TRUE(services_.looked_up.empty());
}

TEST_F(DirFixups, SlashRedirectUsesTheCanonicalNameWhenAsked)
{
    load("UseCanonicalName On\n");
    Request r = request("/docs");
    r.headers_in.set("Host", "other.example:8080");
    r.hostname = "other.example";
    EXPECT_EQ(dir_fixups(r).status, 301);
    EXPECT_EQ(r.headers_out.get("Location").value_or(""), "http://www.example.com/docs/");
}

TEST_F(DirFixups, SlashOffAndRedirectCarefully)
{
    load("<Directory /srv/off>\nDirectorySlash Off\n</Directory>\n");
    Request r = request("/docs");
    r.method_number = 2;  // POST
    r.subprocess_env.set("redirect-carefully", "1");
    EXPECT_TRUE(dir_fixups(r).is_declined());
    const auto& s =
        get<core::CoreServerConfig>(*outcome_.config->main_server().modules).directories.at(0);
    Request off = request("/off");
    off.per_dir = std::make_shared<DirConfigSet>(merge(*off.per_dir, *s.config));
    EXPECT_TRUE(dir_fixups(off).is_declined());
    EXPECT_FALSE(off.headers_out.has("Location"));
}

TEST_F(DirFixups, FirstExistingIndexWins)
{
    load("DirectoryIndex missing.html index.php /site/home.html\n");
    services_.table["/d/missing.html"] = {404, false, {}};
    services_.table["/d/index.php"] = {200, false, {}};  // maps to nothing regular
    services_.table["/site/home.html"] = {200, true, {}};
    Request r = request("/d/", true, "/d/?q=1");
    EXPECT_TRUE(dir_fixups(r).is_ok());
    EXPECT_EQ(services_.looked_up, (std::vector<std::string>{"missing.html?q=1", "index.php?q=1",
                                                             "/site/home.html?q=1"}));
    EXPECT_EQ(services_.fast_redirected, "/site/home.html?q=1");
}

TEST_F(DirFixups, DefaultIndexAndNoteWhenNoneExists)
{
    load("");
    Request r = request("/d/");
    EXPECT_TRUE(dir_fixups(r).is_declined());
    EXPECT_EQ(services_.looked_up, std::vector<std::string>{"index.html"});
    EXPECT_EQ(r.notes.get(kIndexNamesNote).value_or("(none)"), "index.html");
}

TEST_F(DirFixups, DisabledIndexLooksForNothing)
{
    load("DirectoryIndex disabled\n");
    Request r = request("/d/");
    EXPECT_TRUE(dir_fixups(r).is_declined());
    EXPECT_TRUE(services_.looked_up.empty());
    EXPECT_EQ(r.notes.get(kIndexNamesNote).value_or("(none)"), "");
}

TEST_F(DirFixups, ErrorsOfCandidates)
{
    load("DirectoryIndex a.html b.html c.html\n");
    services_.table["/d/a.html"] = {403, false, {}};
    services_.table["/d/b.html"] = {404, false, {}};
    Request r = request("/d/");
    EXPECT_EQ(dir_fixups(r).status, 403);  // the error beats a listing
    EXPECT_EQ(services_.looked_up.size(), 3u);

    services_.table["/d/b.html"] = {302, false, "http://elsewhere/"};
    Request redirected = request("/d/");
    EXPECT_EQ(dir_fixups(redirected).status, 302);
    EXPECT_EQ(redirected.headers_out.get("Location").value_or(""), "http://elsewhere/");

    // 401 and 406 stop the search only for the last name.
    services_.table["/d/b.html"] = {401, false, {}};
    services_.table["/d/c.html"] = {200, true, {}};
    Request middle = request("/d/");
    EXPECT_TRUE(dir_fixups(middle).is_ok());
    EXPECT_EQ(services_.fast_redirected, "/d/c.html");
    services_.table["/d/c.html"] = {401, false, "x"};
    Request last = request("/d/");
    EXPECT_EQ(dir_fixups(last).status, 401);
    EXPECT_EQ(last.headers_out.get("Location").value_or(""), "x");  // its headers come along
}

TEST_F(DirFixups, IndexRedirect)
{
    load("DirectoryIndexRedirect seeother\n");
    services_.table["/d/index.html"] = {200, true, {}};
    Request r = request("/d/", true, "/d/?x");
    r.hostname = "h.example";
    r.headers_in.set("Host", "h.example");
    EXPECT_EQ(dir_fixups(r).status, 303);
    EXPECT_EQ(r.headers_out.get("Location").value_or(""), "http://h.example/d/index.html");
}

TEST_F(DirFixups, CheckHandlerStepsAsideForAnotherHandler)
{
    load("DirectoryCheckHandler On\n");
    Request r = request("/d/");
    r.handler = "server-status";
    r.content_type = kDirMagicType;
    EXPECT_TRUE(dir_fixups(r).is_declined());
    EXPECT_EQ(r.content_type, "");
    EXPECT_TRUE(services_.looked_up.empty());
    Request own = request("/d/");
    dir_fixups(own);
    EXPECT_EQ(services_.looked_up.size(), 1u);
}

TEST_F(DirFixups, FallbackResource)
{
    load("FallbackResource /index.php\n");
    services_.table["/index.php"] = {200, true, {}};
    Request r = request("/no/such", false, "/no/such?a=b");
    EXPECT_TRUE(dir_fixups(r).is_ok());
    EXPECT_EQ(services_.fast_redirected, "/index.php?a=b");

    Request handled = request("/no/such", false);
    handled.handler = "some-handler";
    EXPECT_TRUE(dir_fixups(handled).is_declined());

    services_.table["/index.php"] = {404, false, {}};
    Request missing = request("/no/such", false);
    EXPECT_TRUE(dir_fixups(missing).is_declined());
}

TEST_F(DirFixups, FallbackDisabled)
{
    load("FallbackResource disabled\n");
    Request r = request("/no/such", false);
    EXPECT_TRUE(dir_fixups(r).is_declined());
    EXPECT_TRUE(services_.looked_up.empty());
}

TEST_F(DirFixups, PathInfoIsNeverADirectory)
{
    load("");
    Request r = request("/d/x");
    r.path_info = "/x";
    EXPECT_TRUE(dir_fixups(r).is_declined());
    EXPECT_FALSE(r.headers_out.has("Location"));
}

}  // namespace
}  // namespace feather::mod::dir
