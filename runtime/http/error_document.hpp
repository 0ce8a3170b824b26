#pragma once
// The ErrorDocument of a status, evaluated for a request: its ap_expr
// string (literal text, %{VARIABLE}s and %{function:argument}s) as httpd's
// ap_response_code_string returns it.

#include <optional>
#include <string>

#include "modules/core/core_config.hpp"
#include "modules/request/request.hpp"

namespace feather::runtime {

// ap_expr_str_exec for the variables and string functions httpd offers a
// request (util_expr_eval.c); what the configuration cannot name was
// refused when it was read.
std::string evaluate_string_expr(const mod::core::StringExpr& expr, const Request& r);

// ap_response_code_string: the ErrorDocument for `status` in r's
// configuration, evaluated; nullopt when there is none (or "default").
// A message starts with '"'.
std::optional<std::string> error_document_for(const Request& r, int status);

}  // namespace feather::runtime
