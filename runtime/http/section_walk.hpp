#pragma once
// Which configuration sections apply to a request, merged in httpd's order
// (server/request.c): <Directory> sections by path depth, shortest first
// (with the seam where each level's .htaccess would be read), then the
// regex <Directory> sections, <Files> inside what matched, and <Location>.
// The sections a walk matches are merged among themselves, then once onto
// the request's configuration, as httpd's walks do.

#include <sys/stat.h>

#include <memory>
#include <string>
#include <string_view>

#include "modules/request/request.hpp"

namespace feather::mod::core {
struct Section;
}

namespace feather::runtime {

// ap_location_walk: merges the <Location>/<LocationMatch> sections matching
// r.uri onto r.per_dir (the slashes of r.uri merged for the test even when
// MergeSlashes is Off). Returns 0 or an HTTP status.
int location_walk(Request& r);

// ap_directory_walk: canonicalises r.filename, finds its longest existing
// prefix (the rest becomes r.path_info), checks symbolic links as Options
// FollowSymLinks / SymLinksIfOwnerMatch ask (lstat per component only where
// httpd does it), fills r.finfo and merges the matching <Directory> sections.
// Returns 0 or an HTTP status (403 for a refused link).
int directory_walk(Request& r);

// ap_file_walk: merges the <Files>/<FilesMatch> sections (nested in what
// r.per_dir holds) matching the last component of r.filename.
int file_walk(Request& r);

// Whether `s` (a non-regex section path) matches `subject` as apr_fnmatch
// with APR_FNM_PATHNAME does.
bool fnmatch_pathname(std::string_view pattern, std::string_view subject);

// A regex section's test: on a match, its named groups go into
// r.subprocess_env as MATCH_<NAME> (httpd's ap_regname with AP_REG_MATCH).
bool regex_section_matches(const mod::core::Section& s, std::string_view subject, Request& r);

// Accumulates the sections a walk matched: merged among themselves, then
// once onto the request's configuration.
class SectionMerge {
public:
    void add(const std::shared_ptr<const DirConfigSet>& section);
    void apply(Request& r) const;
    bool empty() const { return merged_ == nullptr; }

private:
    std::shared_ptr<const DirConfigSet> merged_;
};

}  // namespace feather::runtime
