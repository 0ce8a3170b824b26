#include "modules/request/url_parts.hpp"

#include <strings.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace feather {

namespace {

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// strtol over the whole text: the value, and whether every byte was read.
bool parse_port(const std::string& text, long& value)
{
    char* end = nullptr;
    value = std::strtol(text.c_str(), &end, 10);
    return *end == '\0';
}

// The path, query and fragment after the authority (httpd's deal_with_path).
void read_path(std::string_view rest, UrlParts& u)
{
    const auto end = rest.find_first_of("?#");
    const std::string_view path = rest.substr(0, end);
    if (!path.empty()) {
        u.path = std::string(path);
    }
    if (end == std::string_view::npos) {
        return;
    }
    if (rest[end] == '?') {
        const std::string_view after = rest.substr(end + 1);
        const auto hash = after.find('#');
        if (hash != std::string_view::npos) {
            u.fragment = std::string(after.substr(hash + 1));
            u.query = std::string(after.substr(0, hash));
        } else {
            u.query = std::string(after);
        }
        return;
    }
    u.fragment = std::string(rest.substr(end + 1));
}

// host[:port] of an authority (after any userinfo). Returns false where APR
// returns an error.
bool read_host(std::string_view host, UrlParts& u)
{
    std::size_t offset1 = 0;
    std::size_t offset2 = 0;
    std::optional<std::size_t> colon;
    if (!host.empty() && host.front() == '[') {
        offset1 = 1;
        offset2 = 2;
        const auto close = host.find(']');
        if (close == std::string_view::npos) {
            return false;
        }
        if (close + 1 < host.size() && host[close + 1] == ':') {
            colon = close + 1;
        }
    } else if (const auto c = host.find(':'); c != std::string_view::npos) {
        colon = c;
    }
    if (!colon) {
        u.hostname = std::string(host.substr(offset1, host.size() - offset2));
        return true;
    }
    u.hostname = std::string(host.substr(offset1, *colon - offset2));
    u.port_str = std::string(host.substr(*colon + 1));
    if (u.port_str->empty()) {
        u.port = default_port_of_scheme(u.scheme.value_or(""));
        return true;
    }
    long port = 0;
    const bool whole = parse_port(*u.port_str, port);
    u.port = static_cast<std::uint16_t>(port);
    return whole;
}

}  // namespace

UrlParts parse_url(std::string_view uri)
{
    UrlParts u;
    std::string_view rest = uri;
    bool authority = false;
    if (!uri.empty() && uri.front() == '/') {
        // Two slashes (not three) start an authority (RFC 2396 4.3).
        if (uri.size() > 1 && uri[1] == '/' && (uri.size() == 2 || uri[2] != '/')) {
            rest = uri.substr(2);
            authority = true;
        }
    } else {
        std::size_t s = 0;
        if (!uri.empty() && is_alpha(uri[0])) {
            s = 1;
            while (s < uri.size() && (is_alpha(uri[s]) || is_digit(uri[s]) || uri[s] == '+' ||
                                      uri[s] == '-' || uri[s] == '.')) {
                ++s;
            }
        }
        if (s > 0 && s < uri.size() && uri[s] == ':') {
            u.scheme = std::string(uri.substr(0, s));
            ++s;
        } else {
            s = 0;
        }
        rest = uri.substr(s);
        if (rest.size() >= 2 && rest[0] == '/' && rest[1] == '/') {
            rest.remove_prefix(2);
            authority = true;
        } else if (s == 0) {
            // No scheme and no authority: a ':' before the first '/' is an
            // error (RFC 3986 3.3).
            const auto slash = uri.find('/');
            if (uri.substr(0, slash).find(':') != std::string_view::npos) {
                u.ok = false;
                return u;
            }
        }
    }
    if (authority) {
        const auto end = rest.find_first_of("/?#");
        const std::string_view hostinfo = rest.substr(0, end);
        u.hostinfo = std::string(hostinfo);
        std::string_view host = hostinfo;
        if (const auto at = hostinfo.rfind('@'); at != std::string_view::npos) {
            const std::string_view userinfo = hostinfo.substr(0, at);
            if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) {
                u.user = std::string(userinfo.substr(0, colon));
                u.password = std::string(userinfo.substr(colon + 1));
            } else {
                u.user = std::string(userinfo);
            }
            host = hostinfo.substr(at + 1);
        }
        if (!read_host(host, u)) {
            u.ok = false;
            return u;
        }
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    read_path(rest, u);
    return u;
}

UrlParts parse_hostinfo(std::string_view hostinfo)
{
    UrlParts u;
    u.hostinfo = std::string(hostinfo);
    std::string_view host = hostinfo;
    std::size_t colon = std::string_view::npos;
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos || close + 1 >= host.size() || host[close + 1] != ':') {
            u.ok = false;
            return u;
        }
        u.hostname = std::string(host.substr(1, close - 1));
        colon = close + 1;
    } else {
        colon = host.find(':');
        if (colon == std::string_view::npos) {
            u.ok = false;
            return u;
        }
        u.hostname = std::string(host.substr(0, colon));
    }
    u.port_str = std::string(host.substr(colon + 1));
    long port = 0;
    u.ok = !u.port_str->empty() && parse_port(*u.port_str, port);
    u.port = static_cast<std::uint16_t>(port);
    return u;
}

std::uint16_t default_port_of_scheme(std::string_view scheme)
{
    struct Known {
        const char* name;
        std::uint16_t port;
    };
    static constexpr Known kSchemes[] = {
        {"http", 80},  {"ftp", 21},    {"https", 443},   {"gopher", 70},   {"ldap", 389},
        {"nntp", 119}, {"snews", 563}, {"imap", 143},    {"pop", 110},     {"sip", 5060},
        {"rtsp", 554}, {"wais", 210},  {"z39.50r", 210}, {"z39.50s", 210}, {"prospero", 191},
        {"nfs", 2049}, {"tip", 3372},  {"acap", 674},    {"telnet", 23},   {"ssh", 22},
    };
    for (const Known& k : kSchemes) {
        if (scheme.size() == std::strlen(k.name) &&
            ::strncasecmp(scheme.data(), k.name, scheme.size()) == 0) {
            return k.port;
        }
    }
    return 0;
}

std::string unparse_url(const UrlParts& u, bool omit_query)
{
    std::string out;
    if (u.user || u.password) {
        out += u.user.value_or("");
        if (u.password) {
            out += ":XXXXXXXX";
        }
        out += '@';
    }
    if (u.hostname) {
        const bool v6 = u.hostname->find(':') != std::string::npos;
        const bool default_port =
            !u.port_str || u.port == 0 || u.port == default_port_of_scheme(u.scheme.value_or(""));
        std::string site = "//" + out + (v6 ? "[" : "") + *u.hostname + (v6 ? "]" : "");
        if (!default_port) {
            site += ":" + *u.port_str;
        }
        out = std::move(site);
    }
    if (u.scheme) {
        out = *u.scheme + ":" + out;
    }
    out += u.path.value_or("");
    if (!omit_query) {
        if (u.query) {
            out += "?" + *u.query;
        }
        if (u.fragment) {
            out += "#" + *u.fragment;
        }
    }
    return out;
}

bool is_url(std::string_view s)
{
    std::size_t x = 0;
    for (; x < s.size() && s[x] != ':'; ++x) {
        const char c = s[x];
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') {
            return false;
        }
    }
    return x > 0 && x < s.size();
}

std::string escape_path(std::string_view path)
{
    static constexpr char kHex[] = "0123456789abcdef";
    static constexpr std::string_view kSafe = "$-_.+!*'(),:;@&=/~";
    std::string out;
    out.reserve(path.size());
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || (c != 0 && kSafe.find(ch) != std::string_view::npos)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xf]);
        }
    }
    return out;
}

}  // namespace feather
