#include "modules/authz/expr_string.hpp"

namespace feather::mod::authz {

namespace {

constexpr std::size_t kMaxSegment = 8192;  // httpd's MAX_STRING_LEN scan buffer

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }

// One piece of text between back-references, as the scanner collects it:
// a NUL byte ends the piece's value (it is copied as a C string).
struct Segment {
    std::string text;
    std::size_t length = 0;  // bytes appended, NUL included
    bool cut = false;

    bool append(char c)
    {
        if (c == '\0') {
            cut = true;
        }
        if (!cut) {
            text.push_back(c);
        }
        return ++length < kMaxSegment;
    }
};

}  // namespace

ExprString evaluate_literal_string(std::string_view s)
{
    ExprString result;
    std::string value;
    Segment seg;
    auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };

    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            const char e = s[i + 1];
            if (is_digit(e)) {
                // The scanner's longest match: up to three octal digits, or
                // a longer run of digits, which is an error.
                std::size_t digits = 0;
                while (i + 1 + digits < s.size() && is_digit(s[i + 1 + digits])) {
                    ++digits;
                }
                std::size_t octal = 0;
                while (octal < 3 && octal < digits && is_octal(s[i + 1 + octal])) {
                    ++octal;
                }
                if (digits > octal) {
                    return fail("Bad escape sequence");
                }
                int code = 0;
                for (std::size_t k = 0; k < octal; ++k) {
                    code = code * 8 + (s[i + 1 + k] - '0');
                }
                if (code > 0xff) {
                    return fail("Escape sequence out of bound");
                }
                if (!seg.append(static_cast<char>(code))) {
                    return fail("String too long");
                }
                i += 1 + octal;
                continue;
            }
            char out = e;
            switch (e) {
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 't': out = '\t'; break;
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            default: break;
            }
            if (!seg.append(out)) {
                return fail("String too long");
            }
            i += 2;
            continue;
        }
        if (c == '$' && i + 1 < s.size() && is_digit(s[i + 1])) {
            // A back-reference: there is never a regex match to refer to.
            value += seg.text;
            seg = Segment{};
            i += 2;
            continue;
        }
        if (c == '%' && i + 1 < s.size() && s[i + 1] == '{') {
            result.unsupported = true;
            return fail("%{...} variables are not supported: Feather does not support ap_expr "
                        "yet");
        }
        if (!seg.append(c)) {
            return fail("String too long");
        }
        ++i;
    }
    value += seg.text;
    result.value = std::move(value);
    return result;
}

}  // namespace feather::mod::authz
