// Directives that act while the configuration is read (httpd's
// EXEC_ON_READ): Include, Define, the conditional sections, ServerRoot.

#include <sys/stat.h>
#include <unistd.h>

#include "modules/core/core_setters.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

std::string unclosed(const Cmd& cmd) { return std::string(cmd.spec->name) + "> directive missing closing '>'"; }

std::string missing_arg(const Cmd& cmd)
{
    return std::string(cmd.spec->name) + "> directive requires additional arguments";
}

// httpd's start_cond_section: "<IfX [!]arg>" keeps its body when the test
// (negated by '!') holds, and skips it otherwise.
template <class Test>
Status conditional_section(Cmd& cmd, const Args& args, Test test)
{
    std::string_view text = args.raw;
    const auto close = text.rfind('>');
    if (close == std::string_view::npos) {
        return unclosed(cmd);
    }
    text = text.substr(0, close);
    const bool negate = !text.empty() && text.front() == '!';
    if (negate) {
        text.remove_prefix(1);
    }
    const std::string what = parser::next_word(text);
    if (what.empty()) {
        return missing_arg(cmd);
    }
    if (test(what) != negate) {
        return cmd.reader->read_section_body(cmd.spec->name, *cmd.produced);
    }
    return cmd.reader->skip_section_body(cmd.spec->name);
}

bool module_loaded(const Cmd& cmd, std::string_view name)
{
    for (const ModuleInfo* m : cmd.loader->registry().modules()) {
        if ((m->symbol == name || m->source == name) && cmd.loader->config().modules.contains(m->id)) {
            return true;
        }
    }
    return false;
}

bool directive_known(const Cmd& cmd, std::string_view name)
{
    for (const DirectiveSpec* spec : cmd.loader->registry().find(name)) {
        if (cmd.loader->config().modules.contains(spec->module)) {
            return true;
        }
    }
    return false;
}

bool is_directory(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

Status section_if_module(Cmd& cmd, const Args& args)
{
    return conditional_section(cmd, args, [&](const std::string& name) { return module_loaded(cmd, name); });
}

Status section_if_define(Cmd& cmd, const Args& args)
{
    return conditional_section(cmd, args, [&](const std::string& name) {
        return cmd.reader->state().defines.defined(name);
    });
}

Status section_if_file(Cmd& cmd, const Args& args)
{
    return conditional_section(cmd, args, [&](const std::string& path) {
        struct stat st {};
        return ::stat(cmd.reader->server_root_relative(path).c_str(), &st) == 0;
    });
}

Status section_if_directive(Cmd& cmd, const Args& args)
{
    return conditional_section(cmd, args, [&](const std::string& name) { return directive_known(cmd, name); });
}

Status section_if_section(Cmd& cmd, const Args& args)
{
    return conditional_section(cmd, args,
                               [&](const std::string& name) { return directive_known(cmd, "<" + name); });
}

Status set_define(Cmd& cmd, const Args& args)
{
    if (args[0].find(':') != std::string::npos) {
        return "Variable name must not contain ':'";
    }
    if (args.size() > 1) {
        cmd.reader->state().defines.define(args[0], args[1]);
    } else {
        cmd.reader->state().defines.define(args[0]);
    }
    return std::nullopt;
}

Status set_un_define(Cmd& cmd, const Args& args)
{
    if (args[0].find(':') != std::string::npos) {
        return "Variable name must not contain ':'";
    }
    cmd.reader->state().defines.undefine(args[0]);
    return std::nullopt;
}

Status set_server_root(Cmd& cmd, const Args& args)
{
    // Relative to the working directory, as apr_filepath_merge(NULL, arg).
    std::string root = args[0];
    if (root.empty() || root.front() != '/') {
        char cwd[4096];
        root = parser::merge_path(::getcwd(cwd, sizeof cwd) ? cwd : "/", root);
    } else {
        root = parser::merge_path("/", root);
    }
    if (root.size() > 1 && root.back() == '/') {
        root.pop_back();
    }
    if (!is_directory(root)) {
        return "ServerRoot must be a valid directory";
    }
    cmd.reader->state().server_root = root;
    return std::nullopt;
}

Status set_default_runtime_dir(Cmd& cmd, const Args& args)
{
    const std::string dir = cmd.reader->server_root_relative(args[0]);
    if (!is_directory(dir)) {
        return "DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot";
    }
    main_conf<CoreServerConfig>(cmd).runtime_dir.set(dir, cmd.loc());
    return std::nullopt;
}

Status set_include(Cmd& cmd, const Args& args)
{
    return cmd.reader->include(args[0], false, *cmd.produced);
}

Status set_include_optional(Cmd& cmd, const Args& args)
{
    return cmd.reader->include(args[0], true, *cmd.produced);
}

}  // namespace feather::mod::core
