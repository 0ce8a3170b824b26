// PENDING: placeholder bodies until this module's setters are written.

#include "modules/logio/logio_setters.hpp"

namespace feather::mod::logio {

Status set_log_io_track_ttfb(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::logio
