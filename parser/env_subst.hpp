#pragma once
// ${NAME} substitution on a configuration line, as Apache's ap_resolve_env:
// the value of Define NAME, else of the environment variable NAME; an unknown
// name is left in place and reported (unless it contains ':', which is the
// syntax of other modules' own expansions such as ${map:...}).

#include <functional>
#include <string>
#include <string_view>

#include "parser/defines.hpp"

namespace feather::parser {

using UndefinedVarHandler = std::function<void(std::string_view name)>;

std::string resolve_env(std::string_view line, const Defines& defines,
                        const UndefinedVarHandler& on_undefined);

}  // namespace feather::parser
