// Require trees evaluated for hand-built requests: httpd's
// apply_authz_sections (containers, negation, <Limit> masks) and the
// providers' checks. Expected results follow mod_authz_core.c and
// mod_authz_host.c of httpd 2.4.

#include "tests/modules/authz/request_fixture.hpp"

#include "modules/authz/client_host.hpp"

namespace feather::test::authz {
namespace {

using Kind = RequireNode::Kind;
using mod::authz::AuthzResult;
using mod::authz::apply_require;
using mod::authz::check_rule;
using mod::authz::in_domain;
using mod::authz::method_bit;

constexpr int kPost = 2;

AuthzResult check(HandRequest& h, const RequireNode& node)
{
    return check_rule(h.r, node.rule, node.args);
}

AuthzResult check_ip_from(std::string client, std::string_view rule)
{
    HandRequest h(std::move(client));
    return check(h, ip(rule));
}

TEST(RequireProviders, All)
{
    HandRequest h;
    EXPECT_EQ(check(h, all_granted()), AuthzResult::Granted);
    EXPECT_EQ(check(h, all_denied()), AuthzResult::Denied);
}

TEST(RequireProviders, EnvGrantsWhenAnyVariableIsSet)
{
    HandRequest h;
    const RequireNode env = provider_node("env", "A B", EnvRule{{"A", "B"}});
    EXPECT_EQ(check(h, env), AuthzResult::Denied);
    h.r.subprocess_env.set("b", "");  // apr_table_get ignores case; an empty value is set
    EXPECT_EQ(check(h, env), AuthzResult::Granted);
}

TEST(RequireProviders, MethodComparesTheRequestMethodNumber)
{
    const RequireNode get_only = provider_node("method", "GET", MethodRule{method_bit(0)});
    HandRequest get;
    EXPECT_EQ(check(get, get_only), AuthzResult::Granted);
    HandRequest post("127.0.0.1", "POST", kPost);
    EXPECT_EQ(check(post, get_only), AuthzResult::Denied);
}

TEST(RequireProviders, IpV4Forms)
{
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0.0.1"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0.0.0/8"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0.0.0/255.0.0.0"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0."), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0.0.2"), AuthzResult::Denied);
    EXPECT_EQ(check_ip_from("127.0.0.1", "127.0.0.0/31"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("127.0.0.2", "127.0.0.0/31"), AuthzResult::Denied);
    EXPECT_EQ(check_ip_from("127.0.0.1", "10.0.0.0/8"), AuthzResult::Denied);
    EXPECT_EQ(check_ip_from("127.0.0.1", "::1"), AuthzResult::Denied);
}

TEST(RequireProviders, IpV6AndMappedClients)
{
    EXPECT_EQ(check_ip_from("::1", "::1"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("::1", "::1/128"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("::1", "127.0.0.1"), AuthzResult::Denied);
    EXPECT_EQ(check_ip_from("2001:db8::7", "2001:db8::/32"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("2001:db9::7", "2001:db8::/32"), AuthzResult::Denied);
    // A client on an IPv6 socket that is really IPv4 matches IPv4 rules.
    EXPECT_EQ(check_ip_from("::ffff:127.0.0.1", "127.0.0.1"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("::ffff:127.0.0.1", "127.0.0.0/8"), AuthzResult::Granted);
    EXPECT_EQ(check_ip_from("::ffff:127.0.0.1", "10.0.0.0/8"), AuthzResult::Denied);
}

TEST(RequireProviders, IpAnyOfSeveralNetworks)
{
    HandRequest h("10.2.3.4");
    const RequireNode two =
        provider_node("ip", "192.168 10.2", IpRule{{network("192.168"), network("10.2")}});
    EXPECT_EQ(check(h, two), AuthzResult::Granted);
}

TEST(RequireProviders, Local)
{
    const RequireNode local = provider_node("local", "", LocalRule{});
    auto from = [&](std::string client, std::string server) {
        HandRequest h(std::move(client));
        h.connection.local_ip = std::move(server);
        return check(h, local);
    };
    EXPECT_EQ(from("127.0.0.1", "127.0.0.1"), AuthzResult::Granted);
    EXPECT_EQ(from("127.9.8.7", "192.0.2.2"), AuthzResult::Granted);
    EXPECT_EQ(from("::1", "::1"), AuthzResult::Granted);
    EXPECT_EQ(from("::ffff:127.0.0.1", "::ffff:127.0.0.1"), AuthzResult::Granted);
    // The server's own address counts, in either form.
    EXPECT_EQ(from("192.0.2.2", "192.0.2.2"), AuthzResult::Granted);
    EXPECT_EQ(from("::ffff:192.0.2.2", "192.0.2.2"), AuthzResult::Granted);
    EXPECT_EQ(from("192.0.2.7", "192.0.2.2"), AuthzResult::Denied);
    EXPECT_EQ(from("::2", "::1"), AuthzResult::Denied);
}

TEST(RequireProviders, InDomainMatchesWholeLabels)
{
    EXPECT_TRUE(in_domain("example.com", "example.com"));
    EXPECT_TRUE(in_domain("example.com", "www.example.com"));
    EXPECT_TRUE(in_domain("EXAMPLE.com", "www.example.COM"));
    EXPECT_TRUE(in_domain(".example.com", "www.example.com"));
    EXPECT_FALSE(in_domain(".example.com", "example.com"));
    EXPECT_FALSE(in_domain("example.com", "badexample.com"));
    EXPECT_TRUE(in_domain("ample.com", "ex.ample.com"));
    EXPECT_FALSE(in_domain("www.example.com", "example.com"));
    // Partial names are suffixes, as in httpd: "com" takes every .com host.
    EXPECT_TRUE(in_domain("com", "www.example.com"));
}

RequireNode host_rule(std::string line)
{
    // The rule as the setter makes it (names before a '#').
    HostRule r;
    r.line = line;
    std::string_view names = line;
    if (const auto hash = names.find('#'); hash != std::string_view::npos) {
        r.comment = hash == 0 ? HostRule::Comment::Only : HostRule::Comment::Trailing;
        names = names.substr(0, hash);
    }
    for (std::string w = parser::next_word(names); !w.empty(); w = parser::next_word(names)) {
        r.names.push_back(w);
    }
    return provider_node("host", line, r);
}

TEST(RequireProviders, HostMatchesTheVerifiedName)
{
    HandRequest h;
    h.services.verified_name = "www.example.com";
    EXPECT_EQ(check(h, host_rule("example.org example.com")), AuthzResult::Granted);
    EXPECT_EQ(check(h, host_rule("ample.com")), AuthzResult::Denied);
    EXPECT_EQ(check(h, host_rule("ww.example.com")), AuthzResult::Denied);
    EXPECT_TRUE(h.services.lines.empty());
}

TEST(RequireProviders, HostWithoutAVerifiedNameIsDeniedAndLogged)
{
    HandRequest h;
    EXPECT_EQ(check(h, host_rule("localhost")), AuthzResult::Denied);
    ASSERT_EQ(h.services.lines.size(), 1u);
    EXPECT_EQ(h.services.lines[0].module, ModuleId::AuthzHost);
    EXPECT_EQ(h.services.lines[0].level, LogLevel::Error);
    EXPECT_EQ(h.services.lines[0].text,
              "AH01753: access check of 'localhost' to /sub/index.html failed, reason: unable to "
              "get the remote host name");
}

TEST(RequireProviders, HostComments)
{
    HandRequest h;
    h.services.verified_name = "www.example.com";
    EXPECT_EQ(check(h, host_rule("example.com # later: example.org")), AuthzResult::Granted);
    EXPECT_EQ(check(h, host_rule("example.org #example.com")), AuthzResult::Denied);
    EXPECT_EQ(check(h, host_rule("#example.com")), AuthzResult::Denied);
    const std::vector<std::string> expected = {
        "AH10121: authz_host authorize: ignoring comment in 'Require host example.com # later: "
        "example.org'",
        "AH10121: authz_host authorize: ignoring comment in 'Require host example.org "
        "#example.com'",
        "AH10120: authz_host authorize: dubious empty 'Require host #example.com' with only "
        "comment",
    };
    EXPECT_EQ(h.services.texts(), expected);
    EXPECT_EQ(h.services.lines[0].level, LogLevel::Warn);
    EXPECT_EQ(h.services.lines[2].level, LogLevel::Error);
}

TEST(RequireProviders, ForwardDnsResolvesEachName)
{
    HandRequest h;
    const RequireNode numeric =
        provider_node("forward-dns", "192.0.2.9 127.0.0.1", ForwardDnsRule{{"192.0.2.9", "127.0.0.1"}});
    EXPECT_EQ(check(h, numeric), AuthzResult::Granted);
    const std::vector<std::string> expected = {
        "AH03355: access check for 127.0.0.1 as '192.0.2.9': no",
        "AH03355: access check for 127.0.0.1 as '127.0.0.1': yes",
    };
    EXPECT_EQ(h.services.texts(LogLevel::Debug), expected);

    HandRequest other("192.0.2.1");
    EXPECT_EQ(check(other, numeric), AuthzResult::Denied);
}

TEST(RequireProviders, ForwardDnsLogsANameWithoutAddresses)
{
    HandRequest h;
    const RequireNode rule =
        provider_node("forward-dns", "no-such-host.invalid", ForwardDnsRule{{"no-such-host.invalid"}});
    EXPECT_EQ(check(h, rule), AuthzResult::Denied);
    EXPECT_EQ(h.services.texts(LogLevel::Warn),
              std::vector<std::string>{"AH03356: No sockaddr info for \"no-such-host.invalid\""});
}

// ---- containers and negation ----------------------------------------------

AuthzResult evaluate(const RequireNode& root, HandRequest& h)
{
    return apply_require(h.r, root, Kind::All);
}

TEST(RequireTree, AllNeedsEveryChildAnyOneChild)
{
    HandRequest h;
    EXPECT_EQ(evaluate(container(Kind::All, {all_granted(), ip("127.0.0.1")}), h), AuthzResult::Granted);
    EXPECT_EQ(evaluate(container(Kind::All, {all_granted(), ip("10.1")}), h), AuthzResult::Denied);
    EXPECT_EQ(evaluate(container(Kind::Any, {ip("10.1"), ip("127.0.0.1")}), h), AuthzResult::Granted);
    EXPECT_EQ(evaluate(container(Kind::Any, {ip("10.1"), all_denied()}), h), AuthzResult::Denied);
}

TEST(RequireTree, NegationTurnsGrantIntoDenialAndDenialIntoNeutral)
{
    HandRequest h;
    EXPECT_EQ(evaluate(ip("127.0.0.1", true), h), AuthzResult::Denied);
    EXPECT_EQ(evaluate(ip("10.1", true), h), AuthzResult::Neutral);
    EXPECT_EQ(evaluate(container(Kind::Any, {ip("10.1"), all_denied()}, true), h), AuthzResult::Neutral);
    EXPECT_EQ(evaluate(container(Kind::Any, {ip("10.1"), all_granted()}, true), h), AuthzResult::Denied);
}

TEST(RequireTree, NeutralChildrenLeaveTheContainerNeutral)
{
    // <RequireAll> with only "Require not" lines that do not match grants
    // nothing: httpd refuses such containers at startup for this reason.
    HandRequest h;
    EXPECT_EQ(evaluate(container(Kind::All, {ip("10.1", true), ip("10.2", true)}), h),
              AuthzResult::Neutral);
    EXPECT_EQ(evaluate(container(Kind::All, {all_granted(), ip("10.1", true)}), h), AuthzResult::Granted);
    EXPECT_EQ(evaluate(container(Kind::All, {all_granted(), ip("127.0.0.1", true)}), h),
              AuthzResult::Denied);
}

TEST(RequireTree, AllStopsAtTheFirstDenial)
{
    HandRequest h;
    h.services.verified_name = "localhost";
    RequireNode host = host_rule("localhost");
    // The host rule after the denial is never checked: no lookup happens.
    EXPECT_EQ(evaluate(container(Kind::All, {all_denied(), host}), h), AuthzResult::Denied);
    EXPECT_EQ(h.services.lookups, 0);
    EXPECT_EQ(evaluate(container(Kind::Any, {all_granted(), host}), h), AuthzResult::Granted);
    EXPECT_EQ(h.services.lookups, 0);
}

TEST(RequireTree, DebugLinesNameEachNodeAndItsResult)
{
    HandRequest h;
    RequireNode root = container(Kind::Any, {ip("10.1"), container(Kind::All, {all_granted(), ip("10.2", true)})});
    EXPECT_EQ(evaluate(root, h), AuthzResult::Granted);
    const std::vector<std::string> expected = {
        "AH01626: authorization result of Require ip 10.1: denied",
        "AH01626: authorization result of Require all granted: granted",
        "AH01626: authorization result of Require not ip 10.2: neutral",
        "AH01626: authorization result of <RequireAll>: granted",
        "AH01626: authorization result of <RequireAny>: granted",
    };
    EXPECT_EQ(h.services.texts(), expected);
    for (const auto& l : h.services.lines) {
        EXPECT_EQ(l.module, ModuleId::AuthzCore);
        EXPECT_EQ(l.level, LogLevel::Debug);
    }
}

TEST(RequireTree, NoDebugWorkBelowDebugLevel)
{
    HandRequest h;
    h.services.threshold = LogLevel::Warn;
    EXPECT_EQ(evaluate(container(Kind::Any, {all_denied()}), h), AuthzResult::Denied);
    EXPECT_TRUE(h.services.lines.empty());
}

TEST(RequireTree, MethodMaskOutsideTheRequestMethod)
{
    // <Limit POST> Require all denied </Limit>: for GET the line does not
    // apply, which counts as granted at the top (an All) and neutral in an
    // Any.
    RequireNode post_denied = all_denied();
    post_denied.methods = method_bit(kPost);
    HandRequest get;
    EXPECT_EQ(evaluate(container(Kind::Any, {post_denied}), get), AuthzResult::Granted);
    EXPECT_EQ(get.services.texts().front(),
              "AH01625: authorization result of <RequireAny>: granted (directive limited to other "
              "methods)");
    HandRequest post("127.0.0.1", "POST", kPost);
    EXPECT_EQ(evaluate(container(Kind::Any, {post_denied}), post), AuthzResult::Denied);

    // Beside a line for every method, the limited one is neutral.
    HandRequest get2;
    EXPECT_EQ(evaluate(container(Kind::Any, {post_denied, ip("10.1")}), get2), AuthzResult::Denied);
    EXPECT_EQ(get2.services.texts().front(),
              "AH01625: authorization result of Require all denied: neutral (directive limited to "
              "other methods)");
    // In an All it is granted and the others decide.
    HandRequest get3;
    EXPECT_EQ(evaluate(container(Kind::All, {post_denied, all_granted()}), get3), AuthzResult::Granted);
}

}  // namespace
}  // namespace feather::test::authz
