#pragma once
// The MPMs' check_config hooks: clamp the configured counts as httpd does
// and warn with its texts.

#include "directives/loader.hpp"

namespace feather::mod::mpm {

// Fills MpmConfig::limits of the main server for the loaded MPM.
directives::Status check_mpm_limits(directives::Loader& loader);

}  // namespace feather::mod::mpm
