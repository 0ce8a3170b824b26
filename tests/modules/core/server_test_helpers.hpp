#pragma once
// Shared by the tests of core, http, unixd, mpm and logio directives: load a
// configuration text and look at the one error httpd would print.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/config_fixture.hpp"

namespace feather::test {

// The LoadSpec that loads the worker MPM instead of prefork.
inline LoadSpec worker_spec()
{
    LoadSpec s;
    s.add_mpm = false;
    s.pre.push_back("LoadModule mpm_worker_module modules/mod_mpm_worker.so");
    return s;
}

// Loads `conf` and expects it to fail at `line` with exactly `message`
// (httpd's "AH00526: Syntax error on line N of FILE:" then the message).
inline void expect_error(const std::string& conf, int line, const std::string& message,
                         const LoadSpec& spec = {})
{
    TempDir root;
    const auto o = load_text(root, conf, spec);
    ASSERT_FALSE(o.ok()) << conf;
    ASSERT_EQ(o.errors.size(), 2u) << o.error();
    EXPECT_EQ(o.errors[0], "AH00526: Syntax error on line " + std::to_string(line) + " of " +
                               root.str() + "/httpd.conf:");
    EXPECT_EQ(o.errors[1], message) << conf;
}

// The message a one-line configuration fails with ("" when it loads).
inline std::string error_of(const std::string& line, const LoadSpec& spec = {})
{
    TempDir root;
    const auto o = load_text(root, line + "\n", spec);
    if (o.ok()) {
        return "";
    }
    return o.errors.empty() ? "?" : o.errors.back();
}

}  // namespace feather::test
