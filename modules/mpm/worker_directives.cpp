// mpm_worker_module's directive table, in httpd's order (worker.c), which `-L` keeps.

#include "modules/mpm/mpm_setters.hpp"

namespace feather::mod::mpm {

namespace {

constexpr ModuleId M = ModuleId::MpmWorker;

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
    {"MinSpareThreads", M, Allow::RsrcConf, ArgShape::Take1, &set_min_spare_threads,
     "Minimum number of idle threads, to handle request spikes", Forbid::GlobalOnly},
    {"MaxSpareThreads", M, Allow::RsrcConf, ArgShape::Take1, &set_max_spare_threads,
     "Maximum number of idle threads", Forbid::GlobalOnly},
    {"MaxRequestWorkers", M, Allow::RsrcConf, ArgShape::Take1, &set_max_request_workers,
     "Maximum number of threads alive at the same time", Forbid::GlobalOnly},
    {"MaxClients", M, Allow::RsrcConf, ArgShape::Take1, &set_max_clients,
     "Deprecated name of MaxRequestWorkers", Forbid::GlobalOnly},
    {"ThreadsPerChild", M, Allow::RsrcConf, ArgShape::Take1, &set_threads_per_child,
     "Number of threads each child creates", Forbid::GlobalOnly},
    {"ServerLimit", M, Allow::RsrcConf, ArgShape::Take1, &set_server_limit,
     "Maximum number of child processes for this run of Apache", Forbid::GlobalOnly},
    {"ThreadLimit", M, Allow::RsrcConf, ArgShape::Take1, &set_thread_limit,
     "Maximum number of worker threads per child process for this run of Apache - Upper limit for ThreadsPerChild", Forbid::GlobalOnly},
    {"GracefulShutdownTimeout", M, Allow::RsrcConf, ArgShape::Take1, &set_graceful_shutdown_timeout,
     "Maximum time in seconds to wait for child processes to complete transactions during shutdown", Forbid::GlobalOnly},
};

}  // namespace

extern const ModuleInfo kWorkerModule{ModuleId::MpmWorker, "mpm_worker_module", "worker.c", false, kDirectives};

}  // namespace feather::mod::mpm
