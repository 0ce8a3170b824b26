#pragma once
// Where a configuration node came from. Every node, setting and error carries one.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace feather {

struct SourceLoc {
    std::string_view file;  // interned in a SourceMap that outlives every holder
    std::uint32_t line = 0;
};

// Owns the file names that SourceLocs point into. A file included many times
// is stored once; addresses stay valid for the map's lifetime.
class SourceMap {
public:
    std::string_view intern(std::string_view path)
    {
        return *files_.emplace(path).first;
    }

private:
    std::unordered_set<std::string> files_;
};

}  // namespace feather
