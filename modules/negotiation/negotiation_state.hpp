#pragma once
// One negotiation at request time (httpd's negotiation_state): the
// client's side read from the request, the variants found, and the steps
// shared by MultiViews and type maps.

#include <vector>

#include "modules/negotiation/variant.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"

namespace feather::mod::negotiation {

struct Negotiation {
    NegotiationInput in;
    std::vector<Variant> variants;
    int multiviews_count = 0;  // variants found on disk (0 for a type map)
};

// httpd's parse_accept_headers: the Accept* headers, the section's
// LanguagePriority and ForceLanguagePriority, the environment's
// prefer-language / no-gzip / gzip-only-text/html.
Negotiation start_negotiation(const Request& r);

// Reads the type map `map` (the request itself, or a subrequest MultiViews
// found) into `neg`, setting r's variant list validator. An error status
// when the map cannot be read (httpd's read_type_map).
Verdict load_type_map(Request& r, Request& map, Negotiation& neg);

// httpd's read_types_multi: the directory's "name.*" files through one
// subrequest each. Declined when there is nothing to negotiate.
Verdict read_multiviews(Request& r, Negotiation& neg);

// httpd's do_negotiation: chooses (`best`), or answers 300 / 406 / 506
// (and sets the negotiation headers on r as it goes).
Verdict negotiate(Request& r, Negotiation& neg, bool prefer_scripts, std::size_t& best);

}  // namespace feather::mod::negotiation
