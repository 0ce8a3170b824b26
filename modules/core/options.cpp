// Options, AllowOverride, AllowOverrideList and AccessFileName: httpd's
// set_options, set_override (with set_allow_opts), set_override_list and
// set_access_name (server/core.c).

#include <string>

#include "modules/core/core_setters.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;
using parser::next_word;

// The Options keywords and their bits, shared by Options and
// AllowOverride Options=.
std::optional<unsigned> option_bits(std::string_view word)
{
    if (iequals(word, "Indexes")) {
        return kOptIndexes;
    }
    if (iequals(word, "Includes")) {
        return kOptIncludes | kOptIncWithExec;
    }
    if (iequals(word, "IncludesNOEXEC")) {
        return kOptIncludes;
    }
    if (iequals(word, "FollowSymLinks")) {
        return kOptSymLinks;
    }
    if (iequals(word, "SymLinksIfOwnerMatch")) {
        return kOptSymOwner;
    }
    if (iequals(word, "ExecCGI")) {
        return kOptExecCgi;
    }
    if (iequals(word, "MultiViews")) {
        return kOptMultiViews;
    }
    if (iequals(word, "RunScripts")) {  // httpd keeps this old alias
        return kOptMultiViews | kOptExecCgi;
    }
    return std::nullopt;
}

// set_allow_opts: the comma list after "AllowOverride Options=". An empty
// list keeps the value it had (made "set").
std::optional<std::string> allow_opts(std::string_view list, unsigned& opts)
{
    bool first = true;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view word = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        if (word.empty()) {
            continue;  // apr_strtok skips empty tokens
        }
        if (first) {
            opts = kOptNone;
            first = false;
        }
        unsigned opt = 0;
        if (iequals(word, "None")) {
            opt = kOptNone;
        } else if (iequals(word, "All")) {
            opt = kOptAll;
        } else if (const auto bits = option_bits(word)) {
            opt = *bits;
        } else {
            return "Illegal option " + std::string(word);
        }
        opts |= opt;
    }
    opts &= ~kOptUnset;
    return std::nullopt;
}

std::string at_line(const Cmd& cmd)
{
    return std::string(cmd.loc().file()) + ":" + std::to_string(cmd.loc().line);
}

}  // namespace

Status set_options(Cmd& cmd, const Args& args)
{
    CoreDirConfig& d = dir_conf<CoreDirConfig>(cmd);
    constexpr std::string_view kMixed =
        "Either all Options must start with + or -, or no Option may.";
    bool first = true;
    bool merge = false;
    bool all_none = false;
    std::string_view rest = args.raw;
    while (!rest.empty()) {
        const std::string word = next_word(rest);
        std::string_view w = word;
        char action = '\0';
        if (!w.empty() && (w.front() == '+' || w.front() == '-')) {
            action = w.front();
            w.remove_prefix(1);
            if (!merge && !first && !all_none) {
                return std::string(kMixed);
            }
            merge = true;
        } else if (first) {
            d.opts = kOptNone;
        } else if (merge) {
            return std::string(kMixed);
        }

        unsigned opt = 0;
        if (iequals(w, "None")) {
            if (!first) {
                return std::string("'Options None' must be the first Option given.");
            }
            if (merge) {
                return std::string("You may not use 'Options +None' or 'Options -None'.");
            }
            opt = kOptNone;
            all_none = true;
        } else if (iequals(w, "All")) {
            if (!first) {
                return std::string("'Options All' must be the first option given.");
            }
            if (merge) {
                return std::string("You may not use 'Options +All' or 'Options -All'.");
            }
            opt = kOptAll;
            all_none = true;
        } else if (const auto bits = option_bits(w)) {
            opt = *bits;
        } else {
            return "Illegal option " + std::string(w);
        }

        // In .htaccess, AllowOverride Options=... limits what may be named.
        if ((cmd.override_opts & opt) != opt) {
            return "Option " + std::string(w) + " not allowed here";
        }
        if (action == '-') {
            d.opts_remove |= opt;
            d.opts_add &= ~opt;
            d.opts &= ~opt;
        } else if (action == '+') {
            d.opts_add |= opt;
            d.opts_remove &= ~opt;
            d.opts |= opt;
        } else {
            d.opts |= opt;
        }
        first = false;
    }
    return std::nullopt;
}

Status set_allow_override(Cmd& cmd, const Args& args)
{
    // Inside <Location>, <Files> or <If> (or <Limit>) it has no effect.
    if (directives::check_context(cmd, Forbid::Location | Forbid::Files)) {
        cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                        "AH00114: Useless use of AllowOverride in line " +
                            std::to_string(cmd.loc().line) + " of " + std::string(cmd.loc().file()) +
                            ".");
    }
    CoreDirConfig& d = dir_conf<CoreDirConfig>(cmd);
    auto bits = [](Allow a) { return static_cast<unsigned>(a); };
    unsigned override = bits(Allow::None);
    std::optional<unsigned> override_opts = d.override_opts.value;
    std::string_view rest = args.raw;
    while (!rest.empty()) {
        const std::string word = next_word(rest);
        // "Key=value": httpd compares only the key for every keyword.
        const auto eq = word.find('=');
        const std::string_view key = std::string_view(word).substr(0, eq);
        const std::optional<std::string_view> value =
            eq == std::string::npos ? std::nullopt
                                    : std::optional(std::string_view(word).substr(eq + 1));
        if (iequals(key, "Limit")) {
            override |= bits(Allow::Limit);
        } else if (iequals(key, "Options")) {
            override |= bits(Allow::Options);
            if (value) {
                unsigned opts = override_opts.value_or(kDefaultOverrideOpts);
                if (auto err = allow_opts(*value, opts)) {
                    return err;
                }
                override_opts = opts;
            } else {
                override_opts = kOptAll;  // as httpd: not SymLinksIfOwnerMatch or MultiViews
            }
        } else if (iequals(key, "FileInfo")) {
            override |= bits(Allow::FileInfo);
        } else if (iequals(key, "AuthConfig")) {
            override |= bits(Allow::AuthConfig);
        } else if (iequals(key, "Indexes")) {
            override |= bits(Allow::Indexes);
        } else if (iequals(key, "Nonfatal")) {
            if (!value) {
                return "=Override, =Unknown or =All expected after " + std::string(key);
            }
            if (iequals(*value, "Override")) {
                override |= bits(Allow::NonfatalOverride);
            } else if (iequals(*value, "Unknown")) {
                override |= bits(Allow::NonfatalUnknown);
            } else if (iequals(*value, "All")) {
                override |= bits(Allow::NonfatalOverride | Allow::NonfatalUnknown);
            }  // any other value is ignored, as httpd does
        } else if (iequals(key, "None")) {
            override = bits(Allow::None);
        } else if (iequals(key, "All")) {
            override = bits(Allow::All);
        } else {
            return "Illegal override option " + std::string(key);
        }
    }
    d.override.set(override, cmd.loc());
    if (override_opts != d.override_opts.value) {
        d.override_opts.set(*override_opts, cmd.loc());
    }
    return std::nullopt;
}

Status set_allow_override_list(Cmd& cmd, const Args& args)
{
    if (directives::check_context(cmd, Forbid::Location | Forbid::Files)) {
        cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                        "AH00115: Useless use of AllowOverrideList at " + at_line(cmd));
    }
    CoreDirConfig& d = dir_conf<CoreDirConfig>(cmd);
    std::vector<std::string> names;
    for (const std::string& name : args.words) {
        if (iequals(name, "None")) {
            if (args.size() != 1) {
                return std::string("'None' not allowed with other directives in AllowOverrideList");
            }
            break;
        }
        const DirectiveSpec* found = nullptr;
        for (const DirectiveSpec* spec : cmd.loader->registry().find(name)) {
            if (cmd.loader->modules().contains(spec->module)) {
                found = spec;
                break;
            }
        }
        if (found == nullptr) {
            cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                            "AH00116: Discarding unrecognized directive `" + name +
                                "' in AllowOverrideList at " + at_line(cmd));
            continue;
        }
        if (!any(found->allow & (Allow::All | Allow::AccessConf))) {
            cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                            "AH02304: Discarding directive `" + name +
                                "' not allowed in AllowOverrideList at " + at_line(cmd));
            continue;
        }
        // A table keyed without regard to case: a repeated name counts once.
        bool seen = false;
        for (const auto& n : names) {
            seen = seen || iequals(n, name);
        }
        if (!seen) {
            names.push_back(name);
        }
    }
    d.override_list.set(std::move(names), cmd.loc());
    return std::nullopt;
}

Status set_access_file_name(Cmd& cmd, const Args& args)
{
    // httpd keeps the raw text and splits it into names when reading
    // .htaccess files; splitting now gives the same names.
    server_conf<CoreServerConfig>(cmd).access_file_names.set(parser::split_words(args.raw),
                                                             cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core
