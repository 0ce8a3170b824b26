#include "modules/core/section_body.hpp"

#include "directives/regex.hpp"

namespace feather::mod::core {

std::optional<std::string_view> before_closing(std::string_view raw)
{
    const auto close = raw.rfind('>');
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    return raw.substr(0, close);
}

std::string unclosed_directive(const Cmd& cmd)
{
    return std::string(cmd.spec->name) + "> directive missing closing '>'";
}

std::string missing_container_arg(const Cmd& cmd)
{
    return std::string(cmd.spec->name) + "> directive requires additional arguments";
}

std::string multiple_arguments(const Cmd& cmd)
{
    return "Multiple " + std::string(cmd.spec->name) + "> arguments not (yet) supported.";
}

std::shared_ptr<DirConfigSet> new_section_config(Cmd& cmd)
{
    // httpd's dirsection gives every section a fresh core config; merging
    // a fresh one changes nothing, so a section holds a core part only once
    // a core directive sets something in it (a 20,000-section file then
    // allocates 20,000 fewer 1.4 KB structs).
    return cmd.loader->new_empty_dir_config();
}

int next_section_id(Cmd& cmd) { return ++main_conf<CoreServerConfig>(cmd).sections_created; }

Cmd body_context(const Cmd& cmd)
{
    Cmd inner = cmd;
    inner.sections.push_back(cmd.node);
    return inner;
}

Status walk_body(const Cmd& cmd, Cmd& inner) { return cmd.loader->walk(inner, cmd.node->children); }

unsigned section_regex_flags(Cmd& cmd)
{
    return main_conf<CoreServerConfig>(cmd).regex_default_options.get_or(Regex::kDotAll |
                                                                          Regex::kDollarEndOnly);
}

}  // namespace feather::mod::core
