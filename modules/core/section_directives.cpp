// PENDING: placeholder bodies until these setters are written.

#include "modules/core/core_setters.hpp"

namespace feather::mod::core {

Status section_directory(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_location(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_virtual_host(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_files(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_limit(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_limit_except(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_directory_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_location_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_files_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_if(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_else_if(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status section_else(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_access_file_name(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_allow_override(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_allow_override_list(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_options(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::core
