// logio_module's directive table, in httpd's order (mod_logio.c), which `-L` keeps.

#include "modules/logio/logio_setters.hpp"

namespace feather::mod::logio {

namespace {

constexpr ModuleId M = ModuleId::Logio;

constexpr DirectiveSpec kDirectives[] = {
    {"LogIOTrackTTFB", M, Allow::All, ArgShape::Flag, &set_log_io_track_ttfb,
     "Set to 'ON' to enable tracking time to first byte"},
};

}  // namespace

extern const ModuleInfo kLogioModule{ModuleId::Logio, "logio_module", "mod_logio.c", true, kDirectives};

}  // namespace feather::mod::logio
