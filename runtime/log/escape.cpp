#include "runtime/log/escape.hpp"

namespace feather::runtime {

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c >= 0x7f || c == '"' || c == '\\'; }

std::string escape(std::string_view s, bool escape_quote)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (!needs_escape(c)) {
            out.push_back(ch);
            continue;
        }
        switch (c) {
        case '\b': out += "\\b"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        case '\\': out += "\\\\"; break;
        case '"': out += escape_quote ? "\\\"" : "\""; break;
        default:
            out += "\\x";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace

std::string escape_error_log_item(std::string_view s) { return escape(s, false); }
std::string escape_log_item(std::string_view s) { return escape(s, true); }

}  // namespace feather::runtime
