#pragma once
// mod_log_config: named formats and the access logs of each server.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "directives/setting.hpp"
#include "modules/log_config/log_format.hpp"

namespace feather::mod::log_config {

// LogFormat nicknames compare without regard to case (an apr_table).
struct CaseInsensitiveLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using FormatTable = std::map<std::string, std::string, CaseInsensitiveLess>;

// CustomLog's "env=VAR" / "env=!VAR".
struct EnvCondition {
    std::string variable;
    bool negated = false;  // log only when the variable is not set

    bool operator==(const EnvCondition&) const = default;
};

// One CustomLog, TransferLog or GlobalLog line.
struct LogDefinition {
    std::string target;                 // "|command" as written, else the file made absolute
                                        // against ServerRoot
    std::optional<std::string> format;  // a nickname or a format string (which one is decided
                                        // when the logs open, by the server's nicknames);
                                        // absent for TransferLog: the default format
    std::optional<EnvCondition> condition;
    bool inherit = false;               // GlobalLog: virtual hosts log here too
    SourceLoc loc;

    bool piped() const { return !target.empty() && target.front() == '|'; }
};

struct LogConfigServerConfig {
    FormatTable formats = {{"CLF", std::string(kDefaultLogFormat)}};  // LogFormat nicknames
    Setting<std::string> default_format;  // one-argument LogFormat: a format or a nickname
    std::vector<LogDefinition> logs;      // this server's own
    std::vector<LogDefinition> main_logs; // a virtual host's view of the main server's logs
    Setting<bool> buffered_logs;          // BufferedLogs: one switch for the whole server,
                                          // kept in the main server's config
};

// httpd's merge_config_log_state, for a virtual host (`add`) over the main
// server (`base`).
LogConfigServerConfig merge(const LogConfigServerConfig& base, const LogConfigServerConfig& add);

// The logs a request of this server is written to (httpd's
// multi_log_transaction): its own, then the main server's GlobalLogs; a
// virtual host without logs of its own writes to all the main server's.
std::vector<const LogDefinition*> logs_in_effect(const LogConfigServerConfig& conf);

}  // namespace feather::mod::log_config
