// log_config_module's directive table, in httpd's order (mod_log_config.c), which `-L` keeps.

#include "modules/log_config/log_config_setters.hpp"

namespace feather::mod::log_config {

namespace {

constexpr ModuleId M = ModuleId::LogConfig;

constexpr DirectiveSpec kDirectives[] = {
    {"CustomLog", M, Allow::RsrcConf, ArgShape::Take23, &set_custom_log,
     "a file name, a custom log format string or format name, and an optional \"env=\" or \"expr=\" clause (see docs)"},
    {"GlobalLog", M, Allow::RsrcConf, ArgShape::Take23, &set_global_log,
     "Same as CustomLog, but forces virtualhosts to inherit the log", Forbid::GlobalOnly},
    {"TransferLog", M, Allow::RsrcConf, ArgShape::Take1, &set_transfer_log,
     "the filename of the access log"},
    {"LogFormat", M, Allow::RsrcConf, ArgShape::Take12, &set_log_format,
     "a log format string (see docs) and an optional format name"},
    {"BufferedLogs", M, Allow::RsrcConf, ArgShape::Flag, &set_buffered_logs,
     "Enable Buffered Logging (experimental)"},
};

}  // namespace

extern const ModuleInfo kLogConfigModule{ModuleId::LogConfig, "log_config_module", "mod_log_config.c", true, kDirectives};

}  // namespace feather::mod::log_config
