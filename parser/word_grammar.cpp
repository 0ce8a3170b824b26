// The word grammar in Boost.Spirit X3. Kept in this one translation unit so
// that Spirit's templates are compiled once.

#include "parser/word.hpp"

#include <boost/spirit/home/x3.hpp>

namespace feather::parser {
namespace {

namespace x3 = boost::spirit::x3;

const auto space_char = x3::char_(" \t\n\v\f\r");

// Inside quotes Q, "\Q" and "\\" are escapes; anything else is literal,
// and a missing closing quote is tolerated (the word runs to the end).
template <char Q>
const auto quoted_word =
    x3::lit(Q) >> *((x3::lit('\\') >> x3::char_(std::string{Q, '\\'})) | ~x3::char_(Q)) >>
    -x3::lit(Q);

// Outside quotes only "\\" is an escape; the word ends at white space.
const auto bare_word = +((x3::lit('\\') >> x3::char_('\\')) | (x3::char_ - space_char));

const auto word = quoted_word<'"'> | quoted_word<'\''> | bare_word;

// Most words are plain: a bare word without a backslash, or a quoted one
// without a backslash and with its closing quote. Such a word is its text as
// it stands, taken in one piece (x3::raw) rather than character by
// character; anything else goes to `word`.
template <char Q>
const auto plain_quoted = x3::lit(Q) >> x3::raw[*~x3::char_(std::string{Q, '\\'})] >> x3::lit(Q);
const auto plain_bare = x3::raw[~x3::char_("\"'\\ \t\n\v\f\r") >> *~x3::char_("\\ \t\n\v\f\r")] >>
                        &(space_char | x3::eoi);
const auto plain_word = plain_quoted<'"'> | plain_quoted<'\''> | plain_bare;

}  // namespace

std::string next_word(std::string_view& rest)
{
    auto first = rest.begin();
    const auto last = rest.end();
    while (first != last && is_space(*first)) {
        ++first;
    }
    std::string out;
    if (first != last) {
        boost::iterator_range<std::string_view::const_iterator> plain;
        auto at = first;
        if (x3::parse(at, last, plain_word, plain)) {
            out.assign(plain.begin(), plain.end());
            first = at;
        } else {
            x3::parse(first, last, word, out);
        }
    }
    while (first != last && is_space(*first)) {
        ++first;
    }
    rest = std::string_view(first, last);
    return out;
}

std::vector<std::string> split_words(std::string_view text)
{
    std::vector<std::string> words;
    while (true) {
        while (!text.empty() && is_space(text.front())) {
            text.remove_prefix(1);
        }
        if (text.empty()) {
            return words;
        }
        words.push_back(next_word(text));
    }
}

}  // namespace feather::parser
