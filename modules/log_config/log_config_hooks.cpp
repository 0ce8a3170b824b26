// mod_log_config's request-time side: the LogTransaction hook, the
// post-config step that opens the logs, the child-exit flush.

#include <pthread.h>
#include <unistd.h>

#include <chrono>

#include "modules/config_sets.hpp"
#include "modules/log_config/log_state.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::log_config {

namespace {

Verdict log_transaction(Request& r)
{
    if (r.states == nullptr || !r.states->access_logs) {
        return Verdict::declined();
    }
    const auto& core = get<core::CoreServerConfig>(*r.server->modules);
    const auto& main_core = get<core::CoreServerConfig>(*r.config->main_server().modules);
    const auto& http = get<http::HttpServerConfig>(*r.server->modules);
    LogContext ctx;
    ctx.end_time_us = r.services != nullptr ? r.services->now_us() : r.request_time_us;
    ctx.pid = static_cast<long>(::getpid());
    ctx.tid = static_cast<unsigned long>(::pthread_self());
    const std::string name = core.server_name.get_or(main_core.server_name.get_or(r.connection->local_ip));
    ctx.virtual_host = name;
    // UseCanonicalName Off (the default): the name the client asked for.
    const bool canonical =
        r.per_dir && get<core::CoreDirConfig>(*r.per_dir).use_canonical_name.get_or(core::UseCanonicalName::Off) ==
                         core::UseCanonicalName::On;
    std::string asked = r.hostname;
    if (const auto colon = asked.rfind(':'); colon != std::string::npos && asked.find(']') == std::string::npos) {
        asked.resize(colon);
    }
    ctx.server_name = canonical || asked.empty() ? std::string_view(name) : std::string_view(asked);
    ctx.server_port = core.server_port.get_or(0) != 0 ? *core.server_port.value : 80;
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
