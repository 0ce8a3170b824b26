#pragma once
// The calling process's id without a system call per request: glibc no
// longer caches getpid(), and every access-log entry asks for it (%P).

#include <sys/types.h>

namespace feather {

// Cached; the cache is refreshed in a child right after fork().
pid_t current_pid();

}  // namespace feather
