// so_module's directive table, in httpd's order (mod_so.c), which `-L` keeps.

#include "modules/so/so_setters.hpp"

namespace feather::mod::so {

namespace {

constexpr ModuleId M = ModuleId::So;

constexpr DirectiveSpec kDirectives[] = {
    {"LoadModule", M, Allow::RsrcConf | Allow::ExecOnRead, ArgShape::Take2, &set_load_module,
     "a module name and the name of a shared object file to load it from"},
    {"LoadFile", M, Allow::RsrcConf | Allow::ExecOnRead, ArgShape::Iterate, &set_load_file,
     "shared object file or library to load into the server at runtime"},
};

}  // namespace

extern const ModuleInfo kSoModule{ModuleId::So, "so_module", "mod_so.c", true, kDirectives};

}  // namespace feather::mod::so
