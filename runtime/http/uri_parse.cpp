// ap_parse_uri over APR-util 1.6's apr_uri_parse and apr_uri_parse_hostinfo.

#include <cstdlib>

#include "modules/core/methods.hpp"
#include "runtime/http/uri.hpp"

namespace feather::runtime {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// apr_uri_port_of_scheme for the schemes APR knows (0 for others).
int default_port_of(const std::optional<std::string>& scheme)
{
    if (!scheme) {
        return 0;
    }
    struct Entry {
        const char* name;
        int port;
    };
    static constexpr Entry kPorts[] = {
        {"http", 80},  {"ftp", 21},    {"https", 443},   {"gopher", 70},   {"ldap", 389},
        {"nntp", 119}, {"snews", 563}, {"imap", 143},    {"pop", 110},     {"sip", 5060},
        {"rtsp", 554}, {"wais", 210},  {"z39.50r", 210}, {"z39.50s", 210}, {"prospero", 191},
        {"nfs", 2049}, {"tip", 3372},  {"acap", 674},    {"telnet", 23},   {"ssh", 22},
    };
    for (const auto& e : kPorts) {
        if (iequal(*scheme, e.name)) {
            return e.port;
        }
    }
    return 0;
}

// The host[:port] part of an authority; `host_info` is what sits between
// "//" (or the user info's '@') and the path.
bool parse_host_port(std::string_view host_info, UriParts& out)
{
    std::size_t v6_lead = 0;
    std::size_t v6_trail = 0;
    std::size_t colon = std::string_view::npos;
    if (!host_info.empty() && host_info.front() == '[') {
        v6_lead = 1;
        v6_trail = 2;
        const auto close = host_info.find(']');
        if (close == std::string_view::npos) {
            return false;
        }
        if (close + 1 < host_info.size() && host_info[close + 1] == ':') {
            colon = close + 1;
        }
    } else {
        colon = host_info.find(':');
    }
    if (colon == std::string_view::npos) {
        const std::size_t len = host_info.size() >= v6_trail ? host_info.size() - v6_trail : 0;
        out.hostname = std::string(host_info.substr(v6_lead, len));
        return true;
    }
    const std::size_t len = colon >= v6_trail ? colon - v6_trail : 0;
    out.hostname = std::string(host_info.substr(v6_lead, len));
    out.port_str = std::string(host_info.substr(colon + 1));
    if (out.port_str->empty()) {
        out.port = default_port_of(out.scheme);
        return true;
    }
    // strtol: leading blanks and a sign are taken; anything after the
    // digits is an error.
    char* end = nullptr;
    out.port = static_cast<unsigned short>(std::strtol(out.port_str->c_str(), &end, 10));
    return *end == '\0';
}

// The path, query and fragment from `s` on (apr_uri_parse's deal_with_path).
void parse_path(std::string_view s, UriParts& out)
{
    const auto stop = s.find_first_of("?#");
    if (stop != 0 && !s.empty()) {
        out.path = std::string(s.substr(0, stop));
    }
    if (stop == std::string_view::npos) {
        return;
    }
    if (s[stop] == '?') {
        const std::string_view rest = s.substr(stop + 1);
        const auto hash = rest.find('#');
        if (hash != std::string_view::npos) {
            out.fragment = std::string(rest.substr(hash + 1));
            out.query = std::string(rest.substr(0, hash));
        } else {
            out.query = std::string(rest);
        }
        return;
    }
    out.fragment = std::string(s.substr(stop + 1));
}

}  // namespace

std::optional<UriParts> split_uri(std::string_view uri)
{
    uri = uri.substr(0, uri.find('\0'));
    UriParts out;
    std::string_view rest;
    if (!uri.empty() && uri.front() == '/') {
        // Two leading slashes (not three) start an authority (RFC 3986).
        if (uri.size() > 1 && uri[1] == '/' && (uri.size() == 2 || uri[2] != '/')) {
            rest = uri.substr(2);
        } else {
            parse_path(uri, out);
            return out;
        }
    } else {
        // The scheme: a letter, then letters, digits, '+', '-', '.'.
        std::size_t s = 0;
        if (!uri.empty() && is_alpha(uri[0])) {
            ++s;
            while (s < uri.size() && (is_alpha(uri[s]) || (uri[s] >= '0' && uri[s] <= '9') ||
                                      uri[s] == '+' || uri[s] == '-' || uri[s] == '.')) {
                ++s;
            }
        }
        if (s != 0 && s < uri.size() && uri[s] == ':') {
            out.scheme = std::string(uri.substr(0, s));
            ++s;
        } else {
            s = 0;
        }
        if (uri.substr(s, 2) != "//") {
            if (s == 0) {
                // No scheme, no authority: a ':' before the first '/' (or
                // anywhere, without a '/') is an error.
                const auto slash = uri.find('/');
                if (uri.substr(0, slash).find(':') != std::string_view::npos) {
                    return std::nullopt;
                }
            }
            parse_path(uri.substr(s), out);
            return out;
        }
        rest = uri.substr(s + 2);
    }
    // deal_with_authority
    const auto end = rest.find_first_of("/?#");
    std::string_view host_info = rest.substr(0, end);
    out.hostinfo = std::string(host_info);
    const std::string_view after =
        end == std::string_view::npos ? std::string_view() : rest.substr(end);
    if (const auto at_sign = host_info.rfind('@'); at_sign != std::string_view::npos) {
        const std::string_view user_info = host_info.substr(0, at_sign);
        if (const auto colon = user_info.find(':'); colon != std::string_view::npos) {
            out.user = std::string(user_info.substr(0, colon));
            out.password = std::string(user_info.substr(colon + 1));
        } else {
            out.user = std::string(user_info);
        }
        host_info = host_info.substr(at_sign + 1);
    }
    if (!parse_host_port(host_info, out)) {
        return std::nullopt;
    }
    parse_path(after, out);
    return out;
}

std::optional<UriParts> split_hostinfo(std::string_view hostinfo)
{
    hostinfo = hostinfo.substr(0, hostinfo.find('\0'));
    UriParts out;
    out.hostinfo = std::string(hostinfo);
    std::size_t colon;
    if (!hostinfo.empty() && hostinfo.front() == '[') {
        const auto close = hostinfo.find(']');
        if (close == std::string_view::npos || close + 1 >= hostinfo.size() ||
            hostinfo[close + 1] != ':') {
            return std::nullopt;
        }
        colon = close + 1;
        out.hostname = std::string(hostinfo.substr(1, close - 1));
    } else {
        colon = hostinfo.find(':');
        if (colon == std::string_view::npos) {
            return std::nullopt;
        }
        out.hostname = std::string(hostinfo.substr(0, colon));
    }
    out.port_str = std::string(hostinfo.substr(colon + 1));
    if (out.port_str->empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    out.port =
        static_cast<int>(static_cast<unsigned short>(std::strtol(out.port_str->c_str(), &end, 10)));
    if (*end != '\0') {
        return std::nullopt;
    }
    return out;
}

int parse_request_target(Request& r, std::string_view target, UriParts* parsed)
{
    r.unparsed_uri = std::string(target);
    // Not a URI but a path: a leading "//" must not read as an authority.
    while (target.size() > 1 && target[0] == '/' && target[1] == '/') {
        target.remove_prefix(1);
    }
    const bool connect = r.method_number == mod::core::kMethodConnect;
    auto uri = connect ? split_hostinfo(target) : split_uri(target);
    if (!uri) {
        r.args.clear();
        r.hostname.clear();
        r.uri = std::string(target.substr(0, target.find('\0')));
        if (parsed != nullptr) {
            *parsed = UriParts{};
        }
        return 400;
    }
    // Feather speaks plain HTTP only: ap_http_scheme(r) is "http".
    if ((uri->scheme && iequal(*uri->scheme, "http")) || connect) {
        r.hostname = uri->hostname.value_or(std::string());
    }
    r.args = uri->query.value_or(std::string());
    if (uri->path) {
        r.uri = *uri->path;
    } else if (r.method_number == mod::core::kMethodOptions) {
        r.uri = "*";
    } else {
        r.uri = "/";
    }
    if (parsed != nullptr) {
        *parsed = std::move(*uri);
    }
    return 0;
}

}  // namespace feather::runtime
