#pragma once
// Entity tags as httpd makes them (modules/http/http_etag.c): from the
// FileETag components (INode, MTime, Size; Digest), weak for a file changed
// within the second before the request, merged with negotiation's variant
// list validator.

#include <string>

#include "modules/request/request.hpp"

namespace feather::runtime {

// ap_make_etag_ex for r.finfo (a file: r.finfo set; otherwise the mtime
// form). `fd` (may be -1) is read for FileETag Digest. "" when FileETag
// None (or the digest cannot be made).
std::string make_etag(const Request& r, bool force_weak, int fd = -1);

// ap_set_etag_fd: sets the ETag header, or the "no-etag" note when there is
// none.
void set_etag(Request& r, int fd = -1);

}  // namespace feather::runtime
