// The Accept* grammar as httpd reads it (get_entry, atoq, ap_get_token,
// do_languages_line).

#include <gtest/gtest.h>

#include "modules/negotiation/accept_list.hpp"

namespace feather::mod::negotiation {
namespace {

TEST(QValue, ReadsAtMostThreeDecimals)
{
    struct Row {
        const char* text;
        float q;
    };
    const Row rows[] = {
        {"", 1.0f},      {"1", 1.0f},     {"1.0", 1.0f},   {"2", 1.0f},     {"junk", 1.0f},
        {"0", 0.0f},     {"0.5", 0.5f},   {".5", 0.5f},    {" 0.25", 0.25f}, {"0.1234", 0.123f},
        {"0.001", 0.001f}, {"0x", 0.0f},  {"00.5", 0.0f},  {"0.", 0.0f},
    };
    for (const Row& r : rows) {
        EXPECT_FLOAT_EQ(parse_qvalue(r.text), r.q) << r.text;
    }
}

TEST(AcceptList, AbsentDiffersFromEmpty)
{
    EXPECT_FALSE(parse_accept_list(std::nullopt).has_value());
    const auto empty = parse_accept_list(std::string_view(""));
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty->empty());
}

TEST(AcceptList, ParametersAndDefaults)
{
    const auto list = parse_accept_list(std::string_view(
        "Text/HTML;level=3;q=0.5, text/plain; Q = 0.2 ;charset=\"UTF-8\", */*, text/x-server-parsed-html3"));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 4u);
    EXPECT_EQ((*list)[0].name, "text/html");
    EXPECT_FLOAT_EQ((*list)[0].level, 3.0f);
    EXPECT_FLOAT_EQ((*list)[0].quality, 0.5f);
    EXPECT_EQ((*list)[1].name, "text/plain");
    EXPECT_FLOAT_EQ((*list)[1].quality, 0.2f);
    EXPECT_EQ((*list)[1].charset, "utf-8");
    EXPECT_EQ((*list)[2].name, "*/*");
    EXPECT_FLOAT_EQ((*list)[2].quality, 1.0f);
    EXPECT_FLOAT_EQ((*list)[2].level, 0.0f);
    EXPECT_FLOAT_EQ((*list)[3].level, 3.0f);
}

TEST(AcceptList, HtmlIsLevelTwoUnlessSaid)
{
    const auto list = parse_accept_list(std::string_view("text/html"));
    ASSERT_TRUE(list);
    EXPECT_FLOAT_EQ((*list)[0].level, 2.0f);
}

TEST(AcceptList, OldFormatSeparatesByWhiteSpace)
{
    const auto list = parse_accept_list(std::string_view("image/png text/plain"));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].name, "image/png");
    EXPECT_EQ((*list)[1].name, "text/plain");
}

TEST(AcceptList, QsIsTheSourceQuality)
{
    std::string_view line = "text/plain; qs=0.5";
    const AcceptItem item = parse_accept_item(line);
    EXPECT_FLOAT_EQ(item.quality, 0.5f);
    EXPECT_TRUE(line.empty());
}

TEST(LanguageList, CommasAndSemicolons)
{
    EXPECT_EQ(parse_language_list("EN, fr;de\n"), (std::vector<std::string>{"en", "fr", "de"}));
    EXPECT_TRUE(parse_language_list("").empty());
}

TEST(Token, QuotedStringsStayWhole)
{
    std::string_view line = "  \"a, b\" rest";
    EXPECT_EQ(get_token(line, false), "\"a, b\"");
    EXPECT_EQ(line, "rest");
}

}  // namespace
}  // namespace feather::mod::negotiation
