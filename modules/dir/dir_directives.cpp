// dir_module's directive table, in httpd's order (mod_dir.c), which `-L` keeps.

#include "modules/dir/dir_setters.hpp"

namespace feather::mod::dir {

namespace {

constexpr ModuleId M = ModuleId::Dir;

constexpr DirectiveSpec kDirectives[] = {
    {"FallbackResource", M, Allow::Indexes, ArgShape::Take1, &set_fallback_resource,
     "Set a default handler"},
    {"DirectoryIndex", M, Allow::Indexes, ArgShape::Raw, &set_directory_index,
     "a list of file names"},
    {"DirectorySlash", M, Allow::Indexes, ArgShape::Flag, &set_directory_slash,
     "On or Off"},
    {"DirectoryCheckHandler", M, Allow::Indexes, ArgShape::Flag, &set_directory_check_handler,
     "On or Off"},
    {"DirectoryIndexRedirect", M, Allow::Indexes, ArgShape::Take1, &set_directory_index_redirect,
     "On, Off, or a 3xx status code."},
};

}  // namespace

extern const ModuleInfo kDirModule{ModuleId::Dir, "dir_module", "mod_dir.c", false, kDirectives};

}  // namespace feather::mod::dir
