#include "runtime/conn/socket_io.hpp"

#include <poll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace feather::runtime {

IoResult SocketIo::wait(short events, std::chrono::milliseconds timeout, bool honour_wake)
{
    pollfd p[2] = {{fd_, events, 0}, {wake_fd_, POLLIN, 0}};
    const int n_fds = honour_wake && wake_fd_ >= 0 ? 2 : 1;
    while (true) {
        const int n = ::poll(p, static_cast<nfds_t>(n_fds), static_cast<int>(timeout.count()));
        if (n < 0) {
            if (errno == EINTR) {
                if (honour_wake) {
                    continue;  // the wake fd tells us if it mattered
                }
                continue;
            }
            return IoResult::Error;
        }
        if (n == 0) {
            return IoResult::Timeout;
        }
        if (p[0].revents != 0) {
            return IoResult::Ok;
        }
        if (n_fds == 2 && p[1].revents != 0) {
            return IoResult::Woken;
        }
    }
}

IoResult SocketIo::wait_readable(std::chrono::milliseconds timeout, bool honour_wake)
{
    return wait(POLLIN, timeout, honour_wake);
}

IoResult SocketIo::try_read(char* buf, std::size_t cap, std::size_t& got)
{
    got = 0;
    while (true) {
        const ssize_t n = ::recv(fd_, buf, cap, MSG_DONTWAIT);
        if (n > 0) {
            got = static_cast<std::size_t>(n);
            return IoResult::Ok;
        }
        if (n == 0) {
            return IoResult::Closed;
        }
        if (errno == EINTR) {
            continue;
        }
        return errno == EAGAIN || errno == EWOULDBLOCK ? IoResult::Timeout : IoResult::Error;
    }
}

IoResult SocketIo::read_some(char* buf, std::size_t cap, std::size_t& got, std::chrono::milliseconds timeout,
                             bool honour_wake)
{
    got = 0;
    while (true) {
        const ssize_t n = ::recv(fd_, buf, cap, MSG_DONTWAIT);
        if (n > 0) {
            got = static_cast<std::size_t>(n);
            return IoResult::Ok;
        }
        if (n == 0) {
            return IoResult::Closed;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            return IoResult::Error;
        }
        const IoResult w = wait(POLLIN, timeout, honour_wake);
        if (w != IoResult::Ok) {
            return w;
        }
    }
}

IoResult SocketIo::write_all(iovec* iov, int count, std::chrono::milliseconds timeout)
{
    int first = 0;
    while (first < count) {
        if (iov[first].iov_len == 0) {
            ++first;
            continue;
        }
        msghdr msg{};
        msg.msg_iov = iov + first;
        msg.msg_iovlen = static_cast<std::size_t>(count - first);
        const ssize_t n = ::sendmsg(fd_, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                return IoResult::Error;
            }
            const IoResult w = wait(POLLOUT, timeout, false);
            if (w != IoResult::Ok) {
                return w;
            }
            continue;
        }
        written_ += static_cast<std::uint64_t>(n);
        auto left = static_cast<std::size_t>(n);
        while (left > 0 && first < count) {
            if (left >= iov[first].iov_len) {
                left -= iov[first].iov_len;
                iov[first].iov_len = 0;
                ++first;
            } else {
                iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + left;
                iov[first].iov_len -= left;
                left = 0;
            }
        }
    }
    return IoResult::Ok;
}

IoResult SocketIo::send_file(int file_fd, std::uint64_t offset, std::uint64_t len, std::chrono::milliseconds timeout)
{
    auto off = static_cast<off_t>(offset);
    while (len > 0) {
        const ssize_t n = ::sendfile(fd_, file_fd, &off, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                return IoResult::Error;
            }
            const IoResult w = wait(POLLOUT, timeout, false);
            if (w != IoResult::Ok) {
                return w;
            }
            continue;
        }
        if (n == 0) {
            return IoResult::Error;  // the file shrank under us
        }
        written_ += static_cast<std::uint64_t>(n);
        len -= static_cast<std::uint64_t>(n);
    }
    return IoResult::Ok;
}

void lingering_close(int fd)
{
    // httpd's ap_lingering_close: send our FIN, then read and discard what
    // the client still sends, each read waiting up to SECONDS_TO_LINGER (2 s)
    // and all of it at most MAX_SECS_TO_LINGER (30 s). Most clients close at
    // once and the first read sees the end.
    if (::shutdown(fd, SHUT_WR) != 0) {
        ::close(fd);
        return;
    }
    char buf[4096];
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    do {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 2000) <= 0) {
            break;
        }
        const ssize_t r = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (r <= 0) {
            break;
        }
    } while (std::chrono::steady_clock::now() < until);
    ::close(fd);
}

}  // namespace feather::runtime
