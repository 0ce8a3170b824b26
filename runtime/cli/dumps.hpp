#pragma once
// The listings httpd prints for -v, -V, -l, -L, -M, -S and the -D DUMP_*
// defines, in httpd's exact layout (tools such as certbot parse them). Each
// returns the text; the caller writes it to stdout.

#include <optional>
#include <string>
#include <vector>

#include "directives/config.hpp"
#include "directives/registry.hpp"
#include "modules/core/vhost_map.hpp"
#include "parser/config_reader.hpp"

namespace feather::runtime {

// -v (server/main.c).
std::string version_text();
// -V (show_compile_settings): `mpm` is the MPM the configuration loaded, if
// it got that far.
std::string compile_settings_text(std::optional<ModuleId> mpm);
// -l (ap_show_modules): every module Feather has.
std::string compiled_modules_text();
// -L (ap_show_directives): the directives of the loaded modules, in load order.
std::string directives_text(const directives::Registry& registry,
                            const directives::ModuleSet& modules);
// The "Allowed in ..." line(s) of one row (httpd's show_overrides).
std::string allowed_in_text(const directives::DirectiveSpec& spec, bool module_has_dir_config);
// DUMP_INCLUDES (ap_process_resource_config's dump_config_name), after the
// "Included configuration files:" header.
std::string included_files_text(const std::vector<parser::IncludedFile>& files);
// DUMP_VHOSTS (server/vhost.c dump_vhost_config).
std::string vhosts_text(const directives::Config& config, const mod::core::VhostMap& map);
// DUMP_MODULES (mod_so's dump_loaded_modules).
std::string loaded_modules_text(const directives::Registry& registry,
                                const directives::ModuleSet& modules);

// What DUMP_RUN_CFG reads besides the configuration.
struct RunCfgFacts {
    bool root = true;  // running as root: otherwise User/Group are "not_used"
};
// DUMP_RUN_CFG: core's core_dump_config, then mod_unixd's unixd_dump_config.
std::string run_cfg_text(const directives::Config& config, const RunCfgFacts& facts);

}  // namespace feather::runtime
