#pragma once
// The syntax tree of a configuration: what Apache calls ap_directive_t.
// The tree knows syntax only; meaning comes from the directive registry.

#include <string>
#include <vector>

#include "parser/source_loc.hpp"

namespace feather::parser {

struct Node {
    // The registry's spelling when a loaded module knew the name while the
    // file was read, else the name as written. Sections keep their '<'.
    std::string name;
    // The text after the name, with ${VAR} already substituted. A section's
    // arguments still end with its closing '>' (checked by its handler).
    std::string args;
    SourceLoc loc;
    std::vector<Node> children;

    bool is_section() const { return !name.empty() && name.front() == '<'; }
};

using NodeList = std::vector<Node>;

}  // namespace feather::parser
