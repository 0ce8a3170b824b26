#pragma once
// Setters of dir_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::dir {

Status set_fallback_resource(Cmd& cmd, const Args& args);
Status set_directory_index(Cmd& cmd, const Args& args);
Status set_directory_slash(Cmd& cmd, const Args& args);
Status set_directory_check_handler(Cmd& cmd, const Args& args);
Status set_directory_index_redirect(Cmd& cmd, const Args& args);

}  // namespace feather::mod::dir
