// alias_module's directive table, in httpd's order (mod_alias.c), which `-L` keeps.

#include "modules/alias/alias_setters.hpp"

namespace feather::mod::alias {

namespace {

constexpr ModuleId M = ModuleId::Alias;

constexpr DirectiveSpec kDirectives[] = {
    {"Alias", M, Allow::RsrcConf | Allow::AccessConf, ArgShape::Take12, &set_alias,
     "a fakename and a realname, or a realname in a Location"},
    {"ScriptAlias", M, Allow::RsrcConf | Allow::AccessConf, ArgShape::Take12, &set_script_alias,
     "a fakename and a realname, or a realname in a Location"},
    {"Redirect", M, Allow::FileInfo, ArgShape::Take123, &set_redirect,
     "an optional status, then document to be redirected and destination URL"},
    {"AliasMatch", M, Allow::RsrcConf, ArgShape::Take2, &set_alias_match,
     "a regular expression and a filename"},
    {"ScriptAliasMatch", M, Allow::RsrcConf, ArgShape::Take2, &set_script_alias_match,
     "a regular expression and a filename"},
    {"RedirectMatch", M, Allow::FileInfo, ArgShape::Take23, &set_redirect_match,
     "an optional status, then a regular expression and destination URL"},
    {"RedirectTemp", M, Allow::FileInfo, ArgShape::Take2, &set_redirect_temp,
     "a document to be redirected, then the destination URL"},
    {"RedirectPermanent", M, Allow::FileInfo, ArgShape::Take2, &set_redirect_permanent,
     "a document to be redirected, then the destination URL"},
    {"RedirectRelative", M, Allow::FileInfo, ArgShape::Flag, &set_redirect_relative,
     "Set to ON to allow relative redirect targets to be issued as-is"},
    {"AliasPreservePath", M, Allow::FileInfo, ArgShape::Flag, &set_alias_preserve_path,
     "Set to ON to map the full path after the fakename to the realname."},
};

}  // namespace

extern const ModuleInfo kAliasModule{ModuleId::Alias, "alias_module", "mod_alias.c", false, kDirectives};

}  // namespace feather::mod::alias
