#include "modules/negotiation/best_match.hpp"

#include <sys/stat.h>

#include <algorithm>

#include "modules/negotiation/quality.hpp"

namespace feather::mod::negotiation {

namespace {

// level_cmp: among variants of one type, the highest level the client
// named explicitly, else the lowest level.
int level_cmp(const Variant& a, const Variant& b)
{
    if (a.is_pseudo_html && !b.is_pseudo_html) {
        return 0;
    }
    if (!a.is_pseudo_html && a.mime_type != b.mime_type) {
        return 0;
    }
    if (a.level_matched != b.level_matched) {
        return a.level_matched > b.level_matched ? 1 : -1;
    }
    if (a.level != b.level) {
        return a.level < b.level ? 1 : -1;
    }
    return 0;
}

// Unknown compares below every length, as httpd's -1 does.
std::int64_t content_length(const NegotiationInput& in, Variant& v)
{
    return variant_length(in, v).value_or(-1);
}

bool is_variant_better_rvsa(const Variant& v, const Variant* best, float& bestq)
{
    // RFC 2296 does not negotiate encodings: only an excluded one counts.
    if (v.encoding_quality == 0.0f) {
        return false;
    }
    const float q = v.mime_type_quality * v.source_quality * v.charset_quality * v.lang_quality;
    if (q <= 0.0f) {
        return false;
    }
    if (q > bestq) {
        bestq = q;
        return true;
    }
    if (q == bestq && best != nullptr && v.encoding_quality > best->encoding_quality) {
        bestq = q;
        return true;
    }
    return false;
}

// Apache's own order: type (with qs), language, LanguagePriority, level,
// charset, encoding, then the smaller file.
bool is_variant_better(const NegotiationInput& in, Variant& v, Variant* best, float& bestq)
{
    if (v.encoding_quality == 0.0f || v.lang_quality == 0.0f || v.source_quality == 0.0f ||
        v.charset_quality == 0.0f || v.mime_type_quality == 0.0f) {
        return false;
    }
    const float q = v.mime_type_quality * v.source_quality;
    if (q == 0.0f || q < bestq) {
        return false;
    }
    if (q > bestq || best == nullptr) {
        bestq = q;
        return true;
    }
    if (v.lang_quality != best->lang_quality) {
        if (v.lang_quality > best->lang_quality) {
            bestq = q;
            return true;
        }
        return false;
    }
    if (best->lang_index && (!v.lang_index || *v.lang_index > *best->lang_index)) {
        return false;
    }
    if (v.lang_index && (!best->lang_index || *v.lang_index < *best->lang_index)) {
        bestq = q;
        return true;
    }
    const int lev = level_cmp(v, *best);
    if (lev != 0) {
        if (lev == 1) {
            bestq = q;
        }
        return lev == 1;
    }
    if (v.charset_quality < best->charset_quality) {
        return false;
    }
    // At equal charset quality a declared charset other than ISO-8859-1
    // beats ISO-8859-1 or none.
    const bool v_special = !v.charset.empty() && v.charset != "iso-8859-1";
    const bool best_plain = best->charset.empty() || best->charset == "iso-8859-1";
    if (v.charset_quality > best->charset_quality || (v_special && best_plain)) {
        bestq = q;
        return true;
    }
    if (v.encoding_quality != best->encoding_quality) {
        if (v.encoding_quality > best->encoding_quality) {
            bestq = q;
            return true;
        }
        return false;
    }
    if (content_length(in, v) >= content_length(in, *best)) {
        return false;
    }
    bestq = q;
    return true;
}

bool discarded_by_env(const Variant& v, EncodingDiscard discard)
{
    if (discard == EncodingDiscard::None || is_identity_encoding(v.encoding) ||
        *v.encoding == "identity") {
        return false;
    }
    return discard == EncodingDiscard::AllEncodings || !v.mime_type.starts_with("text/html");
}

bool has_language(const Variant& v, const std::string& lang)
{
    return std::find(v.languages.begin(), v.languages.end(), lang) != v.languages.end();
}

}  // namespace

std::optional<std::int64_t> variant_length(const NegotiationInput& in, Variant& v)
{
    if (!v.bytes && !in.dir_name.empty()) {
        struct stat st {};
        if (::stat((in.dir_name + v.file_name).c_str(), &st) == 0) {
            v.bytes = st.st_size;
        }
    }
    return v.bytes;
}

void set_mime_fields(Variant& v, const AcceptItem& type)
{
    v.mime_type = type.name;
    v.source_quality = type.quality;
    v.level = type.level;
    v.charset = type.charset;
    v.is_pseudo_html = v.mime_type == "text/html" || v.mime_type == kIncludesMagicType ||
                       v.mime_type == kIncludesMagicType3;
}

void add_default_accepts(NegotiationInput& in, bool prefer_scripts)
{
    auto& types = in.accepts.types;
    if (!types) {
        types.emplace();
        types->push_back(AcceptItem{"*/*", 1.0f, 0.0f, ""});
    }
    float q = prefer_scripts ? 2.0f : 0.001f;
    if (in.mode.use_rvsa) {
        q = 0.0f;
    }
    types->push_back(AcceptItem{std::string(kCgiMagicType), q, 0.0f, ""});
}

MatchResult best_match(const NegotiationInput& in, std::vector<Variant>& variants)
{
    // Variants without a language are acceptable only when none with a
    // language is (unless the headers are taken literally).
    float default_lang_quality = 1.0f;
    if (!in.mode.dont_fiddle_headers) {
        for (const Variant& v : variants) {
            if (!v.languages.empty()) {
                default_lang_quality = 0.0001f;
                break;
            }
        }
    }

    std::optional<std::string> preferred = in.prefer_language;
    while (true) {
        Variant* best = nullptr;
        std::optional<std::size_t> best_index;
        float bestq = 0.0f;
        for (std::size_t j = 0; j < variants.size(); ++j) {
            Variant& v = variants[j];
            if (discarded_by_env(v, in.discard)) {
                continue;
            }
            if (preferred && !has_language(v, *preferred)) {
                continue;
            }
            set_accept_quality(in, v);
            if (preferred) {
                v.lang_quality = 1.0f;
                v.definite = true;
            } else {
                set_language_quality(in, v, default_lang_quality);
            }
            set_encoding_quality(in, v);
            set_charset_quality(in, v);
            if (!in.mode.may_choose) {
                continue;
            }
            const bool better = in.mode.use_rvsa ? is_variant_better_rvsa(v, best, bestq)
                                                 : is_variant_better(in, v, best, bestq);
            if (better) {
                best = &v;
                best_index = j;
            }
        }
        const bool choice = in.mode.use_rvsa ? (best != nullptr && best->definite && bestq > 0.0f)
                                             : bestq > 0.0f;
        // A prefer-language that found nothing clear is forgotten.
        if (preferred && (best == nullptr || !choice)) {
            preferred.reset();
            continue;
        }
        return {choice, best_index};
    }
}

}  // namespace feather::mod::negotiation
