// <Location>, <LocationMatch>, <Files>, <FilesMatch>: every expected text
// was checked against apache2 -t (Apache/2.4.71) on the same configuration.

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

const std::string kBogus =
    "Invalid command 'Bogus', perhaps misspelled or defined by a module not included in the "
    "server configuration";

TEST(LocationSection, PathIsKeptAsWritten)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Location /a/../b//c>\n</Location>\n"
                                      "<Location /x/*>\n</Location>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& locs = main_core(o).locations;
    ASSERT_EQ(locs.size(), 2u);
    EXPECT_EQ(locs[0].kind, SectionKind::Location);
    EXPECT_EQ(locs[0].pattern, "/a/../b//c");
    EXPECT_FALSE(locs[0].is_fnmatch);
    EXPECT_EQ(locs[0].regex, nullptr);
    EXPECT_EQ(locs[0].loc.line, 1u);
    EXPECT_EQ(locs[1].pattern, "/x/*");
    EXPECT_TRUE(locs[1].is_fnmatch);
    EXPECT_TRUE(main_core(o).directories.empty());
}

TEST(LocationSection, RegexForms)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Location ~ \"^/(?<app>[a-z]+)/\">\n</Location>\n"
                                      "<LocationMatch \"\\.php$\">\n</LocationMatch>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& locs = main_core(o).locations;
    ASSERT_EQ(locs.size(), 2u);
    ASSERT_NE(locs[0].regex, nullptr);
    EXPECT_EQ(locs[0].pattern, "^/(?<app>[a-z]+)/");
    ASSERT_EQ(locs[0].regex->named_groups().size(), 1u);
    EXPECT_EQ(locs[0].regex->named_groups()[0].first, "app");
    ASSERT_NE(locs[1].regex, nullptr);
    EXPECT_TRUE(locs[1].regex->matches("/a/b.php"));
    EXPECT_FALSE(locs[1].regex->matches("/a/b.phps"));
}

TEST(LocationSection, ValuesSetInsideStayInTheSection)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Location /s>\nOptions -Indexes\n</Location>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& sec = core_dir(main_core(o).locations.at(0));
    EXPECT_EQ(sec.opts, unsigned{kOptUnset});
    EXPECT_EQ(sec.opts_remove, unsigned{kOptIndexes});
    EXPECT_EQ(main_core_dir(o).opts_remove, 0u);
}

TEST(LocationSection, Errors)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Location>\n</Location>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "<Location> directive requires additional arguments"));
    o = feather::test::load_text(root, "<Location /a\n</Location>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Location> directive missing closing '>'"));
    o = feather::test::load_text(root, "<Location /a /b>\n</Location>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "Multiple <Location> arguments not (yet) supported."));
    o = feather::test::load_text(root, "<LocationMatch (>\n</LocationMatch>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Regex could not be compiled"));
    o = feather::test::load_text(root, "<Location ~ (>\n</Location>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Regex could not be compiled"));
    o = feather::test::load_text(root, "<Files a>\n<Location /b>\n</Location>\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<Location not allowed in <Files> context"));
}

TEST(FilesSection, AtServerLevelGoesToTheServerDefaults)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Files \"*.txt\">\n</Files>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& files = main_core_dir(o).files;
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].kind, SectionKind::Files);
    EXPECT_EQ(files[0].pattern, "*.txt");
    EXPECT_TRUE(files[0].is_fnmatch);
    EXPECT_EQ(files[0].regex, nullptr);
}

TEST(FilesSection, NameIsMadeCanonicalButStaysRelative)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Files a/./b/../c>\n</Files>\n<Files ../x>\n</Files>\n"
                                      "<Files /x//y/>\n</Files>\n<Files a/..>\n</Files>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& files = main_core_dir(o).files;
    ASSERT_EQ(files.size(), 4u);
    EXPECT_EQ(files[0].pattern, "a/c");
    EXPECT_EQ(files[1].pattern, "../x");
    EXPECT_EQ(files[2].pattern, "/x/y/");
    EXPECT_EQ(files[3].pattern, "");
}

TEST(FilesSection, NestedInDirectoryGoesToTheDirectory)
{
    TempDir root;
    auto o =
        feather::test::load_text(root,
                                 "<Directory /a>\n<Files b>\nOptions ExecCGI\n<Files c>\n</Files>\n"
                                 "</Files>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_TRUE(main_core_dir(o).files.empty());
    const auto& dir = core_dir(main_core(o).directories.at(0));
    ASSERT_EQ(dir.files.size(), 1u);
    EXPECT_EQ(dir.files[0].pattern, "b");
    EXPECT_EQ(dir.files[0].loc.line, 2u);
    const auto& b = core_dir(dir.files[0]);
    EXPECT_EQ(b.opts, unsigned{kOptExecCgi});
    ASSERT_EQ(b.files.size(), 1u);
    EXPECT_EQ(b.files[0].pattern, "c");
    EXPECT_EQ(dir.opts, unsigned{kOptUnset});
}

TEST(FilesSection, RegexForms)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Files ~ \"\\.(?<ext>gif|jpe?g)$\">\n</Files>\n"
                                      "<FilesMatch \"^\\.ht\">\n</FilesMatch>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& files = main_core_dir(o).files;
    ASSERT_EQ(files.size(), 2u);
    ASSERT_NE(files[0].regex, nullptr);
    EXPECT_EQ(files[0].pattern, "\\.(?<ext>gif|jpe?g)$");
    ASSERT_EQ(files[0].regex->named_groups().size(), 1u);
    EXPECT_EQ(files[0].regex->named_groups()[0].first, "ext");
    EXPECT_TRUE(files[0].regex->matches("a.jpeg"));
    ASSERT_NE(files[1].regex, nullptr);
    EXPECT_TRUE(files[1].regex->matches(".htaccess"));
    EXPECT_FALSE(files[1].regex->matches("a.htaccess"));
}

TEST(FilesSection, Errors)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Files>\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Files> directive requires additional arguments"));
    o = feather::test::load_text(root, "<FilesMatch\n</FilesMatch>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "<FilesMatch> directive requires additional arguments"));
    o = feather::test::load_text(root, "<Files a b>\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Multiple <Files> arguments not (yet) supported."));
    o = feather::test::load_text(root, "<FilesMatch a b>\n</FilesMatch>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "Multiple <FilesMatch> arguments not (yet) supported."));
    o = feather::test::load_text(root, "<FilesMatch (>\n</FilesMatch>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Regex could not be compiled"));
    o = feather::test::load_text(root, "<Location /a>\n<Files b>\n</Files>\n</Location>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<Files> cannot occur within <Location> section"));
    o = feather::test::load_text(
        root, "<Directory /a>\n<Limit GET>\n<Files b>\n</Files>\n</Limit>\n</Directory>\n");
    EXPECT_EQ(
        o.error(),
        syntax_error(root, 3, "<Files> cannot occur within <Limit> or <LimitExcept> section"));
    o = feather::test::load_text(root, "<Files x>\n\nBogus\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 3, kBogus));
}

TEST(FilesSection, OverlongNameIsInvalid)
{
    TempDir root;
    auto o =
        feather::test::load_text(root, "<Files \"" + std::string(4092, 'a') + "\">\n</Files>\n");
    EXPECT_TRUE(o.ok()) << o.error();
    const std::string bad(4093, 'a');
    o = feather::test::load_text(root, "<Files \"" + bad + "\">\n</Files>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Files \"" + bad + "\"> is invalid."));
}

}  // namespace
}  // namespace feather::mod::core::test
