#include "modules/mime/mime_config.hpp"

namespace feather::mod::mime {

namespace {

// httpd's overlay_extension_mappings: each attribute the section sets
// replaces the parent's; the others are inherited.
void overlay(ExtensionInfo& into, const ExtensionInfo& add)
{
    for (const ExtensionField field :
         {&ExtensionInfo::type, &ExtensionInfo::encoding, &ExtensionInfo::charset,
          &ExtensionInfo::language, &ExtensionInfo::handler, &ExtensionInfo::input_filters,
          &ExtensionInfo::output_filters}) {
        if (add.*field) {
            into.*field = add.*field;
        }
    }
}

}  // namespace

// httpd's merge_mime_dir_configs. The section's Remove* lines are applied
// after its own Add* lines are overlaid, so they also undo an Add* of the
// same section; they are then dropped, so they act once, on this merge.
MimeDirConfig merge(const MimeDirConfig& base, const MimeDirConfig& add)
{
    MimeDirConfig conf;
    conf.extensions = base.extensions;
    for (const auto& [ext, info] : add.extensions) {
        overlay(conf.extensions[ext], info);
    }
    for (const Removal& r : add.removals) {
        if (auto it = conf.extensions.find(r.extension); it != conf.extensions.end()) {
            (it->second.*r.field).reset();
        }
    }
    conf.default_language = merge(base.default_language, add.default_language);
    conf.multiviews_match = merge(base.multiviews_match, add.multiviews_match);
    conf.use_path_info = merge(base.use_path_info, add.use_path_info);
    return conf;
}

}  // namespace feather::mod::mime
