#pragma once
// Normal mode: act on -k through the PidFile, or run the master.

#include <memory>

#include "directives/config.hpp"
#include "directives/loader.hpp"
#include "runtime/cli/options.hpp"

namespace feather::runtime {

int run_server(const CliOptions& options, const directives::LoadOptions& load,
               std::shared_ptr<const directives::Config> config, const directives::LogSink& startup_log);

}  // namespace feather::runtime
