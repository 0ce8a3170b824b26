#include "modules/negotiation/accept_list.hpp"

#include <cctype>
#include <cstdlib>

namespace feather::mod::negotiation {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

void lower_in_place(std::string& s)
{
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
}

void skip_space(std::string_view& s)
{
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
}

// One "attr=value" parameter (the text after a ';'), applied to `item`.
void apply_parameter(AcceptItem& item, std::string_view& line)
{
    const std::string parm = get_token(line, true);
    std::size_t cut = 0;
    while (cut < parm.size() && !is_space(parm[cut]) && parm[cut] != '=') {
        ++cut;
    }
    if (cut == parm.size()) {
        return;  // no '=': ignored
    }
    std::string name = parm.substr(0, cut);
    lower_in_place(name);
    std::size_t v = cut + 1;
    while (v < parm.size() && (is_space(parm[v]) || parm[v] == '=')) {
        ++v;
    }
    std::string value;
    if (v < parm.size() && parm[v] == '"') {
        ++v;
        std::size_t end = v;
        while (end < parm.size() && parm[end] != '\n' && parm[end] != '\r' && parm[end] != '"') {
            ++end;
        }
        value = parm.substr(v, end - v);
    } else {
        std::size_t end = v;
        while (end < parm.size() && !is_space(parm[end])) {
            ++end;
        }
        value = parm.substr(v, end - v);
    }
    lower_in_place(value);
    if (name == "q" || name == "qs") {
        item.quality = parse_qvalue(value);
    } else if (name == "level") {
        item.level = static_cast<float>(std::atoi(value.c_str()));
    } else if (name == "charset") {
        item.charset = std::move(value);
    }
}

}  // namespace

std::string get_token(std::string_view& line, bool accept_white)
{
    skip_space(line);
    std::size_t i = 0;
    while (i < line.size() && (accept_white || !is_space(line[i])) && line[i] != ';' &&
           line[i] != ',') {
        if (line[i++] == '"') {
            while (i < line.size()) {
                if (line[i++] == '"') {
                    break;
                }
            }
        }
    }
    std::string token(line.substr(0, i));
    line.remove_prefix(i);
    skip_space(line);
    return token;
}

float parse_qvalue(std::string_view s)
{
    skip_space(s);
    if (s.empty()) {
        return 1.0f;
    }
    // A leading "0" may be left out (".5"), as httpd tolerates.
    if (s.front() != '.') {
        if (s.front() != '0') {
            return 1.0f;
        }
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() != '.') {
        return 0.0f;
    }
    s.remove_prefix(1);
    int thousandths = 0;
    int scale = 100;
    for (std::size_t i = 0; i < 3 && i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        thousandths += (s[i] - '0') * scale;
        scale /= 10;
    }
    return static_cast<float>(thousandths) / 1000.0f;
}

AcceptItem parse_accept_item(std::string_view& line)
{
    AcceptItem item;
    item.name = get_token(line, false);
    lower_in_place(item.name);
    // HTML is level 2 unless the client says otherwise (and the server-
    // parsed types likewise), so that level-3 variants go only to clients
    // that ask for them.
    if (item.name == "text/html" || item.name == kIncludesMagicType) {
        item.level = 2.0f;
    } else if (item.name == kIncludesMagicType3) {
        item.level = 3.0f;
    }
    while (!line.empty() && line.front() == ';') {
        line.remove_prefix(1);
        apply_parameter(item, line);
    }
    if (!line.empty() && line.front() == ',') {
        line.remove_prefix(1);
    }
    return item;
}

std::optional<std::vector<AcceptItem>> parse_accept_list(std::optional<std::string_view> header)
{
    if (!header) {
        return std::nullopt;
    }
    std::vector<AcceptItem> items;
    std::string_view line = *header;
    while (!line.empty()) {
        items.push_back(parse_accept_item(line));
    }
    return items;
}

std::vector<std::string> parse_language_list(std::string_view line)
{
    std::vector<std::string> langs;
    while (!line.empty()) {
        std::string tag = get_token(line, false);
        lower_in_place(tag);
        langs.push_back(std::move(tag));
        if (!line.empty() && (line.front() == ',' || line.front() == ';')) {
            line.remove_prefix(1);
        }
    }
    return langs;
}

}  // namespace feather::mod::negotiation
