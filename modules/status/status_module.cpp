// mod_status declares no directives (ExtendedStatus is core's); it serves
// the server-status handler.

#include "modules/module_api.hpp"

namespace feather::mod::status {

extern const ModuleInfo kStatusModule{ModuleId::Status, "status_module", "mod_status.c", false, {}};

}  // namespace feather::mod::status
