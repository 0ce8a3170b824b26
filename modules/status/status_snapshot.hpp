#pragma once
// A copy of the scoreboard taken once per status request (httpd's
// ap_copy_scoreboard_worker), so the page is rendered from plain values
// and the renderers can be tested with hand-built scoreboards.
//
// Everything here was written by the children, which are less trusted than
// the reader: texts are bounded by their fixed slots and read under the
// slot's sequence counter, unknown status bytes become '?', and a pid is
// only ever displayed.

#include <cstdint>
#include <string>
#include <vector>

#include "modules/request/scoreboard_layout.hpp"

namespace feather::mod::status {

struct WorkerView {
    std::uint8_t status = 0;      // WorkerStatus, possibly out of range
    std::int32_t pid = 0;
    std::uint32_t generation = 0;
    std::uint32_t conn_count = 0;
    std::uint64_t conn_bytes = 0;
    std::uint64_t access_count = 0;
    std::uint64_t bytes_served = 0;
    std::uint64_t my_access_count = 0;
    std::uint64_t my_bytes_served = 0;
    std::int64_t start_time_us = 0;
    std::int64_t stop_time_us = 0;
    std::int64_t last_used_us = 0;
    std::int64_t duration_us = 0;
    std::uint64_t cpu_user_ticks = 0;
    std::uint64_t cpu_system_ticks = 0;
    std::string client;
    std::string request;
    std::string vhost;
    std::string protocol;
};

struct ProcessView {
    std::int32_t pid = 0;
    std::uint32_t generation = 0;
    bool quiescing = false;
};

struct Snapshot {
    int server_limit = 0;
    int thread_limit = 0;
    std::int64_t restart_time_us = 0;
    std::uint32_t config_generation = 0;  // restarts so far (httpd counts loads: this + 1)
    std::vector<ProcessView> processes;   // server_limit
    std::vector<WorkerView> workers;      // server_limit * thread_limit, process-major

    const WorkerView& worker(int process, int thread) const
    {
        return workers[static_cast<std::size_t>(process * thread_limit + thread)];
    }
};

// Copies the scoreboard; the texts only when `with_texts` (ExtendedStatus).
// `thread_columns` limits the worker slots taken per process: httpd's
// scoreboard has one per process under prefork (its hard thread limit is 1)
// where Feather's keeps ThreadLimit columns for every MPM.
Snapshot take_snapshot(const ScoreboardView& view, bool with_texts, int thread_columns);

}  // namespace feather::mod::status
