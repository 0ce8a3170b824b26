// mod_alias at request time: Alias and its forms in translate_name, the
// Redirect family (server-wide in translate_name, per section in fixups),
// the Location header and its query. Expected values checked against
// apache2 (tests/compat/http scenario "alias_redirect").

#include <gtest/gtest.h>

#include "modules/alias/alias_hooks.hpp"
#include "modules/alias/regsub.hpp"
#include "modules/request/url_parts.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::mod::alias {
namespace {

ConnectionInfo make_connection(std::uint16_t port)
{
    ConnectionInfo c;
    c.client_ip = "127.0.0.1";
    c.local_ip = "127.0.0.1";
    c.local_port = port;
    return c;
}

class AliasHooks : public ::testing::Test {
protected:
    void load(const std::string& conf)
    {
        outcome_ = test::load_text(root_,
                                   "LoadModule alias_module modules/mod_alias.so\n"
                                   "ServerName www.example.com\n" +
                                       conf);
        ASSERT_TRUE(outcome_.ok()) << outcome_.error();
    }

    // A request for `target` (path and query as sent; `uri` is its decoded
    // path), with the <Location> sections that prefix it merged in.
    Request request(const std::string& uri, const std::string& target = "")
    {
        Request r;
        r.connection = &conn_;
        r.config = outcome_.config.get();
        r.server = &outcome_.config->main_server();
        r.uri = uri;
        r.unparsed_uri = target.empty() ? uri : target;
        if (const auto q = r.unparsed_uri.find('?'); q != std::string::npos) {
            r.args = r.unparsed_uri.substr(q + 1);
        }
        r.headers_in.set("Host", "www.example.com");
        r.hostname = "www.example.com";
        std::shared_ptr<const DirConfigSet> dir = outcome_.config->main_server().defaults;
        for (const auto& s : get<core::CoreServerConfig>(*r.server->modules).locations) {
            if (uri.compare(0, s.pattern.size(), s.pattern) == 0) {
                dir = std::make_shared<DirConfigSet>(merge(*dir, *s.config));
            }
        }
        r.per_dir = dir;
        return r;
    }

    // The per-directory config of the first <Directory> section.
    std::shared_ptr<const DirConfigSet> directory(std::size_t i = 0) const
    {
        const auto& s =
            get<core::CoreServerConfig>(*outcome_.config->main_server().modules).directories.at(i);
        return std::make_shared<DirConfigSet>(
            merge(*outcome_.config->main_server().defaults, *s.config));
    }

    test::TempDir root_;
    test::LoadOutcome outcome_;
    ConnectionInfo conn_ = make_connection(80);
};

TEST_F(AliasHooks, PrefixAliases)
{
    load(
        "Alias /icons/ /usr/share/icons/\n"
        "Alias /doc /usr/share/doc\n"
        "Alias /x//y /srv/xy\n"
        "Alias /rel data\n");
    struct Row {
        const char* uri;
        const char* filename;  // "" when no alias applies
    };
    const Row rows[] = {
        {"/icons/a.png", "/usr/share/icons/a.png"},
        {"/icons", ""},  // the alias ends in '/': so must the URL
        {"/doc", "/usr/share/doc"},
        {"/doc/", "/usr/share/doc/"},
        {"/doc/a/b.txt", "/usr/share/doc/a/b.txt"},
        {"/docs", ""},            // only at a segment boundary
        {"/x/y/z", "/srv/xy/z"},  // one '/' of the alias matches one or more
        {"/x/y", "/srv/xy"},
        {"/rel/f", ""},  // relative: under ServerRoot (checked below)
    };
    for (const Row& row : rows) {
        if (std::string(row.uri) == "/rel/f") {
            continue;
        }
        Request r = request(row.uri);
        const Verdict v = translate_alias_redir(r);
        EXPECT_EQ(r.filename, row.filename) << row.uri;
        EXPECT_EQ(v.is_ok(), !std::string(row.filename).empty()) << row.uri;
    }
    Request rel = request("/rel/f");
    EXPECT_TRUE(translate_alias_redir(rel).is_ok());
    EXPECT_EQ(rel.filename, root_.str() + "/data/f");
}

TEST_F(AliasHooks, FirstMatchWinsAndMatchFormsSubstitute)
{
    load(
        "AliasMatch ^/m/(.*)\\.(html)$ /srv/$2/$1\\$\n"
        "Alias /m /srv/plain-m\n"
        "ScriptAlias /cgi-bin/ /srv/cgi/\n"
        "ScriptAliasMatch ^/run/(\\w+) /srv/run/$1.sh\n");
    Request m = request("/m/page.html");
    EXPECT_TRUE(translate_alias_redir(m).is_ok());
    EXPECT_EQ(m.filename, "/srv/html/page$");
    Request plain = request("/m/page.txt");
    translate_alias_redir(plain);
    EXPECT_EQ(plain.filename, "/srv/plain-m/page.txt");
    EXPECT_EQ(plain.handler, "");

    Request cgi = request("/cgi-bin/test.sh");
    EXPECT_TRUE(translate_alias_redir(cgi).is_ok());
    EXPECT_EQ(cgi.filename, "/srv/cgi/test.sh");
    EXPECT_EQ(cgi.handler, kCgiHandler);
    EXPECT_EQ(cgi.notes.get(kForcedTypeNote).value_or(""), kCgiHandler);
    Request run = request("/run/job/extra");
    translate_alias_redir(run);
    EXPECT_EQ(run.filename, "/srv/run/job.sh");
    EXPECT_EQ(run.handler, kCgiHandler);
}

TEST_F(AliasHooks, RedirectsBuildHttpdsLocation)
{
    load(
        "Redirect /old http://other.example/new\n"
        "Redirect permanent /perm /local/path\n"
        "RedirectMatch (.*)\\.gif$ http://img.example$1.png\n"
        "RedirectMatch 301 ^/esc/(.*) http://e.example/a%20b/$1?k=v#frag\n"
        "Redirect seeother /own http://o.example/?given=1\n"
        "Redirect gone /gone\n"
        "Redirect 404 /nf\n"
        "RedirectTemp /tmp http://user:pw@t.example:80/t\n");
    struct Row {
        const char* uri;
        const char* target;
        int status;
        const char* location;
    };
    const Row rows[] = {
        {"/old/a b", "/old/a%20b?x=1", 302, "http://other.example/new/a%20b?x=1"},
        {"/old", "/old", 302, "http://other.example/new"},
        {"/oldx", "/oldx", 0, ""},
        {"/perm/x", "/perm/x?", 301, "http://www.example.com/local/path/x?"},
        {"/pics/a.gif", "/pics/a.gif?q", 302, "http://img.example/pics/a.png?q"},
        {"/esc/x y", "/esc/x%20y?z", 301, "http://e.example/a%2520b/x%20y?k=v#frag"},
        {"/own", "/own?mine=2", 303, "http://o.example/?given=1"},  // the target's own query stays
        {"/own/x", "/own/x?mine=2", 303, "http://o.example/?given=1/x"},
        {"/gone/x", "/gone/x", 410, ""},
        {"/nf", "/nf", 404, ""},
        {"/tmp/x", "/tmp/x", 302,
         "http://user:pw@t.example:80/t/x"},  // prefix form: not re-written
    };
    for (const Row& row : rows) {
        Request r = request(row.uri, row.target);
        const Verdict v = translate_alias_redir(r);
        if (row.status == 0) {
            EXPECT_TRUE(v.is_declined()) << row.uri;
        } else {
            EXPECT_EQ(v.status, row.status) << row.uri;
        }
        EXPECT_EQ(r.headers_out.get("Location").value_or(""), row.location) << row.uri;
    }
}

TEST_F(AliasHooks, RedirectsComeBeforeAliases)
{
    load("Alias /both /srv/both\nRedirect /both http://r.example/\n");
    Request r = request("/both");
    EXPECT_EQ(translate_alias_redir(r).status, 302);
    EXPECT_EQ(r.filename, "");
}

TEST_F(AliasHooks, LocationForms)
{
    load(
        "<Location /one>\n  Alias /srv/one-target\n</Location>\n"
        "<Location /keep>\n  Alias /srv/keep\n  AliasPreservePath On\n</Location>\n"
        "<Location /script>\n  ScriptAlias /srv/scripts\n</Location>\n"
        "<Location /moved>\n  Redirect permanent http://m.example/there\n</Location>\n"
        "<Location /rel>\n  Redirect /relative/path\n  RedirectRelative On\n</Location>\n"
        "<Location /abs>\n  Redirect /absolute/path\n</Location>\n"
        "<Location /bye>\n  Redirect gone\n</Location>\n");
    Request one = request("/one/sub");
    EXPECT_TRUE(translate_alias_redir(one).is_ok());
    EXPECT_EQ(one.filename, "/srv/one-target");
    Request keep = request("/keep/sub/f");
    translate_alias_redir(keep);
    EXPECT_EQ(keep.filename, "/srv/keep/sub/f");
    Request script = request("/script/x");
    translate_alias_redir(script);
    EXPECT_EQ(script.handler, kCgiHandler);

    Request moved = request("/moved/x", "/moved/x?q");
    EXPECT_EQ(translate_alias_redir(moved).status, 301);
    EXPECT_EQ(moved.headers_out.get("Location").value_or(""), "http://m.example/there?q");
    Request rel = request("/rel");
    EXPECT_EQ(translate_alias_redir(rel).status, 302);
    EXPECT_EQ(rel.headers_out.get("Location").value_or(""), "/relative/path");
    Request abs = request("/abs");
    translate_alias_redir(abs);
    EXPECT_EQ(abs.headers_out.get("Location").value_or(""), "http://www.example.com/absolute/path");
    Request bye = request("/bye");
    EXPECT_EQ(translate_alias_redir(bye).status, 410);
    EXPECT_FALSE(bye.headers_out.has("Location"));
}

TEST_F(AliasHooks, DirectoryRedirectsRunInFixups)
{
    load("<Directory /srv/d>\n  Redirect /d/old http://n.example/new\n</Directory>\n");
    Request r = request("/d/old/f");
    EXPECT_TRUE(translate_alias_redir(r).is_declined());  // not a server-wide redirect
    r.per_dir = directory();
    EXPECT_EQ(fixup_redir(r).status, 302);
    EXPECT_EQ(r.headers_out.get("Location").value_or(""), "http://n.example/new/f");
    Request other = request("/d/other");
    other.per_dir = directory();
    EXPECT_TRUE(fixup_redir(other).is_declined());
}

TEST_F(AliasHooks, NonAbsoluteTargetIs500)
{
    // RedirectMatch is not checked when read; a result that is neither a
    // URL nor a path fails at request time.
    load("RedirectMatch ^/bad(.*) relative$1\n");
    Request r = request("/bad/x");
    EXPECT_EQ(translate_alias_redir(r).status, 500);
    EXPECT_FALSE(r.headers_out.has("Location"));
}

TEST(Regsub, DollarDigitsAndBackslashes)
{
    const std::vector<std::string> groups{"whole", "one", ""};
    EXPECT_EQ(*regsub("a$1b$2c$3d$0", groups), "aonebcdwhole");
    EXPECT_EQ(*regsub("\\$1 \\\\ $", groups), "$1 \\ $");
    EXPECT_EQ(*regsub("&$x", groups), "&$x");
    EXPECT_FALSE(regsub(std::string(kMaxSubstitution, 'a'), groups));
    EXPECT_TRUE(regsub(std::string(kMaxSubstitution - 1, 'a'), groups));
}

TEST(UrlParts, ParseAndUnparseAsApr)
{
    const UrlParts u = parse_url("http://user:pw@Host.example:8080/p/a?q=1#f");
    EXPECT_EQ(u.scheme.value_or(""), "http");
    EXPECT_EQ(u.user.value_or(""), "user");
    EXPECT_EQ(u.hostname.value_or(""), "Host.example");
    EXPECT_EQ(u.port, 8080);
    EXPECT_EQ(u.path.value_or(""), "/p/a");
    EXPECT_EQ(u.query.value_or(""), "q=1");
    EXPECT_EQ(u.fragment.value_or(""), "f");
    EXPECT_EQ(unparse_url(u, true), "http://user:XXXXXXXX@Host.example:8080/p/a");
    EXPECT_EQ(unparse_url(parse_url("https://h:443/x"), true), "https://h/x");
    EXPECT_EQ(unparse_url(parse_url("http://[::1]:81/x?y"), false), "http://[::1]:81/x?y");
    EXPECT_EQ(parse_url("//h/x").hostname.value_or(""), "h");
    EXPECT_FALSE(parse_url("///h/x").hostname);
    EXPECT_FALSE(parse_url("http://h:8x/").ok);
    EXPECT_EQ(escape_path("/a b/%/ü?#~"), "/a%20b/%25/%c3%bc%3f%23~");
    EXPECT_TRUE(is_url("http://x"));
    EXPECT_TRUE(is_url("mailto:x"));
    EXPECT_FALSE(is_url("/x:y"));
    EXPECT_FALSE(is_url(":x"));
    EXPECT_FALSE(is_url("relative"));
}

}  // namespace
}  // namespace feather::mod::alias
