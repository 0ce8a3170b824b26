#pragma once
// mod_alias's request hooks: translate_name (redirects of the server and of
// the <Location>s, then Alias, ScriptAlias and their Match forms) and
// fixups (redirects of <Directory>, <Files> and .htaccess).

#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::alias {

// The handler ScriptAlias gives, and the note it leaves for CGI.
inline constexpr const char* kCgiHandler = "cgi-script";
inline constexpr const char* kForcedTypeNote = "alias-forced-type";

// httpd's translate_alias_redir.
Verdict translate_alias_redir(Request& r);
// httpd's fixup_redir.
Verdict fixup_redir(Request& r);

extern const ModuleHooks kAliasHooks;

}  // namespace feather::mod::alias
