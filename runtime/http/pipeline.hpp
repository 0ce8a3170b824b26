#pragma once
// The request pipeline: httpd's ap_process_request. Runs the phases in
// order (with the access rules of Satisfy), the handler, the error
// handling of ap_die (ErrorDocument, canned error pages), and offers the
// modules their services (subrequests, internal redirects, logging).
// One per configuration generation; it holds no per-request state.

#include <memory>
#include <string_view>

#include "modules/module_states.hpp"
#include "modules/request/request.hpp"
#include "modules/request/scoreboard_layout.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/hook_table.hpp"
#include "runtime/log/error_log.hpp"

namespace feather::runtime {

class Scoreboard;

// httpd's internal return codes.
inline constexpr int kOk = 0;
inline constexpr int kDeclined = -1;
inline constexpr int kDone = -2;

int to_code(Verdict v);

class Pipeline final : public RequestServices {
public:
    Pipeline(std::shared_ptr<const directives::Config> config, std::shared_ptr<const HookTable> hooks,
             std::shared_ptr<const ModuleStates> states, std::shared_ptr<const ErrorLog> error_log,
             ServerFacts facts = {}, const Scoreboard* const* scoreboard = nullptr);

    // Fills the per-request links (server, config, services) of a request
    // read from a connection.
    void attach(Request& r, std::size_t server_index);
    // ap_process_request (without the final write): the response is left
    // in `r` (status, headers, body).
    void process(Request& r);
    // ap_die: turns `r` into the response for `status` (ErrorDocument or
    // the canned page). Used for protocol errors before `process` too.
    void die(int status, Request& r);
    // The LogTransaction phase, after the response has been sent.
    void log_transaction(Request& r);

    const directives::Config& config() const { return *config_; }

    // RequestServices
    bool log_enabled(const Request& r, ModuleId module, LogLevel level) const override;
    void log(const Request& r, ModuleId module, LogLevel level, std::string_view text,
             int os_error = 0) const override;
    std::unique_ptr<Request> lookup_uri(Request& r, std::string_view uri) override;
    std::unique_ptr<Request> lookup_file(Request& r, std::string_view file) override;
    int run_subrequest(Request& sub) override;
    void fast_redirect(Request& r, Request& sub) override;
    void internal_redirect(Request& r, std::string_view uri) override;
    std::optional<std::string> remote_host(Request& r, RemoteHost type, bool* is_ip) override;
    std::int64_t now_us() const override;
    std::string entity_tag(Request& r) override;
    int meets_conditions(const Request& r) override;
    int apply_byteranges(Request& r) override;
    std::optional<ScoreboardView> scoreboard() const override;
    const ServerFacts& server_facts() const override { return facts_; }

private:
    int process_internal(Request& r);
    int access_phases(Request& r);
    int invoke_handler(Request& r);
    int run_first(Phase p, Request& r);
    int run_all(Phase p, Request& r);
    std::unique_ptr<Request> make_subrequest(Request& r);

    std::shared_ptr<const directives::Config> config_;
    std::shared_ptr<const HookTable> hooks_;
    std::shared_ptr<const ModuleStates> states_;
    std::shared_ptr<const ErrorLog> error_log_;
    ServerFacts facts_;
    const Scoreboard* const* scoreboard_;  // the master creates it after the generation
};

}  // namespace feather::runtime
