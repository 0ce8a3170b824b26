#pragma once
// mod_alias: URL-to-path aliases and redirects.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "directives/regex.hpp"
#include "directives/setting.hpp"

namespace feather::mod::alias {

// Alias, ScriptAlias, AliasMatch, ScriptAliasMatch with two arguments.
struct AliasEntry {
    std::string fake{};                  // URL-path prefix, or the pattern of *Match
    std::string real{};                  // file-system path, or the substitution of *Match
    std::shared_ptr<const Regex> regex{};  // *Match only
    bool script = false;                 // ScriptAlias*: handler "cgi-script"
    SourceLoc loc{};
};

// Redirect, RedirectMatch, RedirectTemp, RedirectPermanent in the
// URL-path-plus-URL form.
struct RedirectEntry {
    // URL-path prefix, or the pattern of RedirectMatch. httpd leaves it unset
    // for a status-only line such as "Redirect gone" outside a section; such
    // an entry matches nothing.
    std::optional<std::string> fake{};
    std::optional<std::string> url{};    // set exactly when status is 3xx
    std::shared_ptr<const Regex> regex{};  // RedirectMatch only
    int status = 302;
    SourceLoc loc{};
};

// The one-argument Alias/ScriptAlias of a <Location>: the target is a string
// expression (ap_expr), evaluated per request; the fake name is the
// section's path.
struct LocationAlias {
    std::string expr;
    std::string fake;
    bool script = false;
};

// The section form of Redirect ("Redirect [status] URL" or "Redirect status"
// in a <Location>, <Directory> or .htaccess): the target is a string
// expression. A status-only line keeps an expression given before it in the
// same section, as httpd does.
struct LocationRedirect {
    std::optional<std::string> expr;
    int status = 302;
};

struct AliasServerConfig {
    std::vector<AliasEntry> aliases;      // in configuration order
    std::vector<RedirectEntry> redirects;  // Redirect* outside sections
};

struct AliasDirConfig {
    std::vector<RedirectEntry> redirects;  // Redirect* inside sections and .htaccess
    Setting<LocationAlias> alias;
    Setting<LocationRedirect> redirect;
    Setting<bool> allow_relative;  // RedirectRelative (unset: Off)
    Setting<bool> preserve_path;   // AliasPreservePath (unset: Off)
};

// httpd's merge_alias_config and merge_alias_dir_config: the more specific
// entries come first, so a virtual host's (or a deeper section's) are tried
// before the main server's.
AliasServerConfig merge(const AliasServerConfig& base, const AliasServerConfig& add);
AliasDirConfig merge(const AliasDirConfig& base, const AliasDirConfig& add);

}  // namespace feather::mod::alias
