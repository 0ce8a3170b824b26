#include "modules/alias/alias_config.hpp"

namespace feather::mod::alias {

namespace {

// httpd appends the base's entries after the more specific ones, so that a
// virtual host's (or a deeper section's) entries are tried first.
std::vector<AliasEntry> concat(const std::vector<AliasEntry>& first, const std::vector<AliasEntry>& then)
{
    std::vector<AliasEntry> out = first;
    out.insert(out.end(), then.begin(), then.end());
    return out;
}

}  // namespace

AliasServerConfig merge(const AliasServerConfig& base, const AliasServerConfig& add)
{
    return {concat(add.aliases, base.aliases), concat(add.redirects, base.redirects)};
}

AliasDirConfig merge(const AliasDirConfig& base, const AliasDirConfig& add)
{
    AliasDirConfig conf;
    conf.redirects = concat(add.redirects, base.redirects);
    conf.allow_relative = merge(base.allow_relative, add.allow_relative);
    conf.preserve_path = merge(base.preserve_path, add.preserve_path);
    conf.location_aliases = add.location_aliases.empty() ? base.location_aliases : add.location_aliases;
    return conf;
}

}  // namespace feather::mod::alias
