// mod_status at request time: the handler for `SetHandler server-status`
// (and the magic type application/x-httpd-status), GET only.

#include <unistd.h>

#include <cctype>
#include <cstdlib>

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"
#include "modules/request/server_url.hpp"
#include "modules/request/services.hpp"
#include "modules/status/status_render.hpp"
#include "modules/status/status_text.hpp"

namespace feather::mod::status {

namespace {

constexpr std::string_view kMagicType = "application/x-httpd-status";
constexpr std::string_view kHandlerName = "server-status";

// ap_invoke_handler: without a handler, the content type (parameters
// dropped) names it.
std::string_view handler_of(const Request& r)
{
    if (!r.handler.empty()) {
        return r.handler;
    }
    std::string_view t = r.content_type;
    t = t.substr(0, t.find(';'));
    while (!t.empty() && t.back() == ' ') {
        t.remove_suffix(1);
    }
    return t;
}

// ap_get_server_banner: the description cut down as ServerTokens says.
std::string banner(const Request& r, const std::string& description)
{
    const auto tokens = get<core::CoreServerConfig>(*r.config->main_server().modules)
                            .server_tokens.get_or(core::ServerTokens::Full);
    const std::string product = description.substr(0, description.find(' '));  // "Apache/2.4.71"
    const auto slash = product.find('/');
    const std::string name = product.substr(0, slash);
    const std::string version = slash == std::string::npos ? std::string() : product.substr(slash + 1);
    switch (tokens) {
    case core::ServerTokens::Prod: return name;
    case core::ServerTokens::Major: return name + "/" + version.substr(0, version.find('.'));
    case core::ServerTokens::Minor: return name + "/" + version.substr(0, version.rfind('.'));
    case core::ServerTokens::Minimal: return product;
    case core::ServerTokens::OS: {
        const auto end = description.find(')');
        return end == std::string::npos ? product : description.substr(0, end + 1);
    }
    case core::ServerTokens::Full: break;
    }
    return description;
}

bool is_url(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() &&
           (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
        ++i;
    }
    return i > 0 && i < s.size() && s[i] == ':';
}

// ap_psignature("<hr />\n", r)
std::string signature(const Request& r, const std::string& description)
{
    const auto sig = r.per_dir ? get<core::CoreDirConfig>(*r.per_dir)
                                     .uncommon()
                                     .server_signature.get_or(core::ServerSignature::Off)
                               : core::ServerSignature::Off;
    if (sig == core::ServerSignature::Off) {
        return "";
    }
    const std::string port = std::to_string(server_port(r));
    const std::string name = escape_html(server_name(r));
    const std::string head = "<hr />\n<address>" + banner(r, description) + " Server at ";
    if (sig == core::ServerSignature::Email) {
        const std::string admin =
            get<core::CoreServerConfig>(*r.server->modules).server_admin.get_or("[no address given]");
        return head + "<a href=\"" + (is_url(admin) ? "" : "mailto:") + escape_html(admin) + "\">" + name +
               "</a> Port " + port + "</address>\n";
    }
    return head + name + " Port " + port + "</address>\n";
}

// status_options: each keyword anywhere in the query string.
PageOptions parse_options(Request& r)
{
    PageOptions o;
    const std::string& args = r.args;
    if (args.empty()) {
        return o;
    }
    if (const auto at = args.find("refresh"); at != std::string::npos) {
        long seconds = 0;
        const std::size_t after = at + 7;
        if (after < args.size() && args[after] == '=') {
            seconds = std::strtol(args.c_str() + after + 1, nullptr, 10);
        }
        r.headers_out.set("Refresh", std::to_string(seconds < 1 ? 10 : seconds));
    }
    if (args.find("notable") != std::string::npos) {
        o.no_table = true;
    }
    if (args.find("auto") != std::string::npos) {
        o.short_report = true;
    }
    return o;
}

Verdict status_handler(Request& r)
{
    const std::string_view handler = handler_of(r);
    if (handler != kMagicType && handler != kHandlerName) {
        return Verdict::declined();
    }
    const std::optional<ScoreboardView> view =
        r.services != nullptr ? r.services->scoreboard() : std::nullopt;
    if (!view) {
        if (r.services != nullptr) {
            r.services->log(r, ModuleId::Status, LogLevel::Error,
                            "AH01237: Server status unavailable in inetd mode");
        }
        return Verdict::http(500);
    }
    r.allowed = std::int64_t{1} << core::kMethodGet;
    if (r.method_number != core::kMethodGet) {
        return Verdict::declined();
    }
    r.content_type = "text/html; charset=ISO-8859-1";
    const PageOptions options = parse_options(r);
    if (options.short_report) {
        r.content_type = "text/plain; charset=ISO-8859-1";
    }

    PageFacts facts;
    facts.server = r.services->server_facts();
    facts.extended = get<core::CoreServerConfig>(*r.config->main_server().modules).extended_status.get_or(true);
    facts.now_us = r.services->now_us();
    facts.server_name = server_name(r);
    facts.local_ip = r.connection->local_ip;
    double load[3] = {0, 0, 0};
    if (::getloadavg(load, 3) == 3) {
        for (int i = 0; i < 3; ++i) {
            facts.load[i] = static_cast<float>(load[i]);
        }
    }
    facts.ticks_per_second = static_cast<float>(::sysconf(_SC_CLK_TCK));
    if (!options.short_report) {
        facts.signature = signature(r, facts.server.description);
    }
    const int thread_columns = facts.server.threaded ? view->thread_limit : 1;
    const Snapshot sb = take_snapshot(*view, facts.extended, thread_columns);
    r.body.emplace_back(render_status(sb, facts, options));
    return Verdict::ok();
}

constexpr HookSpec kHooks[] = {
    {Phase::Handler, &status_handler, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kStatusHooks{ModuleId::Status, kHooks};

}  // namespace feather::mod::status
