#pragma once
// mod_negotiation: language preferences per directory, the cache switch per
// server.

#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::negotiation {

// ForceLanguagePriority keywords given in one section (they accumulate
// there). Unset behaves as Prefer (httpd's FLP_DEFAULT).
struct ForceLanguagePriority {
    bool none = false;
    bool prefer = false;
    bool fallback = false;

    bool operator==(const ForceLanguagePriority&) const = default;
};

struct NegotiationDirConfig {
    // LanguagePriority: the lines of one section append; a section that has
    // any replaces its parent's list.
    Setting<std::vector<std::string>> language_priority;
    Setting<ForceLanguagePriority> force_language_priority;
};

struct NegotiationServerConfig {
    // CacheNegotiatedDocs. httpd keeps only "On" (Off stores nothing), so a
    // virtual host's Off does not undo the main server's On; the setter
    // mirrors that by leaving the setting unset for Off.
    Setting<bool> cache_negotiated_docs;
};

NegotiationDirConfig merge(const NegotiationDirConfig& base, const NegotiationDirConfig& add);
inline NegotiationServerConfig merge(const NegotiationServerConfig& base,
                                     const NegotiationServerConfig& add)
{
    return {merge(base.cache_negotiated_docs, add.cache_negotiated_docs)};
}

}  // namespace feather::mod::negotiation
