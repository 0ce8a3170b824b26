// version_module's directive table, in httpd's order (mod_version.c), which `-L` keeps.

#include "modules/version/version_setters.hpp"

namespace feather::mod::version {

namespace {

constexpr ModuleId M = ModuleId::Version;

constexpr DirectiveSpec kDirectives[] = {
    {"<IfVersion", M, Allow::ExecOnRead | Allow::All, ArgShape::Take123, &section_if_version,
     "a comparison operator, a version (and a delimiter)"},
};

}  // namespace

// httpd's mod_version has no per-directory config (-L says so).
extern const ModuleInfo kVersionModule{ModuleId::Version, "version_module", "mod_version.c", true, kDirectives,
                                       false};

}  // namespace feather::mod::version
