#pragma once
// Waiting for and accepting connections in a child (prefork) or a listener
// thread (worker). Every child waits on all listeners in its own epoll set,
// registered EPOLLEXCLUSIVE so the kernel wakes one waiter per connection
// (no thundering herd); with an accept mutex, only its holder waits.

#include <optional>
#include <vector>

#include "runtime/conn/connection.hpp"
#include "runtime/mpm/accept_mutex.hpp"
#include "runtime/net/listeners.hpp"

namespace feather::runtime {

class ChildControl;

class Acceptor {
public:
    // `mutex` may be null (unserialized).
    Acceptor(const std::vector<Listener>& listeners, AcceptMutex* mutex, int wake_fd);
    ~Acceptor();
    Acceptor(const Acceptor&) = delete;
    Acceptor& operator=(const Acceptor&) = delete;

    enum class Outcome { Accepted, Stopping, Retry, Fatal };
    // Waits until a connection arrives (Accepted, `out` filled), the child is
    // told to stop (Stopping), or a transient failure (Retry). Fatal: the
    // listeners are gone (the child should exit).
    Outcome next(const ChildControl& control, Connection& out);

private:
    bool accept_from(const Listener& l, Connection& out);

    const std::vector<Listener>& listeners_;
    AcceptMutex* mutex_;
    int wake_fd_;
    int epfd_ = -1;
    std::uint64_t next_id_ = 1;
};

}  // namespace feather::runtime
