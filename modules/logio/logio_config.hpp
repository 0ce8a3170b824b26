#pragma once
// mod_logio: LogIOTrackTTFB.

#include "directives/setting.hpp"

namespace feather::mod::logio {

struct LogioDirConfig {
    Setting<bool> track_ttfb;
};

inline LogioDirConfig merge(const LogioDirConfig& base, const LogioDirConfig& add)
{
    return {merge(base.track_ttfb, add.track_ttfb)};
}

}  // namespace feather::mod::logio
