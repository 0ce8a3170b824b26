#include "runtime/http/http_engine.hpp"

#include <sys/times.h>

#include "modules/all_modules.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/server_url.hpp"
#include "runtime/conn/socket_io.hpp"
#include "runtime/http/core_hooks.hpp"
#include "runtime/http/htaccess_cache.hpp"
#include "runtime/http/http_exchange.hpp"
#include "runtime/http/merge_memo.hpp"
#include "runtime/http/options_trace.hpp"
#include "runtime/http/pipeline.hpp"
#include "runtime/http/vhost_select.hpp"
#include "runtime/build_info.hpp"
#include "runtime/log/piped_logs.hpp"
#include "runtime/scoreboard/scoreboard.hpp"
#include "runtime/process/child_control.hpp"

namespace feather::runtime {

namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

class HttpEngine final : public ConnectionServer {
public:
    HttpEngine(const Generation& gen, std::shared_ptr<Pipeline> pipeline, std::shared_ptr<ModuleStates> states)
        : config_(gen.config), pipeline_(std::move(pipeline)), states_(std::move(states)), vhosts_(*gen.config, states_->vhosts),
          extended_(gen.extended_status),
          see_request_tail_(get<mod::core::CoreServerConfig>(*gen.config->main_server().modules)
                                .see_request_tail.get_or(false))
    {
    }

    void serve(Connection& conn, WorkerSlot& slot, const ChildControl& control) override;
    void child_init() override
    {
        for (const auto step : mod::child_init_steps()) {
            step(*states_);
        }
    }
    void child_exit() override
    {
        for (const auto step : mod::child_exit_steps()) {
            step(*states_);
        }
        log_perdir_counts();
    }

private:
    // How much per-directory merging and .htaccess parsing this child did
    // (LogLevel core:debug), for benchmarks: a steady stream of requests
    // should show memo hits and reuses, not merges and parses.
    void log_perdir_counts() const
    {
        Request r;
        r.server = &config_->main_server();
        r.config = config_.get();
        r.services = pipeline_.get();
        if (!pipeline_->log_enabled(r, ModuleId::Core, LogLevel::Debug)) {
            return;
        }
        const MergeCounts m = merge_memo_counts();
        const HtaccessCounts h = HtaccessCache::process().counts();
        pipeline_->log(r, ModuleId::Core, LogLevel::Debug,
                       "per-directory config: " + std::to_string(m.merges) + " merges, " +
                           std::to_string(m.hits) + " memo hits, " + std::to_string(h.parses) +
                           " .htaccess parses, " + std::to_string(h.reuses) +
                           " .htaccess reuses");
    }

    std::shared_ptr<const directives::Config> config_;
    std::shared_ptr<Pipeline> pipeline_;
    std::shared_ptr<ModuleStates> states_;
    VhostSelector vhosts_;
    bool extended_;
    bool see_request_tail_;
};

ProtocolSettings protocol_settings(const directives::Config& config, const directives::ServerConfig& s,
                                   bool stopping)
{
    const auto& core = get<mod::core::CoreServerConfig>(*s.modules);
    const auto& http = get<mod::http::HttpServerConfig>(*s.modules);
    ProtocolSettings p;
    p.keep_alive = http.keep_alive.get_or(true);
    p.keep_alive_timeout_s = static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(http.keep_alive_timeout.get_or(std::chrono::seconds(5)))
            .count());
    p.keep_alive_max = http.max_keep_alive_requests.get_or(100);
    p.stopping = stopping;
    p.tokens = get<mod::core::CoreServerConfig>(*config.main_server().modules)
                   .server_tokens.get_or(mod::core::ServerTokens::Full);
    p.timeout = duration_cast<milliseconds>(core.timeout.get_or(std::chrono::seconds(60)));
    return p;
}

// Each worker slot has one writer (its own thread): plain load and store,
// no locked read-modify-write on the hot path.
template <class T>
void bump(std::atomic<T>& a, T by)
{
    a.store(a.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

// ap_increment_counts, after the log phase. Bytes are what mod_logio
// counts for the request (head and body), as httpd's scoreboard has them.
// CPU times only with ExtendedStatus (no timing calls otherwise).
void record_request(WorkerSlot& slot, const Request& r, bool extended)
{
    WorkerScore& s = slot.score();
    const std::uint64_t bytes = r.bytes_out;
    bump<std::uint64_t>(s.access_count, 1);
    bump<std::uint64_t>(s.my_access_count, 1);
    bump<std::uint32_t>(s.conn_count, 1);
    bump(s.bytes_served, bytes);
    bump(s.my_bytes_served, bytes);
    bump(s.conn_bytes, bytes);
    if (extended) {
        tms t{};
        ::times(&t);
        s.cpu_user_ticks.store(static_cast<std::uint64_t>(t.tms_utime), std::memory_order_relaxed);
        s.cpu_system_ticks.store(static_cast<std::uint64_t>(t.tms_stime), std::memory_order_relaxed);
    }
}

// The slot's texts change under its sequence counter (odd while writing),
// so mod_status never shows half of an update.
template <class Fill>
void write_texts(WorkerScore& s, Fill fill)
{
    const std::uint32_t seq = s.text_seq.load(std::memory_order_relaxed);
    s.text_seq.store(seq + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    fill();
    s.text_seq.store(seq + 2, std::memory_order_release);
}

// httpd's connection protocol name (ap_get_protocol), whatever HTTP/1.x
// version the requests say.
constexpr std::string_view kConnectionProtocol = "http/1.1";

// A new connection (update_child_status from the connection): the last
// request and vhost are cleared.
void record_connection(WorkerSlot& slot, const ConnectionInfo& c)
{
    WorkerScore& s = slot.score();
    write_texts(s, [&] {
        s.client.store(c.client_ip);
        s.request.store("");
        s.vhost.store("");
        s.protocol.store(kConnectionProtocol);
    });
}

// httpd's copy_request: the request line (a password in an absolute URI
// left out), its first 63 bytes, or its last 63 with SeeRequestTail.
std::string status_request_text(const Request& r, bool tail, std::size_t room)
{
    std::string text = r.the_request;
    if (const auto scheme = text.find("://"); scheme != std::string::npos) {
        const auto path = text.find_first_of("/? ", scheme + 3);
        const auto at = text.rfind('@', path == std::string::npos ? std::string::npos : path);
        if (at != std::string::npos && at > scheme) {
            const auto colon = text.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) {
                text.erase(colon, at - colon);
            }
        }
    }
    if (tail && text.size() >= room) {
        text.erase(0, text.size() - (room - 1));
    }
    return text;
}

// update_child_status with the request: who asked, what, of which vhost.
void record_extended(WorkerSlot& slot, const Request& r, bool tail)
{
    WorkerScore& s = slot.score();
    const std::string vhost = server_hostname(r) + ":" + std::to_string(r.connection->local_port);
    // REMOTE_NOLOOKUP: a name only when HostnameLookups already found one.
    const std::string& client = r.connection->remote_host && !r.connection->remote_host->empty()
                                    ? *r.connection->remote_host
                                    : r.connection->client_ip;
    const std::string request = status_request_text(r, tail, sizeof s.request.words);
    write_texts(s, [&] {
        s.client.store(client);
        s.request.store(request);
        s.vhost.store(vhost);
        s.protocol.store(kConnectionProtocol);
    });
}

void HttpEngine::serve(Connection& conn, WorkerSlot& slot, const ChildControl& control)
{
    ConnectionInfo info;
    info.client_ip = conn.client_ip;
    info.client_port = conn.client_port;
    info.local_ip = conn.local_ip;
    info.local_port = conn.local_port;
    info.id = conn.id;

    SocketIo io(conn.fd, control.wake_fd());
    HttpExchange exchange(io);
    WorkerScore& score = slot.score();
    score.conn_count.store(0, std::memory_order_relaxed);
    score.conn_bytes.store(0, std::memory_order_relaxed);
    const std::size_t base_server = vhosts_.for_connection(info.local_ip, info.local_port);
    if (extended_) {
        record_connection(slot, info);
    }

    while (true) {
        const bool first = exchange.keepalives() == 0;
        const auto& server = config_->servers[base_server];
        if (!exchange.pending()) {
            slot.set_status(first ? WorkerStatus::BusyRead : WorkerStatus::BusyKeepalive);
            const auto& http = get<mod::http::HttpServerConfig>(*server.modules);
            const milliseconds wait = first ? head_limits_of(*config_, server).timeout
                                            : duration_cast<milliseconds>(
                                                  http.keep_alive_timeout.get_or(std::chrono::seconds(5)));
            // Between requests a graceful stop ends the wait; the first
            // request of a connection is always answered. What has arrived
            // already is taken without a poll; anything else (nothing yet,
            // the end, an error) is the poll's to report.
            if (exchange.read_ahead() != IoResult::Ok && io.wait_readable(wait, !first) != IoResult::Ok) {
                break;
            }
        }
        slot.set_status(WorkerStatus::BusyRead);
        Request r;
        r.connection = &info;
        r.request_time_us = now_us();
        const std::uint64_t consumed_before = exchange.bytes_consumed();
        const Head head = exchange.read_head(r, *config_, server);
        if (head.outcome == HeadOutcome::Closed) {
            if (r.status == 408 && first) {
                pipeline_->attach(r, base_server);
                slot.set_status(WorkerStatus::BusyLog);
                pipeline_->log_transaction(r);
            }
            break;
        }
        pipeline_->attach(r, base_server);
        slot.set_status(WorkerStatus::BusyWrite);
        // httpd times only requests that reach ap_process_request.
        bool timed = extended_ && head.outcome != HeadOutcome::Error;
        if (head.outcome == HeadOutcome::Error) {
            if (extended_) {
                record_extended(slot, r, see_request_tail_);
            }
            const int status = r.status;
            r.status = 200;
            pipeline_->die(status, r);
        } else {
            // ap_check_request_header: the host (and with it the virtual
            // host) first, then Expect and the scheme.
            const HostCheck host = vhosts_.check_request_host(base_server, r);
            pipeline_->attach(r, host.server);
            timed = timed && host.status == 0;
            if (extended_) {
                record_extended(slot, r, see_request_tail_);
            }
            if (timed) {
                const std::int64_t start = now_us();
                score.start_time_us.store(start, std::memory_order_relaxed);
                score.last_used_us.store(start, std::memory_order_relaxed);
            }
            if (const int status = exchange.check(r, head, host.status)) {
                pipeline_->die(status, r);
            } else {
                pipeline_->process(r);
            }
        }
        // What is left of the request body goes before the answer; a broken
        // body replaces the answer.
        if (const int status = exchange.finish(r)) {
            pipeline_->die(status, r);
        }
        r.bytes_in = exchange.bytes_consumed() - consumed_before;
        const bool stopping = control.stopping();
        const std::uint64_t written_before = io.bytes_written();
        r.first_byte_us = now_us();
        const bool keep = exchange.send(r, protocol_settings(*config_, config_->servers[r.server_index], stopping));
        r.bytes_out = io.bytes_written() - written_before;
        info.keepalive = keep;
        slot.set_status(WorkerStatus::BusyLog);
        pipeline_->log_transaction(r);
        record_request(slot, r, extended_);
        if (timed) {
            const std::int64_t end = now_us();
            score.stop_time_us.store(end, std::memory_order_relaxed);
            score.last_used_us.store(end, std::memory_order_relaxed);
            bump(score.duration_us, end - score.start_time_us.load(std::memory_order_relaxed));
        }
        if (!keep) {
            break;
        }
    }
    slot.set_status(WorkerStatus::Closing);
    lingering_close(conn.fd);
    conn.fd = -1;
    if (extended_) {
        // httpd stamps the slot when it is ready again.
        score.last_used_us.store(now_us(), std::memory_order_relaxed);
    }
}

}  // namespace

std::shared_ptr<ConnectionServer> make_http_engine(const Generation& gen, std::string& error)
{
    // Piped access logs go through the master's piped-log manager.
    struct Pipes final : PipeOpener {
        PipedLogs* logs;
        explicit Pipes(PipedLogs* l) : logs(l) {}
        std::optional<int> open(std::string_view target, std::string& why) override
        {
            if (logs == nullptr) {
                why = "no piped-log manager";
                return std::nullopt;
            }
            return logs->writer(target, why);
        }
    } pipes(gen.piped_logs);
    PostConfigContext context{&pipes};
    auto states = std::make_shared<ModuleStates>();
    for (const auto& post_config : mod::post_config_steps()) {
        if (!post_config(*gen.config, *states, context, error)) {
            return nullptr;
        }
    }
    const ModuleHooks core[] = {core_hooks(), http_core_hooks()};
    auto hooks = std::make_shared<HookTable>(*gen.config, core, mod::all_module_hooks());
    ServerFacts facts;
    facts.description = server_banner(mod::core::ServerTokens::Full);
    facts.built = build::kBuiltAt;
    facts.mpm = gen.params.kind == MpmKind::Worker ? "worker" : "prefork";
    facts.threaded = gen.params.kind == MpmKind::Worker;
    facts.daemons_limit = gen.params.daemons_limit;
    facts.threads_per_child = gen.params.threads_per_child;
    facts.generation = gen.number;
    auto pipeline = std::make_shared<Pipeline>(gen.config, hooks, states, gen.error_log, facts,
                                               gen.resources != nullptr ? &gen.resources->scoreboard : nullptr);
    return std::make_shared<HttpEngine>(gen, pipeline, states);
}

}  // namespace feather::runtime
