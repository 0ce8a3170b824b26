// MultiViews: the variants of a missing file "name" are the files
// "name.*" of its directory whose every extension mod_mime recognised
// (httpd's read_types_multi). Each is looked up through a subrequest, so
// that mod_mime types it and the access rules of its <Files> apply.

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "modules/config_sets.hpp"
#include "modules/negotiation/negotiation_state.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::negotiation {

namespace {

constexpr std::string_view kMapMagicType = "application/x-type-map";
constexpr std::string_view kExceptionsNote = "ap-mime-exceptions-list";

class DirCloser {
public:
    explicit DirCloser(DIR* d) : d_(d) {}
    ~DirCloser() { ::closedir(d_); }
    DirCloser(const DirCloser&) = delete;
    DirCloser& operator=(const DirCloser&) = delete;

private:
    DIR* d_;
};

// The name parts mod_mime did not recognise must be the request's own
// parts, in order ("index.html.foo" serves "index.foo" or
// "index.html.foo", never "index.foo.html").
bool exceptions_match(std::string_view request_name, std::string_view exceptions)
{
    std::vector<std::string_view> left;
    while (true) {
        const auto slash = exceptions.find('/');
        left.push_back(exceptions.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        exceptions.remove_prefix(slash + 1);
    }
    std::size_t next = 0;
    std::string_view seg_source = request_name;
    while (!seg_source.empty() && next < left.size()) {
        const auto dot = seg_source.find('.');
        if (seg_source.substr(0, dot) == left[next]) {
            ++next;
        }
        if (dot == std::string_view::npos) {
            break;
        }
        seg_source.remove_prefix(dot + 1);
    }
    return next == left.size();
}

// httpd makes the variant list validator from the request's finfo, which
// after the failed stat of the missing file still holds the directory's:
// a no-file tag of the directory's mtime (weak within a second of it).
std::string directory_validator(const Request& r, const std::string& dir)
{
    const auto& core = get<core::CoreDirConfig>(*r.per_dir);
    const unsigned bits = (core.etag_bits & ~core.etag_remove) | core.etag_add;
    if (bits & core::kEtagNone) {
        return std::string();
    }
    struct stat st {};
    std::int64_t mtime = 0;
    if (::stat(dir.c_str(), &st) == 0) {
        mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000 + st.st_mtim.tv_nsec / 1000;
    }
    char hex[32];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(mtime));
    const bool weak = r.request_time_us - mtime < 1000000;
    return std::string(weak ? "W/\"" : "\"") + hex + "\"";
}

// ap_sub_req_lookup_dirent keeps the request's path info on each variant
// (so that a variant answers "/doc/extra" as "/doc.html/extra" would).
void carry_path_info(const Request& r, Request& sub, std::string_view name)
{
    if (r.path_info.empty()) {
        return;
    }
    std::string uri = r.uri;
    if (uri.ends_with(r.path_info)) {
        uri.resize(uri.size() - r.path_info.size());
    }
    sub.uri = uri.substr(0, uri.rfind('/') + 1) + std::string(name) + r.path_info;
    sub.path_info = r.path_info;
}

}  // namespace

Verdict read_multiviews(Request& r, Negotiation& neg)
{
    if (r.filename.empty() || r.filename.front() != '/') {
        return Verdict::declined();
    }
    const std::string base = r.filename.substr(r.filename.rfind('/') + 1);
    const std::string& dir_name = neg.in.dir_name;
    DIR* dir = ::opendir(dir_name.c_str());
    if (dir == nullptr) {
        r.services->log(r, ModuleId::Negotiation, LogLevel::Error,
                        "AH00686: cannot read directory for multi: " + dir_name, errno);
        return Verdict::http(403);
    }
    DirCloser closer(dir);
    bool any_match = false;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.size() <= base.size() || name.compare(0, base.size(), base) != 0 ||
            name[base.size()] != '.') {
            continue;
        }
        if (entry->d_type == DT_DIR) {
            continue;
        }
        any_match = true;
        std::shared_ptr<Request> sub = r.services->lookup_file(r, name);
        carry_path_info(r, *sub, name);
        if (!sub->finfo || !S_ISREG(sub->finfo->st_mode)) {
            continue;
        }
        // A handler without a type negotiates as a CGI script would.
        if (!sub->handler.empty() && sub->content_type.empty()) {
            sub->content_type = std::string(kCgiMagicType);
        }
        const auto exceptions = sub->notes.get(kExceptionsNote);
        if (!exceptions || !exceptions_match(base, *exceptions)) {
            continue;
        }
        if (sub->status != 200 || sub->content_type.empty()) {
            continue;
        }
        // A type map among the files replaces the directory as the list.
        if (sub->content_type == kMapMagicType || sub->handler == "type-map") {
            neg.variants.clear();
            return load_type_map(r, *sub, neg);
        }
        Variant v;
        v.file_name = std::string(name);
        if (!sub->content_encoding.empty()) {
            v.encoding = sub->content_encoding;
        }
        v.languages = sub->content_languages;
        std::string_view type = sub->content_type;
        set_mime_fields(v, parse_accept_item(type));
        v.bytes = sub->finfo->st_size;
        v.has_handler = !sub->handler.empty();
        v.sub = std::move(sub);
        neg.variants.push_back(std::move(v));
        ++neg.multiviews_count;
    }
    // Files matched but none could be served: this request must fail
    // rather than fall through to a listing.
    if (any_match && neg.variants.empty()) {
        r.services->log(r, ModuleId::Negotiation, LogLevel::Error,
                        "AH00687: Negotiation: discovered file(s) matching request: " + r.filename +
                            " (None could be negotiated).");
        return Verdict::http(404);
    }
    r.vlist_validator = directory_validator(r, dir_name);
    // A canonical order (readdir's differs between file systems): higher
    // source quality first, then by name.
    std::sort(neg.variants.begin(), neg.variants.end(), [](const Variant& a, const Variant& b) {
        if (a.source_quality != b.source_quality) {
            return a.source_quality > b.source_quality;
        }
        return std::strcmp(a.file_name.c_str(), b.file_name.c_str()) < 0;
    });
    return Verdict::ok();
}

}  // namespace feather::mod::negotiation
