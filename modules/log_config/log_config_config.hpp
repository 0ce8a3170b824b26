#pragma once
// mod_log_config: named formats and the access logs of each server.

#include <map>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::log_config {

struct LogDefinition {
    std::string target;      // file path (ServerRoot-relative resolved) or "|command"
    std::string format;      // the format string (nicknames already resolved)
    std::string condition;   // "env=VAR", "env=!VAR", or empty
    bool global = false;     // GlobalLog
    SourceLoc loc;
};

struct LogConfigServerConfig {
    std::map<std::string, std::string> formats;   // LogFormat nickname -> format
    Setting<std::string> default_format;          // LogFormat without a nickname
    std::vector<LogDefinition> logs;              // CustomLog / TransferLog / GlobalLog
    Setting<bool> buffered_logs;
};

LogConfigServerConfig merge(const LogConfigServerConfig& base, const LogConfigServerConfig& add);

}  // namespace feather::mod::log_config
