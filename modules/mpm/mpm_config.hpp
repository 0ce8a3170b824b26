#pragma once
// The process model's configuration (prefork, worker): listeners, process
// and thread counts. Only the main server holds these (GLOBAL_ONLY).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::mpm {

struct ListenAddr {
    std::string host;      // as written; empty: all addresses (none given, or "*")
    std::string scope_id;  // IPv6 zone of "[fe80::1%eth0]:80"
    std::uint16_t port = 0;
    std::string protocol;  // lower-cased; when not given "https" for 443, else "http"
    SourceLoc loc;
};

// The counts the MPM runs with, after its check_config hook has clamped the
// configured ones (and warned about it).
struct MpmLimits {
    int start_servers = 0;
    int min_spare = 0;  // prefork: servers; worker: threads
    int max_spare = 0;  // prefork: servers; worker: threads
    int server_limit = 0;
    int max_request_workers = 0;  // prefork: processes; worker: threads
    int thread_limit = 0;         // worker only
    int threads_per_child = 0;    // worker only
    int daemons_limit = 0;        // processes at most
};

struct MpmConfig {
    std::vector<ListenAddr> listeners;
    // As configured (atoi); unset: the MPM's default.
    Setting<int> listen_backlog;
    Setting<int> listen_cores_buckets_ratio;
    Setting<int> send_buffer_size;
    Setting<int> receive_buffer_size;
    Setting<int> listen_tcp_defer_accept;
    Setting<int> start_servers;
    Setting<int> min_spare_servers;
    Setting<int> max_spare_servers;
    Setting<int> min_spare_threads;
    Setting<int> max_spare_threads;
    Setting<int> max_request_workers;  // MaxRequestWorkers / MaxClients
    Setting<int> server_limit;
    Setting<int> threads_per_child;
    Setting<int> thread_limit;
    Setting<int> graceful_shutdown_timeout;  // seconds
    std::optional<MpmLimits> limits;         // set by check_mpm_limits
};

// MPM settings exist once, on the main server: nothing to merge.
inline MpmConfig merge(const MpmConfig& base, const MpmConfig& /*add*/) { return base; }

}  // namespace feather::mod::mpm
