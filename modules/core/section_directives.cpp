// <Directory>, <Location>, <Files> and their regex forms, <If>/<ElseIf>/<Else>:
// httpd's dirsection, urlsection, filesection and ifsection (server/core.c).
// The context restrictions (ap_check_cmd_context) are the rows' Forbid flags.

#include <unistd.h>

#include "modules/core/core_setters.hpp"
#include "modules/core/section_body.hpp"
#include "modules/core/section_paths.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

using parser::next_word;

constexpr Allow kSectionOverride = Allow::All | Allow::AccessConf;

// Checks the closing '>' and that there is an argument; `words` gets the
// text before the '>'.
std::optional<std::string> read_opening(const Cmd& cmd, const Args& args, std::string_view& words)
{
    const auto text = before_closing(args.raw);
    if (!text) {
        return unclosed_directive(cmd);
    }
    if (text->empty()) {
        return missing_container_arg(cmd);
    }
    words = *text;
    return std::nullopt;
}

std::optional<std::string> compile(Cmd& cmd, const std::string& pattern,
                                   std::shared_ptr<const Regex>& out)
{
    out = Regex::compile(pattern, section_regex_flags(cmd));
    if (!out) {
        return std::string("Regex could not be compiled");
    }
    return std::nullopt;
}

std::string working_directory()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string();
}

// Makes the section, applies its children and returns it (or the error of
// one of them).
Status build_section(Cmd& cmd, SectionKind kind, std::string path, Allow override,
                     std::shared_ptr<const Regex> regex, Section& out)
{
    out.kind = kind;
    out.loc = cmd.loc();
    out.id = next_section_id(cmd);
    out.config = new_section_config(cmd);
    Cmd inner = body_context(cmd);
    inner.path = path;
    inner.override = override;
    inner.dir = out.config.get();
    if (auto err = walk_body(cmd, inner)) {
        return err;
    }
    out.is_fnmatch = fnmatch_test(path);
    out.pattern = std::move(path);
    out.regex = std::move(regex);
    return std::nullopt;
}

// dirsection: <Directory path>, <Directory ~ regex>, <DirectoryMatch regex>.
Status directory_section(Cmd& cmd, const Args& args, bool match_form)
{
    std::string_view rest;
    if (auto err = read_opening(cmd, args, rest)) {
        return err;
    }
    std::string path = next_word(rest);
    std::shared_ptr<const Regex> regex;
    if (path == "~") {
        path = next_word(rest);
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    } else if (match_form) {
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    } else if (path != "/") {
        // Canonical and absolute (a relative path is taken from the working
        // directory, as apr_filepath_merge with no root), ending in '/'.
        const std::string cwd = path.empty() || path.front() != '/' ? working_directory() : "";
        auto merged = apr_filepath_merge(cwd, path);
        if (!merged || (cwd.empty() && (path.empty() || path.front() != '/'))) {
            return "<Directory \"" + path + "\"> path is invalid.";
        }
        path = std::move(*merged);
        if (path.back() != '/') {
            path.push_back('/');
        }
    }

    Section section;
    if (auto err = build_section(cmd, SectionKind::Directory, path, kSectionOverride,
                                 std::move(regex), section)) {
        return err;
    }
    // "/" sorts and merges first; the others by their number of slashes.
    section.components = section.pattern == "/" ? 0 : count_dirs(section.pattern);
    server_conf<CoreServerConfig>(cmd).directories.push_back(std::move(section));
    if (!rest.empty()) {
        return multiple_arguments(cmd);
    }
    return std::nullopt;
}

// urlsection: <Location url>, <Location ~ regex>, <LocationMatch regex>.
Status location_section(Cmd& cmd, const Args& args, bool match_form)
{
    std::string_view rest;
    if (auto err = read_opening(cmd, args, rest)) {
        return err;
    }
    std::string path = next_word(rest);
    std::shared_ptr<const Regex> regex;
    if (match_form) {
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    } else if (path == "~") {
        path = next_word(rest);
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    }
    // The URL path is kept as written.
    Section section;
    if (auto err = build_section(cmd, SectionKind::Location, path, kSectionOverride,
                                 std::move(regex), section)) {
        return err;
    }
    server_conf<CoreServerConfig>(cmd).locations.push_back(std::move(section));
    if (!rest.empty()) {
        return multiple_arguments(cmd);
    }
    return std::nullopt;
}

// filesection: <Files name>, <Files ~ regex>, <FilesMatch regex>, kept in
// the enclosing section's config (or the server's defaults).
Status files_section(Cmd& cmd, const Args& args, bool match_form)
{
    std::string_view rest;
    if (auto err = read_opening(cmd, args, rest)) {
        return err;
    }
    std::string path = next_word(rest);
    std::shared_ptr<const Regex> regex;
    if (match_form) {
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    } else if (path == "~") {
        path = next_word(rest);
        if (auto err = compile(cmd, path, regex)) {
            return err;
        }
    } else {
        auto merged = apr_filepath_merge("", path);
        if (!merged) {
            return "<Files \"" + path + "\"> is invalid.";
        }
        path = std::move(*merged);
    }
    // In an .htaccess file (a path is already set) the override stays.
    const Allow override = cmd.path ? cmd.override : kSectionOverride;
    CoreDirConfig& parent = dir_conf<CoreDirConfig>(cmd);
    Section section;
    if (auto err =
            build_section(cmd, SectionKind::Files, path, override, std::move(regex), section)) {
        return err;
    }
    parent.files.push_back(std::move(section));
    if (!rest.empty()) {
        return multiple_arguments(cmd);
    }
    return std::nullopt;
}

enum class Cond { If, ElseIf, Else };

// ifsection, up to the point where the condition would be parsed.
Status if_section(Cmd& cmd, const Args& args, Cond cond)
{
    const auto text = before_closing(args.raw);
    if (!text) {
        return unclosed_directive(cmd);
    }
    const std::string name = std::string(cmd.spec->name) + ">";
    if (cond != Cond::Else) {
        if (text->empty()) {
            return missing_container_arg(cmd);
        }
        // Feather has no ap_expr evaluator yet: refuse rather than guess.
        return name + " is not supported by Feather yet (ap_expr expressions cannot be evaluated)";
    }
    if (!text->empty()) {
        return std::string("<Else> does not take an argument");
    }
    CoreDirConfig& parent = dir_conf<CoreDirConfig>(cmd);
    Section section;
    section.is_else = true;
    const Allow override = cmd.path ? cmd.override : kSectionOverride;
    if (auto err = build_section(cmd, SectionKind::If, "*If", override, nullptr, section)) {
        return err;
    }
    section.is_fnmatch = false;
    // ap_add_if_conf: the last section of this scope must be <If> or <ElseIf>.
    const bool after_if =
        !parent.ifs.empty() && !(parent.ifs.back().is_else && parent.ifs.back().condition.empty());
    if (!after_if) {
        return std::string(
            "<Else> or <ElseIf> section without previous <If> or <ElseIf> "
            "section in same scope");
    }
    parent.ifs.push_back(std::move(section));
    return std::nullopt;
}

}  // namespace

Status section_directory(Cmd& cmd, const Args& args)
{
    return directory_section(cmd, args, false);
}
Status section_directory_match(Cmd& cmd, const Args& args)
{
    return directory_section(cmd, args, true);
}
Status section_location(Cmd& cmd, const Args& args)
{
    return location_section(cmd, args, false);
}
Status section_location_match(Cmd& cmd, const Args& args)
{
    return location_section(cmd, args, true);
}
Status section_files(Cmd& cmd, const Args& args)
{
    return files_section(cmd, args, false);
}
Status section_files_match(Cmd& cmd, const Args& args)
{
    return files_section(cmd, args, true);
}
Status section_if(Cmd& cmd, const Args& args)
{
    return if_section(cmd, args, Cond::If);
}
Status section_else_if(Cmd& cmd, const Args& args)
{
    return if_section(cmd, args, Cond::ElseIf);
}
Status section_else(Cmd& cmd, const Args& args)
{
    return if_section(cmd, args, Cond::Else);
}

}  // namespace feather::mod::core
