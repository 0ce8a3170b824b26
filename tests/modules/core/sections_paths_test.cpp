// APR's path merge and wildcard test, and httpd's slash count, as the
// section directives use them.

#include "modules/core/section_paths.hpp"

#include <gtest/gtest.h>

namespace feather::mod::core {
namespace {

TEST(SectionPaths, MergeAbsolute)
{
    EXPECT_EQ(apr_filepath_merge("/ignored", "/a/b"), "/a/b");
    EXPECT_EQ(apr_filepath_merge("", "//a//b/"), "/a/b/");
    EXPECT_EQ(apr_filepath_merge("", "/a/./b/../c"), "/a/c");
    EXPECT_EQ(apr_filepath_merge("", "/../../a"), "/a");
    EXPECT_EQ(apr_filepath_merge("", "/a/.."), "/");
    EXPECT_EQ(apr_filepath_merge("", "/"), "/");
}

TEST(SectionPaths, MergeRelative)
{
    EXPECT_EQ(apr_filepath_merge("/srv", "www"), "/srv/www");
    EXPECT_EQ(apr_filepath_merge("/srv/", "www/"), "/srv/www/");
    EXPECT_EQ(apr_filepath_merge("/srv", ""), "/srv/");
    EXPECT_EQ(apr_filepath_merge("/srv", ".."), "/");
    EXPECT_EQ(apr_filepath_merge("", "a/b"), "a/b");
    EXPECT_EQ(apr_filepath_merge("", "a/.."), "");
    EXPECT_EQ(apr_filepath_merge("", "../x"), "../x");
    EXPECT_EQ(apr_filepath_merge("", "../../x/"), "../../x/");
    EXPECT_EQ(apr_filepath_merge("", "a/../../b"), "../b");
    EXPECT_EQ(apr_filepath_merge("", ".."), "..");
}

TEST(SectionPaths, MergeFailsPastPathMax)
{
    EXPECT_TRUE(apr_filepath_merge("", std::string(4092, 'a')).has_value());
    EXPECT_FALSE(apr_filepath_merge("", std::string(4093, 'a')).has_value());
    EXPECT_FALSE(apr_filepath_merge("/r", std::string(4091, 'a')).has_value());
    // The size test comes before any segment is removed.
    EXPECT_FALSE(apr_filepath_merge("", "/" + std::string(4092, '/')).has_value());
}

TEST(SectionPaths, FnmatchTest)
{
    EXPECT_TRUE(fnmatch_test("*.txt"));
    EXPECT_TRUE(fnmatch_test("a?c"));
    EXPECT_TRUE(fnmatch_test("[ab]"));
    EXPECT_FALSE(fnmatch_test("[ab"));
    EXPECT_FALSE(fnmatch_test("ab]"));
    EXPECT_FALSE(fnmatch_test("a\\*"));
    EXPECT_FALSE(fnmatch_test("a\\"));
    EXPECT_FALSE(fnmatch_test("/plain/path/"));
}

TEST(SectionPaths, CountDirs)
{
    EXPECT_EQ(count_dirs("/"), 1u);
    EXPECT_EQ(count_dirs("/a/b/"), 3u);
    EXPECT_EQ(count_dirs("ab"), 0u);
}

}  // namespace
}  // namespace feather::mod::core
