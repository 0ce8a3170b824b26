#include "runtime/http/request_checks.hpp"

#include <arpa/inet.h>

#include <cstdlib>

namespace feather::runtime {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_xdigit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// apr_parse_addr_port: host, port and scope id of "host[:port]".
bool parse_addr_port(std::string_view s, std::string& host, std::optional<std::string>& port,
                     bool& scope)
{
    scope = false;
    std::size_t end = s.size();
    std::size_t i = end;
    while (i > 0 && is_digit(s[i - 1])) {
        --i;
    }
    if (i == 0) {
        return false;  // all digits: a port alone (the caller handled pure numbers)
    }
    if (s[i - 1] == ':' && i < end) {
        if (i - 1 == 0) {
            return false;
        }
        const long p = std::strtol(std::string(s.substr(i)).c_str(), nullptr, 10);
        if (p < 1 || p > 65535) {
            return false;
        }
        port = std::string(s.substr(i));
        end = i - 1;
    }
    const std::string_view addr = s.substr(0, end);
    if (!addr.empty() && addr.front() == '[') {
        const auto close = addr.find(']');
        if (close != addr.size() - 1) {
            return false;
        }
        std::string_view inner = addr.substr(1, close - 1);
        if (const auto pct = inner.find('%'); pct != std::string_view::npos) {
            if (pct + 1 == inner.size()) {
                return false;
            }
            scope = true;
            inner = inner.substr(0, pct);
        }
        in6_addr a{};
        if (::inet_pton(AF_INET6, std::string(inner).c_str(), &a) != 1) {
            return false;
        }
        host = std::string(inner);
        return true;
    }
    host = std::string(addr);
    return true;
}

bool fix_v6(std::string& host)
{
    bool double_colon = false;
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        const char next = i + 1 < host.size() ? host[i + 1] : '\0';
        if (is_xdigit(c)) {
            host[i] = lower(c);
        } else if (c == ':') {
            if (next == ':') {
                if (double_colon) {
                    return false;
                }
                double_colon = true;
            } else if (next == '.') {
                return false;
            }
        } else if (c == '.') {
            if (next == ':' || next == '.') {
                return false;
            }
        } else {
            return false;
        }
    }
    return true;
}

bool fix_non_v6(std::string& host)
{
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (c == '.' && i + 1 < host.size() && host[i + 1] == '.') {
            return false;
        }
        if (c == '/' || c == '\\') {
            return false;
        }
        host[i] = lower(c);
    }
    if (!host.empty() && host.back() == '.') {
        host.pop_back();
    }
    return true;
}

// strict_hostname_check: letters, digits, '-', '_' and dots; a dotted quad
// of four numbers without leading zeros, or a name whose last label starts
// with a letter. Commas (two Host headers merged) fail here.
bool strict_host(const std::string& host)
{
    bool dotted_decimal = true;
    bool leading_zeroes = false;
    int dots = 0;
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (is_alpha(c) || c == '-' || c == '_') {
            dotted_decimal = false;
        } else if (c == '.') {
            ++dots;
            if (i + 2 < host.size() && host[i + 1] == '0' && is_digit(host[i + 2])) {
                leading_zeroes = true;
            }
        } else if (!is_digit(c)) {
            return false;
        }
    }
    if (dotted_decimal) {
        if (!host.empty() &&
            (host[0] == '.' || (host[0] == '0' && host.size() > 1 && is_digit(host[1])))) {
            leading_zeroes = true;
        }
        return !leading_zeroes && dots == 3;
    }
    const auto dot = host.rfind('.');
    if (dot != std::string::npos && dot + 1 < host.size() && !is_alpha(host[dot + 1])) {
        return false;
    }
    return true;
}

}  // namespace

HostName fix_hostname(std::string_view src, bool from_header, bool strict)
{
    HostName h;
    h.present = true;
    if (src.empty()) {
        h.present = !from_header;  // a blank Host leaves r->hostname unset
        return h;
    }
    std::size_t digits = 0;
    while (digits < src.size() && is_digit(src[digits])) {
        ++digits;
    }
    if (digits == src.size()) {
        // A pure number would read as a port; Strict refuses it (RFC 3986 7.4).
        h.ok = !strict;
        h.name = std::string(src);
        return h;
    }
    std::string host;
    if (from_header) {
        bool scope = false;
        if (!parse_addr_port(src, host, h.port, scope) || scope) {
            h.ok = false;
            return h;
        }
        h.v6_literal = src.front() == '[';
    } else {
        host = std::string(src);
        h.v6_literal = host.find(':') != std::string::npos;
    }
    bool good = h.v6_literal ? fix_v6(host) : fix_non_v6(host);
    if (good && !h.v6_literal && strict) {
        good = strict_host(host);
    }
    h.ok = good;
    h.name = host;
    return h;
}

HostCheck fix_request_host(Request& r, const RequestLine& line, bool strict)
{
    HostCheck out;
    const auto host_header = r.headers_in.get("Host");
    if (line.uri_names_host) {
        const HostName h = fix_hostname(r.hostname, false, strict);
        out.present = true;
        if (line.uri_port) {
            // apr_uri_parse: an empty port is the scheme's.
            r.port =
                line.uri_port->empty()
                    ? std::uint16_t{80}
                    : static_cast<std::uint16_t>(std::strtol(line.uri_port->c_str(), nullptr, 10));
        }
        if (h.ok) {
            r.hostname = h.name;
        } else {
            out.status = 400;
        }
        if (strict && host_header) {
            // RFC 7230 5.4: the request line's host replaces a Host header.
            std::string repl = h.v6_literal ? "[" + r.hostname + "]" : r.hostname;
            if (line.uri_port) {
                repl += ":" + *line.uri_port;
            }
            r.headers_in.set("Host", repl);
        }
        return out;
    }
    r.hostname.clear();
    if (host_header) {
        const HostName h = fix_hostname(*host_header, true, strict);
        if (!h.ok) {
            out.status = 400;
            return out;
        }
        out.present = h.present;
        if (h.present) {
            r.hostname = h.name;
        }
        if (h.port) {
            r.port = static_cast<std::uint16_t>(std::strtol(h.port->c_str(), nullptr, 10));
        }
    }
    return out;
}

int check_host_and_expect(Request& r, bool host_present)
{
    if ((!host_present && r.proto_num >= 1001) ||
        (r.proto_num == 1001 && !r.headers_in.has("Host"))) {
        return 400;  // AH00569: HTTP/1.1 without a host (RFC 7230 5.4)
    }
    if (const auto expect = r.headers_in.get("Expect"); expect && !expect->empty()) {
        if (!iequal(*expect, "100-continue")) {
            return 417;  // AH00570
        }
        r.expecting_100 = true;
    }
    return 0;
}

}  // namespace feather::runtime
