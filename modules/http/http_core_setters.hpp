#pragma once
// Setters of http_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::http {

Status set_keep_alive_timeout(Cmd& cmd, const Args& args);
Status set_max_keep_alive_requests(Cmd& cmd, const Args& args);
Status set_keep_alive(Cmd& cmd, const Args& args);

}  // namespace feather::mod::http
