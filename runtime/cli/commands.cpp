#include "runtime/cli/commands.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "directives/loader.hpp"
#include "modules/all_modules.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"
#include "runtime/cli/options.hpp"
#include "runtime/log/error_log_format.hpp"
#include "runtime/server/run_server.hpp"

namespace feather::runtime {

namespace {

// Startup messages go to stderr in the error-log layout until the error log
// is open, as httpd's do; -e sets the threshold (default warn).
directives::LogSink stderr_log_sink(LogLevel threshold)
{
    return [threshold](LogLevel level, ModuleId module, std::string_view text) {
        if (level > threshold) {
            return;
        }
        const std::string line =
            format_error_log_line(std::chrono::system_clock::now(), module_log_name(module), level,
                                  static_cast<long>(::getpid()), static_cast<unsigned long>(::gettid()), text);
        std::fprintf(stderr, "%s\n", line.c_str());
    };
}

}  // namespace

int run_command_line(int argc, const char* const argv[])
{
    const CliOptions opts = parse_command_line(argc, argv);
    if (opts.usage) {
        std::fputs(usage_text(opts.program).c_str(), stderr);
        return 1;
    }
    if (opts.show_version) {
        print_version();
        return 0;
    }
    if (opts.show_compile_settings) {
        print_compile_settings();
        return 0;
    }
    if (opts.list_modules) {
        print_compiled_modules();
        return 0;
    }

    LogLevel threshold = LogLevel::Warn;
    if (opts.startup_log_level) {
        const auto level = parse_log_level(*opts.startup_log_level);
        if (!level) {
            std::fputs(usage_text(opts.program).c_str(), stderr);
            return 1;
        }
        threshold = *level;
    }
    if (opts.startup_error_log) {
        if (std::freopen(opts.startup_error_log->c_str(), "a", stderr) == nullptr) {
            return 1;
        }
    }

    directives::LoadOptions load;
    load.server_root = opts.server_root.empty() ? build::kDefaultServerRoot : opts.server_root;
    load.config_file = opts.config_file.empty() ? build::kDefaultConfigFile : opts.config_file;
    load.defines = opts.defines;
    load.pre_directives = opts.pre_directives;
    load.post_directives = opts.post_directives;
    load.document_root_check = !opts.no_document_root_check;
    load.program_name = opts.program;

    const bool dump_includes =
        std::find(opts.defines.begin(), opts.defines.end(), "DUMP_INCLUDES") != opts.defines.end();
    if (dump_includes) {
        std::cout << "Included configuration files:\n" << std::flush;
    }

    directives::Loader loader(mod::registry(), mod::config_factory(), stderr_log_sink(threshold),
                              mod::config_checks());
    const directives::LoadResult result = loader.load(load);
    if (dump_includes) {
        print_included_files(loader.read_state().included);
    }
    if (!result.config) {
        for (const auto& line : result.error_lines) {
            std::fprintf(stderr, "%s\n", line.c_str());
        }
        return 1;
    }
    const directives::Config& config = *result.config;

    if (opts.mode != RunMode::Normal) {
        if (opts.list_directives) {
            print_directives(config);
            return 0;
        }
        print_config_dumps(config);
        if (opts.mode == RunMode::ConfigTest) {
            std::fputs("Syntax OK\n", stderr);
        }
        return 0;
    }
    return run_server(opts, load, result.config, stderr_log_sink(threshold));
}

}  // namespace feather::runtime
