#include "modules/negotiation/quality.hpp"

#include <algorithm>
#include <cctype>

namespace feather::mod::negotiation {

namespace {

bool is_text_type(const std::string& t)
{
    return t.starts_with("text/") || t == kIncludesMagicType || t == kIncludesMagicType3;
}

std::string_view strip_x(std::string_view s) { return s.starts_with("x-") ? s.substr(2) : s; }

// mime_match: whether `accept` covers the variant's type, raising the
// variant's star count to the specificity of the match.
bool mime_match(const AcceptItem& accept, Variant& v)
{
    const std::string& a = accept.name;
    if (a == "*" || a == "*/*") {
        v.mime_stars = std::max(v.mime_stars, 1);
        return true;
    }
    const std::size_t n = a.size();
    if (n > 2 && a[n - 2] == '/' && a[n - 1] == '*' && v.mime_type.size() > n - 2 &&
        v.mime_type.compare(0, n - 2, a, 0, n - 2) == 0 && v.mime_type[n - 2] == '/') {
        v.mime_stars = std::max(v.mime_stars, 2);
        return true;
    }
    const bool same = a == v.mime_type ||
                      (a == "text/html" &&
                       (v.mime_type == kIncludesMagicType || v.mime_type == kIncludesMagicType3));
    if (same && accept.level >= v.level) {
        v.level_matched = v.level;
        v.mime_stars = 3;
        return true;
    }
    return false;
}

// find_lang_index: the first LanguagePriority entry that is a prefix of
// the tag (case-insensitive, any prefix).
std::optional<int> priority_index(const std::vector<std::string>& priority, const std::string& lang)
{
    for (std::size_t i = 0; i < priority.size(); ++i) {
        const std::string& p = priority[i];
        if (lang.size() >= p.size() &&
            std::equal(p.begin(), p.end(), lang.begin(), [](char x, char y) {
                return std::tolower(static_cast<unsigned char>(x)) ==
                       std::tolower(static_cast<unsigned char>(y));
            })) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

}  // namespace

void set_accept_quality(const NegotiationInput& in, Variant& v)
{
    const auto& accepts = in.accepts.types;
    if (!accepts) {
        if (!v.mime_type.empty()) {
            v.definite = false;
        }
        return;
    }
    float q = 0.0f;
    bool q_definite = true;
    for (const AcceptItem& item : *accepts) {
        const int before = v.mime_stars;
        if (!mime_match(item, v) || before == v.mime_stars) {
            continue;  // no match, or not more specific than an earlier one
        }
        // Browsers send "*/*" and "type/*" without q to mean "anything
        // else, if need be": without explicit q-values they count low.
        const bool fiddle = !in.mode.dont_fiddle_headers && !in.accepts.explicit_q;
        if (fiddle && v.mime_stars == 1) {
            q = 0.01f;
        } else if (fiddle && v.mime_stars == 2) {
            q = 0.02f;
        } else {
            q = item.quality;
        }
        q_definite = v.mime_stars == 3;
    }
    v.mime_type_quality = q;
    v.definite = v.definite && q_definite;
}

void set_language_quality(const NegotiationInput& in, Variant& v, float default_lang_quality)
{
    if (v.languages.empty()) {
        if (!in.mode.dont_fiddle_headers) {
            v.lang_quality = default_lang_quality;
        }
        return;
    }
    if (!in.accepts.languages) {
        v.definite = false;  // no Accept-Language: indefinite
    } else {
        const auto& accs = *in.accepts.languages;
        const AcceptItem* best = nullptr;
        const AcceptItem* star = nullptr;
        float fiddle_q = 0.0f;
        bool any_match_on_star = false;
        for (const std::string& lang : v.languages) {
            const AcceptItem* best_this_tag = nullptr;
            std::size_t longest = 0;
            for (const AcceptItem& a : accs) {
                if (a.name == "*") {
                    if (star == nullptr) {
                        star = &a;
                    }
                    continue;
                }
                // The range matches the whole tag or a prefix ending at '-';
                // the longest matching range counts.
                const std::size_t alen = a.name.size();
                if (lang.size() >= alen && lang.compare(0, alen, a.name) == 0 &&
                    (lang.size() == alen || lang[alen] == '-')) {
                    if (alen > longest) {
                        longest = alen;
                        best_this_tag = &a;
                    }
                }
                // A client asking for "en-us" still gets "en" or "en-gb",
                // at a very low quality.
                if (best_this_tag == nullptr && !in.mode.dont_fiddle_headers) {
                    if (const auto dash = a.name.find('-'); dash != std::string::npos) {
                        if (lang.compare(0, dash, a.name, 0, dash) == 0 && lang.size() >= dash) {
                            fiddle_q = 0.001f;
                        }
                    }
                }
            }
            if (best == nullptr || (best_this_tag != nullptr && best_this_tag->quality > best->quality)) {
                best = best_this_tag;
            }
            if (best_this_tag == nullptr && star != nullptr) {
                any_match_on_star = true;
            }
        }
        if (any_match_on_star && (best == nullptr || star->quality > best->quality)) {
            best = star;
            v.definite = false;
        }
        v.lang_quality = best != nullptr ? best->quality : fiddle_q;
    }

    // ForceLanguagePriority: LanguagePriority breaks ties (Prefer) or makes
    // an otherwise unacceptable language acceptable (Fallback).
    if ((in.forcing.prefer && !v.lang_index) || (in.forcing.fallback && v.lang_quality == 0.0f)) {
        std::optional<int> best_idx;
        for (const std::string& lang : v.languages) {
            const auto idx = priority_index(in.language_priority, lang);
            if (idx && (!best_idx || *idx < *best_idx)) {
                best_idx = idx;
            }
        }
        if (best_idx) {
            if (v.lang_quality != 0.0f) {
                if (in.forcing.prefer) {
                    v.lang_index = best_idx;
                }
            } else if (in.forcing.fallback) {
                v.lang_index = best_idx;
                v.lang_quality = 0.0001f;
                v.definite = false;
            }
        }
    }
}

void set_charset_quality(const NegotiationInput& in, Variant& v)
{
    if (!in.accepts.charsets) {
        if (!v.charset.empty()) {
            v.definite = false;
        }
        return;
    }
    std::string charset = v.charset;
    if (charset.empty()) {
        // Text without a declared charset is ISO-8859-1 (HTTP/1.1's
        // default), unless the headers must be taken literally.
        if (!is_text_type(v.mime_type) || in.mode.dont_fiddle_headers) {
            return;
        }
        charset = "iso-8859-1";
    }
    const AcceptItem* star = nullptr;
    for (const AcceptItem& a : *in.accepts.charsets) {
        if (a.name == charset) {
            v.charset_quality = a.quality;
            return;
        }
        if (a.name == "*") {
            star = &a;
        }
    }
    if (star != nullptr) {
        v.charset_quality = star->quality;
        v.definite = false;
        return;
    }
    v.charset_quality = charset == "iso-8859-1" ? 1.0f : 0.0f;
}

void set_encoding_quality(const NegotiationInput& in, Variant& v)
{
    if (!in.accepts.encodings) {
        // Without Accept-Encoding every encoding is acceptable, none better.
        v.encoding_quality = is_identity_encoding(v.encoding) ? 1.0f : 0.5f;
        return;
    }
    std::string_view enc;
    float value_if_not_found = 0.0f;
    if (is_identity_encoding(v.encoding)) {
        enc = "identity";
        value_if_not_found = 0.0001f;
    } else {
        enc = *v.encoding;
    }
    enc = strip_x(enc);
    const AcceptItem* star = nullptr;
    for (const AcceptItem& a : *in.accepts.encodings) {
        const std::string_view name = strip_x(a.name);
        if (name == enc) {
            v.encoding_quality = a.quality;
            return;
        }
        if (name == "*") {
            star = &a;
        }
    }
    v.encoding_quality = star != nullptr ? star->quality : value_if_not_found;
}

bool is_identity_encoding(const std::optional<std::string>& enc)
{
    return !enc || enc->empty() || *enc == "7bit" || *enc == "8bit" || *enc == "binary";
}

}  // namespace feather::mod::negotiation
