#pragma once
// Applying one directive: the generic checks Apache's invoke_cmd and
// ap_check_cmd_context make, then the typed setter.

#include <string_view>

#include "directives/cmd.hpp"
#include "directives/spec.hpp"

namespace feather::directives {

// Checks that `spec` may appear where `cmd` is, counts the words of `args`
// by the spec's shape, checks its Forbid restrictions and runs its setter.
Status invoke(Cmd& cmd, const DirectiveSpec& spec, std::string_view args);

// ap_check_cmd_context: nullopt when `cmd` is outside every context in
// `forbidden`, else Apache's message.
Status check_context(const Cmd& cmd, Forbid forbidden);

}  // namespace feather::directives
