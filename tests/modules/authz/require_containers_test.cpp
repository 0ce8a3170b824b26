// <RequireAll>, <RequireAny>, <RequireNone>: nesting, negation, and the
// check httpd makes once the configuration is read (AH01624). Each
// configuration was checked with apache2 -t.

#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::test::authz {
namespace {

using Kind = RequireNode::Kind;
using mod::authz::method_bit;

class RequireContainersTest : public AuthzTest {
protected:
    std::string in_directory(const std::string& body) { return "<Directory />\n" + body + "</Directory>\n"; }
    const RequireNode& root() { return *authz().section; }
};

TEST_F(RequireContainersTest, RequireAllUnderTheImplicitRoot)
{
    expect_ok(in_directory("<RequireAll>\nRequire ip 10.1\nRequire not env BAD\n</RequireAll>\n"));
    ASSERT_EQ(root().children.size(), 1u);
    const RequireNode& all = root().children[0];
    EXPECT_EQ(all.kind, Kind::All);
    EXPECT_FALSE(all.negated);
    EXPECT_EQ(all.loc.line, 2u);
    EXPECT_EQ(all.describe(), "<RequireAll>");
    ASSERT_EQ(all.children.size(), 2u);
    EXPECT_EQ(all.children[0].provider, "ip");
    EXPECT_TRUE(all.children[1].negated);
    EXPECT_EQ(all.children[1].describe(), "Require not env BAD");
}

TEST_F(RequireContainersTest, RequireAnyIsSplicedIntoAnAnyParent)
{
    expect_ok(in_directory("Require env A\n<RequireAny>\nRequire ip 1.2.3.4\nRequire ip 5.6.7.8\n"
                           "</RequireAny>\n"));
    ASSERT_EQ(root().children.size(), 3u);
    EXPECT_EQ(root().children[1].provider, "ip");
    EXPECT_EQ(root().children[2].args, "5.6.7.8");
}

TEST_F(RequireContainersTest, RequireAllIsSplicedIntoAnAllParent)
{
    // The inner container holds only a negative line, but it is gone once
    // spliced, so httpd does not complain.
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n<RequireAll>\nRequire not ip 1.2.3.4\n"
                           "</RequireAll>\n</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    ASSERT_EQ(all.children.size(), 2u);
    EXPECT_EQ(all.children[1].kind, Kind::Provider);
    EXPECT_TRUE(all.children[1].negated);
}

TEST_F(RequireContainersTest, RequireAnyInsideRequireAllStays)
{
    expect_ok(in_directory("<RequireAll>\nRequire env A\n<RequireAny>\nRequire ip 10.1\n"
                           "Require ip 10.2\n</RequireAny>\n</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    ASSERT_EQ(all.children.size(), 2u);
    EXPECT_EQ(all.children[1].kind, Kind::Any);
    EXPECT_EQ(all.children[1].children.size(), 2u);
}

TEST_F(RequireContainersTest, RequireNoneInRequireAllBecomesNegatedLines)
{
    // httpd's check pass applies De Morgan: a <RequireNone> in a
    // <RequireAll> gives way to its children, negated.
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 1.2.3.4\n"
                           "Require env X\n</RequireNone>\n</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    ASSERT_EQ(all.children.size(), 3u);
    EXPECT_FALSE(all.children[0].negated);
    EXPECT_EQ(all.children[1].describe(), "Require not ip 1.2.3.4");
    EXPECT_EQ(all.children[2].describe(), "Require not env X");
}

TEST_F(RequireContainersTest, NestedRequireAllInRequireNoneBecomesNotAll)
{
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n<RequireNone>\n<RequireAll>\n"
                           "Require ip 1.2.3.4\nRequire ip 1.2.3.5\n</RequireAll>\n</RequireNone>\n"
                           "</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    ASSERT_EQ(all.children.size(), 2u);
    EXPECT_EQ(all.children[1].kind, Kind::All);
    EXPECT_TRUE(all.children[1].negated);
    EXPECT_EQ(all.children[1].describe(), "<RequireNotAll>");
    EXPECT_EQ(all.children[1].children.size(), 2u);
}

TEST_F(RequireContainersTest, RequireAnyInRequireNoneIsSpliced)
{
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n<RequireNone>\n<RequireAny>\n"
                           "Require ip 1.1.1.1\nRequire ip 2.2.2.2\n</RequireAny>\n</RequireNone>\n"
                           "</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    ASSERT_EQ(all.children.size(), 3u);
    EXPECT_EQ(all.children[1].describe(), "Require not ip 1.1.1.1");
    EXPECT_EQ(all.children[2].describe(), "Require not ip 2.2.2.2");
}

TEST_F(RequireContainersTest, EmptyContainers)
{
    EXPECT_EQ(error_of(in_directory("<RequireAll>\n</RequireAll>\n")),
              syntax_error(2, "<RequireAll> directive contains no authorization directives"));
    EXPECT_EQ(error_of(in_directory("<RequireAny>\n</RequireAny>\n")),
              syntax_error(2, "<RequireAny> directive contains no authorization directives"));
    EXPECT_EQ(error_of(in_directory("<RequireAll>\n<RequireAll>\n</RequireAll>\n</RequireAll>\n")),
              syntax_error(3, "<RequireAll> directive contains no authorization directives"));
    // Only settings inside: still no authorization directives.
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nSatisfy any\n</RequireAll>\n")),
              syntax_error(2, "<RequireAll> directive contains no authorization directives"));
}

TEST_F(RequireContainersTest, NoArguments)
{
    EXPECT_EQ(error_of(in_directory("<RequireAll x>\nRequire all granted\n</RequireAll>\n")),
              syntax_error(2, "<RequireAll> directive doesn't take additional arguments"));
    EXPECT_EQ(error_of(in_directory("<RequireNone x y>\nRequire all granted\n</RequireNone>\n")),
              syntax_error(2, "<RequireNone> directive doesn't take additional arguments"));
    EXPECT_EQ(error_of(in_directory("<RequireAll> foo\nRequire all granted\n</RequireAll>\n")),
              syntax_error(2, "<RequireAll> directive missing closing '>'"));
    // Without any '>' httpd's reader supplies one.
    expect_ok(in_directory("<RequireAll\nRequire all granted\n</RequireAll>\n"));
    expect_ok(in_directory("<RequireAll >\nRequire all granted\n</RequireAll>\n"));
}

TEST_F(RequireContainersTest, NegationThatCannotWork)
{
    EXPECT_EQ(error_of(in_directory("<RequireNone>\nRequire all granted\n</RequireNone>\n")),
              syntax_error(2, "<RequireNone> directive has no effect in <RequireAny> directive"));
    EXPECT_EQ(error_of(in_directory("<RequireAny>\nRequire not ip 1.2.3.4\n</RequireAny>\n")),
              syntax_error(3, "negative Require directive has no effect in <RequireAny> directive"));
    EXPECT_EQ(error_of(in_directory("<RequireAll>\n<RequireNone>\nRequire not ip 1.2.3.4\n"
                                    "</RequireNone>\n</RequireAll>\n")),
              syntax_error(4, "negative Require directive has no effect in <RequireNone> directive"));
    EXPECT_EQ(error_of(in_directory("<RequireAll>\n<RequireNone>\n<RequireNone>\nRequire ip 1.2.3.4\n"
                                    "</RequireNone>\n</RequireNone>\n</RequireAll>\n")),
              syntax_error(4, "<RequireNone> directive has no effect in <RequireNone> directive"));
}

TEST_F(RequireContainersTest, OnlyNegativeRequirementsFailTheCheck)
{
    const std::string msg =
        "AH01624: <RequireAll> directive contains only negative authorization directives\n"
        "AH00014: Configuration check failed";
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nRequire not ip 1.2.3.4\n</RequireAll>\n")), msg);
    EXPECT_EQ(error_of(in_directory("<RequireAll>\n<RequireNone>\nRequire all granted\n"
                                    "</RequireNone>\n</RequireAll>\n")),
              msg);
    EXPECT_EQ(error_of(in_directory("<RequireAny>\n<RequireAll>\nRequire not ip 1.2.3.4\n"
                                    "</RequireAll>\n</RequireAny>\n")),
              msg);
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nRequire all granted\n<RequireNone>\n<RequireAll>\n"
                                    "Require not ip 1.2.3.4\n</RequireAll>\n</RequireNone>\n"
                                    "</RequireAll>\n")),
              msg);
}

TEST_F(RequireContainersTest, ASyntaxErrorLaterInTheFileComesFirst)
{
    // The check runs only once everything is read.
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nRequire not ip 1.2.3.4\n</RequireAll>\n") +
                       "<Directory /x>\nRequire all maybe\n</Directory>\n"),
              syntax_error(7, "Argument for 'Require all' must be 'granted' or 'denied'"));
}

TEST_F(RequireContainersTest, MixedPositiveAndNegativeIsFine)
{
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 1.2.3.4\n"
                           "</RequireNone>\n</RequireAll>\n"));
}

TEST_F(RequireContainersTest, NotAllowedAtServerLevel)
{
    EXPECT_EQ(error_of("<RequireAll>\nRequire all granted\n</RequireAll>\n"),
              syntax_error(1, "<RequireAll not allowed here"));
}

TEST_F(RequireContainersTest, ContainersActLikeLimit)
{
    // httpd clears the top method bit inside a container, so that what
    // refuses <Limit> refuses it too.
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nRequire all granted\n<Files x>\n</Files>\n"
                                    "</RequireAll>\n")),
              syntax_error(4, "<Files> cannot occur within <Limit> or <LimitExcept> section"));
    expect_ok(in_directory("<RequireAll>\nRequire all granted\n</RequireAll>\n"));
    const RequireNode& all = root().children.at(0);
    EXPECT_EQ(all.children.at(0).methods, ~method_bit(63));
    EXPECT_EQ(all.methods, ~method_bit(63));
    EXPECT_EQ(root().methods, ~method_bit(63));
}

TEST_F(RequireContainersTest, OnlyAuthConfigDirectivesInside)
{
    EXPECT_EQ(error_of(in_directory("<RequireAll>\nRequire all granted\nallow from all\n</RequireAll>\n")),
              syntax_error(4, "allow not allowed in <RequireAll> context"));
    // Satisfy and AuthMerging are AuthConfig and apply to the section.
    expect_ok(in_directory("<RequireAll>\nRequire all granted\nSatisfy any\nAuthMerging And\n"
                           "</RequireAll>\n"));
    EXPECT_EQ(authz().merging.value, AuthMerging::And);
    EXPECT_EQ(compat().satisfy[0], Satisfy::Any);
}

TEST_F(RequireContainersTest, LimitInsideAndAround)
{
    expect_ok(in_directory("<RequireAll>\n<Limit GET>\nRequire all granted\n</Limit>\n</RequireAll>\n"));
    EXPECT_EQ(root().children.at(0).methods, method_bit(0));
    EXPECT_EQ(root().methods, method_bit(0));

    expect_ok(in_directory("<Limit GET POST>\n<RequireAll>\nRequire all granted\n</RequireAll>\n"
                           "</Limit>\nRequire env A\n"));
    EXPECT_EQ(root().children.at(0).methods, method_bit(0) | method_bit(2));
    EXPECT_EQ(root().methods, ~std::uint64_t{0});
}

}  // namespace
}  // namespace feather::test::authz
