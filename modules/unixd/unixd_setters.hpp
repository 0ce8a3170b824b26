#pragma once
// Setters of unixd_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::unixd {

Status set_user(Cmd& cmd, const Args& args);
Status set_group(Cmd& cmd, const Args& args);
Status set_chroot_dir(Cmd& cmd, const Args& args);
Status set_suexec(Cmd& cmd, const Args& args);

}  // namespace feather::mod::unixd
