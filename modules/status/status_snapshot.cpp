#include "modules/status/status_snapshot.hpp"

#include <algorithm>
#include <atomic>

namespace feather::mod::status {

namespace {

constexpr int kTextAttempts = 4;

// The slot's texts, consistent when a writer was not in the middle of an
// update (sequence counter even and unchanged); after a few attempts the
// last read is used: it is still bounded, at worst a mix of two requests.
void read_texts(const WorkerScore& w, WorkerView& out)
{
    for (int attempt = 0; attempt < kTextAttempts; ++attempt) {
        const std::uint32_t before = w.text_seq.load(std::memory_order_acquire);
        out.client = w.client.load();
        out.request = w.request.load();
        out.vhost = w.vhost.load();
        out.protocol = w.protocol.load();
        std::atomic_thread_fence(std::memory_order_acquire);
        const std::uint32_t after = w.text_seq.load(std::memory_order_relaxed);
        if (before == after && before % 2 == 0) {
            return;
        }
    }
}

}  // namespace

Snapshot take_snapshot(const ScoreboardView& view, bool with_texts, int thread_columns)
{
    Snapshot s;
    s.server_limit = view.server_limit;
    s.thread_limit = std::min(view.thread_limit, thread_columns);
    if (view.global != nullptr) {
        s.restart_time_us = view.global->restart_time_us.load(std::memory_order_relaxed);
        s.config_generation = view.global->config_generation.load(std::memory_order_relaxed);
    }
    if (view.processes == nullptr || view.workers == nullptr || s.server_limit <= 0 || s.thread_limit <= 0) {
        s.server_limit = 0;
        s.thread_limit = 0;
        return s;
    }
    s.processes.resize(static_cast<std::size_t>(s.server_limit));
    s.workers.resize(static_cast<std::size_t>(s.server_limit) * static_cast<std::size_t>(s.thread_limit));
    constexpr auto relaxed = std::memory_order_relaxed;
    for (int i = 0; i < s.server_limit; ++i) {
        const ProcessScore& p = view.process(i);
        ProcessView& pv = s.processes[static_cast<std::size_t>(i)];
        pv.pid = p.pid.load(relaxed);
        pv.generation = p.generation.load(relaxed);
        pv.quiescing = p.quiescing.load(relaxed) != 0;
        for (int j = 0; j < s.thread_limit; ++j) {
            const WorkerScore& w = view.worker(i, j);
            WorkerView& wv = s.workers[static_cast<std::size_t>(i * s.thread_limit + j)];
            wv.status = w.status.load(relaxed);
            wv.pid = w.pid.load(relaxed);
            wv.generation = w.generation.load(relaxed);
            wv.conn_count = w.conn_count.load(relaxed);
            wv.conn_bytes = w.conn_bytes.load(relaxed);
            wv.access_count = w.access_count.load(relaxed);
            wv.bytes_served = w.bytes_served.load(relaxed);
            wv.my_access_count = w.my_access_count.load(relaxed);
            wv.my_bytes_served = w.my_bytes_served.load(relaxed);
            wv.start_time_us = w.start_time_us.load(relaxed);
            wv.stop_time_us = w.stop_time_us.load(relaxed);
            wv.last_used_us = w.last_used_us.load(relaxed);
            wv.duration_us = w.duration_us.load(relaxed);
            wv.cpu_user_ticks = w.cpu_user_ticks.load(relaxed);
            wv.cpu_system_ticks = w.cpu_system_ticks.load(relaxed);
            if (with_texts) {
                read_texts(w, wv);
            }
        }
    }
    return s;
}

}  // namespace feather::mod::status
