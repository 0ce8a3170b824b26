#include "runtime/http/merge_memo.hpp"

#include <unordered_map>

namespace feather::runtime {

namespace {

constexpr std::size_t kMaxEntries = 1024;

struct Key {
    const DirConfigSet* base;
    const DirConfigSet* add;
    bool operator==(const Key&) const = default;
};

struct KeyHash {
    std::size_t operator()(const Key& k) const
    {
        const auto a = reinterpret_cast<std::uintptr_t>(k.base);
        const auto b = reinterpret_cast<std::uintptr_t>(k.add);
        return std::hash<std::uintptr_t>{}(a ^ (b * 0x9e3779b97f4a7c15ULL));
    }
};

struct Entry {
    std::shared_ptr<const DirConfigSet> base;  // keep the key's objects alive
    std::shared_ptr<const DirConfigSet> add;
    std::shared_ptr<const DirConfigSet> merged;
};

using Memo = std::unordered_map<Key, Entry, KeyHash>;

Memo& memo()
{
    thread_local Memo m;
    return m;
}

}  // namespace

std::shared_ptr<const DirConfigSet> merge_memoised(const std::shared_ptr<const DirConfigSet>& base,
                                                   const std::shared_ptr<const DirConfigSet>& add)
{
    Memo& m = memo();
    const Key key{base.get(), add.get()};
    if (const auto it = m.find(key); it != m.end()) {
        return it->second.merged;
    }
    if (m.size() >= kMaxEntries) {
        m.clear();
    }
    auto merged = std::make_shared<const DirConfigSet>(merge(*base, *add));
    m.emplace(key, Entry{base, add, merged});
    return merged;
}

}  // namespace feather::runtime
