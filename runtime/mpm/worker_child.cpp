// worker: a child process with one listener thread and ThreadsPerChild
// worker threads. The listener accepts only while a worker is idle, and
// hands each connection to the workers through a queue.

#include <signal.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>

#include "runtime/mpm/acceptor.hpp"
#include "runtime/mpm/child_main.hpp"
#include "runtime/net/listeners.hpp"
#include "runtime/process/child_control.hpp"
#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

namespace {

// Connections waiting for a worker, and the count of idle workers.
class ConnectionQueue {
public:
    void push(Connection c)
    {
        {
            std::lock_guard lock(mu_);
            queue_.push_back(std::move(c));
            --idle_;
        }
        cv_.notify_one();
    }
    // A connection, or none when the queue is closed and empty.
    bool pop(Connection& out)
    {
        std::unique_lock lock(mu_);
        ++idle_;
        idle_cv_.notify_one();
        cv_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) {
            --idle_;
            return false;
        }
        out = std::move(queue_.front());
        queue_.pop_front();
        return true;
    }
    // Blocks until some worker is idle, or accepting stops.
    bool wait_for_idle_worker()
    {
        std::unique_lock lock(mu_);
        idle_cv_.wait(lock, [&] { return idle_ > 0 || closed_ || no_more_accepts_; });
        return !closed_ && !no_more_accepts_;
    }
    // The listener must stop; workers go on with what is queued.
    void stop_accepting()
    {
        {
            std::lock_guard lock(mu_);
            no_more_accepts_ = true;
        }
        idle_cv_.notify_all();
    }
    void close()
    {
        {
            std::lock_guard lock(mu_);
            closed_ = true;
        }
        cv_.notify_all();
        idle_cv_.notify_all();
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::condition_variable idle_cv_;
    std::deque<Connection> queue_;
    int idle_ = 0;
    bool closed_ = false;
    bool no_more_accepts_ = false;
};

}  // namespace

void worker_child_main(const Generation& gen, const ServerResources& res, int slot)
{
    if (!child_setup(gen, res, slot)) {
        ::_exit(kChildExitFatal);
    }
    ChildControl& control = *ChildControl::current();
    Scoreboard& sb = *res.scoreboard;
    gen.server->child_init();

    // Signals go to this (main) thread only: the others block them.
    sigset_t all;
    sigfillset(&all);
    sigset_t previous;
    ::pthread_sigmask(SIG_BLOCK, &all, &previous);

    ConnectionQueue queue;
    std::vector<std::thread> workers;
    const int threads = gen.params.threads_per_child;
    for (int t = 0; t < threads; ++t) {
        sb.worker(slot, t).status.store(static_cast<std::uint8_t>(WorkerStatus::Starting));
    }
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            WorkerSlot worker(sb, slot, t, gen.number, gen.extended_status);
            while (true) {
                worker.set_status(WorkerStatus::Ready);
                Connection conn;
                if (!queue.pop(conn)) {
                    break;
                }
                gen.server->serve(conn, worker, control);
            }
            worker.set_status(WorkerStatus::Dead);
        });
    }

    std::thread listener([&] {
        Acceptor acceptor(res.listeners->listeners(), gen.accept_mutex.get(), control.wake_fd());
        std::uint64_t connections = 0;
        while (!control.stopping()) {
            if (!queue.wait_for_idle_worker()) {
                break;
            }
            Connection conn;
            const auto outcome = acceptor.next(control, conn);
            if (outcome == Acceptor::Outcome::Fatal) {
                break;
            }
            if (conn.fd < 0) {
                continue;
            }
            queue.push(std::move(conn));
            ++connections;
            if (gen.params.max_connections_per_child != 0 &&
                connections >= gen.params.max_connections_per_child) {
                control.request_graceful();
            }
        }
    });

    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    // Wait for the stop signal (or for the listener to stop by itself).
    while (!control.stopping()) {
        pollfd p{control.wake_fd(), POLLIN, 0};
        ::poll(&p, 1, 1000);
    }
    // The listener stops first, so that a connection it accepted last still
    // finds a worker; then the workers finish what is queued and leave.
    queue.stop_accepting();
    listener.join();
    queue.close();
    for (auto& w : workers) {
        w.join();
    }
    gen.server->child_exit();
    ::_exit(kChildExitOk);
}

}  // namespace feather::runtime
