#include "modules/alias/alias_hooks.hpp"

#include "modules/alias/alias_expr.hpp"
#include "modules/alias/alias_matches.hpp"
#include "modules/alias/regsub.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/server_url.hpp"
#include "modules/request/services.hpp"
#include "modules/request/url_parts.hpp"
#include "parser/config_reader.hpp"

namespace feather::mod::alias {

namespace {

// A target found, or the reason there is none to use (httpd's
// PREGSUB_ERROR: the request fails with 500).
struct Found {
    std::string target;
    int status = 0;
    bool error = false;
};

bool is_redirect(int status) { return status >= 300 && status <= 399; }

void log(const Request& r, LogLevel level, const std::string& text)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Alias, level, text);
    }
}

// ap_server_root_relative: a relative target is under ServerRoot.
std::string root_relative(const Request& r, const std::string& path)
{
    return parser::merge_path(r.config != nullptr ? r.config->server_root : std::string("/"), path);
}

// A redirect target made from a substitution or an expression: re-written
// as apr_uri_unparse writes it, its path escaped, query and fragment kept.
std::string redirect_url(const std::string& found)
{
    const UrlParts u = parse_url(found);
    std::string out = escape_path(unparse_url(u, true));
    if (u.query) {
        out += "?" + *u.query;
    }
    if (u.fragment) {
        out += "#" + *u.fragment;
    }
    return out;
}

void mark_script(Request& r)
{
    r.handler = kCgiHandler;
    r.notes.set(kForcedTypeNote, kCgiHandler);
}

// httpd's try_alias: the one-argument Alias of a <Location>.
std::optional<Found> try_alias(Request& r, const AliasDirConfig& d)
{
    if (!d.alias.is_set()) {
        return std::nullopt;
    }
    const LocationAlias& a = *d.alias.value;
    const ExprResult value = evaluate_string(r, a.expr);
    if (!value.value) {
        log(r, LogLevel::Error, "AH02825: Can't evaluate alias expression: " + value.error);
        return Found{{}, 0, true};
    }
    std::string found = *value.value;
    if (d.preserve_path.get_or(false)) {
        if (const std::size_t l = alias_matches(r.uri, a.fake)) {
            found += r.uri.substr(l);
        }
    }
    if (a.script) {
        mark_script(r);
    }
    return Found{root_relative(r, found), 0, false};
}

// httpd's try_redirect: the section form of Redirect.
std::optional<Found> try_redirect(const Request& r, const AliasDirConfig& d)
{
    if (!d.redirect.is_set()) {
        return std::nullopt;
    }
    const LocationRedirect& rd = *d.redirect.value;
    Found f{{}, rd.status, false};
    if (rd.expr) {
        const ExprResult value = evaluate_string(r, *rd.expr);
        if (!value.value) {
            log(r, LogLevel::Error, "AH02826: Can't evaluate redirect expression: " + value.error);
            return Found{{}, 0, true};
        }
        f.target = redirect_url(*value.value);
    }
    return f;
}

// httpd's try_alias_list over the Alias* entries of the server.
std::optional<Found> try_aliases(Request& r, const std::vector<AliasEntry>& aliases)
{
    for (const AliasEntry& a : aliases) {
        std::optional<std::string> found;
        if (a.regex) {
            const auto groups = a.regex->match(r.uri);
            if (!groups) {
                continue;
            }
            found = regsub(a.real, *groups);
            if (!found) {
                log(r, LogLevel::Error,
                    "AH00672: Regex substitution in '" + a.real +
                        "' failed. Replacement too long?");
                return Found{{}, 0, true};
            }
        } else if (const std::size_t l = alias_matches(r.uri, a.fake)) {
            found = a.real + r.uri.substr(l);
        } else {
            continue;
        }
        if (a.script) {
            mark_script(r);
        }
        return Found{root_relative(r, *found), 0, false};
    }
    return std::nullopt;
}

// httpd's try_alias_list over Redirect* entries.
std::optional<Found> try_redirects(const Request& r, const std::vector<RedirectEntry>& redirects)
{
    for (const RedirectEntry& e : redirects) {
        if (!e.fake) {
            continue;  // a status without a path matches nothing
        }
        std::string found;
        if (e.regex) {
            const auto groups = e.regex->match(r.uri);
            if (!groups) {
                continue;
            }
            if (e.url) {
                const auto sub = regsub(*e.url, *groups);
                if (!sub) {
                    log(r, LogLevel::Error,
                        "AH00672: Regex substitution in '" + *e.url +
                            "' failed. Replacement too long?");
                    return Found{{}, 0, true};
                }
                found = redirect_url(*sub);
            }
        } else {
            const std::size_t l = alias_matches(r.uri, *e.fake);
            if (l == 0) {
                continue;
            }
            // The rest of the path is escaped; the configured URL is not.
            if (e.url) {
                found = *e.url + escape_path(std::string_view(r.uri).substr(l));
            }
        }
        return Found{std::move(found), e.status, false};
    }
    return std::nullopt;
}

// The answer to a matched redirect: Location for a 3xx (a path made a full
// URL unless RedirectRelative allows it, the request's query appended when
// the target has none), the status in any case.
Verdict answer_redirect(Request& r, const AliasDirConfig& d, Found f, const char* modified_id,
                        const char* invalid_id)
{
    if (f.error) {
        return Verdict::http(500);
    }
    if (is_redirect(f.status)) {
        if (!d.allow_relative.get_or(false) || f.target.empty() || f.target.front() != '/') {
            if (!f.target.empty() && f.target.front() == '/') {
                const std::string original = f.target;
                f.target = construct_url(r, original);
                log(r, LogLevel::Debug,
                    std::string(modified_id) + ": incomplete redirection target of '" + original +
                        "' for URI '" + r.uri + "' modified to '" + f.target + "'");
            }
            if (!is_url(f.target)) {
                log(r, LogLevel::Error,
                    std::string(invalid_id) + ": cannot redirect '" + r.uri + "' to '" + f.target +
                        "'; target is not a valid absoluteURI or abs_path");
                return Verdict::http(500);
            }
        }
        if (has_args(r) && f.target.find('?') == std::string::npos) {
            f.target += "?" + r.args;
        }
        r.headers_out.set("Location", f.target);
    }
    return Verdict::http(f.status);
}

}  // namespace

Verdict translate_alias_redir(Request& r)
{
    if (!r.uri.empty() && r.uri.front() != '/') {
        return Verdict::declined();
    }
    const auto& server = get<AliasServerConfig>(*r.server->modules);
    static const AliasDirConfig kEmpty;
    const AliasDirConfig& d = r.per_dir ? get<AliasDirConfig>(*r.per_dir) : kEmpty;

    auto redirect = try_redirect(r, d);
    if (!redirect) {
        redirect = try_redirects(r, server.redirects);
    }
    if (redirect) {
        return answer_redirect(r, d, std::move(*redirect), "AH00673", "AH00674");
    }

    auto alias = try_alias(r, d);
    if (!alias) {
        alias = try_aliases(r, server.aliases);
    }
    if (alias) {
        if (alias->error) {
            return Verdict::http(500);
        }
        r.filename = std::move(alias->target);
        return Verdict::ok();
    }
    return Verdict::declined();
}

Verdict fixup_redir(Request& r)
{
    if (!r.per_dir) {
        return Verdict::declined();
    }
    const AliasDirConfig& d = get<AliasDirConfig>(*r.per_dir);
    auto redirect = try_redirect(r, d);
    if (!redirect) {
        redirect = try_redirects(r, d.redirects);
    }
    if (redirect) {
        return answer_redirect(r, d, std::move(*redirect), "AH00675", "AH00676");
    }
    return Verdict::declined();
}

namespace {

constexpr HookSpec kHookSpecs[] = {
    {Phase::TranslateName, &translate_alias_redir, Rank::Middle},
    {Phase::Fixups, &fixup_redir, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kAliasHooks{ModuleId::Alias, kHookSpecs};

}  // namespace feather::mod::alias
