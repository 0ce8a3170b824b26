#pragma once
// A type map (.var file, handler "type-map"): records of headers separated
// by blank lines, with #-comments, continuation lines and inline Body:
// content, read as httpd 2.4's read_type_map / get_header_line / get_body.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/negotiation/variant.hpp"

namespace feather::mod::negotiation {

struct TypeMapRead {
    std::vector<Variant> variants;
    // A syntax error httpd answers with 500 (AH00681, AH00682); other
    // errors (AH00684, AH00685) end the reading and keep what was read.
    bool server_error = false;
    std::vector<std::string> errors;  // log lines, with their AHxxxxx
};

// `text`: the map's bytes. `map_name`: the map's file name (the variant
// name of inline bodies). `request_file`: the request's file name, which
// httpd names in its messages.
TypeMapRead read_type_map(std::string_view text, std::string_view map_name,
                          std::string_view request_file);

}  // namespace feather::mod::negotiation
