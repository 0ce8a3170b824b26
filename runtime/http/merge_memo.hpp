#pragma once
// The memo of section merges the design asks for: merging the same two
// configurations gives the same result, so a steady stream of requests
// does no merging at all. Keyed by the identity of both inputs, which the
// memo keeps alive (an address cannot be reused while it is a key). Inputs
// are sections of the configuration, parsed .htaccess files (kept while
// unchanged by the .htaccess cache) and earlier results, so the merged
// configuration of a virtual host, its matched sections and .htaccess
// files is computed once per process.
//
// One memo per process, shared by every thread of a worker child: lookups
// take a shared lock on one of a few shards, so readers do not contend; a
// merge runs outside any lock. Bounded: a full shard starts over. It is a
// cache, not state: dropping it changes nothing but speed.

#include <cstdint>
#include <memory>

#include "modules/config_sets.hpp"

namespace feather::runtime {

// merge(*base, *add), memoised. Two threads merging the same pair at once
// both get the result the memo kept first, so identities stay stable.
std::shared_ptr<const DirConfigSet> merge_memoised(const std::shared_ptr<const DirConfigSet>& base,
                                                   const std::shared_ptr<const DirConfigSet>& add);

// How much merging this process has done, and how often the memo spared it.
struct MergeCounts {
    std::uint64_t merges = 0;
    std::uint64_t hits = 0;
};
MergeCounts merge_memo_counts();

}  // namespace feather::runtime
