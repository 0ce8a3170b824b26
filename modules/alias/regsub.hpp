#pragma once
// httpd's ap_pregsub: the substitution of AliasMatch, ScriptAliasMatch and
// RedirectMatch. "$0".."$9" stand for the groups of the match (empty when
// a group took no part), a backslash takes the next character literally,
// everything else is copied.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather::mod::alias {

// httpd's AP_PREGSUB_MAXLEN: a longer result is an error.
inline constexpr std::size_t kMaxSubstitution = 8192 * 8;

// nullopt when the result would reach kMaxSubstitution bytes.
std::optional<std::string> regsub(std::string_view pattern, const std::vector<std::string>& groups);

}  // namespace feather::mod::alias
