// Directives whose contexts a plain server-level file cannot reach,
// applied through the binder as a <VirtualHost> or <Directory> would.

#include <gtest/gtest.h>

#include "directives/binder.hpp"
#include "modules/all_modules.hpp"
#include "modules/config_sets.hpp"

namespace feather::test {
namespace {

using namespace mod::core;

struct Context {
    directives::ServerConfig server;
    std::shared_ptr<DirConfigSet> dir = std::make_shared<DirConfigSet>();
    directives::Cmd cmd;

    Context(bool is_virtual, directives::Allow allow)
    {
        server.is_virtual = is_virtual;
        server.modules = std::make_shared<ServerConfigSet>();
        cmd.server = &server;
        cmd.dir = dir.get();
        cmd.override = allow;
    }
    directives::Status run(std::string_view name, std::string_view args)
    {
        return directives::invoke(cmd, *mod::registry().find(name).front(), args);
    }
};

TEST(CoreInvoke, ServerAliasInVirtualHost)
{
    Context c(true, directives::Allow::RsrcConf);
    EXPECT_FALSE(c.run("ServerAlias", "www.example.com *.example.com \"ex?mple.org\"").has_value());
    EXPECT_FALSE(c.run("ServerAlias", "other.example").has_value());
    const auto& conf = get<CoreServerConfig>(*c.server.modules);
    EXPECT_EQ(conf.server_aliases, (std::vector<std::string>{"www.example.com", "other.example"}));
    EXPECT_EQ(conf.server_wild_aliases, (std::vector<std::string>{"*.example.com", "ex?mple.org"}));
    // No names at all is fine too, as in httpd.
    EXPECT_FALSE(c.run("ServerAlias", "").has_value());
}

TEST(CoreInvoke, CgiPassAuthInDirectory)
{
    Context c(false, directives::Allow::AccessConf | directives::Allow::All);
    EXPECT_FALSE(c.run("CGIPassAuth", "On").has_value());
    EXPECT_TRUE(*get<CoreDirConfig>(*c.dir).uncommon().cgi_pass_auth.value);
    EXPECT_EQ(c.run("CGIPassAuth", "maybe").value_or(""), "CGIPassAuth must be On or Off");
}

}  // namespace
}  // namespace feather::test
