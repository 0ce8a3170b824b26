#include "runtime/http/symlink_check.hpp"

#include <cerrno>

#include "modules/core/core_config.hpp"

namespace feather::runtime {

PathInfo::Type type_of(mode_t mode)
{
    if (S_ISREG(mode)) {
        return PathInfo::Type::Reg;
    }
    if (S_ISDIR(mode)) {
        return PathInfo::Type::Dir;
    }
    if (S_ISLNK(mode)) {
        return PathInfo::Type::Link;
    }
    return PathInfo::Type::Other;
}

int lstat_component(const std::string& path, PathInfo& info)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return errno;
    }
    info.st = st;
    info.has_stat = true;
    info.type = type_of(st.st_mode);
    return 0;
}

int resolve_symlink(const std::string& path, PathInfo& info, unsigned opts)
{
    using namespace mod::core;
    if (!(opts & (kOptSymOwner | kOptSymLinks))) {
        return 403;
    }
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0) {
        return 403;
    }
    // SymLinksIfOwnerMatch wins over FollowSymLinks when both are on.
    if ((opts & kOptSymOwner) && target.st_uid != info.st.st_uid) {
        return 403;
    }
    info.st = target;
    info.has_stat = true;
    info.type = type_of(target.st_mode);
    return 0;
}

}  // namespace feather::runtime
