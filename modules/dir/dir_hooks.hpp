#pragma once
// mod_dir's request hook (httpd's dir_fixups, run last among the fixups):
// for a directory, the trailing-slash redirect (DirectorySlash) and the
// index file (DirectoryIndex, DirectoryIndexRedirect, DirectoryCheckHandler);
// for a request that maps to nothing, FallbackResource.

#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::dir {

// The handler of a directory (httpd's DIR_MAGIC_TYPE).
inline constexpr const char* kDirMagicType = "httpd/unix-directory";
// mod_rewrite's handler: mod_dir steps aside for it.
inline constexpr const char* kRewriteRedirectHandler = "redirect-handler";
// The note naming the index files tried (for mod_autoindex).
inline constexpr const char* kIndexNamesNote = "dir-index-names";

Verdict dir_fixups(Request& r);

extern const ModuleHooks kDirHooks;

}  // namespace feather::mod::dir
