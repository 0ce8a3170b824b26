#pragma once
// The string expressions of the one-argument Alias and of Redirect inside a
// section (ap_expr_str_exec). Feather evaluates literal text, $0-$9 (empty:
// no regex ran) and the request variables and functions below; anything
// else is an evaluation error, which httpd would report the same way
// ("Can't evaluate alias expression: ...").

#include <optional>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather::mod::alias {

struct ExprResult {
    std::optional<std::string> value;  // set on success
    std::string error;
};

ExprResult evaluate_string(const Request& r, std::string_view text);

}  // namespace feather::mod::alias
