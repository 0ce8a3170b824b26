#include "modules/all_modules.hpp"

#include "modules/config_sets.hpp"
#include "modules/core/vhost_map.hpp"
#include "modules/mime/mime_types.hpp"
#include "modules/mpm/mpm_checks.hpp"

namespace feather::mod {

namespace core { extern const directives::ModuleInfo kCoreModule; }
namespace so { extern const directives::ModuleInfo kSoModule; }
namespace http { extern const directives::ModuleInfo kHttpModule; }
namespace log_config {
extern const directives::ModuleInfo kLogConfigModule;
extern const ModuleHooks kLogConfigHooks;
bool open_access_logs(const directives::Config&, ModuleStates&, PostConfigContext&, std::string&);
void flush_access_logs(ModuleStates&);
}  // namespace log_config
namespace logio { extern const directives::ModuleInfo kLogioModule; }
namespace version { extern const directives::ModuleInfo kVersionModule; }
namespace unixd { extern const directives::ModuleInfo kUnixdModule; }
namespace mpm {
extern const directives::ModuleInfo kPreforkModule;
extern const directives::ModuleInfo kWorkerModule;
extern const directives::ModuleInfo kEventModule;
}  // namespace mpm
namespace authz {
directives::Status check_authz_config(directives::Loader& loader);
extern const directives::ModuleInfo kAuthzCoreModule;
extern const directives::ModuleInfo kAuthzHostModule;
extern const directives::ModuleInfo kAccessCompatModule;
extern const ModuleHooks kAuthzCoreHooks;
extern const ModuleHooks kAccessCompatHooks;
}  // namespace authz
namespace mime {
extern const directives::ModuleInfo kMimeModule;
extern const ModuleHooks kMimeHooks;
}  // namespace mime
namespace dir {
extern const directives::ModuleInfo kDirModule;
extern const ModuleHooks kDirHooks;
}  // namespace dir
namespace negotiation {
extern const directives::ModuleInfo kNegotiationModule;
extern const ModuleHooks kNegotiationHooks;
}  // namespace negotiation
namespace status {
extern const directives::ModuleInfo kStatusModule;
extern const ModuleHooks kStatusHooks;
}  // namespace status
namespace alias {
extern const directives::ModuleInfo kAliasModule;
extern const ModuleHooks kAliasHooks;
}  // namespace alias

namespace {

const directives::ModuleInfo* const kModules[] = {
    &core::kCoreModule,     &so::kSoModule,           &http::kHttpModule,
    &log_config::kLogConfigModule, &logio::kLogioModule, &version::kVersionModule,
    &unixd::kUnixdModule,   &mpm::kPreforkModule,     &mpm::kWorkerModule,
    &mpm::kEventModule,     &authz::kAuthzCoreModule, &authz::kAuthzHostModule,
    &authz::kAccessCompatModule, &mime::kMimeModule,  &dir::kDirModule,
    &negotiation::kNegotiationModule, &status::kStatusModule, &alias::kAliasModule,
};

std::shared_ptr<ServerConfigSet> new_server() { return std::make_shared<ServerConfigSet>(); }
std::shared_ptr<DirConfigSet> new_dir() { return std::make_shared<DirConfigSet>(); }
std::shared_ptr<DirConfigSet> new_empty_dir()
{
    return std::make_shared<DirConfigSet>(DirConfigSet::none());
}
std::shared_ptr<ServerConfigSet> merge_server(const ServerConfigSet& main,
                                              const ServerConfigSet& vhost)
{
    return std::make_shared<ServerConfigSet>(merge(main, vhost));
}
std::shared_ptr<DirConfigSet> merge_dir(const DirConfigSet& main, const DirConfigSet& vhost)
{
    return std::make_shared<DirConfigSet>(merge(main, vhost));
}
// An .htaccess file's set: like httpd's, it holds a module's part only once
// one of that module's directives appears. A core part made then starts
// with Options unset (its FollowSymLinks bit is not read while unset).
std::shared_ptr<DirConfigSet> new_htaccess_dir() { return new_empty_dir(); }
std::shared_ptr<ServerConfigSet> copy_server(const ServerConfigSet& server)
{
    return std::make_shared<ServerConfigSet>(server);
}

// httpd's ap_fini_vhost_config, once per generation: the address groups and
// the names of servers without ServerName (the notices were printed when the
// configuration was first checked).
bool build_virtual_hosts(const directives::Config& config, ModuleStates& states, PostConfigContext&,
                         std::string&)
{
    std::vector<core::VhostNotice> notices;
    states.vhosts = std::make_shared<const core::VhostMap>(
        core::build_vhost_map(config, core::system_host_lookup("feather"), notices));
    return true;
}

}  // namespace

std::span<const directives::ModuleInfo* const> all_modules() { return kModules; }

const directives::Registry& registry()
{
    static const directives::Registry r(kModules);
    return r;
}

directives::ConfigFactory config_factory()
{
    return {&new_server, &new_dir, &new_empty_dir, &merge_server, &merge_dir, &new_htaccess_dir,
            &copy_server};
}

std::vector<directives::ConfigCheck> config_checks()
{
    return {&mpm::check_mpm_limits, &authz::check_authz_config};
}

namespace {
const PostConfig kPostConfig[] = {
    &build_virtual_hosts,
    &log_config::open_access_logs,
    &mime::load_types_config,
};
const ChildStep kChildExit[] = {
    &log_config::flush_access_logs,
};
}  // namespace

std::span<const ModuleHooks> all_module_hooks()
{
    // Built on first use: the tables live in other translation units. In
    // httpd's module order: the hook table sorts by rank, then by this order.
    static const std::vector<ModuleHooks> hooks = {
        authz::kAuthzCoreHooks,
        authz::kAccessCompatHooks,
        log_config::kLogConfigHooks,
        mime::kMimeHooks,
        dir::kDirHooks,
        negotiation::kNegotiationHooks,
        alias::kAliasHooks,
        status::kStatusHooks,
    };
    return hooks;
}

std::span<const PostConfig> post_config_steps() { return kPostConfig; }

std::span<const ChildStep> child_init_steps() { return {}; }

std::span<const ChildStep> child_exit_steps() { return kChildExit; }

}  // namespace feather::mod
