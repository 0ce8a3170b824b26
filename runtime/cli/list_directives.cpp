// -L: every directive of the loaded modules, as httpd's ap_show_directives
// and show_overrides (server/config.c) print them.

#include "runtime/cli/dumps.hpp"

namespace feather::runtime {

using directives::Allow;

namespace {

bool has(Allow set, Allow bits) { return any(set & bits); }

}  // namespace

std::string allowed_in_text(const directives::DirectiveSpec& spec, bool module_has_dir_config)
{
    const Allow a = spec.allow;
    std::string s = "\tAllowed in *.conf ";
    if (has(a, Allow::Options | Allow::FileInfo | Allow::Indexes) ||
        (has(a, Allow::RsrcConf) && has(a, Allow::AccessConf | Allow::AuthConfig | Allow::Limit))) {
        s += "anywhere";
    } else if (has(a, Allow::RsrcConf)) {
        s += "only outside <Directory>, <Files>, <Location>, or <If>";
    } else {
        s += "only inside <Directory>, <Files>, <Location>, or <If>";
    }
    if (has(a, Allow::All | Allow::AccessConf) && !module_has_dir_config) {
        s += " [no per-dir config]";
    }
    if (has(a, Allow::All)) {
        s += " and in .htaccess\n\twhen AllowOverride";
        if ((a & Allow::All) == Allow::All) {
            s += " isn't None";
        } else {
            s += " includes ";
            // httpd's order: AuthConfig, Limit, Options, FileInfo, Indexes.
            const std::pair<Allow, const char*> kClasses[] = {
                {Allow::AuthConfig, "AuthConfig"}, {Allow::Limit, "Limit"},
                {Allow::Options, "Options"},       {Allow::FileInfo, "FileInfo"},
                {Allow::Indexes, "Indexes"},
            };
            bool first = true;
            for (const auto& [bit, name] : kClasses) {
                if (has(a, bit)) {
                    s += first ? "" : " or ";
                    s += name;
                    first = false;
                }
            }
        }
    }
    s += '\n';
    return s;
}

std::string directives_text(const directives::Registry& registry,
                            const directives::ModuleSet& modules)
{
    std::string s;
    for (const ModuleId id : modules.in_order()) {
        const directives::ModuleInfo& m = registry.module(id);
        for (const directives::DirectiveSpec& spec : m.directives) {
            s += spec.name;
            s += " (";
            s += m.source;
            s += ")\n";
            if (!spec.help.empty()) {
                s += '\t';
                s += spec.help;
                s += '\n';
            }
            s += allowed_in_text(spec, m.per_dir_config);
        }
    }
    return s;
}

}  // namespace feather::runtime
