#pragma once
// Setters of negotiation_module's directives.

#include "modules/module_api.hpp"

namespace feather::mod::negotiation {

Status set_cache_negotiated_docs(Cmd& cmd, const Args& args);
Status set_language_priority(Cmd& cmd, const Args& args);
Status set_force_language_priority(Cmd& cmd, const Args& args);

}  // namespace feather::mod::negotiation
