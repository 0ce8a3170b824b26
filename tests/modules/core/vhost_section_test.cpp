// <VirtualHost>: addresses, errors and what its body sets. Expected texts
// were checked against apache2 -t (Apache/2.4.71).

#include <gtest/gtest.h>

#include "tests/modules/core/section_test_support.hpp"

namespace feather::mod::core::test {
namespace {

using HostAddr = CoreServerConfig::HostAddr;

const CoreServerConfig& vhost_core(const LoadOutcome& o, std::size_t i)
{
    return get<CoreServerConfig>(*o.config->servers.at(i).modules);
}

const CoreDirConfig& vhost_defaults(const LoadOutcome& o, std::size_t i)
{
    return get<CoreDirConfig>(*o.config->servers.at(i).defaults);
}

TEST(VirtualHostSection, AddressesAreParsed)
{
    TempDir root;
    auto o = feather::test::load_text(
        root,
        "\n<VirtualHost 127.0.0.1:8080 [::1]:81 *:* _default_ * *:443 10.1.2.3 /tmp/sock>\n"
        "</VirtualHost>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    ASSERT_EQ(o.config->servers.size(), 2u);
    const auto& vhost = o.config->servers[1];
    EXPECT_TRUE(vhost.is_virtual);
    EXPECT_EQ(vhost.defined_at.line, 2u);
    const auto& addrs = vhost_core(o, 1).vhost_addrs;
    ASSERT_EQ(addrs.size(), 8u);
    auto check = [&](std::size_t i, const char* host, const char* ip, std::optional<int> port,
                     bool any) {
        SCOPED_TRACE(i);
        EXPECT_EQ(addrs[i].host, host);
        EXPECT_EQ(addrs[i].ip, ip);
        EXPECT_EQ(addrs[i].port, port ? std::optional<std::uint16_t>(*port) : std::nullopt);
        EXPECT_EQ(addrs[i].any_port, any);
    };
    check(0, "127.0.0.1", "127.0.0.1", 8080, false);
    check(1, "::1", "::1", 81, false);
    check(2, "*", "", std::nullopt, true);
    check(3, "_default_", "", std::nullopt, false);
    check(4, "*", "", std::nullopt, true);  // a lone "*" means any port too
    check(5, "*", "", 443, false);
    check(6, "10.1.2.3", "10.1.2.3", std::nullopt, false);
    check(7, "/tmp/sock", "/tmp/sock", std::nullopt, false);  // APR: a Unix socket path
    EXPECT_TRUE(o.warnings.empty());
    EXPECT_TRUE(main_core(o).vhost_addrs.empty());
}

TEST(VirtualHostSection, LocalhostIsResolved)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<VirtualHost localhost:80>\n</VirtualHost>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& addrs = vhost_core(o, 1).vhost_addrs;
    ASSERT_FALSE(addrs.empty());
    bool v4 = false;
    for (const auto& a : addrs) {
        EXPECT_EQ(a.host, "localhost");
        EXPECT_EQ(a.port, std::optional<std::uint16_t>(80));
        v4 = v4 || a.ip == "127.0.0.1";
    }
    EXPECT_TRUE(v4);
    EXPECT_TRUE(o.warnings.empty());
}

TEST(VirtualHostSection, UnresolvableNamesAreLoggedAndIgnored)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, "<VirtualHost nonexistent.invalid 1.2.3.4:>\n</VirtualHost>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_TRUE(vhost_core(o, 1).vhost_addrs.empty());
    ASSERT_EQ(o.warnings.size(), 2u);
    // apache2: "(EAI 2)Name or service not known: AH00547: ..." (the EAI part
    // is the resolver's answer).
    const std::string suffix1 =
        "AH00547: Could not resolve host name nonexistent.invalid -- ignoring!";
    const std::string suffix2 = "AH00547: Could not resolve host name 1.2.3.4: -- ignoring!";
    EXPECT_EQ(o.warnings[0].rfind("(EAI "), 0u) << o.warnings[0];
    EXPECT_TRUE(o.warnings[0].ends_with(suffix1)) << o.warnings[0];
    EXPECT_TRUE(o.warnings[1].ends_with(suffix2)) << o.warnings[1];
}

TEST(VirtualHostSection, BadZonesAreLoggedAndIgnored)
{
    TempDir root;
    auto o = feather::test::load_text(
        root, "<VirtualHost [::1%lo]:80 [fe80::1%nosuchif0]:80>\n</VirtualHost>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_TRUE(vhost_core(o, 1).vhost_addrs.empty());
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{
                  "(20016)The specified IP address is invalid.: AH10103: Could not set scope ID lo "
                  "for [::1]:80 -- ignoring!",
                  "(20014)Internal error (specific information not available): AH10103: Could not "
                  "set scope ID nosuchif0 for [fe80::1]:80 -- ignoring!",
              }));
}

TEST(VirtualHostSection, BadAddresses)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<VirtualHost 80>\n</VirtualHost>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "Missing address for VirtualHost"));
    for (const char* bad : {":80", "*:0", "[::1", "1.2.3.4:99999", "[fe80::1%]:80", "[zz]:80"}) {
        SCOPED_TRACE(bad);
        o = feather::test::load_text(
            root, std::string("<VirtualHost *:80 ") + bad + ">\n</VirtualHost>\n");
        EXPECT_EQ(o.error(), syntax_error(root, 1, "The address or port is invalid"));
    }
}

TEST(VirtualHostSection, SyntaxAndContextErrors)
{
    TempDir root;
    auto o = feather::test::load_text(root, "<VirtualHost>\n</VirtualHost>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 1, "<VirtualHost> directive requires additional arguments"));
    o = feather::test::load_text(root, "<VirtualHost *\n</VirtualHost>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 1, "<VirtualHost> directive missing closing '>'"));
    o = feather::test::load_text(
        root, "<VirtualHost *>\n<VirtualHost *>\n</VirtualHost>\n</VirtualHost>\n");
    EXPECT_EQ(o.error(),
              syntax_error(root, 2, "<VirtualHost> cannot occur within <VirtualHost> section"));
    o = feather::test::load_text(root,
                                 "<Directory /a>\n<VirtualHost *>\n</VirtualHost>\n</Directory>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 2, "<VirtualHost not allowed in <Directory> context"));
    o = feather::test::load_text(
        root, "<VirtualHost *>\n<Directory />\nBogus\n</Directory>\n</VirtualHost>\n");
    EXPECT_EQ(o.error(), syntax_error(root, 3,
                                      "Invalid command 'Bogus', perhaps misspelled or defined by a "
                                      "module not included in the server configuration"));
}

TEST(VirtualHostSection, BodyGoesToTheVirtualHost)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "Options ExecCGI\n"
                                      "<Directory /main>\n</Directory>\n"
                                      "<VirtualHost *:80>\n"
                                      "Options Indexes\n"
                                      "AccessFileName .vhtaccess\n"
                                      "<Directory /v>\n<Files f>\n</Files>\n</Directory>\n"
                                      "<Location /l>\n</Location>\n"
                                      "<Files g>\n</Files>\n"
                                      "</VirtualHost>\n"
                                      "<VirtualHost *:81>\n</VirtualHost>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    ASSERT_EQ(o.config->servers.size(), 3u);
    // Main server: only its own sections and settings.
    ASSERT_EQ(main_core(o).directories.size(), 1u);
    EXPECT_EQ(main_core(o).directories[0].pattern, "/main/");
    EXPECT_TRUE(main_core(o).locations.empty());
    EXPECT_FALSE(main_core(o).access_file_names.is_set());
    EXPECT_EQ(main_core_dir(o).opts, unsigned{kOptExecCgi});
    EXPECT_TRUE(main_core_dir(o).files.empty());
    // First virtual host: the main server's sections come first
    // (ap_fixup_virtual_hosts), then its own.
    const auto& v = vhost_core(o, 1);
    ASSERT_EQ(v.directories.size(), 2u);
    EXPECT_EQ(v.directories[0].pattern, "/main/");
    EXPECT_EQ(v.directories[1].pattern, "/v/");
    ASSERT_EQ(core_dir(v.directories[1]).files.size(), 1u);
    ASSERT_EQ(v.locations.size(), 1u);
    EXPECT_EQ(v.locations[0].pattern, "/l");
    EXPECT_EQ(v.access_file_names.value, (std::vector<std::string>{".vhtaccess"}));
    EXPECT_EQ(vhost_defaults(o, 1).opts, unsigned{kOptIndexes});
    ASSERT_EQ(vhost_defaults(o, 1).files.size(), 1u);
    EXPECT_EQ(vhost_defaults(o, 1).files[0].pattern, "g");
    // Second virtual host: what it leaves unset is the main server's.
    ASSERT_EQ(vhost_core(o, 2).directories.size(), 1u);
    EXPECT_FALSE(vhost_core(o, 2).access_file_names.is_set());
    EXPECT_EQ(vhost_defaults(o, 2).opts, unsigned{kOptExecCgi});
    EXPECT_EQ(vhost_core(o, 2).vhost_addrs.at(0).port, std::optional<std::uint16_t>(81));
}

TEST(VirtualHostSection, TakesTheMainRequestLimitsAsTheyStandWhenItOpens)
{
    TempDir root;
    auto o = feather::test::load_text(root,
                                      "LimitRequestFields 50\n"
                                      "<VirtualHost *:80>\n</VirtualHost>\n"
                                      "LimitRequestLine 500\n"
                                      "LimitRequestFields 20\n"
                                      "Timeout 7\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& v = vhost_core(o, 1);
    EXPECT_EQ(v.limit_req_line.value, std::optional<int>(kDefaultLimitRequestLine));
    EXPECT_EQ(v.limit_req_fields.value, std::optional<int>(50));
    EXPECT_EQ(main_core(o).limit_req_line.value, std::optional<int>(500));
    // Timeout is merged at the end (ap_fixup_virtual_hosts), so it follows.
    EXPECT_EQ(v.timeout.value, std::optional<std::chrono::seconds>(7));
}

}  // namespace
}  // namespace feather::mod::core::test
