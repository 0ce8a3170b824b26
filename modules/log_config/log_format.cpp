#include "modules/log_config/log_format.hpp"

#include <array>

namespace feather::mod::log_config {

namespace {

// The %-directives registered by the modules Feather has: mod_log_config's
// own and mod_logio's (I, O, S, ^FB). A "^" directive is three characters.
constexpr std::string_view kOneLetter = "haAlutfbBionLeVvpPHmqXCkrDTUsRIOS";
constexpr std::array<std::string_view, 3> kCaret = {"^ti", "^to", "^FB"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One %-item starting after the '%' at `s[i]`; advances `i` past it.
std::optional<std::string> check_item(std::string_view s, std::size_t& i)
{
    if (i < s.size() && s[i] == '%') {
        ++i;  // "%%"
        return std::nullopt;
    }
    while (i < s.size()) {
        const char c = s[i];
        if (c == '!' || c == '<' || c == '>' || c == ',') {
            ++i;
        } else if (c == '{') {
            // The argument runs to the next '}' or, missing that, to the end.
            const std::size_t close = s.find('}', i + 1);
            i = close == std::string_view::npos ? s.size() : close + 1;
        } else if (is_digit(c)) {
            while (i < s.size() && is_digit(s[i])) {
                ++i;
            }
        } else {
            if (c == '^' && i + 2 < s.size()) {
                for (const std::string_view caret : kCaret) {
                    if (s.substr(i, 3) == caret) {
                        i += 3;
                        return std::nullopt;
                    }
                }
            }
            ++i;
            if (kOneLetter.find(c) == std::string_view::npos) {
                return "Unrecognized LogFormat directive %" + std::string(1, c);
            }
            return std::nullopt;
        }
    }
    return "Ran off end of LogFormat parsing args to some directive";
}

}  // namespace

std::optional<std::string> check_log_format(std::string_view format)
{
    std::size_t i = 0;
    while (i < format.size()) {
        if (format[i] != '%') {
            // Literal text (with its backslash escapes) runs to the next '%'.
            while (i < format.size() && format[i] != '%') {
                ++i;
            }
            continue;
        }
        ++i;
        if (auto err = check_item(format, i)) {
            return err;
        }
    }
    return std::nullopt;
}

}  // namespace feather::mod::log_config
