#include "modules/request/services.hpp"

#include "modules/request/scoreboard_layout.hpp"

namespace feather {

const ServerFacts& RequestServices::server_facts() const
{
    static const ServerFacts none;
    return none;
}

}  // namespace feather
