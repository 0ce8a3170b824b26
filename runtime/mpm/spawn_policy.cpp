#include "runtime/mpm/spawn_policy.hpp"

#include <algorithm>

namespace feather::runtime {

namespace {

bool idle(WorkerStatus s) { return s == WorkerStatus::Starting || s == WorkerStatus::Ready; }

std::string busy_message(int rate, int idle, int total, const char* what)
{
    return "server seems busy, (you may need to increase StartServers, or Min/MaxSpare" + std::string(what) +
           "), spawning " + std::to_string(rate) + " children, there are " + std::to_string(idle) +
           " idle, and " + std::to_string(total) + " total children";
}

void grow_rate(SpawnState& state)
{
    if (state.hold_off_exponential > 0) {
        --state.hold_off_exponential;
    } else if (state.idle_spawn_rate < kMaxSpawnRate) {
        state.idle_spawn_rate *= 2;
    }
}

}  // namespace

SpawnDecision decide_prefork(const std::vector<SlotView>& slots, const MpmParams& params, SpawnState& state)
{
    SpawnDecision d;
    int idle_count = 0;
    int total = 0;
    std::vector<int> free_slots;
    std::optional<int> last_idle;
    const int limit = std::min<int>(params.daemons_limit, static_cast<int>(slots.size()));
    for (int i = 0; i < limit; ++i) {
        const SlotView& s = slots[i];
        if (!s.has_process) {
            if (static_cast<int>(free_slots.size()) < state.idle_spawn_rate) {
                free_slots.push_back(i);  // lowest slots first: keep children numbers low
            }
            continue;
        }
        ++total;
        const WorkerStatus st = s.threads.empty() ? WorkerStatus::Dead : s.threads[0];
        if (idle(st) && !s.quiescing) {
            ++idle_count;
            if (s.current_generation && st == WorkerStatus::Ready) {
                last_idle = i;
            }
        }
    }

    if (idle_count > params.max_spare) {
        d.retire = last_idle;  // one a second, gracefully
        state.idle_spawn_rate = 1;
    } else if (idle_count < params.min_spare) {
        if (free_slots.empty()) {
            if (!state.max_workers_reported) {
                d.log.emplace_back(LogLevel::Error,
                                   "AH00161: server reached MaxRequestWorkers setting, consider raising the "
                                   "MaxRequestWorkers setting");
                state.max_workers_reported = true;
            }
            state.idle_spawn_rate = 1;
        } else {
            if (state.idle_spawn_rate >= 8) {
                d.log.emplace_back(LogLevel::Info, "AH00162: " + busy_message(state.idle_spawn_rate, idle_count,
                                                                              total, "Servers"));
            }
            d.start_in = free_slots;
            grow_rate(state);
        }
    } else {
        state.idle_spawn_rate = 1;
    }
    return d;
}

SpawnDecision decide_worker(const std::vector<SlotView>& slots, const MpmParams& params, SpawnState& state)
{
    SpawnDecision d;
    int idle_threads = 0;
    int active_threads = 0;
    int total = 0;
    std::vector<int> free_slots;
    std::optional<int> retire_candidate;
    const int limit = std::min<int>(params.daemons_limit, static_cast<int>(slots.size()));
    for (int i = 0; i < limit; ++i) {
        const SlotView& s = slots[i];
        if (!s.has_process) {
            if (static_cast<int>(free_slots.size()) < state.idle_spawn_rate) {
                free_slots.push_back(i);
            }
            continue;
        }
        if (!s.quiescing) {
            ++total;
        }
        for (int t = 0; t < params.threads_per_child && t < static_cast<int>(s.threads.size()); ++t) {
            const WorkerStatus st = s.threads[t];
            if (idle(st) && !s.quiescing && s.current_generation) {
                ++idle_threads;
            }
            if (st >= WorkerStatus::Ready && st < WorkerStatus::Graceful) {
                ++active_threads;
            }
        }
        if (!s.quiescing && s.current_generation) {
            retire_candidate = i;
        }
    }

    if (idle_threads > params.max_spare) {
        d.retire = retire_candidate;
        state.idle_spawn_rate = 1;
    } else if (idle_threads < params.min_spare) {
        if (free_slots.empty()) {
            if (active_threads >= params.max_request_workers) {
                if (idle_threads == 0) {
                    if (!state.max_workers_reported) {
                        d.log.emplace_back(LogLevel::Error,
                                           "AH00286: server reached MaxRequestWorkers setting, consider raising "
                                           "the MaxRequestWorkers setting");
                        state.max_workers_reported = true;
                    }
                } else if (!state.near_max_workers_reported) {
                    d.log.emplace_back(LogLevel::Error,
                                       "AH00287: server is within MinSpareThreads of MaxRequestWorkers, consider "
                                       "raising the MaxRequestWorkers setting");
                    state.near_max_workers_reported = true;
                }
            }
            state.idle_spawn_rate = 1;
        } else {
            if (state.idle_spawn_rate >= 8) {
                d.log.emplace_back(LogLevel::Info,
                                   "AH00289: " + busy_message(state.idle_spawn_rate, idle_threads, total, "Threads"));
            }
            d.start_in = free_slots;
            grow_rate(state);
        }
    } else {
        state.idle_spawn_rate = 1;
    }
    return d;
}

}  // namespace feather::runtime
