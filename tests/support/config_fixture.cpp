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
    root.write("httpd.conf", conf);

    LoadOutcome out;
    directives::Loader loader(
        mod::registry(), mod::config_factory(),
        [&out](LogLevel, ModuleId, std::string_view msg, bool) { out.warnings.emplace_back(msg); },
        mod::config_checks());
    directives::LoadOptions options;
    options.server_root = root.str();
    options.config_file = "httpd.conf";
    options.defines = spec.defines;
    options.pre_directives = spec.pre;
    if (spec.add_mpm) {
        // Through -C, so that line numbers in `conf` stay the real ones.
        options.pre_directives.insert(options.pre_directives.begin(),
                                      "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so");
    }
    options.post_directives = spec.post;
    auto result = loader.load(options);
    out.config = result.config;
    out.errors = result.error_lines;
    return out;
}

}  // namespace feather::test
