// ap_directory_walk (server/request.c) without httpd's walk cache: the
// component-by-component descent that matches <Directory> sections and
// reads .htaccess files level by level, checks symbolic links, and finds
// where the file ends and the path info begins.

#include <cerrno>

#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/filepath.hpp"
#include "runtime/http/htaccess_reader.hpp"
#include "runtime/http/section_walk.hpp"
#include "runtime/http/symlink_check.hpp"

namespace feather::runtime {

namespace {

using mod::core::CoreDirConfig;
using mod::core::Section;

void log(const Request& r, LogLevel level, const std::string& text, int os_error = 0)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Core, level, text, os_error);
    }
}

// The few per-directory values the walk itself needs as it descends
// (httpd's core_opts_t and core_opts_merge): Options, to check links, and
// AllowOverride, to know where .htaccess files would be read.
struct WalkOpts {
    unsigned opts = 0;
    unsigned add = 0;
    unsigned remove = 0;
    unsigned override = 0;  // Allow bits; Unset while no AllowOverride was seen
    unsigned override_opts = mod::core::kDefaultOverrideOpts;
    const std::vector<std::string>* override_list = nullptr;

    explicit WalkOpts(const CoreDirConfig& c)
        : opts(c.opts), add(c.opts_add), remove(c.opts_remove),
          override(c.override.get_or(static_cast<unsigned>(directives::Allow::Unset))),
          override_opts(c.override_opts.get_or(mod::core::kDefaultOverrideOpts)),
          override_list(c.override_list.is_set() ? &*c.override_list.value : nullptr)
    {
    }

    void merge(const CoreDirConfig& c)
    {
        if (c.opts & mod::core::kOptUnset) {
            add = (add & ~c.opts_remove) | c.opts_add;
            remove = (remove & ~c.opts_add) | c.opts_remove;
            opts = (opts & ~remove) | add;
        } else {
            opts = c.opts;
            add = c.opts_add;
            remove = c.opts_remove;
        }
        // A section's AllowOverride brings its own Options= list (or the
        // default one), as httpd's core_opts_merge takes both together.
        if (c.override.is_set()) {
            override = *c.override.value;
            override_opts = c.override_opts.get_or(mod::core::kDefaultOverrideOpts);
        }
        if (c.override_list.is_set()) {
            override_list = &*c.override_list.value;
        }
    }

    // httpd consults .htaccess unless the override is exactly "None" (its
    // OR_UNSET bit counts: with AllowOverride never set, httpd still reads
    // the files, and any directive in one is "not allowed here").
    bool reads_htaccess() const
    {
        return override != 0 || (override_list != nullptr && !override_list->empty());
    }

    OverrideRules rules() const
    {
        OverrideRules r{override, override_opts, {}};
        if (override_list != nullptr) {
            r.list = *override_list;
        }
        return r;
    }
};

// The <Directory> sections in httpd's order (ap_core_reorder_directories):
// plain before regex, then by component count, then as written. The
// loader keeps them as written; sorting here costs nothing when they are
// already in order.
class DirectoryOrder {
public:
    explicit DirectoryOrder(const std::vector<Section>& all) : all_(all)
    {
        if (!std::is_sorted(all.begin(), all.end(), before)) {
            sorted_.reserve(all.size());
            for (const auto& s : all) {
                sorted_.push_back(&s);
            }
            std::stable_sort(sorted_.begin(), sorted_.end(),
                             [](const Section* a, const Section* b) { return before(*a, *b); });
        }
    }
    std::size_t size() const { return all_.size(); }
    const Section& operator[](std::size_t i) const
    {
        return sorted_.empty() ? all_[i] : *sorted_[i];
    }

private:
    static bool before(const Section& a, const Section& b)
    {
        const bool ra = a.regex != nullptr;
        const bool rb = b.regex != nullptr;
        if (ra != rb) {
            return !ra;
        }
        return a.components < b.components;
    }

    const std::vector<Section>& all_;
    std::vector<const Section*> sorted_;
};

}  // namespace

int directory_walk(Request& r)
{
    if (r.filename.empty()) {
        log(r, LogLevel::Info,
            "AH00029: Module bug?  Request filename is missing for URI " + r.uri);
        return 0;
    }
    // Canonical and absolute, without resolving links; path info is
    // canonical too.
    auto entry = filepath_merge(std::nullopt, r.filename, kPathNotRelative);
    if (!entry) {
        log(r, LogLevel::Info,
            "AH00030: Module bug?  Request filename path " + r.filename +
                " is invalid or or not absolute for uri " + r.uri);
        return 0;
    }
    r.filename = std::move(*entry);

    // One stat of the whole name: when it finds something the descent below
    // needs no lstat per component, unless links must be checked.
    if (!r.finfo) {
        struct stat st {};
        if (::stat(r.filename.c_str(), &st) == 0 &&
            (S_ISDIR(st.st_mode) || r.filename.back() != '/')) {
            r.finfo = st;
        }
    }

    WalkOpts opts(get<CoreDirConfig>(*r.per_dir));

    // `rest` is the part of the path not yet walked; a directory's path
    // info is walked too (directories have none), other path info is kept
    // aside and put back after what the walk leaves over.
    std::string rest;
    std::string saved_path_info;
    if (r.finfo && S_ISDIR(r.finfo->st_mode) && !r.path_info.empty()) {
        auto merged = filepath_merge(r.filename, r.path_info, kPathNotAboveRoot);
        if (!merged) {
            log(r, LogLevel::Error,
                "AH00033: dir_walk error, path_info " + r.path_info +
                    " is not relative to the filename path " + r.filename + " for uri " + r.uri);
            return 500;
        }
        rest = std::move(*merged);
    } else {
        saved_path_info = r.path_info;
        rest = r.filename;
    }
    // apr_filepath_root: the walk starts at "/".
    if (rest.empty() || rest.front() != '/') {
        log(r, LogLevel::Error,
            "AH00034: dir_walk error, could not determine the root path of filename " + r.filename +
                rest + " for uri " + r.uri);
        return 500;
    }
    const std::size_t first = rest.find_first_not_of('/');
    rest = first == std::string::npos ? std::string() : rest.substr(first);
    r.filename.assign(1, '/');

    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    const DirectoryOrder sections(core.directories);
    std::size_t sec_idx = 0;
    SectionMerge chain;
    PathInfo info;  // the root is a directory
    info.type = PathInfo::Type::Dir;
    const unsigned startseg = 1;
    unsigned seg = startseg;

    do {
        // Each level is matched with a trailing slash.
        bool temp_slash = false;
        if (seg > startseg && r.filename.back() != '/') {
            r.filename.push_back('/');
            temp_slash = true;
        }

        // The plain <Directory> sections of this depth ("/" has depth 0
        // and always matches).
        for (; sec_idx < sections.size(); ++sec_idx) {
            const Section& s = sections[sec_idx];
            if (s.regex || s.components > seg) {
                break;
            }
            if (s.components != 0 &&
                (s.components < seg || (s.is_fnmatch ? !fnmatch_pathname(s.pattern, r.filename)
                                                     : r.filename != s.pattern))) {
                continue;
            }
            opts.merge(get<CoreDirConfig>(*s.config));
            chain.add(s.config);
        }

        // This level's access file, where AllowOverride lets one count: it
        // merges like one more <Directory> of this level.
        if (opts.reads_htaccess()) {
            std::shared_ptr<const DirConfigSet> htaccess;
            if (const int rc = read_htaccess(r, r.filename, opts.rules(), htaccess)) {
                return rc;
            }
            if (htaccess) {
                opts.merge(get<CoreDirConfig>(*htaccess));
                chain.add(htaccess);
            }
        }

        if (temp_slash) {
            r.filename.pop_back();
        }
        if (rest.empty()) {
            break;
        }

        // The next component (with the '/' before it, after the first).
        const std::size_t from = rest.front() == '/' ? 1 : 0;
        const std::size_t delim = rest.find('/', from);
        const std::size_t take = delim == std::string::npos ? rest.size() : delim;
        const std::string seg_name = rest.substr(from, take - from);
        r.filename.append(rest, 0, take);
        rest.erase(0, take);
        if (seg_name.empty()) {
            break;  // nothing but a trailing '/'
        }

        // The whole name was found and links are followed unconditionally:
        // no lstat, every level is taken for a directory.
        if (r.finfo && (opts.opts & (mod::core::kOptSymOwner | mod::core::kOptSymLinks)) ==
                           mod::core::kOptSymLinks) {
            info.type = PathInfo::Type::Dir;
            ++seg;
            continue;
        }

        const int lrc = lstat_component(r.filename, info);
        if (lrc == ENOENT) {
            info.type = PathInfo::Type::None;
            break;
        }
        if (lrc == EACCES) {
            log(r, LogLevel::Error,
                "AH00035: access to " + r.uri + " denied (filesystem path '" + r.filename +
                    "') because search permissions are missing on a component of the path",
                lrc);
            return 403;
        }
        if (lrc != 0) {
            log(r, LogLevel::Error,
                "AH00036: access to " + r.uri + " failed (filesystem path '" + r.filename + "')",
                lrc);
            return 403;
        }
        if (info.type == PathInfo::Type::Link) {
            if (const int rc = resolve_symlink(r.filename, info, opts.opts)) {
                log(r, LogLevel::Error,
                    "AH00037: Symbolic link not allowed or link target not accessible: " +
                        r.filename);
                return rc;
            }
        }
        if (info.type == PathInfo::Type::Reg || info.type == PathInfo::Type::None) {
            break;
        }
        if (info.type != PathInfo::Type::Dir) {
            log(r, LogLevel::Error,
                "AH00038: Forbidden: " + r.filename + " doesn't point to a file or directory");
            return 403;
        }
        ++seg;
    } while (info.type == PathInfo::Type::Dir);

    // Without the first stat's success, what the walk found is the answer.
    if (!r.finfo) {
        if (info.type == PathInfo::Type::None) {
            r.finfo.reset();
        } else if (info.has_stat) {
            r.finfo = info.st;
        } else {
            // only the root was seen
            struct stat st {};
            if (::stat(r.filename.c_str(), &st) == 0) {
                r.finfo = st;
            }
        }
    }

    r.path_info = rest;
    if (!saved_path_info.empty()) {
        r.path_info = rest.empty() ? saved_path_info : full_path(rest, saved_path_info);
    }

    // Then the regex sections, tested against the name the walk reached.
    for (; sec_idx < sections.size(); ++sec_idx) {
        const Section& s = sections[sec_idx];
        if (!s.regex || !regex_section_matches(s, r.filename, r)) {
            continue;
        }
        opts.merge(get<CoreDirConfig>(*s.config));
        chain.add(s.config);
    }

    r.canonical_filename = r.filename;
    chain.apply(r);
    return 0;
}

}  // namespace feather::runtime
