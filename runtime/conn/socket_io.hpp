#pragma once
// Reading and writing a client socket with a deadline, while also watching
// the child's wake fd: a wait ends early when the child is told to stop.

#include <sys/uio.h>

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace feather::runtime {

enum class IoResult { Ok, Timeout, Closed, Error, Woken };

class SocketIo {
public:
    SocketIo(int fd, int wake_fd) : fd_(fd), wake_fd_(wake_fd) {}

    // Waits until the socket is readable (or `timeout`, or the wake fd).
    // With `honour_wake` false the wake fd is ignored (a request in progress
    // is finished even when a graceful stop arrives).
    IoResult wait_readable(std::chrono::milliseconds timeout, bool honour_wake);
    // Reads what is there without waiting: Ok with `got` > 0, Timeout when
    // nothing is (yet), Closed or Error.
    IoResult try_read(char* buf, std::size_t cap, std::size_t& got);
    // Reads what is available (waiting up to `timeout` for something).
    IoResult read_some(char* buf, std::size_t cap, std::size_t& got, std::chrono::milliseconds timeout,
                       bool honour_wake = false);
    // Writes every byte of `iov` (advancing it), waiting up to `timeout`
    // for each stretch of progress.
    IoResult write_all(iovec* iov, int count, std::chrono::milliseconds timeout);
    // sendfile(2) `len` bytes of `file_fd` from `offset`.
    IoResult send_file(int file_fd, std::uint64_t offset, std::uint64_t len, std::chrono::milliseconds timeout);

    std::uint64_t bytes_written() const { return written_; }
    int fd() const { return fd_; }

private:
    IoResult wait(short events, std::chrono::milliseconds timeout, bool honour_wake);

    int fd_;
    int wake_fd_;
    std::uint64_t written_ = 0;
};

// httpd's lingering close: stop sending, read and discard what the client
// still sends for a short while (so it sees our response rather than a
// reset), then close.
void lingering_close(int fd);

}  // namespace feather::runtime
