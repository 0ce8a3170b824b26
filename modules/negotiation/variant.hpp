#pragma once
// What negotiation knows about one variant, and about the client's side of
// one negotiation (httpd's var_rec and negotiation_state), kept apart from
// the request so that the algorithm can be tested from tables.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modules/negotiation/accept_list.hpp"

namespace feather {
struct Request;
}

namespace feather::mod::negotiation {

struct Variant {
    // --- what the variant is (from mod_mime or the type map) -------------
    std::string file_name;                    // relative to the negotiated resource's directory
    std::string mime_type;                    // lower case, without parameters ("" if none)
    std::string charset;                      // lower case ("" if none)
    std::optional<std::string> encoding;      // Content-Encoding (mod_mime or the map)
    std::vector<std::string> languages;       // lower case (from the map) or as mod_mime has them
    std::string description;                  // a type map's Description
    std::optional<std::uint64_t> body_offset; // a type map's inline Body: where it starts in the map
    std::optional<std::int64_t> bytes;        // length when known (map, stat or the subrequest)
    bool has_handler = false;                 // the subrequest found a handler (no {length})
    float source_quality = 0.0f;              // qs
    float level = 0.0f;
    bool is_pseudo_html = false;              // text/html or a server-parsed type

    // --- what the negotiation found (set by best_match) -------------------
    float mime_type_quality = 1.0f;
    float lang_quality = 1.0f;
    float charset_quality = 1.0f;
    float encoding_quality = 1.0f;
    std::optional<int> lang_index;            // position in LanguagePriority
    float level_matched = 0.0f;
    int mime_stars = 0;                       // 1: */*, 2: type/*, 3: type/subtype
    bool definite = true;                     // RFC 2296's definiteness

    // The subrequest that found a MultiViews variant (shared: the chosen
    // one outlives the negotiation, promoted into the request).
    std::shared_ptr<Request> sub;
};

// Sets the type, source quality, level and charset from a parsed
// Content-Type (httpd's set_mime_fields).
void set_mime_fields(Variant& v, const AcceptItem& type);

// The request's Accept* headers, parsed once.
struct ClientAccepts {
    std::optional<std::vector<AcceptItem>> types;
    std::optional<std::vector<AcceptItem>> encodings;
    std::optional<std::vector<AcceptItem>> languages;
    std::optional<std::vector<AcceptItem>> charsets;
    bool explicit_q = false;  // an Accept item has q < 1 (then wildcards keep their q)
};

// How the client asked to negotiate (the Negotiate header) and what
// follows from it (httpd's parse_negotiate_header).
struct NegotiationMode {
    bool is_transparent = false;       // the resource negotiates transparently (RFC 2295)
    bool ua_supports_trans = false;
    bool send_alternates = false;
    bool may_choose = true;
    bool use_rvsa = false;             // RFC 2296's algorithm (Negotiate: 1.0)
    bool dont_fiddle_headers = false;  // take the client's headers literally
};

// ForceLanguagePriority, resolved (unset means Prefer).
struct LanguageForcing {
    bool prefer = true;
    bool fallback = false;
};

// What drops variants before the algorithm looks at them (SetEnvIf's
// no-gzip / gzip-only-text/html, prefer-language).
enum class EncodingDiscard { None, AllEncodings, AllButHtml };

struct NegotiationInput {
    ClientAccepts accepts;
    NegotiationMode mode;
    LanguageForcing forcing;
    std::vector<std::string> language_priority;
    std::optional<std::string> prefer_language;
    EncodingDiscard discard = EncodingDiscard::None;
    std::string dir_name;  // for stat()ing a map variant's length ("" in tests)
};

}  // namespace feather::mod::negotiation
