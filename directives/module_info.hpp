#pragma once
// What the registry knows of a module: its names and its directive table.

#include <span>
#include <string_view>

#include "directives/module_id.hpp"
#include "directives/spec.hpp"

namespace feather::directives {

struct ModuleInfo {
    ModuleId id;
    std::string_view symbol;  // "mime_module": LoadModule, <IfModule>, -M
    std::string_view source;  // "mod_mime.c": <IfModule>, -l, -L
    bool builtin;             // always on, shown as (static) by -M
    std::span<const DirectiveSpec> directives;
    // httpd's module has a create_dir_config: -L marks per-directory rows of
    // a module without one "[no per-dir config]" (of Feather's modules only
    // mod_version has such rows).
    bool per_dir_config = true;
};

}  // namespace feather::directives
