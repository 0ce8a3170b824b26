// DUMP_VHOSTS and DUMP_RUN_CFG (-S) on hand-built configurations; the
// expected texts are apache2 -S's on the same settings.

#include <gtest/gtest.h>

#include "modules/unixd/unixd_config.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"
#include "tests/support/hand_config.hpp"

namespace feather::runtime {
namespace {

using mod::core::CoreServerConfig;
using mod::core::HostLookup;
using mod::core::IpAddress;
using mod::core::VhostNotice;
using test::HandConfig;

HostLookup fake_lookup()
{
    HostLookup l;
    l.reverse = [](const IpAddress& ip, std::string& failure) -> std::optional<std::string> {
        if (ip.to_string() == "127.0.0.1") {
            return "localhost";
        }
        failure = "(EAI 2)Name or service not known: ";
        return std::nullopt;
    };
    l.local_host = [](std::vector<VhostNotice>&) { return std::string("127.0.0.1"); };
    return l;
}

std::string vhosts(HandConfig& h)
{
    std::vector<VhostNotice> notices;
    const auto map = build_vhost_map(h.config(), fake_lookup(), notices);
    return vhosts_text(h.config(), map);
}

TEST(DumpVhosts, ReferenceSample)
{
    HandConfig h("/srv/atest/sample", "/srv/atest/sample/httpd.conf");
    h.main<CoreServerConfig>().server_name.set("main.example");
    h.vhost(14, {HandConfig::addr("127.0.0.1", 8080)}, "a.example", {"www.a.example"});
    h.vhost(19, {HandConfig::addr("", 8080)}, "b.example");
    h.vhost(22, {HandConfig::addr("", 8080)}, "c.example", {}, {"*.c.example"});
    EXPECT_EQ(vhosts(h),
              "VirtualHost configuration:\n"
              "127.0.0.1:8080         a.example (/srv/atest/sample/httpd.conf:14)\n"
              "*:8080                 is a NameVirtualHost\n"
              "         default server b.example (/srv/atest/sample/httpd.conf:19)\n"
              "         port 8080 namevhost b.example (/srv/atest/sample/httpd.conf:19)\n"
              "         port 8080 namevhost c.example (/srv/atest/sample/httpd.conf:22)\n"
              "                 wild alias *.c.example\n");
}

TEST(DumpVhosts, NoVirtualHosts)
{
    HandConfig h;
    EXPECT_EQ(vhosts(h), "VirtualHost configuration:\n");
}

TEST(DumpVhosts, AddressesPortsAliasesAndFallbackNames)
{
    HandConfig h("/tmp/clix/v", "/tmp/clix/v/httpd.conf");
    h.main<CoreServerConfig>().server_name.set("main.example");
    h.vhost(3, {HandConfig::addr("10.0.0.2", 80), HandConfig::addr("10.0.0.1", 80)}, "two.example");
    h.vhost(6, {HandConfig::addr("10.0.0.1", 80)}, "one.example",
            {"www.one.example", "one.example.org"}, {"*.one.example"});
    h.vhost(11, {HandConfig::addr("10.0.0.3", 0, true)}, "three.example");
    h.vhost(14, {HandConfig::addr("10.0.0.3", 80)}, "three80.example");
    h.vhost(17, {HandConfig::addr("", 443)}, "d443.example");
    h.vhost(20, {HandConfig::addr("", std::nullopt, true)}, "anyport.example");
    h.vhost(23, {HandConfig::addr("", 443)}, "s443.example");
    h.vhost(26, {HandConfig::addr("::1", 8080), HandConfig::addr("127.0.0.1", 8080)},
            "loop.example");
    h.vhost(29, {HandConfig::addr("127.0.0.1", 8080)});
    h.vhost(31, {HandConfig::addr("::ffff:10.0.0.5", 80)}, "mapped.example");
    h.vhost(34, {HandConfig::addr("10.0.0.5", 80)}, "plain5.example");
    h.vhost(37, {HandConfig::addr("192.0.2.77", 80)});
    EXPECT_EQ(vhosts(h),
              "VirtualHost configuration:\n"
              "[::1]:8080             loop.example (/tmp/clix/v/httpd.conf:26)\n"
              "10.0.0.2:80            two.example (/tmp/clix/v/httpd.conf:3)\n"
              "10.0.0.3:*             three.example (/tmp/clix/v/httpd.conf:11)\n"
              "10.0.0.3:80            three80.example (/tmp/clix/v/httpd.conf:14)\n"
              "10.0.0.1:80            is a NameVirtualHost\n"
              "         default server two.example (/tmp/clix/v/httpd.conf:3)\n"
              "         port 80 namevhost two.example (/tmp/clix/v/httpd.conf:3)\n"
              "         port 80 namevhost one.example (/tmp/clix/v/httpd.conf:6)\n"
              "                 alias www.one.example\n"
              "                 alias one.example.org\n"
              "                 wild alias *.one.example\n"
              "10.0.0.5:80            is a NameVirtualHost\n"
              "         default server mapped.example (/tmp/clix/v/httpd.conf:31)\n"
              "         port 80 namevhost mapped.example (/tmp/clix/v/httpd.conf:31)\n"
              "         port 80 namevhost plain5.example (/tmp/clix/v/httpd.conf:34)\n"
              "127.0.0.1:8080         is a NameVirtualHost\n"
              "         default server loop.example (/tmp/clix/v/httpd.conf:26)\n"
              "         port 8080 namevhost loop.example (/tmp/clix/v/httpd.conf:26)\n"
              "         port 8080 namevhost localhost (/tmp/clix/v/httpd.conf:29)\n"
              "192.0.2.77:80          bogus_host_without_reverse_dns (/tmp/clix/v/httpd.conf:37)\n"
              "*:*                    anyport.example (/tmp/clix/v/httpd.conf:20)\n"
              "*:443                  is a NameVirtualHost\n"
              "         default server d443.example (/tmp/clix/v/httpd.conf:17)\n"
              "         port 443 namevhost d443.example (/tmp/clix/v/httpd.conf:17)\n"
              "         port 443 namevhost s443.example (/tmp/clix/v/httpd.conf:23)\n");
}

TEST(DumpVhosts, AnyPortNameBasedGroup)
{
    HandConfig h;
    h.main<CoreServerConfig>().server_name.set("m");
    h.vhost(2, {HandConfig::addr("", std::nullopt, true)}, "x");
    h.vhost(5, {HandConfig::addr("", std::nullopt, true)}, "y");
    EXPECT_EQ(vhosts(h),
              "VirtualHost configuration:\n"
              "*:*                    is a NameVirtualHost\n"
              "         default server x (/srv/site/httpd.conf:2)\n"
              "         port * namevhost x (/srv/site/httpd.conf:2)\n"
              "         port * namevhost y (/srv/site/httpd.conf:5)\n");
}

TEST(DumpRunCfg, Defaults)
{
    HandConfig h("/srv/site");
    h.config().modules.add(ModuleId::MpmPrefork);
    h.config().defines.define("DUMP_VHOSTS");
    h.config().defines.define("DUMP_RUN_CFG");
    h.config().defines.define("DOCROOT", "/srv/site/htdocs");
    const std::string root = "/srv/site/";
    const std::string runtime_dir = std::string(build::kDefaultRuntimeDir).front() == '/'
                                        ? build::kDefaultRuntimeDir
                                        : root + build::kDefaultRuntimeDir;
    std::string expected = "ServerRoot: \"/srv/site\"\n";
    expected += "Main DocumentRoot: \"" + std::string(build::kDefaultDocumentRoot) + "\"\n";
    expected += "Main ErrorLog: \"/srv/site/logs/error_log\"\n";
    expected += "Mutex default: dir=\"" + runtime_dir + "/\" mechanism=default \n";
    expected +=
        "Mutex mpm-accept: using_defaults\n"
        "PidFile: \"/srv/site/logs/httpd.pid\"\n"
        "Define: DUMP_VHOSTS\n"
        "Define: DUMP_RUN_CFG\n"
        "Define: DOCROOT=/srv/site/htdocs\n"
        "User: name=\"#-1\" id=4294967295\n"
        "Group: name=\"#-1\" id=4294967295\n";
    EXPECT_EQ(run_cfg_text(h.config(), RunCfgFacts{true}), expected);
}

TEST(DumpRunCfg, ConfiguredValues)
{
    HandConfig h("/srv/site");
    h.config().modules.add(ModuleId::MpmWorker);
    auto& core = h.main<CoreServerConfig>();
    core.document_root.set("/srv/site/htdocs");
    mod::core::ErrorLogTarget pipe;
    pipe.kind = mod::core::ErrorLogTarget::Kind::Pipe;
    pipe.raw = "|/usr/bin/logger -t feather";
    pipe.command = "/usr/bin/logger -t feather";
    core.error_log.set(pipe);
    core.scoreboard_file.set("run/sb");
    core.pid_file.set("/run/feather.pid");
    core.runtime_dir.set("/srv/site/run");
    core.mutexes["mpm-accept"] = mod::core::MutexSetting{mod::core::MutexMechanism::Fcntl, std::nullopt, false, true};
    auto& unixd = h.main<mod::unixd::UnixdConfig>();
    unixd.user_name.set("www-data");
    unixd.user_id.set(33);
    unixd.group_name.set("www-data");
    unixd.group_id.set(33);
    unixd.chroot_dir.set("/srv/jail");
    EXPECT_EQ(run_cfg_text(h.config(), RunCfgFacts{false}),
              "ServerRoot: \"/srv/site\"\n"
              "Main DocumentRoot: \"/srv/site/htdocs\"\n"
              "Main ErrorLog: \"|/usr/bin/logger -t feather\"\n"
              "ScoreBoardFile: \"/srv/site/run/sb\"\n"
              "Mutex default: dir=\"/srv/site/run/\" mechanism=default \n"
              // A file mutex without a directory takes the default's.
              "Mutex mpm-accept: dir=\"/srv/site/run/\" mechanism=fcntl [OmitPid]\n"
              "PidFile: \"/run/feather.pid\"\n"
              "User: name=\"www-data\" id=33 not_used\n"
              "Group: name=\"www-data\" id=33 not_used\n"
              "ChrootDir: \"/srv/jail\" not_used\n");
}

TEST(DumpRunCfg, MutexDefaultAndPthread)
{
    HandConfig h("/srv/site");
    h.config().modules.add(ModuleId::MpmPrefork);
    auto& core = h.main<CoreServerConfig>();
    core.mutexes["default"] = mod::core::MutexSetting{mod::core::MutexMechanism::Flock, "/var/lock", false, false};
    std::string text = run_cfg_text(h.config(), RunCfgFacts{true});
    EXPECT_NE(text.find("Mutex default: dir=\"/var/lock\" mechanism=flock \n"
                        "Mutex mpm-accept: using_defaults\n"),
              std::string::npos)
        << text;
    core.mutexes["mpm-accept"] = mod::core::MutexSetting{mod::core::MutexMechanism::Pthread, std::nullopt, false, false};
    text = run_cfg_text(h.config(), RunCfgFacts{true});
    EXPECT_NE(text.find("Mutex mpm-accept: dir=\"\" mechanism=pthread \n"), std::string::npos)
        << text;
}

TEST(DumpRunCfg, NoMpmNoAcceptMutex)
{
    HandConfig h("/srv/site");
    const std::string text = run_cfg_text(h.config(), RunCfgFacts{true});
    EXPECT_EQ(text.find("mpm-accept"), std::string::npos);
}

}  // namespace
}  // namespace feather::runtime
