#pragma once
// Error responses as httpd makes them: the status lines table, the canned
// HTML pages of ap_send_error_response, and the choice of ap_die between an
// ErrorDocument and the canned page.

#include <string>
#include <string_view>

#include "modules/core/core_config.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

// "404 Not Found"; httpd's table (ap_get_status_line), "500 Internal Server
// Error" for a status it does not know.
std::string status_line(int status);
bool status_known(int status);
// A status after which the connection is closed (ap_status_drops_connection).
bool status_drops_connection(int status);

// ap_send_error_response: replaces r's body with the canned page for
// r.status (headers kept from err_headers_out), as HTML in the request's
// charset rules. `recursive_error` is the status of a failed ErrorDocument.
void make_canned_error_response(Request& r, int recursive_error);

// The ErrorDocument value as httpd's ap_response_code_string returns it for
// r (its ap_expr evaluated): "" for "default", text with its leading '"', a
// local path or a URL.
std::string error_document_text(const mod::core::ErrorDocument& doc, const Request& r);
// The same with only the literal parts (no request at hand).
std::string error_document_text(const mod::core::ErrorDocument& doc);

}  // namespace feather::runtime
