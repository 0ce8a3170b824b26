#pragma once
// The memo of section merges the design asks for: merging the same two
// configurations gives the same result, so a steady stream of requests
// does no merging at all. Keyed by the identity of both inputs, which the
// memo keeps alive (an address cannot be reused while it is a key).
//
// One memo per thread (requests of a thread share it, nothing is locked);
// it is a cache, not state: dropping it changes nothing but speed. Bounded:
// it starts over when full.

#include <memory>

#include "modules/config_sets.hpp"

namespace feather::runtime {

// merge(*base, *add), memoised.
std::shared_ptr<const DirConfigSet> merge_memoised(const std::shared_ptr<const DirConfigSet>& base,
                                                   const std::shared_ptr<const DirConfigSet>& add);

}  // namespace feather::runtime
