// .htaccess files: the parse (override classes, AllowOverride Options=,
// AllowOverrideList, unknown directives, syntax errors, with httpd's texts,
// checked against apache2) and their reading in the directory walk (the
// first AccessFileName that opens, errors as 500/403 with httpd's log
// lines, a changed file read again, an unchanged one reused).

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <utime.h>

#include <gtest/gtest.h>

#include "directives/flags.hpp"
#include "runtime/http/core_hooks.hpp"
#include "runtime/http/htaccess_reader.hpp"
#include "tests/runtime/http/serving_fixture.hpp"

namespace feather::test::serving {
namespace {

using directives::Allow;
using mod::core::CoreDirConfig;

unsigned bits(Allow a) { return static_cast<unsigned>(a); }

runtime::OverrideRules rules(Allow override, unsigned opts = mod::core::kDefaultOverrideOpts,
                             std::vector<std::string> list = {})
{
    return runtime::OverrideRules{bits(override), opts, std::move(list)};
}

std::string forced_type(const DirConfigSet& c)
{
    const auto& core = get<CoreDirConfig>(c);
    return core.mime_type.is_set() ? *core.mime_type.value : std::string("-");
}

int map(Request& r)
{
    const Verdict t = runtime::core_translate(r);
    if (!t.is_ok()) {
        return t.status;
    }
    const Verdict m = runtime::core_map_to_storage(r);
    return m.is_ok() ? 0 : m.status;
}

class HtaccessParse : public ::testing::Test {
protected:
    runtime::ParsedHtaccess parse(const std::string& text, const runtime::OverrideRules& r)
    {
        return runtime::parse_htaccess(*s.outcome.config, 0, "/d/.htaccess", "/d/", text, r);
    }
    Serving s{"LoadModule mime_module m.so\nLoadModule authz_core_module a.so\n"
              "DocumentRoot @ROOT@/htdocs\n"};
};

TEST_F(HtaccessParse, AllowedDirectiveSetsTheFilesConfig)
{
    const auto p = parse("ForceType text/x-a\n", rules(Allow::FileInfo));
    ASSERT_FALSE(p.error) << *p.error;
    EXPECT_EQ(forced_type(*p.config), "text/x-a");
    // Core's Options start unset in an .htaccess (no FollowSymLinks default).
    EXPECT_EQ(get<CoreDirConfig>(*p.config).opts, unsigned{mod::core::kOptUnset});
}

TEST_F(HtaccessParse, DirectiveOfAnotherClassIsNotAllowedHere)
{
    EXPECT_EQ(parse("Require all denied\n", rules(Allow::FileInfo)).error,
              "Require not allowed here");
    EXPECT_EQ(parse("ForceType a/b\n", rules(Allow::AuthConfig)).error,
              "ForceType not allowed here");
    // AllowOverride never set: the Unset bit alone allows nothing.
    EXPECT_EQ(parse("ForceType a/b\n", rules(Allow::Unset)).error, "ForceType not allowed here");
    EXPECT_EQ(parse("AllowOverride All\n", rules(Allow::All)).error,
              "AllowOverride not allowed here");
    EXPECT_EQ(parse("<Directory /x>\n</Directory>\n", rules(Allow::All)).error,
              "<Directory not allowed here");
}

TEST_F(HtaccessParse, UnknownDirectiveAndArgumentErrors)
{
    EXPECT_EQ(parse("Bogus on\n", rules(Allow::All)).error,
              "Invalid command 'Bogus', perhaps misspelled or defined by a module not included "
              "in the server configuration");
    EXPECT_EQ(parse("ForceType\n", rules(Allow::All)).error,
              "ForceType takes one argument, a mime type that overrides other configured type");
    EXPECT_EQ(parse("<Files a>\nForceType x/y\n", rules(Allow::All)).error,
              "/d/.htaccess:1: <Files> was not closed.");
    EXPECT_EQ(parse("</Files>\n", rules(Allow::All)).error,
              "</Files> without matching <Files> section");
}

TEST_F(HtaccessParse, OptionsLimitedByAllowOverrideOptionsList)
{
    const unsigned indexes_only = mod::core::kOptIndexes;
    EXPECT_FALSE(parse("Options +Indexes\n", rules(Allow::Options, indexes_only)).error);
    EXPECT_EQ(parse("Options +FollowSymLinks\n", rules(Allow::Options, indexes_only)).error,
              "Option FollowSymLinks not allowed here");
    // "AllowOverride Options" alone: OPT_ALL, without MultiViews.
    EXPECT_EQ(parse("Options +MultiViews\n", rules(Allow::Options, mod::core::kOptAll)).error,
              "Option MultiViews not allowed here");
}

TEST_F(HtaccessParse, OverrideListAllowsNamedDirectives)
{
    const auto p = parse("forcetype text/x-listed\n", rules(Allow::None, 0, {"ForceType"}));
    ASSERT_FALSE(p.error) << *p.error;
    EXPECT_EQ(forced_type(*p.config), "text/x-listed");
    EXPECT_EQ(parse("AddType a/b .x\n", rules(Allow::None, 0, {"ForceType"})).error,
              "AddType not allowed here");
}

TEST_F(HtaccessParse, NonfatalSkipsWithWarnings)
{
    const auto p = parse("Require all denied\nBogus x\nForceType a/b\n",
                         rules(Allow::FileInfo | Allow::NonfatalOverride | Allow::NonfatalUnknown));
    ASSERT_FALSE(p.error) << *p.error;
    EXPECT_EQ(forced_type(*p.config), "a/b");
    ASSERT_EQ(p.warnings.size(), 2u);
    EXPECT_EQ(p.warnings[0].text, "AH02295: Require in .htaccess forbidden by AllowOverride");
    EXPECT_EQ(p.warnings[1].text,
              "AH02296: Unknown directive bogus perhaps misspelled or defined by a module not "
              "included in the server configuration");
}

TEST_F(HtaccessParse, SectionsAllowedInHtaccess)
{
    const auto p = parse(
        "<Files a.txt>\nForceType x/files\n</Files>\n<IfModule mod_mime.c>\nForceType x/if\n"
        "</IfModule>\n<IfModule nothing.c>\nBogus\n</IfModule>\n",
        rules(Allow::FileInfo));
    ASSERT_FALSE(p.error) << *p.error;
    EXPECT_EQ(forced_type(*p.config), "x/if");
    ASSERT_EQ(get<CoreDirConfig>(*p.config).files.size(), 1u);
    EXPECT_EQ(parse("<Limit GET>\nRequire all denied\n</Limit>\n", rules(Allow::FileInfo)).error,
              "<Limit not allowed here");
}

class HtaccessWalk : public ::testing::Test {
protected:
    Serving s{"LoadModule authz_core_module a.so\nDocumentRoot @ROOT@/htdocs\n"
              "<Directory />\nAllowOverride None\n</Directory>\n"
              "<Directory @ROOT@/htdocs/d>\nAllowOverride FileInfo\n</Directory>\n"};
};

TEST_F(HtaccessWalk, ReadsMergesAndReusesUntilChanged)
{
    s.root.write("htdocs/d/.htaccess", "ForceType text/x-one\n");
    s.root.write("htdocs/d/f.txt", "f\n");
    const auto before = runtime::HtaccessCache::process().counts();
    auto r = s.request("/d/f.txt");
    ASSERT_EQ(map(*r), 0);
    EXPECT_EQ(forced_type(*r->per_dir), "text/x-one");
    auto again = s.request("/d/f.txt");
    ASSERT_EQ(map(*again), 0);
    EXPECT_EQ(again->per_dir, r->per_dir);  // the same memoised merge
    auto after = runtime::HtaccessCache::process().counts();
    EXPECT_EQ(after.parses - before.parses, 1u);
    EXPECT_EQ(after.reuses - before.reuses, 1u);

    // A new size and mtime: parsed again.
    s.root.write("htdocs/d/.htaccess", "ForceType text/x-changed\n");
    struct utimbuf t {1700000000, 1700000000};
    ::utime(s.path("htdocs/d/.htaccess").c_str(), &t);
    auto changed = s.request("/d/f.txt");
    ASSERT_EQ(map(*changed), 0);
    EXPECT_EQ(forced_type(*changed->per_dir), "text/x-changed");
    EXPECT_EQ(runtime::HtaccessCache::process().counts().parses - before.parses, 2u);
}

TEST_F(HtaccessWalk, ErrorIs500WithTheFileNameLoggedAtAlert)
{
    s.root.write("htdocs/d/e/.htaccess", "Require all denied\n");
    s.root.write("htdocs/d/e/f.txt", "f\n");
    auto r = s.request("/d/e/f.txt");
    EXPECT_EQ(map(*r), 500);
    ASSERT_EQ(s.services.lines.size(), 1u);
    EXPECT_EQ(s.services.lines[0].level, LogLevel::Alert);
    EXPECT_EQ(s.services.lines[0].text,
              s.path("htdocs/d/e/.htaccess") + ": Require not allowed here");
}

TEST_F(HtaccessWalk, DirectoryInPlaceOfTheFileIs403)
{
    std::filesystem::create_directories(s.path("htdocs/d/x/.htaccess"));
    s.root.write("htdocs/d/x/f.txt", "f\n");
    auto r = s.request("/d/x/f.txt");
    EXPECT_EQ(map(*r), 403);
    ASSERT_EQ(s.services.lines.size(), 2u);
    EXPECT_EQ(s.services.lines[0].text, "AH00554: Access to file " +
                                            s.path("htdocs/d/x/.htaccess") +
                                            " denied by server: not a regular file");
    EXPECT_EQ(s.services.lines[1].level, LogLevel::Crit);
    EXPECT_EQ(s.services.lines[1].os_error, EBADF);
    EXPECT_EQ(s.services.lines[1].text,
              "AH00529: " + s.path("htdocs/d/x/.htaccess") +
                  " pcfg_openfile: unable to check htaccess file, ensure it is readable and "
                  "that '" + s.path("htdocs/d/x/") + "' is executable");
    EXPECT_EQ(r->notes.get("error-notes"),
              std::optional<std::string_view>(
                  "Server unable to read htaccess file, denying access to be safe"));
}

TEST_F(HtaccessWalk, NoneAboveTheSectionReadsNothing)
{
    // AllowOverride None at "/": a broken file above the <Directory> is never opened.
    s.root.write("htdocs/.htaccess", "Garbage\n");
    s.root.write("htdocs/top.txt", "t\n");
    auto r = s.request("/top.txt");
    EXPECT_EQ(map(*r), 0);
    EXPECT_TRUE(s.services.lines.empty());
}

}  // namespace
}  // namespace feather::test::serving
