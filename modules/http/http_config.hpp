#pragma once
// http_core's configuration: persistent connections (per server; httpd keeps
// them in server_rec).

#include <chrono>

#include "directives/setting.hpp"

namespace feather::mod::http {

struct HttpServerConfig {
    Setting<bool> keep_alive;
    Setting<std::chrono::microseconds> keep_alive_timeout;
    Setting<int> max_keep_alive_requests;  // 0: unlimited
    // KeepAliveTimeout given in this virtual host itself: it then applies
    // even when another host owns the connection's address (httpd's
    // keep_alive_timeout_set).
    bool keep_alive_timeout_own = false;
};

inline constexpr bool kDefaultKeepAlive = true;
inline constexpr std::chrono::microseconds kDefaultKeepAliveTimeout{5'000'000};
inline constexpr int kDefaultMaxKeepAliveRequests = 100;

// ap_fixup_virtual_hosts: a virtual host takes the main server's values
// where its own are unset, and also where they hold httpd's "unset" values
// (KeepAliveTimeout 0, MaxKeepAliveRequests -1).
inline HttpServerConfig merge(const HttpServerConfig& base, const HttpServerConfig& add)
{
    HttpServerConfig conf = add;
    if (!conf.keep_alive.is_set()) {
        conf.keep_alive = base.keep_alive;
    }
    if (!conf.keep_alive_timeout.is_set() || conf.keep_alive_timeout.value->count() == 0) {
        conf.keep_alive_timeout = base.keep_alive_timeout;
    }
    if (!conf.max_keep_alive_requests.is_set() || *conf.max_keep_alive_requests.value == -1) {
        conf.max_keep_alive_requests = base.max_keep_alive_requests;
    }
    return conf;
}

}  // namespace feather::mod::http
