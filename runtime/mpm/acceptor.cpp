#include "runtime/mpm/acceptor.hpp"

#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/process/child_control.hpp"

namespace feather::runtime {

namespace {
constexpr std::uint64_t kWakeTag = ~std::uint64_t{0};
}

Acceptor::Acceptor(const std::vector<Listener>& listeners, AcceptMutex* mutex, int wake_fd)
    : listeners_(listeners), mutex_(mutex), wake_fd_(wake_fd)
{
    epfd_ = ::epoll_create1(EPOLL_CLOEXEC);
    for (std::size_t i = 0; i < listeners_.size(); ++i) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        if (mutex_ == nullptr) {
            ev.events |= EPOLLEXCLUSIVE;
        }
        ev.data.u64 = i;
        ::epoll_ctl(epfd_, EPOLL_CTL_ADD, listeners_[i].fd, &ev);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kWakeTag;
    ::epoll_ctl(epfd_, EPOLL_CTL_ADD, wake_fd_, &ev);
}

Acceptor::~Acceptor()
{
    if (epfd_ >= 0) {
        ::close(epfd_);
    }
}

bool Acceptor::accept_from(const Listener& l, Connection& out)
{
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    const int fd = ::accept4(l.fd, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    out = Connection{};
    out.fd = fd;
    out.listener = &l;
    out.peer = peer;
    socklen_t local_len = sizeof out.local;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&out.local), &local_len);
    out.client_ip = address_text(reinterpret_cast<const sockaddr*>(&out.peer));
    out.client_port = address_port(reinterpret_cast<const sockaddr*>(&out.peer));
    out.local_ip = address_text(reinterpret_cast<const sockaddr*>(&out.local));
    out.local_port = address_port(reinterpret_cast<const sockaddr*>(&out.local));
    out.id = next_id_++;
    // httpd sets TCP_NODELAY on every connection: responses go out at once.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return true;
}

Acceptor::Outcome Acceptor::next(const ChildControl& control, Connection& out)
{
    if (control.stopping()) {
        return Outcome::Stopping;
    }
    if (mutex_ != nullptr && !mutex_->lock()) {
        return control.stopping() ? Outcome::Stopping : Outcome::Retry;
    }
    struct Unlock {
        AcceptMutex* m;
        ~Unlock()
        {
            if (m != nullptr) {
                m->unlock();
            }
        }
    } unlock{mutex_};

    epoll_event events[16];
    const int n = ::epoll_wait(epfd_, events, 16, -1);
    if (n < 0) {
        if (errno == EINTR) {
            return control.stopping() ? Outcome::Stopping : Outcome::Retry;
        }
        return Outcome::Fatal;
    }
    // A connection we were woken for is taken even when stopping, so it
    // does not wait in the backlog for the next wake-up.
    for (int i = 0; i < n; ++i) {
        if (events[i].data.u64 == kWakeTag) {
            continue;
        }
        const Listener& l = listeners_[events[i].data.u64];
        if (accept_from(l, out)) {
            return Outcome::Accepted;
        }
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            return Outcome::Retry;
        }
    }
    return control.stopping() ? Outcome::Stopping : Outcome::Retry;
}

}  // namespace feather::runtime
