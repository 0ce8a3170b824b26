// mime_module's directives: values stored, and httpd's messages (each
// checked against apache2 -t with the same text).

#include <gtest/gtest.h>

#include "modules/mime/mime_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::mime::ExtensionInfo;
using mod::mime::MimeDirConfig;
using mod::mime::MimeServerConfig;
using mod::mime::MultiviewsMatch;
using mod::mime::Removal;

class MimeDirectives : public ModsLoadTest {};

TEST_F(MimeDirectives, AddDirectivesLowerCaseValueAndExtensionsAndDropOneDot)
{
    const auto o = load("AddType Text/HTML .HTML shtml ..x\n"
                        "AddEncoding X-GZIP .gz\n"
                        "AddCharset UTF-8 .utf8\n"
                        "AddLanguage EN .en\n"
                        "AddHandler CGI-Script .cgi\n"
                        "AddInputFilter A;B .in\n"
                        "AddOutputFilter INCLUDES .shtml\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& ext = main_dir<MimeDirConfig>(o).extensions;
    ASSERT_EQ(ext.size(), 8u);
    EXPECT_EQ(ext.at("html"), ExtensionInfo{.type = "text/html"});
    EXPECT_EQ(ext.at("shtml"),
              (ExtensionInfo{.type = "text/html", .output_filters = "includes"}));
    EXPECT_EQ(ext.at(".x"), ExtensionInfo{.type = "text/html"});
    EXPECT_EQ(ext.at("gz"), ExtensionInfo{.encoding = "x-gzip"});
    EXPECT_EQ(ext.at("utf8"), ExtensionInfo{.charset = "utf-8"});
    EXPECT_EQ(ext.at("en"), ExtensionInfo{.language = "en"});
    EXPECT_EQ(ext.at("cgi"), ExtensionInfo{.handler = "cgi-script"});
    EXPECT_EQ(ext.at("in"), ExtensionInfo{.input_filters = "a;b"});
}

TEST_F(MimeDirectives, ALaterLineForTheSameExtensionWins)
{
    const auto o = load("AddType text/a .x\nAddType text/b .X\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<MimeDirConfig>(o).extensions.at("x").type, "text/b");
}

TEST_F(MimeDirectives, RemoveTypeRecordsAnEmptyTypeInOrder)
{
    // httpd stores "" so that the TypesConfig entry is hidden too; an AddType
    // after it in the same section wins again.
    const auto o = load("AddType text/a .x .y\nRemoveType .X y\nAddType text/c .y\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& ext = main_dir<MimeDirConfig>(o).extensions;
    EXPECT_EQ(ext.at("x").type, "");
    EXPECT_EQ(ext.at("y").type, "text/c");
    EXPECT_TRUE(main_dir<MimeDirConfig>(o).removals.empty());
}

TEST_F(MimeDirectives, OtherRemovesAreRecordedForTheMerge)
{
    const auto o = load("RemoveHandler .CGI pl\nRemoveEncoding .gz\nRemoveCharset .c\n"
                        "RemoveLanguage .l\nRemoveInputFilter .i\nRemoveOutputFilter .o\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& conf = main_dir<MimeDirConfig>(o);
    EXPECT_TRUE(conf.extensions.empty());
    EXPECT_EQ(conf.removals,
              (std::vector<Removal>{{"cgi", &ExtensionInfo::handler},
                                    {"pl", &ExtensionInfo::handler},
                                    {"gz", &ExtensionInfo::encoding},
                                    {"c", &ExtensionInfo::charset},
                                    {"l", &ExtensionInfo::language},
                                    {"i", &ExtensionInfo::input_filters},
                                    {"o", &ExtensionInfo::output_filters}}));
}

TEST_F(MimeDirectives, AddNeedsTwoArgumentsWithTheHelpText)
{
    const std::pair<const char*, const char*> cases[] = {
        {"AddType", "a mime type followed by one or more file extensions"},
        {"AddCharset", "a charset (e.g., iso-2022-jp), followed by one or more file extensions"},
        {"AddEncoding", "an encoding (e.g., gzip), followed by one or more file extensions"},
        {"AddHandler", "a handler name followed by one or more file extensions"},
        {"AddInputFilter",
         "input filter name (or ; delimited names) followed by one or more file extensions"},
        {"AddLanguage", "a language (e.g., fr), followed by one or more file extensions"},
        {"AddOutputFilter",
         "output filter name (or ; delimited names) followed by one or more file extensions"},
    };
    for (const auto& [name, help] : cases) {
        const auto o = load(std::string("# x\n") + name + " text/html\n");
        EXPECT_EQ(o.error(), syntax_error(2, std::string(name) +
                                                 " requires at least two arguments, " + help));
    }
}

TEST_F(MimeDirectives, RemoveNeedsAnArgument)
{
    for (const char* name : {"RemoveType", "RemoveCharset", "RemoveEncoding", "RemoveHandler",
                             "RemoveInputFilter", "RemoveLanguage", "RemoveOutputFilter"}) {
        const auto o = load(std::string(name) + "\n");
        EXPECT_EQ(o.error(),
                  syntax_error(1, std::string(name) +
                                      " requires at least one argument, one or more file "
                                      "extensions"));
    }
}

TEST_F(MimeDirectives, DefaultLanguageIsKeptAsWritten)
{
    const auto o = load("DefaultLanguage EN-gb\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<MimeDirConfig>(o).default_language.value, "EN-gb");
    EXPECT_EQ(main_dir<MimeDirConfig>(o).default_language.set_at.line, 1u);

    const std::string msg =
        "DefaultLanguage takes one argument, language to use for documents with no other "
        "language file extension";
    EXPECT_EQ(load("DefaultLanguage\n").error(), syntax_error(1, msg));
    EXPECT_EQ(load("DefaultLanguage a b\n").error(), syntax_error(1, msg));
}

TEST_F(MimeDirectives, MultiviewsMatchKeywordsAccumulateInOneSection)
{
    const auto o = load("MultiviewsMatch handlers\nMultiviewsMatch FILTERS Handlers\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<MimeDirConfig>(o).multiviews_match.value,
              (MultiviewsMatch{.handlers = true, .filters = true}));

    const auto any = load("MultiviewsMatch Any any\n");
    ASSERT_TRUE(any.ok()) << any.error();
    EXPECT_EQ(main_dir<MimeDirConfig>(any).multiviews_match.value, MultiviewsMatch{.any = true});

    const auto neg = load("MultiviewsMatch NegotiatedOnly\n");
    ASSERT_TRUE(neg.ok()) << neg.error();
    EXPECT_EQ(main_dir<MimeDirConfig>(neg).multiviews_match.value,
              MultiviewsMatch{.negotiated_only = true});
}

TEST_F(MimeDirectives, MultiviewsMatchIncompatibleKeywords)
{
    EXPECT_EQ(load("MultiviewsMatch Any Handlers\n").error(),
              syntax_error(1, "Handlers is incompatible with Any and NegotiatedOnly"));
    EXPECT_EQ(load("MultiviewsMatch Handlers Any\n").error(),
              syntax_error(1, "Any is incompatible with NegotiatedOnly, Filters and Handlers"));
    EXPECT_EQ(load("MultiviewsMatch NegotiatedOnly Filters\n").error(),
              syntax_error(1, "Filters is incompatible with Any and NegotiatedOnly"));
    EXPECT_EQ(
        load("MultiviewsMatch Filters NegotiatedOnly\n").error(),
        syntax_error(1, "NegotiatedOnly is incompatible with Any, Filters and Handlers"));
    EXPECT_EQ(load("MultiviewsMatch Handlers Filters\nMultiviewsMatch any\n").error(),
              syntax_error(2, "Any is incompatible with NegotiatedOnly, Filters and Handlers"));
    EXPECT_EQ(load("MultiviewsMatch bogus\n").error(),
              syntax_error(1, "Unrecognized option 'bogus'"));
    EXPECT_EQ(load("MultiviewsMatch\n").error(),
              syntax_error(1, "MultiviewsMatch requires at least one argument, NegotiatedOnly "
                              "(default), Handlers and/or Filters, or Any"));
}

TEST(MimeContexts, MultiviewsMatchIsRefusedInLocations)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("MultiviewsMatch Any", Where::Location, dir.get()),
              "MultiviewsMatch cannot occur within <Location> section");
    EXPECT_EQ(h.apply("MultiviewsMatch Any", Where::LocationMatch, dir.get()),
              "MultiviewsMatch cannot occur within <LocationMatch> section");
    EXPECT_EQ(h.apply("MultiviewsMatch Any", Where::Directory, dir.get()), std::nullopt);
    EXPECT_EQ(get<MimeDirConfig>(*dir).multiviews_match.value, MultiviewsMatch{.any = true});
}

TEST(MimeContexts, AddTypeGoesToTheSectionsConfig)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("AddType text/x .X", Where::Htaccess, dir.get()), std::nullopt);
    EXPECT_EQ(get<MimeDirConfig>(*dir).extensions.at("x").type, "text/x");
    EXPECT_TRUE(get<MimeDirConfig>(*h.main().defaults).extensions.empty());
}

TEST_F(MimeDirectives, TypesConfigIsServerRootRelativeAndNotOpenedByTheCheck)
{
    // apache2 -t says Syntax OK for a missing file: it is read after the check.
    const auto o = load("TypesConfig conf/missing.types\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_server<MimeServerConfig>(o).types_config.value, path("conf/missing.types"));

    const auto abs = load("TypesConfig /etc/mime.types\n");
    ASSERT_TRUE(abs.ok()) << abs.error();
    EXPECT_EQ(main_server<MimeServerConfig>(abs).types_config.value, "/etc/mime.types");

    const std::string msg = "TypesConfig takes one argument, the MIME types config file";
    EXPECT_EQ(load("TypesConfig\n").error(), syntax_error(1, msg));
    EXPECT_EQ(load("TypesConfig a b\n").error(), syntax_error(1, msg));
}

TEST(MimeContexts, TypesConfigIsServerLevelOnly)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("TypesConfig x", Where::Directory, dir.get()),
              "TypesConfig not allowed in <Directory> context");
    EXPECT_EQ(h.apply("TypesConfig /v/types", Where::VirtualHost), std::nullopt);
    EXPECT_EQ(get<MimeServerConfig>(*h.vhost().modules).types_config.value, "/v/types");
    EXPECT_FALSE(get<MimeServerConfig>(*h.main().modules).types_config.is_set());
}

TEST_F(MimeDirectives, ModMimeUsePathInfoOnlyInSections)
{
    EXPECT_EQ(load("ModMimeUsePathInfo on\n").error(),
              syntax_error(1, "ModMimeUsePathInfo not allowed here"));
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("ModMimeUsePathInfo yes", Where::Location, dir.get()),
              "ModMimeUsePathInfo must be On or Off");
    EXPECT_EQ(h.apply("ModMimeUsePathInfo On", Where::Location, dir.get()), std::nullopt);
    EXPECT_EQ(get<MimeDirConfig>(*dir).use_path_info.value, true);
}

}  // namespace
}  // namespace feather::test
