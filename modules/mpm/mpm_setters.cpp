// The MPMs' directives (listen.c's LISTEN_COMMANDS, prefork.c, worker.c,
// mpm_common.c's GracefulShutdownTimeout), shared by prefork and worker.
// Counts are kept as configured; check_mpm_limits clamps them later.

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cctype>
#include <cstdlib>

#include "modules/mpm/mpm_config.hpp"
#include "modules/mpm/mpm_setters.hpp"

namespace feather::mod::mpm {

namespace {

MpmConfig& conf(Cmd& cmd) { return main_conf<MpmConfig>(cmd); }

int c_atoi(const std::string& s) { return static_cast<int>(std::strtol(s.c_str(), nullptr, 10)); }

Status set_count(Cmd& cmd, const Args& args, Setting<int> MpmConfig::*field)
{
    (conf(cmd).*field).set(c_atoi(args[0]), cmd.loc());
    return std::nullopt;
}

std::string lower(std::string s)
{
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

struct AddrPort {
    std::optional<std::string> host;
    std::optional<std::string> scope_id;
    int port = 0;
};

// apr_parse_addr_port: "port", "host", "host:port", "[v6]:port",
// "[v6%zone]:port"; nullopt for APR_EINVAL.
std::optional<AddrPort> parse_addr_port(const std::string& str)
{
    AddrPort out;
    long ch = static_cast<long>(str.size()) - 1;
    long last = ch;
    while (ch >= 0 && std::isdigit(static_cast<unsigned char>(str[ch]))) {
        --ch;
    }
    auto port_of = [](const char* digits) -> std::optional<int> {
        const int p = static_cast<int>(std::strtol(digits, nullptr, 10));
        if (p < 1 || p > 65535) {
            return std::nullopt;
        }
        return p;
    };
    if (ch < 0) {
        const auto p = port_of(str.c_str());
        if (!p) {
            return std::nullopt;
        }
        out.port = *p;
        return out;
    }
    if (str[ch] == ':' && ch < last) {
        if (ch == 0) {
            return std::nullopt;
        }
        const auto p = port_of(str.c_str() + ch + 1);
        if (!p) {
            return std::nullopt;
        }
        out.port = *p;
        last = ch - 1;
    }
    const std::string addr = str.substr(0, static_cast<std::size_t>(last + 1));
    if (!addr.empty() && addr.front() == '[') {
        const auto bracket = addr.find(']');
        if (bracket == std::string::npos || bracket != addr.size() - 1) {
            return std::nullopt;
        }
        std::string host;
        const auto pct = addr.find('%');
        if (pct != std::string::npos) {
            if (pct == bracket - 1) {
                return std::nullopt;
            }
            host = addr.substr(1, pct - 1);
            out.scope_id = addr.substr(pct + 1, bracket - pct - 1);
        } else {
            host = addr.substr(1, addr.size() - 2);
        }
        in6_addr tmp{};
        if (::inet_pton(AF_INET6, host.c_str(), &tmp) != 1) {
            return std::nullopt;
        }
        out.host = host;
    } else {
        out.host = addr;
    }
    return out;
}

// apr_sockaddr_info_get for a named host, as alloc_listener calls it:
// nullopt when it resolves, else the text httpd logs with AH00077.
std::optional<std::string> resolve_error(const std::string& host)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* list = nullptr;
    int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    if (rc == EAI_BADFLAGS || rc == EAI_ADDRFAMILY) {
        // APR retries without AI_ADDRCONFIG (loopback-only families).
        hints.ai_flags = 0;
        rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    }
    if (rc == 0) {
        ::freeaddrinfo(list);
        return std::nullopt;
    }
    // APR reports glibc's negative EAI codes as "(EAI n)<text>".
    return "(EAI " + std::to_string(rc < 0 ? -rc : rc) + ")" + ::gai_strerror(rc);
}

}  // namespace

Status set_listen_backlog(Cmd& cmd, const Args& args)
{
    const int b = c_atoi(args[0]);
    if (b < 1) {
        return "ListenBacklog must be > 0";
    }
    conf(cmd).listen_backlog.set(b, cmd.loc());
    return std::nullopt;
}

Status set_listen_cores_buckets_ratio(Cmd& cmd, const Args& args)
{
    const int b = c_atoi(args[0]);
    if (b < 1) {
        return "ListenCoresBucketsRatio must be > 0";
    }
    conf(cmd).listen_cores_buckets_ratio.set(b, cmd.loc());
    return std::nullopt;
}

Status set_listen(Cmd& cmd, const Args& args)
{
    if (args.size() < 1 || args.size() > 2) {
        return "Listen requires 1 or 2 arguments.";
    }
    const auto parsed = parse_addr_port(args[0]);
    if (!parsed) {
        return "Invalid address or port";
    }
    ListenAddr addr;
    if (parsed->host && *parsed->host != "*") {
        addr.host = *parsed->host;
    }
    addr.scope_id = parsed->scope_id.value_or("");
    if (parsed->port == 0) {
        return "Port must be specified";
    }
    addr.port = static_cast<std::uint16_t>(parsed->port);
    addr.protocol = args.size() == 2 ? lower(args[1]) : (addr.port == 443 ? "https" : "http");
    addr.loc = cmd.loc();

    // alloc_listener: the same host text (or none), port and zone twice is an
    // error; different spellings of one address are left to bind().
    auto& listeners = conf(cmd).listeners;
    for (const auto& l : listeners) {
        if (l.port == addr.port && l.host == addr.host && l.scope_id == addr.scope_id) {
            return "Cannot define multiple Listeners on the same IP:port";
        }
    }
    if (!addr.host.empty()) {
        if (auto err = resolve_error(addr.host)) {
            cmd.loader->log(LogLevel::Crit, ModuleId::Core,
                            *err + ": AH00077: alloc_listener: failed to set up sockaddr for " +
                                addr.host);
            return "Listen setup failed";
        }
    }
    listeners.push_back(std::move(addr));
    return std::nullopt;
}

Status set_send_buffer_size(Cmd& cmd, const Args& args)
{
    const int s = c_atoi(args[0]);
    if (s < 512 && s != 0) {
        return "SendBufferSize must be >= 512 bytes, or 0 for system default.";
    }
    conf(cmd).send_buffer_size.set(s, cmd.loc());
    return std::nullopt;
}

Status set_receive_buffer_size(Cmd& cmd, const Args& args)
{
    const int s = c_atoi(args[0]);
    if (s < 512 && s != 0) {
        return "ReceiveBufferSize must be >= 512 bytes, or 0 for system default.";
    }
    conf(cmd).receive_buffer_size.set(s, cmd.loc());
    return std::nullopt;
}

Status set_listen_tcp_defer_accept(Cmd& cmd, const Args& args)
{
    const int v = c_atoi(args[0]);
    if (v < 1) {
        return "ListenTCPDeferAccept must be > 0";
    }
    conf(cmd).listen_tcp_defer_accept.set(v, cmd.loc());
    return std::nullopt;
}

Status set_start_servers(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::start_servers);
}

Status set_min_spare_servers(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::min_spare_servers);
}

Status set_max_spare_servers(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::max_spare_servers);
}

Status set_max_clients(Cmd& cmd, const Args& args)
{
    const bool prefork = cmd.spec->module == ModuleId::MpmPrefork;
    cmd.loader->log(LogLevel::Info, cmd.spec->module,
                    std::string(prefork ? "AH00188" : "AH00324") +
                        ": MaxClients is deprecated, use MaxRequestWorkers instead.");
    return set_count(cmd, args, &MpmConfig::max_request_workers);
}

Status set_max_request_workers(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::max_request_workers);
}

Status set_server_limit(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::server_limit);
}

Status set_graceful_shutdown_timeout(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::graceful_shutdown_timeout);
}

Status set_min_spare_threads(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::min_spare_threads);
}

Status set_max_spare_threads(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::max_spare_threads);
}

Status set_threads_per_child(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::threads_per_child);
}

Status set_thread_limit(Cmd& cmd, const Args& args)
{
    return set_count(cmd, args, &MpmConfig::thread_limit);
}

}  // namespace feather::mod::mpm
