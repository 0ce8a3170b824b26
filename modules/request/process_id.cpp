#include "modules/request/process_id.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>

namespace feather {

namespace {

std::atomic<pid_t> cached_pid{0};

void forget_pid_in_child() { cached_pid.store(0, std::memory_order_relaxed); }

// Registered once, before the first fork can happen through us.
const bool kAtForkRegistered = [] {
    ::pthread_atfork(nullptr, nullptr, forget_pid_in_child);
    return true;
}();

}  // namespace

pid_t current_pid()
{
    (void)kAtForkRegistered;
    pid_t pid = cached_pid.load(std::memory_order_relaxed);
    if (pid == 0) {
        pid = ::getpid();
        cached_pid.store(pid, std::memory_order_relaxed);
    }
    return pid;
}

}  // namespace feather
