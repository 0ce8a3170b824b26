// PENDING: placeholder bodies until this module's setters are written.

#include "modules/alias/alias_setters.hpp"

namespace feather::mod::alias {

Status set_alias(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_script_alias(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_redirect(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_alias_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_script_alias_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_redirect_match(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_redirect_temp(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_redirect_permanent(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_redirect_relative(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_alias_preserve_path(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::alias
