// dir_module's directives and merge (httpd's mod_dir.c), messages checked
// against apache2 -t with the same text.

#include <gtest/gtest.h>

#include "modules/dir/dir_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::dir::DirConfig;
using Names = std::vector<std::string>;

class DirDirectives : public ModsLoadTest {};

TEST_F(DirDirectives, DirectoryIndexLinesAppendInOneSection)
{
    const auto o = load("DirectoryIndex index.html \"my page.html\"\nDirectoryIndex index.php\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& names = main_dir<DirConfig>(o).index_names;
    EXPECT_EQ(names.value, (Names{"index.html", "my page.html", "index.php"}));
    EXPECT_EQ(names.set_at.line, 2u);
}

TEST_F(DirDirectives, DisabledAloneEmptiesTheListOtherwiseItIsAName)
{
    const auto alone = load("DirectoryIndex a.html\nDirectoryIndex DISABLED\n");
    ASSERT_TRUE(alone.ok()) << alone.error();
    EXPECT_EQ(main_dir<DirConfig>(alone).index_names.value, Names{});

    // httpd 2.4.71 has no error for "disabled" with other names: it is then
    // just a file name (apache2 -t: Syntax OK).
    const auto first = load("DirectoryIndex disabled a.html\n");
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_EQ(main_dir<DirConfig>(first).index_names.value, (Names{"disabled", "a.html"}));

    const auto later = load("DirectoryIndex a.html disabled\n");
    ASSERT_TRUE(later.ok()) << later.error();
    EXPECT_EQ(main_dir<DirConfig>(later).index_names.value, (Names{"a.html", "disabled"}));

    const auto again = load("DirectoryIndex disabled\nDirectoryIndex b.html\n");
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_EQ(main_dir<DirConfig>(again).index_names.value, Names{"b.html"});
}

TEST_F(DirDirectives, DirectoryIndexWithoutWordsSetsAnEmptyList)
{
    const auto o = load("DirectoryIndex\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<DirConfig>(o).index_names.value, Names{});
    // Reading stops at the first empty word.
    const auto e = load("DirectoryIndex a \"\" b\n");
    ASSERT_TRUE(e.ok()) << e.error();
    EXPECT_EQ(main_dir<DirConfig>(e).index_names.value, Names{"a"});
}

TEST_F(DirDirectives, FlagsAndFallback)
{
    const auto o =
        load("DirectorySlash Off\nDirectoryCheckHandler on\nFallbackResource /index.php\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& d = main_dir<DirConfig>(o);
    EXPECT_EQ(d.slash.value, false);
    EXPECT_EQ(d.check_handler.value, true);
    EXPECT_EQ(d.fallback.value, "/index.php");

    EXPECT_EQ(load("DirectorySlash maybe\n").error(),
              syntax_error(1, "DirectorySlash must be On or Off"));
    EXPECT_EQ(load("DirectoryCheckHandler x\n").error(),
              syntax_error(1, "DirectoryCheckHandler must be On or Off"));
    EXPECT_EQ(load("FallbackResource\n").error(),
              syntax_error(1, "FallbackResource takes one argument, Set a default handler"));
    EXPECT_EQ(load("FallbackResource a b\n").error(),
              syntax_error(1, "FallbackResource takes one argument, Set a default handler"));
}

TEST_F(DirDirectives, DirectoryIndexRedirectValues)
{
    const std::pair<const char*, int> cases[] = {
        {"on", 302},       {"OFF", 0},  {"permanent", 301}, {"Temp", 302}, {"seeother", 303},
        {"399", 399},      {"300", 300}, {"301x", 301},     {"0301", 301},
    };
    for (const auto& [arg, status] : cases) {
        const auto o = load(std::string("DirectoryIndexRedirect ") + arg + "\n");
        ASSERT_TRUE(o.ok()) << arg << ": " << o.error();
        EXPECT_EQ(main_dir<DirConfig>(o).index_redirect.value, status) << arg;
    }
}

TEST_F(DirDirectives, DirectoryIndexRedirectErrors)
{
    const std::string range = "DirectoryIndexRedirect only accepts values between 300 and 399";
    const std::string usage = "DirectoryIndexRedirect ON|OFF|permanent|temp|seeother|3xx";
    EXPECT_EQ(load("DirectoryIndexRedirect 200\n").error(), syntax_error(1, range));
    EXPECT_EQ(load("DirectoryIndexRedirect 3\n").error(), syntax_error(1, range));
    EXPECT_EQ(load("DirectoryIndexRedirect bogus\n").error(), syntax_error(1, usage));
    EXPECT_EQ(load("DirectoryIndexRedirect -1\n").error(), syntax_error(1, usage));
    EXPECT_EQ(load("DirectoryIndexRedirect\n").error(),
              syntax_error(1, "DirectoryIndexRedirect takes one argument, On, Off, or a 3xx "
                              "status code."));
}

TEST(DirContexts, AllowedInSectionsAndHtaccess)
{
    ModsHarness h;
    auto dir = h.new_dir();
    for (const char* line : {"DirectoryIndex disabled", "DirectorySlash off",
                             "DirectoryCheckHandler on", "FallbackResource disabled",
                             "DirectoryIndexRedirect permanent"}) {
        EXPECT_EQ(h.apply(line, Where::Location, dir.get()), std::nullopt) << line;
        EXPECT_EQ(h.apply(line, Where::Htaccess, dir.get()), std::nullopt) << line;
    }
    EXPECT_EQ(get<DirConfig>(*dir).fallback.value, "disabled");
    EXPECT_EQ(get<DirConfig>(*dir).index_redirect.value, 301);
}

class DirMerge : public ::testing::Test {
protected:
    DirConfig section(std::initializer_list<const char*> lines)
    {
        auto dir = h.new_dir();
        for (const char* line : lines) {
            EXPECT_EQ(h.apply(line, Where::Directory, dir.get()), std::nullopt) << line;
        }
        return get<DirConfig>(*dir);
    }
    ModsHarness h;
};

TEST_F(DirMerge, ASectionsIndexListReplacesTheParents)
{
    const auto parent = section({"DirectoryIndex index.html index.htm"});
    const auto child = section({"DirectoryIndex index.php"});
    EXPECT_EQ(merge(parent, child).index_names.value, Names{"index.php"});
    EXPECT_EQ(merge(parent, section({"DirectorySlash off"})).index_names.value,
              (Names{"index.html", "index.htm"}));
    EXPECT_EQ(merge(parent, section({"DirectoryIndex disabled"})).index_names.value, Names{});
}

TEST_F(DirMerge, OtherSettingsTakeTheChildsWhenSet)
{
    const auto parent = section({"DirectorySlash off", "DirectoryCheckHandler on",
                                 "DirectoryIndexRedirect on", "FallbackResource /a"});
    const auto child = section({"DirectoryIndexRedirect off", "FallbackResource disabled"});
    const auto m = merge(parent, child);
    EXPECT_EQ(m.slash.value, false);
    EXPECT_EQ(m.check_handler.value, true);
    EXPECT_EQ(m.index_redirect.value, 0);  // an explicit Off overrides the parent's On
    EXPECT_EQ(m.fallback.value, "disabled");
    const auto unset = merge(DirConfig{}, DirConfig{});
    EXPECT_FALSE(unset.index_names.is_set());
    EXPECT_FALSE(unset.index_redirect.is_set());
}

}  // namespace
}  // namespace feather::test
