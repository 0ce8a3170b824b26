// PENDING: placeholder bodies until this module's setters are written.

#include "modules/negotiation/negotiation_setters.hpp"

namespace feather::mod::negotiation {

Status set_cache_negotiated_docs(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_language_priority(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }
Status set_force_language_priority(Cmd& cmd, const Args&) { return std::string(cmd.spec->name) + " is not supported yet"; }

}  // namespace feather::mod::negotiation
