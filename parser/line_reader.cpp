#include "parser/line_reader.hpp"

#include <cstring>
#include <functional>

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

LineReader::LineReader(std::string_view text, const std::string* name) : text_(text), name_(name)
{
}

LineReader::LineReader(const std::vector<std::string>& lines, const std::string* name)
    : borrowed_(false), name_(name)
{
    for (const auto& l : lines) {
        own_text_ += l;
        command_ends_.push_back(own_text_.size());
    }
    text_ = own_text_;
}

bool LineReader::in_callers_text(std::string_view part) const
{
    // std::less_equal: a total order even for pointers into different objects.
    const std::less_equal<const char*> le;
    return borrowed_ && le(text_.data(), part.data()) &&
           le(part.data() + part.size(), text_.data() + text_.size());
}

bool LineReader::next_physical(std::string_view& out)
{
    std::size_t end = text_.size();
    if (!command_ends_.empty()) {
        if (command_index_ == command_ends_.size()) {
            return false;
        }
        end = command_ends_[command_index_++];
    } else if (pos_ == text_.size()) {
        return false;
    } else if (const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_)) {
        end = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    out = text_.substr(pos_, end - pos_);
    pos_ = end;
    // Apache reads C strings: a NUL ends the line's text.
    if (const auto nul = out.find('\0'); nul != std::string_view::npos) {
        out = out.substr(0, nul);
    }
    return true;
}

namespace {

// The length of `piece` without its continuation ("\\\n" or "\\\r\n" at
// the very end), or npos when it does not continue.
std::size_t continued_length(std::string_view piece)
{
    if (piece.empty() || piece.back() != '\n') {
        return std::string_view::npos;
    }
    std::size_t end = piece.size() - 1;
    if (end > 0 && piece[end - 1] == '\r') {
        --end;
    }
    if (end > 0 && piece[end - 1] == '\\') {
        return end - 1;
    }
    return std::string_view::npos;
}

}  // namespace

bool LineReader::next(std::string_view& line)
{
    ++line_number_;
    std::string_view piece;
    if (!next_physical(piece)) {
        --line_number_;
        return false;
    }
    auto cut = continued_length(piece);
    if (cut == std::string_view::npos) {
        line = trim(piece);  // the usual case: a view into the text
        return true;
    }
    joined_.assign(piece.substr(0, cut));
    while (true) {
        ++line_number_;
        if (!next_physical(piece)) {
            break;  // a continuation at the end of the input: keep what we have
        }
        cut = continued_length(piece);
        if (cut == std::string_view::npos) {
            joined_.append(piece);
            break;
        }
        joined_.append(piece.substr(0, cut));
    }
    line = trim(joined_);
    return true;
}

}  // namespace feather::parser
