// log_config_module's directives (httpd's mod_log_config.c), messages
// checked against apache2 -t with the same text.

#include <gtest/gtest.h>

#include "modules/log_config/log_config_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::log_config::EnvCondition;
using mod::log_config::LogConfigServerConfig;
using mod::log_config::LogDefinition;

using Opt = std::optional<std::string>;

class LogConfigDirectives : public ModsLoadTest {
protected:
    const LogConfigServerConfig& conf(const LoadOutcome& o)
    {
        return main_server<LogConfigServerConfig>(o);
    }
};

TEST_F(LogConfigDirectives, LogFormatWithANicknameOnlyNamesIt)
{
    const auto o = load("LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b\" common\n"
                        "LogFormat \"%h\" COMMON\n"
                        "LogFormat \"%h\" \"%Z\"\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& f = conf(o).formats;
    ASSERT_EQ(f.size(), 3u);  // CLF, common, %Z
    EXPECT_EQ(f.at("CLF"), "%h %l %u %t \"%r\" %>s %b");
    EXPECT_EQ(f.at("clf"), "%h %l %u %t \"%r\" %>s %b");  // nicknames ignore case
    EXPECT_EQ(f.at("common"), "%h");                       // the later line wins
    EXPECT_EQ(f.at("%z"), "%h");
    EXPECT_FALSE(conf(o).default_format.is_set());
}

TEST_F(LogConfigDirectives, LogFormatWithoutANicknameSetsTheDefault)
{
    const auto o = load("LogFormat \"%h %>s\"\nLogFormat combined\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(conf(o).default_format.value, "combined");  // resolved when the logs open
    EXPECT_EQ(conf(o).default_format.set_at.line, 2u);
}

TEST_F(LogConfigDirectives, FormatsAreCheckedAsHttpdParsesThem)
{
    for (const char* ok :
         {"%h %a %A %l %u %t %f %b %B %{X}i %{X}o %{X}n %L %{X}e %V %v %p %P %H %m %q %X "
          "%{X}C %k %r %D %T %U %s %R %I %O %S %^FB %{X}^ti %{X}^to",
          "%!200,304<{X}i %%", "%{%Y}t \\n\\t\\\\ x", "%{c}a %{c}h %{ms}T %<s %>s", "plain"}) {
        const auto o = load(std::string("LogFormat \"") + ok + "\" x\n");
        EXPECT_TRUE(o.ok()) << ok << ": " << o.error();
    }
    const std::pair<const char*, const char*> bad[] = {
        {"%Z", "Unrecognized LogFormat directive %Z"},
        {"%c", "Unrecognized LogFormat directive %c"},  // mod_ssl's, not loaded
        {"%h %^xy", "Unrecognized LogFormat directive %^"},
        {"%{foo", "Ran off end of LogFormat parsing args to some directive"},
        {"abc %", "Ran off end of LogFormat parsing args to some directive"},
        {"%1", "Ran off end of LogFormat parsing args to some directive"},
        {"%!", "Ran off end of LogFormat parsing args to some directive"},
        {"%{a}", "Ran off end of LogFormat parsing args to some directive"},
    };
    for (const auto& [format, msg] : bad) {
        EXPECT_EQ(load(std::string("LogFormat \"") + format + "\" x\n").error(),
                  syntax_error(1, msg))
            << format;
        EXPECT_EQ(load(std::string("LogFormat \"") + format + "\"\n").error(),
                  syntax_error(1, msg))
            << format;
        EXPECT_EQ(load(std::string("CustomLog logs/a \"") + format + "\"\n").error(),
                  syntax_error(1, msg))
            << format;
    }
}

TEST_F(LogConfigDirectives, CustomLogTargetsAndFormats)
{
    const auto o = load("CustomLog logs/access.log combined\n"
                        "CustomLog /var/log/x \"%h %>s\"\n"
                        "CustomLog \"|/usr/bin/rotatelogs x 86400\" common\n"
                        "TransferLog logs/transfer\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& logs = conf(o).logs;
    ASSERT_EQ(logs.size(), 4u);
    EXPECT_EQ(logs[0].target, path("logs/access.log"));
    EXPECT_EQ(logs[0].format, Opt("combined"));
    EXPECT_FALSE(logs[0].piped());
    EXPECT_EQ(logs[0].loc.line, 1u);
    EXPECT_EQ(logs[1].target, "/var/log/x");
    EXPECT_EQ(logs[1].format, Opt("%h %>s"));
    EXPECT_EQ(logs[2].target, "|/usr/bin/rotatelogs x 86400");
    EXPECT_TRUE(logs[2].piped());
    EXPECT_EQ(logs[3].target, path("logs/transfer"));
    EXPECT_EQ(logs[3].format, std::nullopt);  // TransferLog: the default format
    for (const LogDefinition& l : logs) {
        EXPECT_FALSE(l.inherit);
        EXPECT_EQ(l.condition, std::nullopt);
    }
}

TEST_F(LogConfigDirectives, EnvConditions)
{
    const auto o = load("CustomLog a common env=DNT\nCustomLog b common ENV=!dontlog\n"
                        "CustomLog c common env=!!x\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& logs = conf(o).logs;
    EXPECT_EQ(logs[0].condition, (EnvCondition{"DNT", false}));
    EXPECT_EQ(logs[1].condition, (EnvCondition{"dontlog", true}));
    EXPECT_EQ(logs[2].condition, (EnvCondition{"!x", true}));
}

TEST_F(LogConfigDirectives, ConditionErrors)
{
    EXPECT_EQ(load("CustomLog logs/a common bogus\n").error(),
              syntax_error(1, "error in condition clause"));
    // The condition is checked before the format.
    EXPECT_EQ(load("CustomLog logs/a \"%Z\" bogus\n").error(),
              syntax_error(1, "error in condition clause"));
    EXPECT_EQ(load("CustomLog logs/a \"%Z\" env=\n").error(),
              syntax_error(1, "missing environment variable name"));
    EXPECT_EQ(load("CustomLog logs/a common env=!\n").error(),
              syntax_error(1, "missing environment variable name"));
    EXPECT_EQ(load("CustomLog logs/a common expr=\n").error(),
              syntax_error(1, "missing condition"));
    // Feather has no expression evaluator: a clear refusal instead.
    EXPECT_EQ(load("CustomLog logs/a common expr=true\n").error(),
              syntax_error(1, "CustomLog: \"expr=\" conditions are not supported by Feather; "
                              "use \"env=VAR\" or \"env=!VAR\" instead"));
    EXPECT_EQ(load("GlobalLog logs/a common \"EXPR=%{REMOTE_ADDR} == '::1'\"\n").error(),
              syntax_error(1, "GlobalLog: \"expr=\" conditions are not supported by Feather; "
                              "use \"env=VAR\" or \"env=!VAR\" instead"));
}

TEST_F(LogConfigDirectives, ArgumentCounts)
{
    const std::string custom =
        "takes two or three arguments, a file name, a custom log format string or format name, "
        "and an optional \"env=\" or \"expr=\" clause (see docs)";
    EXPECT_EQ(load("CustomLog logs/a\n").error(), syntax_error(1, "CustomLog " + custom));
    EXPECT_EQ(load("CustomLog a b c d\n").error(), syntax_error(1, "CustomLog " + custom));
    EXPECT_EQ(load("GlobalLog logs/a\n").error(),
              syntax_error(1, "GlobalLog takes two or three arguments, Same as CustomLog, but "
                              "forces virtualhosts to inherit the log"));
    EXPECT_EQ(load("TransferLog\n").error(),
              syntax_error(1, "TransferLog takes one argument, the filename of the access log"));
    EXPECT_EQ(load("TransferLog a b\n").error(),
              syntax_error(1, "TransferLog takes one argument, the filename of the access log"));
    EXPECT_EQ(load("LogFormat\n").error(),
              syntax_error(1, "LogFormat takes 1-2 arguments, a log format string (see docs) and "
                              "an optional format name"));
    EXPECT_EQ(load("LogFormat a b c\n").error(),
              syntax_error(1, "LogFormat takes 1-2 arguments, a log format string (see docs) and "
                              "an optional format name"));
    EXPECT_EQ(load("BufferedLogs x\n").error(),
              syntax_error(1, "BufferedLogs must be On or Off"));
}

TEST_F(LogConfigDirectives, GlobalLogAndBufferedLogs)
{
    const auto o = load("GlobalLog logs/all combined env=!x\nBufferedLogs on\n");
    ASSERT_TRUE(o.ok()) << o.error();
    ASSERT_EQ(conf(o).logs.size(), 1u);
    EXPECT_TRUE(conf(o).logs[0].inherit);
    EXPECT_EQ(conf(o).logs[0].condition, (EnvCondition{"x", true}));
    EXPECT_EQ(conf(o).buffered_logs.value, true);
}

TEST(LogConfigContexts, ServerLevelOnly)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("CustomLog logs/a common", Where::Directory, dir.get()),
              "CustomLog not allowed in <Directory> context");
    EXPECT_EQ(h.apply("LogFormat x", Where::Location, dir.get()),
              "LogFormat not allowed in <Location> context");
    EXPECT_EQ(h.apply("GlobalLog logs/a common", Where::VirtualHost),
              "GlobalLog cannot occur within <VirtualHost> section");
    // BufferedLogs is one switch: set in a virtual host, it is the main
    // server's.
    EXPECT_EQ(h.apply("BufferedLogs on", Where::VirtualHost), std::nullopt);
    EXPECT_EQ(get<LogConfigServerConfig>(*h.main().modules).buffered_logs.value, true);
    EXPECT_FALSE(get<LogConfigServerConfig>(*h.vhost().modules).buffered_logs.is_set());
}

}  // namespace
}  // namespace feather::test
