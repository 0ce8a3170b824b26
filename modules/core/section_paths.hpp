#pragma once
// The path rules httpd applies to section arguments: APR's path merge
// (canonical form of a <Directory> or <Files> path), APR's wildcard test and
// httpd's slash count (the sort key of <Directory> sections).

#include <optional>
#include <string>
#include <string_view>

namespace feather::mod::core {

// apr_filepath_merge(root, path) on Unix, without flags: an absolute `path`
// ignores `root`; "." segments and empty segments go; ".." removes the
// previous segment (at "/" it is a no-op; in a relative result that is
// already all "../" it is kept); a trailing slash stays. nullopt where APR
// fails: the result would not fit APR_PATH_MAX (4096) bytes.
std::optional<std::string> apr_filepath_merge(std::string_view root, std::string_view path);

// apr_fnmatch_test: true when `pattern` holds '*', '?', or a '[' closed by
// a later ']' (a backslash hides the next character).
bool fnmatch_test(std::string_view pattern);

// ap_count_dirs: the number of '/' in `path`.
unsigned count_dirs(std::string_view path);

}  // namespace feather::mod::core
