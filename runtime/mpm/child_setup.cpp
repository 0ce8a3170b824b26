#include <unistd.h>

#include "runtime/log/piped_logs.hpp"
#include "runtime/mpm/child_main.hpp"
#include "runtime/process/child_control.hpp"
#include "runtime/scoreboard/scoreboard.hpp"

namespace feather::runtime {

bool child_setup(const Generation& gen, const ServerResources& res, int slot)
{
    ChildControl::install();
    if (res.piped_logs != nullptr) {
        res.piped_logs->close_read_ends_in_child();
    }
    gen.error_log->set_threaded(gen.params.kind == MpmKind::Worker);

    ProcessScore& ps = res.scoreboard->process(slot);
    ps.pid.store(static_cast<std::int32_t>(::getpid()));
    ps.generation.store(gen.number);

    if (gen.accept_mutex) {
        std::string error;
        if (!gen.accept_mutex->child_init(error)) {
            gen.error_log->log(ModuleId::Core, LogLevel::Emerg, error);
            return false;
        }
    }
    if (auto err = assume_child_identity(gen.identity)) {
        gen.error_log->log(ModuleId::Unixd, LogLevel::Alert, *err);
        return false;
    }
    return true;
}

}  // namespace feather::runtime
