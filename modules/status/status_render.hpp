#pragma once
// mod_status's report (status_handler's output), from a scoreboard
// snapshot and what the request knows: the HTML page, its ?notable form,
// and the ?auto text for programs.

#include <cstdint>
#include <string>

#include "modules/request/scoreboard_layout.hpp"
#include "modules/status/status_snapshot.hpp"

namespace feather::mod::status {

struct PageFacts {
    std::string server_name;       // ap_get_server_name(r), unescaped
    std::string local_ip;          // the connection's local address
    ServerFacts server;            // version, MPM, built, limits, MPM generation
    std::int64_t now_us = 0;
    float load[3] = {0, 0, 0};     // 1, 5 and 15 minute load averages
    bool extended = false;         // ExtendedStatus
    float ticks_per_second = 100;  // sysconf(_SC_CLK_TCK)
    std::string signature;         // ap_psignature("<hr />\n", r)
};

struct PageOptions {
    bool short_report = false;  // ?auto
    bool no_table = false;      // ?notable
};

std::string render_status(const Snapshot& sb, const PageFacts& facts, const PageOptions& options);

// The per-worker part of the extended report (table or list).
std::string render_workers(const Snapshot& sb, const PageFacts& facts, bool no_table);

}  // namespace feather::mod::status
