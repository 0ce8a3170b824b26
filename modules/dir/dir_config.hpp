#pragma once
// mod_dir: DirectoryIndex and friends, per directory.

#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::dir {

// The index names used when no DirectoryIndex applies (httpd's fixup_dir).
inline constexpr const char* kDefaultIndex = "index.html";

struct DirConfig {
    // DirectoryIndex: the lines of one section append; a section that has
    // any replaces its parent's list. An empty list ("disabled", or the
    // directive with no words) means no index file is looked for.
    Setting<std::vector<std::string>> index_names;
    Setting<bool> slash;           // DirectorySlash (unset: On)
    Setting<bool> check_handler;   // DirectoryCheckHandler (unset: Off)
    Setting<int> index_redirect;   // DirectoryIndexRedirect: 0 is Off, else the 3xx status
    Setting<std::string> fallback; // FallbackResource, as written ("disabled" turns it off)
};

// httpd's merge_dir_configs: each setting of the more specific section wins.
inline DirConfig merge(const DirConfig& base, const DirConfig& add)
{
    return {merge(base.index_names, add.index_names), merge(base.slash, add.slash),
            merge(base.check_handler, add.check_handler),
            merge(base.index_redirect, add.index_redirect), merge(base.fallback, add.fallback)};
}

}  // namespace feather::mod::dir
