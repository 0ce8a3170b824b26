#pragma once
// Apache's variant selection (httpd 2.4 mod_negotiation's set_*_quality,
// is_variant_better, is_variant_better_rvsa and best_match): the quality of
// each variant in every dimension, then the best one. Also computes the
// qualities of every variant, which the Alternates header and the lists of
// 300 and 406 responses show.

#include <optional>
#include <vector>

#include "modules/negotiation/variant.hpp"

namespace feather::mod::negotiation {

// httpd's maybe_add_default_accepts: "*/*" when the client sent no Accept,
// and the CGI magic type (preferred when `prefer_scripts`).
void add_default_accepts(NegotiationInput& in, bool prefer_scripts);

struct MatchResult {
    bool choice = false;              // alg_choice (else alg_list)
    std::optional<std::size_t> best;  // index into the variants
};

// find_content_length: a map's Content-Length, the subrequest's size, or
// the file's (stat()ed once, from `in.dir_name`).
std::optional<std::int64_t> variant_length(const NegotiationInput& in, Variant& v);

MatchResult best_match(const NegotiationInput& in, std::vector<Variant>& variants);

}  // namespace feather::mod::negotiation
