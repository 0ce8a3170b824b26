// The section walks (server/request.c ap_directory_walk, ap_file_walk,
// ap_location_walk) and core's translate and fixups, on a real document
// tree. Each expectation was checked against apache2 with the same
// configuration (ForceType shows which section won).

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "runtime/http/core_hooks.hpp"
#include "runtime/http/section_walk.hpp"
#include "tests/runtime/http/serving_fixture.hpp"

namespace feather::test::serving {
namespace {

using mod::core::CoreDirConfig;

std::string forced_type(const Request& r)
{
    const auto& c = get<CoreDirConfig>(*r.per_dir);
    return c.mime_type.is_set() ? *c.mime_type.value : std::string("-");
}

// translate + map_to_storage, as the pipeline runs them.
int map(Request& r)
{
    const Verdict t = runtime::core_translate(r);
    if (!t.is_ok()) {
        return t.status;
    }
    const Verdict m = runtime::core_map_to_storage(r);
    return m.is_ok() ? 0 : m.status;
}

class WalkTest : public ::testing::Test {
protected:
    void build(Serving& s)
    {
        s.root.write("htdocs/d/a.txt", "A\n");
        s.root.write("htdocs/d/e/f/g.txt", "G\n");
        s.root.write("htdocs/x/c.txt", "C\n");
        s.root.write("outside.txt", "secret\n");
        namespace fs = std::filesystem;
        fs::create_symlink("d/a.txt", s.path("htdocs/l_same"));
        fs::create_symlink("d/a.txt", s.path("htdocs/l_other"));
        fs::create_symlink("d", s.path("htdocs/ldir"));
        fs::create_symlink("nowhere", s.path("htdocs/dangling"));
        fs::create_symlink("../../outside.txt", s.path("htdocs/d/up"));
    }
};

TEST_F(WalkTest, PathInfoIsWhatDoesNotExist)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    build(s);
    struct Case {
        const char* uri;
        const char* filename;
        const char* path_info;
        char type;  // 'f' file, 'd' directory, '-' none
    };
    const Case cases[] = {
        {"/d/a.txt", "htdocs/d/a.txt", "", 'f'},
        {"/d/a.txt/x/y", "htdocs/d/a.txt", "/x/y", 'f'},
        {"/d/a.txt/", "htdocs/d/a.txt", "/", 'f'},
        {"/d/nofile/x", "htdocs/d/nofile", "/x", '-'},
        {"/d/nofile", "htdocs/d/nofile", "", '-'},
        {"/d/", "htdocs/d/", "", 'd'},
        {"/d", "htdocs/d", "", 'd'},
        {"/", "htdocs/", "", 'd'},
        {"/d/e/f/g.txt/z", "htdocs/d/e/f/g.txt", "/z", 'f'},
        {"/ldir/a.txt", "htdocs/ldir/a.txt", "", 'f'},
        {"/ldir/a.txt/more", "htdocs/ldir/a.txt", "/more", 'f'},
    };
    for (const auto& c : cases) {
        auto r = s.request(c.uri);
        ASSERT_EQ(map(*r), 0) << c.uri;
        EXPECT_EQ(r->filename, s.path(c.filename)) << c.uri;
        EXPECT_EQ(r->canonical_filename, r->filename) << c.uri;
        EXPECT_EQ(r->path_info, c.path_info) << c.uri;
        const char type = !r->finfo ? '-' : S_ISDIR(r->finfo->st_mode) ? 'd' : 'f';
        EXPECT_EQ(type, c.type) << c.uri;
    }
}

TEST_F(WalkTest, DirectorySectionsShortestFirstThenRegex)
{
    Serving s(
        "DocumentRoot @ROOT@/htdocs\n"
        "<Directory ~ \"/d/\">\n ForceType type/regex-d\n</Directory>\n"
        "<Directory @ROOT@/htdocs/d/e>\n ForceType type/de\n</Directory>\n"
        "<Directory />\n ForceType type/root\n</Directory>\n"
        "<Directory @ROOT@/htdocs/*/e/f>\n ForceType type/wild-ef\n</Directory>\n"
        "<Directory @ROOT@/htdocs/d>\n ForceType type/d\n</Directory>\n"
        "<DirectoryMatch \"^/.*/(?<which>x)\">\n ForceType type/match-x\n</DirectoryMatch>\n");
    build(s);
    const std::pair<const char*, const char*> cases[] = {
        {"/d/e/f/g.txt", "type/regex-d"},  // regex sections come last
        {"/x/c.txt", "type/match-x"},
        {"/outside", "type/root"},
        {"/d", "type/d"},  // a directory is matched with its slash
    };
    for (const auto& [uri, type] : cases) {
        auto r = s.request(uri);
        ASSERT_EQ(map(*r), 0) << uri;
        EXPECT_EQ(forced_type(*r), type) << uri;
    }
    auto r = s.request("/x/c.txt");
    ASSERT_EQ(map(*r), 0);
    EXPECT_EQ(r->subprocess_env.get("MATCH_WHICH"), "x");
}

TEST_F(WalkTest, WildcardsAndDepth)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n"
              "<Directory @ROOT@/htdocs/d/e>\n ForceType type/de\n</Directory>\n"
              "<Directory @ROOT@/htdocs/*/e/f>\n ForceType type/wild-ef\n</Directory>\n"
              "<Directory @ROOT@/htdocs/?>\n ForceType type/one-char\n</Directory>\n");
    build(s);
    const std::pair<const char*, const char*> cases[] = {
        {"/d/e/f/g.txt", "type/wild-ef"},
        {"/d/e/", "type/de"},
        {"/d/a.txt", "type/one-char"},
        {"/x/c.txt", "type/one-char"},
    };
    for (const auto& [uri, type] : cases) {
        auto r = s.request(uri);
        ASSERT_EQ(map(*r), 0) << uri;
        EXPECT_EQ(forced_type(*r), type) << uri;
    }
}

TEST_F(WalkTest, AFileIsALevelOnlyWithoutLinkChecks)
{
    // Without an lstat per component (FollowSymLinks, the file found by the
    // first stat) httpd walks the file name as one more directory level.
    const std::string sections =
        "<Directory @ROOT@/htdocs/d>\n ForceType type/d\n</Directory>\n"
        "<Directory @ROOT@/htdocs/d/a.txt>\n ForceType type/file-as-dir\n</Directory>\n";
    Serving follow("DocumentRoot @ROOT@/htdocs\n" + sections);
    build(follow);
    auto r = follow.request("/d/a.txt");
    ASSERT_EQ(map(*r), 0);
    EXPECT_EQ(forced_type(*r), "type/file-as-dir");

    Serving none("DocumentRoot @ROOT@/htdocs\n<Directory />\n Options None\n</Directory>\n" +
                 sections);
    build(none);
    auto q = none.request("/d/a.txt");
    ASSERT_EQ(map(*q), 0);
    EXPECT_EQ(forced_type(*q), "type/d");
}

TEST_F(WalkTest, SymbolicLinkPolicies)
{
    struct Case {
        const char* options;
        const char* uri;
        int status;
    };
    const Case cases[] = {
        {"FollowSymLinks", "/l_same", 0},
        {"FollowSymLinks", "/ldir/a.txt", 0},
        {"FollowSymLinks", "/d/up", 0},  // a link may point anywhere
        {"FollowSymLinks", "/dangling", 403},
        {"SymLinksIfOwnerMatch", "/l_same", 0},
        {"SymLinksIfOwnerMatch", "/dangling", 403},
        {"None", "/l_same", 403},
        {"None", "/ldir/a.txt", 403},
        {"None", "/d/up", 403},
        {"None", "/d/a.txt", 0},
        {"Indexes", "/l_same", 403},
    };
    for (const auto& c : cases) {
        Serving s("DocumentRoot @ROOT@/htdocs\n<Directory />\n Options " + std::string(c.options) +
                  "\n</Directory>\n");
        build(s);
        auto r = s.request(c.uri);
        EXPECT_EQ(map(*r), c.status) << c.options << " " << c.uri;
        if (c.status == 403) {
            ASSERT_FALSE(s.services.lines.empty());
            EXPECT_EQ(s.services.lines.back().level, LogLevel::Error);
            std::string link = s.path(std::string("htdocs") + c.uri);
            if (std::string(c.uri) == "/ldir/a.txt") {
                link = s.path("htdocs/ldir");
            }
            EXPECT_EQ(s.services.lines.back().text,
                      "AH00037: Symbolic link not allowed or link target not accessible: " + link);
        }
    }
}

TEST_F(WalkTest, SymLinksIfOwnerMatchComparesOwners)
{
    if (::geteuid() != 0) {
        GTEST_SKIP() << "giving a link to another user needs root";
    }
    Serving s(
        "DocumentRoot @ROOT@/htdocs\n<Directory />\n Options SymLinksIfOwnerMatch\n</Directory>\n");
    build(s);
    ASSERT_EQ(::lchown(s.path("htdocs/l_other").c_str(), 65534, static_cast<gid_t>(-1)), 0);
    auto r = s.request("/l_other");
    EXPECT_EQ(map(*r), 403);
    auto same = s.request("/l_same");
    EXPECT_EQ(map(*same), 0);

    Serving both(
        "DocumentRoot @ROOT@/htdocs\n<Directory />\n Options FollowSymLinks SymLinksIfOwnerMatch\n"
        "</Directory>\n");
    build(both);
    ASSERT_EQ(::lchown(both.path("htdocs/l_other").c_str(), 65534, static_cast<gid_t>(-1)), 0);
    auto b = both.request("/l_other");
    EXPECT_EQ(map(*b), 403);  // the owner test wins

    Serving follow("DocumentRoot @ROOT@/htdocs\n");
    build(follow);
    ASSERT_EQ(::lchown(follow.path("htdocs/l_other").c_str(), 65534, static_cast<gid_t>(-1)), 0);
    auto f = follow.request("/l_other");
    EXPECT_EQ(map(*f), 0);
}

TEST_F(WalkTest, OptionsChangeOnTheWayDown)
{
    // Links are judged by the Options of the levels above them.
    Serving s("DocumentRoot @ROOT@/htdocs\n<Directory />\n Options None\n</Directory>\n"
              "<Directory @ROOT@/htdocs/d>\n Options +FollowSymLinks\n</Directory>\n");
    build(s);
    auto top = s.request("/l_same");
    EXPECT_EQ(map(*top), 403);
    auto inside = s.request("/d/up");
    EXPECT_EQ(map(*inside), 0);
}

TEST_F(WalkTest, FilesSections)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n"
              "<Files \"*.txt\">\n ForceType type/files-txt\n</Files>\n"
              "<Directory @ROOT@/htdocs/d>\n <Files a.txt>\n  ForceType type/a-in-d\n </Files>\n"
              " <FilesMatch \"^(?<stem>g)\\.txt$\">\n  ForceType type/g-match\n "
              "</FilesMatch>\n</Directory>\n");
    build(s);
    const std::pair<const char*, const char*> cases[] = {
        {"/d/a.txt", "type/a-in-d"},
        {"/x/c.txt", "type/files-txt"},
        {"/d/e/f/g.txt", "type/g-match"},
        {"/d/a.txt/extra", "type/a-in-d"},  // the file the walk found
        {"/d/", "-"},
    };
    for (const auto& [uri, type] : cases) {
        auto r = s.request(uri);
        ASSERT_EQ(map(*r), 0) << uri;
        EXPECT_EQ(forced_type(*r), type) << uri;
    }
    auto r = s.request("/d/e/f/g.txt");
    ASSERT_EQ(map(*r), 0);
    EXPECT_EQ(r->subprocess_env.get("MATCH_STEM"), "g");
}

TEST_F(WalkTest, LocationSections)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n"
              "<Location /d>\n ForceType type/d\n</Location>\n"
              "<Location /d/>\n ForceType type/d-slash\n</Location>\n"
              "<Location /d/*.txt>\n ForceType type/d-wild\n</Location>\n"
              "<LocationMatch \"^/x/(?<file>[a-z]+)\">\n ForceType type/x\n</LocationMatch>\n");
    const std::pair<const char*, const char*> cases[] = {
        {"/d", "type/d"},
        {"/d/", "type/d-slash"},
        {"/d/a.txt", "type/d-wild"},
        {"/d/e/a.txt", "type/d-slash"},  // '*' does not cross '/'
        {"/dx", "-"},
        {"/x/c", "type/x"},
    };
    for (const auto& [uri, type] : cases) {
        auto r = s.request(uri);
        ASSERT_EQ(runtime::location_walk(*r), 0) << uri;
        EXPECT_EQ(forced_type(*r), type) << uri;
    }
    auto r = s.request("/x/c");
    runtime::location_walk(*r);
    EXPECT_EQ(r->subprocess_env.get("MATCH_FILE"), "c");
}

TEST_F(WalkTest, LocationsSeeMergedSlashes)
{
    Serving s("DocumentRoot @ROOT@/htdocs\nMergeSlashes Off\n"
              "<Location /d/e>\n ForceType type/de\n</Location>\n"
              "<LocationMatch \"^/d//e\">\n ForceType type/raw\n</LocationMatch>\n");
    auto r = s.request("/d//e");
    ASSERT_EQ(runtime::location_walk(*r), 0);
    EXPECT_EQ(forced_type(*r), "type/raw");  // the regex sees r->uri itself
    auto q = s.request("/d//e/f");
    Serving t("DocumentRoot @ROOT@/htdocs\nMergeSlashes Off\n<Location /d/e>\n ForceType "
              "type/de\n</Location>\n");
    auto p = t.request("/d//e/f");
    ASSERT_EQ(runtime::location_walk(*p), 0);
    EXPECT_EQ(forced_type(*p), "type/de");
}

TEST_F(WalkTest, VirtualHostSectionsAfterTheMainServers)
{
    Serving s("DocumentRoot @ROOT@/htdocs\nListen 127.0.0.1:8081\n"
              "<Directory @ROOT@/htdocs/d>\n ForceType type/main-d\n</Directory>\n"
              "<Location /d>\n ForceType type/main-loc\n</Location>\n"
              "<VirtualHost 127.0.0.1:8081>\n"
              " <Directory @ROOT@/htdocs>\n  ForceType type/vhost-root\n </Directory>\n"
              " <Directory @ROOT@/htdocs/d>\n  ForceType type/vhost-d\n </Directory>\n"
              "</VirtualHost>\n");
    build(s);
    auto v = s.request("/d/a.txt", 1);
    ASSERT_EQ(map(*v), 0);
    EXPECT_EQ(forced_type(*v), "type/vhost-d");
    auto m = s.request("/d/a.txt", 0);
    ASSERT_EQ(map(*m), 0);
    EXPECT_EQ(forced_type(*m), "type/main-d");
    auto root = s.request("/x/c.txt", 1);
    ASSERT_EQ(map(*root), 0);
    EXPECT_EQ(forced_type(*root), "type/vhost-root");
    // the vhost's locations come after the main server's too
    auto loc = s.request("/d", 1);
    ASSERT_EQ(runtime::location_walk(*loc), 0);
    EXPECT_EQ(forced_type(*loc), "type/main-loc");
}

TEST_F(WalkTest, Translate)
{
    Serving s("DocumentRoot @ROOT@/htdocs/\n");
    build(s);
    auto r = s.request("///d/a.txt");
    ASSERT_TRUE(runtime::core_translate(*r).is_ok());
    EXPECT_EQ(r->filename, s.path("htdocs/d/a.txt"));
    auto star = s.request("*");
    EXPECT_TRUE(runtime::core_translate(*star).is_ok());
    auto bad = s.request("d/a.txt");
    EXPECT_EQ(runtime::core_translate(*bad).status, 400);
    EXPECT_EQ(s.services.lines.back().text,
              "AH00126: Invalid URI in request 'd/a.txt' 'GET d/a.txt HTTP/1.1'");
    // never above the DocumentRoot
    auto up = s.request("/a/../../outside.txt");
    EXPECT_EQ(runtime::core_translate(*up).status, 403);
    EXPECT_EQ(s.services.lines.back().text,
              "AH00127: Cannot map GET /a/../../outside.txt HTTP/1.1 to file");

    Serving sp("DocumentRoot @ROOT@/htdocs\nListen 127.0.0.1:8082\n"
               "<VirtualHost 127.0.0.1:8082>\n ServerName v\n ServerPath /site\n</VirtualHost>\n");
    auto p = sp.request("/site/d/a.txt", 1);
    ASSERT_TRUE(runtime::core_translate(*p).is_ok());
    EXPECT_EQ(p->filename, sp.path("htdocs/d/a.txt"));
    auto other = sp.request("/sitex/a", 1);
    ASSERT_TRUE(runtime::core_translate(*other).is_ok());
    EXPECT_EQ(other->filename, sp.path("htdocs/sitex/a"));
}

TEST_F(WalkTest, OverrideTypeFixup)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n"
              "<Directory @ROOT@/htdocs/d>\n ForceType Text/Plain\n SetHandler Server-Status\n"
              " AcceptPathInfo On\n</Directory>\n"
              "<Directory @ROOT@/htdocs/x>\n ForceType None\n SetHandler none\n AcceptPathInfo "
              "Off\n</Directory>\n"
              "<Directory @ROOT@/htdocs/d/e>\n AcceptPathInfo Default\n</Directory>\n");
    build(s);
    auto r = s.request("/d/a.txt");
    ASSERT_EQ(map(*r), 0);
    ASSERT_TRUE(runtime::core_override_type(*r).is_ok());
    EXPECT_EQ(r->content_type, "text/plain");
    EXPECT_EQ(r->handler, "server-status");
    EXPECT_TRUE(r->used_path_info_set);
    EXPECT_TRUE(r->used_path_info);

    auto x = s.request("/x/c.txt");
    ASSERT_EQ(map(*x), 0);
    x->content_type = "text/css";
    x->handler = "earlier";
    ASSERT_TRUE(runtime::core_override_type(*x).is_ok());
    EXPECT_EQ(x->content_type, "text/css");
    EXPECT_EQ(x->handler, "earlier");
    EXPECT_TRUE(x->used_path_info_set);
    EXPECT_FALSE(x->used_path_info);

    auto e = s.request("/d/e/f/g.txt");
    ASSERT_EQ(map(*e), 0);
    ASSERT_TRUE(runtime::core_override_type(*e).is_ok());
    EXPECT_FALSE(e->used_path_info_set);
}

}  // namespace
}  // namespace feather::test::serving
