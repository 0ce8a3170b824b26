#pragma once
// The process model's configuration (prefork, worker): listeners, process
// and thread counts. Only the main server holds these.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::mpm {

struct ListenAddr {
    std::string host;        // empty: all addresses
    std::uint16_t port = 0;
    std::string protocol;    // "http" unless given
    SourceLoc loc;
};

struct MpmConfig {
    std::vector<ListenAddr> listeners;
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
    Setting<int> max_request_workers;
    Setting<int> server_limit;
    Setting<int> threads_per_child;
    Setting<int> thread_limit;
    Setting<int> graceful_shutdown_timeout;
};

// MPM settings exist once, on the main server: nothing to merge.
inline MpmConfig merge(const MpmConfig& base, const MpmConfig& /*add*/) { return base; }

}  // namespace feather::mod::mpm
