#include "modules/alias/alias_expr.hpp"

#include <algorithm>
#include <cctype>

#include "modules/config_sets.hpp"
#include "modules/core/string_expr.hpp"
#include "modules/request/server_url.hpp"

namespace feather::mod::alias {

namespace {

using core::StringExprPart;

std::optional<std::string> variable(const Request& r, std::string_view name)
{
    auto header = [&](std::string_view h) { return std::string(r.headers_in.get(h).value_or("")); };
    if (name == "REQUEST_URI") {
        return r.uri;
    }
    if (name == "REQUEST_FILENAME" || name == "SCRIPT_FILENAME") {
        return r.filename;
    }
    if (name == "QUERY_STRING") {
        return r.args;
    }
    if (name == "PATH_INFO") {
        return r.path_info;
    }
    if (name == "REQUEST_METHOD") {
        return r.method;
    }
    if (name == "THE_REQUEST") {
        return r.the_request;
    }
    if (name == "SERVER_PROTOCOL") {
        return r.protocol;
    }
    if (name == "REQUEST_SCHEME") {
        return std::string(http_scheme(r));
    }
    if (name == "HTTPS") {
        return std::string("off");
    }
    if (name == "SERVER_NAME") {
        return server_name(r);
    }
    if (name == "SERVER_PORT") {
        return std::to_string(server_port(r));
    }
    if (name == "DOCUMENT_ROOT") {
        return get<core::CoreServerConfig>(*r.server->modules).document_root.get_or("");
    }
    if (name == "REMOTE_ADDR") {
        return r.connection != nullptr ? r.connection->client_ip : std::string();
    }
    if (name == "HTTP_HOST") {
        return header("Host");
    }
    if (name == "HTTP_USER_AGENT") {
        return header("User-Agent");
    }
    if (name == "HTTP_REFERER") {
        return header("Referer");
    }
    if (name == "HTTP_COOKIE") {
        return header("Cookie");
    }
    if (name == "HTTP_ACCEPT") {
        return header("Accept");
    }
    return std::nullopt;
}

bool evaluate(const Request& r, const std::vector<StringExprPart>& parts, std::string& out,
              std::string& error);

std::optional<std::string> function(const Request& r, const StringExprPart& f, std::string& error)
{
    std::string arg;
    if (!evaluate(r, f.arg, arg, error)) {
        return std::nullopt;
    }
    std::string name = f.text;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto from = [&](const Headers& h) { return std::string(h.get(arg).value_or("")); };
    if (name == "req" || name == "http" || name == "req_novary") {
        return from(r.headers_in);
    }
    if (name == "resp") {
        return from(r.headers_out);
    }
    if (name == "reqenv" || name == "env") {
        return from(r.subprocess_env);
    }
    if (name == "note") {
        return from(r.notes);
    }
    if (name == "tolower" || name == "toupper") {
        const bool up = name == "toupper";
        std::transform(arg.begin(), arg.end(), arg.begin(), [up](unsigned char c) {
            return static_cast<char>(up ? std::toupper(c) : std::tolower(c));
        });
        return arg;
    }
    error = "Feather cannot evaluate the function '" + f.text + "' here";
    return std::nullopt;
}

bool evaluate(const Request& r, const std::vector<StringExprPart>& parts, std::string& out,
              std::string& error)
{
    for (const StringExprPart& p : parts) {
        switch (p.kind) {
            case StringExprPart::Kind::Literal: out += p.text; break;
            case StringExprPart::Kind::Backref: break;  // no regex ran: empty
            case StringExprPart::Kind::Variable: {
                const auto v = variable(r, p.text);
                if (!v) {
                    error = "Feather cannot evaluate the variable '" + p.text + "' here";
                    return false;
                }
                out += *v;
                break;
            }
            case StringExprPart::Kind::Function: {
                const auto v = function(r, p, error);
                if (!v) {
                    return false;
                }
                out += *v;
                break;
            }
        }
    }
    return true;
}

}  // namespace

ExprResult evaluate_string(const Request& r, std::string_view text)
{
    ExprResult result;
    core::StringExpr expr;
    if (auto err = core::parse_string_expr(text, expr)) {
        result.error = *err;
        return result;
    }
    std::string out;
    if (evaluate(r, expr.parts, out, result.error)) {
        result.value = std::move(out);
    }
    return result;
}

}  // namespace feather::mod::alias
