// DirConfigSet merges as ap_merge_per_dir_configs: a section speaks only for
// the modules whose directives it holds, and a merge passes over the others.

#include <gtest/gtest.h>

#include "modules/config_sets.hpp"
#include "tests/modules/core/section_test_support.hpp"

namespace feather::test {
namespace {

using mod::core::CoreDirConfig;
using mod::core::CoreServerConfig;
using mod::mime::MimeDirConfig;

TEST(DirConfigSetMerge, ASectionHasOnlyTheModulesItsLinesName)
{
    TempDir root;
    auto o = load_text(root,
                       "LoadModule mime_module modules/mod_mime.so\n"
                       "LoadModule authz_core_module modules/mod_authz_core.so\n"
                       "AddEncoding x-gzip .gz\n"
                       "<Directory /a>\n Require all granted\n</Directory>\n"
                       "<Directory /a/b>\n RemoveEncoding .gz\n</Directory>\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& main = get<CoreServerConfig>(*o.config->main_server().modules);
    ASSERT_EQ(main.directories.size(), 2u);
    const DirConfigSet& a = *main.directories[0].config;
    const DirConfigSet& b = *main.directories[1].config;
    // Not even core's: httpd gives each section a fresh core config, and
    // merging a fresh one changes nothing, so Feather makes none.
    EXPECT_EQ(a.present(), DirConfigSet::bit_of<mod::authz::AuthzCoreDirConfig>());
    EXPECT_EQ(b.present(), DirConfigSet::bit_of<MimeDirConfig>());

    // httpd's directory walk merges the sections among themselves, then onto
    // the server's defaults. /a has no mime config, so /a/b's RemoveEncoding
    // survives the first merge and removes the server's .gz encoding.
    const DirConfigSet sections = merge(a, b);
    const DirConfigSet result = merge(*o.config->main_server().defaults, sections);
    const auto& ext = get<MimeDirConfig>(result).extensions;
    ASSERT_TRUE(ext.contains("gz"));
    EXPECT_FALSE(ext.at("gz").encoding.has_value());
    EXPECT_EQ(result.present(), DirConfigSet::kAllParts);

    // Server defaults alone keep it.
    EXPECT_EQ(get<MimeDirConfig>(*o.config->main_server().defaults).extensions.at("gz").encoding,
              std::optional<std::string>("x-gzip"));
}

TEST(DirConfigSetMerge, APartOnlyOneSideHasIsTakenAsItIs)
{
    DirConfigSet base = DirConfigSet::none();
    base.edit<MimeDirConfig>().default_language.set("fr");
    const DirConfigSet add = DirConfigSet::none();
    const DirConfigSet m = merge(base, add);
    EXPECT_EQ(get<MimeDirConfig>(m).default_language.value, std::optional<std::string>("fr"));
    EXPECT_EQ(m.present(), DirConfigSet::bit_of<MimeDirConfig>());
    // Shared, not copied; and an edit of the merge leaves the source alone.
    EXPECT_EQ(&get<MimeDirConfig>(m), &get<MimeDirConfig>(base));
    DirConfigSet edited = m;
    edited.edit<MimeDirConfig>().default_language.set("de");
    EXPECT_EQ(get<MimeDirConfig>(base).default_language.value, std::optional<std::string>("fr"));
    EXPECT_EQ(get<MimeDirConfig>(edited).default_language.value, std::optional<std::string>("de"));
}

}  // namespace
}  // namespace feather::test
