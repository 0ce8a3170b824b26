// AllowOverride, AllowOverrideList and AccessFileName. Expected texts were
// checked against apache2 -t (Apache/2.4.71).

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

constexpr unsigned bits(Allow a)
{
    return static_cast<unsigned>(a);
}

// The AllowOverride result of the first <Directory> after loading `body`.
CoreDirConfig in_directory(const TempDir& root, const std::string& body)
{
    auto o = feather::test::load_text(root, "<Directory /a>\n" + body + "\n</Directory>\n");
    EXPECT_TRUE(o.ok()) << o.error();
    EXPECT_TRUE(o.warnings.empty());
    if (!o.ok()) {
        return {};
    }
    return core_dir(main_core(o).directories.at(0));
}

TEST(AllowOverride, Classes)
{
    TempDir root;
    auto c = in_directory(root, "AllowOverride None");
    EXPECT_EQ(c.override.value, 0u);
    EXPECT_EQ(c.override.set_at.line, 2u);
    EXPECT_FALSE(c.override_opts.is_set());

    c = in_directory(root, "AllowOverride All");
    EXPECT_EQ(c.override.value, bits(Allow::All));
    EXPECT_FALSE(c.override_opts.is_set());

    c = in_directory(root, "AllowOverride AuthConfig fileinfo Indexes Limit");
    EXPECT_EQ(c.override.value,
              bits(Allow::AuthConfig | Allow::FileInfo | Allow::Indexes | Allow::Limit));

    c = in_directory(root, "AllowOverride");  // no words: None
    EXPECT_EQ(c.override.value, 0u);

    c = in_directory(root, "AllowOverride Limit=xx None=3");  // httpd reads only the key
    EXPECT_EQ(c.override.value, 0u);

    c = in_directory(root, "AllowOverride FileInfo\nAllowOverride Indexes");
    EXPECT_EQ(c.override.value, bits(Allow::Indexes));
}

TEST(AllowOverride, OptionsAndItsList)
{
    TempDir root;
    // Plain "Options" allows OPT_ALL only: not SymLinksIfOwnerMatch or MultiViews.
    auto c = in_directory(root, "AllowOverride Options");
    EXPECT_EQ(c.override.value, bits(Allow::Options));
    EXPECT_EQ(c.override_opts.value, unsigned{kOptAll});

    c = in_directory(root, "AllowOverride Options=Indexes,MultiViews");
    EXPECT_EQ(c.override_opts.value, unsigned{kOptIndexes | kOptMultiViews});

    c = in_directory(root, "AllowOverride Options=Includes,None");
    EXPECT_EQ(c.override_opts.value, unsigned{kOptIncludes | kOptIncWithExec});

    c = in_directory(root, "AllowOverride Options=All,RunScripts");
    EXPECT_EQ(c.override_opts.value, unsigned{kOptAll | kOptMultiViews});

    // An empty list keeps httpd's default, now set.
    c = in_directory(root, "AllowOverride Options=");
    EXPECT_EQ(c.override_opts.value, unsigned{kOptAll | kOptSymOwner | kOptMultiViews});
    c = in_directory(root, "AllowOverride Options=,,");
    EXPECT_EQ(c.override_opts.value, unsigned{kOptAll | kOptSymOwner | kOptMultiViews});
}

TEST(AllowOverride, Nonfatal)
{
    TempDir root;
    auto c = in_directory(root, "AllowOverride Nonfatal=Override");
    EXPECT_EQ(c.override.value, bits(Allow::NonfatalOverride));
    c = in_directory(root, "AllowOverride Nonfatal=unknown FileInfo");
    EXPECT_EQ(c.override.value, bits(Allow::NonfatalUnknown | Allow::FileInfo));
    c = in_directory(root, "AllowOverride All Nonfatal=All");
    EXPECT_EQ(c.override.value,
              bits(Allow::All | Allow::NonfatalOverride | Allow::NonfatalUnknown));
    // "All" and "None" replace everything before them.
    c = in_directory(root, "AllowOverride Nonfatal=All All");
    EXPECT_EQ(c.override.value, bits(Allow::All));
    c = in_directory(root, "AllowOverride Nonfatal=Bogus");  // ignored, as httpd does
    EXPECT_EQ(c.override.value, 0u);
}

TEST(AllowOverride, Errors)
{
    TempDir root;
    const std::pair<const char*, std::string> cases[] = {
        {"AllowOverride Bogus", "Illegal override option Bogus"},
        {"AllowOverride Foo=bar", "Illegal override option Foo"},
        {"AllowOverride Nonfatal", "=Override, =Unknown or =All expected after Nonfatal"},
        {"AllowOverride Nonfatal=Bogus Options=Foo,Indexes", "Illegal option Foo"},
        {"AllowOverride Options=Indexes,Foo", "Illegal option Foo"},
    };
    for (const auto& [line, message] : cases) {
        SCOPED_TRACE(line);
        auto o = feather::test::load_text(
            root, std::string("<Directory /a>\n") + line + "\n</Directory>\n");
        EXPECT_EQ(o.error(), syntax_error(root, 2, message));
    }
    auto o = feather::test::load_text(root, "AllowOverride None\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "AllowOverride not allowed here"));
    o = feather::test::load_text(root, "<VirtualHost *>\nAllowOverride None\n</VirtualHost>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 2, "AllowOverride not allowed in <VirtualHost> context"));
}

TEST(AllowOverride, UselessOutsideDirectoryWarns)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Location /a>\nAllowOverride All\n</Location>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const std::string conf = root.str() + "/httpd.conf";
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00114: Useless use of AllowOverride in line 2 of " + conf + "."}));
    EXPECT_EQ(core_dir(main_core(o).locations.at(0)).override.value, bits(Allow::All));

    o = feather::test::load_text(
        root, "<Directory /a>\n<Files x>\nAllowOverride All\n</Files>\n</Directory>\n");
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00114: Useless use of AllowOverride in line 3 of " + conf + "."}));
    o = feather::test::load_text(
        root, "<Directory /a>\n<Limit GET>\nAllowOverride All\n</Limit>\n</Directory>\n");
    EXPECT_EQ(o.warnings, (std::vector<std::string>{
                              "AH00114: Useless use of AllowOverride in line 3 of " + conf + "."}));
}

TEST(AllowOverrideList, Names)
{
    TempDir root;
    auto c = in_directory(root, "AllowOverrideList ErrorDocument ForceType errordocument");
    EXPECT_EQ(c.override_list.value, (std::vector<std::string>{"ErrorDocument", "ForceType"}));
    c = in_directory(root, "AllowOverrideList None");
    EXPECT_EQ(c.override_list.value, std::vector<std::string>{});
    c = in_directory(root, "AllowOverrideList");
    EXPECT_EQ(c.override_list.value, std::vector<std::string>{});
}

TEST(AllowOverrideList, DiscardedNamesWarn)
{
    TempDir root;
    auto o =
        feather::test::load_text(root,
                                 "<Directory /a>\nAllowOverrideList ServerName Foo <Files Options\n"
                                 "</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const std::string at = root.str() + "/httpd.conf:2";
    EXPECT_EQ(
        o.warnings,
        (std::vector<std::string>{
            "AH02304: Discarding directive `ServerName' not allowed in AllowOverrideList at " + at,
            "AH00116: Discarding unrecognized directive `Foo' in AllowOverrideList at " + at,
        }));
    EXPECT_EQ(core_dir(main_core(o).directories.at(0)).override_list.value,
              (std::vector<std::string>{"<Files", "Options"}));

    o = feather::test::load_text(root, "<Location /a>\nAllowOverrideList Options\n</Location>\n");
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{"AH00115: Useless use of AllowOverrideList at " + at}));
}

TEST(AllowOverrideList, NoneMustBeAlone)
{
    TempDir root;
    for (const char* line : {"AllowOverrideList None Options", "AllowOverrideList Options none"}) {
        SCOPED_TRACE(line);
        auto o = feather::test::load_text(
            root, std::string("<Directory /a>\n") + line + "\n</Directory>\n");
        EXPECT_EQ(
            o.error(),
            syntax_error(root, 2, "'None' not allowed with other directives in AllowOverrideList"));
    }
}

TEST(AccessFileName, Names)
{
    TempDir root;
    auto o = feather::test::load_text(root, "AccessFileName .a \".b c\"\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_core(o).access_file_names.value, (std::vector<std::string>{".a", ".b c"}));
    EXPECT_EQ(main_core(o).access_file_names.set_at.line, 1u);
    o = feather::test::load_text(root, "AccessFileName\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_core(o).access_file_names.value, std::vector<std::string>{});
}

TEST(AccessFileName, NotInSections)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Directory /a>\nAccessFileName x\n</Directory>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 2, "AccessFileName not allowed in <Directory> context"));
}

}  // namespace
}  // namespace feather::mod::core::test
