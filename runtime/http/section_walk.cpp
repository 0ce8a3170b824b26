#include "runtime/http/section_walk.hpp"

#include <sys/stat.h>

#include "modules/config_sets.hpp"

namespace feather::runtime {

namespace {

bool location_matches(const mod::core::Section& s, std::string_view uri)
{
    if (s.regex) {
        return s.regex->matches(uri);
    }
    // A <Location> path matches the URL prefix at a segment boundary.
    if (uri.compare(0, s.pattern.size(), s.pattern) != 0) {
        return false;
    }
    return uri.size() == s.pattern.size() || s.pattern.back() == '/' || uri[s.pattern.size()] == '/';
}

bool directory_matches(const mod::core::Section& s, std::string_view dir)
{
    if (s.regex) {
        return s.regex->matches(dir);
    }
    std::string p = s.pattern;
    if (p.empty() || p.back() != '/') {
        p.push_back('/');
    }
    return dir.compare(0, p.size(), p) == 0;
}

}  // namespace

int location_walk(Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    std::shared_ptr<const DirConfigSet> merged = r.per_dir;
    for (const auto& s : core.locations) {
        if (location_matches(s, r.uri)) {
            merged = std::make_shared<DirConfigSet>(merge(*merged, *s.config));
        }
    }
    r.per_dir = merged;
    return 0;
}

int directory_walk(Request& r)
{
    struct stat st {};
    if (::stat(r.filename.c_str(), &st) == 0) {
        r.finfo = st;
    } else {
        r.finfo.reset();
    }
    std::string dir = r.filename;
    if (!r.finfo || !S_ISDIR(r.finfo->st_mode)) {
        dir = dir.substr(0, dir.rfind('/') + 1);
    } else if (dir.back() != '/') {
        dir.push_back('/');
    }
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    std::shared_ptr<const DirConfigSet> merged = r.server->defaults;
    for (const auto& s : core.directories) {
        if (directory_matches(s, dir)) {
            merged = std::make_shared<DirConfigSet>(merge(*merged, *s.config));
        }
    }
    r.per_dir = merged;
    return 0;
}

int file_walk(Request& r)
{
    const auto& files = get<mod::core::CoreDirConfig>(*r.per_dir).files;
    const std::string base = r.filename.substr(r.filename.rfind('/') + 1);
    std::shared_ptr<const DirConfigSet> merged = r.per_dir;
    for (const auto& s : files) {
        if (s.regex ? s.regex->matches(base) : s.pattern == base) {
            merged = std::make_shared<DirConfigSet>(merge(*merged, *s.config));
        }
    }
    r.per_dir = merged;
    return 0;
}

}  // namespace feather::runtime
