// DUMP_RUN_CFG (-S): httpd's core_dump_config (server/core.c) with
// ap_dump_mutexes (server/util_mutex.c) and ap_mpm_dump_pidfile, then
// mod_unixd's unixd_dump_config.

#include <fmt/format.h>

#include "modules/config_sets.hpp"
#include "modules/core/core_config.hpp"
#include "modules/unixd/unixd_config.hpp"
#include "runtime/build_info.hpp"
#include "runtime/cli/dumps.hpp"

namespace feather::runtime {

namespace {

using mod::core::CoreServerConfig;
using mod::core::MutexSetting;

// ap_server_root_relative: a trailing '/' survives, as with apr_filepath_merge.
std::string root_relative(const std::string& root, const std::string& path)
{
    std::string out = parser::merge_path(root, path);
    if (!path.empty() && path.back() == '/' && out.back() != '/') {
        out += '/';
    }
    return out;
}

// httpd's mutex_cfg_t as the dump reads it; view_of adapts what the Mutex
// setter stores.
struct MutexView {
    bool none = false;
    std::string mechanism = "default";  // httpd's name of the APR mechanism
    std::optional<std::string> dir;     // as configured; nullopt: none given
    bool omit_pid = false;
};

MutexView view_of(const MutexSetting& m)
{
    MutexView v;
    v.none = m.none;
    switch (m.mechanism) {
    case mod::core::MutexMechanism::Default: v.mechanism = "default"; break;
    case mod::core::MutexMechanism::Fcntl: v.mechanism = "fcntl"; break;
    case mod::core::MutexMechanism::Flock: v.mechanism = "flock"; break;
    case mod::core::MutexMechanism::PosixSem: v.mechanism = "posixsem"; break;
    case mod::core::MutexMechanism::SysvSem: v.mechanism = "sysvsem"; break;
    case mod::core::MutexMechanism::Pthread: v.mechanism = "pthread"; break;
    }
    v.dir = m.directory;
    v.omit_pid = m.omit_pid;
    return v;
}

// Feather's accept mutexes default to pthread (APR_LOCK_DEFAULT is
// proc_pthread on Linux), which needs no file.
bool needs_file(const MutexView& m) { return m.mechanism == "fcntl" || m.mechanism == "flock"; }

// The mutex types registered by the loaded modules: "default" (core) and
// "mpm-accept" (the MPM). httpd lists them in hash-table order, which is
// random per run; Feather keeps this order.
std::vector<std::string> mutex_types(const directives::Config& config)
{
    std::vector<std::string> types = {"default"};
    if (config.modules.contains(ModuleId::MpmPrefork) ||
        config.modules.contains(ModuleId::MpmWorker)) {
        types.emplace_back("mpm-accept");
    }
    return types;
}

// ap_dump_mutexes: each type's effective setting (mxcfg_lookup), or
// "using_defaults" when that is the "default" one unchanged.
void dump_mutexes(std::string& s, const directives::Config& config, const CoreServerConfig& core)
{
    const std::string runtime_dir =
        root_relative(config.server_root, core.runtime_dir.get_or(build::kDefaultRuntimeDir));
    MutexView defcfg;
    defcfg.dir = runtime_dir.back() == '/' ? runtime_dir : runtime_dir + "/";
    const auto def_it = core.mutexes.find("default");
    const bool def_set = def_it != core.mutexes.end();
    if (def_set) {
        const MutexView d = view_of(def_it->second);
        defcfg.none = d.none;
        defcfg.mechanism = d.mechanism;
        defcfg.omit_pid = d.omit_pid;
        if (d.dir) {
            defcfg.dir = d.dir;
        }
    }
    for (const std::string& type : mutex_types(config)) {
        MutexView m;
        bool is_default = true;
        if (type == "default") {
            m = defcfg;
        } else if (const auto it = core.mutexes.find(type); it != core.mutexes.end()) {
            m = view_of(it->second);
            is_default = false;
            // A file-based mechanism without a directory takes the default's.
            if (!m.none && needs_file(m) && !m.dir) {
                m.dir = defcfg.dir;
            }
        }
        if (is_default && type != "default") {
            s += fmt::format("Mutex {}: using_defaults\n", type);
            continue;
        }
        if (m.none) {
            s += fmt::format("Mutex {}: none\n", type);
            continue;
        }
        const std::string dir = m.dir ? root_relative(config.server_root, *m.dir) : std::string();
        s += fmt::format("Mutex {}: dir=\"{}\" mechanism={} {}\n", type, dir, m.mechanism,
                         m.omit_pid ? "[OmitPid]" : "");
    }
}

// s->error_fname as core_dump_config shows it: a file relative to
// ServerRoot, a pipe or syslog as written.
std::string error_log_shown(const directives::Config& config, const CoreServerConfig& core)
{
    const std::string spec = core.error_log.is_set() ? core.error_log.value->raw : std::string(build::kDefaultErrorLog);
    if (spec.starts_with('|') || spec == "syslog" || spec.starts_with("syslog:")) {
        return spec;
    }
    return root_relative(config.server_root, spec);
}

}  // namespace

std::string run_cfg_text(const directives::Config& config, const RunCfgFacts& facts)
{
    const auto& core = get<CoreServerConfig>(*config.main_server().modules);
    std::string s;
    s += fmt::format("ServerRoot: \"{}\"\n", config.server_root);
    s += fmt::format(
        "Main DocumentRoot: \"{}\"\n",
        root_relative(config.server_root, core.document_root.get_or(build::kDefaultDocumentRoot)));
    s += fmt::format("Main ErrorLog: \"{}\"\n", error_log_shown(config, core));
    if (core.scoreboard_file.is_set()) {
        s += fmt::format("ScoreBoardFile: \"{}\"\n",
                         root_relative(config.server_root, *core.scoreboard_file.value));
    }
    dump_mutexes(s, config, core);
    s +=
        fmt::format("PidFile: \"{}\"\n",
                    root_relative(config.server_root, core.pid_file.get_or(build::kDefaultPidLog)));
    for (const std::string& name : config.defines.names()) {
        if (const auto value = config.defines.value(name)) {
            s += fmt::format("Define: {}={}\n", name, *value);
        } else {
            s += fmt::format("Define: {}\n", name);
        }
    }

    // mod_unixd: User/Group default to httpd's "#-1" (uid -1).
    const auto& unixd = get<mod::unixd::UnixdConfig>(*config.main_server().modules);
    const char* not_used = facts.root ? "" : " not_used";
    s += fmt::format("User: name=\"{}\" id={}{}\n", unixd.user_name.get_or("#-1"),
                     static_cast<unsigned long>(unixd.user_id.get_or(static_cast<uid_t>(-1))),
                     not_used);
    s += fmt::format("Group: name=\"{}\" id={}{}\n", unixd.group_name.get_or("#-1"),
                     static_cast<unsigned long>(unixd.group_id.get_or(static_cast<gid_t>(-1))),
                     not_used);
    if (unixd.chroot_dir.is_set()) {
        s += fmt::format("ChrootDir: \"{}\"{}\n", *unixd.chroot_dir.value, not_used);
    }
    return s;
}

}  // namespace feather::runtime
