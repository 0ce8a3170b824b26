#pragma once
// Which configuration sections apply to a request, merged in httpd's order
// (server/request.c): <Directory> by path depth (with .htaccess after each
// level), regex <Directory>, <Files>, then <Location>.

#include "modules/request/request.hpp"

namespace feather::runtime {

// ap_location_walk (and <If>): merges the matching <Location> sections onto
// r.per_dir. Returns 0 or an HTTP status.
int location_walk(Request& r);
// ap_directory_walk + ap_file_walk for r.filename (core's map_to_storage).
int directory_walk(Request& r);
int file_walk(Request& r);

}  // namespace feather::runtime
