#pragma once
// What `feather` does for each command-line mode.

namespace feather::runtime {

// The whole command line: returns the process exit status.
int run_command_line(int argc, const char* const argv[]);

}  // namespace feather::runtime
