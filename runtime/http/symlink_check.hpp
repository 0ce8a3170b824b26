#pragma once
// One step of httpd's directory walk on the file system: lstat of a path
// component and the symbolic-link check of Options FollowSymLinks /
// SymLinksIfOwnerMatch (server/request.c resolve_symlink).

#include <sys/stat.h>

#include <string>

namespace feather::runtime {

// What the walk knows of a path component (APR's finfo as the walk uses it).
struct PathInfo {
    enum class Type { None, Reg, Dir, Link, Other };
    Type type = Type::None;
    bool has_stat = false;
    struct stat st {};
};

PathInfo::Type type_of(mode_t mode);

// lstat(path) into `info`: 0, or the errno (ENOENT, EACCES, ...).
int lstat_component(const std::string& path, PathInfo& info);

// For a component that is a symbolic link: 0 with `info` replaced by the
// target's, when `opts` (Options bits) allow the link; 403 otherwise.
// FollowSymLinks needs a reachable target; SymLinksIfOwnerMatch also the
// same owner for the link and its target; neither refuses every link.
int resolve_symlink(const std::string& path, PathInfo& info, unsigned opts);

}  // namespace feather::runtime
