#include "runtime/http/core_hooks.hpp"

#include <cctype>

#include "runtime/build_info.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/request.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/default_handler.hpp"
#include "runtime/http/filepath.hpp"
#include "runtime/http/section_walk.hpp"

namespace feather::runtime {

namespace {

using namespace mod::core;

void log(const Request& r, LogLevel level, const std::string& text, int os_error = 0)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Core, level, text, os_error);
    }
}

}  // namespace

std::string document_root_of(const Request& r)
{
    const auto& core = get<CoreServerConfig>(*r.server->modules);
    return core.document_root.get_or(build::kDefaultDocumentRoot);
}

Verdict core_translate(Request& r)
{
    if (r.uri.empty() || (r.uri.front() != '/' && r.uri != "*")) {
        log(r, LogLevel::Error,
            "AH00126: Invalid URI in request '" + r.uri + "' '" + r.the_request + "'");
        return Verdict::http(400);
    }
    // ServerPath: a virtual host's path prefix is not part of the file name.
    std::string_view path = r.uri;
    const auto& core = get<CoreServerConfig>(*r.server->modules);
    if (core.server_path.is_set() && !core.server_path.value->empty()) {
        const std::string& sp = *core.server_path.value;
        if (path.compare(0, sp.size(), sp) == 0 && path.size() >= sp.size() &&
            (sp.back() == '/' || path.size() == sp.size() || path[sp.size()] == '/')) {
            path.remove_prefix(sp.size());
        }
    }
    while (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    // Nothing may land above the DocumentRoot.
    auto filename = filepath_merge(document_root_of(r), path, kPathSecureRoot);
    if (!filename) {
        log(r, LogLevel::Error, "AH00127: Cannot map " + r.the_request + " to file");
        return Verdict::http(403);
    }
    r.filename = std::move(*filename);
    r.canonical_filename = r.filename;
    return Verdict::ok();
}

Verdict core_map_to_storage(Request& r)
{
    if (const int rc = directory_walk(r)) {
        return Verdict::http(rc);
    }
    if (const int rc = file_walk(r)) {
        return Verdict::http(rc);
    }
    return Verdict::ok();
}

Verdict core_type_checker(Request&)
{
    // httpd's do_nothing: the type phase never fails for want of a module.
    return Verdict::ok();
}

namespace {

// The request variables of ap_expr a SetHandler expression can use.
std::string expr_variable(const Request& r, std::string_view name)
{
    auto header = [&](std::string_view h) { return std::string(r.headers_in.get(h).value_or("")); };
    if (name.rfind("HTTP_", 0) == 0) {
        std::string h(name.substr(5));
        for (char& c : h) {
            c = c == '_' ? '-' : c;
        }
        return header(h);
    }
    if (name == "REQUEST_URI") {
        return r.uri;
    }
    if (name == "REQUEST_FILENAME" || name == "SCRIPT_FILENAME") {
        return r.filename;
    }
    if (name == "PATH_INFO") {
        return r.path_info;
    }
    if (name == "QUERY_STRING") {
        return r.args;
    }
    if (name == "REQUEST_METHOD") {
        return r.method;
    }
    if (name == "REQUEST_SCHEME") {
        return "http";
    }
    if (name == "THE_REQUEST") {
        return r.the_request;
    }
    if (name == "SERVER_PROTOCOL") {
        return r.protocol;
    }
    if (name == "HANDLER") {
        return r.handler;
    }
    if (name == "CONTENT_TYPE") {
        return r.content_type;
    }
    if (name == "DOCUMENT_ROOT") {
        return document_root_of(r);
    }
    if (name == "IS_SUBREQ") {
        return r.main != nullptr ? "true" : "false";
    }
    if (name == "REMOTE_USER") {
        return r.user;
    }
    if (name == "AUTH_TYPE") {
        return r.ap_auth_type;
    }
    return std::string();
}

std::string eval_parts(const Request& r, const std::vector<StringExprPart>& parts)
{
    std::string out;
    for (const auto& p : parts) {
        switch (p.kind) {
        case StringExprPart::Kind::Literal: out += p.text; break;
        case StringExprPart::Kind::Variable: out += expr_variable(r, p.text); break;
        case StringExprPart::Kind::Backref: break;  // no regex has matched here
        case StringExprPart::Kind::Function: {
            const std::string arg = eval_parts(r, p.arg);
            std::string fn = p.text;
            for (char& c : fn) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            if (fn == "req" || fn == "http") {
                out += r.headers_in.get(arg).value_or("");
            } else if (fn == "env") {
                out += r.subprocess_env.get(arg).value_or("");
            } else if (fn == "note") {
                out += r.notes.get(arg).value_or("");
            } else if (fn == "tolower" || fn == "toupper") {
                for (char c : arg) {
                    const auto u = static_cast<unsigned char>(c);
                    out.push_back(
                        static_cast<char>(fn == "tolower" ? std::tolower(u) : std::toupper(u)));
                }
            }
            break;
        }
        }
    }
    return out;
}

}  // namespace

std::string handler_name(const Request& r, const StringExpr& expr)
{
    std::string value = expr.is_literal() ? expr.literal_text() : eval_parts(r, expr.parts);
    // Lower-cased, except the "proxy:unix" socket paths httpd leaves alone.
    if (value.rfind("proxy:unix", 0) != 0) {
        for (char& c : value) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return value;
}

Verdict core_override_type(Request& r)
{
    const auto& conf = get<CoreDirConfig>(*r.per_dir);
    // ForceType (stored lower-cased; "none" forces nothing).
    if (conf.mime_type.is_set() && *conf.mime_type.value != "none") {
        r.content_type = *conf.mime_type.value;
    }
    // SetHandler ("none" sets nothing).
    if (conf.handler.is_set()) {
        std::string name = handler_name(r, *conf.handler.value);
        if (name != "none") {
            r.handler = std::move(name);
        }
    }
    // AcceptPathInfo, unless a module decided already.
    if (!r.used_path_info_set && conf.uncommon().accept_path_info.is_set()) {
        switch (*conf.uncommon().accept_path_info.value) {
        case AcceptPathInfo::On:
            r.used_path_info_set = true;
            r.used_path_info = true;
            break;
        case AcceptPathInfo::Off:
            r.used_path_info_set = true;
            r.used_path_info = false;
            break;
        case AcceptPathInfo::Default: break;
        }
    }
    return Verdict::ok();
}

namespace {

constexpr HookSpec kHooks[] = {
    {Phase::TranslateName, &core_translate, Rank::ReallyLast},
    {Phase::MapToStorage, &core_map_to_storage, Rank::ReallyLast},
    {Phase::TypeChecker, &core_type_checker, Rank::ReallyLast},
    {Phase::Fixups, &core_override_type, Rank::ReallyFirst},
    {Phase::Handler, &default_handler, Rank::ReallyLast},
};

const ModuleHooks kCoreHooks{ModuleId::Core, kHooks};

}  // namespace

const ModuleHooks& core_hooks() { return kCoreHooks; }

}  // namespace feather::runtime
