#include "tests/support/config_fixture.hpp"

#include "modules/all_modules.hpp"

namespace feather::test {

std::string LoadOutcome::error() const
{
    std::string s;
    for (const auto& e : errors) {
        if (!s.empty()) {
            s += '\n';
        }
        s += e;
    }
    return s;
}

LoadOutcome load_text(const TempDir& root, const std::string& conf, const LoadSpec& spec)
{
    std::string text = conf;
    if (spec.add_mpm) {
        text = "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n" + text;
    }
    root.write("httpd.conf", text);

    LoadOutcome out;
    directives::Loader loader(
        mod::registry(), mod::config_factory(),
        [&out](LogLevel, ModuleId, std::string_view msg) { out.warnings.emplace_back(msg); },
        mod::config_checks());
    directives::LoadOptions options;
    options.server_root = root.str();
    options.config_file = "httpd.conf";
    options.defines = spec.defines;
    options.pre_directives = spec.pre;
    options.post_directives = spec.post;
    auto result = loader.load(options);
    out.config = result.config;
    out.errors = result.error_lines;
    return out;
}

}  // namespace feather::test
