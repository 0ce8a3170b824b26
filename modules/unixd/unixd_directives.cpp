// unixd_module's directive table, in httpd's order (mod_unixd.c), which `-L` keeps.

#include "modules/unixd/unixd_setters.hpp"

namespace feather::mod::unixd {

namespace {

constexpr ModuleId M = ModuleId::Unixd;

constexpr DirectiveSpec kDirectives[] = {
    {"User", M, Allow::RsrcConf, ArgShape::Take1, &set_user,
     "Effective user id for this server", Forbid::GlobalOnly},
    {"Group", M, Allow::RsrcConf, ArgShape::Take1, &set_group,
     "Effective group id for this server", Forbid::GlobalOnly},
    {"ChrootDir", M, Allow::RsrcConf, ArgShape::Take1, &set_chroot_dir,
     "The directory to chroot(2) into", Forbid::GlobalOnly},
    {"Suexec", M, Allow::RsrcConf, ArgShape::Flag, &set_suexec,
     "Enable or disable suEXEC support", Forbid::GlobalOnly},
};

}  // namespace

extern const ModuleInfo kUnixdModule{ModuleId::Unixd, "unixd_module", "mod_unixd.c", true, kDirectives};

}  // namespace feather::mod::unixd
