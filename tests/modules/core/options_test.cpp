// Options: stored as httpd's set_options stores it, merged as
// merge_core_dir_configs does. Error texts checked against apache2 -t.

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

struct Opts {
    unsigned opts;
    unsigned add;
    unsigned remove;
};

void expect_opts(const CoreDirConfig& c, Opts want)
{
    EXPECT_EQ(c.opts, want.opts);
    EXPECT_EQ(c.opts_add, want.add);
    EXPECT_EQ(c.opts_remove, want.remove);
}

// The options of the first <Directory> after loading `body` inside it.
CoreDirConfig in_directory(const TempDir& root, const std::string& body)
{
    auto o = feather::test::load_text(root, "<Directory /a>\n" + body + "\n</Directory>\n");
    EXPECT_TRUE(o.ok()) << o.error();
    if (!o.ok()) {
        return {};
    }
    return core_dir(main_core(o).directories.at(0));
}

TEST(Options, Keywords)
{
    TempDir root;
    expect_opts(in_directory(root, "Options Indexes"), {kOptIndexes, 0, 0});
    expect_opts(in_directory(root, "Options Includes"), {kOptIncludes | kOptIncWithExec, 0, 0});
    expect_opts(in_directory(root, "Options IncludesNOEXEC"), {kOptIncludes, 0, 0});
    expect_opts(in_directory(root, "Options FollowSymLinks"), {kOptSymLinks, 0, 0});
    expect_opts(in_directory(root, "Options SymLinksIfOwnerMatch"), {kOptSymOwner, 0, 0});
    expect_opts(in_directory(root, "Options ExecCGI"), {kOptExecCgi, 0, 0});
    expect_opts(in_directory(root, "Options MultiViews"), {kOptMultiViews, 0, 0});
    expect_opts(in_directory(root, "Options RunScripts"), {kOptMultiViews | kOptExecCgi, 0, 0});
    expect_opts(in_directory(root, "Options None"), {kOptNone, 0, 0});
    expect_opts(in_directory(root, "Options All"), {kOptAll, 0, 0});
    expect_opts(in_directory(root, "Options all indexes multiviews"),
                {kOptAll | kOptMultiViews, 0, 0});
    expect_opts(in_directory(root, "Options"), {kOptUnset, 0, 0});
}

TEST(Options, PlusAndMinus)
{
    TempDir root;
    expect_opts(in_directory(root, "Options +Indexes -FollowSymLinks"),
                {kOptUnset | kOptIndexes, kOptIndexes, kOptSymLinks});
    expect_opts(in_directory(root, "Options +Indexes -Indexes"), {kOptUnset, 0, kOptIndexes});
    // "None" first may be followed by +/- forms.
    expect_opts(in_directory(root, "Options None +Indexes"), {kOptIndexes, kOptIndexes, 0});
    // A second absolute line resets opts but keeps the earlier +/- record.
    expect_opts(in_directory(root, "Options +Indexes\nOptions FollowSymLinks"),
                {kOptSymLinks, kOptIndexes, 0});
}

TEST(Options, ServerLevelStartsWithFollowSymLinks)
{
    TempDir root;
    auto o = feather::test::load_text(root, "Options +Indexes\n");
    ASSERT_TRUE(o.ok()) << o.error();
    expect_opts(main_core_dir(o), {kOptUnset | kOptSymLinks | kOptIndexes, kOptIndexes, 0});
}

TEST(Options, MergeAppliesRelativeChanges)
{
    TempDir root;
    auto o = feather::test::load_text(
        root,
        "Options Indexes FollowSymLinks Includes\n"
        "<Directory /a>\nOptions -FollowSymLinks +ExecCGI +IncludesNOEXEC\n</Directory>\n"
        "<Directory /a/b>\nOptions MultiViews\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& dirs = main_core(o).directories;
    const CoreDirConfig a = merge(main_core_dir(o), core_dir(dirs.at(0)));
    // IncludesNOEXEC added over Includes drops exec (httpd's merge).
    EXPECT_EQ(a.opts, unsigned{kOptIndexes | kOptIncludes | kOptExecCgi});
    const CoreDirConfig b = merge(a, core_dir(dirs.at(1)));
    EXPECT_EQ(b.opts, unsigned{kOptMultiViews});
}

// A section holds no core part unless a core directive sets one, which is
// only sound if merging httpd's fresh core config changes nothing.
TEST(Options, MergingAFreshCoreConfigChangesNothing)
{
    TempDir root;
    auto o = feather::test::load_text(
        root,
        "Options Indexes FollowSymLinks Includes\n"
        "<Directory /a>\nOptions -FollowSymLinks +ExecCGI +IncludesNOEXEC\n"
        "FileETag +MTime -INode\nAllowOverride FileInfo Options=Indexes\n"
        "SetHandler foo\nErrorDocument 404 /missing\n"
        "<Files x>\nOptions None\n</Files>\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const CoreDirConfig base = merge(main_core_dir(o), core_dir(main_core(o).directories.at(0)));
    const CoreDirConfig same = merge(base, CoreDirConfig{});
    EXPECT_EQ(same.opts, base.opts);
    EXPECT_EQ(same.opts_add, base.opts_add);
    EXPECT_EQ(same.opts_remove, base.opts_remove);
    EXPECT_EQ(same.etag_bits, base.etag_bits);
    EXPECT_EQ(same.etag_add, base.etag_add);
    EXPECT_EQ(same.etag_remove, base.etag_remove);
    EXPECT_EQ(same.override.value, base.override.value);
    EXPECT_EQ(same.override_opts.value, base.override_opts.value);
    EXPECT_EQ(same.handler.is_set(), base.handler.is_set());
    EXPECT_EQ(same.error_documents.size(), base.error_documents.size());
    EXPECT_EQ(same.files.size(), base.files.size());
    // And merging it again is stable.
    EXPECT_EQ(merge(same, CoreDirConfig{}).opts, base.opts);
}

TEST(Options, Errors)
{
    TempDir root;
    const std::string mixed = "Either all Options must start with + or -, or no Option may.";
    const std::pair<const char*, std::string> cases[] = {
        {"Options +Indexes FollowSymLinks", mixed},
        {"Options Indexes +FollowSymLinks", mixed},
        {"Options RunScripts -includesnoexec", mixed},
        {"Options +None", "You may not use 'Options +None' or 'Options -None'."},
        {"Options Indexes None", "'Options None' must be the first Option given."},
        {"Options Indexes All", "'Options All' must be the first option given."},
        {"Options -All", "You may not use 'Options +All' or 'Options -All'."},
        {"Options Bogus", "Illegal option Bogus"},
        {"Options +Bogus", "Illegal option Bogus"},
        {"Options \"\"", "Illegal option "},
    };
    for (const auto& [line, message] : cases) {
        SCOPED_TRACE(line);
        auto o = feather::test::load_text(root, std::string("\n") + line + "\n");
        EXPECT_EQ(o.error(), syntax_error(root, 2, message));
    }
}

TEST(Options, AllowOverrideOptionsListLimitsHtaccess)
{
    TempDir root;
    HtaccessProbe probe(root);
    ASSERT_TRUE(probe.loaded());
    const unsigned allowed = kOptIndexes | kOptMultiViews;
    EXPECT_EQ(probe.apply("Options", "+Indexes -MultiViews", Allow::Options, allowed),
              std::nullopt);
    expect_opts(probe.core(),
                {kOptUnset | kOptSymLinks | kOptIndexes, kOptIndexes, kOptMultiViews});
    EXPECT_EQ(probe.apply("Options", "+FollowSymLinks", Allow::Options, allowed),
              "Option FollowSymLinks not allowed here");
    EXPECT_EQ(probe.apply("Options", "All", Allow::Options, allowed),
              "Option All not allowed here");
    EXPECT_EQ(probe.apply("Options", "Includes", Allow::Options, kOptIncludes),
              "Option Includes not allowed here");
    EXPECT_EQ(probe.apply("Options", "IncludesNOEXEC", Allow::Options, kOptIncludes), std::nullopt);
    EXPECT_EQ(probe.apply("Options", "Indexes", Allow::FileInfo, allowed),
              "Options not allowed here");
}

}  // namespace
}  // namespace feather::mod::core::test
