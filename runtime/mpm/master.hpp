#pragma once
// The master process: it never serves. It opens the listeners and logs,
// creates the scoreboard, forks children, and once a second reads the
// scoreboard to start or retire children. Signals as httpd:
//   SIGTERM, SIGINT  stop (children killed)
//   SIGHUP           restart: re-read the configuration, replace all children
//   SIGUSR1          graceful restart: new children for the new
//                    configuration, old ones finish their request first
//   SIGWINCH         graceful stop (GracefulShutdownTimeout)
// A restart whose configuration fails to load keeps the old one running and
// logs the error with its file and line.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include "directives/loader.hpp"
#include "runtime/log/piped_logs.hpp"
#include "runtime/mpm/generation.hpp"
#include "runtime/mpm/spawn_policy.hpp"
#include "runtime/net/listeners.hpp"
#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

struct MasterOptions {
    bool foreground = false;   // -DFOREGROUND: no detach
    bool no_detach = false;    // -DNO_DETACH
    bool one_process = false;  // -X
    std::string command_line;  // for the "Command line:" notice
};

// Loads the configuration again (for restarts), as the command line asked.
using ConfigLoader = std::function<directives::LoadResult()>;
// Builds the protocol engine of a generation.
using ServerFactory = std::function<std::shared_ptr<ConnectionServer>(const Generation&, std::string& error)>;

class Master {
public:
    Master(MasterOptions options, ConfigLoader loader, ServerFactory factory);
    ~Master();

    // Runs the server on `config` until it stops; returns the exit status.
    int run(std::shared_ptr<const directives::Config> config);

private:
    struct Child {
        int slot = 0;
        std::uint32_t generation = 0;
    };

    bool make_generation(std::shared_ptr<const directives::Config> config, Generation& out,
                         std::vector<std::string>& errors);
    bool open_listeners(const directives::Config& config, std::vector<std::string>& errors);
    void spawn(int slot);
    void startup_children(int count);
    void reap(bool& child_died);
    void maintenance();
    void signal_old_generation();
    bool restart(bool graceful);
    void stop_children(int sig, bool wait);
    void graceful_stop();
    void log(LogLevel level, const std::string& text, int os_error = 0) const;
    int free_slot() const;

    MasterOptions options_;
    ConfigLoader loader_;
    ServerFactory factory_;
    std::unique_ptr<PipedLogs> piped_;
    std::unique_ptr<ListenerSet> listeners_;
    std::unique_ptr<Scoreboard> scoreboard_;
    Generation gen_;
    ServerResources res_;
    SpawnState spawn_;
    std::map<pid_t, Child> children_;
    std::string pid_file_;
    int signal_fd_ = -1;
    int remaining_to_start_ = 0;
    bool shutdown_ = false;
    bool graceful_stop_ = false;
    bool restart_ = false;
    bool graceful_restart_ = false;
};

}  // namespace feather::runtime
