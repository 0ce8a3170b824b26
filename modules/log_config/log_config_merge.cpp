#include <strings.h>

#include "modules/log_config/log_config_config.hpp"

namespace feather::mod::log_config {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const
{
    return ::strcasecmp(a.c_str(), b.c_str()) < 0;
}

// The nickname table of a virtual host is the main server's followed by its
// own (apr_table_overlay(base, add)), and a lookup takes the first match:
// for a nickname both define, the main server's format wins.
LogConfigServerConfig merge(const LogConfigServerConfig& base, const LogConfigServerConfig& add)
{
    LogConfigServerConfig conf = add;
    conf.main_logs = base.logs;
    if (!add.default_format.is_set()) {
        conf.default_format = base.default_format;
    }
    conf.formats = base.formats;
    for (const auto& [name, format] : add.formats) {
        conf.formats.emplace(name, format);
    }
    conf.buffered_logs = base.buffered_logs;
    return conf;
}

std::vector<const LogDefinition*> logs_in_effect(const LogConfigServerConfig& conf)
{
    std::vector<const LogDefinition*> out;
    for (const LogDefinition& log : conf.logs) {
        out.push_back(&log);
    }
    for (const LogDefinition& log : conf.main_logs) {
        if (log.inherit || conf.logs.empty()) {
            out.push_back(&log);
        }
    }
    return out;
}

}  // namespace feather::mod::log_config
