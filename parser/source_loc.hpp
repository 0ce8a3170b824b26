#pragma once
// Where a configuration node came from. Every node, setting and error carries one.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace feather {

// Sixteen bytes: a configuration keeps tens of thousands of these (one in
// every Setting), so the file is a pointer to its interned name, not a view.
struct SourceLoc {
    const std::string* path = nullptr;  // interned in a SourceMap that outlives every holder
    std::uint32_t line = 0;

    std::string_view file() const { return path != nullptr ? std::string_view(*path) : std::string_view(); }
};

// Owns the file names that SourceLocs point into. A file included many times
// is stored once; addresses stay valid for the map's lifetime.
class SourceMap {
public:
    const std::string* intern(std::string_view path) { return &*files_.emplace(path).first; }

private:
    std::unordered_set<std::string> files_;
};

}  // namespace feather
