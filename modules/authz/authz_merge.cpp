#include "modules/authz/authz_config.hpp"

namespace feather::mod::authz {

// httpd's merge_authz_core_dir_config. AuthMerging is read from the more
// specific section only (it is not inherited).
AuthzCoreDirConfig merge(const AuthzCoreDirConfig& base, const AuthzCoreDirConfig& add)
{
    AuthzCoreDirConfig conf;
    if (!add.merging.is_set() && !add.section && base.section) {
        // The section set only AuthzSendForbiddenOnFailure: not a new
        // authorization config.
        conf = base;
    } else if (!add.merging.is_set() || *add.merging.value == AuthMerging::Off ||
               (!base.section && !add.section)) {
        // Its own rules (or none at all, with AuthMerging Off) replace the
        // inherited ones.
        conf = add;
    } else {
        if (base.section && add.section) {
            RequireNode combined;
            combined.kind = *add.merging.value == AuthMerging::And ? RequireNode::Kind::All
                                                                   : RequireNode::Kind::Any;
            combined.merged = true;
            combined.methods = base.section->methods | add.section->methods;
            combined.children = {*base.section, *add.section};
            conf.section = std::move(combined);
        } else {
            conf.section = base.section ? base.section : add.section;
        }
        conf.merging = add.merging;
    }
    conf.forbidden_on_failure = merge(base.forbidden_on_failure, add.forbidden_on_failure);
    return conf;
}

// httpd merges no server config for authz_core: every server uses the
// main server's aliases.
AuthzCoreServerConfig merge(const AuthzCoreServerConfig& base, const AuthzCoreServerConfig&)
{
    return base;
}

// mod_access_compat has no merge function, so httpd keeps the most specific
// section's config whole: one that used any of the module's directives
// replaces everything inherited (all methods), one that did not inherits.
AccessCompatDirConfig merge(const AccessCompatDirConfig& base, const AccessCompatDirConfig& add)
{
    return add.in_use ? add : base;
}

}  // namespace feather::mod::authz
