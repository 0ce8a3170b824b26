// The string form of ap_expr that ErrorDocument and SetHandler parse.

#include <gtest/gtest.h>

#include "modules/core/string_expr.hpp"

namespace feather::test {
namespace {

using mod::core::parse_string_expr;
using mod::core::StringExpr;
using Kind = mod::core::StringExprPart::Kind;

StringExpr parsed(std::string_view text)
{
    StringExpr e;
    const auto err = parse_string_expr(text, e);
    EXPECT_FALSE(err.has_value()) << text << ": " << err.value_or("");
    return e;
}

TEST(StringExpr, LiteralText)
{
    const auto e = parsed("\"Sorry 100% } $x");
    ASSERT_EQ(e.parts.size(), 1u);
    EXPECT_TRUE(e.is_literal());
    EXPECT_EQ(e.literal_text(), "\"Sorry 100% } $x");
    EXPECT_EQ(e.source, "\"Sorry 100% } $x");
}

TEST(StringExpr, Escapes)
{
    EXPECT_EQ(parsed("a\\tb\\nc\\101\\q\\\\").literal_text(), "a\tb\nc"
                                                              "A"
                                                              "q\\");
    EXPECT_EQ(parsed("\\012a").literal_text(), std::string("\na"));
    // A fourth digit makes it flex's longer "bad escape" match.
    StringExpr e;
    EXPECT_EQ(parse_string_expr("\\0123", e).value_or(""), "Bad escape sequence");
}

TEST(StringExpr, VariablesFunctionsBackrefs)
{
    const auto e = parsed("/err/%{REQUEST_URI}?x=%{tolower:A%{HTTP_HOST}$2}&$1");
    ASSERT_EQ(e.parts.size(), 6u);
    EXPECT_EQ(e.parts[0].text, "/err/");
    EXPECT_EQ(e.parts[1].kind, Kind::Variable);
    EXPECT_EQ(e.parts[1].text, "REQUEST_URI");
    EXPECT_EQ(e.parts[2].text, "?x=");
    EXPECT_EQ(e.parts[3].kind, Kind::Function);
    EXPECT_EQ(e.parts[3].text, "tolower");
    ASSERT_EQ(e.parts[3].arg.size(), 3u);
    EXPECT_EQ(e.parts[3].arg[0].text, "A");
    EXPECT_EQ(e.parts[3].arg[1].kind, Kind::Variable);
    EXPECT_EQ(e.parts[3].arg[2].kind, Kind::Backref);
    EXPECT_EQ(e.parts[3].arg[2].backref, 2);
    EXPECT_EQ(e.parts[4].text, "&");
    EXPECT_EQ(e.parts[5].kind, Kind::Backref);
    EXPECT_EQ(e.parts[5].backref, 1);
    EXPECT_FALSE(e.is_literal());
}

TEST(StringExpr, NamesAreCaseInsensitive)
{
    parsed("%{request_uri}%{ToUpper:x}%{HTTP:Host}%{env:X}");
}

TEST(StringExpr, Errors)
{
    const std::pair<const char*, const char*> cases[] = {
        {"%{BOGUS}", "Variable 'BOGUS' does not exist"},
        {"%{f:x}", "Function 'f' does not exist"},
        {"%{", "syntax error, unexpected T_ERROR, expecting T_ID: Unterminated string or variable"},
        {"%{X", "syntax error, unexpected T_ERROR, expecting T_VAR_END or ':': Unterminated string "
                "or variable"},
        {"%{tolower:x", "Unterminated string or variable"},
        {"\\777", "Escape sequence out of bound"},
        {"\\8", "Bad escape sequence"},
        {"%{tolower:a'b}", "flex scanner jammed"},
        {"x\\", "flex scanner jammed"},
    };
    for (const auto& [text, message] : cases) {
        StringExpr e;
        EXPECT_EQ(parse_string_expr(text, e).value_or(""), message) << text;
    }
    StringExpr e;
    EXPECT_EQ(parse_string_expr(std::string(9000, 'a'), e).value_or(""), "String too long");
}

}  // namespace
}  // namespace feather::test
