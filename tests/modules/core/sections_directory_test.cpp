// <Directory> and <DirectoryMatch>: every expected text was checked against
// apache2 -t (Apache/2.4.71) on the same configuration.

#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

std::string cwd()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) != nullptr ? buf : "";
}

TEST(DirectorySection, AbsolutePathGetsTrailingSlashAndComponentCount)
{
    TempDir root;
    auto o = feather::test::load_text(root, "\n<Directory /srv/www>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 1u);
    EXPECT_EQ(dirs[0].kind, SectionKind::Directory);
    EXPECT_EQ(dirs[0].pattern, "/srv/www/");
    EXPECT_EQ(dirs[0].components, 3u);
    EXPECT_FALSE(dirs[0].is_fnmatch);
    EXPECT_EQ(dirs[0].regex, nullptr);
    EXPECT_EQ(dirs[0].loc.line, 2u);
    EXPECT_GT(dirs[0].id, 0);
    ASSERT_NE(dirs[0].config, nullptr);
}

TEST(DirectorySection, RootHasNoComponents)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, "<Directory />\n</Directory>\n<Directory //>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(dirs[0].pattern, "/");
    EXPECT_EQ(dirs[0].components, 0u);
    EXPECT_EQ(dirs[1].pattern, "/");
    EXPECT_EQ(dirs[1].components, 0u);
}

TEST(DirectorySection, PathIsMadeCanonical)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Directory \"//srv/./www//x/../y\">\n</Directory>\n"
                                      "<Directory /srv/www/>\n</Directory>\n"
                                      "<Directory /../a>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 3u);
    EXPECT_EQ(dirs[0].pattern, "/srv/www/y/");
    EXPECT_EQ(dirs[0].components, 4u);
    EXPECT_EQ(dirs[1].pattern, "/srv/www/");
    EXPECT_EQ(dirs[2].pattern, "/a/");
}

TEST(DirectorySection, RelativePathIsTakenFromTheWorkingDirectory)
{
    // httpd merges with apr_filepath_merge(NULL, path): the working
    // directory (strace shows getcwd), not ServerRoot.
    TempDir root;
    auto o = feather::test::load_text(
        root, "<Directory htdocs>\n</Directory>\n<Directory \"\">\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 2u);
    const std::string base = cwd() == "/" ? "" : cwd();
    EXPECT_EQ(dirs[0].pattern, base + "/htdocs/");
    EXPECT_EQ(dirs[1].pattern, base + "/");
}

TEST(DirectorySection, WildcardsAreNoted)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Directory /srv/*/htdocs>\n</Directory>\n"
                                      "<Directory /srv/[ab]>\n</Directory>\n"
                                      "<Directory /srv/[ab>\n</Directory>\n"
                                      "<Directory /srv/\\*>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 4u);
    EXPECT_TRUE(dirs[0].is_fnmatch);
    EXPECT_TRUE(dirs[1].is_fnmatch);
    EXPECT_FALSE(dirs[2].is_fnmatch);
    EXPECT_FALSE(dirs[3].is_fnmatch);
}

TEST(DirectorySection, TildeFormIsARegexWithNamedGroups)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, "<Directory ~ \"^/srv/(?<site>[a-z]+)/(x|y)\">\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 1u);
    ASSERT_NE(dirs[0].regex, nullptr);
    EXPECT_EQ(dirs[0].pattern, "^/srv/(?<site>[a-z]+)/(x|y)");
    EXPECT_EQ(dirs[0].components, 3u);  // httpd counts the slashes of the pattern too
    const auto names = dirs[0].regex->named_groups();
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0], (std::pair<std::string, int>{"site", 1}));
    const auto m = dirs[0].regex->match("/srv/abc/y");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ((*m)[1], "abc");
    EXPECT_FALSE(dirs[0].regex->matches("/srv/ABC/y"));  // case matters on Unix
}

TEST(DirectorySection, MatchFormIsARegex)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<DirectoryMatch \"^/www/(.+)/\">\n</DirectoryMatch>\n"
                                      "<DirectoryMatch ~ foo>\n</DirectoryMatch>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 2u);
    ASSERT_NE(dirs[0].regex, nullptr);
    EXPECT_EQ(dirs[0].pattern, "^/www/(.+)/");
    EXPECT_TRUE(dirs[0].regex->matches("/www/a/"));
    // <DirectoryMatch ~ x> takes "~" as the regex marker too.
    EXPECT_EQ(dirs[1].pattern, "foo");
    ASSERT_NE(dirs[1].regex, nullptr);
}

TEST(DirectorySection, RegexUsesHttpdDefaultFlags)
{
    // AP_REG_DEFAULT: DOTALL and DOLLAR_ENDONLY.
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<DirectoryMatch \"^/a$\">\n</DirectoryMatch>\n"
                                      "<DirectoryMatch \"^/a.b$\">\n</DirectoryMatch>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_TRUE(dirs[0].regex->matches("/a"));
    EXPECT_FALSE(dirs[0].regex->matches("/a\n"));
    EXPECT_TRUE(dirs[1].regex->matches("/a\nb"));
}

TEST(DirectorySection, EmptyTildeRegexIsAccepted)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory ~>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    ASSERT_EQ(main_core(o).directories.size(), 1u);
    EXPECT_EQ(main_core(o).directories[0].pattern, "");
    EXPECT_NE(main_core(o).directories[0].regex, nullptr);
}

TEST(DirectorySection, ValuesSetInsideStayInTheSection)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a>\nOptions Indexes\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    ASSERT_EQ(dirs.size(), 1u);
    EXPECT_EQ(core_dir(dirs[0]).opts, unsigned{kOptIndexes});
    // The server defaults keep httpd's initial value.
    EXPECT_EQ(main_core_dir(o).opts, unsigned{kOptUnset | kOptSymLinks});
}

TEST(DirectorySection, SectionsStartWithoutFollowSymLinks)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(core_dir(main_core(o).directories[0]).opts, unsigned{kOptUnset});
}

TEST(DirectorySection, EverySectionHasItsOwnId)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Directory /a>\n<Files x>\n</Files>\n</Directory>\n"
                                      "<Location /b>\n</Location>\n<Files y>\n</Files>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& core = main_core(o);
    ASSERT_EQ(core.directories.size(), 1u);
    ASSERT_EQ(core_dir(core.directories[0]).files.size(), 1u);
    ASSERT_EQ(core.locations.size(), 1u);
    ASSERT_EQ(main_core_dir(o).files.size(), 1u);
    const int ids[] = {core.directories[0].id, core_dir(core.directories[0]).files[0].id,
                       core.locations[0].id, main_core_dir(o).files[0].id};
    for (int i = 0; i < 4; ++i) {
        EXPECT_GT(ids[i], 0);
        for (int j = i + 1; j < 4; ++j) {
            EXPECT_NE(ids[i], ids[j]);
        }
    }
}

TEST(DirectorySection, MissingClosingBracket)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Directory> directive missing closing '>'"));
}

TEST(DirectorySection, NoArgument)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory>\n</Directory>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "<Directory> directive requires additional arguments"));
    o = feather::test::load_text(root, "<DirectoryMatch >\n</DirectoryMatch>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "<DirectoryMatch> directive requires additional arguments"));
}

TEST(DirectorySection, BadRegex)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory ~ \"(\">\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Regex could not be compiled"));
    o = feather::test::load_text(root, "\n<DirectoryMatch (>\n</DirectoryMatch>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "Regex could not be compiled"));
}

TEST(DirectorySection, MultipleArgumentsAreRefusedAfterTheBody)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a /b>\n</Directory>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "Multiple <Directory> arguments not (yet) supported."));
    o = feather::test::load_text(root, "<DirectoryMatch a b>\n</DirectoryMatch>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "Multiple <DirectoryMatch> arguments not (yet) supported."));
    // httpd applies the body first: an error inside wins.
    o = feather::test::load_text(root, "<Directory /a /b>\nBogus\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2,
                                      "Invalid command 'Bogus', perhaps misspelled or defined by a "
                                      "module not included in the server configuration"));
}

TEST(DirectorySection, OverlongPathIsInvalid)
{
    TempDir root;
    const std::string ok = "/" + std::string(4091, 'a');
    auto o = feather::test::load_text(root, "<Directory \"" + ok + "\">\n</Directory>\n");
    EXPECT_TRUE(o.ok()) << o.error();
    const std::string bad = "/" + std::string(4092, 'a');
    o = feather::test::load_text(root, "<Directory \"" + bad + "\">\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Directory \"" + bad + "\"> path is invalid."));
}

TEST(DirectorySection, NotInsideOtherSections)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, "<Directory /a>\n<Directory /b>\n</Directory>\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<Directory not allowed in <Directory> context"));
    o = feather::test::load_text(root,
                                 "<Location /a>\n<Directory /b>\n</Directory>\n</Location>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<Directory not allowed in <Location> context"));
    o = feather::test::load_text(root,
                                 "<Files a>\n<DirectoryMatch /b>\n</DirectoryMatch>\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<DirectoryMatch not allowed in <Files> context"));
    o = feather::test::load_text(root,
                                 "<Directory /a>\n<Limit GET>\n<Directory /b>\n</Directory>\n"
                                 "</Limit>\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 3, "<Directory not allowed in <Limit> context"));
}

TEST(DirectorySection, ErrorInsideKeepsItsOwnLine)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a>\n\n  Bogus x\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 3,
                                      "Invalid command 'Bogus', perhaps misspelled or defined by a "
                                      "module not included in the server configuration"));
}

}  // namespace
}  // namespace feather::mod::core::test
