#pragma once
// Applying single directive lines in a chosen context (server, virtual host,
// <Directory>, <Location>, <Files>, .htaccess) straight through the binder,
// as httpd's invoke_cmd would, without needing the section directives
// themselves. Used by the tests of mime, dir, negotiation, alias and
// log_config to check context rules and to build per-section configs whose
// merges are then tested.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/binder.hpp"
#include "directives/loader.hpp"
#include "modules/all_modules.hpp"
#include "modules/config_sets.hpp"
#include "parser/word.hpp"
#include "tests/support/config_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace feather::test {

// File names the harness's SourceLocs point at.
inline const std::string kVhostFile = "vhost.conf";
inline const std::string kTestFile = "test.conf";

enum class Where {
    Server,
    VirtualHost,
    Directory,      // <Directory /x>
    DirectoryMatch, // <DirectoryMatch /x>
    Location,       // <Location /x>
    LocationMatch,  // <LocationMatch /x>
    Files,          // <Files x>
    If,             // <If true>
    Htaccess,       // .htaccess of /x/ with AllowOverride All
    Limit,          // <Limit GET> at server level
};

class ModsHarness {
public:
    ModsHarness()
        : loader_(mod::registry(), mod::config_factory(),
                  [this](LogLevel, ModuleId, std::string_view text, bool) {
                      warnings.emplace_back(text);
                  })
    {
        root_.write("httpd.conf", "");
        directives::LoadOptions options;
        options.server_root = root_.str();
        options.config_file = "httpd.conf";
        options.pre_directives = {"LoadModule mpm_prefork_module modules/mod_mpm_prefork.so"};
        for (const char* m : {"mime", "dir", "negotiation", "alias"}) {
            options.pre_directives.push_back(std::string("LoadModule ") + m +
                                             "_module modules/mod_" + m + ".so");
        }
        const auto result = loader_.load(options);
        EXPECT_TRUE(result.config) << (result.error_lines.empty() ? "" : result.error_lines[0]);
    }

    std::string root() const { return root_.str(); }
    directives::ServerConfig& main() { return loader_.config().servers.front(); }
    directives::ServerConfig& vhost()
    {
        if (!vhost_) {
            vhost_ = &loader_.add_virtual_host(SourceLoc{&kVhostFile, 1});
        }
        return *vhost_;
    }

    // A fresh per-directory config, as a section gets.
    std::shared_ptr<DirConfigSet> new_dir() const { return loader_.new_dir_config(); }

    // Applies `line` ("Name args") in `where`. Per-directory settings go to
    // `dir` (a section's config), or to the server's defaults when null.
    std::optional<std::string> apply(std::string_view line, Where where = Where::Server,
                                     DirConfigSet* dir = nullptr)
    {
        std::string_view rest = line;
        const std::string name = parser::next_word(rest);
        const directives::DirectiveSpec* spec = nullptr;
        for (const auto* s : loader_.registry().find(name)) {
            if (loader_.modules().contains(s->module)) {
                spec = s;
            }
        }
        if (spec == nullptr) {
            return "no such directive: " + name;
        }

        directives::Cmd cmd;
        cmd.loader = &loader_;
        cmd.server = where == Where::VirtualHost ? &vhost() : &main();
        cmd.dir = dir ? dir : cmd.server->defaults.get();
        cmd.override = directives::kServerOverride;
        cmd.override_opts = directives::kAllOptions;
        name_text_ = name;
        args_text_ = rest;
        node_.name = name_text_;
        node_.args = args_text_;
        node_.loc = SourceLoc{&kTestFile, 7};
        cmd.node = &node_;

        auto section = [&](const char* sname, const char* path) {
            section_.name = sname;
            cmd.sections = {&section_};
            cmd.path = path;
            cmd.override = directives::Allow::All | directives::Allow::AccessConf;
        };
        switch (where) {
        case Where::Server:
        case Where::VirtualHost:
            if (where == Where::VirtualHost) {
                section_.name = "<VirtualHost";
                cmd.sections = {&section_};
            }
            break;
        case Where::Directory: section("<Directory", "/x"); break;
        case Where::DirectoryMatch: section("<DirectoryMatch", "/x"); break;
        case Where::Location: section("<Location", "/x"); break;
        case Where::LocationMatch: section("<LocationMatch", "/x"); break;
        case Where::Files: section("<Files", "x"); break;
        case Where::If: section("<If", "/x"); break;
        case Where::Htaccess:
            cmd.path = "/x/";
            cmd.htaccess = true;
            cmd.override = directives::Allow::All;
            break;
        case Where::Limit:
            section_.name = "<Limit";
            cmd.sections = {&section_};
            cmd.limited = 1;
            break;
        }
        return directives::invoke(cmd, *spec, node_.args);
    }

    std::vector<std::string> warnings;

private:
    TempDir root_;
    directives::Loader loader_;
    directives::ServerConfig* vhost_ = nullptr;
    std::string name_text_;  // what node_ views
    std::string args_text_;
    parser::Node node_;
    parser::Node section_;
};

// Loading whole configurations with the five modules loaded (through -C, so
// that line numbers in the text are the real ones).
class ModsLoadTest : public ::testing::Test {
protected:
    LoadOutcome load(const std::string& conf)
    {
        LoadSpec spec;
        for (const char* m : {"mime", "dir", "negotiation", "alias"}) {
            spec.pre.push_back(std::string("LoadModule ") + m + "_module modules/mod_" + m +
                               ".so");
        }
        return load_text(root_, conf, spec);
    }

    // What httpd prints for an error on `line` of the main file.
    std::string syntax_error(int line, const std::string& message) const
    {
        return "AH00526: Syntax error on line " + std::to_string(line) + " of " + root_.str() +
               "/httpd.conf:\n" + message;
    }

    std::string path(const std::string& relative) const { return root_.str() + "/" + relative; }

    TempDir root_;
};

}  // namespace feather::test
