#pragma once
// http_core's configuration: persistent connections (per server).

#include <chrono>

#include "directives/setting.hpp"

namespace feather::mod::http {

struct HttpServerConfig {
    Setting<bool> keep_alive;
    Setting<std::chrono::microseconds> keep_alive_timeout;
    Setting<int> max_keep_alive_requests;  // 0: unlimited
};

inline HttpServerConfig merge(const HttpServerConfig& base, const HttpServerConfig& add)
{
    return {merge(base.keep_alive, add.keep_alive), merge(base.keep_alive_timeout, add.keep_alive_timeout),
            merge(base.max_keep_alive_requests, add.max_keep_alive_requests)};
}

}  // namespace feather::mod::http
