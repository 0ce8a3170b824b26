// order, allow, deny, Satisfy. Each configuration was checked with
// apache2 -t.

#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::test::authz {
namespace {

using mod::authz::method_bit;
using mod::authz::per_method;
constexpr std::uint64_t kAll = ~std::uint64_t{0};

class AccessCompatTest : public AuthzTest {
protected:
    const AccessCompatDirConfig& one(const std::string& body)
    {
        expect_ok("<Directory />\n" + body + "\n</Directory>\n");
        return compat();
    }
    std::string line_error(const std::string& line)
    {
        return error_of("<Directory />\n" + line + "\n</Directory>\n");
    }
    std::string at_line2(const std::string& message) const { return syntax_error(2, message); }
};

TEST_F(AccessCompatTest, UnusedSectionHasNoConfigOfItsOwn)
{
    const auto& c = one("Require all granted");
    EXPECT_FALSE(c.in_use);
    EXPECT_EQ(c.order, per_method(Order::DenyThenAllow));
    EXPECT_EQ(c.satisfy, per_method(Satisfy::Unspecified));
}

TEST_F(AccessCompatTest, Order)
{
    EXPECT_EQ(one("order allow,deny").order, per_method(Order::AllowThenDeny));
    EXPECT_TRUE(compat().in_use);
    EXPECT_EQ(one("Order Deny,Allow").order, per_method(Order::DenyThenAllow));
    EXPECT_TRUE(compat().in_use);
    EXPECT_EQ(one("order Mutual-Failure").order, per_method(Order::MutualFailure));
}

TEST_F(AccessCompatTest, OrderErrors)
{
    EXPECT_EQ(line_error("order allow, deny"),
              at_line2("order takes one argument, 'allow,deny', 'deny,allow', or 'mutual-failure'"));
    EXPECT_EQ(line_error("order allow,deny x"),
              at_line2("order takes one argument, 'allow,deny', 'deny,allow', or 'mutual-failure'"));
    EXPECT_EQ(line_error("order deny"), at_line2("unknown order"));
    EXPECT_EQ(error_of("order allow,deny\n"), syntax_error(1, "order not allowed here"));
}

TEST_F(AccessCompatTest, OrderPerMethod)
{
    const auto& c = one("<Limit GET>\norder allow,deny\n</Limit>\n<LimitExcept GET>\n"
                        "order mutual-failure\n</LimitExcept>");
    EXPECT_EQ(c.order[0], Order::AllowThenDeny);
    EXPECT_EQ(c.order[1], Order::MutualFailure);
    EXPECT_EQ(c.order[63], Order::MutualFailure);
}

TEST_F(AccessCompatTest, AllowForms)
{
    const auto& c = one("allow from all\nallow From 10.1 env=FOO env=!BAR ENV=\n"
                        "allow from 10.0.0.0/8 example.com .example.org abc.1\n"
                        "allow from ::1 fe80::/10 1.2.3.4/255.255.0.0");
    ASSERT_EQ(c.allows.size(), 12u);
    EXPECT_TRUE(std::holds_alternative<FromAll>(c.allows[0].from));
    EXPECT_EQ(std::get<IpNetwork>(c.allows[1].from), network("10.1"));
    const auto& env = std::get<FromEnv>(c.allows[2].from);
    EXPECT_EQ(env.variable, "FOO");
    EXPECT_FALSE(env.negated);
    const auto& not_env = std::get<FromEnv>(c.allows[3].from);
    EXPECT_EQ(not_env.variable, "BAR");
    EXPECT_TRUE(not_env.negated);
    EXPECT_EQ(std::get<FromEnv>(c.allows[4].from).variable, "");
    EXPECT_EQ(std::get<IpNetwork>(c.allows[5].from), network("10.0.0.0/8"));
    EXPECT_EQ(std::get<FromHost>(c.allows[6].from).domain, "example.com");
    EXPECT_EQ(std::get<FromHost>(c.allows[7].from).domain, ".example.org");
    EXPECT_EQ(std::get<FromHost>(c.allows[8].from).domain, "abc.1");
    EXPECT_EQ(std::get<IpNetwork>(c.allows[9].from), network("::1"));
    EXPECT_EQ(std::get<IpNetwork>(c.allows[10].from), network("fe80::/10"));
    EXPECT_EQ(std::get<IpNetwork>(c.allows[11].from), network("1.2.3.4/255.255.0.0"));
    for (const auto& r : c.allows) {
        EXPECT_EQ(r.methods, kAll);
    }
    EXPECT_TRUE(c.denies.empty());
    EXPECT_TRUE(c.in_use);
}

TEST_F(AccessCompatTest, DenyGoesToItsOwnList)
{
    const auto& c = one("deny from 10.1 env=X");
    ASSERT_EQ(c.denies.size(), 2u);
    EXPECT_TRUE(c.allows.empty());
    EXPECT_EQ(std::get<IpNetwork>(c.denies[0].from), network("10.1"));
}

TEST_F(AccessCompatTest, RulesKeepTheLimitMethods)
{
    const auto& c = one("<Limit GET POST>\nallow from all\n</Limit>\ndeny from all");
    EXPECT_EQ(c.allows.at(0).methods, method_bit(0) | method_bit(2));
    EXPECT_EQ(c.denies.at(0).methods, kAll);
}

TEST_F(AccessCompatTest, FromErrors)
{
    EXPECT_EQ(line_error("allow to all"), at_line2("allow and deny must be followed by 'from'"));
    EXPECT_EQ(line_error("deny to all"), at_line2("allow and deny must be followed by 'from'"));
    EXPECT_EQ(line_error("allow from"),
              at_line2("allow requires at least two arguments, 'from' followed by hostnames or "
                       "IP-address wildcards"));
    EXPECT_EQ(line_error("deny"),
              at_line2("deny requires at least two arguments, 'from' followed by hostnames or "
                       "IP-address wildcards"));
    EXPECT_EQ(error_of("allow from all\n"), syntax_error(1, "allow not allowed here"));
}

TEST_F(AccessCompatTest, AddressErrors)
{
    const std::string bad_ip = "The specified IP address is invalid.";
    const std::string bad_mask = "The specified network mask is invalid.";
    EXPECT_EQ(line_error("allow from 10.1/16"), at_line2(bad_ip));
    EXPECT_EQ(line_error("allow from 1.2.3.256"), at_line2(bad_ip));
    EXPECT_EQ(line_error("allow from ::ffff:1.2.3.4"), at_line2(bad_ip));
    EXPECT_EQ(line_error("allow from 1:2"), at_line2(bad_ip));
    EXPECT_EQ(line_error("allow from 1.2.3.4/33"), at_line2(bad_mask));
    EXPECT_EQ(line_error("allow from 10.0.0.0/8#"), at_line2(bad_mask));
    EXPECT_EQ(line_error("allow from x/8"), at_line2("An IP address was expected"));
    EXPECT_EQ(line_error("allow from /8"), at_line2("An IP address was expected"));
    EXPECT_EQ(line_error("allow from 1.2.3.4 x/y"), at_line2("An IP address was expected"));
    EXPECT_EQ(line_error("allow from foo#bar"), at_line2("No comments are allowed here"));
    EXPECT_EQ(line_error("allow from #"), at_line2("No comments are allowed here"));
}

TEST_F(AccessCompatTest, Satisfy)
{
    EXPECT_EQ(one("Satisfy any").satisfy, per_method(Satisfy::Any));
    EXPECT_TRUE(compat().in_use);
    EXPECT_EQ(one("Satisfy All").satisfy, per_method(Satisfy::All));
    const auto& c = one("<Limit POST>\nSatisfy any\n</Limit>");
    EXPECT_EQ(c.satisfy[2], Satisfy::Any);
    EXPECT_EQ(c.satisfy[0], Satisfy::Unspecified);
}

TEST_F(AccessCompatTest, SatisfyErrors)
{
    EXPECT_EQ(line_error("Satisfy none"), at_line2("Satisfy either 'any' or 'all'."));
    EXPECT_EQ(line_error("Satisfy any all"),
              at_line2("Satisfy takes one argument, access policy if both allow and require used "
                       "('all' or 'any')"));
    EXPECT_EQ(error_of("Satisfy any\n"), syntax_error(1, "Satisfy not allowed here"));
}

TEST_F(AccessCompatTest, BothStylesInOneSectionAreAccepted)
{
    // httpd says nothing when a section mixes them; the request decides.
    expect_ok("<Directory />\nOrder allow,deny\nAllow from all\nRequire all granted\n"
              "Satisfy any\n</Directory>\n");
    EXPECT_EQ(compat().allows.size(), 1u);
    EXPECT_EQ(authz().section->children.size(), 1u);
}

TEST_F(AccessCompatTest, NeedsTheModule)
{
    EXPECT_EQ(error_of("<Directory />\nOrder allow,deny\n</Directory>\n", Modules{.access_compat = false}),
              syntax_error(2, "Invalid command 'Order', perhaps misspelled or defined by a module "
                              "not included in the server configuration"));
}

}  // namespace
}  // namespace feather::test::authz
