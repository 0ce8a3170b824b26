#pragma once
// mod_mime's request hooks.

#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::mime {

// The type of a directory (httpd's DIR_MAGIC_TYPE), which mod_dir acts on.
inline constexpr const char* kDirMagicType = "httpd/unix-directory";

// The note listing the parts of the file name no extension mapping claimed
// (the base name first), joined by '/'; set only when some part was claimed.
// httpd keeps an array under this name for mod_negotiation.
inline constexpr const char* kExceptionsNote = "ap-mime-exceptions-list";

// httpd's find_ct: content type, encoding, languages, charset and handler
// from the extensions of r.filename; "httpd/unix-directory" for a directory.
Verdict find_ct(Request& r);

extern const ModuleHooks kMimeHooks;

}  // namespace feather::mod::mime
