// mpm_prefork_module's directive table, in httpd's order (prefork.c), which `-L` keeps.

#include "modules/mpm/mpm_setters.hpp"

namespace feather::mod::mpm {

namespace {

constexpr ModuleId M = ModuleId::MpmPrefork;

constexpr DirectiveSpec kDirectives[] = {
    {"ListenBacklog", M, Allow::RsrcConf, ArgShape::Take1, &set_listen_backlog,
     "Maximum length of the queue of pending connections, as used by listen(2)", Forbid::GlobalOnly},
    {"ListenCoresBucketsRatio", M, Allow::RsrcConf, ArgShape::Take1, &set_listen_cores_buckets_ratio,
     "Ratio between the number of CPU cores (online) and the number of listeners buckets", Forbid::GlobalOnly},
    {"Listen", M, Allow::RsrcConf, ArgShape::Argv, &set_listen,
     "A port number or a numeric IP address and a port number, and an optional protocol", Forbid::GlobalOnly},
    {"SendBufferSize", M, Allow::RsrcConf, ArgShape::Take1, &set_send_buffer_size,
     "Send buffer size in bytes", Forbid::GlobalOnly},
    {"ReceiveBufferSize", M, Allow::RsrcConf, ArgShape::Take1, &set_receive_buffer_size,
     "Receive buffer size in bytes", Forbid::GlobalOnly},
    {"ListenTCPDeferAccept", M, Allow::RsrcConf, ArgShape::Take1, &set_listen_tcp_defer_accept,
     "Value set for the socket option TCP_DEFER_ACCEPT if it is set", Forbid::GlobalOnly},
    {"StartServers", M, Allow::RsrcConf, ArgShape::Take1, &set_start_servers,
     "Number of child processes launched at server startup", Forbid::GlobalOnly},
    {"MinSpareServers", M, Allow::RsrcConf, ArgShape::Take1, &set_min_spare_servers,
     "Minimum number of idle children, to handle request spikes", Forbid::GlobalOnly},
    {"MaxSpareServers", M, Allow::RsrcConf, ArgShape::Take1, &set_max_spare_servers,
     "Maximum number of idle children", Forbid::GlobalOnly},
    {"MaxClients", M, Allow::RsrcConf, ArgShape::Take1, &set_max_clients,
     "Deprecated name of MaxRequestWorkers", Forbid::GlobalOnly},
    {"MaxRequestWorkers", M, Allow::RsrcConf, ArgShape::Take1, &set_max_request_workers,
     "Maximum number of children alive at the same time", Forbid::GlobalOnly},
    {"ServerLimit", M, Allow::RsrcConf, ArgShape::Take1, &set_server_limit,
     "Maximum value of MaxRequestWorkers for this run of Apache", Forbid::GlobalOnly},
    {"GracefulShutdownTimeout", M, Allow::RsrcConf, ArgShape::Take1, &set_graceful_shutdown_timeout,
     "Maximum time in seconds to wait for child processes to complete transactions during shutdown", Forbid::GlobalOnly},
};

}  // namespace

extern const ModuleInfo kPreforkModule{ModuleId::MpmPrefork, "mpm_prefork_module", "prefork.c", false, kDirectives};

}  // namespace feather::mod::mpm
