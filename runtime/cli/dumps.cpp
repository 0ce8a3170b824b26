// DUMP_INCLUDES and DUMP_MODULES: the two short listings.

#include "runtime/cli/dumps.hpp"

#include <fmt/format.h>

namespace feather::runtime {

std::string included_files_text(const std::vector<parser::IncludedFile>& files)
{
    // dump_config_name (server/config.c): two spaces per Include level, the
    // line of the Include that named the file, "*" for the main file.
    std::string s;
    for (const auto& f : files) {
        const std::string indent(2 * (f.depth + 1), ' ');
        if (f.line > 0) {
            s += fmt::format("{}({}) {}\n", indent, f.line, f.path);
        } else {
            s += fmt::format("{}(*) {}\n", indent, f.path);
        }
    }
    return s;
}

std::string loaded_modules_text(const directives::Registry& registry,
                                const directives::ModuleSet& modules)
{
    // mod_so's dump_loaded_modules: the compiled-in ones, then those
    // LoadModule switched on, in that order.
    std::string s = "Loaded Modules:\n";
    for (const ModuleId id : modules.in_order()) {
        const auto& m = registry.module(id);
        s += fmt::format(" {} ({})\n", m.symbol, m.builtin ? "static" : "shared");
    }
    return s;
}

}  // namespace feather::runtime
