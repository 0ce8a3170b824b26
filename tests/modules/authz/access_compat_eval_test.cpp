// mod_access_compat's check_dir_access on hand-built requests, with
// configurations read from text: Order, Allow/Deny (addresses, networks,
// host names, env=), per-method rules and the AH01797 line.

#include "tests/modules/authz/request_fixture.hpp"

namespace feather::test::authz {
namespace {

using mod::authz::kAccessCompatHooks;

constexpr int kPost = 2;

class AccessCheckTest : public AuthzTest {
protected:
    // The verdict for a request from `client` in a <Directory> holding `body`.
    int verdict(const std::string& body, HandRequest& h)
    {
        const LoadOutcome o = load("<Directory /srv>\n" + body + "\n</Directory>\n");
        EXPECT_TRUE(o.ok()) << body << "\n" << o.error();
        if (!o.ok()) {
            return -100;
        }
        auto set = std::make_shared<DirConfigSet>(
            merge(*o.config->main_server().defaults, *made_sections().at(0)));
        h.r.per_dir = set;
        return code_of(run_hook(kAccessCompatHooks, Phase::CheckAccess, h.r));
    }
    int from(const std::string& client, const std::string& body, int method_number = 0)
    {
        HandRequest h(client, method_number == kPost ? "POST" : "GET", method_number);
        return verdict(body, h);
    }
};

TEST_F(AccessCheckTest, NoRulesAllow)
{
    EXPECT_EQ(from("127.0.0.1", "Require all granted"), 0);
    EXPECT_EQ(from("127.0.0.1", "Order deny,allow"), 0);
}

TEST_F(AccessCheckTest, AllowDenyWithoutRulesDenies)
{
    HandRequest h;
    EXPECT_EQ(verdict("Order allow,deny", h), 403);
    ASSERT_EQ(h.services.lines.size(), 1u);
    EXPECT_EQ(h.services.lines[0].module, ModuleId::AccessCompat);
    EXPECT_EQ(h.services.lines[0].level, LogLevel::Error);
    EXPECT_EQ(h.services.lines[0].text,
              "AH01797: client denied by server configuration: /srv/htdocs/sub/index.html");

    HandRequest no_file;
    no_file.r.filename.clear();
    EXPECT_EQ(verdict("Order allow,deny", no_file), 403);
    EXPECT_EQ(no_file.services.texts(),
              std::vector<std::string>{"AH01797: client denied by server configuration: uri /sub/index.html"});
}

TEST_F(AccessCheckTest, DenyAllowLetsAnAllowOverrideADeny)
{
    const std::string rules = "Order deny,allow\nDeny from all\nAllow from 127.0.0.1";
    EXPECT_EQ(from("127.0.0.1", rules), 0);
    EXPECT_EQ(from("10.0.0.1", rules), 403);
}

TEST_F(AccessCheckTest, AllowDenyLetsADenyOverrideAnAllow)
{
    const std::string rules = "Order allow,deny\nAllow from all\nDeny from 127.0.0.0/8";
    EXPECT_EQ(from("127.0.0.1", rules), 403);
    EXPECT_EQ(from("10.0.0.1", rules), 0);
}

TEST_F(AccessCheckTest, MutualFailureNeedsAnAllowAndNoDeny)
{
    const std::string rules = "Order mutual-failure\nAllow from 127 10\nDeny from 10.0.0.0/255.0.0.0";
    EXPECT_EQ(from("127.0.0.1", rules), 0);
    EXPECT_EQ(from("10.0.0.1", rules), 403);
    EXPECT_EQ(from("192.0.2.1", rules), 403);
}

TEST_F(AccessCheckTest, NetworkForms)
{
    EXPECT_EQ(from("127.0.0.1", "Order allow,deny\nAllow from 127.0"), 0);
    EXPECT_EQ(from("127.0.0.1", "Order allow,deny\nAllow from 127.0.0.0/8"), 0);
    EXPECT_EQ(from("127.0.0.1", "Order allow,deny\nAllow from 127.0.0.0/255.255.255.0"), 0);
    EXPECT_EQ(from("127.0.1.1", "Order allow,deny\nAllow from 127.0.0.0/255.255.255.0"), 403);
    EXPECT_EQ(from("::ffff:127.0.0.1", "Order allow,deny\nAllow from 127.0.0.1"), 0);
    EXPECT_EQ(from("::1", "Order allow,deny\nAllow from ::1"), 0);
    EXPECT_EQ(from("::1", "Order allow,deny\nAllow from 127.0.0.1"), 403);
}

TEST_F(AccessCheckTest, EnvRules)
{
    HandRequest bad;
    bad.r.subprocess_env.set("BAD", "1");
    EXPECT_EQ(verdict("Order deny,allow\nDeny from env=BAD", bad), 403);
    EXPECT_EQ(from("127.0.0.1", "Order deny,allow\nDeny from env=BAD"), 0);

    HandRequest good;
    good.r.subprocess_env.set("GOOD", "1");
    EXPECT_EQ(verdict("Order allow,deny\nAllow from env=!GOOD", good), 403);
    EXPECT_EQ(from("127.0.0.1", "Order allow,deny\nAllow from env=!GOOD"), 0);
}

TEST_F(AccessCheckTest, HostRulesUseTheDoubleReverseName)
{
    HandRequest named;
    named.services.verified_name = "www.example.com";
    EXPECT_EQ(verdict("Order allow,deny\nAllow from example.org example.com", named), 0);
    EXPECT_EQ(named.services.lookups, 1) << "one lookup for all the host rules of a list";

    HandRequest suffix;
    suffix.services.verified_name = "www.badexample.com";
    EXPECT_EQ(verdict("Order allow,deny\nAllow from example.com", suffix), 403);

    // Without a verified name a host rule never matches.
    EXPECT_EQ(from("127.0.0.1", "Order allow,deny\nAllow from localhost"), 403);
    EXPECT_EQ(from("127.0.0.1", "Order deny,allow\nDeny from localhost"), 0);
}

TEST_F(AccessCheckTest, LimitedRulesApplyToTheirMethods)
{
    const std::string rules = "<Limit POST>\nDeny from all\n</Limit>";
    EXPECT_EQ(from("127.0.0.1", rules, 0), 0);
    EXPECT_EQ(from("127.0.0.1", rules, kPost), 403);
}

TEST_F(AccessCheckTest, OrderIsPerMethod)
{
    const std::string rules = "<LimitExcept GET>\nOrder allow,deny\n</LimitExcept>";
    EXPECT_EQ(from("127.0.0.1", rules, 0), 0);
    EXPECT_EQ(from("127.0.0.1", rules, kPost), 403);
}

TEST_F(AccessCheckTest, ASectionUsingTheModuleReplacesTheInheritedRules)
{
    const LoadOutcome o = load("<Directory /srv>\nOrder allow,deny\n</Directory>\n"
                               "<Directory /srv/htdocs>\nSatisfy any\n</Directory>\n"
                               "<Directory /srv/htdocs/sub>\nOptions None\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    auto walk = [&](std::initializer_list<std::size_t> sections) {
        auto set = std::make_shared<DirConfigSet>(*o.config->main_server().defaults);
        for (const std::size_t i : sections) {
            *set = merge(*set, *made_sections().at(i));
        }
        HandRequest h;
        h.r.per_dir = set;
        return code_of(run_hook(kAccessCompatHooks, Phase::CheckAccess, h.r));
    };
    EXPECT_EQ(walk({0}), 403);
    EXPECT_EQ(walk({0, 1}), 0);     // Satisfy alone resets Order to deny,allow
    EXPECT_EQ(walk({0, 1, 2}), 0);  // a section without the module's directives inherits
}

}  // namespace
}  // namespace feather::test::authz
