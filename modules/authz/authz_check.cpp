#include "modules/authz/authz_check.hpp"

namespace feather::mod::authz {

void note_negative_only(Cmd& cmd, std::string what)
{
    auto& conf = main_conf<AuthzCoreServerConfig>(cmd);
    if (!conf.negative_only) {
        conf.negative_only = std::move(what);
    }
}

Status check_authz_config(directives::Loader& loader)
{
    auto& conf = std::get<AuthzCoreServerConfig>(loader.config().servers.front().modules->parts);
    Status result;
    if (conf.negative_only) {
        result = "AH01624: " + *conf.negative_only;
    }
    conf.negative_only.reset();
    return result;
}

}  // namespace feather::mod::authz
