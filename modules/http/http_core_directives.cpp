// http_module's directive table, in httpd's order (http_core.c), which `-L` keeps.

#include "modules/http/http_core_setters.hpp"

namespace feather::mod::http {

namespace {

constexpr ModuleId M = ModuleId::Http;

constexpr DirectiveSpec kDirectives[] = {
    {"KeepAliveTimeout", M, Allow::RsrcConf, ArgShape::Take1, &set_keep_alive_timeout,
     "Keep-Alive timeout duration (sec)", Forbid::DirContext},
    {"MaxKeepAliveRequests", M, Allow::RsrcConf, ArgShape::Take1, &set_max_keep_alive_requests,
     "Maximum number of Keep-Alive requests per connection, or 0 for infinite", Forbid::DirContext},
    {"KeepAlive", M, Allow::RsrcConf, ArgShape::Flag, &set_keep_alive,
     "Whether persistent connections should be On or Off", Forbid::DirContext},
};

}  // namespace

extern const ModuleInfo kHttpModule{ModuleId::Http, "http_module", "http_core.c", true, kDirectives};

}  // namespace feather::mod::http
