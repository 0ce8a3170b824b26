// alias_module's setters (httpd's mod_alias.c add_alias, add_alias_regex,
// add_alias_internal, add_redirect*, add_redirect_internal).

#include "modules/alias/alias_setters.hpp"

#include <cctype>
#include <cstdlib>

#include "modules/alias/alias_config.hpp"
#include "modules/alias/alias_matches.hpp"
#include "modules/core/core_config.hpp"

namespace feather::mod::alias {

namespace {

using directives::check_context;
using directives::iequals;

// Patterns compile with the options of RegexDefaultOptions (which holds
// Regex::Flags bits), as ap_pregcomp adds httpd's default_cflags; unset, that
// is DOTALL and DOLLAR_ENDONLY. httpd's AP_REG_EXTENDED is a no-op for PCRE.
unsigned regex_flags(Cmd& cmd)
{
    return main_conf<core::CoreServerConfig>(cmd).regex_default_options.get_or(
        Regex::kDotAll | Regex::kDollarEndOnly);
}

// httpd's ap_is_HTTP_REDIRECT.
bool is_redirect(int status) { return status >= 300 && status <= 399; }

// httpd's ap_is_url: a non-empty scheme of letters, digits, '+', '-', '.'
// before a ':'.
bool is_url(std::string_view u)
{
    std::size_t x = 0;
    for (; x < u.size() && u[x] != ':'; ++x) {
        const auto c = static_cast<unsigned char>(u[x]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') {
            return false;
        }
    }
    return x < u.size() && x > 0;
}

// AH00671: an Alias that an earlier one of the same server already covers.
void warn_overlap(Cmd& cmd, const AliasServerConfig& conf, const std::string& fake)
{
    for (const AliasEntry& earlier : conf.aliases) {
        const bool covered = earlier.regex ? earlier.regex->matches(fake)
                                           : alias_matches(fake, earlier.fake) > 0;
        if (covered) {
            const SourceLoc at = cmd.loc();
            cmd.loader->log(LogLevel::Warn, ModuleId::Alias,
                            "AH00671: The " + std::string(cmd.spec->name) + " directive in " +
                                std::string(at.file()) + " at line " + std::to_string(at.line) +
                                " will probably never match because it overlaps an earlier " +
                                (earlier.script ? "Script" : "") + "Alias" +
                                (earlier.regex ? "Match" : "") + ".");
            return;  // one warning per alias, as httpd
        }
    }
}

// The two-argument forms: server context only.
Status add_alias_internal(Cmd& cmd, const std::string& fake, const std::string& real,
                          bool script, bool use_regex)
{
    if (auto err = check_context(cmd, Forbid::DirContext)) {
        return err;
    }
    auto& conf = server_conf<AliasServerConfig>(cmd);
    AliasEntry entry{.fake = fake, .real = real, .script = script, .loc = cmd.loc()};
    if (use_regex) {
        entry.regex = Regex::compile(fake, regex_flags(cmd));
        if (!entry.regex) {
            return "Regular expression could not be compiled.";
        }
    } else {
        warn_overlap(cmd, conf, fake);
    }
    conf.aliases.push_back(std::move(entry));
    return std::nullopt;
}

Status add_alias(Cmd& cmd, const Args& args, bool script)
{
    if (args.size() == 2) {
        return add_alias_internal(cmd, args[0], args[1], script, false);
    }
    // One argument: the target of the enclosing <Location>.
    if (auto err = check_context(cmd, Forbid::Directory | Forbid::Files)) {
        return err;
    }
    if (!cmd.path) {
        return "Alias must have two arguments when used globally";
    }
    // httpd parses the text as an ap_expr string here ("Cannot parse alias
    // expression '...': ..."); Feather has no ap_expr parser yet and keeps
    // the text unchecked.
    dir_conf<AliasDirConfig>(cmd).alias.set({args[0], *cmd.path, script}, cmd.loc());
    return std::nullopt;
}

// httpd's add_redirect_internal, one function for all four directives: the
// first word may be a status; what the others mean depends on whether it
// was one and on whether the line is inside a section.
Status add_redirect(Cmd& cmd, const Args& args, int status, bool use_regex)
{
    const std::string& arg1 = args[0];
    const std::string* arg2 = args.size() > 1 ? &args[1] : nullptr;
    const std::string* arg3 = args.size() > 2 ? &args[2] : nullptr;

    enum class Grok { Status, NotRedirect, No } grok = Grok::Status;
    if (iequals(arg1, "permanent")) {
        status = 301;
    } else if (iequals(arg1, "temp")) {
        status = 302;
    } else if (iequals(arg1, "seeother")) {
        status = 303;
    } else if (iequals(arg1, "gone")) {
        status = 410;
        grok = Grok::NotRedirect;
    } else if (std::isdigit(static_cast<unsigned char>(arg1[0]))) {
        status = static_cast<int>(std::strtol(arg1.c_str(), nullptr, 10));  // httpd's atoi
        if (!is_redirect(status)) {
            grok = Grok::NotRedirect;
        }
    } else {
        grok = Grok::No;
    }

    if (arg3 && grok == Grok::No) {
        return "Redirect: invalid first argument (of three)";
    }

    if (cmd.path) {
        auto& dir = dir_conf<AliasDirConfig>(cmd);
        if ((grok == Grok::Status && arg2 && !arg3) || (grok == Grok::No && !arg2)) {
            // An ap_expr string in httpd ("Cannot parse redirect expression
            // '...': ..."); kept unchecked until Feather has that parser.
            const std::string& url = grok == Grok::Status ? *arg2 : arg1;
            dir.redirect.set({url, status}, cmd.loc());
            return std::nullopt;
        }
        if (grok == Grok::NotRedirect && !arg2) {
            std::optional<std::string> expr;
            if (dir.redirect.value) {
                expr = dir.redirect.value->expr;
            }
            dir.redirect.set({expr, status}, cmd.loc());
            return std::nullopt;
        }
    }

    RedirectEntry entry{.status = status, .loc = cmd.loc()};
    if (arg2) {
        entry.fake = *arg2;
    }
    if (arg3) {
        entry.url = *arg3;
    }
    if (!arg3 && grok == Grok::No) {
        entry.fake = arg1;
        entry.url = arg2 ? std::optional<std::string>(*arg2) : std::nullopt;
    }
    if (use_regex) {
        entry.regex = Regex::compile(entry.fake.value_or(""), regex_flags(cmd));
        if (!entry.regex) {
            return "Regular expression could not be compiled.";
        }
    }
    if (is_redirect(status)) {
        if (!entry.url) {
            return "URL to redirect to is missing";
        }
        // Paths are allowed: they are made full URLs per request.
        if (!use_regex && !is_url(*entry.url) && entry.url->front() != '/') {
            return "Redirect to non-URL";
        }
    } else if (entry.url) {
        return "Redirect URL not valid for this status";
    }
    if (cmd.path) {
        dir_conf<AliasDirConfig>(cmd).redirects.push_back(std::move(entry));
    } else {
        server_conf<AliasServerConfig>(cmd).redirects.push_back(std::move(entry));
    }
    return std::nullopt;
}

}  // namespace

Status set_alias(Cmd& cmd, const Args& args) { return add_alias(cmd, args, false); }

Status set_script_alias(Cmd& cmd, const Args& args) { return add_alias(cmd, args, true); }

Status set_redirect(Cmd& cmd, const Args& args) { return add_redirect(cmd, args, 302, false); }

Status set_alias_match(Cmd& cmd, const Args& args)
{
    return add_alias_internal(cmd, args[0], args[1], false, true);
}

Status set_script_alias_match(Cmd& cmd, const Args& args)
{
    return add_alias_internal(cmd, args[0], args[1], true, true);
}

Status set_redirect_match(Cmd& cmd, const Args& args)
{
    return add_redirect(cmd, args, 302, true);
}

Status set_redirect_temp(Cmd& cmd, const Args& args) { return add_redirect(cmd, args, 302, false); }

Status set_redirect_permanent(Cmd& cmd, const Args& args)
{
    return add_redirect(cmd, args, 301, false);
}

Status set_redirect_relative(Cmd& cmd, const Args& args)
{
    dir_conf<AliasDirConfig>(cmd).allow_relative.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_alias_preserve_path(Cmd& cmd, const Args& args)
{
    dir_conf<AliasDirConfig>(cmd).preserve_path.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::alias
