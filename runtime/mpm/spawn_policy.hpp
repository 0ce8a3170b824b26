#pragma once
// The once-a-second decision of how many children to start or retire, as
// httpd's perform_idle_server_maintenance does it: pure functions of a
// scoreboard snapshot, so they can be tested without processes.
//   prefork: count idle children; above MaxSpareServers retire one; below
//   MinSpareServers start 1, then 2, 4, ... up to 32 a second while still
//   short, logging "server seems busy" from 8 on, and "reached
//   MaxRequestWorkers" once when no slot is free.
//   worker: the same on idle threads with MinSpareThreads/MaxSpareThreads.

#include <optional>
#include <string>
#include <vector>

#include "directives/log_level.hpp"
#include "runtime/mpm/mpm_params.hpp"
#include "runtime/scoreboard/layout.hpp"

namespace feather::runtime {

inline constexpr int kMaxSpawnRate = 32;

// What the master remembers between two maintenance passes.
struct SpawnState {
    int idle_spawn_rate = 1;
    int hold_off_exponential = 0;  // set after a graceful restart
    bool max_workers_reported = false;
    bool near_max_workers_reported = false;
};

// One process slot as the master sees it.
struct SlotView {
    bool has_process = false;      // a child runs in this slot
    bool quiescing = false;        // it is going away
    bool current_generation = true;
    std::vector<WorkerStatus> threads;  // one per thread (prefork: one)
};

struct SpawnDecision {
    std::vector<int> start_in;              // slots to start a child in
    std::optional<int> retire;              // slot of an idle child to retire gracefully
    std::vector<std::pair<LogLevel, std::string>> log;
};

SpawnDecision decide_prefork(const std::vector<SlotView>& slots, const MpmParams& params, SpawnState& state);
SpawnDecision decide_worker(const std::vector<SlotView>& slots, const MpmParams& params, SpawnState& state);

}  // namespace feather::runtime
