#include "runtime/process/identity.hpp"

#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace feather::runtime {

std::optional<ChildIdentity> resolve_child_identity(const mod::unixd::UnixdConfig& config, std::string& error)
{
    ChildIdentity id;
    if (::geteuid() != 0) {
        return id;  // nothing to switch to
    }
    id.switch_user = true;
    if (!config.user_id.is_set()) {
        error = "feather: started as root without a User directive; name an unprivileged user "
                "(httpd would try uid -1 and fail in every child)";
        return std::nullopt;
    }
    id.uid = *config.user_id.value;
    id.user_name = config.user_name.get_or("");
    if (config.group_id.is_set()) {
        id.gid = *config.group_id.value;
    } else if (const passwd* pw = ::getpwuid(id.uid)) {
        id.gid = pw->pw_gid;
    } else {
        id.gid = static_cast<gid_t>(-1);
    }
    if (config.chroot_dir.is_set()) {
        id.chroot_dir = *config.chroot_dir.value;
    }
    return id;
}

std::optional<std::string> assume_child_identity(const ChildIdentity& id)
{
    if (!id.switch_user) {
        return std::nullopt;
    }
    if (!id.chroot_dir.empty()) {
        if (::chdir(id.chroot_dir.c_str()) != 0 || ::chroot(id.chroot_dir.c_str()) != 0 || ::chdir("/") != 0) {
            return "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH02160: Can't chroot to " +
                   id.chroot_dir;
        }
    }
    if (::setgid(id.gid) == -1) {
        return "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH02155: setgid: unable to set group id to Group " +
               std::to_string(id.gid);
    }
    if (!id.user_name.empty() && id.user_name.front() != '#' &&
        ::initgroups(id.user_name.c_str(), id.gid) == -1) {
        return "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH02156: initgroups: unable to set groups for User " +
               id.user_name + " and Group " + std::to_string(id.gid);
    }
    if (::setuid(id.uid) == -1) {
        return "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH02168: setuid: unable to change to uid: " +
               std::to_string(static_cast<long>(id.uid));
    }
    // setuid clears the dumpable flag; keep core dumps possible.
    ::prctl(PR_SET_DUMPABLE, 1);
    return std::nullopt;
}

}  // namespace feather::runtime
