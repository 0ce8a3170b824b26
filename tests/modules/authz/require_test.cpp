// Require lines: providers, their arguments, and httpd's messages (each
// configuration was checked with apache2 -t).

#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::test::authz {
namespace {

constexpr std::uint64_t kAll = ~std::uint64_t{0};

class RequireTest : public AuthzTest {
protected:
    // The Require lines of a one-section configuration.
    const RequireNode& only_line(const std::string& line)
    {
        expect_ok("<Directory />\n" + line + "\n</Directory>\n");
        const auto& root = authz().section;
        EXPECT_TRUE(root.has_value());
        EXPECT_EQ(root->children.size(), 1u);
        static const RequireNode none;
        return root && root->children.size() == 1 ? root->children[0] : none;
    }

    std::string line_error(const std::string& line, Modules mods = {})
    {
        return error_of("<Directory />\n" + line + "\n</Directory>\n", mods);
    }
    std::string at_line2(const std::string& message) const { return syntax_error(2, message); }
};

TEST_F(RequireTest, AllGranted)
{
    const RequireNode& n = only_line("Require all granted");
    EXPECT_EQ(n.kind, RequireNode::Kind::Provider);
    EXPECT_FALSE(n.negated);
    EXPECT_EQ(n.provider, "all");
    EXPECT_EQ(n.args, "granted");
    EXPECT_EQ(std::get<AllRule>(n.rule).granted, true);
    EXPECT_EQ(n.methods, kAll);
    EXPECT_EQ(n.loc.line, 2u);
    EXPECT_EQ(n.describe(), "Require all granted");

    const auto& root = *authz().section;
    EXPECT_EQ(root.kind, RequireNode::Kind::Any);
    EXPECT_FALSE(root.negated);
    EXPECT_FALSE(root.merged);
    EXPECT_EQ(root.methods, kAll);
    EXPECT_EQ(root.describe(), "<RequireAny>");
}

TEST_F(RequireTest, AllDeniedAnyCase)
{
    EXPECT_EQ(std::get<AllRule>(only_line("Require all DENIED").rule).granted, false);
    EXPECT_EQ(std::get<AllRule>(only_line("Require all Granted").rule).granted, true);
    EXPECT_EQ(std::get<AllRule>(only_line("Require \"all\" granted").rule).granted, true);
}

TEST_F(RequireTest, AllTakesExactlyGrantedOrDenied)
{
    const std::string msg = "Argument for 'Require all' must be 'granted' or 'denied'";
    EXPECT_EQ(line_error("Require all granted extra"), at_line2(msg));
    EXPECT_EQ(line_error("Require all"), at_line2(msg));
    EXPECT_EQ(line_error("Require all \"granted\""), at_line2(msg));
    EXPECT_EQ(line_error("Require all yes"), at_line2(msg));
}

TEST_F(RequireTest, UnknownProviders)
{
    EXPECT_EQ(line_error("Require All granted"), at_line2("Unknown Authz provider: All"));
    EXPECT_EQ(line_error("Require user joe"), at_line2("Unknown Authz provider: user"));
    EXPECT_EQ(line_error("Require valid-user"), at_line2("Unknown Authz provider: valid-user"));
    EXPECT_EQ(line_error("Require group staff"), at_line2("Unknown Authz provider: group"));
    EXPECT_EQ(line_error("Require not"), at_line2("Unknown Authz provider: "));
    EXPECT_EQ(line_error("Require"), at_line2("Unknown Authz provider: "));
}

TEST_F(RequireTest, HostProvidersNeedAuthzHost)
{
    const Modules without_host{.authz_host = false};
    for (const char* p : {"ip", "host", "forward-dns", "local"}) {
        EXPECT_EQ(line_error(std::string("Require ") + p + " 127.0.0.1", without_host),
                  at_line2(std::string("Unknown Authz provider: ") + p));
    }
    expect_ok("<Directory />\nRequire all granted\nRequire env X\n</Directory>\n", without_host);
}

TEST_F(RequireTest, NegatedLineHasNoEffectInTheImplicitRequireAny)
{
    EXPECT_EQ(error_of("<Directory />\nRequire all granted\nRequire NOT ip 1.2.3.4\n</Directory>\n"),
              syntax_error(3, "negative Require directive has no effect in <RequireAny> directive"));
    EXPECT_EQ(line_error("Require not all granted"),
              at_line2("negative Require directive has no effect in <RequireAny> directive"));
}

TEST_F(RequireTest, NotAllowedAtServerLevel)
{
    EXPECT_EQ(error_of("Require all granted\n"), syntax_error(1, "Require not allowed here"));
}

TEST_F(RequireTest, IpForms)
{
    const RequireNode& n =
        only_line("Require ip 10.1 10.2.0.0/16 10.3.0.0/255.255.0.0 192.168.1.2 ::1 2001:db8::/32");
    EXPECT_EQ(n.args, "10.1 10.2.0.0/16 10.3.0.0/255.255.0.0 192.168.1.2 ::1 2001:db8::/32");
    const auto& nets = std::get<IpRule>(n.rule).networks;
    ASSERT_EQ(nets.size(), 6u);
    EXPECT_EQ(nets[0], network("10.1"));
    EXPECT_EQ(nets[1], network("10.2.0.0/16"));
    EXPECT_EQ(nets[2], network("10.3.0.0/255.255.0.0"));
    EXPECT_EQ(nets[3], network("192.168.1.2"));
    EXPECT_EQ(nets[4], network("::1"));
    EXPECT_EQ(nets[5], network("2001:db8::/32"));
    EXPECT_TRUE(nets[0].contains(*parse_ip_address("10.1.3.4")));
    EXPECT_TRUE(nets[5].contains(*parse_ip_address("2001:db8::7")));
}

TEST_F(RequireTest, IpStopsAtAnEmptyWord)
{
    const auto& nets = std::get<IpRule>(only_line("Require ip 1.2.3.4 \"\" x").rule).networks;
    ASSERT_EQ(nets.size(), 1u);
    EXPECT_EQ(nets[0], network("1.2.3.4"));
}

TEST_F(RequireTest, IpErrors)
{
    EXPECT_EQ(line_error("Require ip"), at_line2("'require ip' requires an argument"));
    EXPECT_EQ(line_error("Require ip \"\""), at_line2("'require ip' requires an argument"));
    const std::string bad_ip = "' appears to be invalid: The specified IP address is invalid.";
    const std::string bad_mask = "' appears to be invalid: The specified network mask is invalid.";
    for (const char* a : {"10.1/16", "1.2.3.256", "1.2.3.4.5", "::ffff:1.2.3.4", "1..2", ".", "1:2",
                          "10.1.2.3.4.5.6.7.8.9.10.11", "4294967552"}) {
        EXPECT_EQ(line_error(std::string("Require ip ") + a), at_line2(std::string("ip address '") + a + bad_ip));
    }
    for (const char* a : {"2001:db8::/255.255.0.0", "1.2.3.4/0", "1.2.3.4/33", "1.2.3.4/",
                          "1.2.3.4/1.2.3", "::1/129", "10.0.0.0/8#c", "10.2.3.4/-8", "10.0.0.0/1x"}) {
        EXPECT_EQ(line_error(std::string("Require ip ") + a), at_line2(std::string("ip address '") + a + bad_mask));
    }
    for (const char* a : {"abc", "/8", "/"}) {
        EXPECT_EQ(line_error(std::string("Require ip ") + a),
                  at_line2(std::string("ip address '") + a + "' appears to be invalid"));
    }
    EXPECT_EQ(line_error("Require ip 1.2.3.4 5.6.7.8 x"), at_line2("ip address 'x' appears to be invalid"));
}

TEST_F(RequireTest, Method)
{
    using mod::authz::method_bit;
    EXPECT_EQ(std::get<MethodRule>(only_line("Require method GET POST").rule).methods,
              method_bit(0) | method_bit(2));
    EXPECT_EQ(std::get<MethodRule>(only_line("Require method HEAD OPTIONS").rule).methods,
              method_bit(0) | method_bit(5));
    EXPECT_EQ(std::get<MethodRule>(only_line("Require method").rule).methods, 0u);
    EXPECT_EQ(line_error("Require method GET FOO"), at_line2("Invalid Method 'FOO'"));
    EXPECT_EQ(line_error("Require method get"), at_line2("Invalid Method 'get'"));
}

TEST_F(RequireTest, MethodRegisteredByAnEarlierLimit)
{
    expect_ok("<Directory />\n<Limit FOO>\n</Limit>\nRequire method FOO GET\n</Directory>\n");
    EXPECT_EQ(std::get<MethodRule>(authz().section->children.at(0).rule).methods,
              mod::authz::method_bit(27) | mod::authz::method_bit(0));
    // Registered only later in the file: not yet known.
    EXPECT_EQ(error_of("<Directory />\nRequire method FOO\n</Directory>\n"
                       "<Directory /x>\n<Limit FOO>\n</Limit>\n</Directory>\n"),
              at_line2("Invalid Method 'FOO'"));
}

TEST_F(RequireTest, Env)
{
    EXPECT_EQ(std::get<EnvRule>(only_line("Require env A \"B C\"").rule).variables,
              (std::vector<std::string>{"A", "B C"}));
    EXPECT_TRUE(std::get<EnvRule>(only_line("Require env").rule).variables.empty());
}

TEST_F(RequireTest, LocalTakesAnyText)
{
    const RequireNode& n = only_line("Require local foo bar");
    EXPECT_TRUE(std::holds_alternative<LocalRule>(n.rule));
    EXPECT_EQ(n.args, "foo bar");
}

TEST_F(RequireTest, Host)
{
    const auto& h = std::get<HostRule>(only_line("Require host example.com .example.org").rule);
    EXPECT_EQ(h.names, (std::vector<std::string>{"example.com", ".example.org"}));
    EXPECT_EQ(h.comment, HostRule::Comment::None);
    EXPECT_EQ(h.line, "example.com .example.org");

    const auto& t = std::get<HostRule>(only_line("Require host a.example # b.example").rule);
    EXPECT_EQ(t.names, (std::vector<std::string>{"a.example"}));
    EXPECT_EQ(t.comment, HostRule::Comment::Trailing);
    EXPECT_EQ(t.line, "a.example # b.example");

    const auto& o = std::get<HostRule>(only_line("Require host # later").rule);
    EXPECT_TRUE(o.names.empty());
    EXPECT_EQ(o.comment, HostRule::Comment::Only);

    EXPECT_TRUE(std::get<HostRule>(only_line("Require host").rule).names.empty());
    EXPECT_EQ(std::get<HostRule>(only_line("Require host a\\101b$1 }").rule).names,
              (std::vector<std::string>{"aAb", "}"}));
}

TEST_F(RequireTest, HostExpressionErrors)
{
    const std::string prefix = "Cannot parse expression in require line: ";
    EXPECT_EQ(line_error("Require host a\\8b"), at_line2(prefix + "Bad escape sequence"));
    EXPECT_EQ(line_error("Require host a\\400"), at_line2(prefix + "Escape sequence out of bound"));
    EXPECT_EQ(line_error("Require forward-dns a\\9"), at_line2(prefix + "Bad escape sequence"));
    // Feather's own refusal (httpd would evaluate the variable per request).
    EXPECT_EQ(line_error("Require host %{HTTP_HOST} a.b"),
              at_line2(prefix + "%{...} variables are not supported: Feather does not support "
                                "ap_expr yet"));
}

TEST_F(RequireTest, ForwardDns)
{
    EXPECT_EQ(std::get<ForwardDnsRule>(only_line("Require forward-dns a.example b#c d").rule).names,
              (std::vector<std::string>{"a.example", "b"}));
    EXPECT_EQ(std::get<ForwardDnsRule>(only_line("Require forward-dns a #b c").rule).names,
              (std::vector<std::string>{"a"}));
    EXPECT_TRUE(std::get<ForwardDnsRule>(only_line("Require forward-dns").rule).names.empty());
}

TEST_F(RequireTest, ExprIsRefused)
{
    EXPECT_EQ(line_error("Require expr true"),
              at_line2("Require expr is not supported: Feather does not support ap_expr yet"));
}

TEST_F(RequireTest, ArgsKeptAsWritten)
{
    const RequireNode& n = only_line("Require   ip  10.1   10.2");
    EXPECT_EQ(n.provider, "ip");
    EXPECT_EQ(n.args, "10.1   10.2");
    EXPECT_EQ(n.describe(), "Require ip 10.1   10.2");
}

TEST_F(RequireTest, LimitKeepsTheMethods)
{
    expect_ok("<Directory />\n<Limit GET POST>\nRequire ip 10.1\n</Limit>\n"
              "<LimitExcept GET>\nRequire all denied\n</LimitExcept>\n</Directory>\n");
    const auto& root = *authz().section;
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].methods, mod::authz::method_bit(0) | mod::authz::method_bit(2));
    EXPECT_EQ(root.children[1].methods, ~mod::authz::method_bit(0));
    EXPECT_EQ(root.methods, kAll);
}

TEST_F(RequireTest, LinesOfASectionGoUnderOneRoot)
{
    expect_ok("<Directory />\nRequire ip 10.1\nRequire host example.com\n</Directory>\n");
    const auto& root = *authz().section;
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].provider, "ip");
    EXPECT_EQ(root.children[1].provider, "host");
    EXPECT_EQ(root.children[1].loc.line, 3u);
}

}  // namespace
}  // namespace feather::test::authz
