#pragma once
// Physical lines to logical configuration lines, as Apache's ap_cfg_getline:
// a backslash right before the newline (or CR LF) joins the next line to this
// one, the backslash removed; then leading and trailing white space goes.
// The line number is that of the last physical line read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace feather::parser {

class LineReader {
public:
    // The whole text of a file, which the caller keeps alive; `name` is its
    // interned name (SourceLoc::path).
    LineReader(std::string_view text, const std::string* name);
    // Lines given one by one (command-line -C/-c directives), copied: none
    // of them continues onto the next.
    LineReader(const std::vector<std::string>& lines, const std::string* name);
    // Views point into the reader (-C/-c lines): it stays where it is.
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next logical line, trimmed; false at the end of the input. The
    // view is valid until the next call, and after it too when it lies in
    // the caller's text (in_callers_text).
    bool next(std::string_view& line);
    bool in_callers_text(std::string_view part) const;

    std::uint32_t line_number() const { return line_number_; }
    const std::string* name() const { return name_; }

private:
    bool next_physical(std::string_view& out);

    std::string own_text_;                  // -C/-c lines only
    std::string_view text_;
    bool borrowed_ = true;
    std::size_t pos_ = 0;                    // where the next physical line starts
    std::vector<std::size_t> command_ends_;  // -C/-c: where each given line ends
    std::size_t command_index_ = 0;
    std::string joined_;                     // a line made of continued pieces
    std::uint32_t line_number_ = 0;
    const std::string* name_;
};

// Apache's cfg_trim_line.
std::string_view trim(std::string_view s);

}  // namespace feather::parser
