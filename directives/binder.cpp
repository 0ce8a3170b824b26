#include "directives/binder.hpp"

#include <string>
#include <vector>

#include "directives/loader.hpp"
#include "directives/registry.hpp"
#include "parser/word.hpp"

namespace feather::directives {

namespace {

using parser::next_word;

// ", <help>" as invoke_cmd appends it to argument-count errors.
std::string usage(const DirectiveSpec& spec, std::string_view what)
{
    std::string s(spec.name);
    s += what;
    if (!spec.help.empty()) {
        s += ", ";
        s += spec.help;
    }
    return s;
}

// The name as ap_check_cmd_context prints it: "<Directory>" for a section.
std::string display_name(const DirectiveSpec& spec)
{
    std::string s(spec.name);
    if (!s.empty() && s.front() == '<' && s.back() != '>') {
        s.push_back('>');
    }
    return s;
}

const parser::Node* find_parent(const Cmd& cmd, std::initializer_list<std::string_view> names)
{
    for (auto it = cmd.sections.rbegin(); it != cmd.sections.rend(); ++it) {
        for (const auto name : names) {
            if (iequals((*it)->name, name)) {
                return *it;
            }
        }
    }
    return nullptr;
}

Status run(Cmd& cmd, const DirectiveSpec& spec, const Args& args)
{
    if (auto err = check_context(cmd, spec.forbid)) {
        return err;
    }
    return spec.set(cmd, args);
}

}  // namespace

Status check_context(const Cmd& cmd, Forbid forbidden)
{
    if (forbidden == Forbid::None) {
        return std::nullopt;
    }
    // Built only for an error: this runs for most lines of a configuration.
    const auto name = [&] { return display_name(*cmd.spec); };
    if (has(forbidden, Forbid::VirtualHost) && cmd.is_virtual()) {
        return name() + " cannot occur within <VirtualHost> section";
    }
    if ((static_cast<unsigned>(forbidden) & static_cast<unsigned>(Forbid::DirContext)) != 0 &&
        cmd.limited != -1) {
        return name() + " cannot occur within <Limit> or <LimitExcept> section";
    }
    if (has(forbidden, Forbid::Htaccess) && cmd.htaccess) {
        return name() + " cannot occur within htaccess files";
    }
    if ((static_cast<unsigned>(forbidden) & static_cast<unsigned>(Forbid::DirLocFile)) ==
        static_cast<unsigned>(Forbid::DirLocFile)) {
        if (cmd.path) {
            return name() + " cannot occur within directory context";
        }
        if (any(cmd.spec->allow & Allow::ExecOnRead)) {
            return std::nullopt;
        }
    }
    const parser::Node* found = nullptr;
    if ((has(forbidden, Forbid::Directory) &&
         (found = find_parent(cmd, {"<Directory", "<DirectoryMatch"}))) ||
        (has(forbidden, Forbid::Location) &&
         (found = find_parent(cmd, {"<Location", "<LocationMatch"}))) ||
        (has(forbidden, Forbid::Files) &&
         (found = find_parent(cmd, {"<Files", "<FilesMatch", "<If", "<ElseIf", "<Else"}))) ||
        (has(forbidden, Forbid::Proxy) && (found = find_parent(cmd, {"<Proxy", "<ProxyMatch"})))) {
        return name() + " cannot occur within " + std::string(found->name) + "> section";
    }
    return std::nullopt;
}

Status invoke(Cmd& cmd, const DirectiveSpec& spec, std::string_view text)
{
    cmd.spec = &spec;
    bool listed = false;
    if (cmd.override_list != nullptr) {
        for (const std::string& name : *cmd.override_list) {
            listed = listed || iequals(name, spec.name);
        }
    }
    if (!any(cmd.override & spec.allow) && !listed) {
        if (any(cmd.override & Allow::NonfatalOverride)) {
            // AllowOverride Nonfatal=Override: skipped with a warning.
            if (cmd.loader != nullptr) {
                cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                                "AH02295: " + std::string(spec.name) +
                                    " in .htaccess forbidden by AllowOverride");
            }
            return std::nullopt;
        }
        if (!cmd.sections.empty()) {
            return std::string(spec.name) + " not allowed in " +
                   std::string(cmd.sections.back()->name) + "> context";
        }
        return std::string(spec.name) + " not allowed here";
    }

    std::string_view rest = text;
    std::vector<std::string> words;
    auto take = [&] { return words.emplace_back(next_word(rest)); };
    Args args;

    switch (spec.shape) {
    case ArgShape::Raw:
        args.raw = text;
        return run(cmd, spec, args);

    case ArgShape::Argv:
        while (true) {
            std::string w = next_word(rest);
            if (w.empty() && rest.empty()) {
                break;
            }
            words.push_back(std::move(w));
            if (rest.empty()) {
                break;
            }
        }
        args.words = words;
        return run(cmd, spec, args);

    case ArgShape::NoArgs:
        if (!rest.empty()) {
            return std::string(spec.name) + " takes no arguments";
        }
        return run(cmd, spec, args);

    case ArgShape::Take1:
        if (take().empty() || !rest.empty()) {
            return usage(spec, " takes one argument");
        }
        break;

    case ArgShape::Take2: {
        const bool w1 = !take().empty();
        const bool w2 = !take().empty();
        if (!w1 || !w2 || !rest.empty()) {
            return usage(spec, " takes two arguments");
        }
        break;
    }

    case ArgShape::Take12: {
        const bool w1 = !take().empty();
        if (take().empty()) {
            words.pop_back();  // an empty second word counts as absent
        }
        if (!w1 || !rest.empty()) {
            return usage(spec, " takes 1-2 arguments");
        }
        break;
    }

    case ArgShape::Take3: {
        const bool w1 = !take().empty();
        const bool w2 = !take().empty();
        const bool w3 = !take().empty();
        if (!w1 || !w2 || !w3 || !rest.empty()) {
            return usage(spec, " takes three arguments");
        }
        break;
    }

    case ArgShape::Take23: {
        const bool w1 = !take().empty();
        const bool w2 = !take().empty();
        if (!rest.empty()) {
            take();
        }
        if (!w1 || !w2 || !rest.empty()) {
            return usage(spec, " takes two or three arguments");
        }
        break;
    }

    case ArgShape::Take123:
    case ArgShape::Take13: {
        const bool w1 = !take().empty();
        const bool had2 = !rest.empty();
        const bool w2 = had2 && !take().empty();
        const bool had3 = !rest.empty();
        if (had3) {
            take();
        }
        if (spec.shape == ArgShape::Take123) {
            if (!w1 || !rest.empty()) {
                return usage(spec, " takes one, two or three arguments");
            }
        } else if (!w1 || (w2 && !had3) || !rest.empty()) {
            return usage(spec, " takes one or three arguments");
        }
        break;
    }

    case ArgShape::Iterate: {
        std::string w = next_word(rest);
        if (w.empty()) {
            return usage(spec, " requires at least one argument");
        }
        if (auto err = check_context(cmd, spec.forbid)) {
            return err;
        }
        while (!w.empty()) {
            words.assign(1, std::move(w));
            args.words = words;
            if (auto err = spec.set(cmd, args)) {
                return err;
            }
            w = next_word(rest);
        }
        return std::nullopt;
    }

    case ArgShape::Iterate2: {
        std::string first = next_word(rest);
        if (first.empty() || rest.empty()) {
            return usage(spec, " requires at least two arguments");
        }
        if (auto err = check_context(cmd, spec.forbid)) {
            return err;
        }
        while (true) {
            std::string w = next_word(rest);
            if (w.empty()) {
                return std::nullopt;
            }
            words.assign({first, std::move(w)});
            args.words = words;
            if (auto err = spec.set(cmd, args)) {
                return err;
            }
        }
    }

    case ArgShape::Flag: {
        const std::string w = next_word(rest);
        if (!iequals(w, "on") && !iequals(w, "off")) {
            return std::string(spec.name) + " must be On or Off";
        }
        args.flag = iequals(w, "on");
        return run(cmd, spec, args);
    }
    }

    // Take* shapes: optional trailing words that came out empty are absent,
    // as Apache passes NULL for them.
    while (words.size() > 1 && words.back().empty()) {
        words.pop_back();
    }
    args.words = words;
    return run(cmd, spec, args);
}

}  // namespace feather::directives
