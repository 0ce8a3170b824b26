#pragma once
// The listings httpd prints for -v, -V, -l, -L, -M, -S and the -D DUMP_*
// defines, in httpd's exact layout (tools such as certbot parse them).

#include <vector>

#include "directives/config.hpp"
#include "parser/config_reader.hpp"

namespace feather::runtime {

void print_version();                 // -v
void print_compile_settings();        // -V
void print_compiled_modules();        // -l
void print_directives(const directives::Config& config);  // -L
void print_included_files(const std::vector<parser::IncludedFile>& files);  // DUMP_INCLUDES
// DUMP_VHOSTS, DUMP_RUN_CFG and DUMP_MODULES, each when defined.
void print_config_dumps(const directives::Config& config);

}  // namespace feather::runtime
