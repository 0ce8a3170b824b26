#include "parser/word.hpp"

#include <gtest/gtest.h>

namespace feather::parser {
namespace {

using Words = std::vector<std::string>;

TEST(Word, SplitsOnWhiteSpace) { EXPECT_EQ(split_words(" a\tb  c "), (Words{"a", "b", "c"})); }

TEST(Word, QuotedWordsKeepSpaces)
{
    EXPECT_EQ(split_words(R"(A "x y" 'p q')"), (Words{"A", "x y", "p q"}));
}

TEST(Word, AdjacentQuotedWordsAreTwoWords) { EXPECT_EQ(split_words(R"("x""y")"), (Words{"x", "y"})); }

TEST(Word, QuoteInsideBareWordIsLiteral) { EXPECT_EQ(split_words(R"(x"y z")"), (Words{"x\"y", "z\""})); }

TEST(Word, BackslashEscapesQuoteAndBackslashInsideQuotes)
{
    EXPECT_EQ(split_words(R"("esc \" quote")"), (Words{"esc \" quote"}));
    EXPECT_EQ(split_words(R"("back\\slash")"), (Words{"back\\slash"}));
    EXPECT_EQ(split_words(R"("keep \n")"), (Words{"keep \\n"}));
    EXPECT_EQ(split_words(R"('it\'s')"), (Words{"it's"}));
}

TEST(Word, DoubledBackslashOutsideQuotesIsOne) { EXPECT_EQ(split_words(R"(a\\b a\b)"), (Words{"a\\b", "a\\b"})); }

TEST(Word, UnterminatedQuoteRunsToTheEnd) { EXPECT_EQ(split_words(R"("unterminated x)"), (Words{"unterminated x"})); }

TEST(Word, EmptyQuotedWordIsEmpty) { EXPECT_EQ(split_words(R"(A "" B)"), (Words{"A", "", "B"})); }

// Plain words take a shortcut in the grammar; mixed with escaped ones they
// must read as before.
TEST(Word, PlainAndEscapedWordsMixed)
{
    EXPECT_EQ(split_words(R"("x"y 'a"b' c\\d "e\"f" 'g' "h i"j)"),
              (Words{"x", "y", "a\"b", "c\\d", "e\"f", "g", "h i", "j"}));
}

TEST(Word, NextWordAdvancesPastTrailingSpace)
{
    std::string_view rest = "first   second  ";
    EXPECT_EQ(next_word(rest), "first");
    EXPECT_EQ(rest, "second  ");
    EXPECT_EQ(next_word(rest), "second");
    EXPECT_TRUE(rest.empty());
    EXPECT_EQ(next_word(rest), "");
}

}  // namespace
}  // namespace feather::parser
