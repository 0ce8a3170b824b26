// <Limit> and <LimitExcept>, and the method table they use: every expected
// text was checked against apache2 -t (Apache/2.4.71).

#include <gtest/gtest.h>

#include "modules/core/methods.hpp"
#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

std::string in_directory(const std::string& body)
{
    return "<Directory /a>\n" + body + "</Directory>\n";
}

TEST(Methods, BuiltinNumbersAreHttpds)
{
    EXPECT_EQ(builtin_method_number("GET"), 0);
    EXPECT_EQ(builtin_method_number("HEAD"), 0);
    EXPECT_EQ(builtin_method_number("POST"), 2);
    EXPECT_EQ(builtin_method_number("TRACE"), 6);
    EXPECT_EQ(builtin_method_number("PATCH"), 7);
    EXPECT_EQ(builtin_method_number("BASELINE-CONTROL"), 24);
    EXPECT_EQ(builtin_method_number("MERGE"), 25);
    EXPECT_EQ(builtin_method_number("get"), std::nullopt);  // names are case-sensitive
    EXPECT_EQ(builtin_method_number("FOO"), std::nullopt);
}

TEST(Methods, RegistrationNumbersFrom27To62)
{
    std::vector<std::string> registered;
    EXPECT_EQ(register_method(registered, "GET"), kMethodGet);
    EXPECT_TRUE(registered.empty());
    EXPECT_EQ(register_method(registered, "FOO"), 27);
    EXPECT_EQ(register_method(registered, "BAR"), 28);
    EXPECT_EQ(register_method(registered, "FOO"), 27);
    EXPECT_EQ(method_number_of(registered, "BAR"), 28);
    EXPECT_EQ(method_number_of(registered, "BAZ"), kMethodInvalid);
    for (int i = 0; i < 34; ++i) {
        EXPECT_EQ(register_method(registered, "M" + std::to_string(i)), 29 + i);
    }
    EXPECT_EQ(register_method(registered, "ONE-TOO-MANY"), kMethodInvalid);
    EXPECT_EQ(registered.size(), 36u);
}

TEST(LimitSection, AcceptedForms)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, in_directory("<Limit GET POST>\nOptions Indexes\n</Limit>\n"
                           "<LimitExcept GET TRACE>\n</LimitExcept>\n"
                           "<Limit GET POST>\n<Limit GET>\n</Limit>\n</Limit>\n"));
    ASSERT_TRUE(o.ok()) << o.error();
    // The body applies to the enclosing section's config.
    EXPECT_EQ(core_dir(main_core(o).directories.at(0)).opts, unsigned{kOptIndexes});
    EXPECT_TRUE(main_core(o).registered_methods.empty());
}

TEST(LimitSection, UnknownMethodsAreRegistered)
{
    TempDir root;
    auto o = feather::test::load_text(root, in_directory("<Limit FOO bar get \"\">\n</Limit>\n"));
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_core(o).registered_methods, (std::vector<std::string>{"FOO", "bar", "get", ""}));
}

TEST(LimitSection, TooManyMethodsAreLogged)
{
    std::string methods;
    for (int i = 1; i <= 38; ++i) {
        methods += " M" + std::to_string(i);
    }
    TempDir root;
    auto o = feather::test::load_text(root, in_directory("<Limit" + methods + ">\n</Limit>\n"));
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_core(o).registered_methods.size(), 36u);
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH01610: Maximum new request methods 62 reached while registering method M37.",
                  "AH01610: Maximum new request methods 62 reached while registering method M38.",
              }));
}

TEST(LimitSection, TraceOnlyInLimitExcept)
{
    TempDir root;
    auto o = feather::test::load_text(root, in_directory("<Limit GET TRACE>\n</Limit>\n"));
    EXPECT_EQ(o.error(),
              syntax_error(root, 2, "TRACE cannot be controlled by <Limit>, see TraceEnable"));
}

TEST(LimitSection, NestingMustNarrow)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, in_directory("<Limit GET>\n<Limit POST>\n</Limit>\n</Limit>\n"));
    EXPECT_EQ(o.error(), syntax_error(root, 3, "<Limit> directive excludes all methods"));
    o = feather::test::load_text(
        root, in_directory("<Limit GET>\n<LimitExcept POST>\n</LimitExcept>\n</Limit>\n"));
    EXPECT_EQ(o.error(),
              syntax_error(root, 3, "<LimitExcept> directive specifies methods already excluded"));
    o = feather::test::load_text(root, in_directory("<LimitExcept GET>\n<LimitExcept GET>\n"
                                                    "</LimitExcept>\n</LimitExcept>\n"));
    EXPECT_EQ(o.error(),
              syntax_error(root, 3, "<LimitExcept> directive specifies methods already excluded"));
}

TEST(LimitSection, SyntaxErrors)
{
    TempDir root;
    auto o = feather::test::load_text(root, in_directory("<Limit>\n</Limit>\n"));
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<Limit> directive requires additional arguments"));
    o = feather::test::load_text(root, in_directory("<LimitExcept GET\n</LimitExcept>\n"));
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<LimitExcept> directive missing closing '>'"));
}

TEST(LimitSection, WhereItMayAppear)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<Limit GET>\n</Limit>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Limit not allowed here"));
    o = feather::test::load_text(root,
                                 "<Location />\n<Limit GET>\n</Limit>\n</Location>\n"
                                 "<Files x>\n<Limit POST>\n</Limit>\n</Files>\n");
    EXPECT_TRUE(o.ok()) << o.error();
    o = feather::test::load_text(root,
                                 in_directory("<Limit GET>\n<If \"true\">\n</If>\n</Limit>\n"));
    EXPECT_EQ(o.error(),
              syntax_error(root, 3, "<If> cannot occur within <Limit> or <LimitExcept> section"));
}

TEST(LimitSection, InHtaccessUnknownMethodsAreRefused)
{
    TempDir root;
    HtaccessProbe probe(root);
    ASSERT_TRUE(probe.loaded());
    const Allow limit = Allow::Limit | Allow::AuthConfig;
    EXPECT_EQ(probe.apply("<Limit", "GET FOO>", limit, kOptAll),
              "Could not register method 'FOO' for <Limit from .htaccess configuration");
    EXPECT_EQ(probe.apply("<LimitExcept", "BAR>", limit, kOptAll),
              "Could not register method 'BAR' for <LimitExcept from .htaccess configuration");
    EXPECT_EQ(probe.apply("<Limit", "GET>", limit, kOptAll), std::nullopt);
    EXPECT_EQ(probe.apply("<Limit", "GET>", Allow::FileInfo, kOptAll), "<Limit not allowed here");
}

}  // namespace
}  // namespace feather::mod::core::test
