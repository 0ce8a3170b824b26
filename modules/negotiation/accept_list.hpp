#pragma once
// The grammar mod_negotiation reads: Accept-style lists ("name; q=0.5;
// level=2; charset=x, ..."), the same entry form in a type map's
// Content-Type, and a type map's Content-Language list. httpd's
// ap_get_token, get_entry, do_header_line and do_languages_line, which
// are lenient in their own ways (the "old format" of white-space separated
// types, q-values read with at most three digits) that decide outcomes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather::mod::negotiation {

// One item of an Accept* list, or a variant's media type with its
// parameters. The name is lower case.
struct AcceptItem {
    std::string name;
    float quality = 1.0f;  // q (Accept*) or qs (a variant's source quality)
    float level = 0.0f;    // text/html defaults to 2 (see parse_accept_item)
    std::string charset;   // the charset parameter, lower case
};

// httpd's ap_get_token: skips leading white space, reads to ';' or ','
// (or white space unless `accept_white`), keeping quoted strings whole,
// then skips trailing white space.
std::string get_token(std::string_view& line, bool accept_white);

// httpd's atoq: "0", "0.xyz", ".xyz" read as at most three decimals;
// anything else (empty, "1", "2", junk) is 1.
float parse_qvalue(std::string_view text);

// One entry from the front of `line` (consumed, with a following ',').
AcceptItem parse_accept_item(std::string_view& line);

// A whole header: nullopt when the header is absent, which differs from a
// present but empty one (an empty Accept-Encoding accepts nothing).
std::optional<std::vector<AcceptItem>> parse_accept_list(std::optional<std::string_view> header);

// A type map's Content-Language value: tokens separated by ',' or ';',
// lower-cased.
std::vector<std::string> parse_language_list(std::string_view line);

// The INCLUDES_MAGIC_TYPEs of mod_include, which negotiate as text/html.
inline constexpr std::string_view kIncludesMagicType = "text/x-server-parsed-html";
inline constexpr std::string_view kIncludesMagicType3 = "text/x-server-parsed-html3";
// CGI_MAGIC_TYPE: what a variant with a handler and no type negotiates as.
inline constexpr std::string_view kCgiMagicType = "application/x-httpd-cgi";

}  // namespace feather::mod::negotiation
