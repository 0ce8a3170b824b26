#pragma once
// The body of a server child: prefork (one thread) or worker (a listener
// thread and ThreadsPerChild workers). Never returns: the child exits.

#include "runtime/mpm/generation.hpp"

namespace feather::runtime {

// Exit codes the master understands (httpd's APEXIT_*).
inline constexpr int kChildExitOk = 0;
inline constexpr int kChildExitFatal = 0xf;  // cannot start: stop the server

[[noreturn]] void prefork_child_main(const Generation& gen, const ServerResources& res, int slot);
[[noreturn]] void worker_child_main(const Generation& gen, const ServerResources& res, int slot);

// The common start of every child: signals, identity, scoreboard record.
// Returns false (after logging) when the child cannot run.
bool child_setup(const Generation& gen, const ServerResources& res, int slot);

}  // namespace feather::runtime
