#include "parser/line_reader.hpp"

#include <gtest/gtest.h>

namespace feather::parser {
namespace {

const std::string kFileName = "f";

std::vector<std::pair<std::string, unsigned>> all_lines(std::string text)
{
    LineReader r(std::move(text), &kFileName);
    std::vector<std::pair<std::string, unsigned>> out;
    std::string_view line;
    while (r.next(line)) {
        out.emplace_back(std::string(line), r.line_number());
    }
    return out;
}

TEST(LineReader, TrimsAndNumbersLines)
{
    const auto lines = all_lines("  a b  \n\tc\r\n\nd");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], (std::pair<std::string, unsigned>{"a b", 1}));
    EXPECT_EQ(lines[1], (std::pair<std::string, unsigned>{"c", 2}));
    EXPECT_EQ(lines[2], (std::pair<std::string, unsigned>{"", 3}));
    EXPECT_EQ(lines[3], (std::pair<std::string, unsigned>{"d", 4}));
}

TEST(LineReader, BackslashNewlineJoinsLinesAndKeepsTheLastLineNumber)
{
    const auto lines = all_lines("Define A first\\\n   second\nX\n");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].first, "Define A first   second");
    EXPECT_EQ(lines[0].second, 2u);
    EXPECT_EQ(lines[1].second, 3u);
}

TEST(LineReader, BackslashCrLfAlsoContinues)
{
    const auto lines = all_lines("a \\\r\nb\r\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].first, "a b");
}

TEST(LineReader, BackslashBeforeTrailingSpaceDoesNotContinue)
{
    const auto lines = all_lines("a \\ \nb\n");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].first, "a \\");
}

TEST(LineReader, CommentEndingInBackslashSwallowsNextLine)
{
    const auto lines = all_lines("# comment \\\nDefine A x\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].first, "# comment Define A x");
}

TEST(LineReader, ContinuationAtEndOfInputKeepsWhatWasRead)
{
    const auto lines = all_lines("a b\\\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].first, "a b");
}

TEST(LineReader, CommandLineLinesNeverContinue)
{
    LineReader r(std::vector<std::string>{"a \\", "b"}, &kFileName);
    std::string_view line;
    ASSERT_TRUE(r.next(line));
    EXPECT_EQ(line, "a \\");
    ASSERT_TRUE(r.next(line));
    EXPECT_EQ(line, "b");
    EXPECT_FALSE(r.next(line));
}

}  // namespace
}  // namespace feather::parser
