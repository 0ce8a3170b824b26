#pragma once
// The C and APR conversions httpd's core setters use, with their quirks
// (atoi reads a leading number and ignores the rest; junk reads as 0), so
// that values land exactly where httpd's land.

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <sys/stat.h>

namespace feather::mod::core {

// atoi: (int) strtol.
inline int c_atoi(const std::string& s)
{
    return static_cast<int>(std::strtol(s.c_str(), nullptr, 10));
}

// atol.
inline long c_atol(const std::string& s) { return std::strtol(s.c_str(), nullptr, 10); }

// apr_strtoff (base 10) that must consume the whole text: nullopt when the
// number does not parse or overflows (APR's error), else the value and
// whether text follows it.
struct OffParse {
    std::int64_t value = 0;
    bool trailing = false;  // *end != '\0'
};
inline std::optional<OffParse> c_strtoff(const std::string& s)
{
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (errno == ERANGE) {
        return std::nullopt;
    }
    return OffParse{v, *end != '\0'};
}

// ap_is_url: "scheme:" with a scheme of letters, digits, '+', '-', '.'.
inline bool is_url(std::string_view u)
{
    std::size_t x = 0;
    for (; x < u.size() && u[x] != ':'; ++x) {
        const char c = u[x];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return x < u.size() && x > 0;
}

// apr_fnmatch_test: '*' or '?', or a '[' closed by a later ']'; a
// backslash hides the next character.
inline bool has_glob(std::string_view s)
{
    int open = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        switch (s[i]) {
        case '?':
        case '*': return true;
        case '\\':
            if (++i >= s.size()) {
                return false;
            }
            break;
        case '[': ++open; break;
        case ']':
            if (open) {
                return true;
            }
            break;
        default: break;
        }
    }
    return false;
}

// ap_is_matchexp: '*' or '?'.
inline bool is_matchexp(std::string_view s)
{
    return s.find_first_of("*?") != std::string_view::npos;
}

inline bool is_directory(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

inline std::string to_lower(std::string s)
{
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

}  // namespace feather::mod::core
