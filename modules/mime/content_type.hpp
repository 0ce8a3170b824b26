#pragma once
// How mod_mime rewrites a Content-Type once the extensions have chosen it
// (httpd's analyze_ct and the end of find_ct): "type/subtype" followed by
// each parameter as "; attr=value", the charset of AddCharset replacing the
// type's own charset parameter or added at the end.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace feather::mod::mime {

struct MediaType {
    std::string type;  // as httpd cuts it (white space before the '/' kept)
    std::string subtype;
    std::vector<std::pair<std::string, std::string>> params;  // attribute, value (quotes kept)
};

// httpd's analyze_ct. nullopt when the text does not parse; `warning` then
// holds the message httpd logs (AH01598 ... AH01609).
std::optional<MediaType> analyze_content_type(std::string_view text, std::string& warning);

// The rewritten Content-Type; `charset` (lower case) replaces a "charset"
// parameter (the first; later ones are dropped) or is appended.
std::string rebuild_content_type(const MediaType& m, const std::optional<std::string>& charset);

}  // namespace feather::mod::mime
