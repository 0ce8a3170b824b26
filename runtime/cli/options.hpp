#pragma once
// The httpd-compatible command line (apache2 -h lists the same flags).

#include <optional>
#include <string>
#include <vector>

namespace feather::runtime {

enum class RunMode { Normal, ConfigTest, ConfigDump };

struct CliOptions {
    std::string program = "feather";
    std::string server_root;                   // -d
    std::string config_file;                   // -f
    std::vector<std::string> defines;          // -D (and -X, -S, -M add their own)
    std::vector<std::string> pre_directives;   // -C
    std::vector<std::string> post_directives;  // -c
    std::optional<std::string> startup_log_level;  // -e
    std::optional<std::string> startup_error_log;  // -E
    std::optional<std::string> signal;         // -k
    RunMode mode = RunMode::Normal;
    bool show_version = false;        // -v
    bool show_compile_settings = false;  // -V
    bool list_modules = false;        // -l
    bool list_directives = false;     // -L
    bool no_document_root_check = false;  // -T
    bool debug_single_process = false;    // -X
    bool usage = false;                    // -h, or a bad option
};

// Parses argv as httpd does (clustered short flags, "-Dname" or "-D name").
// A bad option sets `usage`.
CliOptions parse_command_line(int argc, const char* const argv[]);

// httpd's usage text for `program`.
std::string usage_text(const std::string& program);

}  // namespace feather::runtime
