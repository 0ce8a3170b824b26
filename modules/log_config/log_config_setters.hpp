#pragma once
// Setters of log_config_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::log_config {

Status set_custom_log(Cmd& cmd, const Args& args);
Status set_global_log(Cmd& cmd, const Args& args);
Status set_transfer_log(Cmd& cmd, const Args& args);
Status set_log_format(Cmd& cmd, const Args& args);
Status set_buffered_logs(Cmd& cmd, const Args& args);

}  // namespace feather::mod::log_config
