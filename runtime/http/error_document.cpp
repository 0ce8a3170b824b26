#include "runtime/http/error_document.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "modules/config_sets.hpp"
#include "runtime/build_info.hpp"
#include "runtime/http/response_writer.hpp"
#include "modules/request/server_url.hpp"

namespace feather::runtime {

namespace {

using mod::core::StringExprPart;

std::string header_or_empty(const Headers& h, std::string_view name)
{
    const auto v = h.get(name);
    return v ? std::string(*v) : std::string();
}

std::string two(int v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string time_var(std::string_view name, const Request& r)
{
    const std::time_t now = static_cast<std::time_t>(r.request_time_us / 1000000);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    if (name == "TIME_YEAR") {
        return two(tm.tm_year / 100 + 19) + two(tm.tm_year % 100);
    }
    if (name == "TIME_MON") {
        return two(tm.tm_mon + 1);
    }
    if (name == "TIME_DAY") {
        return two(tm.tm_mday);
    }
    if (name == "TIME_HOUR") {
        return two(tm.tm_hour);
    }
    if (name == "TIME_MIN") {
        return two(tm.tm_min);
    }
    if (name == "TIME_SEC") {
        return two(tm.tm_sec);
    }
    if (name == "TIME_WDAY") {
        return std::to_string(tm.tm_wday);
    }
    return two(tm.tm_year / 100 + 19) + two(tm.tm_year % 100) + two(tm.tm_mon + 1) +
           two(tm.tm_mday) + two(tm.tm_hour) + two(tm.tm_min) + two(tm.tm_sec);
}

std::string variable(std::string_view name, const Request& r)
{
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    if (name.substr(0, 5) == "TIME_" || name == "TIME") {
        return time_var(name, r);
    }
    if (name == "SERVER_SOFTWARE") {
        const auto& main = get<mod::core::CoreServerConfig>(*r.config->main_server().modules);
        return server_banner(main.server_tokens.get_or(mod::core::ServerTokens::Full));
    }
    if (name == "API_VERSION") {
        return "20120211";
    }
    static constexpr std::pair<std::string_view, std::string_view> kHeaderVars[] = {
        {"HTTP_USER_AGENT", "User-Agent"}, {"HTTP_PROXY_CONNECTION", "Proxy-Connection"},
        {"HTTP_REFERER", "Referer"},       {"HTTP_COOKIE", "Cookie"},
        {"HTTP_FORWARDED", "Forwarded"},   {"HTTP_HOST", "Host"},
        {"HTTP_ACCEPT", "Accept"},
    };
    for (const auto& [var, header] : kHeaderVars) {
        if (name == var) {
            return header_or_empty(r.headers_in, header);
        }
    }
    if (name == "REQUEST_METHOD") {
        return r.method;
    }
    if (name == "REQUEST_SCHEME") {
        return "http";
    }
    if (name == "REQUEST_URI") {
        return r.uri;
    }
    if (name == "REQUEST_FILENAME" || name == "SCRIPT_FILENAME") {
        return r.filename;
    }
    if (name == "REMOTE_HOST" || name == "REMOTE_ADDR" || name == "CONN_REMOTE_ADDR") {
        return r.connection != nullptr ? r.connection->client_ip : std::string();
    }
    if (name == "REMOTE_PORT") {
        return r.connection != nullptr ? std::to_string(r.connection->client_port) : std::string();
    }
    if (name == "REMOTE_USER") {
        return r.user;
    }
    if (name == "SERVER_ADMIN") {
        return core.server_admin.get_or(mod::core::kDefaultServerAdmin);
    }
    if (name == "SERVER_NAME") {
        return server_name(r);
    }
    if (name == "SERVER_PORT") {
        return std::to_string(server_port(r));
    }
    if (name == "SERVER_PROTOCOL") {
        return r.protocol;
    }
    if (name == "PATH_INFO") {
        return r.path_info;
    }
    if (name == "QUERY_STRING") {
        return r.args;
    }
    if (name == "IS_SUBREQ") {
        return r.main != nullptr ? "true" : "false";
    }
    if (name == "DOCUMENT_ROOT" || name == "CONTEXT_DOCUMENT_ROOT") {
        return core.document_root.get_or("/usr/local/apache2/htdocs");
    }
    if (name == "AUTH_TYPE") {
        return r.ap_auth_type;
    }
    if (name == "THE_REQUEST") {
        return r.the_request;
    }
    if (name == "CONTENT_TYPE") {
        return r.content_type;
    }
    if (name == "HANDLER") {
        return r.handler;
    }
    if (name == "DOCUMENT_URI") {
        const auto v = r.subprocess_env.get("DOCUMENT_URI");
        return v ? std::string(*v) : r.uri;
    }
    if (name == "REQUEST_STATUS") {
        return r.status != 0 ? std::to_string(r.status) : std::string();
    }
    if (name == "HTTPS") {
        return "off";
    }
    if (name == "IPV6") {
        return r.connection != nullptr && r.connection->client_ip.find(':') != std::string::npos
                   ? "on"
                   : "off";
    }
    return {};  // REMOTE_IDENT, SCRIPT_USER, REQUEST_LOG_ID ... have no value here
}

std::string evaluate_parts(const std::vector<StringExprPart>& parts, const Request& r);

std::string url_escape(std::string_view s)
{
    // ap_escape_uri: what is not a path character is %-escaped.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = std::isalnum(u) ||
                          std::string_view("$-_.+!*'(),:@&=~/").find(c) != std::string_view::npos;
        if (keep) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 15]);
        }
    }
    return out;
}

std::string function(const StringExprPart& part, const Request& r)
{
    const std::string arg = evaluate_parts(part.arg, r);
    std::string name = part.text;
    for (char& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (name == "req" || name == "http" || name == "req_novary") {
        return header_or_empty(r.headers_in, arg);
    }
    if (name == "resp") {
        return header_or_empty(r.headers_out, arg);
    }
    if (name == "reqenv") {
        return header_or_empty(r.subprocess_env, arg);
    }
    if (name == "env") {
        const auto v = r.notes.get(arg);
        if (v) {
            return std::string(*v);
        }
        if (const auto e = r.subprocess_env.get(arg)) {
            return std::string(*e);
        }
        const char* os = std::getenv(arg.c_str());
        return os != nullptr ? os : "";
    }
    if (name == "osenv") {
        const char* os = std::getenv(arg.c_str());
        return os != nullptr ? os : "";
    }
    if (name == "note") {
        return header_or_empty(r.notes, arg);
    }
    if (name == "tolower" || name == "toupper") {
        std::string out = arg;
        for (char& c : out) {
            c = static_cast<char>(name == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                    : std::toupper(static_cast<unsigned char>(c)));
        }
        return out;
    }
    if (name == "escape") {
        return url_escape(arg);
    }
    return arg;
}

std::string evaluate_parts(const std::vector<StringExprPart>& parts, const Request& r)
{
    std::string out;
    for (const auto& p : parts) {
        switch (p.kind) {
        case StringExprPart::Kind::Literal: out += p.text; break;
        case StringExprPart::Kind::Variable: out += variable(p.text, r); break;
        case StringExprPart::Kind::Function: out += function(p, r); break;
        case StringExprPart::Kind::Backref: break;  // no regex has matched here
        }
    }
    return out;
}

}  // namespace

std::string evaluate_string_expr(const mod::core::StringExpr& expr, const Request& r)
{
    if (expr.is_literal()) {
        return expr.literal_text();
    }
    return evaluate_parts(expr.parts, r);
}

std::optional<std::string> error_document_for(const Request& r, int status)
{
    if (!r.per_dir) {
        return std::nullopt;
    }
    const auto& docs = get<mod::core::CoreDirConfig>(*r.per_dir).error_documents;
    const auto it = docs.find(status);
    if (it == docs.end() || it->second.kind == mod::core::ErrorDocument::Kind::Default) {
        return std::nullopt;
    }
    return evaluate_string_expr(it->second.expr, r);
}

}  // namespace feather::runtime
