#pragma once
// mod_alias: URL-to-path aliases and redirects.

#include <memory>
#include <string>
#include <vector>

#include "directives/regex.hpp"
#include "directives/setting.hpp"

namespace feather::mod::alias {

struct AliasEntry {
    std::string fake;                     // URL prefix (or pattern)
    std::string real;                     // target path or URL
    std::shared_ptr<const Regex> regex;   // *Match forms
    bool script = false;                  // ScriptAlias
    int status = 0;                       // redirects: 3xx, 410
    SourceLoc loc;
};

struct AliasServerConfig {
    std::vector<AliasEntry> aliases;    // Alias, ScriptAlias, AliasMatch, ScriptAliasMatch
    std::vector<AliasEntry> redirects;  // Redirect* in server context
};

struct AliasDirConfig {
    std::vector<AliasEntry> redirects;  // Redirect* in directory context
    Setting<bool> allow_relative;       // RedirectRelative
    Setting<bool> preserve_path;        // AliasPreservePath
    std::vector<AliasEntry> location_aliases;  // Alias inside <Location> (one-argument form)
};

AliasServerConfig merge(const AliasServerConfig& base, const AliasServerConfig& add);
AliasDirConfig merge(const AliasDirConfig& base, const AliasDirConfig& add);

}  // namespace feather::mod::alias
