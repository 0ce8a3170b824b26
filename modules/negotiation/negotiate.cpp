// The steps of one negotiation shared by MultiViews and type maps
// (httpd's parse_accept_headers, parse_negotiate_header, do_negotiation,
// setup_choice_response): transparency, the choice, and what the response
// says about it.

#include <cctype>

#include "modules/config_sets.hpp"
#include "modules/negotiation/best_match.hpp"
#include "modules/negotiation/neg_headers.hpp"
#include "modules/negotiation/negotiation_state.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::negotiation {

namespace {

constexpr int kMethodGet = 0;  // httpd's M_GET (HEAD included)

// ap_get_list_item, as far as Negotiate's tokens need it: comma-separated
// items, trimmed, lower-cased, white space runs made one blank.
std::vector<std::string> list_items(std::string_view field)
{
    std::vector<std::string> items;
    std::string cur;
    bool space = false;
    auto flush = [&] {
        if (!cur.empty()) {
            items.push_back(cur);
        }
        cur.clear();
        space = false;
    };
    for (const char ch : field) {
        if (ch == ',') {
            flush();
        } else if (ch == ' ' || ch == '\t') {
            space = !cur.empty();
        } else {
            if (space) {
                cur.push_back(' ');
                space = false;
            }
            cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
    }
    flush();
    return items;
}

// The client's Negotiate header (RFC 2295): whether it takes part in
// transparent negotiation and lets the server choose.
void read_negotiate_header(const Request& r, NegotiationMode& mode)
{
    const auto negotiate = r.headers_in.get("Negotiate");
    if (!negotiate) {
        return;
    }
    // Lynx 2.7 and 2.8 send "trans" without supporting it.
    if (*negotiate == "trans") {
        const auto ua = r.headers_in.get("User-Agent");
        if (ua && ua->starts_with("Lynx")) {
            return;
        }
    }
    mode.may_choose = false;  // even an empty Negotiate asks for a list
    for (const std::string& tok : list_items(*negotiate)) {
        if (tok == "trans" || tok == "vlist" || tok == "guess-small" ||
            std::isdigit(static_cast<unsigned char>(tok[0])) || tok == "*") {
            mode.ua_supports_trans = true;
            mode.send_alternates = true;
            if (tok == "1.0") {
                mode.may_choose = true;
                mode.use_rvsa = true;
                mode.dont_fiddle_headers = true;
            } else if (tok[0] == '*') {
                mode.may_choose = true;
                mode.dont_fiddle_headers = true;
            }
        }
    }
}

void merge_headers(Request& r, const NegHeaders& h)
{
    if (h.alternates) {
        r.err_headers_out.merge("Alternates", *h.alternates);
    }
    if (h.vary) {
        r.err_headers_out.merge("Vary", *h.vary);
    }
    if (h.tcn) {
        r.err_headers_out.set("TCN", *h.tcn);
    }
}

// A chosen variant in transparent negotiation: it must not negotiate
// itself (506), and the response names it in Content-Location.
Verdict setup_choice(Request& r, Negotiation& neg, Variant& v)
{
    if (!v.sub) {
        std::shared_ptr<Request> sub = r.services->lookup_file(r, v.file_name);
        if (sub->status != 200 && !sub->err_headers_out.has("TCN")) {
            return Verdict::http(sub->status);
        }
        v.sub = std::move(sub);
    }
    Request& sub = *v.sub;
    if (neg.in.mode.is_transparent && sub.err_headers_out.has("TCN")) {
        return Verdict::http(506);
    }
    if (sub.handler == "type-map") {
        return Verdict::http(506);
    }
    if (const auto sub_vary = sub.err_headers_out.get("Vary")) {
        const std::string vary(*sub_vary);
        r.err_headers_out.set("Variant-Vary", vary);
        r.err_headers_out.set("Vary", vary);
        sub.err_headers_out.unset("Vary");
    }
    r.err_headers_out.set("Content-Location", escape_path_segment(v.file_name));
    merge_headers(r, negotiation_headers(neg.in, neg.variants, true));
    return Verdict::ok();
}

}  // namespace

Negotiation start_negotiation(const Request& r)
{
    Negotiation neg;
    NegotiationInput& in = neg.in;
    in.dir_name = r.filename.substr(0, r.filename.rfind('/') + 1);
    in.accepts.types = parse_accept_list(r.headers_in.get("Accept"));
    if (in.accepts.types) {
        for (const AcceptItem& a : *in.accepts.types) {
            in.accepts.explicit_q = in.accepts.explicit_q || a.quality < 1.0f;
        }
    }
    in.accepts.encodings = parse_accept_list(r.headers_in.get("Accept-Encoding"));
    in.accepts.languages = parse_accept_list(r.headers_in.get("Accept-Language"));
    in.accepts.charsets = parse_accept_list(r.headers_in.get("Accept-Charset"));
    if (r.per_dir) {
        const auto& conf = get<NegotiationDirConfig>(*r.per_dir);
        in.language_priority = conf.language_priority.get_or({});
        if (conf.force_language_priority.is_set()) {
            const ForceLanguagePriority& f = *conf.force_language_priority.value;
            in.forcing = {f.prefer, f.fallback};
        }
    }
    if (const auto lang = r.subprocess_env.get("prefer-language")) {
        in.prefer_language = std::string(*lang);
    }
    if (r.subprocess_env.has("no-gzip")) {
        in.discard = EncodingDiscard::AllEncodings;
    } else if (r.subprocess_env.get("gzip-only-text/html") == std::optional<std::string_view>("1")) {
        in.discard = EncodingDiscard::AllButHtml;
    }
    return neg;
}

Verdict negotiate(Request& r, Negotiation& neg, bool prefer_scripts, std::size_t& best)
{
    NegotiationMode& mode = neg.in.mode;
    // Only GET and HEAD negotiate transparently, and only when every
    // variant is a neighbour served from its own file.
    if (r.method_number == kMethodGet) {
        mode.is_transparent = r.path_info.empty();
        for (const Variant& v : neg.variants) {
            if (v.file_name.find('/') != std::string::npos || v.body_offset) {
                mode.is_transparent = false;
            }
        }
    }
    if (mode.is_transparent) {
        read_negotiate_header(r, mode);
    } else {
        mode.may_choose = true;
    }
    add_default_accepts(neg.in, prefer_scripts);

    const MatchResult match = best_match(neg.in, neg.variants);
    if (!match.choice) {
        mode.send_alternates = true;
        merge_headers(r, negotiation_headers(neg.in, neg.variants, false));
        Request& owner = r.main != nullptr ? *r.main : r;
        owner.notes.set("variant-list", variant_list_html(neg.variants));
        if (mode.is_transparent && mode.ua_supports_trans) {
            return Verdict::http(300);
        }
        if (!match.best) {
            r.services->log(r, ModuleId::Negotiation, LogLevel::Error,
                            "AH00690: no acceptable variant: " + r.filename);
            return Verdict::http(406);
        }
    }
    best = *match.best;
    if (mode.is_transparent) {
        if (const Verdict v = setup_choice(r, neg, neg.variants[best]); !v.is_ok()) {
            return v;
        }
    } else {
        merge_headers(r, negotiation_headers(neg.in, neg.variants, match.choice));
    }
    // HTTP/1.0 caches know no Vary: unless CacheNegotiatedDocs, they must
    // not keep a negotiated answer.
    const bool cache_docs =
        r.server != nullptr && get<NegotiationServerConfig>(*r.server->modules).cache_negotiated_docs.get_or(false);
    if (!cache_docs && r.proto_num < 1001 && neg.multiviews_count != 1) {
        r.no_cache = true;
    }
    return Verdict::ok();
}

}  // namespace feather::mod::negotiation
