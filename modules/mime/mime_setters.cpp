// mime_module's setters (httpd's mod_mime.c add_extension_info,
// remove_extension_info, remove_extension_type, multiviews_match,
// set_types_config).

#include "modules/mime/mime_setters.hpp"

#include <algorithm>
#include <cctype>

#include "modules/mime/mime_config.hpp"

namespace feather::mod::mime {

namespace {

using directives::iequals;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// An extension as httpd keys it: lower case, one leading '.' dropped.
std::string extension_key(std::string_view ext)
{
    if (!ext.empty() && ext.front() == '.') {
        ext.remove_prefix(1);
    }
    return lower(std::string(ext));
}

// Add*: one value (lower-cased, as httpd does for every attribute) for one
// extension; a later line for the same extension and attribute wins.
Status add_extension_info(Cmd& cmd, ExtensionField field, const std::string& value,
                          std::string_view ext)
{
    dir_conf<MimeDirConfig>(cmd).extensions[extension_key(ext)].*field = lower(value);
    return std::nullopt;
}

Status remove_extension_info(Cmd& cmd, ExtensionField field, std::string_view ext)
{
    dir_conf<MimeDirConfig>(cmd).removals.push_back({extension_key(ext), field});
    return std::nullopt;
}

}  // namespace

Status set_add_charset(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::charset, args[0], args[1]);
}

Status set_add_encoding(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::encoding, args[0], args[1]);
}

Status set_add_handler(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::handler, args[0], args[1]);
}

Status set_add_input_filter(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::input_filters, args[0], args[1]);
}

Status set_add_language(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::language, args[0], args[1]);
}

Status set_add_output_filter(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::output_filters, args[0], args[1]);
}

Status set_add_type(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::type, args[0], args[1]);
}

Status set_default_language(Cmd& cmd, const Args& args)
{
    dir_conf<MimeDirConfig>(cmd).default_language.set(args[0], cmd.loc());
    return std::nullopt;
}

// The keywords of one section accumulate, across lines too; the checks look
// only at what this section said (httpd's multiviews_match).
Status set_multiviews_match(Cmd& cmd, const Args& args)
{
    auto& setting = dir_conf<MimeDirConfig>(cmd).multiviews_match;
    MultiviewsMatch m = setting.get_or({});
    const std::string& word = args[0];
    if (iequals(word, "Any")) {
        if (m.negotiated_only || m.handlers || m.filters) {
            return "Any is incompatible with NegotiatedOnly, Filters and Handlers";
        }
        m.any = true;
    } else if (iequals(word, "NegotiatedOnly")) {
        if (m.any || m.handlers || m.filters) {
            return "NegotiatedOnly is incompatible with Any, Filters and Handlers";
        }
        m.negotiated_only = true;
    } else if (iequals(word, "Filters")) {
        if (m.any || m.negotiated_only) {
            return "Filters is incompatible with Any and NegotiatedOnly";
        }
        m.filters = true;
    } else if (iequals(word, "Handlers")) {
        if (m.any || m.negotiated_only) {
            return "Handlers is incompatible with Any and NegotiatedOnly";
        }
        m.handlers = true;
    } else {
        return "Unrecognized option '" + word + "'";
    }
    setting.set(m, cmd.loc());
    return std::nullopt;
}

Status set_remove_charset(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::charset, args[0]);
}

Status set_remove_encoding(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::encoding, args[0]);
}

Status set_remove_handler(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::handler, args[0]);
}

Status set_remove_input_filter(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::input_filters, args[0]);
}

Status set_remove_language(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::language, args[0]);
}

Status set_remove_output_filter(Cmd& cmd, const Args& args)
{
    return remove_extension_info(cmd, &ExtensionInfo::output_filters, args[0]);
}

// httpd records an empty type rather than a removal, so that RemoveType also
// hides the extension's entry in the TypesConfig file.
Status set_remove_type(Cmd& cmd, const Args& args)
{
    return add_extension_info(cmd, &ExtensionInfo::type, "", args[0]);
}

// httpd only records the name here and opens the file after the
// configuration is read (mime_post_config), so `-t` does not notice a
// missing file.
Status set_types_config(Cmd& cmd, const Args& args)
{
    server_conf<MimeServerConfig>(cmd).types_config.set(
        cmd.loader->server_root_relative(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_mod_mime_use_path_info(Cmd& cmd, const Args& args)
{
    dir_conf<MimeDirConfig>(cmd).use_path_info.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::mime
