// alias_module's Redirect family (httpd's mod_alias.c
// add_redirect_internal), messages checked against apache2 -t with the same
// text.

#include <gtest/gtest.h>

#include "modules/alias/alias_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::alias::AliasDirConfig;
using mod::alias::AliasServerConfig;
using mod::alias::LocationRedirect;
using mod::alias::RedirectEntry;

using Opt = std::optional<std::string>;

class RedirectDirectives : public ModsLoadTest {
protected:
    // The single server-level redirect `line` makes.
    RedirectEntry one(const std::string& line)
    {
        const auto o = load(line + "\n");
        EXPECT_TRUE(o.ok()) << line << ": " << o.error();
        if (!o.ok()) {
            return {};
        }
        const auto& r = main_server<AliasServerConfig>(o).redirects;
        EXPECT_EQ(r.size(), 1u) << line;
        return r.empty() ? RedirectEntry{} : r.front();
    }
    std::string error(const std::string& line) { return load(line + "\n").error(); }
};

TEST_F(RedirectDirectives, ServerLevelForms)
{
    auto r = one("Redirect /a http://x/");
    EXPECT_EQ(r.fake, Opt("/a"));
    EXPECT_EQ(r.url, Opt("http://x/"));
    EXPECT_EQ(r.status, 302);
    EXPECT_EQ(r.regex, nullptr);
    EXPECT_EQ(r.loc.line, 1u);

    EXPECT_EQ(one("Redirect /a /b").url, Opt("/b"));  // a path is allowed
    EXPECT_EQ(one("Redirect /a x:y").url, Opt("x:y"));
    EXPECT_EQ(one("Redirect permanent /a http://x").status, 301);
    EXPECT_EQ(one("Redirect TEMP /a http://x").status, 302);
    EXPECT_EQ(one("Redirect seeother /a http://x").status, 303);
    EXPECT_EQ(one("Redirect 307 /a http://x").status, 307);
    EXPECT_EQ(one("Redirect 301abc /a http://x").status, 301);  // httpd's atoi

    r = one("Redirect gone /a");
    EXPECT_EQ(r.status, 410);
    EXPECT_EQ(r.fake, Opt("/a"));
    EXPECT_EQ(r.url, std::nullopt);

    // Any other number is a status without URL, even nonsense ones.
    EXPECT_EQ(one("Redirect 200 /a").status, 200);
    EXPECT_EQ(one("Redirect 3 /a").status, 3);

    // httpd accepts a bare status outside sections, with no URL-path.
    r = one("Redirect gone");
    EXPECT_EQ(r.status, 410);
    EXPECT_EQ(r.fake, std::nullopt);
}

TEST_F(RedirectDirectives, TempPermanentAndMatch)
{
    EXPECT_EQ(one("RedirectTemp /a http://x").status, 302);
    EXPECT_EQ(one("RedirectPermanent /a http://x").status, 301);
    // The first word is still read as a status.
    auto r = one("RedirectTemp gone /x");
    EXPECT_EQ(r.status, 410);
    EXPECT_EQ(r.fake, Opt("/x"));

    r = one("RedirectMatch ^/a(.*) b$1");  // no URL check for patterns
    ASSERT_NE(r.regex, nullptr);
    EXPECT_TRUE(r.regex->matches("/a1"));
    EXPECT_EQ(r.fake, Opt("^/a(.*)"));
    EXPECT_EQ(r.url, Opt("b$1"));
    EXPECT_EQ(one("RedirectMatch permanent ^/a http://x").status, 301);
}

TEST_F(RedirectDirectives, Errors)
{
    EXPECT_EQ(error("Redirect /a"), syntax_error(1, "URL to redirect to is missing"));
    EXPECT_EQ(error("Redirect 301 /a"), syntax_error(1, "URL to redirect to is missing"));
    EXPECT_EQ(error("Redirect permanent"), syntax_error(1, "URL to redirect to is missing"));
    EXPECT_EQ(error("Redirect /a b"), syntax_error(1, "Redirect to non-URL"));
    EXPECT_EQ(error("Redirect 301 /a :y"), syntax_error(1, "Redirect to non-URL"));
    EXPECT_EQ(error("RedirectPermanent /a b"), syntax_error(1, "Redirect to non-URL"));
    EXPECT_EQ(error("Redirect foo /a http://x"),
              syntax_error(1, "Redirect: invalid first argument (of three)"));
    // Checked before the pattern is compiled.
    EXPECT_EQ(error("RedirectMatch foo (a b"),
              syntax_error(1, "Redirect: invalid first argument (of three)"));
    EXPECT_EQ(error("Redirect gone /a http://x"),
              syntax_error(1, "Redirect URL not valid for this status"));
    EXPECT_EQ(error("RedirectMatch (a http://x"),
              syntax_error(1, "Regular expression could not be compiled."));

    EXPECT_EQ(error("Redirect"),
              syntax_error(1, "Redirect takes one, two or three arguments, an optional status, "
                              "then document to be redirected and destination URL"));
    EXPECT_EQ(error("Redirect 1 2 3 4"),
              syntax_error(1, "Redirect takes one, two or three arguments, an optional status, "
                              "then document to be redirected and destination URL"));
    EXPECT_EQ(error("RedirectMatch a"),
              syntax_error(1, "RedirectMatch takes two or three arguments, an optional status, "
                              "then a regular expression and destination URL"));
    EXPECT_EQ(error("RedirectTemp a"),
              syntax_error(1, "RedirectTemp takes two arguments, a document to be redirected, "
                              "then the destination URL"));
    EXPECT_EQ(error("RedirectPermanent a b c"),
              syntax_error(1, "RedirectPermanent takes two arguments, a document to be "
                              "redirected, then the destination URL"));
}

class SectionRedirect : public ::testing::Test {
protected:
    // The section redirect after `lines` in a <Location>.
    std::optional<LocationRedirect> in_location(std::initializer_list<const char*> lines)
    {
        auto dir = h.new_dir();
        for (const char* line : lines) {
            EXPECT_EQ(h.apply(line, Where::Location, dir.get()), std::nullopt) << line;
        }
        EXPECT_TRUE(get<AliasDirConfig>(*dir).redirects.empty());
        return get<AliasDirConfig>(*dir).redirect.value;
    }
    ModsHarness h;
};

TEST_F(SectionRedirect, ExpressionForms)
{
    auto r = in_location({"Redirect /y"});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->expr, Opt("/y"));
    EXPECT_EQ(r->status, 302);

    r = in_location({"Redirect 301 /y"});
    EXPECT_EQ(r->expr, Opt("/y"));
    EXPECT_EQ(r->status, 301);

    r = in_location({"Redirect permanent https://%{HTTP_HOST}/"});
    EXPECT_EQ(r->expr, Opt("https://%{HTTP_HOST}/"));
    EXPECT_EQ(r->status, 301);

    // Not checked as a URL: it is an expression.
    EXPECT_EQ(in_location({"Redirect foo"})->expr, Opt("foo"));
    // Nor compiled as a pattern.
    r = in_location({"RedirectMatch permanent (x"});
    EXPECT_EQ(r->expr, Opt("(x"));
    EXPECT_EQ(r->status, 301);
}

TEST_F(SectionRedirect, StatusOnlyForms)
{
    auto r = in_location({"Redirect gone"});
    EXPECT_EQ(r->expr, std::nullopt);
    EXPECT_EQ(r->status, 410);
    // An earlier expression of the same section is kept.
    r = in_location({"Redirect /foo", "Redirect 404"});
    EXPECT_EQ(r->expr, Opt("/foo"));
    EXPECT_EQ(r->status, 404);

    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("Redirect 404", Where::Directory, dir.get()), std::nullopt);
    EXPECT_EQ(get<AliasDirConfig>(*dir).redirect.value->status, 404);
}

TEST_F(SectionRedirect, PathAndUrlFormsInSections)
{
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("Redirect /a http://x", Where::Location, dir.get()), std::nullopt);
    EXPECT_EQ(h.apply("Redirect permanent /b http://y", Where::Htaccess, dir.get()),
              std::nullopt);
    const auto& r = get<AliasDirConfig>(*dir).redirects;
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].fake, Opt("/a"));
    EXPECT_EQ(r[1].status, 301);
    EXPECT_FALSE(get<AliasDirConfig>(*dir).redirect.is_set());
    EXPECT_TRUE(get<AliasServerConfig>(*h.main().modules).redirects.empty());

    EXPECT_EQ(h.apply("Redirect /a b", Where::Location, dir.get()), "Redirect to non-URL");
    EXPECT_EQ(h.apply("Redirect 301", Where::Location, dir.get()),
              "URL to redirect to is missing");
}

TEST(RedirectMerge, VirtualHostEntriesComeFirst)
{
    ModsHarness h;
    ASSERT_EQ(h.apply("Redirect /a http://main/"), std::nullopt);
    ASSERT_EQ(h.apply("Redirect /a http://vhost/", Where::VirtualHost), std::nullopt);
    const auto m = merge(get<AliasServerConfig>(*h.main().modules),
                         get<AliasServerConfig>(*h.vhost().modules));
    ASSERT_EQ(m.redirects.size(), 2u);
    EXPECT_EQ(m.redirects[0].url, Opt("http://vhost/"));
    EXPECT_EQ(m.redirects[1].url, Opt("http://main/"));
}

}  // namespace
}  // namespace feather::test
