// mod_core's error-log directives: ErrorLog, ErrorLogFormat, LogLevel.

#include <string_view>

#include "directives/registry.hpp"
#include "modules/core/core_config.hpp"
#include "modules/core/core_setters.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

constexpr unsigned kTrace8 = 15;  // APLOG_TRACE8

// The letters httpd registers for ErrorLogFormat (log.c).
bool known_field(char c)
{
    return std::string_view("aAeEFikLlmnPtTvV").find(c) != std::string_view::npos;
}

// parse_errorlog_misc_string: text up to the next '%' or (after the first
// non-blank) the next blank, with \r \n \t escapes.
void parse_literal(std::string_view& s, ErrorLogItem& it)
{
    bool at_start = true;
    std::size_t i = 0;
    while (i < s.size() && s[i] != '%' && (s[i] != ' ' || at_start)) {
        if (s[i] != '\\') {
            if (s[i] != ' ') {
                at_start = false;
            }
            it.arg.push_back(s[i++]);
            continue;
        }
        ++i;
        if (i >= s.size()) {
            it.arg.push_back('\\');
            break;
        }
        switch (s[i]) {
        case 'r': it.arg.push_back('\r'); break;
        case 'n': it.arg.push_back('\n'); break;
        case 't': it.arg.push_back('\t'); break;
        default: it.arg.push_back(s[i]); break;
        }
        ++i;
    }
    s.remove_prefix(i);
}

// parse_errorlog_item.
std::optional<std::string> parse_item(std::string_view& s, ErrorLogItem& it)
{
    while (true) {
        if (s.front() != '%') {
            if (s.front() == ' ') {
                it.field_sep = true;
            }
            parse_literal(s, it);
            return std::nullopt;
        }
        s.remove_prefix(1);
        if (!s.empty() && s.front() == ' ') {
            // "% " is a field separator before the next item.
            it.field_sep = true;
            s.remove_prefix(1);
            if (s.empty()) {
                return std::nullopt;
            }
            continue;
        }
        break;
    }
    if (!s.empty() && s.front() == '%') {
        it.arg = "%";
        s.remove_prefix(1);
        return std::nullopt;
    }
    while (!s.empty()) {
        const char c = s.front();
        if (c == '{') {
            s.remove_prefix(1);
            const auto close = s.find('}');
            it.arg = std::string(s.substr(0, close));
            s.remove_prefix(close == std::string_view::npos ? s.size() : close + 1);
        } else if (c == '+') {
            s.remove_prefix(1);
            it.required = true;
        } else if (c == '-') {
            s.remove_prefix(1);
            it.null_as_hyphen = true;
        } else if (c >= '0' && c <= '9') {
            unsigned long level = 0;
            while (!s.empty() && s.front() >= '0' && s.front() <= '9') {
                level = std::min<unsigned long>(level * 10 + static_cast<unsigned>(s.front() - '0'),
                                                1000000);
                s.remove_prefix(1);
            }
            it.min_loglevel = static_cast<unsigned>(level);
        } else if (c == 'M') {
            s.remove_prefix(1);
            it.kind = ErrorLogItem::Kind::Message;
            return std::nullopt;
        } else {
            if (!known_field(c)) {
                return std::string("Unrecognized error log format directive %") + c;
            }
            s.remove_prefix(1);
            it.kind = ErrorLogItem::Kind::Field;
            it.field = c;
            return std::nullopt;
        }
    }
    return std::string("Ran off end of error log format parsing args to some directive");
}

// parse_errorlog_string.
std::optional<std::string> parse_format(std::string_view s, bool is_main, ErrorLogFormat& out)
{
    bool seen_message = false;
    while (!s.empty()) {
        ErrorLogItem it;
        if (auto err = parse_item(s, it)) {
            return err;
        }
        if (it.kind == ErrorLogItem::Kind::Message) {
            if (!is_main) {
                return std::string(
                    "%M cannot be used in once-per-request or once-per-connection formats");
            }
            seen_message = true;
        }
        if (is_main && it.required) {
            return std::string("The '+' flag cannot be used in the main error log format");
        }
        if (!is_main && it.min_loglevel != 0) {
            return std::string("The loglevel cannot be used as a condition in once-per-request or "
                               "once-per-connection "
                               "formats");
        }
        if (it.min_loglevel > kTrace8) {
            return std::string("The specified loglevel modifier is out of range");
        }
        out.push_back(std::move(it));
    }
    if (is_main && !seen_message) {
        return std::string("main ErrorLogFormat must contain message format string '%M'");
    }
    return std::nullopt;
}

// find_module in core.c: a loaded module by file name ("mod_mime.c") or
// symbol ("mime_module"), then "<name>_module".
std::optional<ModuleId> find_loaded_module(Cmd& cmd, std::string_view name)
{
    auto find = [&](std::string_view n) -> std::optional<ModuleId> {
        for (const ModuleInfo* m : cmd.loader->registry().modules()) {
            if ((m->source == n || m->symbol == n) && cmd.loader->modules().contains(m->id)) {
                return m->id;
            }
        }
        return std::nullopt;
    };
    if (auto id = find(name)) {
        return id;
    }
    return find(std::string(name) + "_module");
}

constexpr const char* kLevelError =
    "Log level keyword must be one of "
    "emerg/alert/crit/error/warn/notice/info/debug/trace1/.../trace8";

}  // namespace

Status set_error_log(Cmd& cmd, const Args& args)
{
    const std::string& raw = args[0];
    ErrorLogTarget t;
    t.raw = raw;
    if (raw.front() == '|') {
        // "|prog" runs the program directly, "||prog" too (2.2 syntax),
        // "|$prog" through the shell.
        std::string_view cmdline(raw);
        cmdline.remove_prefix(1);
        if (!cmdline.empty() && cmdline.front() == '|') {
            cmdline.remove_prefix(1);
        }
        if (!cmdline.empty() && cmdline.front() == '$') {
            t.shell = true;
            cmdline.remove_prefix(1);
        }
        t.kind = ErrorLogTarget::Kind::Pipe;
        t.command = std::string(cmdline);
    } else if (raw == "syslog" || raw.rfind("syslog:", 0) == 0) {
        // syslog[:facility[:tag]]; the facility is checked when the log opens.
        t.kind = ErrorLogTarget::Kind::Syslog;
        if (raw.size() > 6) {
            std::string_view rest = std::string_view(raw).substr(7);
            const auto colon = rest.find(':');
            t.facility = std::string(rest.substr(0, colon));
            if (colon != std::string_view::npos) {
                t.tag = std::string(rest.substr(colon + 1));
            }
        }
    } else {
        t.kind = ErrorLogTarget::Kind::File;
        t.path = cmd.loader->server_root_relative(raw);
    }
    server_conf<CoreServerConfig>(cmd).error_log.set(std::move(t), cmd.loc());
    return std::nullopt;
}

Status set_error_log_format(Cmd& cmd, const Args& args)
{
    auto& conf = server_conf<CoreServerConfig>(cmd);
    ErrorLogFormat format;
    if (args.size() == 1) {
        if (auto err = parse_format(args[0], true, format)) {
            return err;
        }
        conf.error_log_format.set(std::move(format), cmd.loc());
        return std::nullopt;
    }
    std::vector<ErrorLogFormat>* list = nullptr;
    if (iequals(args[0], "connection")) {
        list = &conf.error_log_conn;
    } else if (iequals(args[0], "request")) {
        list = &conf.error_log_req;
    } else {
        return "ErrorLogFormat type must be one of request, connection";
    }
    if (auto err = parse_format(args[1], false, format)) {
        return err;
    }
    list->push_back(std::move(format));
    return std::nullopt;
}

Status set_log_level(Cmd& cmd, const Args& args)
{
    auto& setting = dir_conf<CoreDirConfig>(cmd).edit_uncommon().log_levels;
    LogLevels levels = setting.get_or(LogLevels{});
    const std::string& arg = args[0];

    const auto colon = arg.rfind(':');
    if (colon == std::string::npos) {
        const auto level = parse_log_level(arg);
        if (!level) {
            return kLevelError;
        }
        // A default level resets the per-module ones.
        levels.level = *level;
        levels.per_module.clear();
        setting.set(std::move(levels), cmd.loc());
        return std::nullopt;
    }

    const std::string name = arg.substr(0, colon);
    const std::string level_text = arg.substr(colon + 1);
    if (level_text.empty()) {
        return "Module specifier '" + name + "' must be followed by a log level keyword";
    }
    const auto level = parse_log_level(level_text);
    if (!level) {
        return name + ":" + level_text + ": " + kLevelError;
    }
    const auto module = find_loaded_module(cmd, name);
    if (!module) {
        return "Cannot find module " + name;
    }
    levels.per_module[*module] = *level;
    setting.set(std::move(levels), cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core
