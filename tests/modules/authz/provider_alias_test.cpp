// <AuthzProviderAlias provider alias args>. Each configuration was checked
// with apache2 -t.

#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::test::authz {
namespace {

class ProviderAliasTest : public AuthzTest {
protected:
    const AuthzCoreServerConfig& server(const LoadOutcome& o)
    {
        return main_server<AuthzCoreServerConfig>(o);
    }
};

TEST_F(ProviderAliasTest, DefinedThenUsed)
{
    const LoadOutcome o = load("<AuthzProviderAlias ip lan 10.0.0.0/8>\n"
                               "Require all granted\n"
                               "</AuthzProviderAlias>\n"
                               "<Directory />\nRequire lan\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& aliases = server(o).aliases;
    ASSERT_EQ(aliases.size(), 1u);
    const ProviderAlias& lan = aliases.at("lan");
    EXPECT_EQ(lan.provider, "ip");
    EXPECT_EQ(lan.args, "10.0.0.0/8");
    EXPECT_EQ(std::get<IpRule>(lan.rule).networks, (std::vector<IpNetwork>{network("10.0.0.0/8")}));
    EXPECT_EQ(lan.loc.line, 1u);
    // The section's own directives, kept for the request.
    ASSERT_TRUE(lan.settings);
    const auto& inside = get<AuthzCoreDirConfig>(*lan.settings);
    ASSERT_TRUE(inside.section);
    EXPECT_EQ(inside.section->children.at(0).describe(), "Require all granted");

    const RequireNode& use = authz().section->children.at(0);
    EXPECT_EQ(use.provider, "lan");
    EXPECT_EQ(std::get<AliasRule>(use.rule).alias, "lan");
}

TEST_F(ProviderAliasTest, UsedBeforeDefined)
{
    EXPECT_EQ(error_of("<Directory />\nRequire lan\n</Directory>\n"
                       "<AuthzProviderAlias ip lan 10.0.0.0/8>\n</AuthzProviderAlias>\n"),
              syntax_error(2, "Unknown Authz provider: lan"));
}

TEST_F(ProviderAliasTest, AliasTakesAnyArgumentsAndMayShadowAProvider)
{
    const LoadOutcome o = load("<Directory /a>\nRequire all granted\n</Directory>\n"
                               "<AuthzProviderAlias all all denied>\n</AuthzProviderAlias>\n"
                               "<Directory />\nRequire all foo\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    // Lines read before the alias keep the real provider.
    EXPECT_TRUE(std::holds_alternative<AllRule>(authz(0).section->children.at(0).rule));
    EXPECT_EQ(std::get<AliasRule>(authz(1).section->children.at(0).rule).alias, "all");
    EXPECT_EQ(std::get<AllRule>(server(o).aliases.at("all").rule).granted, false);
}

TEST_F(ProviderAliasTest, AliasOfAnAlias)
{
    const LoadOutcome o = load("<AuthzProviderAlias ip lan 10.0.0.0/8>\n</AuthzProviderAlias>\n"
                               "<AuthzProviderAlias lan lan2 x>\n</AuthzProviderAlias>\n"
                               "<Directory />\nRequire lan2\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(std::get<AliasRule>(server(o).aliases.at("lan2").rule).alias, "lan");
}

TEST_F(ProviderAliasTest, LaterDefinitionWins)
{
    const LoadOutcome o = load("<AuthzProviderAlias all lan granted>\n</AuthzProviderAlias>\n"
                               "<AuthzProviderAlias all lan denied>\n</AuthzProviderAlias>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(std::get<AllRule>(server(o).aliases.at("lan").rule).granted, false);
    EXPECT_EQ(server(o).aliases.at("lan").loc.line, 3u);
}

TEST_F(ProviderAliasTest, NegatedAliasFollowsTheUsualRule)
{
    EXPECT_EQ(error_of("<AuthzProviderAlias ip lan 10.0.0.0/8>\n</AuthzProviderAlias>\n"
                       "<Directory />\nRequire not lan\n</Directory>\n"),
              syntax_error(4, "negative Require directive has no effect in <RequireAny> directive"));
}

TEST_F(ProviderAliasTest, MissingArguments)
{
    const std::string msg = "<AuthzProviderAlias> directive requires additional arguments";
    EXPECT_EQ(error_of("<AuthzProviderAlias ip>\n</AuthzProviderAlias>\n"), syntax_error(1, msg));
    EXPECT_EQ(error_of("<AuthzProviderAlias>\n</AuthzProviderAlias>\n"), syntax_error(1, msg));
    EXPECT_EQ(error_of("<AuthzProviderAlias all lan granted\n</AuthzProviderAlias>\n"),
              syntax_error(1, "<AuthzProviderAlias> directive missing closing '>'"));
}

TEST_F(ProviderAliasTest, ArgumentsParsedByTheProvider)
{
    EXPECT_EQ(error_of("<AuthzProviderAlias ip lan>\n</AuthzProviderAlias>\n"),
              syntax_error(1, "Can't parse 'Require ip ': 'require ip' requires an argument"));
    EXPECT_EQ(error_of("<AuthzProviderAlias ip lan x/y>\n</AuthzProviderAlias>\n"),
              syntax_error(1, "Can't parse 'Require ip x/y': ip address 'x/y' appears to be invalid"));
    EXPECT_EQ(error_of("<AuthzProviderAlias expr x true>\n</AuthzProviderAlias>\n"),
              syntax_error(1, "Can't parse 'Require expr true': Require expr is not supported: "
                              "Feather does not support ap_expr yet"));
}

TEST_F(ProviderAliasTest, UnknownProvider)
{
    EXPECT_EQ(error_of("<AuthzProviderAlias foo lan x>\n</AuthzProviderAlias>\n"),
              syntax_error(1, "Unknown Authz provider: foo"));
    EXPECT_EQ(error_of("<AuthzProviderAlias ip lan 10.1>\n</AuthzProviderAlias>\n",
                       Modules{.authz_host = false}),
              syntax_error(1, "Unknown Authz provider: ip"));
    // The body is read first: its error wins.
    EXPECT_EQ(error_of("<AuthzProviderAlias foo lan x>\nFooBar\n</AuthzProviderAlias>\n"),
              syntax_error(2, "Invalid command 'FooBar', perhaps misspelled or defined by a module "
                              "not included in the server configuration"));
}

TEST_F(ProviderAliasTest, OnlyOneArgumentIsUsed)
{
    const LoadOutcome o = load("<AuthzProviderAlias ip lan 1.2.3.4 5.6.7.8>\n</AuthzProviderAlias>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "AH10142: When several arguments (1.2.3.4 5.6.7.8...) are passed to a "
                  "<AuthzProviderAlias directive, they must be enclosed in quotation marks.  "
                  "Otherwise, only the first one is taken into account"}));
    EXPECT_EQ(server(o).aliases.at("lan").args, "1.2.3.4");

    const LoadOutcome q = load("<AuthzProviderAlias ip lan \"1.2.3.4 5.6.7.8\">\n</AuthzProviderAlias>\n");
    ASSERT_TRUE(q.ok()) << q.error();
    EXPECT_TRUE(q.warnings.empty());
    EXPECT_EQ(std::get<IpRule>(server(q).aliases.at("lan").rule).networks.size(), 2u);
}

TEST_F(ProviderAliasTest, BodyTakesAuthConfigDirectivesOnly)
{
    EXPECT_EQ(error_of("<AuthzProviderAlias all lan granted>\nOptions None\n</AuthzProviderAlias>\n"),
              syntax_error(2, "Options not allowed in <AuthzProviderAlias> context"));
    EXPECT_EQ(error_of("<AuthzProviderAlias all lan granted>\norder allow,deny\n</AuthzProviderAlias>\n"),
              syntax_error(2, "order not allowed in <AuthzProviderAlias> context"));
    EXPECT_EQ(error_of("<AuthzProviderAlias all x granted>\n<RequireAll>\nRequire not env A\n"
                       "</RequireAll>\n</AuthzProviderAlias>\n"),
              "AH01624: <RequireAll> directive contains only negative authorization directives\n"
              "AH00014: Configuration check failed");
}

TEST_F(ProviderAliasTest, MainServerOnly)
{
    EXPECT_EQ(error_of("<Directory />\n<AuthzProviderAlias all lan granted>\n</AuthzProviderAlias>\n"
                       "</Directory>\n"),
              syntax_error(2, "<AuthzProviderAlias not allowed in <Directory> context"));
    // In <VirtualHost>: "<AuthzProviderAlias> cannot occur within <VirtualHost>
    // section", from the row's restriction.
    const auto specs = test_registry().find("<AuthzProviderAlias");
    ASSERT_EQ(specs.size(), 1u);
    EXPECT_EQ(specs[0]->forbid, directives::Forbid::GlobalOnly);
}

}  // namespace
}  // namespace feather::test::authz
