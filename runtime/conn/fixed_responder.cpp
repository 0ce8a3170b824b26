#include "runtime/conn/fixed_responder.hpp"

#include <unistd.h>

#include <string>
#include <string_view>

#include "modules/config_sets.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/process/child_control.hpp"

namespace feather::runtime {

namespace {

bool iequals_prefix(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

class FixedResponder final : public ConnectionServer {
public:
    explicit FixedResponder(const Generation& gen)
    {
        const auto& main = *gen.config->main_server().modules;
        const auto& core = get<mod::core::CoreServerConfig>(main);
        const auto& http = get<mod::http::HttpServerConfig>(main);
        timeout_ = std::chrono::duration_cast<std::chrono::milliseconds>(
            core.timeout.get_or(std::chrono::seconds(60)));
        keepalive_timeout_ = std::chrono::duration_cast<std::chrono::milliseconds>(
            http.keep_alive_timeout.get_or(std::chrono::seconds(5)));
        keep_alive_ = http.keep_alive.get_or(true);
        max_keepalive_ = http.max_keep_alive_requests.get_or(100);
    }

    void serve(Connection& conn, WorkerSlot& slot, const ChildControl& control) override
    {
        SocketIo io(conn.fd, control.wake_fd());
        std::string in;
        int served = 0;
        WorkerScore& score = slot.score();
        score.conn_count.store(0, std::memory_order_relaxed);
        while (true) {
            const bool first = served == 0;
            slot.set_status(first ? WorkerStatus::BusyRead : WorkerStatus::BusyKeepalive);
            if (in.find("\r\n\r\n") == std::string::npos) {
                // Between requests a graceful stop ends the wait; the first
                // request of a connection is always answered.
                const IoResult w = io.wait_readable(first ? timeout_ : keepalive_timeout_, !first);
                if (w != IoResult::Ok) {
                    break;
                }
            }
            slot.set_status(WorkerStatus::BusyRead);
            std::size_t end;
            bool failed = false;
            while ((end = in.find("\r\n\r\n")) == std::string::npos) {
                char buf[8192];
                std::size_t got = 0;
                if (io.read_some(buf, sizeof buf, got, timeout_) != IoResult::Ok || in.size() > 65536) {
                    failed = true;
                    break;
                }
                in.append(buf, got);
            }
            if (failed) {
                break;
            }
            const std::string head = in.substr(0, end);
            in.erase(0, end + 4);
            const bool http11 = head.find(" HTTP/1.1\r\n") != std::string::npos;
            bool close = !http11;
            std::string_view rest = head;
            while (!rest.empty()) {
                const auto nl = rest.find("\r\n");
                const std::string_view line = rest.substr(0, nl);
                if (iequals_prefix(line, "connection:")) {
                    const std::string_view v = line.substr(11);
                    close = v.find("close") != std::string_view::npos ||
                            (!http11 && v.find("eep-alive") == std::string_view::npos);
                }
                if (nl == std::string_view::npos) {
                    break;
                }
                rest.remove_prefix(nl + 2);
            }
            ++served;
            const bool keep = keep_alive_ && !close && (max_keepalive_ == 0 || served < max_keepalive_) &&
                              !control.stopping();
            slot.set_status(WorkerStatus::BusyWrite);
            static constexpr std::string_view kBody = "Feather is running.\n";
            std::string response = std::string(http11 ? "HTTP/1.1" : "HTTP/1.0") +
                                   " 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                                   std::to_string(kBody.size()) + "\r\n" +
                                   (keep ? (http11 ? "" : "Connection: Keep-Alive\r\n") : "Connection: close\r\n") +
                                   "\r\n" + std::string(kBody);
            iovec iov{response.data(), response.size()};
            const bool sent = io.write_all(&iov, 1, timeout_) == IoResult::Ok;
            score.access_count.fetch_add(1, std::memory_order_relaxed);
            score.my_access_count.fetch_add(1, std::memory_order_relaxed);
            score.bytes_served.fetch_add(kBody.size(), std::memory_order_relaxed);
            score.my_bytes_served.fetch_add(kBody.size(), std::memory_order_relaxed);
            score.conn_count.fetch_add(1, std::memory_order_relaxed);
            if (!sent || !keep) {
                break;
            }
        }
        slot.set_status(WorkerStatus::Closing);
        lingering_close(conn.fd);
        conn.fd = -1;
    }

private:
    std::chrono::milliseconds timeout_{60000};
    std::chrono::milliseconds keepalive_timeout_{5000};
    bool keep_alive_ = true;
    int max_keepalive_ = 100;
};

}  // namespace

std::shared_ptr<ConnectionServer> make_fixed_responder(const Generation& gen)
{
    return std::make_shared<FixedResponder>(gen);
}

}  // namespace feather::runtime
