#pragma once
// Loading configurations for the access-control tests, with authz_core,
// authz_host and access_compat loaded and httpd's check_config pass of
// authz_core (AH01624) run after the walk.
//
// core's <Directory>, <Files>, <Limit> and <LimitExcept> are another part of
// the work; until they land, these tests read them through small stand-ins
// built on core's own rows (same names, contexts and restrictions) that do
// what httpd's do for the authz modules: a new per-directory config with
// AllowOverride-like mask OR_ALL|ACCESS_CONF (<Directory>), a method mask
// (<Limit>, registering unknown methods as httpd does). Every configuration
// text below was checked with apache2 -t.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "modules/all_modules.hpp"
#include "modules/authz/authz_check.hpp"
#include "modules/authz/http_method.hpp"
#include "modules/module_api.hpp"
#include "parser/word.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::test::authz {

using namespace feather::mod::authz;
using directives::Cmd;
using directives::Status;

// The per-directory configs the stand-in sections made in the last load,
// in order. Test-only state: gtest runs one test at a time.
inline std::vector<std::shared_ptr<DirConfigSet>>& made_sections()
{
    static std::vector<std::shared_ptr<DirConfigSet>> sections;
    return sections;
}

inline Status stand_in_directory(Cmd& cmd, const directives::Args& args)
{
    const auto close = args.raw.rfind('>');
    auto dir = cmd.loader->new_dir_config();
    made_sections().push_back(dir);
    Cmd inner = cmd;
    inner.dir = dir.get();
    inner.path = std::string(args.raw.substr(0, close));
    inner.override = directives::Allow::All | directives::Allow::AccessConf;
    inner.sections.push_back(cmd.node);
    return cmd.loader->walk(inner, cmd.node->children);
}

inline Status stand_in_limit(Cmd& cmd, const directives::Args& args, bool except)
{
    auto& registered =
        std::get<mod::core::CoreServerConfig>(cmd.loader->config().servers.front().modules->parts)
            .registered_methods;
    std::string_view rest = args.raw.substr(0, args.raw.rfind('>'));
    std::uint64_t mask = 0;
    for (std::string m = parser::next_word(rest); !m.empty(); m = parser::next_word(rest)) {
        auto n = method_number(m, registered);
        if (!n) {
            registered.push_back(m);
            n = method_number(m, registered);
        }
        mask |= method_bit(*n);
    }
    if (except) {
        mask = ~mask;
    }
    Cmd inner = cmd;
    inner.limited = cmd.limited & static_cast<std::int64_t>(mask);
    inner.sections.push_back(cmd.node);
    return cmd.loader->walk(inner, cmd.node->children);
}

inline Status stand_in_limit_only(Cmd& cmd, const directives::Args& args)
{
    return stand_in_limit(cmd, args, false);
}
inline Status stand_in_limit_except(Cmd& cmd, const directives::Args& args)
{
    return stand_in_limit(cmd, args, true);
}

// The modules of Feather, core's section rows swapped for the stand-ins.
inline const directives::Registry& test_registry()
{
    static const std::vector<directives::DirectiveSpec> core_rows = [] {
        std::vector<directives::DirectiveSpec> rows;
        for (const auto* m : mod::all_modules()) {
            if (m->id != ModuleId::Core) {
                continue;
            }
            for (directives::DirectiveSpec spec : m->directives) {
                if (spec.name == "<Directory" || spec.name == "<Files") {
                    spec.set = &stand_in_directory;
                    if (spec.name == "<Files") {
                        spec.forbid = directives::Forbid::Location | directives::Forbid::Limit;
                    }
                } else if (spec.name == "<Limit") {
                    spec.set = &stand_in_limit_only;
                } else if (spec.name == "<LimitExcept") {
                    spec.set = &stand_in_limit_except;
                }
                rows.push_back(spec);
            }
        }
        return rows;
    }();
    static const std::vector<const directives::ModuleInfo*> modules = [] {
        static directives::ModuleInfo core{};
        std::vector<const directives::ModuleInfo*> list;
        for (const auto* m : mod::all_modules()) {
            if (m->id == ModuleId::Core) {
                core = *m;
                core.directives = core_rows;
                list.push_back(&core);
            } else {
                list.push_back(m);
            }
        }
        return list;
    }();
    static const directives::Registry registry(modules);
    return registry;
}

struct Modules {
    bool authz_host = true;
    bool access_compat = true;
};

class AuthzTest : public ::testing::Test {
protected:
    LoadOutcome load(const std::string& conf, Modules mods = {})
    {
        made_sections().clear();
        root_.write("httpd.conf", conf);
        LoadOutcome out;
        directives::Loader loader(
            test_registry(), mod::config_factory(),
            [&out](LogLevel, ModuleId, std::string_view msg, bool) { out.warnings.emplace_back(msg); },
            {&check_authz_config});
        directives::LoadOptions options;
        options.server_root = root_.str();
        options.config_file = "httpd.conf";
        // Through -C, so that line numbers in `conf` stay the real ones.
        options.pre_directives = {"LoadModule mpm_prefork_module modules/mod_mpm_prefork.so",
                                  "LoadModule authz_core_module modules/mod_authz_core.so"};
        if (mods.authz_host) {
            options.pre_directives.push_back("LoadModule authz_host_module modules/mod_authz_host.so");
        }
        if (mods.access_compat) {
            options.pre_directives.push_back(
                "LoadModule access_compat_module modules/mod_access_compat.so");
        }
        auto result = loader.load(options);
        out.config = result.config;
        out.errors = result.error_lines;
        return out;
    }

    // What httpd prints for an error in a directive on `line`.
    std::string syntax_error(int line, const std::string& message) const
    {
        return "AH00526: Syntax error on line " + std::to_string(line) + " of " + root_.str() +
               "/httpd.conf:\n" + message;
    }

    // The error of a configuration that must fail.
    std::string error_of(const std::string& conf, Modules mods = {})
    {
        const LoadOutcome o = load(conf, mods);
        EXPECT_FALSE(o.ok()) << conf;
        return o.error();
    }

    // A configuration that must load; its sections' configs follow.
    void expect_ok(const std::string& conf, Modules mods = {})
    {
        const LoadOutcome o = load(conf, mods);
        EXPECT_TRUE(o.ok()) << conf << "\n" << o.error();
    }

    template <class T>
    static const T& section(std::size_t i)
    {
        return get<T>(*made_sections().at(i));
    }
    static const AuthzCoreDirConfig& authz(std::size_t i = 0)
    {
        return section<AuthzCoreDirConfig>(i);
    }
    static const AccessCompatDirConfig& compat(std::size_t i = 0)
    {
        return section<AccessCompatDirConfig>(i);
    }

    TempDir root_;
};

// A config for one Require tree, as a test builds one by hand.
inline RequireNode provider_node(std::string provider, std::string args, ProviderRule rule,
                                 bool negated = false)
{
    RequireNode n;
    n.kind = RequireNode::Kind::Provider;
    n.negated = negated;
    n.methods = ~std::uint64_t{0};
    n.provider = std::move(provider);
    n.args = std::move(args);
    n.rule = std::move(rule);
    return n;
}

inline IpNetwork network(std::string_view text)
{
    const auto slash = text.find('/');
    const auto parsed = slash == std::string_view::npos
                            ? parse_ip_network(text, std::nullopt)
                            : parse_ip_network(text.substr(0, slash), text.substr(slash + 1));
    return std::get<IpNetwork>(parsed);
}

}  // namespace feather::test::authz
