// mime_module's directive table, in httpd's order (mod_mime.c), which `-L` keeps.

#include "modules/mime/mime_setters.hpp"

namespace feather::mod::mime {

namespace {

constexpr ModuleId M = ModuleId::Mime;

constexpr DirectiveSpec kDirectives[] = {
    {"AddCharset", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_charset,
     "a charset (e.g., iso-2022-jp), followed by one or more file extensions"},
    {"AddEncoding", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_encoding,
     "an encoding (e.g., gzip), followed by one or more file extensions"},
    {"AddHandler", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_handler,
     "a handler name followed by one or more file extensions"},
    {"AddInputFilter", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_input_filter,
     "input filter name (or ; delimited names) followed by one or more file extensions"},
    {"AddLanguage", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_language,
     "a language (e.g., fr), followed by one or more file extensions"},
    {"AddOutputFilter", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_output_filter,
     "output filter name (or ; delimited names) followed by one or more file extensions"},
    {"AddType", M, Allow::FileInfo, ArgShape::Iterate2, &set_add_type,
     "a mime type followed by one or more file extensions"},
    {"DefaultLanguage", M, Allow::FileInfo, ArgShape::Take1, &set_default_language,
     "language to use for documents with no other language file extension"},
    {"MultiviewsMatch", M, Allow::FileInfo, ArgShape::Iterate, &set_multiviews_match,
     "NegotiatedOnly (default), Handlers and/or Filters, or Any", Forbid::Location},
    {"RemoveCharset", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_charset,
     "one or more file extensions"},
    {"RemoveEncoding", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_encoding,
     "one or more file extensions"},
    {"RemoveHandler", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_handler,
     "one or more file extensions"},
    {"RemoveInputFilter", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_input_filter,
     "one or more file extensions"},
    {"RemoveLanguage", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_language,
     "one or more file extensions"},
    {"RemoveOutputFilter", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_output_filter,
     "one or more file extensions"},
    {"RemoveType", M, Allow::FileInfo, ArgShape::Iterate, &set_remove_type,
     "one or more file extensions"},
    {"TypesConfig", M, Allow::RsrcConf, ArgShape::Take1, &set_types_config,
     "the MIME types config file"},
    {"ModMimeUsePathInfo", M, Allow::AccessConf, ArgShape::Flag, &set_mod_mime_use_path_info,
     "Set to 'yes' to allow mod_mime to use path info for type checking"},
};

}  // namespace

extern const ModuleInfo kMimeModule{ModuleId::Mime, "mime_module", "mod_mime.c", false, kDirectives};

}  // namespace feather::mod::mime
