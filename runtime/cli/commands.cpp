#include "runtime/cli/commands.hpp"

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "directives/loader.hpp"
#include "modules/all_modules.hpp"
#include "modules/core/vhost_map.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"
#include "runtime/cli/options.hpp"
#include "runtime/log/error_log_format.hpp"
#include "runtime/log/escape.hpp"
#include "runtime/process/one_shot_heap.hpp"
#include "runtime/server/run_server.hpp"

namespace feather::runtime {

namespace {

// Startup messages go to stderr in the error-log layout until the error log
// is open, as httpd's do; -e sets the threshold (default warn).
directives::LogSink stderr_log_sink(LogLevel threshold)
{
    return [threshold](LogLevel level, ModuleId module, std::string_view text, bool startup) {
        // httpd shows notices at startup whatever the level (log.c: s == NULL).
        if (level != LogLevel::Notice && level > threshold) {
            return;
        }
        const std::string escaped = escape_error_log_item(text);
        if (startup) {
            std::fprintf(stderr, "%s\n", escaped.c_str());
            return;
        }
        const std::string line = format_error_log_line(
            std::chrono::system_clock::now(), module_log_name(module), level,
            static_cast<long>(::getpid()), static_cast<unsigned long>(::gettid()), escaped);
        std::fprintf(stderr, "%s\n", line.c_str());
    };
}

void print(const std::string& text, std::FILE* to = stdout)
{
    std::fwrite(text.data(), 1, text.size(), to);
    std::fflush(to);
}

// -E: httpd's ap_replace_stderr_log, relative to the initial ServerRoot. A
// file that cannot be opened is reported and startup goes on (httpd ignores
// the failure).
void replace_stderr(const CliOptions& opts, const std::string& server_root)
{
    const std::string path = parser::merge_path(server_root, *opts.startup_error_log);
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        std::fprintf(stderr, "(%d)%s: AH00086: %s: could not open error log file %s.\n", err,
                     std::strerror(err), opts.program.c_str(), opts.startup_error_log->c_str());
        return;
    }
    std::fflush(stderr);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
}

std::string absolute_root(const std::string& root)
{
    if (!root.empty() && root.front() == '/') {
        return root;
    }
    char cwd[4096];
    return parser::merge_path(::getcwd(cwd, sizeof cwd) != nullptr ? cwd : "/", root);
}

std::optional<ModuleId> loaded_mpm(const directives::ModuleSet& modules)
{
    for (const ModuleId id : {ModuleId::MpmPrefork, ModuleId::MpmWorker}) {
        if (modules.contains(id)) {
            return id;
        }
    }
    return std::nullopt;
}

// httpd's ap_fini_vhost_config runs after every successful load: it names
// servers without ServerName (AH00558 ...) and prints DUMP_VHOSTS.
mod::core::VhostMap finish_virtual_hosts(const CliOptions& opts, const directives::Config& config,
                                         const directives::LogSink& log)
{
    std::vector<mod::core::VhostNotice> notices;
    mod::core::VhostMap map =
        build_vhost_map(config, mod::core::system_host_lookup(opts.program), notices);
    for (const auto& n : notices) {
        log(n.level, ModuleId::Core, n.text, n.startup);
    }
    if (config.defines.defined("DUMP_VHOSTS")) {
        print(vhosts_text(config, map));
    }
    return map;
}

}  // namespace

int run_command_line(int argc, const char* const argv[])
{
    const CliOptions opts = parse_command_line(argc, argv);
    if (opts.usage) {
        if (!opts.usage_error.empty()) {
            std::fprintf(stderr, "%s\n", opts.usage_error.c_str());
        }
        print(usage_text(opts.program_path), stderr);
        return 1;
    }
    if (opts.show_version) {
        print(version_text());
        return 0;
    }
    if (opts.list_modules) {
        print(compiled_modules_text());
        return 0;
    }

    if (opts.mode != RunMode::Normal || opts.show_compile_settings) {
        use_huge_pages_for_one_shot_heap();  // this run exits once it has read the configuration
    }

    const LogLevel threshold = opts.startup_log_level.value_or(LogLevel::Warn);
    directives::LoadOptions load;
    load.server_root = opts.server_root.empty() ? build::kDefaultServerRoot : opts.server_root;
    load.config_file = opts.config_file.empty() ? build::kDefaultConfigFile : opts.config_file;
    load.defines = opts.defines;
    load.pre_directives = opts.pre_directives;
    load.post_directives = opts.post_directives;
    load.document_root_check = !opts.no_document_root_check;
    load.program_name = opts.program;
    load.read_only = opts.show_compile_settings;
    if (opts.startup_error_log) {
        replace_stderr(opts, absolute_root(load.server_root));
    }

    // httpd prints the header, then each file as it opens it.
    const bool dump_includes = opts.defined("DUMP_INCLUDES");
    if (dump_includes) {
        print("Included configuration files:\n");
    }
    const directives::LogSink log = stderr_log_sink(threshold);
    directives::Loader loader(mod::registry(), mod::config_factory(), log, mod::config_checks());
    const directives::LoadResult result = loader.load(load);
    if (dump_includes) {
        print(included_files_text(loader.read_state().included));
    }
    if (!result.config) {
        // httpd's startup log escapes control and non-ASCII bytes.
        for (const auto& line : result.error_lines) {
            std::fprintf(stderr, "%s\n", escape_error_log_item(line).c_str());
        }
        if (opts.show_compile_settings) {
            // httpd shows what it can, and still fails.
            print(compile_settings_text(loaded_mpm(loader.config().modules)));
        }
        return 1;
    }
    const directives::Config& config = *result.config;
    if (opts.show_compile_settings) {
        print(compile_settings_text(loaded_mpm(config.modules)));
        return 0;
    }

    const mod::core::VhostMap vhosts = finish_virtual_hosts(opts, config, log);
    if (opts.mode != RunMode::Normal) {
        if (opts.list_directives) {
            print(directives_text(mod::registry(), config.modules));
            return 0;
        }
        // The test_config hooks, in httpd's order: core, unixd, then mod_so.
        if (config.defines.defined("DUMP_RUN_CFG")) {
            print(run_cfg_text(config, RunCfgFacts{::geteuid() == 0}));
        }
        if (config.defines.defined("DUMP_MODULES")) {
            print(loaded_modules_text(mod::registry(), config.modules));
        }
        if (opts.mode == RunMode::ConfigTest) {
            std::fputs("Syntax OK\n", stderr);
        }
        // Nothing is left to do but exit: tearing down the configuration of
        // a 20,000-section file took an eighth of `-t`'s time.
        std::fflush(nullptr);
        std::_Exit(0);
    }
    (void)vhosts;  // the HTTP engine builds its own map for each generation
    return run_server(opts, load, result.config, log);
}

}  // namespace feather::runtime
