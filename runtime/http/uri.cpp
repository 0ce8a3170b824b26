#include "runtime/http/uri.hpp"

#include <cstdlib>

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"

namespace feather::runtime {

namespace {

bool is_xdigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// httpd's x2c: two hex digits (already checked) to a byte.
char x2c(char hi, char lo)
{
    auto digit = [](char c) { return c >= 'A' ? ((c & 0xdf) - 'A') + 10 : c - '0'; };
    return static_cast<char>(digit(hi) * 16 + digit(lo));
}

// T_URI_UNRESERVED of gen_test_char.c: ALPHA, DIGIT, "-._~".
bool is_unreserved(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

// The byte at `i`, or NUL past the end: the C code reads the terminator.
char at(const std::string& s, std::size_t i) { return i < s.size() ? s[i] : '\0'; }

bool slash_or_nul(char c) { return c == '/' || c == '\0'; }

}  // namespace

bool normalize_path(std::string& path, unsigned flags)
{
    const bool decode_unreserved = (flags & kNormalizeDecodeUnreserved) != 0;
    const bool merge_slashes = (flags & kNormalizeMergeSlashes) != 0;
    // httpd works on a C string: a NUL byte ends it.
    if (const auto nul = path.find('\0'); nul != std::string::npos) {
        path.resize(nul);
    }
    bool ok = true;
    std::size_t l = 1;  // read position
    std::size_t w = 1;  // write position (w <= l: the rewrite is in place)

    if (at(path, 0) != '/') {
        // Besides "OPTIONS *", a request-target starts with '/'; file
        // subrequests may be relative.
        if (path == "*") {
            return true;
        }
        if (!(flags & kNormalizeAllowRelative) || path.empty()) {
            return false;
        }
        l = w = 0;
    }

    while (l < path.size()) {
        if (decode_unreserved && path[l] == '%') {
            if (is_xdigit(at(path, l + 1)) && is_xdigit(at(path, l + 2))) {
                const char c = x2c(path[l + 1], path[l + 2]);
                if (is_unreserved(c)) {
                    // The decoded byte replaces the last digit and is read
                    // from there.
                    l += 2;
                    path[l] = c;
                }
            } else {
                ok = false;  // invalid encoding; the '%' is kept
            }
        }

        if (w == 0 || path[w - 1] == '/') {
            if (merge_slashes && path[l] == '/') {
                do {
                    ++l;
                } while (at(path, l) == '/');
                continue;
            }
            if (path[l] == '.') {
                // "/./" goes.
                if (slash_or_nul(at(path, l + 1))) {
                    ++l;
                    if (at(path, l) != '\0') {
                        ++l;
                    }
                    continue;
                }
                // "/xx/../" (or "/xx/.%2e/": only the first dot was decoded
                // above) removes the previous segment.
                std::size_t n = l + 1;
                bool dotdot = at(path, n) == '.';
                if (!dotdot && decode_unreserved && at(path, n) == '%' && at(path, n + 1) == '2' &&
                    (at(path, n + 2) == 'e' || at(path, n + 2) == 'E')) {
                    n += 2;
                    dotdot = true;
                }
                if (dotdot && slash_or_nul(at(path, n + 1))) {
                    if (w > 1) {
                        do {
                            --w;
                        } while (w != 0 && path[w - 1] != '/');
                    } else if (flags & kNormalizeNotAboveRoot) {
                        ok = false;  // already at the root
                    }
                    l = n + 1;
                    if (at(path, l) != '\0') {
                        ++l;
                    }
                    continue;
                }
            }
        }
        path[w++] = path[l++];
    }
    path.resize(w);
    return ok;
}

int unescape_url(std::string& path, unsigned flags)
{
    const bool keep_slashes = (flags & kUnescapeKeepSlashes) != 0;
    const bool forbid_slashes = (flags & kUnescapeForbidSlashes) != 0;
    const bool keep_unreserved = (flags & kUnescapeKeepUnreserved) != 0;
    const auto first = path.find('%');
    if (first == std::string::npos) {
        return 0;
    }
    bool bad_escape = false;
    bool bad_path = false;
    std::size_t x = first;
    for (std::size_t y = first; y < path.size(); ++x, ++y) {
        if (path[y] != '%') {
            path[x] = path[y];
            continue;
        }
        if (!is_xdigit(at(path, y + 1)) || !is_xdigit(at(path, y + 2))) {
            bad_escape = true;
            path[x] = '%';
            continue;
        }
        const char decoded = x2c(path[y + 1], path[y + 2]);
        if (decoded == '\0' || (forbid_slashes && decoded == '/')) {
            bad_path = true;
            path[x] = decoded;
            y += 2;
        } else if ((keep_unreserved && is_unreserved(decoded)) ||
                   (keep_slashes && decoded == '/')) {
            path[x++] = path[y++];
            path[x++] = path[y++];
            path[x] = path[y];
        } else {
            path[x] = decoded;
            y += 2;
        }
    }
    path.resize(x);
    if (bad_escape) {
        return 400;
    }
    if (bad_path) {
        return 404;
    }
    return 0;
}

void no2slash(std::string& path)
{
    std::size_t w = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '/' && w != 0 && path[w - 1] == '/') {
            continue;
        }
        path[w++] = path[i];
    }
    path.resize(w);
}

unsigned normalize_flags_for(const Request& r, bool file_subrequest)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    unsigned flags = kNormalizeNotAboveRoot;
    if (core.merge_slashes.get_or(true)) {
        flags |= kNormalizeMergeSlashes;
    }
    if (file_subrequest) {
        flags |= kNormalizeAllowRelative;
    }
    return flags;
}

unsigned unescape_flags_for(const Request& r)
{
    // httpd reads the server's lookup defaults here (the <Location> merge
    // of the first walk has been thrown away), where AllowEncodedSlashes
    // lives.
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    unsigned flags = kUnescapeKeepUnreserved;
    switch (core.encoded_slashes.get_or(mod::core::EncodedSlashes::Off)) {
    case mod::core::EncodedSlashes::Off: flags |= kUnescapeForbidSlashes; break;
    case mod::core::EncodedSlashes::NoDecode: flags |= kUnescapeKeepSlashes; break;
    case mod::core::EncodedSlashes::On: break;
    }
    return flags;
}

bool decodes_encoded_slashes(const Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    return core.encoded_slashes.get_or(mod::core::EncodedSlashes::Off) ==
           mod::core::EncodedSlashes::On;
}

}  // namespace feather::runtime
