#pragma once
// The TypesConfig file (httpd's mime_post_config): "type ext ext ..." per
// line, read once per configuration generation from the main server's
// setting, into a table from lower-case extension to type.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "directives/config.hpp"
#include "modules/module_states.hpp"

namespace feather::mod::mime {

struct TypesTable {
    std::unordered_map<std::string, std::string> by_extension;  // key: lower case, no '.'

    // The type of a lower-case extension, or nullptr.
    const std::string* find(const std::string& ext) const
    {
        const auto it = by_extension.find(ext);
        return it == by_extension.end() ? nullptr : &it->second;
    }
};

// Reads the text of a types file as httpd does: lines joined by a trailing
// backslash and trimmed (ap_cfg_getline), '#' lines skipped, the first word
// the type (kept as written), each further word an extension (lower-cased;
// a later line wins). A logical line of 8191 bytes or more ends the reading,
// as httpd's fixed line buffer does.
TypesTable parse_types(std::string_view text);

// Reads `path`; nullopt with `error` set to httpd's startup message
// ("(2)No such file or directory: AH01597: could not open mime types config
// file PATH.") when the file cannot be opened.
std::optional<TypesTable> read_types_file(const std::string& path, std::string& error);

// The path httpd opens: the main server's TypesConfig, else the default.
std::string types_config_path(const directives::Config& config);

// The post-config step: fills states.mime_types when mod_mime is loaded.
bool load_types_config(const directives::Config& config, ModuleStates& states,
                       PostConfigContext& context, std::string& error);

}  // namespace feather::mod::mime
