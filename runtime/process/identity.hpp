#pragma once
// Children started as root take the User and Group identity (mod_unixd's
// ap_unixd_setup_child); ChrootDir first if configured.

#include <optional>
#include <string>

#include "modules/unixd/unixd_config.hpp"

namespace feather::runtime {

// The identity a child switches to, resolved once in the master.
struct ChildIdentity {
    bool switch_user = false;  // only when started as root
    uid_t uid = 0;
    gid_t gid = 0;
    std::string user_name;
    std::string chroot_dir;
};

// Resolves User/Group; nullopt and `error` set when a root start has no
// usable unprivileged user.
std::optional<ChildIdentity> resolve_child_identity(const mod::unixd::UnixdConfig& config, std::string& error);

// In the child: chroot, setgid, initgroups, setuid. Returns the error text
// (httpd's AHxxxxx wording) on failure.
std::optional<std::string> assume_child_identity(const ChildIdentity& id);

}  // namespace feather::runtime
