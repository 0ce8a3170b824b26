#include "runtime/http/request_target.hpp"

#include <cstdlib>
#include <cstring>

namespace feather::runtime {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool scheme_char(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; }

}  // namespace

std::optional<ParsedUri> parse_uri(std::string_view uri_in)
{
    ParsedUri u;
    const std::string buf(uri_in.substr(0, uri_in.find('\0')));
    const char* uri = buf.c_str();
    const char* s = nullptr;

    auto path_part = [&](const char* from) {
        s = from;
        while (*s != '\0' && *s != '?' && *s != '#') {
            ++s;
        }
        if (s != from) {
            u.path = std::string(from, s);
        }
        if (*s == '\0') {
            return;
        }
        if (*s == '?') {
            ++s;
            if (const char* hash = std::strchr(s, '#')) {
                u.fragment = std::string(hash + 1);
                u.query = std::string(s, hash);
            } else {
                u.query = std::string(s);
            }
            return;
        }
        u.fragment = std::string(s + 1);
    };

    const char* hostinfo = nullptr;
    if (uri[0] == '/') {
        if (uri[1] == '/' && uri[2] != '/') {
            hostinfo = uri + 2;
        } else {
            path_part(uri);
            return u;
        }
    } else {
        s = uri;
        if (!is_alpha(*s)) {
            path_part(uri);
            return u;
        }
        ++s;
        while (scheme_char(*s)) {
            ++s;
        }
        if (*s != ':') {
            path_part(uri);
            return u;
        }
        u.scheme = std::string(uri, s);
        if (s[1] != '/' || s[2] != '/') {
            path_part(s + 1);
            return u;
        }
        hostinfo = s + 3;
    }

    // The authority: [user[:password]@]host[:port]
    s = hostinfo;
    while (*s != '\0' && *s != '/' && *s != '?' && *s != '#') {
        ++s;
    }
    const char* rest = s;
    const char* at = nullptr;
    for (const char* q = rest; q > hostinfo;) {
        --q;
        if (*q == '@') {
            at = q;
            break;
        }
    }
    if (at != nullptr) {
        const char* colon = static_cast<const char*>(std::memchr(hostinfo, ':', at - hostinfo));
        if (colon != nullptr) {
            u.user = std::string(hostinfo, colon);
            u.password = std::string(colon + 1, at);
        } else {
            u.user = std::string(hostinfo, at);
        }
        hostinfo = at + 1;
    }
    const char* port = nullptr;
    int v6 = 0;
    if (*hostinfo == '[') {
        v6 = 1;
        const char* close = static_cast<const char*>(std::memchr(hostinfo, ']', rest - hostinfo));
        if (close == nullptr) {
            return std::nullopt;
        }
        port = close + 1 < rest && close[1] == ':' ? close + 1 : nullptr;
        u.hostname = std::string(hostinfo + 1, port != nullptr ? port - 1 : rest - 1);
    } else {
        port = static_cast<const char*>(std::memchr(hostinfo, ':', rest - hostinfo));
        u.hostname = std::string(hostinfo, port != nullptr ? port : rest);
    }
    (void)v6;
    if (port != nullptr) {
        ++port;
        u.port = std::string(port, rest);
        if (port != rest) {
            char* end = nullptr;
            const std::string digits(port, rest);
            std::strtol(digits.c_str(), &end, 10);
            if (*end != '\0') {
                return std::nullopt;
            }
        }
    }
    path_part(rest);
    return u;
}

// apr_uri_parse_hostinfo: CONNECT's "host:port" (or "[v6]:port"); the port
// must be a number.
bool parse_hostinfo(std::string_view t, std::string& host, std::string& port)
{
    std::size_t colon = std::string_view::npos;
    std::size_t host_from = 0;
    std::size_t host_len = 0;
    if (!t.empty() && t.front() == '[') {
        const auto close = t.find(']');
        if (close == std::string_view::npos || close + 1 >= t.size() || t[close + 1] != ':') {
            return false;
        }
        colon = close + 1;
        host_from = 1;
        host_len = close - 1;
    } else {
        colon = t.find(':');
        if (colon == std::string_view::npos) {
            return false;
        }
        host_len = colon;
    }
    port = std::string(t.substr(colon + 1));
    if (port.empty()) {
        return false;
    }
    char* end = nullptr;
    std::strtol(port.c_str(), &end, 10);
    if (*end != '\0') {
        return false;
    }
    host = std::string(t.substr(host_from, host_len));
    return true;
}

}  // namespace feather::runtime
