#include "runtime/mpm/mpm_params.hpp"

#include <algorithm>

#include "modules/config_sets.hpp"

namespace feather::runtime {

namespace {

constexpr int kPreforkMaxServerLimit = 200000;
constexpr int kWorkerMaxServerLimit = 20000;
constexpr int kWorkerMaxThreadLimit = 20000;

}  // namespace

MpmParams effective_mpm_params(const directives::Config& config, const MpmParams* previous,
                               const std::function<void(std::string)>& warn)
{
    const auto& mpm = get<mod::mpm::MpmConfig>(*config.main_server().modules);
    const auto& core = get<mod::core::CoreServerConfig>(*config.main_server().modules);
    MpmParams p;
    p.max_connections_per_child = core.max_connections_per_child.get_or(0);
    p.graceful_shutdown_timeout = mpm.graceful_shutdown_timeout.get_or(0);

    if (config.modules.contains(ModuleId::MpmWorker)) {
        p.kind = MpmKind::Worker;
        p.server_limit = std::clamp(mpm.server_limit.get_or(16), 1, kWorkerMaxServerLimit);
        p.thread_limit = std::clamp(mpm.thread_limit.get_or(64), 1, kWorkerMaxThreadLimit);
        if (previous != nullptr && previous->kind == MpmKind::Worker) {
            if (p.server_limit != previous->server_limit) {
                warn("AH00294: changing ServerLimit to " + std::to_string(p.server_limit) +
                     " from original value of " + std::to_string(previous->server_limit) +
                     " not allowed during restart");
                p.server_limit = previous->server_limit;
            }
            if (p.thread_limit != previous->thread_limit) {
                warn("AH00298: changing ThreadLimit to " + std::to_string(p.thread_limit) +
                     " from original value of " + std::to_string(previous->thread_limit) +
                     " not allowed during restart");
                p.thread_limit = previous->thread_limit;
            }
        }
        p.threads_per_child = std::clamp(mpm.threads_per_child.get_or(25), 1, p.thread_limit);
        p.max_request_workers = std::max(mpm.max_request_workers.get_or(p.server_limit * p.threads_per_child),
                                         p.threads_per_child);
        p.daemons_limit = std::min(p.max_request_workers / p.threads_per_child, p.server_limit);
        p.max_request_workers = p.daemons_limit * p.threads_per_child;
        p.start_servers = std::clamp(mpm.start_servers.get_or(3), 1, p.daemons_limit);
        p.min_spare = std::max(mpm.min_spare_threads.get_or(75), 1);
        p.max_spare = mpm.max_spare_threads.get_or(250);
        // worker_run: MaxSpareThreads below MinSpareThreads + ThreadsPerChild
        // would make the server kill and fork children in a loop.
        p.max_spare = std::max(p.max_spare, p.min_spare + p.threads_per_child);
    } else {
        p.kind = MpmKind::Prefork;
        p.thread_limit = 1;
        p.threads_per_child = 1;
        p.server_limit = std::clamp(mpm.server_limit.get_or(256), 1, kPreforkMaxServerLimit);
        if (previous != nullptr && previous->kind == MpmKind::Prefork && p.server_limit != previous->server_limit) {
            warn("AH00179: changing ServerLimit to " + std::to_string(p.server_limit) +
                 " from original value of " + std::to_string(previous->server_limit) +
                 " not allowed during restart");
            p.server_limit = previous->server_limit;
        }
        p.daemons_limit = std::clamp(mpm.max_request_workers.get_or(256), 1, p.server_limit);
        p.max_request_workers = p.daemons_limit;
        p.start_servers = std::clamp(mpm.start_servers.get_or(5), 1, p.daemons_limit);
        p.min_spare = std::max(mpm.min_spare_servers.get_or(5), 1);
        // prefork_run: MaxSpareServers is at least MinSpareServers + 1.
        p.max_spare = std::max(mpm.max_spare_servers.get_or(10), p.min_spare + 1);
    }
    return p;
}

}  // namespace feather::runtime
