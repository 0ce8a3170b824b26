// The command line as httpd reads it (server/main.c, ap_mpm_rewrite_args,
// apr_getopt). Each expectation was checked against Debian's apache2 2.4.71.

#include <gtest/gtest.h>

#include "runtime/cli/options.hpp"

namespace feather::runtime {
namespace {

CliOptions parse(std::vector<std::string> args)
{
    args.insert(args.begin(), "feather");
    return parse_command_line(args);
}

using Strings = std::vector<std::string>;

TEST(CliOptions, DefineStuckOrSeparate)
{
    const auto o = parse({"-DONE", "-D", "TWO", "-Dx=y"});
    EXPECT_EQ(o.defines, (Strings{"ONE", "TWO", "x=y"}));
    EXPECT_EQ(o.mode, RunMode::Normal);
    EXPECT_FALSE(o.usage);
}

TEST(CliOptions, ValueMayStartWithDash)
{
    // apr_getopt takes the next word whatever it is: "-D -t" defines "-t".
    const auto o = parse({"-D", "-t"});
    EXPECT_EQ(o.defines, (Strings{"-t"}));
    EXPECT_EQ(o.mode, RunMode::Normal);
    EXPECT_FALSE(o.usage);
}

TEST(CliOptions, ClusteredFlags)
{
    const auto o = parse({"-tTX", "-DFOREGROUND"});
    EXPECT_EQ(o.mode, RunMode::ConfigTest);
    EXPECT_TRUE(o.no_document_root_check);
    EXPECT_TRUE(o.debug_single_process);
    EXPECT_EQ(o.defines, (Strings{"DEBUG", "FOREGROUND"}));
    EXPECT_TRUE(o.foreground());
    EXPECT_FALSE(o.no_detach());
}

TEST(CliOptions, ClusterEndingInValueFlag)
{
    const auto stuck = parse({"-tDDUMP_VHOSTS"});
    EXPECT_EQ(stuck.defines, (Strings{"DUMP_VHOSTS"}));
    EXPECT_EQ(stuck.mode, RunMode::ConfigDump);
    const auto next = parse({"-tf", "x.conf", "-dROOT"});
    EXPECT_EQ(next.config_file, "x.conf");
    EXPECT_EQ(next.server_root, "ROOT");
    EXPECT_EQ(next.mode, RunMode::ConfigTest);
}

TEST(CliOptions, DumpDefinesMakeADumpWhateverTheOrder)
{
    EXPECT_EQ(parse({"-t", "-D", "DUMP_MODULES"}).mode, RunMode::ConfigDump);
    EXPECT_EQ(parse({"-D", "DUMP_MODULES", "-t"}).mode, RunMode::ConfigDump);
    EXPECT_EQ(parse({"-D", "DUMP_INCLUDES"}).mode, RunMode::ConfigDump);
    EXPECT_EQ(parse({"-D", "DUMP_RUN_CFG"}).mode, RunMode::ConfigDump);
    // Only the exact names.
    EXPECT_EQ(parse({"-t", "-D", "dump_modules"}).mode, RunMode::ConfigTest);
    EXPECT_EQ(parse({"-D", "DUMP_MODULESX"}).mode, RunMode::Normal);
}

TEST(CliOptions, SynonymsAddTheirDefinesInPlace)
{
    const auto s = parse({"-DA", "-S", "-DB", "-M"});
    EXPECT_EQ(s.defines, (Strings{"A", "DUMP_VHOSTS", "DUMP_RUN_CFG", "B", "DUMP_MODULES"}));
    EXPECT_EQ(s.mode, RunMode::ConfigDump);
}

TEST(CliOptions, ListDirectivesIsADump)
{
    const auto o = parse({"-L"});
    EXPECT_TRUE(o.list_directives);
    EXPECT_EQ(o.mode, RunMode::ConfigDump);
}

TEST(CliOptions, CompileSettingsReadTheConfig)
{
    // Every MPM is loadable, so -V is deferred until the config is read.
    const auto o = parse({"-V", "-t"});
    EXPECT_TRUE(o.show_compile_settings);
    EXPECT_EQ(o.mode, RunMode::ConfigDump);
}

TEST(CliOptions, PrePostDirectivesInOrder)
{
    const auto o = parse({"-C", "A 1", "-c", "B 2", "-CC 3"});
    EXPECT_EQ(o.pre_directives, (Strings{"A 1", "C 3"}));
    EXPECT_EQ(o.post_directives, (Strings{"B 2"}));
}

TEST(CliOptions, ProgramNames)
{
    const auto o = parse_command_line(Strings{"/usr/sbin/feather", "-t"});
    EXPECT_EQ(o.program, "feather");
    EXPECT_EQ(o.program_path, "/usr/sbin/feather");
}

TEST(CliOptions, StartupLogLevel)
{
    EXPECT_EQ(parse({"-e", "debug"}).startup_log_level, LogLevel::Debug);
    EXPECT_EQ(parse({"-eCRIT"}).startup_log_level, LogLevel::Crit);
    const auto bad = parse({"-e", "loud"});
    EXPECT_TRUE(bad.usage);
    EXPECT_EQ(bad.usage_error, "");  // httpd prints the usage alone
    EXPECT_EQ(parse({"-E", "startup.log"}).startup_error_log, "startup.log");
}

TEST(CliOptions, SignalWords)
{
    for (const char* w : {"start", "stop", "restart", "graceful", "graceful-stop"}) {
        const auto o = parse({"-k", w});
        EXPECT_EQ(o.signal, std::string(w)) << w;
        EXPECT_FALSE(o.usage) << w;
    }
    const auto stuck = parse({"-kgraceful", "-DNO_DETACH"});
    EXPECT_EQ(stuck.signal, "graceful");
    EXPECT_TRUE(stuck.no_detach());
    const auto clustered = parse({"-tk", "stop"});
    EXPECT_EQ(clustered.signal, "stop");
    EXPECT_EQ(clustered.mode, RunMode::ConfigTest);
}

TEST(CliOptions, UnknownSignalWordIsAnIllegalOption)
{
    // apache2 -k bogus: "apache2: illegal option -- k", usage, exit 1.
    const auto o = parse({"-k", "bogus"});
    EXPECT_TRUE(o.usage);
    EXPECT_EQ(o.usage_error, "feather: illegal option -- k");
    EXPECT_FALSE(o.signal);
    // Only one -k is taken.
    const auto twice = parse({"-k", "start", "-k", "stop"});
    EXPECT_TRUE(twice.usage);
    EXPECT_EQ(twice.usage_error, "feather: illegal option -- k");
    // -k without its word.
    const auto bare = parse({"-t", "-k"});
    EXPECT_TRUE(bare.usage);
    EXPECT_EQ(bare.usage_error, "feather: illegal option -- k");
}

TEST(CliOptions, IllegalOptionAndMissingValue)
{
    const auto z = parse({"-t", "-z"});
    EXPECT_TRUE(z.usage);
    EXPECT_EQ(z.usage_error, "feather: illegal option -- z");
    const auto colon = parse({"-t", "-:"});
    EXPECT_EQ(colon.usage_error, "feather: illegal option -- :");
    const auto missing = parse({"-t", "-D"});
    EXPECT_TRUE(missing.usage);
    EXPECT_EQ(missing.usage_error, "feather: option requires an argument -- D");
    const auto path = parse_command_line(Strings{"/opt/bin/feather", "-z"});
    EXPECT_EQ(path.usage_error, "feather: illegal option -- z");
}

TEST(CliOptions, QuirksOfTheSignalPrePass)
{
    // A bad letter in the middle of the first cluster sends the pre-pass
    // back to argv[0], which main() then meets as a plain word: usage
    // without a message (apache2 -zv).
    const auto zv = parse({"-zv"});
    EXPECT_TRUE(zv.usage);
    EXPECT_EQ(zv.usage_error, "");
    EXPECT_FALSE(zv.show_version);
    const auto tzv = parse({"-t", "-zv"});
    EXPECT_EQ(tzv.usage_error, "feather: illegal option -- z");
    // "--" is swallowed by the pre-pass, so what follows is still read.
    const auto dd = parse({"-t", "--", "-v"});
    EXPECT_TRUE(dd.show_version);
}

TEST(CliOptions, FlagsActInOrder)
{
    // -v before a bad flag prints the version; after it, usage.
    EXPECT_TRUE(parse({"-v", "-z"}).show_version);
    EXPECT_FALSE(parse({"-v", "-z"}).usage);
    EXPECT_TRUE(parse({"-z", "-v"}).usage);
    EXPECT_TRUE(parse({"-l", "-h"}).list_modules);
    EXPECT_TRUE(parse({"-h", "-l"}).usage);
    EXPECT_TRUE(parse({"-?"}).usage);
    EXPECT_EQ(parse({"-?"}).usage_error, "");
}

TEST(CliOptions, StrayWordsAreUsage)
{
    EXPECT_TRUE(parse({"-t", "extra"}).usage);
    EXPECT_TRUE(parse({"-t", "-"}).usage);
    EXPECT_TRUE(parse({"-t-v"}).usage);  // '-' inside a cluster stops the scan
    EXPECT_EQ(parse({"-t-v"}).usage_error, "");
    EXPECT_FALSE(parse({"-t", "--"}).usage);
}

TEST(CliOptions, UsageTextPadsToTheProgramPath)
{
    const std::string text = usage_text("/usr/sbin/feather");
    EXPECT_EQ(text.substr(0, text.find("Options:")),
              "Usage: /usr/sbin/feather [-D name] [-d directory] [-f file]\n"
              "                         [-C \"directive\"] [-c \"directive\"]\n"
              "                         [-k start|restart|graceful|graceful-stop|stop]\n"
              "                         [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]\n");
    EXPECT_NE(text.find("  -t -D DUMP_MODULES : show all loaded modules \n"), std::string::npos);
}

}  // namespace
}  // namespace feather::runtime
