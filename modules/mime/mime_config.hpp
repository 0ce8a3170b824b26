#pragma once
// mod_mime: extension mappings per directory, the types file per server.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "directives/setting.hpp"

namespace feather::mod::mime {

// What a section's Add* lines say about one extension. Unset attributes are
// inherited; a set one replaces the parent's. RemoveType sets the type to ""
// (httpd does so that it also hides the TypesConfig entry).
struct ExtensionInfo {
    std::optional<std::string> type{};            // AddType ("" after RemoveType)
    std::optional<std::string> encoding{};        // AddEncoding
    std::optional<std::string> charset{};         // AddCharset
    std::optional<std::string> language{};        // AddLanguage
    std::optional<std::string> handler{};         // AddHandler
    std::optional<std::string> input_filters{};   // AddInputFilter (';'-separated names)
    std::optional<std::string> output_filters{};  // AddOutputFilter (';'-separated names)

    bool operator==(const ExtensionInfo&) const = default;
};

using ExtensionField = std::optional<std::string> ExtensionInfo::*;

// One Remove{Encoding,Charset,Language,Handler,InputFilter,OutputFilter}
// extension: applied when the section is merged onto its parent, then
// dropped, so the mapping is not inherited but may be added again deeper.
struct Removal {
    std::string extension;  // lower case, without the leading '.'
    ExtensionField field;

    bool operator==(const Removal&) const = default;
};

// MultiviewsMatch keywords given in one section (they accumulate there).
struct MultiviewsMatch {
    bool any = false;
    bool negotiated_only = false;
    bool handlers = false;
    bool filters = false;

    bool operator==(const MultiviewsMatch&) const = default;
};

struct MimeDirConfig {
    std::map<std::string, ExtensionInfo> extensions;  // key: lower case, without '.'
    std::vector<Removal> removals;                     // this section's Remove* lines
    Setting<std::string> default_language;             // DefaultLanguage, as written
    Setting<MultiviewsMatch> multiviews_match;
    Setting<bool> use_path_info;                       // ModMimeUsePathInfo
};

// The types file is read once, from the main server's setting (httpd's
// mime_post_config); a virtual host's TypesConfig is accepted and unused.
struct MimeServerConfig {
    Setting<std::string> types_config;  // resolved against ServerRoot
};

// The file read when TypesConfig is not given. httpd's compiled-in default
// (AP_TYPES_CONFIG_FILE) is ServerRoot-relative; Feather uses Debian's
// media-types file instead (design.md, Dependencies).
inline constexpr const char* kDefaultTypesConfig = "/etc/mime.types";

MimeDirConfig merge(const MimeDirConfig& base, const MimeDirConfig& add);
inline MimeServerConfig merge(const MimeServerConfig& base, const MimeServerConfig& add)
{
    return {merge(base.types_config, add.types_config)};
}

}  // namespace feather::mod::mime
