#include "runtime/http/filepath.hpp"

#include <unistd.h>

#include <algorithm>

namespace feather::runtime {

namespace {

constexpr std::size_t kAprPathMax = 4096;

}  // namespace

std::optional<std::string> filepath_merge(std::optional<std::string_view> root,
                                          std::string_view add, unsigned flags)
{
    add = add.substr(0, add.find('\0'));
    std::string cwd;
    if (!add.empty() && add.front() == '/') {
        // A rooted path ignores the root, which a secure-root test forbids.
        if (flags & kPathSecureRootTest) {
            return std::nullopt;
        }
        if (!root && !(flags & kPathNotAboveRoot)) {
            root = std::string_view();
        }
    }
    if (!root) {
        char buf[kAprPathMax];
        if (::getcwd(buf, sizeof buf) == nullptr) {
            return std::nullopt;
        }
        cwd = buf;
        root = cwd;
    }
    const std::string_view rootpath = *root;
    std::size_t maxlen = rootpath.size() + add.size() + 4;
    if (maxlen > kAprPathMax) {
        if (rootpath.size() >= kAprPathMax) {
            return std::nullopt;
        }
        maxlen = kAprPathMax;
    }

    std::string path;
    std::size_t keptlen = 0;
    if (!add.empty() && add.front() == '/') {
        while (!add.empty() && add.front() == '/') {
            add.remove_prefix(1);
        }
        path = "/";
    } else {
        if ((rootpath.empty() || rootpath.front() != '/') && (flags & kPathNotRelative)) {
            return std::nullopt;
        }
        path = std::string(rootpath);
        keptlen = path.size();
        if (keptlen != 0 && path.back() != '/') {
            if (keptlen + 1 >= maxlen) {
                return std::nullopt;
            }
            path.push_back('/');
            ++keptlen;
        }
    }

    while (!add.empty()) {
        std::size_t seglen = add.find('/');
        if (seglen == std::string_view::npos) {
            seglen = add.size();
        }
        const std::string_view seg = add.substr(0, seglen);
        if (seg.empty() || seg == ".") {
            // a no-op segment
        } else if (seg == "..") {
            if (path == "/") {
                // above the root is the root, unless that is forbidden
                if (flags & kPathSecureRootTest) {
                    return std::nullopt;
                }
                keptlen = 0;
            } else if (path.empty() || path == "../" ||
                       (path.size() > 3 && path.compare(path.size() - 4, 4, "/../") == 0)) {
                if (flags & kPathSecureRootTest) {
                    return std::nullopt;
                }
                if (path.size() + 3 >= maxlen) {
                    return std::nullopt;
                }
                path += "../";
            } else {
                do {
                    path.pop_back();
                } while (!path.empty() && path.back() != '/');
            }
            if (path.size() < keptlen) {
                if (flags & kPathSecureRootTest) {
                    return std::nullopt;
                }
                keptlen = path.size();
            }
        } else {
            const std::size_t with_slash = seglen < add.size() ? 1 : 0;
            if (path.size() + seglen + with_slash >= maxlen) {
                return std::nullopt;
            }
            path.append(add.substr(0, seglen + with_slash));
        }
        add.remove_prefix(std::min(add.size(), seglen + 1));
    }

    if ((flags & kPathNotAboveRoot) && keptlen < rootpath.size()) {
        if (path.compare(0, rootpath.size(), rootpath) != 0) {
            return std::nullopt;
        }
        if (rootpath.back() != '/' && path.size() > rootpath.size() &&
            path[rootpath.size()] != '/') {
            return std::nullopt;
        }
    }
    return path;
}

std::string dirstr_parent(std::string_view path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string_view::npos) {
        return std::string();
    }
    return std::string(path.substr(0, slash + 1));
}

std::string full_path(std::string_view a, std::string_view b)
{
    std::string out(a);
    if (out.empty() || out.back() != '/') {
        out.push_back('/');
    }
    out.append(b);
    return out;
}

unsigned count_slashes(std::string_view path)
{
    return static_cast<unsigned>(std::count(path.begin(), path.end(), '/'));
}

}  // namespace feather::runtime
