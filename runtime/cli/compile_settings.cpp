// -v, -V and -l: what was built (server/main.c show_compile_settings,
// server/config.c ap_show_modules).

#include <gnu/libc-version.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <boost/version.hpp>
#include <fmt/format.h>

#include "modules/all_modules.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"

namespace feather::runtime {

namespace {

std::string boost_version()
{
    return fmt::format("{}.{}.{}", BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000,
                       BOOST_VERSION % 100);
}

std::string pcre_loaded_version()
{
    char buf[64] = {};
    if (pcre2_config(PCRE2_CONFIG_VERSION, buf) < 0) {
        return "?";
    }
    return buf;
}

// PCRE2_DATE is a bare token in pcre2.h.
#define FEATHER_STR2(x) #x
#define FEATHER_STR(x) FEATHER_STR2(x)
constexpr const char* kPcreCompiledDate = FEATHER_STR(PCRE2_DATE);
#undef FEATHER_STR
#undef FEATHER_STR2

// httpd's show_mpm_settings: the MPM's name and its answers to
// AP_MPMQ_IS_THREADED / AP_MPMQ_IS_FORKED.
std::string mpm_lines(std::optional<ModuleId> mpm)
{
    switch (mpm.value_or(ModuleId::Count)) {
    case ModuleId::MpmPrefork:
        return "Server MPM:     prefork\n"
               "  threaded:     no\n"
               "    forked:     yes (variable process count)\n";
    case ModuleId::MpmWorker:
        return "Server MPM:     worker\n"
               "  threaded:     yes (fixed thread count)\n"
               "    forked:     yes (variable process count)\n";
    default: return "Server MPM:     \n";  // none loaded: httpd prints the empty name
    }
}

}  // namespace

std::string version_text()
{
    return fmt::format("Server version: Apache/{} (Feather {})\nServer built:   {}\n",
                       build::kApacheVersion, build::kFeatherVersion, build::kBuiltAt);
}

std::string compile_settings_text(std::optional<ModuleId> mpm)
{
    std::string s = version_text();
    s += fmt::format("Server's Module Magic Number: {}\n", build::kApacheMmn);
    // Where httpd names APR (its portability layer), Feather names the C
    // library and Boost, with the same line shape.
    s += fmt::format("Server loaded:  glibc {}, Boost {}, PCRE {}\n", gnu_get_libc_version(),
                     boost_version(), pcre_loaded_version());
    s += fmt::format("Compiled using: glibc {}.{}, Boost {}, PCRE {}.{} {}\n", __GLIBC__,
                     __GLIBC_MINOR__, boost_version(), PCRE2_MAJOR, PCRE2_MINOR, kPcreCompiledDate);
    s += fmt::format("Architecture:   {}-bit\n", 8 * sizeof(void*));
    s += mpm_lines(mpm);
    // The defines httpd's build would have for what Feather does: sendfile,
    // mmap, one IPv6 socket that takes IPv4 too, pthread/fcntl/flock accept
    // mutexes, piped loggers restarted when they die. No suEXEC and no
    // dynamic modules (DYNAMIC_MODULE_LIMIT, SUEXEC_BIN are left out).
    s += "Server compiled with....\n";
    s += " -D APR_HAS_SENDFILE\n";
    s += " -D APR_HAS_MMAP\n";
    s += " -D APR_HAVE_IPV6 (IPv4-mapped addresses enabled)\n";
    s += " -D APR_USE_PROC_PTHREAD_SERIALIZE\n";
    s += " -D APR_USE_PTHREAD_SERIALIZE\n";
    s += " -D SINGLE_LISTEN_UNSERIALIZED_ACCEPT\n";
    s += " -D APR_HAS_OTHER_CHILD\n";
    s += " -D AP_HAVE_RELIABLE_PIPED_LOGS\n";
    s += fmt::format(" -D HTTPD_ROOT=\"{}\"\n", build::kDefaultServerRoot);
    s += fmt::format(" -D DEFAULT_PIDLOG=\"{}\"\n", build::kDefaultPidLog);
    s += fmt::format(" -D DEFAULT_SCOREBOARD=\"{}\"\n", build::kDefaultScoreboard);
    s += fmt::format(" -D DEFAULT_ERRORLOG=\"{}\"\n", build::kDefaultErrorLog);
    s += fmt::format(" -D AP_TYPES_CONFIG_FILE=\"{}\"\n", build::kTypesConfigFile);
    s += fmt::format(" -D SERVER_CONFIG_FILE=\"{}\"\n", build::kDefaultConfigFile);
    return s;
}

std::string compiled_modules_text()
{
    // All of Feather's modules are compiled in (LoadModule only switches one
    // on); the event MPM is known only to refuse it clearly.
    std::string s = "Compiled in modules:\n";
    for (const directives::ModuleInfo* m : mod::all_modules()) {
        if (m->id != ModuleId::MpmEvent) {
            s += fmt::format("  {}\n", m->source);
        }
    }
    return s;
}

}  // namespace feather::runtime
