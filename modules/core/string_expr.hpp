#pragma once
// A string-valued ap_expr, as httpd parses the arguments of ErrorDocument
// and SetHandler (ap_expr_parse_cmd with AP_EXPR_FLAG_STRING_RESULT): literal
// text with %{VAR}, %{func:arg} and $0..$9 parts. Parsed once at
// configuration time; evaluated per request.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather::mod::core {

struct StringExprPart {
    enum class Kind : std::uint8_t { Literal, Variable, Function, Backref };
    Kind kind = Kind::Literal;
    std::string text;                 // Literal: the text; Variable/Function: the name
    int backref = 0;                  // Backref: 0..9
    std::vector<StringExprPart> arg;  // Function: its argument
};

struct StringExpr {
    std::string source;  // the expression text as parsed
    std::vector<StringExprPart> parts;

    // True when no part needs the request.
    bool is_literal() const;
    // The concatenated literal parts.
    std::string literal_text() const;
};

// Parses `text` as httpd does; on failure returns httpd's message (the
// grammar's "syntax error, unexpected ..." and/or the scanner's or lookup's
// text, joined as ap_expr_parse joins them).
std::optional<std::string> parse_string_expr(std::string_view text, StringExpr& out);

}  // namespace feather::mod::core
