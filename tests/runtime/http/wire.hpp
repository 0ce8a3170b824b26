#pragma once
// A connected socket pair for protocol tests: the server side wrapped in a
// SocketIo, the client side written to and read from directly.

#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "runtime/conn/socket_io.hpp"

namespace feather::runtime::test {

class Wire {
public:
    Wire()
    {
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds_);
        io_ = std::make_unique<SocketIo>(fds_[0], -1);
    }
    ~Wire()
    {
        ::close(fds_[0]);
        if (fds_[1] >= 0) {
            ::close(fds_[1]);
        }
    }
    Wire(const Wire&) = delete;
    Wire& operator=(const Wire&) = delete;

    SocketIo& io() { return *io_; }
    // The client writes.
    void send(const std::string& bytes) { (void)::write(fds_[1], bytes.data(), bytes.size()); }
    // The client half-closes.
    void close_client() { ::shutdown(fds_[1], SHUT_WR); }
    // What the server wrote so far (non-blocking).
    std::string received()
    {
        std::string out;
        char buf[4096];
        while (true) {
            const ssize_t n = ::recv(fds_[1], buf, sizeof buf, MSG_DONTWAIT);
            if (n <= 0) {
                break;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }

private:
    int fds_[2] = {-1, -1};
    std::unique_ptr<SocketIo> io_;
};

}  // namespace feather::runtime::test
