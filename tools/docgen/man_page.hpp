#pragma once
// feather.conf(5) from the directive registry: every directive Feather
// knows, with the syntax, default, context and override class of Apache's
// manual (man/directives.tsv) and the help text and module of the registry's
// row, so the page and the code cannot disagree.

#include <map>
#include <string>
#include <string_view>

#include "directives/registry.hpp"

namespace feather::docgen {

// One row of man/directives.tsv (Apache's documentation of a directive).
struct DirectiveDoc {
    std::string syntax;
    std::string default_value;
    std::string contexts;
    std::string override_class;
};

// Keyed by the directive name without '<' and '>', lower-cased.
using DocTable = std::map<std::string, DirectiveDoc>;

// Parses the TSV (header: module, directive, syntax, default, contexts,
// override, status).
DocTable parse_doc_table(std::string_view tsv);

std::string doc_key(std::string_view directive_name);

// The page: `page_template` with "@DIRECTIVES@" replaced by the directive
// list and "@VERSION@" by `version`. Directives the table lacks get their
// context and override from the registry row; `missing` lists them.
std::string render_man_page(const directives::Registry& registry, const DocTable& docs,
                            std::string_view page_template, std::string_view version,
                            std::string& missing);

}  // namespace feather::docgen
