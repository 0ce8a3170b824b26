#include "modules/negotiation/neg_headers.hpp"

#include "modules/negotiation/best_match.hpp"

#include <cctype>
#include <cstdio>

namespace feather::mod::negotiation {

namespace {

std::string join(const std::vector<std::string>& v, char sep)
{
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) {
            out.push_back(sep);
        }
        out += v[i];
    }
    return out;
}

// "%1.3f" cut to five characters, with trailing zeros dropped as httpd
// does it: 1.000 -> "1", 0.500 -> "0.5".
std::string quality_text(float q)
{
    char buf[6];
    std::snprintf(buf, sizeof buf, "%1.3f", static_cast<double>(q));
    if (buf[4] == '0') {
        buf[4] = '\0';
        if (buf[3] == '0') {
            buf[3] = '\0';
            if (buf[2] == '0') {
                buf[1] = '\0';
            }
        }
    }
    return buf;
}

}  // namespace

std::string escape_path_segment(std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    static constexpr std::string_view kSafe = "$-_.+!*'(),:@&=~";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || kSafe.find(ch) != std::string_view::npos) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xf]);
        }
    }
    return out;
}

std::string escape_html(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

NegHeaders negotiation_headers(const NegotiationInput& in, std::vector<Variant>& variants, bool choice)
{
    NegHeaders out;
    bool by_type = false;
    bool by_language = false;
    bool by_charset = false;
    bool by_encoding = false;
    std::string alternates;
    for (std::size_t j = 0; j < variants.size(); ++j) {
        Variant& v = variants[j];
        const std::string lang = join(v.languages, ',');
        if (j > 0) {
            const Variant& first = variants[0];
            by_type = by_type || first.mime_type != v.mime_type;
            by_charset = by_charset || first.charset != v.charset;
            by_language = by_language || join(first.languages, ',') != lang;
            by_encoding = by_encoding || first.encoding.value_or("") != v.encoding.value_or("");
        }
        if (!in.mode.send_alternates) {
            continue;
        }
        if (j > 0) {
            alternates += ", ";
        }
        alternates += "{\"" + escape_path_segment(v.file_name) + "\" " + quality_text(v.source_quality);
        if (!v.mime_type.empty()) {
            alternates += " {type " + v.mime_type + "}";
        }
        if (!v.charset.empty()) {
            alternates += " {charset " + v.charset + "}";
        }
        if (!lang.empty()) {
            alternates += " {language " + lang + "}";
        }
        if (v.encoding && !v.encoding->empty()) {
            alternates += " {encoding " + *v.encoding + "}";
        }
        // A handler's output has no known length (a CGI script's size is
        // not its output's).
        if (!v.has_handler) {
            if (const auto len = variant_length(in, v)) {
                alternates += " {length " + std::to_string(*len) + "}";
            }
        }
        alternates += "}";
    }
    if (in.mode.send_alternates && !variants.empty()) {
        out.alternates = std::move(alternates);
    }
    if (in.mode.is_transparent || by_type || by_language || by_charset || by_encoding) {
        std::string vary;
        for (const auto& [on, name] : {std::pair{in.mode.is_transparent, "negotiate"},
                                       std::pair{by_type, "accept"},
                                       std::pair{by_language, "accept-language"},
                                       std::pair{by_charset, "accept-charset"},
                                       std::pair{by_encoding, "accept-encoding"}}) {
            if (on) {
                vary += (vary.empty() ? "" : ", ") + std::string(name);
            }
        }
        out.vary = std::move(vary);
    }
    if (in.mode.is_transparent) {
        out.tcn = choice ? "choice" : "list";
    }
    return out;
}

std::string variant_list_html(const std::vector<Variant>& variants)
{
    std::string out = "Available variants:\n<ul>\n";
    for (const Variant& v : variants) {
        out += "<li><a href=\"" + escape_path_segment(v.file_name) + "\">" + escape_html(v.file_name) +
               "</a> " + v.description;
        if (!v.mime_type.empty()) {
            out += ", type " + v.mime_type;
        }
        if (!v.languages.empty()) {
            out += ", language " + join(v.languages, ',');
        }
        if (!v.charset.empty()) {
            out += ", charset " + v.charset;
        }
        if (v.encoding) {
            out += ", encoding " + *v.encoding;
        }
        out += "</li>\n";
    }
    return out + "</ul>\n";
}

}  // namespace feather::mod::negotiation
