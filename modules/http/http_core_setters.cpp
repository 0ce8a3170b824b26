// PENDING: placeholder bodies until this module's setters are written.

#include "modules/http/http_core_setters.hpp"

namespace feather::mod::http {

Status set_keep_alive_timeout(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_max_keep_alive_requests(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_keep_alive(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::http
