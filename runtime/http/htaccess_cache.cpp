#include "runtime/http/htaccess_cache.hpp"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace feather::runtime {

namespace {

// Enough for every .htaccess of a large site; past it the cache starts
// over rather than grow without bound.
constexpr std::size_t kMaxEntries = 4096;

struct Slot {
    const void* server;
    OverrideRules rules;
    FileStamp stamp;
    std::shared_ptr<const ParsedHtaccess> parsed;
};

}  // namespace

FileStamp FileStamp::of(const struct stat& st)
{
    return FileStamp{st.st_dev, st.st_ino, st.st_size,
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                         st.st_mtim.tv_nsec};
}

struct HtaccessCache::Impl {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, std::vector<Slot>> by_path;
    std::size_t entries = 0;
    mutable std::atomic<std::uint64_t> parses{0};
    mutable std::atomic<std::uint64_t> reuses{0};
};

HtaccessCache::HtaccessCache() : impl_(std::make_unique<Impl>()) {}
HtaccessCache::~HtaccessCache() = default;

HtaccessCache& HtaccessCache::process()
{
    // Process-wide on purpose: the threads of a child share the parses.
    // Children get their own after fork (the master never reads one).
    static HtaccessCache cache;
    return cache;
}

std::shared_ptr<const ParsedHtaccess> HtaccessCache::find(const void* server,
                                                          const std::string& path,
                                                          const OverrideRules& rules,
                                                          const FileStamp& stamp) const
{
    std::shared_lock lock(impl_->mutex);
    const auto it = impl_->by_path.find(path);
    if (it == impl_->by_path.end()) {
        return nullptr;
    }
    for (const Slot& s : it->second) {
        if (s.server == server && s.stamp == stamp && s.rules == rules) {
            impl_->reuses.fetch_add(1, std::memory_order_relaxed);
            return s.parsed;
        }
    }
    return nullptr;
}

std::shared_ptr<const ParsedHtaccess> HtaccessCache::store(
    const void* server, const std::string& path, const OverrideRules& rules,
    const FileStamp& stamp, std::shared_ptr<const ParsedHtaccess> parsed)
{
    impl_->parses.fetch_add(1, std::memory_order_relaxed);
    std::unique_lock lock(impl_->mutex);
    if (impl_->entries >= kMaxEntries) {
        impl_->by_path.clear();
        impl_->entries = 0;
    }
    auto& slots = impl_->by_path[path];
    for (Slot& s : slots) {
        if (s.server == server && s.rules == rules) {
            if (s.stamp == stamp) {
                return s.parsed;  // another thread read the same file first
            }
            s.stamp = stamp;  // the file changed: the new parse replaces the old
            s.parsed = parsed;
            return parsed;
        }
    }
    slots.push_back(Slot{server, rules, stamp, parsed});
    ++impl_->entries;
    return parsed;
}

HtaccessCounts HtaccessCache::counts() const
{
    return HtaccessCounts{impl_->parses.load(std::memory_order_relaxed),
                          impl_->reuses.load(std::memory_order_relaxed)};
}

}  // namespace feather::runtime
