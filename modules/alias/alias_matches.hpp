#pragma once
// httpd's alias_matches: how a URL-path prefix of Alias or Redirect matches
// a URI. A '/' in the prefix matches one or more '/' in the URI; other
// characters match literally; the match must end at a path-segment
// boundary unless the prefix ends in '/'.

#include <cstddef>
#include <string_view>

namespace feather::mod::alias {

// The number of URI characters matched (more than the prefix's length when
// the URI doubles slashes), or 0 when the prefix does not match.
std::size_t alias_matches(std::string_view uri, std::string_view fake);

}  // namespace feather::mod::alias
