#include "modules/authz/authz_config.hpp"

namespace feather::mod::authz {

std::string RequireNode::describe() const
{
    if (kind == Kind::Provider) {
        return "Require " + std::string(negated ? "not " : "") + provider + " " + args;
    }
    std::string s = merged ? "AuthMerging " : "<Require";
    if (kind == Kind::All) {
        s += negated ? "NotAll" : "All";
    } else {
        s += negated ? "None" : "Any";
    }
    if (!merged) {
        s += '>';
    }
    return s;
}

}  // namespace feather::mod::authz
