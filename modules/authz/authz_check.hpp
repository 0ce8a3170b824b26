#pragma once
// The check httpd's authz_core makes once the whole configuration is read
// (its check_config hook): a container holding only negative requirements
// can never grant access, and startup fails with AH01624. Containers are
// final when they close, so the setters find them; the check reports.

#include <string>

#include "modules/module_api.hpp"

namespace feather::mod::authz {

// A container of the configuration being read holds only negative
// requirements. Not called for .htaccess files (httpd never checks those).
void note_negative_only(Cmd& cmd, std::string what);

// The check itself, run after the walk: nullopt, or "AH01624: ..." (httpd
// then prints "AH00014: Configuration check failed" and stops).
Status check_authz_config(directives::Loader& loader);

}  // namespace feather::mod::authz
