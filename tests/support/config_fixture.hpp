#pragma once
// Loading a configuration from text in a test: the text becomes httpd.conf in
// a fresh ServerRoot, with an MPM loaded unless the test says otherwise.

#include <memory>
#include <string>
#include <vector>

#include "directives/config.hpp"
#include "directives/loader.hpp"
#include "modules/config_sets.hpp"
#include "tests/support/temp_dir.hpp"

namespace feather::test {

struct LoadOutcome {
    std::shared_ptr<const directives::Config> config;  // null on failure
    std::vector<std::string> errors;    // as printed on stderr
    std::vector<std::string> warnings;  // startup log messages (text only)

    bool ok() const { return config != nullptr; }
    // All error lines joined with '\n'.
    std::string error() const;
};

struct LoadSpec {
    bool add_mpm = true;                 // -C "LoadModule mpm_prefork_module ..."
    std::vector<std::string> defines;    // -D
    std::vector<std::string> pre;        // -C
    std::vector<std::string> post;       // -c
};

// Writes `conf` as <root>/httpd.conf and loads it with ServerRoot <root>.
LoadOutcome load_text(const TempDir& root, const std::string& conf, const LoadSpec& spec = {});

// The main server's module config of type T.
template <class T>
const T& main_server(const LoadOutcome& o)
{
    return get<T>(*o.config->main_server().modules);
}
template <class T>
const T& main_dir(const LoadOutcome& o)
{
    return get<T>(*o.config->main_server().defaults);
}

}  // namespace feather::test
