#include "modules/negotiation/type_map.hpp"

#include <cctype>
#include <charconv>
#include <cstring>

#include "modules/negotiation/best_match.hpp"

namespace feather::mod::negotiation {

namespace {

constexpr std::size_t kMaxLine = 8192;  // httpd's MAX_STRING_LEN: the line and Body: window

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The map read as httpd's buffered apr_file: lines, characters, one
// character pushed back.
class MapCursor {
public:
    explicit MapCursor(std::string_view text) : text_(text) {}

    std::optional<std::string> gets()
    {
        if (pos_ >= text_.size()) {
            return std::nullopt;
        }
        std::size_t end = pos_;
        while (end < text_.size() && end - pos_ < kMaxLine - 1 && text_[end++] != '\n') {
        }
        std::string line(text_.substr(pos_, end - pos_));
        pos_ = end;
        return line;
    }
    std::optional<char> getc()
    {
        if (pos_ >= text_.size()) {
            return std::nullopt;
        }
        return text_[pos_++];
    }
    void ungetc() { --pos_; }
    std::size_t pos() const { return pos_; }
    void seek(std::size_t p) { pos_ = p; }
    std::string_view rest() const { return text_.substr(pos_); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

enum class LineKind { Eof, Header, Separator };

// One header (with its continuation lines joined, each keeping its
// newline), a blank line, or the end. #-lines are comments.
LineKind next_header(MapCursor& map, std::string& buffer)
{
    std::optional<std::string> line;
    do {
        line = map.gets();
        if (!line) {
            return LineKind::Eof;
        }
    } while (!line->empty() && line->front() == '#');
    buffer = std::move(*line);
    std::size_t i = 0;
    while (i < buffer.size() && is_space(buffer[i])) {
        ++i;
    }
    if (i == buffer.size()) {
        return LineKind::Separator;
    }
    // Body: content follows this line verbatim.
    if (buffer.size() >= 5 && strncasecmp(buffer.c_str(), "Body:", 5) == 0) {
        return LineKind::Header;
    }
    while (const auto c = map.getc()) {
        if (*c == '#') {
            while (const auto d = map.getc()) {
                if (*d == '\n') {
                    break;
                }
            }
        } else if (is_space(*c)) {
            // Leading white space: a continuation, or a blank line that
            // ends the record (left for the next call).
            char last = *c;
            bool at_eof = false;
            while (last != '\n' && is_space(last)) {
                const auto d = map.getc();
                if (!d) {
                    at_eof = true;
                    break;
                }
                last = *d;
            }
            if (!at_eof) {
                map.ungetc();
            }
            if (last == '\n') {
                return LineKind::Header;
            }
            while (const auto d = map.getc()) {
                if (*d == '\n') {
                    break;
                }
                buffer.push_back(*d);
            }
            buffer.push_back('\n');
        } else {
            map.ungetc();
            return LineKind::Header;
        }
    }
    return LineKind::Header;
}

// strip_paren_comments: "(...)" becomes blanks (quotes protect nothing,
// as in httpd).
void strip_comments(std::string& s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '(') {
            while (i < s.size() && s[i] != ')') {
                s[i++] = ' ';
            }
            if (i < s.size()) {
                s[i++] = ' ';
            }
        } else {
            ++i;
        }
    }
}

bool parse_strict_length(std::string_view s, std::int64_t& out)
{
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front()))) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

TypeMapRead read_type_map(std::string_view text, std::string_view map_name,
                          std::string_view request_file)
{
    TypeMapRead out;
    MapCursor map(text);
    Variant current;
    bool has_content = false;
    std::string buffer;
    const std::string file(request_file);
    while (true) {
        const LineKind kind = next_header(map, buffer);
        if (kind != LineKind::Header) {
            if (!current.file_name.empty() && has_content) {
                out.variants.push_back(std::move(current));
            }
            current = Variant{};
            has_content = false;
            if (kind == LineKind::Eof) {
                break;
            }
            continue;
        }
        // The name is matched in lower case.
        std::size_t colon = 0;
        for (; colon < buffer.size() && buffer[colon] != ':'; ++colon) {
            buffer[colon] = static_cast<char>(std::tolower(static_cast<unsigned char>(buffer[colon])));
        }
        if (colon == buffer.size()) {
            out.errors.push_back("AH00681: Syntax error in type map, no ':' in " + file +
                                 " for header " + buffer);
            out.server_error = true;
            return out;
        }
        std::size_t b = colon + 1;
        while (b < buffer.size() && is_space(buffer[b])) {
            ++b;
        }
        if (b == buffer.size()) {
            out.errors.push_back("AH00682: Syntax error in type map --- no header body: " + file +
                                 " for " + buffer);
            out.server_error = true;
            return out;
        }
        std::string value = buffer.substr(b);
        strip_comments(value);
        std::string_view body = value;
        const std::string_view name = std::string_view(buffer).substr(0, colon + 1);

        if (name == "uri:") {
            current.file_name = get_token(body, false);
        } else if (name == "content-type:") {
            set_mime_fields(current, parse_accept_item(body));
            has_content = true;
        } else if (name == "content-length:") {
            const std::string token = get_token(body, false);
            std::int64_t length = 0;
            if (!parse_strict_length(token, length)) {
                out.errors.push_back("AH00684: Parse error in type map, Content-Length: '" + token +
                                     "' in " + file + " is invalid.");
                break;
            }
            current.bytes = length;
            has_content = true;
        } else if (name == "content-language:") {
            current.languages = parse_language_list(body);
            has_content = true;
        } else if (name == "content-encoding:") {
            current.encoding = get_token(body, false);
            has_content = true;
        } else if (name == "description:") {
            std::string desc(body);
            for (char& c : desc) {
                if (c == '\n') {
                    c = ' ';
                }
            }
            if (!desc.empty()) {
                desc.pop_back();  // the line's own newline
            }
            current.description = std::move(desc);
        } else if (name == "body:") {
            std::string tag(body);
            while (!tag.empty() && is_space(tag.back())) {
                tag.pop_back();
            }
            // The body and its end tag must lie within one read of
            // MAX_STRING_LEN - 1 bytes (a NUL ends the search, as strstr).
            std::string_view window = map.rest().substr(0, kMaxLine - 1);
            window = window.substr(0, window.find('\0'));
            const std::size_t end = window.find(tag);
            if (end == std::string_view::npos) {
                out.errors.push_back("AH00685: Syntax error in type map, no end tag '" + tag +
                                     "' found in " + file + " for Body: content.");
                break;
            }
            std::size_t after = end + tag.size();
            while (after < window.size()) {
                if (window[after++] == '\n') {
                    break;
                }
            }
            current.body_offset = map.pos();
            current.bytes = static_cast<std::int64_t>(end);
            current.file_name = std::string(map_name);
            map.seek(map.pos() + after);
        }
    }
    return out;
}

}  // namespace feather::mod::negotiation
