#pragma once
// Splitting configuration text into words with Apache's quoting rules
// (ap_getword_conf): white space separates words; a word starting with a
// double or single quote runs to the matching quote (or the end of the text),
// inside which backslash escapes the quote and itself; outside quotes a
// doubled backslash stands for one.

#include <string>
#include <string_view>
#include <vector>

namespace feather::parser {

// Returns the next word of `rest` and advances `rest` past it and the white
// space after it. An exhausted `rest` yields "".
std::string next_word(std::string_view& rest);

// All words of `text`, in order (an empty quoted word is kept as "").
std::vector<std::string> split_words(std::string_view text);

// Apache's apr_isspace set.
constexpr bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

}  // namespace feather::parser
