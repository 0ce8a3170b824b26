#include "modules/mime/mime_config.hpp"

#include <algorithm>

namespace feather::mod::mime {

namespace {

void overlay_field(std::string& into, const std::string& add)
{
    if (!add.empty()) {
        into = add;
    }
}

}  // namespace

// httpd's merge_mime_dir_configs: the more specific section's mappings win
// per extension and per attribute; Remove* lines clear what the parent set.
MimeDirConfig merge(const MimeDirConfig& base, const MimeDirConfig& add)
{
    MimeDirConfig conf;
    conf.extensions = base.extensions;
    auto clear = [&](const std::vector<std::string>& exts, std::string ExtensionInfo::*field) {
        for (const auto& e : exts) {
            if (auto it = conf.extensions.find(e); it != conf.extensions.end()) {
                (it->second).*field = std::string();
            }
        }
    };
    clear(add.remove_types, &ExtensionInfo::type);
    clear(add.remove_encodings, &ExtensionInfo::encoding);
    clear(add.remove_charsets, &ExtensionInfo::charset);
    clear(add.remove_languages, &ExtensionInfo::language);
    clear(add.remove_handlers, &ExtensionInfo::handler);
    clear(add.remove_input_filters, &ExtensionInfo::input_filters);
    clear(add.remove_output_filters, &ExtensionInfo::output_filters);
    for (const auto& [ext, info] : add.extensions) {
        auto& into = conf.extensions[ext];
        overlay_field(into.type, info.type);
        overlay_field(into.encoding, info.encoding);
        overlay_field(into.charset, info.charset);
        overlay_field(into.language, info.language);
        overlay_field(into.handler, info.handler);
        overlay_field(into.input_filters, info.input_filters);
        overlay_field(into.output_filters, info.output_filters);
    }
    conf.default_language = merge(base.default_language, add.default_language);
    conf.multiviews_match = merge(base.multiviews_match, add.multiviews_match);
    conf.use_path_info = merge(base.use_path_info, add.use_path_info);
    return conf;
}

}  // namespace feather::mod::mime
