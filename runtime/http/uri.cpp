#include "runtime/http/uri.hpp"

#include <cctype>

namespace feather::runtime {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool is_unreserved(unsigned char c)
{
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace

int parse_request_target(Request& r, std::string_view target)
{
    r.unparsed_uri = std::string(target);
    std::string_view rest = target;
    if (!rest.empty() && rest.front() != '/' && rest != "*") {
        // absolute-URI: scheme "://" authority path
        const auto scheme_end = rest.find("://");
        if (scheme_end != std::string_view::npos) {
            rest.remove_prefix(scheme_end + 3);
            const auto path_start = rest.find_first_of("/?");
            std::string_view authority = rest.substr(0, path_start);
            if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
                authority.remove_prefix(at + 1);
            }
            r.hostname = std::string(authority);
            rest = path_start == std::string_view::npos ? std::string_view("/") : rest.substr(path_start);
        }
    }
    const auto q = rest.find('?');
    r.uri = std::string(rest.substr(0, q));
    r.args = q == std::string_view::npos ? std::string() : std::string(rest.substr(q + 1));
    if (const auto hash = r.args.find('#'); hash != std::string::npos) {
        r.args.resize(hash);
    }
    if (const auto hash = r.uri.find('#'); hash != std::string::npos) {
        r.uri.resize(hash);
    }
    return 0;
}

bool normalize_path(std::string& path, unsigned flags)
{
    if (path.empty()) {
        return true;
    }
    if (path == "*") {
        return true;  // "OPTIONS *"
    }
    if (path.front() != '/' && !(flags & kNormalizeAllowRelative)) {
        return false;
    }
    std::string out;
    out.reserve(path.size());
    std::size_t i = 0;
    const std::size_t n = path.size();
    while (i < n) {
        // Decode %XX of unreserved characters first, so that "%2e" is a dot.
        char c = path[i];
        if ((flags & kNormalizeDecodeUnreserved) && c == '%') {
            if (i + 2 >= n) {
                return false;
            }
            const int hi = hex_value(path[i + 1]);
            const int lo = hex_value(path[i + 2]);
            if (hi < 0 || lo < 0) {
                return false;
            }
            const auto decoded = static_cast<unsigned char>(hi * 16 + lo);
            if (is_unreserved(decoded)) {
                path[i + 2] = static_cast<char>(decoded);
                i += 2;
                c = path[i];
            }
        }
        if (c == '/' && (flags & kNormalizeMergeSlashes) && !out.empty() && out.back() == '/') {
            ++i;
            continue;
        }
        out.push_back(c);
        ++i;
        // After a segment ends, resolve "." and "..".
        if (out.back() == '/' || i == n) {
            const bool at_end = i == n && out.back() != '/';
            std::string_view seg(out);
            std::size_t seg_end = at_end ? out.size() : out.size() - 1;
            std::size_t seg_start = out.rfind('/', seg_end == 0 ? 0 : seg_end - 1);
            if (seg_start == std::string::npos) {
                seg_start = 0;
            } else {
                ++seg_start;
            }
            seg = std::string_view(out).substr(seg_start, seg_end - seg_start);
            if (seg == ".") {
                out.resize(seg_start);
            } else if (seg == "..") {
                if (seg_start <= 1) {
                    if (flags & kNormalizeNotAboveRoot) {
                        return false;
                    }
                    out.resize(seg_start);
                } else {
                    const std::size_t prev = out.rfind('/', seg_start - 2);
                    out.resize(prev == std::string::npos ? 0 : prev + 1);
                }
            }
        }
    }
    path = out;
    return true;
}

int unescape_url(std::string& path, unsigned flags)
{
    std::string out;
    out.reserve(path.size());
    bool bad = false;
    bool bad_slash = false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c != '%') {
            out.push_back(c);
            continue;
        }
        const int hi = i + 1 < path.size() ? hex_value(path[i + 1]) : -1;
        const int lo = i + 2 < path.size() ? hex_value(path[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            bad = true;
            out.push_back(c);
            continue;
        }
        const auto decoded = static_cast<char>(hi * 16 + lo);
        if (decoded == '/' && (flags & kUnescapeKeepSlashes)) {
            out.append(path, i, 3);
        } else if (decoded == '/' && (flags & kUnescapeForbidSlashes)) {
            bad_slash = true;
            out.push_back(decoded);
        } else if (decoded == '\0') {
            bad_slash = true;  // ap_unescape_url: a bad path (404), not a bad escape
            out.push_back(decoded);
        } else if ((flags & kUnescapeKeepUnreserved) && is_unreserved(static_cast<unsigned char>(decoded))) {
            // already decoded by normalize_path; a literal "%2e" left here
            // came from "%252e" and stays as it is
            out.append(path, i, 3);
        } else {
            out.push_back(decoded);
        }
        i += 2;
    }
    path = out;
    if (bad) {
        return 400;
    }
    if (bad_slash) {
        return 404;
    }
    return 0;
}

}  // namespace feather::runtime
