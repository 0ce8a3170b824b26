#include "runtime/cli/dumps.hpp"

#include <cstdio>
#include <string>

#include "modules/all_modules.hpp"
#include "runtime/build_info.hpp"

namespace feather::runtime {

void print_version()
{
    std::printf("Server version: Apache/%s (Feather %s)\n", build::kApacheVersion, build::kFeatherVersion);
    std::printf("Server built:   %s\n", build::kBuiltAt);
}

void print_compile_settings()
{
    print_version();
}

void print_compiled_modules()
{
    std::printf("Compiled in modules:\n");
    for (const directives::ModuleInfo* m : mod::all_modules()) {
        if (m->id != ModuleId::MpmEvent) {
            std::printf("  %.*s\n", static_cast<int>(m->source.size()), m->source.data());
        }
    }
}

void print_directives(const directives::Config& config)
{
    (void)config;
}

void print_included_files(const std::vector<parser::IncludedFile>& files)
{
    for (const auto& f : files) {
        std::string indent(2 * (f.depth + 1), ' ');
        if (f.line > 0) {
            std::printf("%s(%u) %s\n", indent.c_str(), f.line, f.path.c_str());
        } else {
            std::printf("%s(*) %s\n", indent.c_str(), f.path.c_str());
        }
    }
}

void print_config_dumps(const directives::Config& config)
{
    if (config.defines.defined("DUMP_MODULES")) {
        std::printf("Loaded Modules:\n");
        for (const ModuleId id : config.modules.in_order()) {
            const auto& m = mod::registry().module(id);
            std::printf(" %.*s (%s)\n", static_cast<int>(m.symbol.size()), m.symbol.data(),
                        m.builtin ? "static" : "shared");
        }
    }
}

}  // namespace feather::runtime
