#pragma once
// mod_unixd: the identity children run as.

#include <string>
#include <sys/types.h>

#include "directives/setting.hpp"

namespace feather::mod::unixd {

struct UnixdConfig {
    Setting<std::string> user_name;
    Setting<uid_t> user_id;
    Setting<std::string> group_name;
    Setting<gid_t> group_id;
    Setting<std::string> chroot_dir;
    Setting<bool> suexec;
};

inline UnixdConfig merge(const UnixdConfig& base, const UnixdConfig& /*add*/) { return base; }

}  // namespace feather::mod::unixd
