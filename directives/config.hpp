#pragma once
// A loaded configuration: immutable once load_config returns it.
//
// Each module's typed configs live in two sets defined by the modules
// library (modules/config_sets.hpp): ServerConfigSet (per server) and
// DirConfigSet (per directory section). This layer only carries them.

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "directives/registry.hpp"
#include "parser/config_reader.hpp"
#include "parser/defines.hpp"
#include "parser/source_loc.hpp"

namespace feather {
struct ServerConfigSet;
struct DirConfigSet;
}  // namespace feather

namespace feather::directives {

// One server: the main server first, then one per <VirtualHost>.
struct ServerConfig {
    bool is_virtual = false;
    SourceLoc defined_at;                         // the <VirtualHost> line
    std::shared_ptr<ServerConfigSet> modules;     // each module's per-server config
    std::shared_ptr<DirConfigSet> defaults;       // per-directory settings given at server level
};

// How the modules library makes and merges its config sets (this layer
// cannot: it does not know their types). The merges take the main server's
// set as base and a virtual host's as the more specific one.
struct ConfigFactory {
    std::shared_ptr<ServerConfigSet> (*new_server)();
    std::shared_ptr<DirConfigSet> (*new_dir)();        // every module's defaults
    std::shared_ptr<DirConfigSet> (*new_empty_dir)();  // no module's yet (ap_create_per_dir_config)
    std::shared_ptr<ServerConfigSet> (*merge_server)(const ServerConfigSet& main,
                                                     const ServerConfigSet& vhost);
    std::shared_ptr<DirConfigSet> (*merge_dir)(const DirConfigSet& main, const DirConfigSet& vhost);
    // An .htaccess file's set: no module's yet, core's Options unset.
    std::shared_ptr<DirConfigSet> (*new_htaccess_dir)();
    // A private copy, for an .htaccess file read at run time.
    std::shared_ptr<ServerConfigSet> (*copy_server)(const ServerConfigSet& server);
};

struct Config {
    std::shared_ptr<SourceMap> sources;
    ModuleSet modules;
    parser::Defines defines;
    std::string server_root;
    std::deque<ServerConfig> servers;  // servers[0] is the main server
    std::vector<parser::IncludedFile> included;

    const ServerConfig& main_server() const { return servers.front(); }
};

}  // namespace feather::directives
