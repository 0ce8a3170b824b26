// Apache's variant selection from tables: Accept* headers and a variant
// set, and the variant httpd 2.4 chooses (the same sets are served by
// apache2 in tests/compat/http/scenarios/negotiation_*).

#include <gtest/gtest.h>

#include "modules/negotiation/best_match.hpp"
#include "modules/negotiation/neg_headers.hpp"

namespace feather::mod::negotiation {
namespace {

struct Spec {
    const char* file;
    const char* type;  // with parameters, as mod_mime or a map gives it
    std::vector<std::string> langs;
    const char* encoding = nullptr;
    std::int64_t bytes = 10;
};

std::vector<Variant> variants_of(const std::vector<Spec>& specs)
{
    std::vector<Variant> out;
    for (const Spec& s : specs) {
        Variant v;
        v.file_name = s.file;
        std::string_view type = s.type;
        set_mime_fields(v, parse_accept_item(type));
        v.languages = s.langs;
        if (s.encoding != nullptr) {
            v.encoding = s.encoding;
        }
        v.bytes = s.bytes;
        out.push_back(std::move(v));
    }
    return out;
}

struct Headers4 {
    std::optional<std::string> accept, language, charset, encoding;
};

NegotiationInput input_of(const Headers4& h)
{
    NegotiationInput in;
    auto opt = [](const std::optional<std::string>& s) {
        return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    in.accepts.types = parse_accept_list(opt(h.accept));
    if (in.accepts.types) {
        for (const auto& a : *in.accepts.types) {
            in.accepts.explicit_q = in.accepts.explicit_q || a.quality < 1.0f;
        }
    }
    in.accepts.languages = parse_accept_list(opt(h.language));
    in.accepts.charsets = parse_accept_list(opt(h.charset));
    in.accepts.encodings = parse_accept_list(opt(h.encoding));
    return in;
}

// The chosen file, or "406" when nothing is acceptable.
std::string choose(NegotiationInput in, std::vector<Variant> vars)
{
    add_default_accepts(in, false);
    const MatchResult m = best_match(in, vars);
    if (!m.choice || !m.best) {
        return "406";
    }
    return vars[*m.best].file_name;
}

const std::vector<Spec> kDoc = {
    {"doc.html.de", "text/html", {"de"}, nullptr, 8},
    {"doc.html.en", "text/html", {"en"}, nullptr, 17},
    {"doc.html.fr", "text/html", {"fr"}, nullptr, 29},
};
const std::vector<Spec> kPage = {
    {"page.html", "text/html", {}, nullptr, 18},
    {"page.pdf", "application/pdf", {}, nullptr, 10},
    {"page.txt", "text/plain", {}, nullptr, 36},
};

struct Row {
    const char* name;
    Headers4 headers;
    const std::vector<Spec>* variants;
    const char* expected;
};

TEST(BestMatch, Table)
{
    const std::vector<Spec> cs = {
        {"cs.html.iso2", "text/html; charset=iso-8859-2", {}, nullptr, 21},
        {"cs.html.utf8", "text/html; charset=utf-8", {}, nullptr, 11},
    };
    const std::vector<Spec> cs2 = {
        {"cs2.html", "text/html", {}, nullptr, 27},
        {"cs2.html.utf8", "text/html; charset=utf-8", {}, nullptr, 6},
    };
    const std::vector<Spec> enc = {
        {"enc.txt", "text/plain", {}, nullptr, 43},
        {"enc.txt.gz", "text/plain", {}, "x-gzip", 8},
    };
    const std::vector<Spec> lev = {
        {"lev.h3", "text/html; level=3", {}, nullptr, 13},
        {"lev.html", "text/html", {}, nullptr, 13},
    };
    const std::vector<Spec> mix = {
        {"mix.html.en-gb", "text/html", {"en-gb"}, nullptr, 8},
        {"mix.txt.en", "text/plain", {"en"}, nullptr, 13},
    };
    const std::vector<Spec> qs = {
        {"foo.en.html", "text/html", {"en"}, nullptr, 16},
        {"foo.txt", "text/plain; qs=0.5", {}, nullptr, 11},
    };
    const Row rows[] = {
        {"no headers: smallest", {}, &kDoc, "doc.html.de"},
        {"language", {{}, "fr", {}, {}}, &kDoc, "doc.html.fr"},
        {"language prefix fiddle", {{}, "en-us", {}, {}}, &kDoc, "doc.html.en"},
        {"language q", {{}, "fr;q=0.5, de;q=0.8", {}, {}}, &kDoc, "doc.html.de"},
        {"language star: smallest", {{}, "*", {}, {}}, &kDoc, "doc.html.de"},
        {"language unknown", {{}, "it", {}, {}}, &kDoc, "406"},
        {"language all zero", {{}, "en;q=0, fr;q=0, de;q=0", {}, {}}, &kDoc, "406"},
        {"language range longer than tag", {{}, "en-gb", {}, {}}, &mix, "mix.html.en-gb"},
        {"language en covers en-gb", {{}, "en", {}, {}}, &mix, "mix.html.en-gb"},
        {"type", {"text/plain", {}, {}, {}}, &kPage, "page.txt"},
        {"type wildcard: smallest", {"text/*", {}, {}, {}}, &kPage, "page.html"},
        {"type q", {"text/html;q=0.5, text/plain", {}, {}, {}}, &kPage, "page.txt"},
        {"browser */* counts low", {"text/html, */*", {}, {}, {}}, &kPage, "page.html"},
        {"explicit q keeps */*", {"*/*;q=0.9, text/plain;q=0.8", {}, {}, {}}, &kPage, "page.pdf"},
        {"html level 1 refuses level 2", {"text/html;level=1", {}, {}, {}}, &kPage, "406"},
        {"empty Accept", {"", {}, {}, {}}, &kPage, "406"},
        {"no Accept: smallest", {}, &kPage, "page.pdf"},
        {"level: lowest unless asked", {"text/html", {}, {}, {}}, &lev, "lev.html"},
        {"level 3 asked", {"text/html;level=3", {}, {}, {}}, &lev, "lev.h3"},
        {"charset", {{}, {}, "iso-8859-2", {}}, &cs, "cs.html.iso2"},
        {"charset latin1 refuses both", {{}, {}, "iso-8859-1", {}}, &cs, "406"},
        {"charset beats implicit latin1", {{}, {}, "utf-8", {}}, &cs2, "cs2.html.utf8"},
        {"implicit latin1", {{}, {}, "iso-8859-1", {}}, &cs2, "cs2.html"},
        {"declared charset wins a tie", {}, &cs2, "cs2.html.utf8"},
        {"identity preferred", {}, &enc, "enc.txt"},
        {"gzip asked", {{}, {}, {}, "gzip"}, &enc, "enc.txt.gz"},
        {"identity refused", {{}, {}, {}, "identity;q=0, gzip"}, &enc, "enc.txt.gz"},
        {"empty Accept-Encoding", {{}, {}, {}, ""}, &enc, "enc.txt"},
        {"qs", {"text/plain, text/html;q=0.4", {}, {}, {}}, &qs, "foo.txt"},
        {"qs loses to q", {"text/plain, text/html;q=0.6", {}, {}, {}}, &qs, "foo.en.html"},
    };
    for (const Row& r : rows) {
        EXPECT_EQ(choose(input_of(r.headers), variants_of(*r.variants)), r.expected) << r.name;
    }
}

TEST(BestMatch, LanguagePriorityAndForcing)
{
    struct ForceRow {
        const char* name;
        std::optional<std::string> accept_language;
        std::vector<std::string> priority;
        LanguageForcing forcing;
        const char* expected;
    };
    const ForceRow rows[] = {
        {"priority without header", std::nullopt, {"fr", "en", "de"}, {true, false}, "doc.html.fr"},
        {"priority breaks a tie", "en, de", {"fr", "en", "de"}, {true, false}, "doc.html.en"},
        {"prefer alone does not fall back", "it", {"fr", "en", "de"}, {true, false}, "406"},
        {"fallback", "it", {"de", "fr"}, {false, true}, "doc.html.de"},
        {"fallback alone: no tie-break", "en, fr", {"de", "fr"}, {false, true}, "doc.html.en"},
        {"prefer and fallback", "it", {"de", "fr", "en"}, {true, true}, "doc.html.de"},
        {"none", std::nullopt, {"fr"}, {false, false}, "doc.html.de"},
        {"priority is a prefix", std::nullopt, {"f"}, {true, false}, "doc.html.fr"},
    };
    for (const ForceRow& r : rows) {
        NegotiationInput in = input_of({{}, r.accept_language, {}, {}});
        in.language_priority = r.priority;
        in.forcing = r.forcing;
        EXPECT_EQ(choose(in, variants_of(kDoc)), r.expected) << r.name;
    }
}

TEST(BestMatch, RvsaNeedsADefiniteVariant)
{
    NegotiationInput in = input_of({{}, "fr", {}, {}});
    in.mode = {.is_transparent = true, .ua_supports_trans = true, .send_alternates = true,
               .may_choose = true, .use_rvsa = true, .dont_fiddle_headers = true};
    EXPECT_EQ(choose(in, variants_of(kDoc)), "406");  // chosen through */*: indefinite
    in.accepts.types = parse_accept_list(std::string_view("text/html"));
    EXPECT_EQ(choose(in, variants_of(kDoc)), "doc.html.fr");
}

TEST(BestMatch, PreferLanguageFromTheEnvironment)
{
    NegotiationInput in = input_of({{}, "de", {}, {}});
    in.prefer_language = "fr";
    EXPECT_EQ(choose(in, variants_of(kDoc)), "doc.html.fr");
    in.prefer_language = "it";  // no such variant: forgotten
    EXPECT_EQ(choose(in, variants_of(kDoc)), "doc.html.de");
}

TEST(BestMatch, NoGzipDropsEncodedVariants)
{
    const std::vector<Spec> enc = {{"e.txt.gz", "text/plain", {}, "gzip", 3}};
    NegotiationInput in = input_of({{}, {}, {}, "gzip"});
    in.discard = EncodingDiscard::AllEncodings;
    EXPECT_EQ(choose(in, variants_of(enc)), "406");
}

TEST(NegHeaders, VaryAlternatesAndTcn)
{
    NegotiationInput in = input_of({});
    in.mode.is_transparent = true;
    in.mode.send_alternates = true;
    auto vars = variants_of({{"a b.html.en", "text/html; charset=utf-8", {"en"}, nullptr, 5},
                             {"a.txt", "text/plain; qs=0.25", {}, "x-gzip", 7}});
    const NegHeaders h = negotiation_headers(in, vars, false);
    EXPECT_EQ(h.vary, "negotiate, accept, accept-language, accept-charset, accept-encoding");
    EXPECT_EQ(h.tcn, "list");
    EXPECT_EQ(h.alternates,
              "{\"a%20b.html.en\" 1 {type text/html} {charset utf-8} {language en} {length 5}}, "
              "{\"a.txt\" 0.25 {type text/plain} {encoding x-gzip} {length 7}}");
    EXPECT_EQ(variant_list_html(vars),
              "Available variants:\n<ul>\n"
              "<li><a href=\"a%20b.html.en\">a b.html.en</a> , type text/html, language en, "
              "charset utf-8</li>\n"
              "<li><a href=\"a.txt\">a.txt</a> , type text/plain, encoding x-gzip</li>\n</ul>\n");
}

TEST(NegHeaders, NoVaryWhenVariantsAgree)
{
    NegotiationInput in = input_of({});
    auto vars = variants_of({{"t.text", "text/plain", {}, nullptr, 8}, {"t.txt", "text/plain", {}, nullptr, 9}});
    const NegHeaders h = negotiation_headers(in, vars, true);
    EXPECT_FALSE(h.vary);
    EXPECT_FALSE(h.tcn);
    EXPECT_FALSE(h.alternates);
}

}  // namespace
}  // namespace feather::mod::negotiation
