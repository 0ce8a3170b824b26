#pragma once
// The context a setter runs in: Apache's cmd_parms, typed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directives/config.hpp"
#include "directives/flags.hpp"
#include "directives/spec.hpp"
#include "parser/ast.hpp"

namespace feather::mod::authz {
struct RequireNode;
}  // namespace feather::mod::authz

namespace feather::directives {

class Loader;

struct Cmd {
    Loader* loader = nullptr;             // the load in progress
    const DirectiveSpec* spec = nullptr;  // the directive being applied
    const parser::Node* node = nullptr;
    ServerConfig* server = nullptr;       // the main server or a virtual host
    DirConfigSet* dir = nullptr;          // where per-directory settings go
    std::optional<std::string> path;      // the enclosing section's path; none at server level
    Allow override = Allow::None;         // what may be set here (AllowOverride in .htaccess)
    unsigned override_opts = 0;           // Options an .htaccess may set (AllowOverride Options=)
    // AllowOverrideList in .htaccess: directives allowed whatever `override`
    // says (matched without regard to case, as httpd's table lookup).
    const std::vector<std::string>* override_list = nullptr;
    std::int64_t limited = -1;            // the methods of an enclosing <Limit>, or -1
    bool htaccess = false;
    std::vector<const parser::Node*> sections;  // enclosing section nodes, outermost first
    // The <RequireAll>/<RequireAny>/<RequireNone> being filled (httpd swaps
    // its conf->section while walking one); null outside them.
    mod::authz::RequireNode* require_container = nullptr;

    // Set while a file is being read, for directives that act at once.
    parser::ConfigReader* reader = nullptr;
    parser::NodeList* produced = nullptr;

    SourceLoc loc() const { return node ? node->loc : SourceLoc{}; }
    bool is_virtual() const { return server != nullptr && server->is_virtual; }
};

}  // namespace feather::directives
