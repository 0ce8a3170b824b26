#pragma once
// PidFile: written by the master once it runs, removed when it stops; read
// by `feather -k` to find the master.

#include <optional>
#include <string>
#include <sys/types.h>

namespace feather::runtime {

// Writes the current pid; false and `error` set on failure.
bool write_pid_file(const std::string& path, std::string& error);
void remove_pid_file(const std::string& path);
// The pid in `path` if it names a running process.
std::optional<pid_t> read_running_pid(const std::string& path);

}  // namespace feather::runtime
