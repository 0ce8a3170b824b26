#pragma once
// The core module's request hooks (httpd's core.c and request.c parts):
// translate the URL to a file under DocumentRoot, map it to storage (the
// section walks), the ForceType/SetHandler overrides, and the default
// handler that serves files.

#include "modules/request/phases.hpp"

namespace feather::runtime {

const ModuleHooks& core_hooks();

}  // namespace feather::runtime
