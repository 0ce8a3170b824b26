// ap_location_walk and ap_file_walk (server/request.c), and what the walks
// share: section matching and the merge of what they matched.

#include "runtime/http/section_walk.hpp"

#include <fnmatch.h>

#include <cctype>

#include "modules/config_sets.hpp"
#include "runtime/http/merge_memo.hpp"
#include "runtime/http/uri.hpp"

namespace feather::runtime {

bool fnmatch_pathname(std::string_view pattern, std::string_view subject)
{
    const std::string p(pattern);
    const std::string s(subject);
    return ::fnmatch(p.c_str(), s.c_str(), FNM_PATHNAME) == 0;
}

bool regex_section_matches(const mod::core::Section& s, std::string_view subject, Request& r)
{
    const auto names = s.regex->named_groups();
    if (names.empty()) {
        return s.regex->matches(subject);
    }
    const auto groups = s.regex->match(subject);
    if (!groups) {
        return false;
    }
    for (const auto& [name, number] : names) {
        const auto index = static_cast<std::size_t>(number);
        // An unset group is left out (httpd tests rm_so >= 0); Regex gives
        // it as an empty capture.
        if (index < groups->size() && !(*groups)[index].empty()) {
            std::string var = "MATCH_" + name;
            for (char& c : var) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            r.subprocess_env.set(var, (*groups)[index]);
        }
    }
    return true;
}

void SectionMerge::add(const std::shared_ptr<const DirConfigSet>& section)
{
    if (merged_) {
        merged_ = merge_memoised(merged_, section);
    } else {
        merged_ = section;
    }
}

void SectionMerge::apply(Request& r) const
{
    if (!merged_) {
        return;
    }
    if (!r.per_dir) {
        r.per_dir = merged_;
        return;
    }
    r.per_dir = merge_memoised(r.per_dir, merged_);
}

int location_walk(Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    if (core.locations.empty()) {
        return 0;
    }
    // <Location> paths always see merged slashes, whatever MergeSlashes says.
    std::string merged_uri;
    std::string_view entry_uri = r.uri;
    if (!core.merge_slashes.get_or(true)) {
        merged_uri = r.uri;
        no2slash(merged_uri);
        entry_uri = merged_uri;
    }
    SectionMerge chain;
    for (const auto& s : core.locations) {
        if (s.regex) {
            // The regex forms test r->uri itself.
            if (!regex_section_matches(s, r.uri, r)) {
                continue;
            }
        } else if (s.is_fnmatch) {
            if (!fnmatch_pathname(s.pattern, entry_uri)) {
                continue;
            }
        } else {
            // A prefix, ending at a '/' of the URL unless the pattern ends
            // with one.
            const std::string& d = s.pattern;
            const std::size_t len = d.size();
            if (entry_uri.compare(0, len, d) != 0 || entry_uri.size() < len) {
                continue;
            }
            if (len > 0 && d[len - 1] != '/' && entry_uri.size() > len && entry_uri[len] != '/') {
                continue;
            }
        }
        chain.add(s.config);
    }
    chain.apply(r);
    return 0;
}

int file_walk(Request& r)
{
    if (r.filename.empty() || !r.per_dir) {
        return 0;
    }
    const auto& files = get<mod::core::CoreDirConfig>(*r.per_dir).files;
    if (files.empty()) {
        return 0;
    }
    const auto slash = r.filename.rfind('/');
    const std::string test_file =
        slash == std::string::npos ? r.filename : r.filename.substr(slash + 1);
    SectionMerge chain;
    for (const auto& s : files) {
        if (s.regex) {
            if (!regex_section_matches(s, test_file, r)) {
                continue;
            }
        } else if (s.is_fnmatch ? !fnmatch_pathname(s.pattern, test_file)
                                : s.pattern != test_file) {
            continue;
        }
        chain.add(s.config);
    }
    chain.apply(r);
    return 0;
}

}  // namespace feather::runtime
