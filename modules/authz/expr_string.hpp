#pragma once
// "Require host" and "Require forward-dns" read their line as an ap_expr
// string expression. Feather has no ap_expr yet, so it takes the lines whose
// value needs no request: literal text, backslash escapes and regex
// back-references ($0-$9, always empty there). A %{...} variable is refused.

#include <optional>
#include <string>
#include <string_view>

namespace feather::mod::authz {

struct ExprString {
    std::optional<std::string> value;  // set on success
    std::string error;                 // httpd's parser message, or Feather's refusal
    bool unsupported = false;          // refused because it needs ap_expr
};

ExprString evaluate_literal_string(std::string_view text);

}  // namespace feather::mod::authz
