// mod_log_config's request-time side: the LogTransaction hook, the
// post-config step that opens the logs, the child-exit flush.

#include <pthread.h>
#include <unistd.h>

#include <chrono>

#include "modules/config_sets.hpp"
#include "modules/log_config/log_state.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/process_id.hpp"
#include "modules/request/server_url.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::log_config {

namespace {

Verdict log_transaction(Request& r)
{
    if (r.states == nullptr || !r.states->access_logs) {
        return Verdict::declined();
    }
    const auto& http = get<http::HttpServerConfig>(*r.server->modules);
    LogContext ctx;
    ctx.end_time_us = r.services != nullptr ? r.services->now_us() : r.request_time_us;
    ctx.pid = static_cast<long>(current_pid());
    ctx.tid = static_cast<unsigned long>(::pthread_self());
    // %v is the server's own name, %V and %p what ap_get_server_name and
    // ap_get_server_port give (UseCanonicalName decides).
    const std::string virtual_host = server_hostname(r);
    const std::string name = server_name(r);
    ctx.virtual_host = virtual_host;
    ctx.server_name = name;
    ctx.server_port = server_port(r);
    ctx.keep_alive_max = http.max_keep_alive_requests.get_or(100);
    r.states->access_logs->log(r, ctx);
    return Verdict::ok();
}

constexpr HookSpec kHooks[] = {
    {Phase::LogTransaction, &log_transaction, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kLogConfigHooks{ModuleId::LogConfig, kHooks};

bool open_access_logs(const directives::Config& config, ModuleStates& states, PostConfigContext& context,
                      std::string& error)
{
    states.access_logs = LogState::open(config, context.pipes, error);
    return states.access_logs != nullptr;
}

void flush_access_logs(ModuleStates& states)
{
    if (states.access_logs) {
        states.access_logs->flush();
    }
}

}  // namespace feather::mod::log_config
