#pragma once
// Loading a configuration: read the files into a tree (running the
// directives that act while reading), check the MPM, then walk the tree and
// apply every directive through its setter, as httpd's ap_read_config and
// ap_process_config_tree do. Errors come back worded and placed as httpd
// prints them.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/cmd.hpp"
#include "directives/config.hpp"
#include "directives/log_level.hpp"
#include "directives/registry.hpp"
#include "parser/config_reader.hpp"

namespace feather::directives {

struct LoadOptions {
    std::string server_root;                  // -d
    std::string config_file;                  // -f, relative to ServerRoot
    std::vector<std::string> defines;         // -D
    std::vector<std::string> pre_directives;  // -C
    std::vector<std::string> post_directives; // -c
    bool document_root_check = true;          // -T turns it off
    std::string program_name = "feather";     // prefixes read-phase errors
    // Stop once the files are read, before any directive is applied: -V
    // reads the configuration only to learn which MPM it loads.
    bool read_only = false;
};

// Startup messages: (level, module, text, startup). `startup` marks httpd's
// APLOG_STARTUP messages, printed bare (no time, module or pid). Errors that
// end the load are returned in LoadResult instead.
using LogSink = std::function<void(LogLevel, ModuleId, std::string_view, bool startup)>;

struct LoadResult {
    std::shared_ptr<const Config> config;  // null when the load failed
    std::vector<std::string> error_lines;  // as httpd prints them on stderr
};

// An .htaccess file to apply (httpd's ap_parse_htaccess arguments, the file
// already read).
struct AccessFile {
    std::string path;  // its full name: SourceLocs and nested error texts
    std::string text;
    std::string dir;   // the directory it configures (cmd.path), ending in '/'
    Allow override = Allow::None;  // AllowOverride in force, Unset bit included
    unsigned override_opts = 0;    // AllowOverride Options=...
    const std::vector<std::string>* override_list = nullptr;  // AllowOverrideList
};

struct AccessFileResult {
    std::shared_ptr<DirConfigSet> config;  // null when `error` is set
    // The file name the settings' SourceLocs point into.
    std::shared_ptr<SourceMap> sources;
    Status error;  // httpd's message, without the file name it prefixes
};

// A check run after the walk (Apache's check_config/test_config hooks).
using ConfigCheck = Status (*)(Loader& loader);

class Loader final : public parser::DirectiveCatalog {
public:
    Loader(const Registry& registry, ConfigFactory factory, LogSink log,
           std::vector<ConfigCheck> checks = {});

    LoadResult load(const LoadOptions& options);

    // Applies an .htaccess file against the running configuration `live`
    // for its server `server_index`: read with the same parser, every
    // directive checked against the override class in force. `live` is not
    // changed: setters write into a private copy of the servers they see.
    AccessFileResult read_access_file(const Config& live, std::size_t server_index,
                                      const AccessFile& file);

    // For setters.
    const Registry& registry() const { return registry_; }
    const LoadOptions& options() const { return options_; }
    Config& config() { return *config_; }
    parser::ReadState& read_state() { return read_; }
    ModuleSet& modules() { return config_->modules; }
    std::shared_ptr<DirConfigSet> new_dir_config() const { return factory_.new_dir(); }
    // A set for a section: modules join it as their directives appear.
    std::shared_ptr<DirConfigSet> new_empty_dir_config() const { return factory_.new_empty_dir(); }
    ServerConfig& add_virtual_host(SourceLoc defined_at);
    void log(LogLevel level, ModuleId module, std::string_view text, bool startup = false) const;
    // Ends the load with `text` printed bare, as httpd does where a setter
    // logs and exits (an unknown User or Group): no "Syntax error" header.
    Status fail_bare(std::string text);
    // ap_server_root_relative against the current ServerRoot.
    std::string server_root_relative(std::string_view path) const;

    // Apply `nodes` in the context `ctx` (Apache's ap_walk_config).
    Status walk(Cmd& ctx, const parser::NodeList& nodes);

    // parser::DirectiveCatalog
    std::optional<Known> find(std::string_view name) const override;
    parser::ReadError run_on_read(parser::ConfigReader& reader, const parser::Node& directive,
                                  parser::NodeList& out) override;

private:
    Cmd server_context();
    std::optional<std::string> check_mpm() const;
    void fixup_virtual_hosts();

    const Registry& registry_;
    ConfigFactory factory_;
    LogSink log_;
    std::vector<ConfigCheck> checks_;
    LoadOptions options_;
    parser::ReadState read_;
    std::shared_ptr<Config> config_;
    std::optional<SourceLoc> error_at_;
    std::optional<Cmd> htaccess_;  // the context of an .htaccess file being read
    bool bare_failure_ = false;
};

// The override mask in force at server level (httpd: RSRC_CONF | OR_ALL
// without AuthConfig and Limit).
constexpr Allow kServerOverride = (Allow::RsrcConf | Allow::All) & ~(Allow::AuthConfig | Allow::Limit);
// Options an unrestricted context may set (OPT_ALL | OPT_SYM_OWNER | OPT_MULTI).
constexpr unsigned kAllOptions = 0xffffu;

}  // namespace feather::directives
