#include "runtime/cli/commands.hpp"

int main(int argc, char* argv[]) { return feather::runtime::run_command_line(argc, argv); }
