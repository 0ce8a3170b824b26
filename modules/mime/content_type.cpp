#include "modules/mime/content_type.hpp"

#include <cctype>
#include <cstring>

namespace feather::mod::mime {

namespace {

// NUL ends the text as it ends httpd's C string.
char at(std::string_view s, std::size_t i) { return i < s.size() ? s[i] : '\0'; }

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
// zap_sp's and the parameter loop's narrower set.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool is_token(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 128 && std::isgraph(u) && std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
}

bool is_qtext(char c)
{
    return static_cast<unsigned char>(c) < 128 && c != '"' && c != '\\' && c != '\n' && c != '\0';
}

// zap_sp_and_dup: the text between `from` and `to`, trimmed.
std::string trimmed(std::string_view s, std::size_t from, std::size_t to)
{
    while (from < to && is_space(s[from])) {
        ++from;
    }
    while (to > from && is_space(s[to - 1])) {
        --to;
    }
    return std::string(s.substr(from, to - from));
}

std::optional<MediaType> fail(std::string& warning, std::string text)
{
    warning = std::move(text);
    return std::nullopt;
}

}  // namespace

std::optional<MediaType> analyze_content_type(std::string_view s, std::string& warning)
{
    const std::string quoted_input = "'" + std::string(s) + "'";
    MediaType m;
    std::size_t cp = 0;
    while (is_space(at(s, cp))) {
        ++cp;
    }
    if (at(s, cp) == '\0') {
        return fail(warning,
                    "AH01598: mod_mime: analyze_ct: cannot get media type from " + quoted_input);
    }
    const std::size_t type = cp;
    do {
        ++cp;
    } while (at(s, cp) != '\0' && at(s, cp) != '/' && !is_space(at(s, cp)) && at(s, cp) != ';');
    if (at(s, cp) == '\0' || at(s, cp) == ';') {
        return fail(warning, "AH01599: Cannot get media type from " + quoted_input);
    }
    while (is_space(at(s, cp))) {
        ++cp;
    }
    if (at(s, cp) != '/') {
        return fail(warning,
                    "AH01600: mod_mime: analyze_ct: cannot get media type from " + quoted_input);
    }
    m.type = std::string(s.substr(type, cp - type));
    ++cp;
    while (is_space(at(s, cp))) {
        ++cp;
    }
    if (at(s, cp) == '\0') {
        return fail(warning, "AH01601: Cannot get media subtype.");
    }
    const std::size_t subtype = cp;
    do {
        ++cp;
    } while (at(s, cp) != '\0' && !is_space(at(s, cp)) && at(s, cp) != ';');
    m.subtype = std::string(s.substr(subtype, cp - subtype));
    while (is_space(at(s, cp))) {
        ++cp;
    }
    if (at(s, cp) == '\0') {
        return m;
    }

    // The parameters.
    ++cp;
    while (is_blank(at(s, cp))) {
        ++cp;
    }
    if (at(s, cp) == '\0') {
        return fail(warning, "AH01602: Cannot get media parameter.");
    }
    std::size_t mp = cp;
    std::optional<std::string> attribute;
    while (at(s, cp) != '\0') {
        if (!attribute) {
            if (is_token(at(s, cp)) || is_blank(at(s, cp))) {
                ++cp;
                continue;
            }
            if (at(s, cp) != '=') {
                return fail(warning, "AH01605: Cannot get media parameter.");
            }
            attribute = trimmed(s, mp, cp);
            if (attribute->empty()) {
                return fail(warning, "AH01603: Cannot get media parameter.");
            }
            ++cp;
            while (is_blank(at(s, cp))) {
                ++cp;
            }
            if (at(s, cp) == '\0') {
                return fail(warning, "AH01604: Cannot get media parameter.");
            }
            mp = cp;
            continue;
        }
        bool quoted = false;
        if (mp == cp && at(s, cp) == '"') {
            quoted = true;
            ++cp;
        }
        if (quoted) {
            while (quoted && at(s, cp) != '\0') {
                const char c = at(s, cp);
                if (is_qtext(c)) {
                    ++cp;
                } else if (c == '\\' && at(s, cp + 1) != '\0' &&
                           static_cast<unsigned char>(at(s, cp + 1)) < 128) {
                    cp += 2;
                } else if (c == '"') {
                    ++cp;
                    while (is_blank(at(s, cp))) {
                        ++cp;
                    }
                    if (at(s, cp) != ';' && at(s, cp) != '\0') {
                        return fail(warning, "AH01606: Cannot get media parameter.");
                    }
                    quoted = false;
                } else {
                    return fail(warning, "AH01607: Cannot get media parameter.");
                }
            }
        } else {
            while (true) {
                const char c = at(s, cp);
                if (is_token(c)) {
                    ++cp;
                } else if (c == '\0' || c == ';') {
                    break;
                } else {
                    return fail(warning, "AH01608: Cannot get media parameter.");
                }
            }
        }
        std::string value = trimmed(s, mp, cp);
        if (value.empty()) {
            return fail(warning, "AH01609: Cannot get media parameter.");
        }
        m.params.emplace_back(std::move(*attribute), std::move(value));
        attribute.reset();
        if (at(s, cp) == '\0') {
            break;
        }
        ++cp;
        mp = cp;
    }
    return m;
}

std::string rebuild_content_type(const MediaType& m, const std::optional<std::string>& charset)
{
    std::string out = m.type + "/" + m.subtype;
    bool replaced = false;
    for (const auto& [attr, value] : m.params) {
        if (charset && attr == "charset") {
            if (!replaced) {
                out += "; charset=" + *charset;
                replaced = true;
            }
        } else {
            out += "; " + attr + "=" + value;
        }
    }
    if (charset && !replaced) {
        out += "; charset=" + *charset;
    }
    return out;
}

}  // namespace feather::mod::mime
