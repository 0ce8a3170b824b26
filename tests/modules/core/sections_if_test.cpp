// <If>, <ElseIf>, <Else>: Feather cannot evaluate ap_expr yet, so a
// condition is refused with a clear error; every check httpd makes before
// parsing the condition gives httpd's text (checked with apache2 -t).

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

TEST(IfSection, ConditionsAreRefused)
{
    TempDir root;
    auto o = feather::test::load_text(root, "\n<If \"%{HTTPS} == 'on'\">\n</If>\n");
    EXPECT_EQ(
        o.error(),
        syntax_error(
            root, 2,
            "<If> is not supported by Feather yet (ap_expr expressions cannot be evaluated)"));
    o = feather::test::load_text(root,
                                 "<Directory /a>\n<ElseIf \"true\">\n</ElseIf>\n</Directory>\n");
    EXPECT_EQ(
        o.error(),
        syntax_error(root, 2,
                     "<ElseIf> is not supported by Feather yet (ap_expr expressions cannot be "
                     "evaluated)"));
}

TEST(IfSection, SyntaxErrorsComeFirst)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<If>\n</If>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<If> directive requires additional arguments"));
    o = feather::test::load_text(root, "<If \"true\"\n</If>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<If> directive missing closing '>'"));
    o = feather::test::load_text(root, "<ElseIf>\n</ElseIf>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<ElseIf> directive requires additional arguments"));
    o = feather::test::load_text(root, "<ElseIf \"false\"\n</ElseIf>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<ElseIf> directive missing closing '>'"));
    o = feather::test::load_text(root, "<Else foo>\n</Else>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<Else> does not take an argument"));
}

TEST(IfSection, ElseWithoutIf)
{
    // httpd applies the body, then finds no <If> before it in the scope.
    TempDir root;
    const std::string orphan =
        "<Else> or <ElseIf> section without previous <If> or <ElseIf> section in same scope";
    auto o = feather::test::load_text(root, "<Else>\n</Else>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, orphan));
    o = feather::test::load_text(root, "<Else\n</Else>\n");  // no '>' at all reads as "<Else>"
    EXPECT_EQ(o.error(), syntax_error(root, 1, orphan));
    o = feather::test::load_text(root, "<Directory /a>\n<Else>\n</Else>\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, orphan));
    o = feather::test::load_text(root, "<Else>\nBogus\n</Else>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2,
                                      "Invalid command 'Bogus', perhaps misspelled or defined by a "
                                      "module not included in the server configuration"));
}

TEST(IfSection, NotInsideLimit)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "<Directory /a>\n<LimitExcept GET>\n<Else>\n</Else>\n"
                                      "</LimitExcept>\n</Directory>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 3, "<Else> cannot occur within <Limit> or <LimitExcept> section"));
}

}  // namespace
}  // namespace feather::mod::core::test
