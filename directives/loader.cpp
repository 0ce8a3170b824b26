#include "directives/loader.hpp"

#include <unistd.h>

#include <cctype>

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

std::optional<parser::DirectiveCatalog::Known> Loader::find(std::string_view name) const
{
    const auto number = registry_.find_number(name);
    if (!number) {
        return std::nullopt;
    }
    std::optional<Known> known;
    for (const DirectiveSpec* spec : registry_.declarations(*number)) {
        if (!config_->modules.contains(spec->module)) {
            continue;
        }
        if (!known) {
            known = Known{spec->name, false, *number};
        }
        known->acts_on_read = known->acts_on_read || any(spec->allow & Allow::ExecOnRead);
    }
    return known;
}

parser::ReadError Loader::run_on_read(parser::ConfigReader& reader, const parser::Node& directive,
                                      parser::NodeList& out)
{
    for (const DirectiveSpec* spec : registry_.find(directive.name)) {
        if (!config_->modules.contains(spec->module)) {
            continue;
        }
        Cmd cmd = htaccess_ ? *htaccess_ : server_context();
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
        const auto specs = node.catalog_number != parser::Node::kUnknown
                               ? registry_.declarations(node.catalog_number)
                               : registry_.find(node.name);
        for (const DirectiveSpec* spec : specs) {
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
            if (any(ctx.override & Allow::NonfatalUnknown)) {
                // AllowOverride Nonfatal=Unknown: skipped with a warning.
                std::string lower(node.name);
                for (char& c : lower) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                log(LogLevel::Warn, ModuleId::Core,
                    "AH02296: Unknown directive " + lower +
                        " perhaps misspelled or defined by a module not included in the server "
                        "configuration");
                continue;
            }
            return "Invalid command '" + std::string(node.name) +
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
    parser::NodeStore store;  // the tree's nodes and text, gone with this call
    parser::ConfigReader reader(read_, *this, store);
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
                                         std::string(error_at_->file()) + ":");
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

AccessFileResult Loader::read_access_file(const Config& live, std::size_t server_index,
                                          const AccessFile& file)
{
    // A private configuration: setters may note things in the server
    // configs (a <Files> section's id...), the running one stays as it is.
    config_ = std::make_shared<Config>();
    config_->sources = std::make_shared<SourceMap>();
    config_->modules = live.modules;
    config_->defines = live.defines;
    config_->server_root = live.server_root;
    auto copy = [this](const ServerConfig& s) {
        ServerConfig c = s;
        c.modules = factory_.copy_server(*s.modules);
        return c;
    };
    config_->servers.push_back(copy(live.servers.front()));
    if (server_index != 0 && server_index < live.servers.size()) {
        config_->servers.push_back(copy(live.servers[server_index]));
    }
    read_ = parser::ReadState{};
    read_.sources = config_->sources;
    read_.defines = live.defines;
    read_.server_root = live.server_root;
    read_.warn = [this](std::string_view text) { log(LogLevel::Warn, ModuleId::Core, text); };
    options_.server_root = live.server_root;
    error_at_.reset();

    AccessFileResult result;
    result.sources = config_->sources;
    // httpd creates a module's part of the file's config with the
    // directory as its path: core's Options start unset, without the
    // server level's FollowSymLinks.
    auto dir = factory_.new_htaccess_dir();

    Cmd base;
    base.loader = this;
    base.server = &config_->servers.back();
    base.dir = dir.get();
    base.path = file.dir;
    base.override = file.override;
    base.override_opts = file.override_opts;
    base.override_list = file.override_list;
    base.htaccess = true;
    htaccess_ = base;
    struct Reset {
        std::optional<Cmd>& c;
        ~Reset() { c.reset(); }
    } reset{htaccess_};

    parser::NodeStore store;
    parser::ConfigReader reader(read_, *this, store);
    parser::NodeList tree;
    if (auto err = reader.read_text(file.text, file.path, tree)) {
        result.error = std::move(err);
        return result;
    }
    Cmd ctx = base;
    if (auto err = walk(ctx, tree)) {
        result.error = std::move(err);
        return result;
    }
    result.config = std::move(dir);
    return result;
}

}  // namespace feather::directives
