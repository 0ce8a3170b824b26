// negotiation_module's directive table, in httpd's order (mod_negotiation.c), which `-L` keeps.

#include "modules/negotiation/negotiation_setters.hpp"

namespace feather::mod::negotiation {

namespace {

constexpr ModuleId M = ModuleId::Negotiation;

constexpr DirectiveSpec kDirectives[] = {
    {"CacheNegotiatedDocs", M, Allow::RsrcConf, ArgShape::Flag, &set_cache_negotiated_docs,
     "Either 'on' or 'off' (default)"},
    {"LanguagePriority", M, Allow::FileInfo, ArgShape::Iterate, &set_language_priority,
     "space-delimited list of MIME language abbreviations"},
    {"ForceLanguagePriority", M, Allow::FileInfo, ArgShape::Iterate, &set_force_language_priority,
     "Force LanguagePriority elections, either None, or Fallback and/or Prefer"},
};

}  // namespace

extern const ModuleInfo kNegotiationModule{ModuleId::Negotiation, "negotiation_module", "mod_negotiation.c", false, kDirectives};

}  // namespace feather::mod::negotiation
