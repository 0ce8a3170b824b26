#pragma once
// Everything one configuration generation runs with: made by the master at
// startup and at each restart, inherited by the children it forks.

#include <cstdint>
#include <memory>

#include "directives/config.hpp"
#include "runtime/conn/connection.hpp"
#include "runtime/log/error_log.hpp"
#include "runtime/mpm/accept_mutex.hpp"
#include "runtime/mpm/mpm_params.hpp"
#include "runtime/process/identity.hpp"

namespace feather::runtime {

class ListenerSet;
class PipedLogs;
class Scoreboard;

struct ServerResources;

struct Generation {
    std::uint32_t number = 0;
    std::shared_ptr<const directives::Config> config;
    MpmParams params;
    ChildIdentity identity;
    std::shared_ptr<ErrorLog> error_log;
    std::shared_ptr<AcceptMutex> accept_mutex;   // null: unserialized
    std::shared_ptr<ConnectionServer> server;    // the protocol engine
    bool extended_status = false;
    PipedLogs* piped_logs = nullptr;             // for the engine's piped access logs
    const ServerResources* resources = nullptr;  // the scoreboard (made after the first generation)
};

// Shared by every generation.
struct ServerResources {
    ListenerSet* listeners = nullptr;
    Scoreboard* scoreboard = nullptr;
    PipedLogs* piped_logs = nullptr;
    bool one_process = false;  // -X
};

}  // namespace feather::runtime
