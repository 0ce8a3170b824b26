// The per-directory merges: httpd's merge_authz_core_dir_config, and
// mod_access_compat's absence of one (the most specific config wins whole).

#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::test::authz {
namespace {

using Kind = RequireNode::Kind;

RequireNode root_with(RequireNode line)
{
    RequireNode root;
    root.kind = Kind::Any;
    root.methods = line.methods;
    root.children.push_back(std::move(line));
    return root;
}

AuthzCoreDirConfig with_require(std::string provider, std::string args, ProviderRule rule,
                                std::uint64_t methods = ~std::uint64_t{0})
{
    RequireNode line = provider_node(std::move(provider), std::move(args), std::move(rule));
    line.methods = methods;
    AuthzCoreDirConfig c;
    c.section = root_with(std::move(line));
    return c;
}

AuthzCoreDirConfig merging(AuthzCoreDirConfig c, AuthMerging how)
{
    c.merging.set(how);
    return c;
}

const AuthzCoreDirConfig kBase = with_require("all", "denied", AllRule{false});
const AuthzCoreDirConfig kAdd = with_require("ip", "10.1", IpRule{{network("10.1")}});

TEST(AuthzCoreMerge, SectionWithoutRequireInherits)
{
    const AuthzCoreDirConfig merged = merge(kBase, AuthzCoreDirConfig{});
    ASSERT_TRUE(merged.section);
    EXPECT_EQ(merged.section->children.at(0).describe(), "Require all denied");
}

TEST(AuthzCoreMerge, OwnRequireReplacesByDefault)
{
    const AuthzCoreDirConfig merged = merge(kBase, kAdd);
    ASSERT_TRUE(merged.section);
    ASSERT_EQ(merged.section->children.size(), 1u);
    EXPECT_EQ(merged.section->children[0].describe(), "Require ip 10.1");
    EXPECT_FALSE(merged.merging.is_set());
}

TEST(AuthzCoreMerge, AuthMergingOffReplaces)
{
    const AuthzCoreDirConfig merged = merge(kBase, merging(kAdd, AuthMerging::Off));
    EXPECT_EQ(merged.section->children.at(0).describe(), "Require ip 10.1");
}

TEST(AuthzCoreMerge, AuthMergingOffAloneDropsTheInheritedRules)
{
    // httpd copies the new config, which has no Require: nothing applies.
    AuthzCoreDirConfig add;
    add.merging.set(AuthMerging::Off);
    EXPECT_FALSE(merge(kBase, add).section.has_value());
}

TEST(AuthzCoreMerge, AuthMergingAndCombines)
{
    const AuthzCoreDirConfig add = with_require("ip", "10.1", IpRule{{network("10.1")}},
                                                mod::authz::method_bit(0));
    const AuthzCoreDirConfig merged = merge(kBase, merging(add, AuthMerging::And));
    ASSERT_TRUE(merged.section);
    const RequireNode& top = *merged.section;
    EXPECT_EQ(top.kind, Kind::All);
    EXPECT_TRUE(top.merged);
    EXPECT_FALSE(top.negated);
    EXPECT_EQ(top.describe(), "AuthMerging All");  // httpd's own wording in its logs
    EXPECT_EQ(top.methods, ~std::uint64_t{0});
    ASSERT_EQ(top.children.size(), 2u);
    EXPECT_EQ(top.children[0].children.at(0).describe(), "Require all denied");
    EXPECT_EQ(top.children[1].children.at(0).describe(), "Require ip 10.1");
    EXPECT_EQ(merged.merging.value, AuthMerging::And);
}

TEST(AuthzCoreMerge, AuthMergingOrCombines)
{
    const AuthzCoreDirConfig base = with_require("env", "A", EnvRule{{"A"}}, mod::authz::method_bit(2));
    const AuthzCoreDirConfig add = with_require("env", "B", EnvRule{{"B"}}, mod::authz::method_bit(0));
    const AuthzCoreDirConfig merged = merge(base, merging(add, AuthMerging::Or));
    EXPECT_EQ(merged.section->kind, Kind::Any);
    EXPECT_EQ(merged.section->describe(), "AuthMerging Any");
    EXPECT_EQ(merged.section->methods, mod::authz::method_bit(0) | mod::authz::method_bit(2));
}

TEST(AuthzCoreMerge, AuthMergingWithOnlyOneSide)
{
    AuthzCoreDirConfig add;
    add.merging.set(AuthMerging::And);
    const AuthzCoreDirConfig inherited = merge(kBase, add);
    EXPECT_EQ(inherited.section->children.at(0).describe(), "Require all denied");
    EXPECT_FALSE(inherited.section->merged);
    EXPECT_EQ(inherited.merging.value, AuthMerging::And);

    const AuthzCoreDirConfig own = merge(AuthzCoreDirConfig{}, merging(kAdd, AuthMerging::Or));
    EXPECT_EQ(own.section->children.at(0).describe(), "Require ip 10.1");
    EXPECT_FALSE(own.section->merged);
}

TEST(AuthzCoreMerge, AuthMergingIsNotInherited)
{
    AuthzCoreDirConfig middle;
    middle.merging.set(AuthMerging::And);
    const AuthzCoreDirConfig at_middle = merge(kBase, middle);
    const AuthzCoreDirConfig at_leaf = merge(at_middle, kAdd);
    ASSERT_TRUE(at_leaf.section);
    EXPECT_FALSE(at_leaf.section->merged);
    EXPECT_EQ(at_leaf.section->children.at(0).describe(), "Require ip 10.1");
}

TEST(AuthzCoreMerge, ForbiddenOnFailureAloneIsNotANewAuthzConfig)
{
    AuthzCoreDirConfig add;
    add.forbidden_on_failure.set(true);
    AuthzCoreDirConfig base = kBase;
    base.merging.set(AuthMerging::Or);
    const AuthzCoreDirConfig merged = merge(base, add);
    EXPECT_EQ(merged.section->children.at(0).describe(), "Require all denied");
    EXPECT_EQ(merged.merging.value, AuthMerging::Or);  // the base copied whole
    EXPECT_EQ(merged.forbidden_on_failure.value, true);
}

TEST(AuthzCoreMerge, ForbiddenOnFailureInherits)
{
    AuthzCoreDirConfig base;
    base.forbidden_on_failure.set(true);
    EXPECT_EQ(merge(base, kAdd).forbidden_on_failure.value, true);
    AuthzCoreDirConfig add = kAdd;
    add.forbidden_on_failure.set(false);
    EXPECT_EQ(merge(base, add).forbidden_on_failure.value, false);
    EXPECT_FALSE(merge(AuthzCoreDirConfig{}, kAdd).forbidden_on_failure.is_set());
}

TEST(AuthzCoreMerge, ServerConfigIsTheMainServers)
{
    AuthzCoreServerConfig main;
    main.aliases["lan"].provider = "ip";
    AuthzCoreServerConfig vhost;
    vhost.aliases["other"].provider = "all";
    const AuthzCoreServerConfig merged = merge(main, vhost);
    ASSERT_EQ(merged.aliases.size(), 1u);
    EXPECT_TRUE(merged.aliases.contains("lan"));
}

TEST(AccessCompatMerge, SectionWithoutTheDirectivesInherits)
{
    AccessCompatDirConfig base;
    base.in_use = true;
    base.order.fill(Order::AllowThenDeny);
    base.allows.push_back({FromAll{}, ~std::uint64_t{0}});
    const AccessCompatDirConfig merged = merge(base, AccessCompatDirConfig{});
    EXPECT_EQ(merged.order[0], Order::AllowThenDeny);
    EXPECT_EQ(merged.allows.size(), 1u);
}

TEST(AccessCompatMerge, AnyDirectiveReplacesEverything)
{
    AccessCompatDirConfig base;
    base.in_use = true;
    base.order.fill(Order::AllowThenDeny);
    base.allows.push_back({FromAll{}, ~std::uint64_t{0}});
    AccessCompatDirConfig add;  // only "Satisfy any"
    add.in_use = true;
    add.satisfy.fill(Satisfy::Any);
    const AccessCompatDirConfig merged = merge(base, add);
    EXPECT_EQ(merged.order[0], Order::DenyThenAllow);
    EXPECT_TRUE(merged.allows.empty());
    EXPECT_EQ(merged.satisfy[0], Satisfy::Any);
}

class LoadedMergeTest : public AuthzTest {};

TEST_F(LoadedMergeTest, SectionsMergeThroughTheirConfigSets)
{
    expect_ok("<Directory />\nRequire all denied\nOrder deny,allow\nDeny from all\n</Directory>\n"
              "<Directory /www>\nAuthMerging Or\nRequire ip 10.1\n</Directory>\n"
              "<Directory /www/private>\nAuthzSendForbiddenOnFailure On\n</Directory>\n");
    const DirConfigSet www = feather::merge(*made_sections().at(0), *made_sections().at(1));
    const auto& a = get<AuthzCoreDirConfig>(www);
    ASSERT_TRUE(a.section);
    EXPECT_EQ(a.section->describe(), "AuthMerging Any");
    EXPECT_EQ(a.section->children.at(0).children.at(0).describe(), "Require all denied");
    EXPECT_EQ(a.section->children.at(1).children.at(0).describe(), "Require ip 10.1");
    // /www used no access_compat directive: it keeps "Deny from all".
    EXPECT_EQ(get<AccessCompatDirConfig>(www).denies.size(), 1u);

    const DirConfigSet priv = feather::merge(www, *made_sections().at(2));
    EXPECT_EQ(get<AuthzCoreDirConfig>(priv).section->describe(), "AuthMerging Any");
    EXPECT_EQ(get<AuthzCoreDirConfig>(priv).forbidden_on_failure.value, true);
}

}  // namespace
}  // namespace feather::test::authz
