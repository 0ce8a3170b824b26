#pragma once
// Setters of alias_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::alias {

Status set_alias(Cmd& cmd, const Args& args);
Status set_script_alias(Cmd& cmd, const Args& args);
Status set_redirect(Cmd& cmd, const Args& args);
Status set_alias_match(Cmd& cmd, const Args& args);
Status set_script_alias_match(Cmd& cmd, const Args& args);
Status set_redirect_match(Cmd& cmd, const Args& args);
Status set_redirect_temp(Cmd& cmd, const Args& args);
Status set_redirect_permanent(Cmd& cmd, const Args& args);
Status set_redirect_relative(Cmd& cmd, const Args& args);
Status set_alias_preserve_path(Cmd& cmd, const Args& args);

}  // namespace feather::mod::alias
