#include "modules/authz/expr_string.hpp"

#include <gtest/gtest.h>

namespace feather::mod::authz {
namespace {

std::string value(std::string_view text)
{
    const ExprString r = evaluate_literal_string(text);
    EXPECT_TRUE(r.value.has_value()) << text << ": " << r.error;
    return r.value.value_or("<error>");
}

std::string error(std::string_view text)
{
    const ExprString r = evaluate_literal_string(text);
    EXPECT_FALSE(r.value.has_value()) << text;
    return r.error;
}

TEST(ExprString, PlainTextIsItself)
{
    EXPECT_EQ(value("example.com .example.org"), "example.com .example.org");
    EXPECT_EQ(value(""), "");
    // Quotes, a lone '%', '}' and '$' are plain characters in a string.
    EXPECT_EQ(value(R"("a b" 'c')"), R"("a b" 'c')");
    EXPECT_EQ(value("a%b$ }"), "a%b$ }");
}

TEST(ExprString, Escapes)
{
    EXPECT_EQ(value(R"(a\101b)"), "aAb");
    EXPECT_EQ(value(R"(\t\n\r\b\f)"), "\t\n\r\b\f");
    EXPECT_EQ(value(R"(a\.b\\c)"), "a.b\\c");
    EXPECT_EQ(value(R"(\123a)"), "Sa");
}

TEST(ExprString, BackReferencesAreEmpty)
{
    EXPECT_EQ(value("a$1b"), "ab");
    EXPECT_EQ(value("$0"), "");
}

TEST(ExprString, NulEndsItsPiece)
{
    EXPECT_EQ(value(R"(ab\0cd$1ef)"), "abef");
}

TEST(ExprString, HttpdErrors)
{
    EXPECT_EQ(error(R"(a\8b)"), "Bad escape sequence");
    EXPECT_EQ(error(R"(a\18)"), "Bad escape sequence");
    EXPECT_EQ(error(R"(\1234)"), "Bad escape sequence");
    EXPECT_EQ(error(R"(a\400)"), "Escape sequence out of bound");
    EXPECT_EQ(error(std::string(8192, 'x')), "String too long");
    EXPECT_EQ(value(std::string(8191, 'x')).size(), 8191u);
}

TEST(ExprString, VariablesAreRefused)
{
    const ExprString r = evaluate_literal_string("%{HTTP_HOST} a.b");
    EXPECT_FALSE(r.value);
    EXPECT_TRUE(r.unsupported);
    EXPECT_EQ(r.error, "%{...} variables are not supported: Feather does not support ap_expr yet");
}

}  // namespace
}  // namespace feather::mod::authz
