#pragma once
// An accepted client connection, and the interface through which the MPMs
// hand connections to the protocol engine.

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <string>

#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

struct Listener;
class ChildControl;

struct Connection {
    int fd = -1;
    const Listener* listener = nullptr;
    sockaddr_storage peer{};
    sockaddr_storage local{};
    std::string client_ip;
    std::uint16_t client_port = 0;
    std::string local_ip;
    std::uint16_t local_port = 0;
    std::uint64_t id = 0;  // unique within the process
};

// One scoreboard worker record, written only by the thread that owns it.
class WorkerSlot {
public:
    WorkerSlot(Scoreboard& sb, int process, int thread, std::uint32_t generation, bool extended)
        : score_(sb.worker(process, thread)), process_(process), thread_(thread), extended_(extended)
    {
        score_.generation.store(generation, std::memory_order_relaxed);
    }

    void set_status(WorkerStatus s) { score_.status.store(static_cast<std::uint8_t>(s), std::memory_order_relaxed); }
    WorkerStatus status() const { return static_cast<WorkerStatus>(score_.status.load(std::memory_order_relaxed)); }
    WorkerScore& score() { return score_; }
    int process() const { return process_; }
    int thread() const { return thread_; }
    // ExtendedStatus On: the request line, client and vhost are recorded.
    bool extended() const { return extended_; }

private:
    WorkerScore& score_;
    int process_;
    int thread_;
    bool extended_;
};

// The protocol engine (HTTP/1.1). One instance per configuration
// generation, built by the master before children are forked.
class ConnectionServer {
public:
    virtual ~ConnectionServer() = default;
    // Serves `conn` until it is done; closes it. Stops early, between
    // requests, when `control` says the child is stopping.
    virtual void serve(Connection& conn, WorkerSlot& slot, const ChildControl& control) = 0;
    // Child start and exit (open per-child state, flush buffered logs).
    virtual void child_init() {}
    virtual void child_exit() {}
};

}  // namespace feather::runtime
