#include "modules/negotiation/negotiation_config.hpp"

namespace feather::mod::negotiation {

// httpd's merge_neg_dir_configs: the more specific section's settings win.
NegotiationDirConfig merge(const NegotiationDirConfig& base, const NegotiationDirConfig& add)
{
    return {merge(base.language_priority, add.language_priority),
            merge(base.force_language_priority, add.force_language_priority)};
}

}  // namespace feather::mod::negotiation
