#include "modules/dir/dir_hooks.hpp"

#include <sys/stat.h>

#include "modules/config_sets.hpp"
#include "modules/request/server_url.hpp"
#include "modules/request/services.hpp"
#include "modules/request/url_parts.hpp"

namespace feather::mod::dir {

namespace {

constexpr int kMethodGet = 0;  // httpd's M_GET (HEAD included)

bool is_redirect(int status) { return status >= 300 && status <= 399; }

// What a subrequest found is usable as the answer: a regular file (or a
// request handed to a proxy).
bool usable(const Request& rr)
{
    return rr.status == 200 &&
           (rr.handler == "proxy-server" || (rr.finfo && S_ISREG(rr.finfo->st_mode)));
}

// The notes and headers a redirecting subrequest made travel with its
// status to the client (httpd overlays the tables).
void take_over_headers(Request& r, const Request& rr)
{
    auto overlay = [](Headers& into, const Headers& from) {
        for (const auto& f : from.fields()) {
            into.add(f.name, f.value);
        }
    };
    overlay(r.notes, rr.notes);
    overlay(r.headers_out, rr.headers_out);
    overlay(r.err_headers_out, rr.err_headers_out);
}

std::string with_args(const Request& r, const std::string& name)
{
    return has_args(r) ? name + "?" + r.args : name;
}

// httpd's fixup_dflt: FallbackResource for a request that found nothing.
Verdict fixup_default(Request& r, const DirConfig& d)
{
    if (!d.fallback.is_set() || directives::iequals(*d.fallback.value, "disabled")) {
        return Verdict::declined();
    }
    auto rr = r.services->lookup_uri(r, with_args(r, *d.fallback.value));
    if (usable(*rr)) {
        r.services->fast_redirect(r, *rr);
        return Verdict::ok();
    }
    if (is_redirect(rr->status)) {
        take_over_headers(r, *rr);
        return Verdict::http(rr->status);
    }
    if (rr->status != 0 && rr->status != 404 && rr->status != 200) {
        return Verdict::http(rr->status);
    }
    return Verdict::declined();
}

// httpd's fixup_dir.
Verdict fixup_directory(Request& r, const DirConfig& d)
{
    // Without mod_mime nothing named the directory's handler.
    if (r.handler.empty()) {
        r.handler = kDirMagicType;
    }
    if (!r.path_info.empty()) {
        return Verdict::declined();
    }

    if (r.uri.empty() || r.uri.back() != '/') {
        if (!d.slash.get_or(true)) {
            return Verdict::declined();
        }
        // Clients that cannot follow a redirect of a non-GET request (the
        // "redirect-carefully" variable) get no redirect.
        if (r.method_number != kMethodGet && r.subprocess_env.has("redirect-carefully")) {
            return Verdict::declined();
        }
        std::string target = escape_path(r.uri) + "/";
        if (has_args(r)) {
            target += "?" + r.args;
        }
        r.headers_out.set("Location", construct_url(r, target));
        return Verdict::http(301);
    }

    // Someone else takes the directory: do not let its magic type leak out.
    const bool other_handler = r.handler == kRewriteRedirectHandler ||
                               (d.check_handler.get_or(false) && r.handler != kDirMagicType);
    if (other_handler) {
        if (r.content_type == kDirMagicType) {
            r.content_type.clear();
        }
        return Verdict::declined();
    }

    static const std::vector<std::string> kDefault{kDefaultIndex};
    const std::vector<std::string>& names =
        d.index_names.is_set() ? *d.index_names.value : kDefault;
    int error_notfound = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool last = i + 1 == names.size();
        // The query goes with each candidate, so that the chosen index sees it.
        auto rr = r.services->lookup_uri(r, with_args(r, names[i]));
        if (usable(*rr)) {
            const int redirect = d.index_redirect.get_or(0);
            if (is_redirect(redirect)) {
                r.headers_out.set("Location", construct_url(r, rr->uri));
                return Verdict::http(redirect);
            }
            r.services->fast_redirect(r, *rr);
            return Verdict::ok();
        }
        // A redirect (or, for the last name, 406 or 401) goes to the client.
        if (is_redirect(rr->status) || (last && (rr->status == 406 || rr->status == 401))) {
            take_over_headers(r, *rr);
            return Verdict::http(rr->status);
        }
        // Any other failure wins over a listing of the directory.
        if (rr->status != 0 && rr->status != 404 && rr->status != 200) {
            error_notfound = rr->status;
        }
    }
    if (error_notfound != 0) {
        return Verdict::http(error_notfound);
    }
    std::string tried;
    for (const auto& n : names) {
        tried += (tried.empty() ? "" : ",") + n;
    }
    r.notes.set(kIndexNamesNote, tried);
    return Verdict::declined();
}

}  // namespace

Verdict dir_fixups(Request& r)
{
    if (!r.per_dir) {
        return Verdict::declined();
    }
    const DirConfig& d = get<DirConfig>(*r.per_dir);
    if (r.finfo && S_ISDIR(r.finfo->st_mode)) {
        return fixup_directory(r, d);
    }
    if (!r.finfo && r.handler.empty()) {
        return fixup_default(r, d);
    }
    return Verdict::declined();
}

namespace {

constexpr HookSpec kHookSpecs[] = {
    {Phase::Fixups, &dir_fixups, Rank::Last},
};

}  // namespace

extern const ModuleHooks kDirHooks{ModuleId::Dir, kHookSpecs};

}  // namespace feather::mod::dir
