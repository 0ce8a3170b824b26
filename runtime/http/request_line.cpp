#include "runtime/http/request_line.hpp"

#include "runtime/http/request_target.hpp"

#include <cstdlib>
#include <cstring>

#include "modules/core/methods.hpp"

namespace feather::runtime {

namespace {

// C isspace: httpd's apr_isspace.
bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// RFC 7230 tchar (ap_scan_http_token).
bool is_tchar(unsigned char c)
{
    return is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)) ||
           (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}
// VCHAR or obs-text (ap_scan_vchar_obstext).
bool is_vchar_obstext(unsigned char c) { return (c > 0x20 && c < 0x7f) || c >= 0x80; }

const char* scan_token(const char* p)
{
    while (is_tchar(static_cast<unsigned char>(*p))) {
        ++p;
    }
    return p;
}
const char* scan_vchar(const char* p)
{
    while (is_vchar_obstext(static_cast<unsigned char>(*p))) {
        ++p;
    }
    return p;
}
// strpbrk(p, "\t\n\v\f\r ")
const char* find_space(const char* p)
{
    while (*p != '\0' && !is_space(*p)) {
        ++p;
    }
    return *p == '\0' ? nullptr : p;
}

enum class Deferred {
    None,
    BadMethod,
    BadWhitespace,
    ExcessWhitespace,
    MissingUri,
    BadUri,
    BadProtocol,
    TrailingText,
    BadMethod09,
    Reject09
};

// ap_parse_uri after the request line: fills uri, args and hostname.
// Returns false when the target does not parse (r.status 400 in httpd).
bool apply_target(Request& r, std::string_view target, ParsedUri& parsed, RequestLine& out)
{
    r.unparsed_uri = std::string(target);
    // A path, not an authority: "//x" is "/x" (httpd bug 31875).
    while (target.size() >= 2 && target[0] == '/' && target[1] == '/') {
        target.remove_prefix(1);
    }
    if (r.method_number == mod::core::kMethodConnect) {
        std::string host;
        std::string port;
        if (!parse_hostinfo(target, host, port)) {
            r.args.clear();
            r.hostname.clear();
            r.uri = std::string(target);
            return false;
        }
        r.hostname = host;
        out.uri_names_host = true;
        out.uri_port = port;
        r.args.clear();
        r.uri = "/";
        return true;
    }
    const auto p = parse_uri(target);
    if (!p) {
        r.args.clear();
        r.hostname.clear();
        r.uri = std::string(target);
        return false;
    }
    parsed = *p;
    out.scheme = parsed.scheme;
    if (parsed.scheme && iequal(*parsed.scheme, "http")) {
        r.hostname = parsed.hostname.value_or("");
        out.uri_names_host = true;
        out.uri_port = parsed.port;
    }
    r.args = parsed.query.value_or("");
    if (parsed.path) {
        r.uri = *parsed.path;
    } else if (r.method_number == mod::core::kMethodOptions) {
        r.uri = "*";
    } else {
        r.uri = "/";
    }
    return true;
}

}  // namespace

RequestLine parse_request_line(std::string_view line_in, const RequestLineRules& rules, Request& r)
{
    RequestLine out;
    // httpd works on the NUL-terminated line in place; so do we, on a copy.
    std::string buf(line_in.substr(0, line_in.find('\0')));
    char* line = buf.data();
    const bool strict = rules.strict;
    Deferred deferred = Deferred::None;

    char* method = line;
    if (is_space(*method)) {
        deferred = Deferred::BadWhitespace;
        while (is_space(*method)) {
            ++method;
        }
    }
    char* ll = const_cast<char*>(strict ? scan_token(method) : scan_vchar(method));
    if ((ll == method || (*ll != '\0' && !is_space(*ll))) && deferred == Deferred::None) {
        deferred = Deferred::BadMethod;
        ll = const_cast<char*>(find_space(ll));
    }

    const char* uri = "";
    const char* protocol = "";
    std::size_t proto_len = 0;
    char* after_proto = nullptr;
    if (ll == nullptr) {
        if (deferred == Deferred::None) {
            deferred = Deferred::MissingUri;
        }
    } else {
        if (strict && ll[0] != '\0' && is_space(ll[1]) && deferred == Deferred::None) {
            deferred = Deferred::ExcessWhitespace;
        }
        char* u = ll;
        for (; is_space(*u); ++u) {
            if (*u != ' ' && deferred == Deferred::None) {
                deferred = Deferred::BadWhitespace;
            }
        }
        *ll = '\0';
        uri = u;
        if (*u == '\0' && deferred == Deferred::None) {
            deferred = Deferred::MissingUri;
        }
        ll = const_cast<char*>(scan_vchar(u));
        if (ll == u || (*ll != '\0' && !is_space(*ll))) {
            deferred = Deferred::BadUri;
            ll = const_cast<char*>(find_space(ll));
        }
        if (ll != nullptr) {
            if (strict && ll[0] != '\0' && is_space(ll[1]) && deferred == Deferred::None) {
                deferred = Deferred::ExcessWhitespace;
            }
            char* p = ll;
            for (; is_space(*p); ++p) {
                if (*p != ' ' && deferred == Deferred::None) {
                    deferred = Deferred::BadWhitespace;
                }
            }
            *ll = '\0';
            protocol = p;
            char* pe = const_cast<char*>(scan_vchar(p));
            proto_len = static_cast<std::size_t>(pe - p);
            if (*pe != '\0' && !is_space(*pe)) {
                deferred = Deferred::BadProtocol;
            } else if (strict && *pe != '\0') {
                deferred = Deferred::ExcessWhitespace;
            } else {
                after_proto = pe;
                for (; is_space(*after_proto); ++after_proto) {
                    if (*after_proto != ' ' && deferred == Deferred::None) {
                        deferred = Deferred::BadWhitespace;
                    }
                }
                if (*after_proto != '\0' && deferred == Deferred::None) {
                    deferred = Deferred::TrailingText;
                }
            }
            pe[0] = '\0';
        }
    }

    r.method = method;
    r.the_request = r.method;
    if (*uri != '\0') {
        r.the_request += ' ';
        r.the_request += uri;
    }
    std::string proto(protocol, proto_len == 0 ? std::strlen(protocol) : proto_len);
    if (!proto.empty()) {
        r.the_request += ' ';
        r.the_request += proto;
    }

    const bool shape = proto.size() == 8 && proto[4] == '/' && is_digit(proto[5]) &&
                       proto[6] == '.' && is_digit(proto[7]) && proto[5] != '0';
    auto ci = [&](std::size_t i, char upper) {
        return proto[i] == upper || proto[i] == upper - 'A' + 'a';
    };
    if (shape && proto.compare(0, 4, "HTTP") == 0) {
        r.assbackwards = false;
        r.proto_num = (proto[5] - '0') * 1000 + (proto[7] - '0');
    } else if (shape && ci(0, 'H') && ci(1, 'T') && ci(2, 'T') && ci(3, 'P')) {
        r.assbackwards = false;
        r.proto_num = (proto[5] - '0') * 1000 + (proto[7] - '0');
        if (strict && deferred == Deferred::None) {
            deferred = Deferred::BadProtocol;
        } else {
            proto.replace(0, 4, "HTTP");
        }
    } else if (!proto.empty()) {
        r.assbackwards = false;
        r.proto_num = 9;
        if (deferred == Deferred::None) {
            deferred = Deferred::BadProtocol;
        }
    } else {
        r.assbackwards = true;
        proto = "HTTP/0.9";
        r.proto_num = 9;
    }
    r.protocol = proto;

    r.method_number = mod::core::method_number_of(rules.registered, r.method);
    r.header_only =
        r.method_number == mod::core::kMethodGet && !r.method.empty() && r.method[0] == 'H';

    ParsedUri parsed;
    int status = 0;
    if (!apply_target(r, uri, parsed, out)) {
        status = 400;
    } else if (parsed.path && (*parsed.path)[0] != '/' &&
               (r.method_number != mod::core::kMethodOptions || *parsed.path != "*")) {
        status = 400;  // RFC 7230 5.3: an invalid request-target
    }

    if (r.proto_num == 9 && deferred == Deferred::None) {
        if (!rules.allow_09) {
            deferred = Deferred::Reject09;
        } else if (strict && (r.method_number != mod::core::kMethodGet || r.header_only)) {
            deferred = Deferred::BadMethod09;
        }
    }

    auto failed = [&](int code) {
        if (r.proto_num == 9) {
            // Only a flawless simple request is answered as HTTP/0.9.
            r.assbackwards = false;
            r.proto_num = 1000;
            r.protocol = "HTTP/1.0";
        }
        out.status = code;
        return out;
    };
    if (deferred != Deferred::None) {
        return failed(400);
    }
    if (rules.registered_methods && r.method_number == mod::core::kMethodInvalid) {
        out.status = 501;  // (an HTTP/0.9 request is a GET here)
        return out;
    }
    if (status != 0) {
        return failed(status);
    }
    if (strict && (parsed.fragment || parsed.user || parsed.password)) {
        return failed(400);
    }
    return out;
}

bool scheme_allowed(const RequestLine& line)
{
    return !line.scheme || iequal(*line.scheme, "http") || iequal(*line.scheme, "https");
}

}  // namespace feather::runtime
