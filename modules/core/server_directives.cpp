// mod_core's per-server directives: names, DocumentRoot, timeouts,
// protocols and HTTP acceptance rules.

#include "directives/registry.hpp"
#include "modules/core/core_config.hpp"
#include "modules/core/core_setters.hpp"
#include "modules/core/core_values.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

CoreServerConfig& server(Cmd& cmd) { return server_conf<CoreServerConfig>(cmd); }

}  // namespace

Status set_error(Cmd&, const Args& args)
{
    const std::string_view arg = args.raw;
    if (arg.empty()) {
        return "The Error directive was used with no message.";
    }
    // Matching quotes around the whole text are dropped.
    if ((arg.front() == '"' || arg.front() == '\'') && arg.back() == arg.front()) {
        return arg.size() >= 2 ? std::string(arg.substr(1, arg.size() - 2)) : std::string();
    }
    return std::string(arg);
}

Status set_document_root(Cmd& cmd, const Args& args)
{
    auto& conf = server(cmd);
    const std::string path = cmd.loader->server_root_relative(args[0]);
    // -T skips the check (httpd then keeps the text as given; Feather keeps
    // it resolved, as -D DUMP_RUN_CFG shows it).
    if (!cmd.loader->options().document_root_check || is_directory(path)) {
        conf.document_root.set(path, cmd.loc());
        return std::nullopt;
    }
    if (cmd.is_virtual()) {
        cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                        "AH00112: Warning: DocumentRoot [" + path + "] does not exist", true);
        conf.document_root.set(path, cmd.loc());
        return std::nullopt;
    }
    return "DocumentRoot '" + path + "' is not a directory, or is not readable";
}

Status set_protocol(Cmd& cmd, const Args& args)
{
    server(cmd).protocol.set(to_lower(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_accept_filter(Cmd& cmd, const Args& args)
{
    server(cmd).accept_filters[to_lower(args[0])] = to_lower(args[1]);
    return std::nullopt;
}

Status set_port(Cmd&, const Args&) { return "Port was replaced with Listen in Apache 2.0"; }

Status set_server_admin(Cmd& cmd, const Args& args)
{
    server(cmd).server_admin.set(args[0], cmd.loc());
    return std::nullopt;
}

Status set_server_name(Cmd& cmd, const Args& args)
{
    const std::string& arg = args[0];
    if (has_glob(arg)) {
        return "Invalid ServerName \"" + arg + "\" use ServerAlias to set multiple server names.";
    }
    auto& conf = server(cmd);
    std::string_view part = arg;
    if (const auto sep = part.find("://"); sep != std::string_view::npos) {
        conf.server_scheme.set(to_lower(std::string(part.substr(0, sep))), cmd.loc());
        part.remove_prefix(sep + 3);
    }
    int port = 0;
    std::string host;
    if (const auto colon = part.find(':'); colon != std::string_view::npos) {
        host = std::string(part.substr(0, colon));
        port = c_atoi(std::string(part.substr(colon + 1)));
        if (port <= 0 || port >= 65536) {
            return "The port number \"" + arg +
                   "\" is outside the appropriate range (i.e., 1..65535).";
        }
    } else {
        host = std::string(part);
    }
    conf.server_name.set(std::move(host), cmd.loc());
    conf.server_port.set(static_cast<std::uint16_t>(port), cmd.loc());
    return std::nullopt;
}

Status set_server_alias(Cmd& cmd, const Args& args)
{
    if (!cmd.is_virtual()) {
        return "ServerAlias only used in <VirtualHost>";
    }
    auto& conf = server(cmd);
    std::string_view rest = args.raw;
    while (!rest.empty()) {
        std::string name = parser::next_word(rest);
        (is_matchexp(name) ? conf.server_wild_aliases : conf.server_aliases)
            .push_back(std::move(name));
    }
    return std::nullopt;
}

Status set_server_path(Cmd& cmd, const Args& args)
{
    server(cmd).server_path.set(args[0], cmd.loc());
    return std::nullopt;
}

Status set_timeout(Cmd& cmd, const Args& args)
{
    // Plain atoi seconds (no unit suffixes, unlike KeepAliveTimeout).
    server(cmd).timeout.set(std::chrono::seconds(c_atoi(args[0])), cmd.loc());
    return std::nullopt;
}

Status set_name_virtual_host(Cmd& cmd, const Args&)
{
    auto& main = main_conf<CoreServerConfig>(cmd);
    if (!main.name_virtual_host_warned) {
        main.name_virtual_host_warned = true;
        cmd.loader->log(
            LogLevel::Notice, ModuleId::Core,
            "AH00548: NameVirtualHost has no effect and will be removed in the next release " +
                std::string(cmd.loc().file()) + ":" + std::to_string(cmd.loc().line), true);
    }
    return std::nullopt;
}

Status set_strict_host_check(Cmd& cmd, const Args& args)
{
    server(cmd).strict_host_check.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_allow_encoded_slashes(Cmd& cmd, const Args& args)
{
    EncodedSlashes v;
    if (iequals(args[0], "on")) {
        v = EncodedSlashes::On;
    } else if (iequals(args[0], "off")) {
        v = EncodedSlashes::Off;
    } else if (iequals(args[0], "nodecode")) {
        v = EncodedSlashes::NoDecode;
    } else {
        return std::string(cmd.spec->name) + " must be On, Off, or NoDecode";
    }
    server(cmd).encoded_slashes.set(v, cmd.loc());
    return std::nullopt;
}

Status set_trace_enable(Cmd& cmd, const Args& args)
{
    TraceEnable v;
    if (iequals(args[0], "on")) {
        v = TraceEnable::On;
    } else if (iequals(args[0], "off")) {
        v = TraceEnable::Off;
    } else if (iequals(args[0], "extended")) {
        v = TraceEnable::Extended;
    } else {
        return "TraceEnable must be one of 'on', 'off', or 'extended'";
    }
    server(cmd).trace_enable.set(v, cmd.loc());
    return std::nullopt;
}

Status set_merge_trailers(Cmd& cmd, const Args& args)
{
    server(cmd).merge_trailers.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_protocols(Cmd& cmd, const Args& args)
{
    server(cmd).protocols.push_back(args[0]);
    return std::nullopt;
}

Status set_protocols_honor_order(Cmd& cmd, const Args& args)
{
    bool v;
    if (iequals(args[0], "on")) {
        v = true;
    } else if (iequals(args[0], "off")) {
        v = false;
    } else {
        return "ProtocolsHonorOrder must be 'on' or 'off'";
    }
    server(cmd).protocols_honor_order.set(v, cmd.loc());
    return std::nullopt;
}

Status set_http_protocol_options(Cmd& cmd, const Args& args)
{
    auto& setting = server(cmd).http_protocol_options;
    unsigned bits = setting.get_or(0);
    const std::string& arg = args[0];
    if (iequals(arg, "allow0.9")) {
        bits |= kHttp09Allow;
    } else if (iequals(arg, "require1.0")) {
        bits |= kHttp09Require;
    } else if (iequals(arg, "strict")) {
        bits |= kHttpStrict;
    } else if (iequals(arg, "unsafe")) {
        bits |= kHttpUnsafe;
    } else if (iequals(arg, "registeredmethods")) {
        bits |= kHttpRegistered;
    } else if (iequals(arg, "lenientmethods")) {
        bits |= kHttpLenient;
    } else {
        return "HttpProtocolOptions accepts 'Unsafe' or 'Strict' (default), 'RegisteredMethods' or "
               "'LenientMethods' (default), and 'Require1.0' or 'Allow0.9' (default)";
    }
    // Lines add up within a server, so opposites clash across lines too.
    if ((bits & kHttp09Mask) == kHttp09Mask) {
        return "HttpProtocolOptions 'Allow0.9' and 'Require1.0' are mutually exclusive";
    }
    if ((bits & kHttpConformanceMask) == kHttpConformanceMask) {
        return "HttpProtocolOptions 'Strict' and 'Unsafe' are mutually exclusive";
    }
    if ((bits & kHttpMethodsMask) == kHttpMethodsMask) {
        return "HttpProtocolOptions 'RegisteredMethods' and 'LenientMethods' are mutually "
               "exclusive";
    }
    setting.set(bits, cmd.loc());
    return std::nullopt;
}

Status set_register_http_method(Cmd& cmd, const Args& args)
{
    // ap_method_register: the standard methods and earlier registrations
    // keep their number; numbers 27..62 are free for new ones.
    static constexpr std::string_view kStandard[] = {
        "GET",
        "PUT",
        "POST",
        "DELETE",
        "CONNECT",
        "OPTIONS",
        "TRACE",
        "PATCH",
        "PROPFIND",
        "PROPPATCH",
        "MKCOL",
        "COPY",
        "MOVE",
        "LOCK",
        "UNLOCK",
        "VERSION-CONTROL",
        "CHECKOUT",
        "UNCHECKOUT",
        "CHECKIN",
        "UPDATE",
        "LABEL",
        "REPORT",
        "MKWORKSPACE",
        "MKACTIVITY",
        "BASELINE-CONTROL",
        "MERGE",
    };
    constexpr std::size_t kFreeNumbers = 62 - 27 + 1;
    const std::string& name = args[0];
    for (const auto s : kStandard) {
        if (s == name) {
            return std::nullopt;
        }
    }
    auto& methods = main_conf<CoreServerConfig>(cmd).registered_methods;
    for (const auto& m : methods) {
        if (m == name) {
            return std::nullopt;
        }
    }
    if (methods.size() >= kFreeNumbers) {
        cmd.loader->log(
            LogLevel::Error, ModuleId::Core,
            "AH01610: Maximum new request methods 62 reached while registering method " + name +
                ".");
        return std::nullopt;
    }
    methods.push_back(name);
    return std::nullopt;
}

Status set_merge_slashes(Cmd& cmd, const Args& args)
{
    server(cmd).merge_slashes.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core
