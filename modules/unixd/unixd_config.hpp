#pragma once
// mod_unixd: the identity children run as, chroot and suEXEC. Process-wide:
// only the main server holds these (the directives are GLOBAL_ONLY).

#include <string>
#include <sys/types.h>

#include "directives/setting.hpp"

namespace feather::mod::unixd {

struct UnixdConfig {
    Setting<std::string> user_name;  // as written ("www-data" or "#33")
    Setting<uid_t> user_id;
    Setting<std::string> group_name;
    Setting<gid_t> group_id;
    Setting<std::string> chroot_dir;  // as written; an existing directory
    Setting<bool> suexec;
};

// httpd's compiled-in identity when User/Group are not given (DEFAULT_USER).
inline constexpr const char* kDefaultUser = "#-1";
inline constexpr const char* kDefaultGroup = "#-1";

inline UnixdConfig merge(const UnixdConfig& base, const UnixdConfig& /*add*/) { return base; }

}  // namespace feather::mod::unixd
