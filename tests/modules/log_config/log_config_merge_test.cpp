// httpd's merge_config_log_state and multi_log_transaction's choice of logs.

#include <gtest/gtest.h>

#include "modules/log_config/log_config_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::log_config::LogConfigServerConfig;
using mod::log_config::LogDefinition;
using mod::log_config::logs_in_effect;

class LogConfigMerge : public ::testing::Test {
protected:
    void main(const char* line) { ASSERT_EQ(h.apply(line), std::nullopt) << line; }
    void vhost(const char* line)
    {
        ASSERT_EQ(h.apply(line, Where::VirtualHost), std::nullopt) << line;
    }
    LogConfigServerConfig merged()
    {
        return merge(get<LogConfigServerConfig>(*h.main().modules),
                     get<LogConfigServerConfig>(*h.vhost().modules));
    }
    std::vector<std::string> targets(const LogConfigServerConfig& c)
    {
        std::vector<std::string> out;
        for (const LogDefinition* l : logs_in_effect(c)) {
            out.push_back(l->target.substr(l->target.rfind('/') + 1));
        }
        return out;
    }
    ModsHarness h;
};

TEST_F(LogConfigMerge, AVirtualHostWithoutLogsWritesToTheMainServers)
{
    main("CustomLog logs/main1 common");
    main("TransferLog logs/main2");
    vhost("LogFormat \"%v %h\" vcommon");
    const auto m = merged();
    EXPECT_TRUE(m.logs.empty());
    EXPECT_EQ(targets(m), (std::vector<std::string>{"main1", "main2"}));
    EXPECT_EQ(targets(get<LogConfigServerConfig>(*h.main().modules)),
              (std::vector<std::string>{"main1", "main2"}));
}

TEST_F(LogConfigMerge, AVirtualHostWithLogsAddsOnlyTheGlobalLogs)
{
    main("CustomLog logs/main common");
    main("GlobalLog logs/global common");
    vhost("CustomLog logs/vhost common");
    EXPECT_EQ(targets(merged()), (std::vector<std::string>{"vhost", "global"}));
}

TEST_F(LogConfigMerge, DefaultFormatIsInheritedUnlessSet)
{
    main("LogFormat \"%h main\"");
    EXPECT_EQ(merged().default_format.value, "%h main");
    vhost("LogFormat \"%h vhost\"");
    EXPECT_EQ(merged().default_format.value, "%h vhost");
}

TEST_F(LogConfigMerge, NicknamesOfTheMainServerWinOverTheVirtualHosts)
{
    // apr_table_overlay(main, vhost) then the first match: the main server's
    // definition of a shared nickname is the one used.
    main("LogFormat \"%h main\" shared");
    main("LogFormat \"%h only-main\" m");
    vhost("LogFormat \"%h vhost\" SHARED");
    vhost("LogFormat \"%h only-vhost\" v");
    vhost("LogFormat \"%h\" clf");
    const auto m = merged();
    EXPECT_EQ(m.formats.at("shared"), "%h main");
    EXPECT_EQ(m.formats.at("m"), "%h only-main");
    EXPECT_EQ(m.formats.at("v"), "%h only-vhost");
    EXPECT_EQ(m.formats.at("CLF"), "%h %l %u %t \"%r\" %>s %b");
    EXPECT_EQ(m.formats.size(), 4u);
}

TEST_F(LogConfigMerge, BufferedLogsIsTheMainServers)
{
    main("BufferedLogs on");
    EXPECT_EQ(merged().buffered_logs.value, true);
}

}  // namespace
}  // namespace feather::test
