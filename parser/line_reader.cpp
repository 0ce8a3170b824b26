#include "parser/line_reader.hpp"

#include "parser/word.hpp"

namespace feather::parser {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

LineReader::LineReader(std::string text, std::string_view name)
    : text_(std::move(text)), name_(name)
{
    std::string_view rest = text_;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const auto len = nl == std::string_view::npos ? rest.size() : nl + 1;
        physical_.push_back(rest.substr(0, len));
        rest.remove_prefix(len);
    }
}

LineReader::LineReader(const std::vector<std::string>& lines, std::string_view name) : name_(name)
{
    std::size_t total = 0;
    for (const auto& l : lines) {
        total += l.size();
    }
    text_.reserve(total);
    for (const auto& l : lines) {
        text_ += l;
    }
    std::size_t at = 0;
    for (const auto& l : lines) {
        physical_.emplace_back(text_.data() + at, l.size());
        at += l.size();
    }
}

bool LineReader::next_physical(std::string_view& out)
{
    if (next_index_ == physical_.size()) {
        return false;
    }
    out = physical_[next_index_++];
    // Apache reads C strings: a NUL ends the line's text.
    if (const auto nul = out.find('\0'); nul != std::string_view::npos) {
        out = out.substr(0, nul);
    }
    return true;
}

bool LineReader::next(std::string& line)
{
    line.clear();
    bool read_any = false;
    while (true) {
        ++line_number_;
        std::string_view piece;
        if (!next_physical(piece)) {
            if (read_any) {
                break;  // a continuation at the end of the input: keep what we have
            }
            --line_number_;
            return false;
        }
        read_any = true;
        line.append(piece);
        // Continuation: "\\\n" or "\\\r\n" at the very end of the physical line.
        if (!line.empty() && line.back() == '\n') {
            std::size_t end = line.size() - 1;
            if (end > 0 && line[end - 1] == '\r') {
                --end;
            }
            if (end > 0 && line[end - 1] == '\\') {
                line.resize(end - 1);
                continue;
            }
        }
        break;
    }
    const auto trimmed = trim(line);
    line = std::string(trimmed);
    return true;
}

}  // namespace feather::parser
