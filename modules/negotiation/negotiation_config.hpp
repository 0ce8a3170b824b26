#pragma once
// mod_negotiation, per directory.

#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::negotiation {

enum ForceLanguagePriority : unsigned { kFlpNone = 0, kFlpPrefer = 1, kFlpFallback = 2 };

struct NegotiationDirConfig {
    Setting<std::vector<std::string>> language_priority;
    Setting<unsigned> force_language_priority;
};

struct NegotiationServerConfig {
    Setting<bool> cache_negotiated_docs;
};

NegotiationDirConfig merge(const NegotiationDirConfig& base, const NegotiationDirConfig& add);
inline NegotiationServerConfig merge(const NegotiationServerConfig& base,
                                     const NegotiationServerConfig& add)
{
    return {merge(base.cache_negotiated_docs, add.cache_negotiated_docs)};
}

}  // namespace feather::mod::negotiation
