#pragma once
// mod_dir: DirectoryIndex and friends, per directory.

#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::dir {

struct DirConfig {
    Setting<std::vector<std::string>> index_names;  // DirectoryIndex; empty list: disabled
    Setting<bool> slash;                            // DirectorySlash
    Setting<bool> check_handler;                    // DirectoryCheckHandler
    Setting<int> index_redirect;                    // 0: off, else the 3xx status
    Setting<std::string> fallback;                  // FallbackResource ("disabled" clears)
};

inline DirConfig merge(const DirConfig& base, const DirConfig& add)
{
    return {merge(base.index_names, add.index_names), merge(base.slash, add.slash),
            merge(base.check_handler, add.check_handler), merge(base.index_redirect, add.index_redirect),
            merge(base.fallback, add.fallback)};
}

}  // namespace feather::mod::dir
