#include "modules/alias/alias_config.hpp"

namespace feather::mod::alias {

namespace {

// apr_array_append(add, base): the more specific entries first.
template <class T>
std::vector<T> concat(const std::vector<T>& first, const std::vector<T>& then)
{
    std::vector<T> out = first;
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
    conf.alias = merge(base.alias, add.alias);
    conf.redirect = merge(base.redirect, add.redirect);
    conf.allow_relative = merge(base.allow_relative, add.allow_relative);
    conf.preserve_path = merge(base.preserve_path, add.preserve_path);
    return conf;
}

}  // namespace feather::mod::alias
