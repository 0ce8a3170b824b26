// negotiation_module's directives and merge (httpd's mod_negotiation.c),
// messages checked against apache2 -t with the same text.

#include <gtest/gtest.h>

#include "modules/negotiation/negotiation_config.hpp"
#include "tests/modules/mods_harness.hpp"

namespace feather::test {
namespace {

using mod::negotiation::ForceLanguagePriority;
using mod::negotiation::NegotiationDirConfig;
using mod::negotiation::NegotiationServerConfig;
using Langs = std::vector<std::string>;

class NegotiationDirectives : public ModsLoadTest {};

TEST_F(NegotiationDirectives, LanguagePriorityLinesAppendInOneSection)
{
    const auto o = load("LanguagePriority en fr\nLanguagePriority de\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<NegotiationDirConfig>(o).language_priority.value,
              (Langs{"en", "fr", "de"}));
    EXPECT_EQ(load("LanguagePriority\n").error(),
              syntax_error(1, "LanguagePriority requires at least one argument, space-delimited "
                              "list of MIME language abbreviations"));
}

TEST_F(NegotiationDirectives, ForceLanguagePriorityKeywords)
{
    const auto o = load("ForceLanguagePriority prefer\nForceLanguagePriority FALLBACK\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_dir<NegotiationDirConfig>(o).force_language_priority.value,
              (ForceLanguagePriority{.prefer = true, .fallback = true}));
    const auto none = load("ForceLanguagePriority none None\n");
    ASSERT_TRUE(none.ok()) << none.error();
    EXPECT_EQ(main_dir<NegotiationDirConfig>(none).force_language_priority.value,
              ForceLanguagePriority{.none = true});
}

TEST_F(NegotiationDirectives, ForceLanguagePriorityErrors)
{
    EXPECT_EQ(load("ForceLanguagePriority Prefer None\n").error(),
              syntax_error(1, "Cannot combine ForceLanguagePriority options with None"));
    EXPECT_EQ(load("ForceLanguagePriority Prefer Fallback\nForceLanguagePriority None\n").error(),
              syntax_error(2, "Cannot combine ForceLanguagePriority options with None"));
    EXPECT_EQ(load("ForceLanguagePriority None Prefer\n").error(),
              syntax_error(1, "Cannot combine ForceLanguagePriority options None and Prefer"));
    EXPECT_EQ(load("ForceLanguagePriority None Fallback\n").error(),
              syntax_error(1, "Cannot combine ForceLanguagePriority options None and Fallback"));
    EXPECT_EQ(load("ForceLanguagePriority x\n").error(),
              syntax_error(1, "Invalid ForceLanguagePriority option x"));
    EXPECT_EQ(load("ForceLanguagePriority\n").error(),
              syntax_error(1, "ForceLanguagePriority requires at least one argument, Force "
                              "LanguagePriority elections, either None, or Fallback and/or "
                              "Prefer"));
}

TEST_F(NegotiationDirectives, CacheNegotiatedDocs)
{
    const auto on = load("CacheNegotiatedDocs on\n");
    ASSERT_TRUE(on.ok()) << on.error();
    EXPECT_EQ(main_server<NegotiationServerConfig>(on).cache_negotiated_docs.value, true);
    const auto off = load("CacheNegotiatedDocs on\nCacheNegotiatedDocs off\n");
    ASSERT_TRUE(off.ok()) << off.error();
    EXPECT_FALSE(main_server<NegotiationServerConfig>(off).cache_negotiated_docs.is_set());
    EXPECT_EQ(load("CacheNegotiatedDocs\n").error(),
              syntax_error(1, "CacheNegotiatedDocs must be On or Off"));
    EXPECT_EQ(load("CacheNegotiatedDocs x\n").error(),
              syntax_error(1, "CacheNegotiatedDocs must be On or Off"));
}

TEST(NegotiationContexts, CacheNegotiatedDocsIsServerLevelAndOffInAVhostInherits)
{
    ModsHarness h;
    auto dir = h.new_dir();
    EXPECT_EQ(h.apply("CacheNegotiatedDocs on", Where::Directory, dir.get()),
              "CacheNegotiatedDocs not allowed in <Directory> context");
    ASSERT_EQ(h.apply("CacheNegotiatedDocs on"), std::nullopt);
    ASSERT_EQ(h.apply("CacheNegotiatedDocs off", Where::VirtualHost), std::nullopt);
    // httpd stores nothing for Off, so the virtual host inherits the On.
    const auto m = merge(get<NegotiationServerConfig>(*h.main().modules),
                         get<NegotiationServerConfig>(*h.vhost().modules));
    EXPECT_EQ(m.cache_negotiated_docs.value, true);
}

TEST(NegotiationMerge, ASectionsSettingsReplaceTheParents)
{
    ModsHarness h;
    auto parent = h.new_dir();
    auto child = h.new_dir();
    ASSERT_EQ(h.apply("LanguagePriority en fr", Where::Directory, parent.get()), std::nullopt);
    ASSERT_EQ(h.apply("ForceLanguagePriority Prefer Fallback", Where::Directory, parent.get()),
              std::nullopt);
    ASSERT_EQ(h.apply("LanguagePriority de", Where::Htaccess, child.get()), std::nullopt);
    const auto m = merge(get<NegotiationDirConfig>(*parent), get<NegotiationDirConfig>(*child));
    EXPECT_EQ(m.language_priority.value, Langs{"de"});
    EXPECT_EQ(m.force_language_priority.value,
              (ForceLanguagePriority{.prefer = true, .fallback = true}));

    // None in a child replaces (it is checked against the child's own words
    // only).
    auto none = h.new_dir();
    ASSERT_EQ(h.apply("ForceLanguagePriority None", Where::Directory, none.get()), std::nullopt);
    EXPECT_EQ(merge(m, get<NegotiationDirConfig>(*none)).force_language_priority.value,
              ForceLanguagePriority{.none = true});
}

}  // namespace
}  // namespace feather::test
