// PENDING: placeholder bodies until this module's setters are written.

#include "modules/dir/dir_setters.hpp"

namespace feather::mod::dir {

Status set_fallback_resource(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_directory_index(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_directory_slash(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_directory_check_handler(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_directory_index_redirect(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::dir
