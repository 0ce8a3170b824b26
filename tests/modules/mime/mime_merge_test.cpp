// httpd's merge_mime_dir_configs: per-extension, per-attribute overlay, and
// Remove* applied once, at the merge of the section that says it.

#include <gtest/gtest.h>

#include "modules/mime/mime_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::mime::ExtensionInfo;
using mod::mime::MimeDirConfig;
using mod::mime::MultiviewsMatch;

class MimeMerge : public ::testing::Test {
protected:
    // A section's mime config from its lines.
    MimeDirConfig section(std::initializer_list<const char*> lines)
    {
        auto dir = h.new_dir();
        for (const char* line : lines) {
            EXPECT_EQ(h.apply(line, Where::Directory, dir.get()), std::nullopt) << line;
        }
        return get<MimeDirConfig>(*dir);
    }

    ModsHarness h;
};

TEST_F(MimeMerge, ChildAttributesReplaceTheParentsOnlyWhereSet)
{
    const auto parent = section({"AddType application/x-tar .tgz", "AddEncoding x-gzip .tgz",
                                 "AddLanguage fr .fr"});
    const auto child = section({"AddEncoding gzip .TGZ", "AddCharset utf-8 .txt"});
    const auto m = merge(parent, child);
    ASSERT_EQ(m.extensions.size(), 3u);
    EXPECT_EQ(m.extensions.at("tgz"),
              (ExtensionInfo{.type = "application/x-tar", .encoding = "gzip"}));
    EXPECT_EQ(m.extensions.at("fr"), ExtensionInfo{.language = "fr"});
    EXPECT_EQ(m.extensions.at("txt"), ExtensionInfo{.charset = "utf-8"});
}

TEST_F(MimeMerge, RemoveTypeInAChildHidesTheParentsType)
{
    const auto parent = section({"AddType text/x-foo .foo", "AddHandler h .foo"});
    const auto child = section({"RemoveType .FOO"});
    const auto m = merge(parent, child);
    // An empty type, not an absent one: it also hides the types file.
    EXPECT_EQ(m.extensions.at("foo"), (ExtensionInfo{.type = "", .handler = "h"}));
}

TEST_F(MimeMerge, RemoveHandlerUndoesTheParentsAndIsNotInherited)
{
    const auto parent = section({"AddHandler cgi-script .cgi", "AddType text/plain .cgi"});
    const auto child = section({"RemoveHandler cgi"});
    const auto m = merge(parent, child);
    EXPECT_EQ(m.extensions.at("cgi"), ExtensionInfo{.type = "text/plain"});
    EXPECT_TRUE(m.removals.empty());

    // A deeper section may add it again; the child's removal does not act
    // a second time.
    const auto grandchild = section({"AddHandler cgi-script .cgi"});
    const auto m2 = merge(m, grandchild);
    EXPECT_EQ(m2.extensions.at("cgi"),
              (ExtensionInfo{.type = "text/plain", .handler = "cgi-script"}));
    const auto m3 = merge(m, section({"AddType text/html .html"}));
    EXPECT_EQ(m3.extensions.at("cgi").handler, std::nullopt);
}

TEST_F(MimeMerge, ARemoveAlsoUndoesAnAddOfTheSameSection)
{
    // remove_items runs after the overlay, whatever the order of the lines.
    const auto child = section({"RemoveHandler .php", "AddHandler php-script .php",
                                "AddType text/x-php .php"});
    const auto m = merge(MimeDirConfig{}, child);
    EXPECT_EQ(m.extensions.at("php"), ExtensionInfo{.type = "text/x-php"});
}

TEST_F(MimeMerge, RemoveOfAnUnknownExtensionAddsNothing)
{
    const auto m = merge(section({"AddType text/a .a"}),
                         section({"RemoveEncoding .b", "RemoveLanguage .a"}));
    ASSERT_EQ(m.extensions.size(), 1u);
    EXPECT_EQ(m.extensions.at("a"), ExtensionInfo{.type = "text/a"});
}

TEST_F(MimeMerge, EachRemoveClearsOnlyItsAttribute)
{
    const auto parent = section({"AddEncoding e .x", "AddCharset c .x", "AddLanguage l .x",
                                 "AddHandler h .x", "AddInputFilter i .x",
                                 "AddOutputFilter o .x", "AddType t/t .x"});
    EXPECT_EQ(merge(parent, section({"RemoveEncoding .x"})).extensions.at("x").encoding,
              std::nullopt);
    EXPECT_EQ(merge(parent, section({"RemoveCharset .x"})).extensions.at("x").charset,
              std::nullopt);
    EXPECT_EQ(merge(parent, section({"RemoveLanguage .x"})).extensions.at("x").language,
              std::nullopt);
    EXPECT_EQ(merge(parent, section({"RemoveInputFilter .x"})).extensions.at("x").input_filters,
              std::nullopt);
    const auto out = merge(parent, section({"RemoveOutputFilter .x"})).extensions.at("x");
    EXPECT_EQ(out, (ExtensionInfo{.type = "t/t", .encoding = "e", .charset = "c", .language = "l",
                                  .handler = "h", .input_filters = "i"}));
}

TEST_F(MimeMerge, VirtualHostDefaultsOverTheMainServers)
{
    ModsHarness& hh = h;
    ASSERT_EQ(hh.apply("AddType text/main .m"), std::nullopt);
    ASSERT_EQ(hh.apply("AddHandler h .m"), std::nullopt);
    ASSERT_EQ(hh.apply("RemoveHandler .m", Where::VirtualHost), std::nullopt);
    ASSERT_EQ(hh.apply("AddType text/vhost .v", Where::VirtualHost), std::nullopt);
    const auto m = merge(get<MimeDirConfig>(*hh.main().defaults),
                         get<MimeDirConfig>(*hh.vhost().defaults));
    EXPECT_EQ(m.extensions.at("m"), ExtensionInfo{.type = "text/main"});
    EXPECT_EQ(m.extensions.at("v"), ExtensionInfo{.type = "text/vhost"});
}

TEST_F(MimeMerge, ScalarsTakeTheChildsWhenSet)
{
    const auto parent = section({"DefaultLanguage fr", "MultiviewsMatch Handlers Filters",
                                 "ModMimeUsePathInfo On"});
    const auto child = section({"MultiviewsMatch Any"});
    const auto m = merge(parent, child);
    EXPECT_EQ(m.default_language.value, "fr");
    // Replaced, not combined with the parent's keywords.
    EXPECT_EQ(m.multiviews_match.value, MultiviewsMatch{.any = true});
    EXPECT_EQ(m.use_path_info.value, true);
    const auto m2 = merge(m, section({"ModMimeUsePathInfo Off", "DefaultLanguage de"}));
    EXPECT_EQ(m2.use_path_info.value, false);
    EXPECT_EQ(m2.default_language.value, "de");
    EXPECT_EQ(m2.multiviews_match.value, MultiviewsMatch{.any = true});
}

}  // namespace
}  // namespace feather::test
