#pragma once
// The core module's request hooks (httpd's core.c): translate the URL to a
// file under DocumentRoot (ap_core_translate), map it to storage (the
// directory and file walks), the type phase's catch-all, the ForceType /
// SetHandler / AcceptPathInfo fixup (core_override_type), and the default
// handler that serves files (default_handler.hpp).

#include <string>

#include "modules/core/core_config.hpp"
#include "modules/request/phases.hpp"

namespace feather::runtime {

const ModuleHooks& core_hooks();

// The hooks themselves, for tests and for the pipeline's subrequests.
Verdict core_translate(Request& r);
Verdict core_map_to_storage(Request& r);
Verdict core_type_checker(Request& r);
Verdict core_override_type(Request& r);

// ap_document_root: the server's DocumentRoot (the built-in default when
// none is set).
std::string document_root_of(const Request& r);
// The handler a SetHandler expression names for r: lower-cased ("proxy:unix"
// paths excepted).
std::string handler_name(const Request& r, const mod::core::StringExpr& expr);

}  // namespace feather::runtime
