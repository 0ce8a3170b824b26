// alias_module's Alias family (httpd's mod_alias.c add_alias,
// add_alias_regex), messages checked against apache2 -t with the same text.

#include <gtest/gtest.h>

#include "modules/alias/alias_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::alias::AliasDirConfig;
using mod::alias::AliasServerConfig;
using mod::alias::LocationAlias;

class AliasDirectives : public ModsLoadTest {};

TEST_F(AliasDirectives, TwoArgumentFormsGoToTheServerInOrder)
{
    const auto o = load("Alias /icons/ /usr/share/icons/\n"
                        "ScriptAlias /cgi-bin/ /usr/lib/cgi-bin/\n"
                        "AliasMatch ^/x(.*) /y$1\n"
                        "ScriptAliasMatch ^/s(.*) /t$1\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& a = main_server<AliasServerConfig>(o).aliases;
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[0].fake, "/icons/");
    EXPECT_EQ(a[0].real, "/usr/share/icons/");
    EXPECT_FALSE(a[0].script);
    EXPECT_EQ(a[0].regex, nullptr);
    EXPECT_EQ(a[0].loc.line, 1u);
    EXPECT_EQ(a[1].fake, "/cgi-bin/");
    EXPECT_TRUE(a[1].script);
    ASSERT_NE(a[2].regex, nullptr);
    EXPECT_EQ(a[2].real, "/y$1");
    EXPECT_FALSE(a[2].script);
    EXPECT_TRUE(a[2].regex->matches("/x1"));
    EXPECT_FALSE(a[2].regex->matches("/y1"));
    EXPECT_TRUE(a[3].script);
    EXPECT_EQ(a[3].loc.line, 4u);
    EXPECT_TRUE(o.warnings.empty());
}

TEST_F(AliasDirectives, PatternsUseHttpdsDefaultRegexOptions)
{
    // DOTALL and DOLLAR_ENDONLY, and no PCRE "extended" (httpd's
    // AP_REG_EXTENDED does nothing): a space in the pattern is literal.
    const auto o = load("AliasMatch \"^/a.b$\" /x\nAliasMatch \"^/c d\" /y\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& a = main_server<AliasServerConfig>(o).aliases;
    EXPECT_TRUE(a[0].regex->matches("/a\nb"));
    EXPECT_FALSE(a[0].regex->matches("/a-b\n"));
    EXPECT_TRUE(a[1].regex->matches("/c d"));
    EXPECT_FALSE(a[1].regex->matches("/cd"));
}

TEST_F(AliasDirectives, Errors)
{
    const std::string usage =
        "takes 1-2 arguments, a fakename and a realname, or a realname in a Location";
    EXPECT_EQ(load("Alias\n").error(), syntax_error(1, "Alias " + usage));
    EXPECT_EQ(load("Alias a b c\n").error(), syntax_error(1, "Alias " + usage));
    EXPECT_EQ(load("ScriptAlias\n").error(), syntax_error(1, "ScriptAlias " + usage));
    EXPECT_EQ(load("AliasMatch a\n").error(),
              syntax_error(1, "AliasMatch takes two arguments, a regular expression and a "
                              "filename"));
    EXPECT_EQ(load("Alias /b\n").error(),
              syntax_error(1, "Alias must have two arguments when used globally"));
    // The same words for ScriptAlias.
    EXPECT_EQ(load("ScriptAlias /b\n").error(),
              syntax_error(1, "Alias must have two arguments when used globally"));
    EXPECT_EQ(load("AliasMatch (a /b\n").error(),
              syntax_error(1, "Regular expression could not be compiled."));
    EXPECT_EQ(load("ScriptAliasMatch (a /b\n").error(),
              syntax_error(1, "Regular expression could not be compiled."));
}

TEST_F(AliasDirectives, OverlapWarnings)
{
    const auto w = [&](const std::string& conf) { return load(conf).warnings; };
    const std::string file = path("httpd.conf");
    EXPECT_EQ(w("Alias /a /b\nAlias /a/c /d\n"),
              std::vector<std::string>{"AH00671: The Alias directive in " + file +
                                       " at line 2 will probably never match because it "
                                       "overlaps an earlier Alias."});
    EXPECT_EQ(w("Alias / /b\nScriptAlias /a/c /d\n"),
              std::vector<std::string>{"AH00671: The ScriptAlias directive in " + file +
                                       " at line 2 will probably never match because it "
                                       "overlaps an earlier Alias."});
    EXPECT_EQ(w("AliasMatch ^/a /b\n\nAlias /a /d\n"),
              std::vector<std::string>{"AH00671: The Alias directive in " + file +
                                       " at line 3 will probably never match because it "
                                       "overlaps an earlier AliasMatch."});
    EXPECT_EQ(w("ScriptAlias /a /b\nAlias /a/ /d\nAlias /a/x /e\n"),
              (std::vector<std::string>{
                  "AH00671: The Alias directive in " + file +
                      " at line 2 will probably never match because it overlaps an earlier "
                      "ScriptAlias.",
                  "AH00671: The Alias directive in " + file +
                      " at line 3 will probably never match because it overlaps an earlier "
                      "ScriptAlias."}));
    // Slashes: any run matches any run; prefixes end at a segment.
    EXPECT_EQ(w("Alias //a /b\nAlias /a//c /c\n").size(), 1u);
    EXPECT_TRUE(w("Alias /a/ /b\nAlias /a /c\n").empty());
    EXPECT_TRUE(w("Alias /a /b\nAlias /ab /c\n").empty());
    // A new *Match is never checked.
    EXPECT_TRUE(w("Alias /a /b\nAliasMatch ^/a/x /c\n").empty());
}

TEST(AliasContexts, TwoArgumentFormsOnlyOutsideSections)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("Alias /a /b", Where::Directory, dir.get()),
              "Alias cannot occur within directory context");
    EXPECT_EQ(h.apply("Alias /a /b", Where::Location, dir.get()),
              "Alias cannot occur within directory context");
    EXPECT_EQ(h.apply("ScriptAlias /a /b", Where::Directory, dir.get()),
              "ScriptAlias cannot occur within directory context");
    EXPECT_EQ(h.apply("AliasMatch /a /b", Where::Directory, dir.get()),
              "AliasMatch not allowed in <Directory> context");
    EXPECT_EQ(h.apply("ScriptAliasMatch a b", Where::Files, dir.get()),
              "ScriptAliasMatch not allowed in <Files> context");
    EXPECT_EQ(h.apply("Alias /a /b", Where::Limit),
              "Alias cannot occur within <Limit> or <LimitExcept> section");
}

TEST(AliasContexts, OneArgumentFormOnlyInLocations)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("Alias /b", Where::Directory, dir.get()),
              "Alias cannot occur within <Directory> section");
    EXPECT_EQ(h.apply("Alias /b", Where::DirectoryMatch, dir.get()),
              "Alias cannot occur within <DirectoryMatch> section");
    EXPECT_EQ(h.apply("Alias /b", Where::Files, dir.get()),
              "Alias cannot occur within <Files> section");
    EXPECT_EQ(h.apply("Alias /b", Where::If, dir.get()),
              "Alias cannot occur within <If> section");
    EXPECT_FALSE(get<AliasDirConfig>(*dir).alias.is_set());

    EXPECT_EQ(h.apply("Alias /srv/%{REQUEST_URI}", Where::Location, dir.get()), std::nullopt);
    ASSERT_TRUE(get<AliasDirConfig>(*dir).alias.value);
    const LocationAlias& a = *get<AliasDirConfig>(*dir).alias.value;
    EXPECT_EQ(a.expr, "/srv/%{REQUEST_URI}");
    EXPECT_EQ(a.fake, "/x");  // the section's path
    EXPECT_FALSE(a.script);

    auto match = h.new_dir();
    EXPECT_EQ(h.apply("ScriptAlias /cgi/run", Where::LocationMatch, match.get()), std::nullopt);
    EXPECT_TRUE(get<AliasDirConfig>(*match).alias.value->script);
}

TEST(AliasContexts, AVirtualHostsAliasesAreItsOwn)
{
    ModsHarness h;
    ASSERT_EQ(h.apply("Alias /a /main"), std::nullopt);
    ASSERT_EQ(h.apply("Alias /a/b /vhost", Where::VirtualHost), std::nullopt);
    EXPECT_TRUE(h.warnings.empty());  // overlaps are looked for within one server
    ASSERT_EQ(get<AliasServerConfig>(*h.vhost().modules).aliases.size(), 1u);
    ASSERT_EQ(get<AliasServerConfig>(*h.main().modules).aliases.size(), 1u);

    // httpd's merge_alias_config: the virtual host's entries are tried first.
    const auto m = merge(get<AliasServerConfig>(*h.main().modules),
                         get<AliasServerConfig>(*h.vhost().modules));
    ASSERT_EQ(m.aliases.size(), 2u);
    EXPECT_EQ(m.aliases[0].real, "/vhost");
    EXPECT_EQ(m.aliases[1].real, "/main");
}

TEST_F(AliasDirectives, FlagsAreDirectorySettings)
{
    const auto o = load("RedirectRelative on\nAliasPreservePath On\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<AliasDirConfig>(o).allow_relative.value, true);
    EXPECT_EQ(main_dir<AliasDirConfig>(o).preserve_path.value, true);
    EXPECT_EQ(load("RedirectRelative x\n").error(),
              syntax_error(1, "RedirectRelative must be On or Off"));
    EXPECT_EQ(load("AliasPreservePath x\n").error(),
              syntax_error(1, "AliasPreservePath must be On or Off"));
}

TEST(AliasMerge, DirectorySettings)
{
    ModsHarness h;
    auto parent = h.new_dir();
    auto child = h.new_dir();
    ASSERT_EQ(h.apply("Alias /p", Where::Location, parent.get()), std::nullopt);
    ASSERT_EQ(h.apply("Redirect /p", Where::Location, parent.get()), std::nullopt);
    ASSERT_EQ(h.apply("Redirect /a http://p/", Where::Location, parent.get()), std::nullopt);
    ASSERT_EQ(h.apply("RedirectRelative on", Where::Location, parent.get()), std::nullopt);
    ASSERT_EQ(h.apply("Redirect /b http://c/", Where::Directory, child.get()), std::nullopt);
    ASSERT_EQ(h.apply("AliasPreservePath on", Where::Directory, child.get()), std::nullopt);

    const auto m = merge(get<AliasDirConfig>(*parent), get<AliasDirConfig>(*child));
    ASSERT_EQ(m.redirects.size(), 2u);
    EXPECT_EQ(m.redirects[0].url, "http://c/");  // the more specific first
    EXPECT_EQ(m.redirects[1].url, "http://p/");
    EXPECT_EQ(m.alias.value->expr, "/p");
    EXPECT_EQ(m.redirect.value->expr, "/p");
    EXPECT_EQ(m.allow_relative.value, true);
    EXPECT_EQ(m.preserve_path.value, true);

    auto other = h.new_dir();
    ASSERT_EQ(h.apply("ScriptAlias /q", Where::Location, other.get()), std::nullopt);
    ASSERT_EQ(h.apply("Redirect gone", Where::Location, other.get()), std::nullopt);
    ASSERT_EQ(h.apply("RedirectRelative off", Where::Location, other.get()), std::nullopt);
    const auto m2 = merge(m, get<AliasDirConfig>(*other));
    EXPECT_EQ(m2.alias.value->expr, "/q");
    EXPECT_TRUE(m2.alias.value->script);
    // A status-only line replaces the parent's redirect, expression and all.
    EXPECT_EQ(m2.redirect.value->expr, std::nullopt);
    EXPECT_EQ(m2.redirect.value->status, 410);
    EXPECT_EQ(m2.allow_relative.value, false);
}

}  // namespace
}  // namespace feather::test
