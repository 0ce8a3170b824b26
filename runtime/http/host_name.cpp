#include "runtime/http/host_name.hpp"

#include <cctype>

#include "modules/core/vhost_address.hpp"

namespace feather::runtime {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char at(std::string_view s, std::size_t i) { return i < s.size() ? s[i] : '\0'; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// fix_hostname_v6_literal: hex digits (lower-cased), colons with at most
// one "::", and the dots of an IPv4-mapped tail.
bool fix_v6(std::string& host)
{
    bool double_colon = false;
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (std::isxdigit(static_cast<unsigned char>(c))) {
            host[i] = lower(c);
        } else if (c == ':') {
            if (at(host, i + 1) == ':') {
                if (double_colon) {
                    return false;
                }
                double_colon = true;
            } else if (at(host, i + 1) == '.') {
                return false;
            }
        } else if (c == '.') {
            if (at(host, i + 1) == ':' || at(host, i + 1) == '.') {
                return false;
            }
        } else {
            return false;
        }
    }
    return true;
}

// fix_hostname_non_v6: lower case; no "..", '/' or '\'; one trailing dot
// dropped.
bool fix_non_v6(std::string& host)
{
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (c == '.') {
            if (at(host, i + 1) == '.') {
                return false;
            }
        } else if (c == '/' || c == '\\') {
            return false;
        } else {
            host[i] = lower(c);
        }
    }
    if (!host.empty() && host.back() == '.') {
        host.pop_back();
    }
    return true;
}

// strict_hostname_check: a dotted-decimal address has four parts without
// leading zeros; a name's last label starts with a letter (RFC 1123 2.1).
bool strict_check(const std::string& host, std::string& why)
{
    bool dotted_decimal = true;
    bool leading_zeroes = false;
    int dots = 0;
    std::size_t ch = 0;
    auto bad = [&](std::size_t near) {
        why = "AH02415: [strict] Invalid host name '" + host + "'" +
              (near < host.size() ? ", problem near: " + host.substr(near, 6) : std::string());
        return false;
    };
    for (; ch < host.size(); ++ch) {
        const char c = host[ch];
        if (is_alpha(c) || c == '-' || c == '_') {
            dotted_decimal = false;
        } else if (c == '.') {
            ++dots;
            if (at(host, ch + 1) == '0' && is_digit(at(host, ch + 2))) {
                leading_zeroes = true;
            }
        } else if (!is_digit(c)) {
            return bad(ch);  // also refuses a list of several Host values
        }
    }
    if (dotted_decimal) {
        if (at(host, 0) == '.' || (at(host, 0) == '0' && is_digit(at(host, 1)))) {
            leading_zeroes = true;
        }
        if (leading_zeroes || dots != 3) {
            return bad(ch);
        }
        return true;
    }
    while (ch > 0 && at(host, ch) != '.') {
        --ch;
    }
    if (at(host, ch) == '.' && at(host, ch + 1) != '\0' && !is_alpha(at(host, ch + 1))) {
        return bad(ch);
    }
    return true;
}

// ap_strcasecmp_match: 0 on a match, 1 on a mismatch, -1 when the subject
// ran out (no later start can match either).
int strcasecmp_match(std::string_view str, std::string_view exp)
{
    std::size_t x = 0;
    for (std::size_t y = 0; y < exp.size(); ++y, ++x) {
        if (x >= str.size() && exp[y] != '*') {
            return -1;
        }
        if (exp[y] == '*') {
            while (y < exp.size() && exp[y] == '*') {
                ++y;
            }
            if (y == exp.size()) {
                return 0;
            }
            while (x < str.size()) {
                const int ret = strcasecmp_match(str.substr(x++), exp.substr(y));
                if (ret != 1) {
                    return ret;
                }
            }
            return -1;
        }
        if (exp[y] != '?' && lower(str[x]) != lower(exp[y])) {
            return 1;
        }
    }
    return x < str.size() ? 1 : 0;
}

}  // namespace

std::optional<HostName> fix_hostname(std::string_view text, HostSource source, bool strict,
                                     std::string& why)
{
    HostName out;
    if (text.empty()) {
        return out;  // a blank Host is allowed (RFC 2616)
    }
    std::size_t digits = 0;
    while (digits < text.size() && is_digit(text[digits])) {
        ++digits;
    }
    if (digits == text.size()) {
        if (strict) {
            why = "AH02416: [strict] purely numeric host names not allowed: " + std::string(text);
            return std::nullopt;
        }
        out.host = std::string(text);
        return out;
    }
    auto malformed = [&] {
        why = "AH00550: Client sent malformed Host header: " + std::string(text);
        return std::nullopt;
    };
    if (source == HostSource::Header) {
        const auto parsed = mod::core::parse_addr_port(text);
        if (!parsed || parsed->scope_id) {
            return malformed();
        }
        if (parsed->port != 0) {
            out.port = parsed->port;
        }
        out.host = parsed->host;
        out.v6_literal = text.front() == '[';
    } else {
        out.host = std::string(text);
        out.v6_literal = out.host.find(':') != std::string::npos;
    }
    if (out.v6_literal) {
        if (!fix_v6(out.host)) {
            return malformed();
        }
        return out;
    }
    if (!fix_non_v6(out.host)) {
        return malformed();
    }
    if (strict && !strict_check(out.host, why)) {
        // httpd logs AH02415, then AH00550 for the same host.
        return std::nullopt;
    }
    return out;
}

bool wildcard_match(std::string_view str, std::string_view pattern)
{
    return strcasecmp_match(str, pattern) == 0;
}

}  // namespace feather::runtime
