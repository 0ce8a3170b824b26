#pragma once
// The httpd-compatible command line (apache2 -h lists the same flags).

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/log_level.hpp"

namespace feather::runtime {

enum class RunMode { Normal, ConfigTest, ConfigDump };

struct CliOptions {
    std::string program = "feather";               // basename of argv[0]: prefixes messages
    std::string program_path = "feather";          // argv[0] as given: the usage text shows it
    std::string server_root;                       // -d
    std::string config_file;                       // -f
    std::vector<std::string> defines;              // -D (and -X, -S, -M add their own)
    std::vector<std::string> pre_directives;       // -C
    std::vector<std::string> post_directives;      // -c
    std::optional<LogLevel> startup_log_level;     // -e
    std::optional<std::string> startup_error_log;  // -E
    // -k start|restart|graceful|graceful-stop|stop (only these; anything
    // else is refused while parsing, as httpd does).
    std::optional<std::string> signal;
    RunMode mode = RunMode::Normal;
    bool show_version = false;            // -v
    bool show_compile_settings = false;   // -V (after reading the config, for its MPM)
    bool list_modules = false;            // -l
    bool list_directives = false;         // -L
    bool no_document_root_check = false;  // -T
    bool debug_single_process = false;    // -X
    bool usage = false;                   // -h, -?, or a bad command line
    std::string usage_error;              // printed before the usage text, if any

    bool defined(std::string_view name) const
    {
        return std::find(defines.begin(), defines.end(), name) != defines.end();
    }
    bool foreground() const { return defined("FOREGROUND"); }  // -DFOREGROUND
    bool no_detach() const { return defined("NO_DETACH"); }    // -DNO_DETACH
};

// Parses argv as httpd does: first the -k pre-pass of httpd's Unix MPMs
// (ap_mpm_rewrite_args), then main()'s option loop, flag by flag in order
// (-v prints the version even if a bad flag follows it).
CliOptions parse_command_line(int argc, const char* const argv[]);
CliOptions parse_command_line(const std::vector<std::string>& argv);

// httpd's usage text for `program_path` (argv[0] as given).
std::string usage_text(const std::string& program_path);

}  // namespace feather::runtime
