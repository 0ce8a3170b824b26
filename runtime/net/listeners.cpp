#include "runtime/net/listeners.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/log/error_log.hpp"

namespace feather::runtime {

namespace {

// The addresses a Listen line stands for. "Listen 80" is every address:
// one IPv6 socket that also takes IPv4 (httpd's AP_ENABLE_V4_MAPPED), or
// IPv4 alone where the system has no IPv6.
std::vector<Listener> resolve(const mod::mpm::ListenAddr& l, std::string& error)
{
    std::vector<Listener> out;
    addrinfo hints{};
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_family = AF_UNSPEC;
    addrinfo* res = nullptr;
    const std::string port = std::to_string(l.port);
    const char* host = l.host.empty() || l.host == "*" ? nullptr : l.host.c_str();
    const int rc = ::getaddrinfo(host, port.c_str(), &hints, &res);
    if (rc != 0) {
        error = "AH00077: alloc_listener: failed to set up sockaddr for " + (host ? l.host : std::string("*")) +
                ": " + ::gai_strerror(rc);
        return out;
    }
    bool have_v6_any = false;
    for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
        if (host == nullptr && ai->ai_family == AF_INET6) {
            have_v6_any = true;
        }
    }
    for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
        if (host == nullptr && have_v6_any && ai->ai_family == AF_INET) {
            continue;  // the IPv6 wildcard takes IPv4 too
        }
        Listener li;
        std::memcpy(&li.addr, ai->ai_addr, ai->ai_addrlen);
        li.addr_len = ai->ai_addrlen;
        li.port = l.port;
        li.protocol = l.protocol.empty() ? "http" : l.protocol;
        const std::string text = address_text(ai->ai_addr);
        li.name = (ai->ai_family == AF_INET6 ? "[" + text + "]" : text) + ":" + port;
        bool dup = false;
        for (const auto& o : out) {
            dup = dup || (o.addr_len == li.addr_len && std::memcmp(&o.addr, &li.addr, li.addr_len) == 0);
        }
        if (!dup) {
            out.push_back(std::move(li));
        }
    }
    ::freeaddrinfo(res);
    return out;
}

bool same_address(const Listener& a, const Listener& b)
{
    return a.addr_len == b.addr_len && std::memcmp(&a.addr, &b.addr, a.addr_len) == 0;
}

bool open_socket(Listener& li, const ListenOptions& options, std::vector<std::string>& error)
{
    const int family = li.addr.ss_family;
    li.fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (li.fd < 0) {
        error.push_back(os_error_text(errno) + ": AH00065: alloc_listener: failed to get a socket for " + li.name);
        return false;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(li.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(li.fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    if (family == AF_INET6) {
        ::setsockopt(li.fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    }
    if (options.send_buffer > 0) {
        ::setsockopt(li.fd, SOL_SOCKET, SO_SNDBUF, &options.send_buffer, sizeof options.send_buffer);
    }
    if (options.receive_buffer > 0) {
        ::setsockopt(li.fd, SOL_SOCKET, SO_RCVBUF, &options.receive_buffer, sizeof options.receive_buffer);
    }
    if (::bind(li.fd, reinterpret_cast<const sockaddr*>(&li.addr), li.addr_len) != 0) {
        error.push_back(os_error_text(errno) + ": AH00072: make_sock: could not bind to address " + li.name);
        ::close(li.fd);
        li.fd = -1;
        return false;
    }
    if (::listen(li.fd, options.backlog) != 0) {
        error.push_back(os_error_text(errno) + ": AH00075: make_sock: unable to listen for connections on address " +
                        li.name);
        ::close(li.fd);
        li.fd = -1;
        return false;
    }
    // Children poll before accepting: a non-blocking socket never leaves a
    // child stuck in accept() when another took the connection.
    ::fcntl(li.fd, F_SETFL, ::fcntl(li.fd, F_GETFL) | O_NONBLOCK);
    return true;
}

}  // namespace

std::string address_text(const sockaddr* addr)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (addr->sa_family == AF_INET) {
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, buf, sizeof buf);
    } else if (addr->sa_family == AF_INET6) {
        const auto* a6 = reinterpret_cast<const sockaddr_in6*>(addr);
        if (IN6_IS_ADDR_V4MAPPED(&a6->sin6_addr)) {
            // httpd shows IPv4 clients of a dual-stack socket as IPv4.
            ::inet_ntop(AF_INET, &a6->sin6_addr.s6_addr[12], buf, sizeof buf);
        } else {
            ::inet_ntop(AF_INET6, &a6->sin6_addr, buf, sizeof buf);
        }
    }
    return buf;
}

std::uint16_t address_port(const sockaddr* addr)
{
    if (addr->sa_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in*>(addr)->sin_port);
    }
    if (addr->sa_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6*>(addr)->sin6_port);
    }
    return 0;
}

ListenerSet::~ListenerSet() { close_all(); }

void ListenerSet::close_all()
{
    for (auto& l : listeners_) {
        if (l.fd >= 0) {
            ::close(l.fd);
        }
    }
    listeners_.clear();
}

bool ListenerSet::reconcile(const std::vector<mod::mpm::ListenAddr>& wanted, const ListenOptions& options,
                            std::vector<std::string>& error)
{
    std::vector<Listener> next;
    std::vector<bool> kept(listeners_.size(), false);
    auto undo = [&] {
        for (auto& n : next) {
            bool was_old = false;
            for (std::size_t i = 0; i < listeners_.size(); ++i) {
                was_old = was_old || (kept[i] && listeners_[i].fd == n.fd);
            }
            if (!was_old && n.fd >= 0) {
                ::close(n.fd);
            }
        }
    };
    for (const auto& w : wanted) {
        std::string why;
        auto resolved = resolve(w, why);
        if (!why.empty()) {
            error.push_back(why);
            undo();
            return false;
        }
        for (auto& li : resolved) {
            bool reused = false;
            for (std::size_t i = 0; i < listeners_.size() && !reused; ++i) {
                if (!kept[i] && listeners_[i].fd >= 0 && same_address(listeners_[i], li)) {
                    li.fd = listeners_[i].fd;
                    kept[i] = true;
                    reused = true;
                    ::listen(li.fd, options.backlog);  // ListenBacklog may have changed
                }
            }
            if (!reused && !open_socket(li, options, error)) {
                undo();
                error.push_back("no listening sockets available, shutting down");
                return false;
            }
            next.push_back(std::move(li));
        }
    }
    if (next.empty()) {
        error.push_back("no listening sockets available, shutting down");
        return false;
    }
    for (std::size_t i = 0; i < listeners_.size(); ++i) {
        if (!kept[i] && listeners_[i].fd >= 0) {
            ::close(listeners_[i].fd);
        }
    }
    listeners_ = std::move(next);
    return true;
}

}  // namespace feather::runtime
