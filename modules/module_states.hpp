#pragma once
// What modules keep per configuration generation beyond their config: the
// MIME types read from TypesConfig, open access logs and compiled formats,
// ... Made by each module's post-config step in the master, inherited by the
// children. A plain struct with a member per module: typed, no void*.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace feather {

// Opens the pipe of a "|program" log target (the runtime's piped-log
// manager starts and keeps the program).
class PipeOpener {
public:
    virtual ~PipeOpener() = default;
    virtual std::optional<int> open(std::string_view target, std::string& error) = 0;
};

// What a module's post-config step may use besides the configuration.
struct PostConfigContext {
    PipeOpener* pipes = nullptr;
};

namespace mod::core {
struct VhostMap;
}
namespace mod::mime {
struct TypesTable;
}
namespace mod::log_config {
class LogState;
}

struct ModuleStates {
    // core: the virtual hosts of each address and every server's host name
    // (httpd's ap_fini_vhost_config), for vhost selection and server names.
    std::shared_ptr<const mod::core::VhostMap> vhosts;
    std::shared_ptr<const mod::mime::TypesTable> mime_types;
    std::shared_ptr<mod::log_config::LogState> access_logs;
};

}  // namespace feather
