#pragma once
// Reading the access files of one directory level during the directory
// walk: httpd's ap_parse_htaccess (server/config.c). Each name of
// AccessFileName is opened in turn (no stat first); the first that opens
// is parsed with the configuration's own parser and directive registry in
// .htaccess context, or its earlier parse is reused when unchanged.

#include <memory>
#include <string>

#include "modules/request/request.hpp"
#include "runtime/http/htaccess_cache.hpp"

namespace feather::runtime {

// Fills `out` with the config of the first access file of `dir` (a
// directory name ending in '/'), null when there is none, and returns 0;
// or logs as httpd and returns 500 (the file has an error) or 403 (it
// exists but cannot be read).
int read_htaccess(Request& r, const std::string& dir, const OverrideRules& rules,
                  std::shared_ptr<const DirConfigSet>& out,
                  HtaccessCache& cache = HtaccessCache::process());

// Parses `text` as the access file `path` of `dir` (for tests and for
// read_htaccess): never fails, an error is part of the result.
ParsedHtaccess parse_htaccess(const directives::Config& config, std::size_t server_index,
                              const std::string& path, const std::string& dir, std::string text,
                              const OverrideRules& rules);

}  // namespace feather::runtime
