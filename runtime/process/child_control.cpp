#include "runtime/process/child_control.hpp"

#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace feather::runtime {

namespace {
ChildControl* g_control = nullptr;  // the one per process, for the signal handler
}

void ChildControl::on_signal(int sig)
{
    const int saved = errno;
    ChildControl* c = g_control;
    if (c != nullptr) {
        if (sig == SIGUSR1) {
            c->graceful_.store(true, std::memory_order_relaxed);
        } else {
            c->terminate_.store(true, std::memory_order_relaxed);
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(c->wake_fd_, &one, sizeof one);
    }
    errno = saved;
}

ChildControl& ChildControl::install()
{
    static ChildControl control;
    control.wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    g_control = &control;

    struct sigaction sa {};
    sa.sa_handler = &ChildControl::on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR
    ::sigaction(SIGUSR1, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGHUP, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);

    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ign, nullptr);
    ::sigaction(SIGWINCH, &ign, nullptr);

    sigset_t set;
    sigemptyset(&set);
    ::sigprocmask(SIG_SETMASK, &set, nullptr);
    return control;
}

ChildControl* ChildControl::current() { return g_control; }

void ChildControl::request_graceful()
{
    graceful_.store(true, std::memory_order_relaxed);
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
}

}  // namespace feather::runtime
