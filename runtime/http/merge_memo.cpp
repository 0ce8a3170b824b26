#include "runtime/http/merge_memo.hpp"

#include <array>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace feather::runtime {

namespace {

constexpr std::size_t kShards = 16;
constexpr std::size_t kMaxEntriesPerShard = 256;  // 4096 in all

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

// Each shard on its own cache lines, counters included, so threads that
// hit different shards do not share a line.
struct alignas(64) Shard {
    std::shared_mutex mutex;
    std::unordered_map<Key, Entry, KeyHash> map;
    std::atomic<std::uint64_t> merges{0};
    std::atomic<std::uint64_t> hits{0};
};

using Memo = std::array<Shard, kShards>;

Memo& memo()
{
    // Process-wide on purpose (see the header); each child has its own
    // after fork, and the master never serves.
    static Memo m;
    return m;
}

}  // namespace

std::shared_ptr<const DirConfigSet> merge_memoised(const std::shared_ptr<const DirConfigSet>& base,
                                                   const std::shared_ptr<const DirConfigSet>& add)
{
    const Key key{base.get(), add.get()};
    const std::size_t hash = KeyHash{}(key);
    Shard& shard = memo()[(hash >> 7) % kShards];
    {
        std::shared_lock lock(shard.mutex);
        if (const auto it = shard.map.find(key); it != shard.map.end()) {
            shard.hits.fetch_add(1, std::memory_order_relaxed);
            return it->second.merged;
        }
    }
    auto merged = std::make_shared<const DirConfigSet>(merge(*base, *add));
    shard.merges.fetch_add(1, std::memory_order_relaxed);
    std::unique_lock lock(shard.mutex);
    if (shard.map.size() >= kMaxEntriesPerShard) {
        shard.map.clear();
    }
    const auto it = shard.map.try_emplace(key, Entry{base, add, merged}).first;
    return it->second.merged;
}

MergeCounts merge_memo_counts()
{
    MergeCounts c;
    for (const Shard& s : memo()) {
        c.merges += s.merges.load(std::memory_order_relaxed);
        c.hits += s.hits.load(std::memory_order_relaxed);
    }
    return c;
}

}  // namespace feather::runtime
