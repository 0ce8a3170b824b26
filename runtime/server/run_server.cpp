#include "runtime/server/run_server.hpp"

#include <signal.h>

#include <algorithm>
#include <cstdio>

#include "modules/all_modules.hpp"
#include "modules/config_sets.hpp"
#include "runtime/http/http_engine.hpp"
#include "runtime/mpm/master.hpp"
#include "runtime/process/pid_file.hpp"

namespace feather::runtime {

namespace {

bool defined(const CliOptions& o, std::string_view name)
{
    return std::find(o.defines.begin(), o.defines.end(), name) != o.defines.end();
}

// httpd's ap_signal_server: -k through the PidFile. Returns -1 when the
// server should be started here.
int signal_server(const std::string& action, const std::string& pid_file)
{
    const auto pid = read_running_pid(pid_file);
    const bool running = pid.has_value();
    std::string status = running ? "feather (pid " + std::to_string(*pid) + ") already running"
                                 : "feather (no pid file) not running";
    auto send = [&](int sig) {
        if (::kill(*pid, sig) != 0) {
            std::fprintf(stderr, "feather: could not send signal to pid %d\n", static_cast<int>(*pid));
            return 1;
        }
        return 0;
    };
    if (action == "start") {
        if (running) {
            std::printf("%s\n", status.c_str());
            return 0;
        }
        return -1;
    }
    if (action == "stop") {
        if (!running) {
            std::printf("%s\n", status.c_str());
            return 0;
        }
        return send(SIGTERM);
    }
    if (action == "restart" || action == "graceful") {
        if (!running) {
            std::printf("feather not running, trying to start\n");
            return -1;
        }
        return send(action == "restart" ? SIGHUP : SIGUSR1);
    }
    if (action == "graceful-stop") {
        if (!running) {
            std::printf("%s\n", status.c_str());
            return 0;
        }
        return send(SIGWINCH);
    }
    return -1;
}

}  // namespace

int run_server(const CliOptions& options, const directives::LoadOptions& load,
               std::shared_ptr<const directives::Config> config, const directives::LogSink& startup_log)
{
    const auto& core = get<mod::core::CoreServerConfig>(*config->main_server().modules);
    const std::string pid_file = parser::merge_path(config->server_root, core.pid_file.get_or("logs/httpd.pid"));
    if (options.signal) {
        const int rc = signal_server(*options.signal, pid_file);
        if (rc >= 0) {
            return rc;
        }
    }

    MasterOptions mo;
    mo.foreground = defined(options, "FOREGROUND");
    mo.no_detach = defined(options, "NO_DETACH");
    mo.one_process = options.debug_single_process;
    mo.command_line = options.program;
    for (const auto& d : options.defines) {
        mo.command_line += " -D " + d;
    }

    ConfigLoader reload = [load, startup_log] {
        directives::Loader loader(mod::registry(), mod::config_factory(), startup_log, mod::config_checks());
        return loader.load(load);
    };
    ServerFactory factory = [](const Generation& gen, std::string& error) { return make_http_engine(gen, error); };
    Master master(mo, reload, factory);
    return master.run(std::move(config));
}

}  // namespace feather::runtime
