#pragma once
// Helpers for the tests of core's sections, Options and AllowOverride: the
// error text httpd prints and typed access to what a load produced.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "directives/binder.hpp"
#include "modules/all_modules.hpp"
#include "modules/core/core_config.hpp"
#include "modules/module_api.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::mod::core::test {

using feather::test::LoadOutcome;
using feather::test::TempDir;

// "AH00526: Syntax error on line N of ROOT/httpd.conf:\nMESSAGE", as
// apache2 -t prints a syntax error in the main file.
inline std::string syntax_error(const TempDir& root, int line, const std::string& message)
{
    return "AH00526: Syntax error on line " + std::to_string(line) + " of " + root.str() +
           "/httpd.conf:\n" + message;
}

inline const CoreServerConfig& main_core(const LoadOutcome& o)
{
    return feather::test::main_server<CoreServerConfig>(o);
}

inline const CoreDirConfig& main_core_dir(const LoadOutcome& o)
{
    return feather::test::main_dir<CoreDirConfig>(o);
}

inline const CoreDirConfig& core_dir(const Section& s)
{
    return get<CoreDirConfig>(*s.config);
}

// Applies single directives in the context an .htaccess file gives them
// (Feather has no .htaccess reader yet), after loading an empty httpd.conf.
class HtaccessProbe {
public:
    explicit HtaccessProbe(const TempDir& root)
        : loader_(
              mod::registry(), mod::config_factory(),
              [this](LogLevel, ModuleId, std::string_view text, bool) { warnings.emplace_back(text); })
    {
        root.write("httpd.conf", "");
        directives::LoadOptions options;
        options.server_root = root.str();
        options.config_file = "httpd.conf";
        options.pre_directives = {"LoadModule mpm_prefork_module modules/mod_mpm_prefork.so"};
        loaded_ = loader_.load(options).config != nullptr;
        dir_ = loader_.new_dir_config();
    }

    bool loaded() const { return loaded_; }
    DirConfigSet& dir() { return *dir_; }
    const CoreDirConfig& core() const { return get<CoreDirConfig>(*dir_); }

    // `override` and `override_opts` as AllowOverride gives them.
    directives::Status apply(std::string_view name, std::string_view args, Allow override,
                             unsigned override_opts)
    {
        name_text_ = name;
        args_text_ = args;
        node_.name = name_text_;
        node_.args = args_text_;
        Cmd cmd;
        cmd.loader = &loader_;
        cmd.node = &node_;
        cmd.server = &loader_.config().servers.front();
        cmd.dir = dir_.get();
        cmd.path = "/srv/www/";
        cmd.override = override;
        cmd.override_opts = override_opts;
        cmd.htaccess = true;
        const auto specs = mod::registry().find(name);
        if (specs.empty()) {
            return "no such directive";
        }
        return directives::invoke(cmd, *specs.front(), args);
    }

    std::vector<std::string> warnings;

private:
    directives::Loader loader_;
    bool loaded_ = false;
    std::shared_ptr<DirConfigSet> dir_;
    std::string name_text_;  // what node_ views
    std::string args_text_;
    parser::Node node_;
};

}  // namespace feather::mod::core::test
