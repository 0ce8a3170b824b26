#include "modules/core/section_paths.hpp"

#include <algorithm>

namespace feather::mod::core {

namespace {

constexpr std::size_t kAprPathMax = 4096;

bool is_back_path(const std::string& path)
{
    // Empty, "../", or ending in "/../": a ".." here cannot be cancelled.
    return path.empty() || path == "../" ||
           (path.size() > 3 && path.compare(path.size() - 4, 4, "/../") == 0);
}

}  // namespace

std::optional<std::string> apr_filepath_merge(std::string_view root, std::string_view path)
{
    const bool absolute = !path.empty() && path.front() == '/';
    if (absolute) {
        root = {};
    }
    // APR sizes its buffer first and fails before looking at the segments.
    if (root.size() + path.size() + 4 > kAprPathMax) {
        return std::nullopt;
    }
    std::string out;
    if (absolute) {
        out = "/";
        while (!path.empty() && path.front() == '/') {
            path.remove_prefix(1);
        }
    } else {
        out = std::string(root);
        if (!out.empty() && out.back() != '/') {
            out.push_back('/');
        }
    }
    while (!path.empty()) {
        const auto slash = path.find('/');
        const bool more = slash != std::string_view::npos;
        const std::string_view seg = path.substr(0, slash);
        if (seg.empty() || seg == ".") {
            // nothing
        } else if (seg == "..") {
            if (out == "/") {
                // above the root is the root
            } else if (is_back_path(out)) {
                out += more ? "../" : "..";
            } else {
                do {
                    out.pop_back();
                } while (!out.empty() && out.back() != '/');
            }
        } else {
            out += seg;
            if (more) {
                out.push_back('/');
            }
        }
        path = more ? path.substr(slash + 1) : std::string_view{};
    }
    return out;
}

bool fnmatch_test(std::string_view pattern)
{
    int nesting = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        switch (pattern[i]) {
        case '?':
        case '*':
            return true;
        case '\\':
            if (++i == pattern.size()) {
                return false;
            }
            break;
        case '[':
            ++nesting;
            break;
        case ']':
            if (nesting != 0) {
                return true;
            }
            break;
        default:
            break;
        }
    }
    return false;
}

unsigned count_dirs(std::string_view path)
{
    return static_cast<unsigned>(std::count(path.begin(), path.end(), '/'));
}

}  // namespace feather::mod::core
