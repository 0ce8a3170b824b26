#include "modules/authz/authz_config.hpp"

namespace feather::mod::authz {

// mod_authz_core's merge_authz_core_dir_config: a section with Require lines
// replaces the inherited rules unless AuthMerging says to combine them.
AuthzCoreDirConfig merge(const AuthzCoreDirConfig& base, const AuthzCoreDirConfig& add)
{
    AuthzCoreDirConfig conf;
    conf.merging = merge(base.merging, add.merging);
    conf.forbidden_on_failure = merge(base.forbidden_on_failure, add.forbidden_on_failure);
    if (!add.section) {
        conf.section = base.section;
        return conf;
    }
    const AuthMerging how = add.merging.get_or(AuthMerging::Off);
    if (how == AuthMerging::Off || !base.section) {
        conf.section = add.section;
        return conf;
    }
    auto combined = std::make_shared<RequireNode>();
    combined->kind = how == AuthMerging::And ? RequireNode::Kind::All : RequireNode::Kind::Any;
    combined->children = {*base.section, *add.section};
    conf.section = std::move(combined);
    return conf;
}

// mod_access_compat's merge: a section with its own rules replaces the
// inherited ones.
AccessCompatDirConfig merge(const AccessCompatDirConfig& base, const AccessCompatDirConfig& add)
{
    AccessCompatDirConfig conf;
    conf.order = merge(base.order, add.order);
    conf.satisfy_any = merge(base.satisfy_any, add.satisfy_any);
    conf.allows = add.allows.empty() && !add.order.is_set() ? base.allows : add.allows;
    conf.denies = add.denies.empty() && !add.order.is_set() ? base.denies : add.denies;
    return conf;
}

}  // namespace feather::mod::authz
