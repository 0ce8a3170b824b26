#pragma once
// The listening sockets (Listen): opened by the master before the first
// fork, inherited by every child, and kept open across restarts when the
// new configuration still names the same address.

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <vector>

#include "modules/mpm/mpm_config.hpp"

namespace feather::runtime {

struct Listener {
    int fd = -1;
    sockaddr_storage addr{};
    socklen_t addr_len = 0;
    std::string name;      // "127.0.0.1:8080" or "[::]:80", as httpd prints it
    std::string protocol;  // "http" unless given
    std::uint16_t port = 0;
};

struct ListenOptions {
    int backlog = 511;          // ListenBacklog
    int send_buffer = 0;        // SendBufferSize (0: kernel default)
    int receive_buffer = 0;     // ReceiveBufferSize
};

class ListenerSet {
public:
    ListenerSet() = default;
    ~ListenerSet();
    ListenerSet(const ListenerSet&) = delete;
    ListenerSet& operator=(const ListenerSet&) = delete;

    // Opens what `wanted` names, reusing the sockets already open for the
    // same addresses and closing the others. On failure returns false and
    // fills `error` with httpd's lines ("(98)Address already in use:
    // AH00072: make_sock: could not bind to address ...").
    bool reconcile(const std::vector<mod::mpm::ListenAddr>& wanted, const ListenOptions& options,
                   std::vector<std::string>& error);

    const std::vector<Listener>& listeners() const { return listeners_; }
    void close_all();

private:
    std::vector<Listener> listeners_;
};

// The text form of a socket address ("127.0.0.1", "::1").
std::string address_text(const sockaddr* addr);
std::uint16_t address_port(const sockaddr* addr);

}  // namespace feather::runtime
