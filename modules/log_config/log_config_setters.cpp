// log_config_module's setters (httpd's mod_log_config.c log_format,
// add_custom_log, add_global_log, set_transfer_log, set_buffered_logs_on).

#include "modules/log_config/log_config_setters.hpp"

#include <strings.h>

#include "modules/log_config/log_config_config.hpp"
#include "modules/log_config/log_format.hpp"

namespace feather::mod::log_config {

namespace {

bool starts_with_nocase(const std::string& s, std::string_view prefix)
{
    return s.size() >= prefix.size() &&
           ::strncasecmp(s.c_str(), prefix.data(), prefix.size()) == 0;
}

// A pipe stays as written; a file name is taken relative to ServerRoot, as
// httpd's log writer does when it opens it.
std::string log_target(Cmd& cmd, const std::string& name)
{
    if (!name.empty() && name.front() == '|') {
        return name;
    }
    return cmd.loader->server_root_relative(name);
}

// httpd checks the condition first, then the format; a nickname passes the
// format check as literal text.
Status add_log(Cmd& cmd, const Args& args, bool inherit)
{
    LogDefinition log;
    if (args.size() > 2) {
        const std::string& clause = args[2];
        if (starts_with_nocase(clause, "env=")) {
            std::string_view var = std::string_view(clause).substr(4);
            EnvCondition cond;
            if (!var.empty() && var.front() == '!') {
                cond.negated = true;
                var.remove_prefix(1);
            }
            if (var.empty()) {
                return "missing environment variable name";
            }
            cond.variable = std::string(var);
            log.condition = std::move(cond);
        } else if (starts_with_nocase(clause, "expr=")) {
            if (clause.size() == 5) {
                return "missing condition";
            }
            // Feather has no ap_expr evaluator: refuse rather than log
            // everything.
            return std::string(cmd.spec->name) +
                   ": \"expr=\" conditions are not supported by Feather; use \"env=VAR\" or "
                   "\"env=!VAR\" instead";
        } else {
            return "error in condition clause";
        }
    }
    if (args.size() > 1) {
        if (auto err = check_log_format(args[1])) {
            return err;
        }
        log.format = args[1];
    }
    log.target = log_target(cmd, args[0]);
    log.inherit = inherit;
    log.loc = cmd.loc();
    server_conf<LogConfigServerConfig>(cmd).logs.push_back(std::move(log));
    return std::nullopt;
}

}  // namespace

Status set_custom_log(Cmd& cmd, const Args& args) { return add_log(cmd, args, false); }

// Forbid::GlobalOnly in the table refuses it inside <VirtualHost>.
Status set_global_log(Cmd& cmd, const Args& args) { return add_log(cmd, args, true); }

Status set_transfer_log(Cmd& cmd, const Args& args) { return add_log(cmd, args, false); }

// With a second argument the line only names a format; with one it sets the
// server's default format (which may itself be a nickname, looked up when the
// logs open).
Status set_log_format(Cmd& cmd, const Args& args)
{
    auto& conf = server_conf<LogConfigServerConfig>(cmd);
    const std::string& format = args[0];
    if (auto err = check_log_format(format)) {
        return err;
    }
    if (args.size() > 1) {
        conf.formats[args[1]] = format;
    } else {
        conf.default_format.set(format, cmd.loc());
    }
    return std::nullopt;
}

// One switch for the whole server (a global in httpd): the last line read
// wins, wherever it is.
Status set_buffered_logs(Cmd& cmd, const Args& args)
{
    main_conf<LogConfigServerConfig>(cmd).buffered_logs.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::log_config
