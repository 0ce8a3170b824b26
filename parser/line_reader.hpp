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
    // The whole text of a file.
    LineReader(std::string text, std::string_view name);
    // Lines given one by one (command-line -C/-c directives): none of them
    // continues onto the next.
    LineReader(const std::vector<std::string>& lines, std::string_view name);

    // The next logical line, trimmed. False at the end of the input.
    bool next(std::string& line);

    std::uint32_t line_number() const { return line_number_; }
    std::string_view name() const { return name_; }

private:
    bool next_physical(std::string_view& out);

    std::string text_;
    std::vector<std::string_view> physical_;  // each with its '\n' when it had one
    std::size_t next_index_ = 0;
    std::uint32_t line_number_ = 0;
    std::string_view name_;
};

// Apache's cfg_trim_line.
std::string_view trim(std::string_view s);

}  // namespace feather::parser
