#include "modules/log_config/log_config_config.hpp"

namespace feather::mod::log_config {

// httpd's merge_config_log_state: formats overlay; a virtual host without
// logs of its own writes to the main server's.
LogConfigServerConfig merge(const LogConfigServerConfig& base, const LogConfigServerConfig& add)
{
    LogConfigServerConfig conf = add;
    conf.formats = base.formats;
    for (const auto& [name, format] : add.formats) {
        conf.formats[name] = format;
    }
    conf.default_format = merge(base.default_format, add.default_format);
    if (conf.logs.empty()) {
        conf.logs = base.logs;
    }
    conf.buffered_logs = base.buffered_logs;
    return conf;
}

}  // namespace feather::mod::log_config
