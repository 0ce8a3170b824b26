#include "parser/config_reader.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "parser/env_subst.hpp"
#include "parser/word.hpp"

namespace feather::parser {

namespace {

// Apache's limits (server/core.c, server/util.c).
constexpr unsigned kMaxIncludeDepth = 128;
constexpr unsigned kMaxIncludeDirDepth = 128;

// httpd compares section names with strcasecmp in the C locale: ASCII
// folding, done by arithmetic rather than through libc's locale tables.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_lower(x) == ascii_lower(y);
           });
}

std::string errno_text(int err) { return std::strerror(err); }

// apr_fnmatch_test: does the text hold glob syntax?
bool has_wildcard(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        switch (s[i]) {
        case '?':
        case '*':
            return true;
        case '\\':
            ++i;
            break;
        case '[':
            if (s.find(']', i + 1) != std::string_view::npos) {
                return true;
            }
            break;
        default:
            break;
        }
    }
    return false;
}

bool is_directory(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string join(std::string_view dir, std::string_view name)
{
    std::string out(dir);
    if (out.empty() || out.back() != '/') {
        out.push_back('/');
    }
    out.append(name);
    return out;
}

struct DirEntry {
    std::string path;
    bool is_dir = false;
};

// Entries of `dir` except "." and "..", sorted by full path as Apache does.
// Returns errno on failure.
int list_directory(const std::string& dir, std::vector<DirEntry>& out)
{
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        return errno;
    }
    while (const dirent* e = ::readdir(d)) {
        const std::string_view name = e->d_name;
        if (name == "." || name == "..") {
            continue;
        }
        DirEntry entry{join(dir, name), false};
        if (e->d_type == DT_DIR) {
            entry.is_dir = true;
        } else if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            entry.is_dir = is_directory(entry.path);
        }
        out.push_back(std::move(entry));
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(),
              [](const DirEntry& a, const DirEntry& b) { return a.path < b.path; });
    return 0;
}

// The whole of a regular file (or /dev/null); errno on failure.
int read_whole_file(const std::string& path, std::string& out)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return err;
    }
    if (!S_ISREG(st.st_mode) && path != "/dev/null") {
        ::close(fd);
        return EBADF;
    }
    // Sized once: the text is kept as long as the tree, so a doubling
    // string would waste as much again.
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t have = 0;
    while (true) {
        ssize_t n = 0;
        if (have < out.size()) {
            n = ::read(fd, out.data() + have, out.size() - have);
        } else {
            // At the size fstat gave: end of file, or the file grew since.
            char more[4096];
            n = ::read(fd, more, sizeof more);
            if (n > 0) {
                out.append(more, static_cast<std::size_t>(n));
                have += static_cast<std::size_t>(n);
                continue;
            }
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int err = errno;
            ::close(fd);
            return err;
        }
        if (n == 0) {
            break;
        }
        have += static_cast<std::size_t>(n);
    }
    out.resize(have);
    ::close(fd);
    return 0;
}

}  // namespace

std::string merge_path(std::string_view root, std::string_view path)
{
    std::vector<std::string_view> segments;
    auto push_segments = [&](std::string_view p) {
        while (!p.empty()) {
            const auto slash = p.find('/');
            const auto seg = p.substr(0, slash);
            if (seg == "..") {
                if (!segments.empty()) {
                    segments.pop_back();
                }
            } else if (!seg.empty() && seg != ".") {
                segments.push_back(seg);
            }
            if (slash == std::string_view::npos) {
                break;
            }
            p.remove_prefix(slash + 1);
        }
    };
    if (path.empty() || path.front() != '/') {
        push_segments(root);
    }
    push_segments(path);
    std::string out;
    for (const auto seg : segments) {
        out.push_back('/');
        out.append(seg);
    }
    if (out.empty()) {
        out = "/";
    } else if (!path.empty() && path.back() == '/') {
        out.push_back('/');
    }
    return out;
}

struct ConfigReader::Frame {
    LineReader lines;
    std::optional<SourceLoc> error_at;  // Apache's parms->err_directive
};

// Where new nodes go: the innermost open section, or the top list.
struct ConfigReader::Cursor {
    NodeList* top;
    std::vector<Node*> open;

    NodeList& target() { return open.empty() ? *top : open.back()->children; }
};

ConfigReader::ConfigReader(ReadState& state, DirectiveCatalog& catalog, NodeStore& store)
    : state_(state), catalog_(catalog), store_(store)
{
}

ConfigReader::Frame& ConfigReader::frame() { return *frames_.back(); }

SourceLoc ConfigReader::location() const
{
    if (frames_.empty()) {
        return {};
    }
    const auto& f = *frames_.back();
    return SourceLoc{f.lines.name(), f.lines.line_number()};
}

std::string ConfigReader::server_root_relative(std::string_view path) const
{
    return merge_path(state_.server_root, path);
}

ReadError ConfigReader::read_file(const std::string& path, NodeList& out)
{
    std::string text;
    if (const int err = read_whole_file(path, text)) {
        return "Could not open configuration file " + path + ": " + errno_text(err);
    }

    const auto name = state_.sources->intern(path);
    if (state_.defines.defined("DUMP_INCLUDES")) {
        state_.included.push_back(
            IncludedFile{state_.include_depth, state_.include_depth ? state_.last_include_line : 0,
                         path});
    }
    Frame f{LineReader(store_.adopt(std::move(text)), name), std::nullopt};
    auto err = read_frame(f, out);
    if (err && f.error_at) {
        return "Syntax error on line " + std::to_string(f.error_at->line) + " of " +
               std::string(f.error_at->file()) + ": " + *err;
    }
    return err;
}

ReadError ConfigReader::read_text(std::string_view text, std::string_view name, NodeList& out)
{
    Frame f{LineReader(text, state_.sources->intern(name)), std::nullopt};
    return read_frame(f, out);
}

ReadError ConfigReader::read_command_lines(const std::vector<std::string>& lines, NodeList& out)
{
    Frame f{LineReader(lines, state_.sources->intern("-c/-C directives")), std::nullopt};
    auto err = read_frame(f, out);
    if (err) {
        return "Syntax error in -C/-c directive: " + *err;
    }
    return err;
}

ReadError ConfigReader::read_frame(Frame& f, NodeList& out)
{
    frames_.push_back(&f);
    struct Pop {
        std::vector<Frame*>& v;
        ~Pop() { v.pop_back(); }
    } pop{frames_};

    Cursor cursor{&out, {}};
    std::string_view line;
    while (f.lines.next(line)) {
        if (auto err = build_line(line, cursor)) {
            return err;
        }
    }
    if (cursor.open.empty()) {
        return std::nullopt;
    }
    // Every section still open is reported, innermost first; the error line
    // is that of the outermost.
    std::string message;
    for (auto it = cursor.open.rbegin(); it != cursor.open.rend(); ++it) {
        const Node& n = **it;
        if (!message.empty()) {
            message.push_back('\n');
        }
        message += std::string(n.loc.file()) + ":" + std::to_string(n.loc.line) + ": " +
                   std::string(n.name) + "> was not closed.";
        f.error_at = n.loc;
    }
    return message;
}

ReadError ConfigReader::build_line(std::string_view raw, Cursor& cursor)
{
    if (raw.empty() || raw.front() == '#') {
        return std::nullopt;
    }
    std::string substituted;  // only when the line has a ${VAR}
    std::string_view line = raw;
    if (raw.find('$') != std::string_view::npos) {
        substituted = resolve_env(raw, state_.defines, [this](std::string_view name) {
            if (state_.warn) {
                state_.warn("AH00111: Config variable ${" + std::string(name) + "} is not defined");
            }
        });
        line = substituted;
    }
    std::string_view args = line;
    std::string name = next_word(args);
    if (name.empty()) {
        return std::nullopt;
    }
    if (name.size() < 2 || name[1] != '/') {
        if (name.back() == '>') {
            name.pop_back();
        }
        if (!name.empty() && name.front() == '<' && args.empty()) {
            args = ">";
        }
    }

    // Names and arguments stay views into the file's text when they can; a
    // line that was joined or had ${VAR}s substituted is copied to the store.
    const auto stable = [&](std::string_view part) {
        return frame().lines.in_callers_text(part) ? part : store_.keep(part);
    };
    const auto known = catalog_.find(name);
    if (known && known->acts_on_read) {
        // Runs now and is not kept; what it produces (an included file, a
        // true <IfModule>'s body) takes its place.
        Node node;
        node.loc = location();
        node.name = known->name;
        node.args = stable(args);
        frame().error_at = node.loc;
        NodeList produced;
        auto err = catalog_.run_on_read(*this, node, produced);
        cursor.target().splice_back(produced);
        return err;
    }
    if (name.empty() || name.front() != '<' || name.size() < 2 || name[1] != '/') {
        Node& node = store_.make_node();
        node.loc = location();
        node.name = known ? known->name : store_.keep(name);
        node.catalog_number = known ? known->number : Node::kUnknown;
        node.args = stable(args);
        cursor.target().push_back(node);
        if (node.is_section()) {
            cursor.open.push_back(&node);
        }
        return std::nullopt;
    }
    // A closing tag.
    if (cursor.open.empty()) {
        frame().error_at = location();
        return name + " without matching <" + name.substr(2) + " section";
    }
    if (name.back() != '>') {
        frame().error_at = location();
        return name + "> directive missing closing '>'";
    }
    const std::string_view closing = std::string_view(name).substr(2, name.size() - 3);
    const Node& open = *cursor.open.back();
    if (!iequals(closing, open.name.substr(1))) {
        frame().error_at = location();
        return "Expected </" + std::string(open.name.substr(1)) + "> but saw </" +
               std::string(closing) + ">";
    }
    cursor.open.pop_back();
    return std::nullopt;
}

ReadError ConfigReader::read_section_body(std::string_view section_name, NodeList& out)
{
    const std::string closer = std::string(section_name.substr(1)) + ">";
    Cursor cursor{&out, {}};
    std::string_view line;
    while (frame().lines.next(line)) {
        if (line.size() >= 2 && line.substr(0, 2) == "</" && iequals(line.substr(2), closer) &&
            cursor.open.empty()) {
            break;
        }
        if (auto err = build_line(line, cursor)) {
            return err;
        }
    }
    // Apache accepts a true conditional section left open at the end of its
    // file (ap_build_cont_config); so do we.
    return std::nullopt;
}

ReadError ConfigReader::skip_section_body(std::string_view section_name)
{
    std::string_view line;
    while (frame().lines.next(line)) {
        std::string_view rest = line;
        std::string name = next_word(rest);
        if (name.empty() || name.front() != '<') {
            continue;
        }
        if (name.size() >= 2 && name[1] == '/') {
            // Apache drops the last character, whatever it is, before comparing.
            const std::string_view closing = std::string_view(name).substr(2, name.size() - 3);
            if (!iequals(closing, section_name.substr(1))) {
                return "Expected </" + std::string(section_name.substr(1)) + "> but saw </" +
                       std::string(closing) + ">";
            }
            return std::nullopt;
        }
        if (rest.empty() && name.back() == '>') {
            name.pop_back();
        }
        if (auto err = skip_section_body(name)) {
            return err;
        }
    }
    return "Expected </" + std::string(section_name.substr(1)) + "> before end of configuration";
}

ReadError ConfigReader::include(std::string_view path, bool optional, NodeList& out)
{
    if (++state_.include_depth > kMaxIncludeDepth) {
        state_.include_depth = 0;
        return "Exceeded maximum include depth of " + std::to_string(kMaxIncludeDepth) +
               ", There appears to be a recursion.";
    }
    state_.last_include_line = frame().lines.line_number();
    const std::string file = server_root_relative(path);

    unsigned dir_depth = 0;
    ReadError err;
    if (!has_wildcard(file)) {
        err = include_nofnmatch(file, optional, dir_depth, out);
    } else {
        err = include_fnmatch("/", std::string_view(file).substr(1), optional, dir_depth, out);
    }
    if (err) {
        state_.include_depth = 0;
        return err;
    }
    if (state_.include_depth > 0) {
        --state_.include_depth;
    }
    return std::nullopt;
}

ReadError ConfigReader::include_nofnmatch(const std::string& path, bool optional,
                                          unsigned& dir_depth, NodeList& out)
{
    static constexpr std::string_view prefix = "Include/IncludeOptional: ";
    if (is_directory(path)) {
        if (++dir_depth > kMaxIncludeDirDepth) {
            return std::string(prefix) + "Directory '" + path +
                   "' exceeds the maximum include directory nesting level of " +
                   std::to_string(kMaxIncludeDirDepth) +
                   ". You have probably a recursion somewhere.";
        }
        std::vector<DirEntry> entries;
        if (const int e = list_directory(path, entries)) {
            return std::string(prefix) + "Could not open directory " + path + ": " +
                   errno_text(e);
        }
        for (const auto& entry : entries) {
            if (auto err = include_nofnmatch(entry.path, optional, dir_depth, out)) {
                return err;
            }
        }
        --dir_depth;
        return std::nullopt;
    }
    if (optional) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            return std::nullopt;
        }
    }
    return read_file(path, out);
}

ReadError ConfigReader::include_fnmatch(const std::string& dir, std::string_view pattern,
                                        bool optional, unsigned& dir_depth, NodeList& out)
{
    static constexpr std::string_view prefix = "Include/IncludeOptional: ";
    std::string_view component = pattern;
    std::optional<std::string_view> rest;
    if (const auto slash = pattern.find('/'); slash != std::string_view::npos) {
        component = pattern.substr(0, slash);
        rest = pattern.substr(slash + 1);
    }
    if (!has_wildcard(component)) {
        const std::string next = join(dir, component);
        return rest ? include_fnmatch(next, *rest, optional, dir_depth, out)
                    : include_nofnmatch(next, optional, dir_depth, out);
    }

    std::vector<DirEntry> entries;
    if (const int e = list_directory(dir, entries)) {
        if (e == ENOENT && optional) {
            return std::nullopt;
        }
        return std::string(prefix) + "Could not open directory " + dir + ": " + errno_text(e);
    }
    const std::string glob(component);
    std::vector<const DirEntry*> matches;
    for (const auto& entry : entries) {
        const auto name = std::string_view(entry.path).substr(entry.path.rfind('/') + 1);
        if (::fnmatch(glob.c_str(), std::string(name).c_str(), FNM_PERIOD) != 0) {
            continue;
        }
        if (rest && !entry.is_dir) {
            continue;  // an inner component must name directories
        }
        matches.push_back(&entry);
    }
    if (matches.empty()) {
        if (!optional) {
            return std::string(prefix) + "No matches for the wildcard '" + glob + "' in '" + dir +
                   "', failing";
        }
        return std::nullopt;
    }
    for (const DirEntry* m : matches) {
        auto err = rest ? include_fnmatch(m->path, *rest, optional, dir_depth, out)
                        : include_nofnmatch(m->path, optional, dir_depth, out);
        if (err) {
            return err;
        }
    }
    return std::nullopt;
}

}  // namespace feather::parser
