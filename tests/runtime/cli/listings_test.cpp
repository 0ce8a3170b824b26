// -L, -l, -M, -V, -v and DUMP_INCLUDES against what apache2 2.4.71 prints.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "modules/all_modules.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::runtime {
namespace {

using directives::Allow;
using directives::ArgShape;
using directives::DirectiveSpec;

std::string read_file(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// apache2 -L with the same modules, less mod_watchdog's one directive
// (Feather has no mod_watchdog).
std::string golden_without_watchdog(const std::string& name)
{
    const std::string text = read_file(std::string(FEATHER_SOURCE_DIR) + "/tests/data/" + name);
    const std::string entry =
        "WatchdogInterval (mod_watchdog.c)\n"
        "\tWatchdog interval in seconds\n"
        "\tAllowed in *.conf only outside <Directory>, <Files>, <Location>, or <If>\n";
    const auto at = text.find(entry);
    EXPECT_NE(at, std::string::npos);
    return at == std::string::npos ? text : text.substr(0, at) + text.substr(at + entry.size());
}

std::string golden_config(const std::string& mpm)
{
    std::string conf =
        "LoadModule mpm_" + mpm + "_module /usr/lib/apache2/modules/mod_mpm_" + mpm + ".so\n";
    for (const char* m : {"authz_core", "authz_host", "access_compat", "mime", "dir", "negotiation",
                          "status", "alias"}) {
        conf +=
            std::string("LoadModule ") + m + "_module /usr/lib/apache2/modules/mod_" + m + ".so\n";
    }
    return conf;
}

class ListDirectives : public ::testing::TestWithParam<std::string> {};

TEST_P(ListDirectives, MatchesApache)
{
    test::TempDir root;
    test::LoadSpec spec;
    spec.add_mpm = false;
    const auto o = test::load_text(root, golden_config(GetParam()), spec);
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(directives_text(mod::registry(), o.config->modules),
              golden_without_watchdog("apache2-L-" + GetParam() + ".txt"));
}

INSTANTIATE_TEST_SUITE_P(Mpms, ListDirectives, ::testing::Values("prefork", "worker"));

TEST(ListDirectives, OnlyLoadedModulesInLoadOrder)
{
    test::TempDir root;
    const auto o =
        test::load_text(root, "LoadModule dir_module x.so\nLoadModule mime_module y.so\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const std::string text = directives_text(mod::registry(), o.config->modules);
    const auto dir = text.find("DirectoryIndex (mod_dir.c)");
    const auto mime = text.find("AddType (mod_mime.c)");
    ASSERT_NE(dir, std::string::npos);
    ASSERT_NE(mime, std::string::npos);
    EXPECT_LT(dir, mime);
    EXPECT_EQ(text.find("(mod_alias.c)"), std::string::npos);
    EXPECT_EQ(text.find("(worker.c)"), std::string::npos);
}

DirectiveSpec row(Allow allow)
{
    return DirectiveSpec{"X", ModuleId::Core, allow, ArgShape::Take1, nullptr, "h"};
}

TEST(AllowedIn, ShowOverridesWording)
{
    EXPECT_EQ(allowed_in_text(row(Allow::RsrcConf), true),
              "\tAllowed in *.conf only outside <Directory>, <Files>, <Location>, or <If>\n");
    EXPECT_EQ(allowed_in_text(row(Allow::AccessConf), true),
              "\tAllowed in *.conf only inside <Directory>, <Files>, <Location>, or <If>\n");
    EXPECT_EQ(allowed_in_text(row(Allow::RsrcConf | Allow::AccessConf), true),
              "\tAllowed in *.conf anywhere\n");
    EXPECT_EQ(allowed_in_text(row(Allow::All), true),
              "\tAllowed in *.conf anywhere and in .htaccess\n\twhen AllowOverride isn't None\n");
    EXPECT_EQ(
        allowed_in_text(row(Allow::FileInfo), true),
        "\tAllowed in *.conf anywhere and in .htaccess\n\twhen AllowOverride includes FileInfo\n");
    // <Limit>: OR_LIMIT | OR_AUTHCFG, and httpd's order of the class names.
    EXPECT_EQ(allowed_in_text(row(Allow::Limit | Allow::AuthConfig), true),
              "\tAllowed in *.conf only inside <Directory>, <Files>, <Location>, or <If> and in "
              ".htaccess\n"
              "\twhen AllowOverride includes AuthConfig or Limit\n");
    EXPECT_EQ(allowed_in_text(row(Allow::Indexes | Allow::Options | Allow::FileInfo), true),
              "\tAllowed in *.conf anywhere and in .htaccess\n"
              "\twhen AllowOverride includes Options or FileInfo or Indexes\n");
    // RSRC_CONF with AuthConfig counts as anywhere.
    EXPECT_EQ(allowed_in_text(row(Allow::RsrcConf | Allow::AuthConfig), true),
              "\tAllowed in *.conf anywhere and in .htaccess\n\twhen AllowOverride includes "
              "AuthConfig\n");
    // A module without per-directory config (mod_version's <IfVersion>).
    EXPECT_EQ(allowed_in_text(row(Allow::All | Allow::ExecOnRead), false),
              "\tAllowed in *.conf anywhere [no per-dir config] and in .htaccess\n"
              "\twhen AllowOverride isn't None\n");
    EXPECT_EQ(allowed_in_text(row(Allow::RsrcConf), false),
              "\tAllowed in *.conf only outside <Directory>, <Files>, <Location>, or <If>\n");
}

TEST(CompiledModules, EveryModuleButTheEventMpm)
{
    EXPECT_EQ(
        compiled_modules_text(),
        "Compiled in modules:\n"
        "  core.c\n  mod_so.c\n  http_core.c\n  mod_log_config.c\n  mod_logio.c\n  mod_version.c\n"
        "  mod_unixd.c\n  prefork.c\n  worker.c\n  mod_authz_core.c\n  mod_authz_host.c\n"
        "  mod_access_compat.c\n  mod_mime.c\n  mod_dir.c\n  mod_negotiation.c\n  mod_status.c\n"
        "  mod_alias.c\n");
}

TEST(LoadedModules, StaticThenSharedInLoadOrder)
{
    test::TempDir root;
    const auto o =
        test::load_text(root, "LoadModule mime_module m.so\nLoadModule authz_core_module a.so\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(loaded_modules_text(mod::registry(), o.config->modules),
              "Loaded Modules:\n"
              " core_module (static)\n"
              " so_module (static)\n"
              " http_module (static)\n"
              " log_config_module (static)\n"
              " logio_module (static)\n"
              " version_module (static)\n"
              " unixd_module (static)\n"
              " mpm_prefork_module (shared)\n"
              " mime_module (shared)\n"
              " authz_core_module (shared)\n");
}

TEST(IncludedFiles, IndentAndIncludeLine)
{
    const std::vector<parser::IncludedFile> files = {{0, 0, "/srv/a/httpd.conf"},
                                                     {1, 13, "/srv/a/conf.d/10-x.conf"},
                                                     {2, 4, "/srv/a/deep.conf"}};
    EXPECT_EQ(included_files_text(files),
              "  (*) /srv/a/httpd.conf\n"
              "    (13) /srv/a/conf.d/10-x.conf\n"
              "      (4) /srv/a/deep.conf\n");
}

TEST(Version, ApacheReleaseAndFeather)
{
    EXPECT_EQ(version_text(),
              std::string("Server version: Apache/2.4.71 (Feather 0.1.0)\nServer built:   ") +
                  build::kBuiltAt + "\n");
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string line; std::getline(ss, line);) {
        out.push_back(line);
    }
    return out;
}

TEST(CompileSettings, LayoutOfHttpd)
{
    const auto lines = lines_of(compile_settings_text(ModuleId::MpmPrefork));
    ASSERT_GE(lines.size(), 16u);
    EXPECT_EQ(lines[0], "Server version: Apache/2.4.71 (Feather 0.1.0)");
    EXPECT_EQ(lines[1].substr(0, 16), "Server built:   ");
    EXPECT_EQ(lines[2], "Server's Module Magic Number: 20120211:142");
    EXPECT_EQ(lines[3].substr(0, 22), "Server loaded:  glibc ");
    EXPECT_EQ(lines[4].substr(0, 22), "Compiled using: glibc ");
    EXPECT_NE(lines[4].find(", PCRE 10."), std::string::npos);
    EXPECT_EQ(lines[5], "Architecture:   64-bit");
    EXPECT_EQ(lines[6], "Server MPM:     prefork");
    EXPECT_EQ(lines[7], "  threaded:     no");
    EXPECT_EQ(lines[8], "    forked:     yes (variable process count)");
    EXPECT_EQ(lines[9], "Server compiled with....");
    const std::string text = compile_settings_text(ModuleId::MpmPrefork);
    EXPECT_NE(text.find(" -D HTTPD_ROOT=\"" + std::string(build::kDefaultServerRoot) + "\"\n"),
              std::string::npos);
    EXPECT_NE(
        text.find(" -D SERVER_CONFIG_FILE=\"" + std::string(build::kDefaultConfigFile) + "\"\n"),
        std::string::npos);
    EXPECT_NE(text.find(" -D DEFAULT_PIDLOG=\"" + std::string(build::kDefaultPidLog) + "\"\n"),
              std::string::npos);
}

TEST(CompileSettings, WorkerAndNoMpm)
{
    const std::string worker = compile_settings_text(ModuleId::MpmWorker);
    EXPECT_NE(worker.find("Server MPM:     worker\n"
                          "  threaded:     yes (fixed thread count)\n"
                          "    forked:     yes (variable process count)\n"
                          "Server compiled with....\n"),
              std::string::npos);
    // No MPM (the config failed before one was loaded): httpd prints an
    // empty name and no threaded/forked lines.
    const std::string none = compile_settings_text(std::nullopt);
    EXPECT_NE(none.find("Architecture:   64-bit\nServer MPM:     \nServer compiled with....\n"),
              std::string::npos);
}

}  // namespace
}  // namespace feather::runtime
