#pragma once
// The scoreboard layout is shared with the modules (mod_status reads it).

#include "modules/request/scoreboard_layout.hpp"

namespace feather::runtime {

using feather::GlobalScore;
using feather::ProcessScore;
using feather::ScoreboardView;
using feather::SharedText;
using feather::WorkerScore;
using feather::WorkerStatus;

}  // namespace feather::runtime
