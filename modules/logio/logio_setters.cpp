// mod_logio's directive: LogIOTrackTTFB.

#include "modules/logio/logio_config.hpp"
#include "modules/logio/logio_setters.hpp"

namespace feather::mod::logio {

Status set_log_io_track_ttfb(Cmd& cmd, const Args& args)
{
    dir_conf<LogioDirConfig>(cmd).track_ttfb.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::logio
