#pragma once
// The process model's numbers after httpd's defaults and limits: what
// prefork_check_config / worker_check_config and *_run leave in effect.

#include <cstdint>
#include <functional>
#include <string>

#include "directives/config.hpp"

namespace feather::runtime {

enum class MpmKind { Prefork, Worker };

struct MpmParams {
    MpmKind kind = MpmKind::Prefork;
    int server_limit = 256;           // processes the scoreboard holds
    int thread_limit = 1;             // worker slots per process in the scoreboard
    int threads_per_child = 1;
    int start_servers = 5;            // processes started at once
    int min_spare = 5;                // prefork: idle processes; worker: idle threads
    int max_spare = 10;
    int daemons_limit = 256;          // processes alive at most (prefork: MaxRequestWorkers)
    int max_request_workers = 256;    // worker: threads alive at most
    std::uint64_t max_connections_per_child = 0;  // 0: unlimited
    int graceful_shutdown_timeout = 0;            // seconds, 0: wait for ever
};

// `previous` (restart): ServerLimit and ThreadLimit cannot change while the
// server runs; the old values are kept, with httpd's warning.
MpmParams effective_mpm_params(const directives::Config& config, const MpmParams* previous,
                               const std::function<void(std::string)>& warn);

}  // namespace feather::runtime
