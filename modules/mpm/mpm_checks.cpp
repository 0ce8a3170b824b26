// prefork_check_config and worker_check_config: the configured counts
// clamped into range, each change announced with httpd's startup warning.

#include "modules/mpm/mpm_checks.hpp"

#include <string>

#include "modules/config_sets.hpp"
#include "modules/mpm/mpm_config.hpp"

namespace feather::mod::mpm {

namespace {

using directives::Loader;

constexpr int kPreforkDefaultStart = 5;
constexpr int kPreforkDefaultMinFree = 5;
constexpr int kPreforkDefaultMaxFree = 10;
constexpr int kPreforkDefaultServerLimit = 256;
constexpr int kPreforkMaxServerLimit = 200000;

constexpr int kWorkerDefaultStart = 3;
constexpr int kWorkerDefaultMinFree = 3;
constexpr int kWorkerDefaultMaxFree = 10;
constexpr int kWorkerDefaultThreadsPerChild = 25;
constexpr int kWorkerDefaultServerLimit = 16;
constexpr int kWorkerDefaultThreadLimit = 64;
constexpr int kWorkerMaxServerLimit = 20000;
constexpr int kWorkerMaxThreadLimit = 20000;

struct Warner {
    Loader& loader;
    ModuleId module;
    void operator()(const std::string& text) const { loader.log(LogLevel::Warn, module, text, true); }
};

std::string n(int v) { return std::to_string(v); }

MpmLimits prefork_limits(const MpmConfig& c, const Warner& warn)
{
    MpmLimits l;
    l.start_servers = c.start_servers.get_or(kPreforkDefaultStart);
    l.min_spare = c.min_spare_servers.get_or(kPreforkDefaultMinFree);
    l.max_spare = c.max_spare_servers.get_or(kPreforkDefaultMaxFree);
    l.server_limit = c.server_limit.get_or(kPreforkDefaultServerLimit);
    // The default MaxRequestWorkers is the default ServerLimit, whatever
    // ServerLimit says (prefork_pre_config sets it before reading).
    l.max_request_workers = c.max_request_workers.get_or(kPreforkDefaultServerLimit);

    if (l.server_limit > kPreforkMaxServerLimit) {
        warn("AH00175: WARNING: ServerLimit of " + n(l.server_limit) +
             " exceeds compile-time limit of " + n(kPreforkMaxServerLimit) +
             " servers, decreasing to " + n(kPreforkMaxServerLimit) + ".");
        l.server_limit = kPreforkMaxServerLimit;
    } else if (l.server_limit < 1) {
        warn("AH00177: WARNING: ServerLimit of " + n(l.server_limit) +
             " not allowed, increasing to 1.");
        l.server_limit = 1;
    }
    if (l.max_request_workers > l.server_limit) {
        warn("AH00180: WARNING: MaxRequestWorkers of " + n(l.max_request_workers) +
             " exceeds ServerLimit value of " + n(l.server_limit) +
             " servers, decreasing MaxRequestWorkers to " + n(l.server_limit) +
             ". To increase, please see the ServerLimit directive.");
        l.max_request_workers = l.server_limit;
    } else if (l.max_request_workers < 1) {
        warn("AH00182: WARNING: MaxRequestWorkers of " + n(l.max_request_workers) +
             " not allowed, increasing to 1.");
        l.max_request_workers = 1;
    }
    if (l.start_servers < 1) {
        warn("AH00184: WARNING: StartServers of " + n(l.start_servers) +
             " not allowed, increasing to 1.");
        l.start_servers = 1;
    }
    if (l.min_spare < 1) {
        warn(
            "AH00186: WARNING: MinSpareServers of " + n(l.min_spare) +
            " not allowed, increasing to 1 to avoid almost certain server failure. Please read the "
            "documentation.");
        l.min_spare = 1;
    }
    l.daemons_limit = l.max_request_workers;
    return l;
}

MpmLimits worker_limits(const MpmConfig& c, const Warner& warn)
{
    MpmLimits l;
    l.start_servers = c.start_servers.get_or(kWorkerDefaultStart);
    l.min_spare = c.min_spare_threads.get_or(kWorkerDefaultMinFree * kWorkerDefaultThreadsPerChild);
    l.max_spare = c.max_spare_threads.get_or(kWorkerDefaultMaxFree * kWorkerDefaultThreadsPerChild);
    l.server_limit = c.server_limit.get_or(kWorkerDefaultServerLimit);
    l.thread_limit = c.thread_limit.get_or(kWorkerDefaultThreadLimit);
    l.threads_per_child = c.threads_per_child.get_or(kWorkerDefaultThreadsPerChild);
    l.max_request_workers =
        c.max_request_workers.get_or(kWorkerDefaultServerLimit * kWorkerDefaultThreadsPerChild);

    if (l.server_limit > kWorkerMaxServerLimit) {
        warn("AH00300: WARNING: ServerLimit of " + n(l.server_limit) +
             " exceeds compile-time limit of " + n(kWorkerMaxServerLimit) +
             " servers, decreasing to " + n(kWorkerMaxServerLimit) + ".");
        l.server_limit = kWorkerMaxServerLimit;
    } else if (l.server_limit < 1) {
        warn("AH00302: WARNING: ServerLimit of " + n(l.server_limit) +
             " not allowed, increasing to 1.");
        l.server_limit = 1;
    }
    if (l.thread_limit > kWorkerMaxThreadLimit) {
        warn("AH00305: WARNING: ThreadLimit of " + n(l.thread_limit) +
             " exceeds compile-time limit of " + n(kWorkerMaxThreadLimit) +
             " threads, decreasing to " + n(kWorkerMaxThreadLimit) + ".");
        l.thread_limit = kWorkerMaxThreadLimit;
    } else if (l.thread_limit < 1) {
        warn("AH00307: WARNING: ThreadLimit of " + n(l.thread_limit) +
             " not allowed, increasing to 1.");
        l.thread_limit = 1;
    }
    if (l.threads_per_child > l.thread_limit) {
        warn("AH00310: WARNING: ThreadsPerChild of " + n(l.threads_per_child) +
             " exceeds ThreadLimit of " + n(l.thread_limit) + " threads, decreasing to " +
             n(l.thread_limit) + ". To increase, please see the ThreadLimit directive.");
        l.threads_per_child = l.thread_limit;
    } else if (l.threads_per_child < 1) {
        warn("AH00312: WARNING: ThreadsPerChild of " + n(l.threads_per_child) +
             " not allowed, increasing to 1.");
        l.threads_per_child = 1;
    }
    if (l.max_request_workers < l.threads_per_child) {
        warn("AH00314: WARNING: MaxRequestWorkers of " + n(l.max_request_workers) +
             " is less than ThreadsPerChild of " + n(l.threads_per_child) + ", increasing to " +
             n(l.threads_per_child) +
             ". MaxRequestWorkers must be at least as large as the number of threads in a single "
             "server.");
        l.max_request_workers = l.threads_per_child;
    }
    l.daemons_limit = l.max_request_workers / l.threads_per_child;
    if (l.max_request_workers % l.threads_per_child != 0) {
        const int rounded = l.daemons_limit * l.threads_per_child;
        warn("AH00316: WARNING: MaxRequestWorkers of " + n(l.max_request_workers) +
             " is not an integer multiple of ThreadsPerChild of " + n(l.threads_per_child) +
             ", decreasing to nearest multiple " + n(rounded) + ", for a maximum of " +
             n(l.daemons_limit) + " servers.");
        l.max_request_workers = rounded;
    }
    if (l.daemons_limit > l.server_limit) {
        warn("AH00318: WARNING: MaxRequestWorkers of " + n(l.max_request_workers) +
             " would require " + n(l.daemons_limit) + " servers and would exceed ServerLimit of " +
             n(l.server_limit) + ", decreasing to " + n(l.server_limit * l.threads_per_child) +
             ". To increase, please see the ServerLimit directive.");
        // httpd lowers the process count but leaves MaxRequestWorkers as is.
        l.daemons_limit = l.server_limit;
    }
    if (l.start_servers < 1) {
        warn("AH00320: WARNING: StartServers of " + n(l.start_servers) +
             " not allowed, increasing to 1.");
        l.start_servers = 1;
    }
    if (l.min_spare < 1) {
        warn(
            "AH00322: WARNING: MinSpareThreads of " + n(l.min_spare) +
            " not allowed, increasing to 1 to avoid almost certain server failure. Please read the "
            "documentation.");
        l.min_spare = 1;
    }
    return l;
}

}  // namespace

directives::Status check_mpm_limits(Loader& loader)
{
    auto& main = std::get<MpmConfig>(loader.config().servers.front().modules->parts);
    if (loader.modules().contains(ModuleId::MpmPrefork)) {
        main.limits = prefork_limits(main, Warner{loader, ModuleId::MpmPrefork});
    } else if (loader.modules().contains(ModuleId::MpmWorker)) {
        main.limits = worker_limits(main, Warner{loader, ModuleId::MpmWorker});
    }
    return std::nullopt;
}

}  // namespace feather::mod::mpm
