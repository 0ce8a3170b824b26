// mod_negotiation's request hooks: MultiViews as the first type checker
// (httpd's handle_multi), the type-map handler (handle_map_file) and the
// Content-Encoding token fixup (fix_encoding).

#include <fcntl.h>
#include <sys/stat.h>

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"
#include "modules/negotiation/negotiation_state.hpp"
#include "modules/request/server_url.hpp"
#include "modules/request/services.hpp"
#include "modules/request/url_parts.hpp"

namespace feather::mod::negotiation {

namespace {

constexpr std::string_view kMapMagicType = "application/x-type-map";

// ap_invoke_handler: without a handler, the content type (parameters
// dropped) names it.
std::string_view handler_of(const Request& r)
{
    if (!r.handler.empty()) {
        return r.handler;
    }
    std::string_view t = r.content_type;
    t = t.substr(0, t.find(';'));
    while (!t.empty() && t.back() == ' ') {
        t.remove_suffix(1);
    }
    return t;
}

// A type map's inline Body: served from the map file itself.
Verdict serve_inline_body(Request& r, const Variant& best)
{
    using namespace core;
    r.allowed = (std::int64_t{1} << kMethodGet) | (std::int64_t{1} << kMethodOptions) |
                (std::int64_t{1} << kMethodPost);
    if (r.method_number != kMethodGet && r.method_number != kMethodPost) {
        return Verdict::http(405);
    }
    auto file = std::make_shared<OpenFile>();
    file->fd = ::open(r.filename.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->fd < 0 || ::fstat(file->fd, &file->st) != 0) {
        return Verdict::http(403);
    }
    file->path = r.filename;
    const auto length = static_cast<std::uint64_t>(best.bytes.value_or(0));
    r.headers_out.set("Accept-Ranges", "bytes");
    r.headers_out.set("Content-Length", std::to_string(length));
    if (!best.mime_type.empty()) {
        r.content_type = best.charset.empty() ? best.mime_type
                                              : best.mime_type + "; charset=" + best.charset;
    }
    if (!best.languages.empty()) {
        r.content_languages = best.languages;
    }
    if (best.encoding && !best.encoding->empty()) {
        r.content_encoding = *best.encoding;
    }
    if (const int status = r.services->meets_conditions(r)) {
        // As the default handler answers a condition: the status alone.
        r.status = status;
        if (status == 304) {
            r.headers_out.unset("Content-Length");
        } else if (!r.header_only) {
            r.headers_out.set("Content-Length", "0");
        }
        return Verdict::ok();
    }
    if (length > 0) {
        r.body.emplace_back(FileRange{file, *best.body_offset, length});
    }
    // httpd's byterange filter sees this body as any other.
    if (const int status = r.services->apply_byteranges(r)) {
        r.body.clear();
        r.error_in_output = true;
        return Verdict::http(status);
    }
    return Verdict::ok();
}

}  // namespace

Verdict handle_multi(Request& r)
{
    if (r.finfo || !r.per_dir) {
        return Verdict::declined();
    }
    if (!(get<core::CoreDirConfig>(*r.per_dir).opts & core::kOptMultiViews)) {
        return Verdict::declined();
    }
    Negotiation neg = start_negotiation(r);
    if (const Verdict v = read_multiviews(r, neg); !v.is_ok()) {
        return v;
    }
    if (neg.variants.empty()) {
        return Verdict::declined();
    }
    // A POST, a query or path info prefer a script among the variants.
    const bool prefer_scripts =
        r.method_number != core::kMethodGet || has_args(r) || !r.path_info.empty();
    std::size_t best = 0;
    if (const Verdict v = negotiate(r, neg, prefer_scripts, best); !v.is_ok()) {
        return v;
    }
    std::shared_ptr<Request> sub = neg.variants[best].sub;
    if (!sub) {
        // A variant of a type map found among the files.
        sub = r.services->lookup_file(r, neg.variants[best].file_name);
        if (sub->status != 200) {
            return Verdict::http(sub->status);
        }
    }
    r.services->fast_redirect(r, *sub);
    // No date for a choice among files: each has its own.
    r.mtime_us = 0;
    return Verdict::ok();
}

Verdict handle_map_file(Request& r)
{
    const std::string_view handler = handler_of(r);
    if (handler != kMapMagicType && handler != "type-map") {
        return Verdict::declined();
    }
    Negotiation neg = start_negotiation(r);
    if (const Verdict v = load_type_map(r, r, neg); !v.is_ok()) {
        return v;
    }
    std::size_t best = 0;
    if (const Verdict v = negotiate(r, neg, false, best); !v.is_ok()) {
        return v;
    }
    const Variant& chosen = neg.variants[best];
    if (chosen.body_offset) {
        return serve_inline_body(r, chosen);
    }
    // The variant answers through an internal redirect to its URI,
    // relative to the map's directory, with the map's path info and query.
    std::string uri = r.uri;
    if (!r.path_info.empty() && uri.ends_with(r.path_info)) {
        uri.resize(uri.size() - r.path_info.size());
    }
    std::string target = escape_path(uri.substr(0, uri.rfind('/') + 1)) + chosen.file_name;
    target += r.path_info;
    if (has_args(r)) {
        target += "?" + r.args;
    }
    r.services->internal_redirect(r, target);
    return Verdict::ok();
}

// Clients differ in sending "gzip" or "x-gzip": the response uses the
// token the client's Accept-Encoding named.
Verdict fix_encoding(Request& r)
{
    if (r.content_encoding.empty()) {
        return Verdict::declined();
    }
    std::string_view enc = r.content_encoding;
    if (enc.starts_with("x-")) {
        enc.remove_prefix(2);
    }
    const auto accepts = parse_accept_list(r.headers_in.get("Accept-Encoding"));
    if (!accepts) {
        return Verdict::declined();
    }
    const AcceptItem* x_enc = nullptr;
    for (const AcceptItem& a : *accepts) {
        if (a.name == enc) {
            r.content_encoding = a.name;
            return Verdict::ok();
        }
        if (a.name.starts_with("x-") && std::string_view(a.name).substr(2) == enc) {
            x_enc = &a;
        }
    }
    if (x_enc != nullptr) {
        r.content_encoding = x_enc->name;
        return Verdict::ok();
    }
    return Verdict::declined();
}

namespace {

constexpr HookSpec kHookSpecs[] = {
    {Phase::Fixups, &fix_encoding, Rank::Middle},
    {Phase::TypeChecker, &handle_multi, Rank::First},
    {Phase::Handler, &handle_map_file, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kNegotiationHooks{ModuleId::Negotiation, kHookSpecs};

}  // namespace feather::mod::negotiation
