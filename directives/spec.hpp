#pragma once
// A directive declared once: the row every module's table is made of.
// The registry, the binder, `-L` and feather.conf(5) all read these rows.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "directives/flags.hpp"
#include "directives/module_id.hpp"

namespace feather::directives {

struct Cmd;

// How the words after the name are counted and handed to the setter
// (Apache's cmd_how).
enum class ArgShape : std::uint8_t {
    Raw,       // the setter parses the text itself
    Take1,     // exactly one
    Take2,     // exactly two
    Iterate,   // one or more; the setter runs once per word
    Iterate2,  // two or more; the setter runs once per word after the first
    Flag,      // On or Off
    NoArgs,
    Take12,
    Take3,
    Take23,
    Take123,
    Take13,
    Argv,  // any number, all at once
};

// What a setter receives. For Iterate the setter sees one word at a time,
// for Iterate2 the first word and one more.
struct Args {
    std::string_view raw;                  // ArgShape::Raw
    std::span<const std::string> words;    // all other shapes
    bool flag = false;                     // ArgShape::Flag

    std::size_t size() const { return words.size(); }
    const std::string& operator[](std::size_t i) const { return words[i]; }
};

// A setter's verdict: nullopt, or the error text (Apache's wording; the
// binder adds file and line).
using Status = std::optional<std::string>;

using Setter = Status (*)(Cmd& cmd, const Args& args);

struct DirectiveSpec {
    std::string_view name;  // as Apache spells it; sections start with '<'
    ModuleId module;
    Allow allow;            // Apache's req_override
    ArgShape shape;
    Setter set;
    std::string_view help;  // Apache's usage text: -L, and "X takes one argument, <help>"
    Forbid forbid = Forbid::None;  // contexts the handler refuses after counting arguments
};

}  // namespace feather::directives
