#include "directives/loader.hpp"

#include <unistd.h>

#include "directives/binder.hpp"

namespace feather::directives {

Loader::Loader(const Registry& registry, ConfigFactory factory, LogSink log,
               std::vector<ConfigCheck> checks)
    : registry_(registry), factory_(factory), log_(std::move(log)), checks_(std::move(checks))
{
}

void Loader::log(LogLevel level, ModuleId module, std::string_view text, bool startup) const
{
    if (log_) {
        log_(level, module, text, startup);
    }
}

Status Loader::fail_bare(std::string text)
{
    bare_failure_ = true;
    return text;
}

std::string Loader::server_root_relative(std::string_view path) const
{
    return parser::merge_path(read_.server_root, path);
}

ServerConfig& Loader::add_virtual_host(SourceLoc defined_at)
{
    auto& s = config_->servers.emplace_back();
    s.is_virtual = true;
    s.defined_at = defined_at;
    s.modules = factory_.new_server();
    s.defaults = factory_.new_empty_dir();  // completed by fixup_virtual_hosts
    return s;
}

// httpd's ap_fixup_virtual_hosts: what a virtual host leaves unset comes
// from the main server, both its modules' server configs and the
// per-directory settings given at server level.
void Loader::fixup_virtual_hosts()
{
    const ServerConfig& main = config_->servers.front();
    for (ServerConfig& vhost : config_->servers) {
        if (!vhost.is_virtual) {
            continue;
        }
        vhost.modules = factory_.merge_server(*main.modules, *vhost.modules);
        vhost.defaults = factory_.merge_dir(*main.defaults, *vhost.defaults);
    }
}

Cmd Loader::server_context()
{
    Cmd cmd;
    cmd.loader = this;
    cmd.server = &config_->servers.front();
    cmd.dir = cmd.server->defaults.get();
    cmd.override = kServerOverride;
    cmd.override_opts = kAllOptions;
    return cmd;
}

std::optional<std::string_view> Loader::canonical_name(std::string_view name) const
{
    for (const DirectiveSpec* spec : registry_.find(name)) {
        if (config_->modules.contains(spec->module)) {
            return spec->name;
        }
    }
    return std::nullopt;
}

bool Loader::acts_on_read(std::string_view canonical) const
{
    for (const DirectiveSpec* spec : registry_.find(canonical)) {
        if (config_->modules.contains(spec->module) && any(spec->allow & Allow::ExecOnRead)) {
            return true;
        }
    }
    return false;
}

parser::ReadError Loader::run_on_read(parser::ConfigReader& reader, const parser::Node& directive,
                                      parser::NodeList& out)
{
    for (const DirectiveSpec* spec : registry_.find(directive.name)) {
        if (!config_->modules.contains(spec->module)) {
            continue;
        }
        Cmd cmd = server_context();
        cmd.node = &directive;
        cmd.reader = &reader;
        cmd.produced = &out;
        if (auto err = invoke(cmd, *spec, directive.args)) {
            return err;
        }
    }
    return std::nullopt;
}

Status Loader::walk(Cmd& ctx, const parser::NodeList& nodes)
{
    for (const parser::Node& node : nodes) {
        bool known = false;
        for (const DirectiveSpec* spec : registry_.find(node.name)) {
            if (!config_->modules.contains(spec->module)) {
                continue;
            }
            known = true;
            if (any(spec->allow & Allow::ExecOnRead)) {
                continue;  // it ran while the file was read
            }
            ctx.node = &node;
            if (auto err = invoke(ctx, *spec, node.args)) {
                // An error inside a section keeps the inner line.
                if (!error_at_) {
                    error_at_ = node.loc;
                }
                return err;
            }
        }
        if (!known) {
            error_at_ = node.loc;
            return "Invalid command '" + node.name +
                   "', perhaps misspelled or defined by a module not included in the server "
                   "configuration";
        }
    }
    return std::nullopt;
}

std::optional<std::string> Loader::check_mpm() const
{
    int mpms = 0;
    for (const ModuleId id : {ModuleId::MpmPrefork, ModuleId::MpmWorker, ModuleId::MpmEvent}) {
        mpms += config_->modules.contains(id) ? 1 : 0;
    }
    if (mpms == 0) {
        return "No MPM loaded.";
    }
    if (mpms > 1) {
        return "More than one MPM loaded.";
    }
    return std::nullopt;
}

LoadResult Loader::load(const LoadOptions& options)
{
    options_ = options;
    read_ = parser::ReadState{};
    config_ = std::make_shared<Config>();
    error_at_.reset();
    bare_failure_ = false;
    config_->sources = read_.sources;

    std::string root = options.server_root;
    if (root.empty() || root.front() != '/') {
        char cwd[4096];
        const std::string base = ::getcwd(cwd, sizeof cwd) ? cwd : "/";
        root = parser::merge_path(base, root);
    }
    read_.server_root = root;
    for (const auto& d : options.defines) {
        read_.defines.define(d);
    }
    read_.warn = [this](std::string_view text) { log(LogLevel::Warn, ModuleId::Core, text); };
    for (const ModuleInfo* m : registry_.modules()) {
        if (m->builtin) {
            config_->modules.add(m->id);
        }
    }
    auto& main = config_->servers.emplace_back();
    main.modules = factory_.new_server();
    main.defaults = factory_.new_dir();

    LoadResult result;
    const std::string prefix = options.program_name + ": ";
    parser::ConfigReader reader(read_, *this);
    parser::NodeList tree;

    if (auto err = reader.read_command_lines(options.pre_directives, tree)) {
        result.error_lines.push_back(prefix + *err);
        return result;
    }
    const std::string main_file = read_.server_root.empty()
                                      ? options.config_file
                                      : parser::merge_path(read_.server_root, options.config_file);
    if (auto err = reader.read_file(main_file, tree)) {
        result.error_lines.push_back(prefix + *err);
        return result;
    }
    if (auto err = check_mpm()) {
        result.error_lines.push_back("AH00534: " + prefix + "Configuration error: " + *err);
        return result;
    }
    if (auto err = reader.read_command_lines(options.post_directives, tree)) {
        result.error_lines.push_back(prefix + *err);
        return result;
    }

    config_->server_root = read_.server_root;
    if (options.read_only) {
        config_->defines = read_.defines;
        config_->included = read_.included;
        result.config = config_;
        return result;
    }
    Cmd ctx = server_context();
    if (auto err = walk(ctx, tree)) {
        if (error_at_ && !bare_failure_) {
            result.error_lines.push_back("AH00526: Syntax error on line " +
                                         std::to_string(error_at_->line) + " of " +
                                         std::string(error_at_->file) + ":");
        }
        result.error_lines.push_back(*err);
        return result;
    }
    config_->server_root = read_.server_root;
    config_->defines = read_.defines;
    config_->included = read_.included;
    fixup_virtual_hosts();
    // httpd's check_config hooks: a failure is reported, then AH00014.
    for (const ConfigCheck check : checks_) {
        if (auto err = check(*this)) {
            result.error_lines.push_back(*err);
            result.error_lines.push_back("AH00014: Configuration check failed");
            return result;
        }
    }
    result.config = config_;
    return result;
}

}  // namespace feather::directives
