#pragma once
// What modules keep per configuration generation beyond their config: the
// MIME types read from TypesConfig, open access logs and compiled formats,
// ... Made by each module's post-config step in the master, inherited by the
// children. A plain struct with a member per module: typed, no void*.

#include <memory>

namespace feather {

namespace mod::mime {
struct TypesTable;
}
namespace mod::log_config {
class LogState;
}

struct ModuleStates {
    std::shared_ptr<const mod::mime::TypesTable> mime_types;
    std::shared_ptr<mod::log_config::LogState> access_logs;
};

}  // namespace feather
