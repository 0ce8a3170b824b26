#pragma once
// httpd's default handler (server/core.c default_handler): serves the file
// the walks found for GET, HEAD and POST, with Last-Modified, ETag,
// Accept-Ranges, Content-Length (and Content-MD5 under ContentDigest), the
// conditional checks of ap_meets_conditions and the byterange filter;
// OPTIONS gets the Allow list; other methods 405. Nothing is ever listed:
// a directory is "not found".

#include "modules/request/phases.hpp"

namespace feather::runtime {

Verdict default_handler(Request& r);

}  // namespace feather::runtime
