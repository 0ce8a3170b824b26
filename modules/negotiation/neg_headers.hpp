#pragma once
// What a negotiated response says about its variants (httpd's
// set_neg_headers and make_variant_list): Vary for the dimensions in which
// the variants differ, Alternates (RFC 2295) when asked for, TCN, and the
// HTML list of 300 and 406 responses.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/negotiation/variant.hpp"

namespace feather::mod::negotiation {

struct NegHeaders {
    std::optional<std::string> alternates;
    std::optional<std::string> vary;  // "negotiate, accept, accept-language, ..."
    std::optional<std::string> tcn;   // "choice" or "list"
};

// A variant without a known length is stat()ed (in.dir_name) for its
// {length}. `choice` tells whether the algorithm chose a variant.
NegHeaders negotiation_headers(const NegotiationInput& in, std::vector<Variant>& variants, bool choice);

// "Available variants:\n<ul>\n<li>...</li>\n</ul>\n"
std::string variant_list_html(const std::vector<Variant>& variants);

// ap_escape_path_segment: like a URI path escape, '/' and ';' included.
std::string escape_path_segment(std::string_view s);
// ap_escape_html: < > & and ".
std::string escape_html(std::string_view s);

}  // namespace feather::mod::negotiation
