#pragma once
// mod_mime: extension mappings per directory, the types file per server.

#include <map>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::mime {

// What a directory's Add*/Remove* lines say about one extension.
struct ExtensionInfo {
    std::string type, encoding, charset, language, handler, input_filters, output_filters;
};

struct MimeDirConfig {
    std::map<std::string, ExtensionInfo> extensions;  // lower-case extension without '.'
    std::vector<std::string> remove_types, remove_encodings, remove_charsets, remove_languages,
        remove_handlers, remove_input_filters, remove_output_filters;
    Setting<std::string> default_language;
    Setting<unsigned> multiviews_match;  // bits: NegotiatedOnly=0, Handlers=1, Filters=2, Any=4
    Setting<bool> use_path_info;          // ModMimeUsePathInfo
};

struct MimeServerConfig {
    Setting<std::string> types_config;  // TypesConfig
};

MimeDirConfig merge(const MimeDirConfig& base, const MimeDirConfig& add);
inline MimeServerConfig merge(const MimeServerConfig& base, const MimeServerConfig& add)
{
    return {merge(base.types_config, add.types_config)};
}

}  // namespace feather::mod::mime
