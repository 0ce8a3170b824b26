// PENDING: placeholder bodies until this module's setters are written.

#include "modules/unixd/unixd_setters.hpp"

namespace feather::mod::unixd {

Status set_user(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_group(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_chroot_dir(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_suexec(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::unixd
