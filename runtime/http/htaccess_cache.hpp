#pragma once
// The parsed .htaccess files of this process. httpd parses each one again
// for every request; the result depends only on the file's bytes and on
// what the configuration allows at its level, so a parse is kept and
// reused while the file is unchanged (same device, inode, size and mtime).
// Keeping the same result object also lets the merge memo recognise it.
//
// One per process (every thread of a worker child shares it); readers take
// a shared lock. Bounded: it starts over when full. A cache, not state:
// dropping it changes nothing but speed.

#include <sys/stat.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "directives/log_level.hpp"
#include "parser/source_loc.hpp"

namespace feather {
struct DirConfigSet;
}

namespace feather::runtime {

// What identifies the contents of an open file without reading it.
struct FileStamp {
    dev_t dev = 0;
    ino_t ino = 0;
    off_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;

    static FileStamp of(const struct stat& st);
};

// What the configuration allows an .htaccess file at its level (the parse
// depends on it as much as on the file).
struct OverrideRules {
    unsigned override = 0;       // directives::Allow bits, Unset included
    unsigned override_opts = 0;  // AllowOverride Options=...
    std::vector<std::string> list;  // AllowOverrideList
    bool operator==(const OverrideRules&) const = default;
};

// A warning the parse logged (AH02295, AH02296); logged again on reuse, as
// httpd logs it on every request that reads the file.
struct ParseWarning {
    LogLevel level = LogLevel::Warn;
    std::string text;
};

// One parse: a config, or the error httpd reports for the file.
struct ParsedHtaccess {
    std::shared_ptr<const DirConfigSet> config;
    std::shared_ptr<SourceMap> sources;  // keeps the settings' SourceLocs valid
    std::optional<std::string> error;
    std::vector<ParseWarning> warnings;
};

struct HtaccessCounts {
    std::uint64_t parses = 0;
    std::uint64_t reuses = 0;
};

class HtaccessCache {
public:
    HtaccessCache();
    ~HtaccessCache();
    HtaccessCache(const HtaccessCache&) = delete;
    HtaccessCache& operator=(const HtaccessCache&) = delete;

    // The parse of `path` under `rules` for `server` when its stamp is still
    // `stamp`; null otherwise.
    std::shared_ptr<const ParsedHtaccess> find(const void* server, const std::string& path,
                                               const OverrideRules& rules,
                                               const FileStamp& stamp) const;
    // Keeps `parsed`, replacing an older parse of the same file and rules.
    // Returns what the cache holds (another thread's parse when it won).
    std::shared_ptr<const ParsedHtaccess> store(const void* server, const std::string& path,
                                                const OverrideRules& rules, const FileStamp& stamp,
                                                std::shared_ptr<const ParsedHtaccess> parsed);
    HtaccessCounts counts() const;

    static HtaccessCache& process();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace feather::runtime
