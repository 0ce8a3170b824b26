// mod_authz_core's request hooks: authorization without a user
// (check_access_ex, authorize_userless) and with one (check_authz,
// authorize_user), both APR_HOOK_LAST as httpd registers them.
//
// Feather has no authentication modules, so httpd's ap_auth_type(r) (an
// optional function of mod_authn_core) is always NULL here: the AuthType
// branches of httpd (AH01627, AH01631, 401) cannot be reached, and a
// denial is always the 403 of AH01630.

#include <string>

#include "modules/authz/require_eval.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::authz {

namespace {

void log(const Request& r, LogLevel level, const std::string& text)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::AuthzCore, level, text);
    }
}

// authorize_user_core.
Verdict authorize(Request& r, bool after_authn)
{
    const AuthzCoreDirConfig& conf = get<AuthzCoreDirConfig>(*r.per_dir);
    if (!conf.section) {
        if (r.services != nullptr &&
            r.services->log_enabled(r, ModuleId::AuthzCore, LogLevel::Debug)) {
            log(r, LogLevel::Debug, "AH01628: authorization result: granted (no directives)");
        }
        return Verdict::ok();
    }

    switch (apply_require(r, *conf.section, RequireNode::Kind::All)) {
    case AuthzResult::Granted:
        return Verdict::ok();
    case AuthzResult::DeniedNoUser:
        if (!after_authn) {
            // A user could change the answer: let authentication run.
            return Verdict::declined();
        }
        log(r, LogLevel::Error, "AH01629: authorization failure (no authenticated user): " + r.uri);
        return Verdict::http(401);
    case AuthzResult::Denied:
    case AuthzResult::Neutral:
        log(r, LogLevel::Error,
            "AH01630: client denied by server configuration: " +
                (r.filename.empty() ? "uri " + r.uri : r.filename));
        return Verdict::http(403);
    case AuthzResult::GeneralError:
        break;
    }
    // The provider has logged its error.
    return Verdict::http(500);
}

Verdict authorize_userless(Request& r) { return authorize(r, false); }

Verdict authorize_user(Request& r) { return authorize(r, true); }

constexpr HookSpec kHookSpecs[] = {
    {Phase::CheckAccessEx, &authorize_userless, Rank::Last},
    {Phase::CheckAuthz, &authorize_user, Rank::Last},
};

}  // namespace

extern const ModuleHooks kAuthzCoreHooks{ModuleId::AuthzCore, kHookSpecs};

}  // namespace feather::mod::authz
