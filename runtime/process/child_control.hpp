#pragma once
// How the master tells a server child what to do, and how the child's
// threads notice: a signal handler sets a flag and makes an eventfd
// readable; every blocking wait in the child includes that fd, so no wait
// can miss a signal that arrives just before it starts.
//   SIGUSR1        graceful: finish the request in hand, then exit
//   SIGTERM/SIGHUP stop now (a request in hand is abandoned)

#include <atomic>

namespace feather::runtime {

class ChildControl {
public:
    // Installs the child's signal handlers (call once, in the child).
    static ChildControl& install();
    static ChildControl* current();

    bool graceful() const { return graceful_.load(std::memory_order_relaxed); }
    bool terminate() const { return terminate_.load(std::memory_order_relaxed); }
    bool stopping() const { return graceful() || terminate(); }
    // Readable once the child should stop waiting for new work.
    int wake_fd() const { return wake_fd_; }

    // The child decides to wind down by itself (MaxConnectionsPerChild).
    void request_graceful();

private:
    ChildControl() = default;
    static void on_signal(int sig);

    std::atomic<bool> graceful_{false};
    std::atomic<bool> terminate_{false};
    int wake_fd_ = -1;
};

}  // namespace feather::runtime
