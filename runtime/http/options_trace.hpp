#pragma once
// OPTIONS and TRACE, where httpd answers them: mod_http's map_to_storage
// hooks (ap_send_http_trace for TRACE, with TraceEnable; "OPTIONS *"
// answered at once without Allow), the method part of core's default
// handler (the body discarded first, 501 for an unknown method,
// ap_send_http_options for OPTIONS, 405 for the rest), and the Allow header
// of OPTIONS, 405 and 501 answers (make_allow).

#include <optional>
#include <string>

#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

// mod_http's request hooks (ModuleId::Http).
const ModuleHooks& http_core_hooks();

// The start of core's default handler: the standard methods allowed, the
// request body discarded, and every method but GET and POST answered
// (OPTIONS, 501, 405). nullopt: a GET or POST, for the handler to serve.
std::optional<Verdict> default_handler_methods(Request& r);

// make_allow: the methods of r.allowed, then TRACE unless TraceEnable Off.
// httpd lists them in the order of a seeded hash (it changes at every
// start); Feather keeps the order of httpd's method table.
std::string make_allow(const Request& r);

}  // namespace feather::runtime
