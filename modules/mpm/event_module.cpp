// mpm_event is known by name only, so that loading it gets a clear error.

#include "modules/module_api.hpp"

namespace feather::mod::mpm {

extern const ModuleInfo kEventModule{ModuleId::MpmEvent, "mpm_event_module", "event.c", false, {}};

}  // namespace feather::mod::mpm
