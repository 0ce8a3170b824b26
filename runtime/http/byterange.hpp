#pragma once
// httpd's byterange filter (modules/http/byterange_filter.c) over a
// finished response: Range (with If-Range) turns a 200 into a 206 with one
// range (Content-Range) or several (multipart/byteranges with the
// process's boundary), within MaxRanges, MaxRangeOverlaps and
// MaxRangeReversals; a Range no part of which is satisfiable gets 416.

#include <string>

#include "modules/request/request.hpp"

namespace feather::runtime {

// Applies r's Range header to r's response (status 200, body complete).
// Returns 0, or 416 for the caller to answer with that error (httpd's
// filter resets the status to 200 and hands the error to ap_die).
int apply_byteranges(Request& r);

// The multipart/byteranges boundary: 64 random bits in hex, fixed for the
// life of the process (httpd draws it once per configuration load).
const std::string& multipart_boundary();

}  // namespace feather::runtime
