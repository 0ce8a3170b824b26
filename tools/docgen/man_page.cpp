#include "tools/docgen/man_page.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace feather::docgen {

using directives::Allow;

namespace {

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) {
            return out;
        }
        s.remove_prefix(at + 1);
    }
}

// Text for roff: backslashes escaped, a leading '.' or '\'' neutralised,
// '-' as a real minus (so that copied syntax works).
std::string roff(std::string_view text, bool code)
{
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-' && code) {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
        out.insert(0, "\\&");
    }
    return out;
}

bool has(Allow set, Allow bits) { return any(set & bits); }

// Where a row may appear, in the manual's words, from its Allow bits.
std::string contexts_of(Allow a)
{
    std::vector<std::string> parts;
    if (has(a, Allow::RsrcConf)) {
        parts.emplace_back("server config");
        parts.emplace_back("virtual host");
    }
    if (has(a, Allow::AccessConf) || has(a, Allow::All)) {
        parts.emplace_back("directory");
    }
    if (has(a, Allow::All)) {
        parts.emplace_back(".htaccess");
    }
    std::string s;
    for (const auto& p : parts) {
        s += (s.empty() ? "" : ", ") + p;
    }
    return s;
}

std::string override_of(Allow a)
{
    if ((a & Allow::All) == Allow::All) {
        return "All";
    }
    const std::pair<Allow, const char*> kClasses[] = {
        {Allow::AuthConfig, "AuthConfig"}, {Allow::FileInfo, "FileInfo"},
        {Allow::Indexes, "Indexes"},       {Allow::Limit, "Limit"},
        {Allow::Options, "Options"},
    };
    std::string s;
    for (const auto& [bit, name] : kClasses) {
        if (has(a, bit)) {
            s += (s.empty() ? "" : ", ") + std::string(name);
        }
    }
    return s;
}

std::string module_name(std::string_view source)
{
    return std::string(source.ends_with(".c") ? source.substr(0, source.size() - 2) : source);
}

struct Entry {
    std::string key;
    const directives::DirectiveSpec* spec;
    std::vector<std::string> modules;
};

std::string render_entry(const Entry& e, const DocTable& docs, std::string& missing)
{
    std::string name(e.spec->name);
    if (name.front() == '<') {
        name += '>';
    }
    DirectiveDoc doc;
    if (const auto it = docs.find(e.key); it != docs.end()) {
        doc = it->second;
    } else {
        missing += name + "\n";
        doc.syntax = name;
        doc.contexts = contexts_of(e.spec->allow);
        doc.override_class = override_of(e.spec->allow);
    }
    std::string modules;
    for (const auto& m : e.modules) {
        modules += (modules.empty() ? "" : ", ") + m;
    }
    std::string s;
    s += ".SS \"" + roff(name, false) + "\"\n";
    s += ".nf\n";
    s += "Syntax:   " + roff(doc.syntax, true) + "\n";
    s += "Default:  " +
         (doc.default_value.empty() ? std::string("none") : roff(doc.default_value, true)) + "\n";
    s += "Context:  " + roff(doc.contexts, false) + "\n";
    s += "Override: " +
         (doc.override_class.empty() ? std::string("none") : roff(doc.override_class, false)) +
         "\n";
    s += "Module:   " + roff(modules, false) + "\n";
    s += ".fi\n";
    if (!e.spec->help.empty()) {
        s += ".PP\n" + roff(e.spec->help, false) + "\n";
    }
    return s;
}

}  // namespace

std::string doc_key(std::string_view directive_name)
{
    std::string key;
    for (const char c : directive_name) {
        if (c != '<' && c != '>') {
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return key;
}

DocTable parse_doc_table(std::string_view tsv)
{
    DocTable table;
    bool header = true;
    for (const auto line : split(tsv, '\n')) {
        if (header || line.empty()) {
            header = false;
            continue;
        }
        const auto f = split(line, '\t');
        if (f.size() < 6) {
            continue;
        }
        table.emplace(doc_key(f[1]), DirectiveDoc{std::string(f[2]), std::string(f[3]),
                                                  std::string(f[4]), std::string(f[5])});
    }
    return table;
}

std::string render_man_page(const directives::Registry& registry, const DocTable& docs,
                            std::string_view page_template, std::string_view version,
                            std::string& missing)
{
    // One entry per name; a name several modules declare (the MPMs' Listen)
    // lists them all.
    std::vector<Entry> entries;
    std::set<std::string> seen;
    for (const directives::ModuleInfo* m : registry.modules()) {
        for (const directives::DirectiveSpec& spec : m->directives) {
            std::string key = doc_key(spec.name);
            if (!seen.insert(key).second) {
                continue;
            }
            Entry e{key, &spec, {}};
            for (const directives::DirectiveSpec* other : registry.find(spec.name)) {
                e.modules.push_back(module_name(registry.module(other->module).source));
            }
            entries.push_back(std::move(e));
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });

    std::string list;
    for (const Entry& e : entries) {
        list += render_entry(e, docs, missing);
    }
    std::string page(page_template);
    for (const auto& [marker, text] :
         {std::pair<std::string, std::string>{"@DIRECTIVES@\n", list},
          std::pair<std::string, std::string>{"@VERSION@", std::string(version)}}) {
        for (auto at = page.find(marker); at != std::string::npos;
             at = page.find(marker, at + text.size())) {
            page.replace(at, marker.size(), text);
        }
    }
    return page;
}

}  // namespace feather::docgen
