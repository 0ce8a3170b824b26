#pragma once
// Setters of logio_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::logio {

Status set_log_io_track_ttfb(Cmd& cmd, const Args& args);

}  // namespace feather::mod::logio
