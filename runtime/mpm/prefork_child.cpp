// prefork: one process per connection at a time. The child waits for a
// connection, serves it (with its keep-alive requests) and waits again,
// until MaxConnectionsPerChild or a graceful stop.

#include <unistd.h>

#include "runtime/mpm/acceptor.hpp"
#include "runtime/mpm/child_main.hpp"
#include "runtime/net/listeners.hpp"
#include "runtime/process/child_control.hpp"
#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

void prefork_child_main(const Generation& gen, const ServerResources& res, int slot)
{
    if (!child_setup(gen, res, slot)) {
        ::_exit(kChildExitFatal);
    }
    ChildControl& control = *ChildControl::current();
    Scoreboard& sb = *res.scoreboard;
    WorkerSlot worker(sb, slot, 0, gen.number, gen.extended_status);
    gen.server->child_init();

    Acceptor acceptor(res.listeners->listeners(), gen.accept_mutex.get(), control.wake_fd());
    std::uint64_t connections = 0;
    while (!control.stopping()) {
        worker.set_status(WorkerStatus::Ready);
        Connection conn;
        const auto outcome = acceptor.next(control, conn);
        if (outcome == Acceptor::Outcome::Fatal) {
            break;
        }
        if (outcome == Acceptor::Outcome::Retry) {
            continue;
        }
        if (outcome == Acceptor::Outcome::Stopping && conn.fd < 0) {
            break;
        }
        if (conn.fd < 0) {
            continue;
        }
        gen.server->serve(conn, worker, control);
        ++connections;
        if (gen.params.max_connections_per_child != 0 &&
            connections >= gen.params.max_connections_per_child) {
            control.request_graceful();
        }
    }
    worker.set_status(WorkerStatus::Graceful);
    gen.server->child_exit();
    worker.set_status(WorkerStatus::Dead);
    ::_exit(kChildExitOk);
}

}  // namespace feather::runtime
