// mod_mime at request time: the types file, find_ct over every extension
// of a file name, and the Content-Type rewrite. Expected values checked
// against apache2 (tests/compat/http scenario "mime_types").

#include <gtest/gtest.h>

#include <sys/stat.h>

#include "modules/mime/content_type.hpp"
#include "modules/mime/mime_hooks.hpp"
#include "modules/mime/mime_types.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::mod::mime {
namespace {

const char* kTypes =
    "# comment\n"
    "text/html\t\t\t\t\thtml htm\n"
    "text/plain txt TEXT\n"
    "application/x-gzip gz\n"
    "application/x-tar tar\n"
    "   # indented comment line\n"
    "image/png png\n"
    "text/x-long \\\n   long1 long2\n"
    "Application/Mixed MiX\n";

TEST(MimeTypes, ParsesLikeHttpd)
{
    const TypesTable t = parse_types(kTypes);
    ASSERT_NE(t.find("html"), nullptr);
    EXPECT_EQ(*t.find("html"), "text/html");
    EXPECT_EQ(*t.find("htm"), "text/html");
    EXPECT_EQ(*t.find("text"), "text/plain");  // extensions are lower-cased
    EXPECT_EQ(t.find("TEXT"), nullptr);
    EXPECT_EQ(*t.find("long1"), "text/x-long");  // a continued line
    EXPECT_EQ(*t.find("long2"), "text/x-long");
    EXPECT_EQ(*t.find("mix"), "Application/Mixed");  // the type keeps its case
    EXPECT_EQ(t.find("#"), nullptr);
    EXPECT_EQ(t.find("indented"), nullptr);
    EXPECT_EQ(t.by_extension.size(), 10u);
}

TEST(MimeTypes, LaterLinesWinAndALongLineStopsTheReading)
{
    const TypesTable t = parse_types("a/b x\nc/d x y\n" + std::string(8190, 'z') + "\ne/f after\n");
    EXPECT_EQ(*t.find("x"), "c/d");
    EXPECT_NE(t.find("after"), nullptr);  // 8190 bytes fit httpd's buffer
    const TypesTable u = parse_types("a/b x\n" + std::string(8191, 'z') + "\ne/f after\n");
    EXPECT_EQ(u.find("after"), nullptr);  // 8191 do not: httpd stops there
    EXPECT_NE(u.find("x"), nullptr);
}

TEST(MimeTypes, MissingFileIsHttpdsStartupError)
{
    test::TempDir root;
    std::string error;
    EXPECT_FALSE(read_types_file(root.str() + "/none.types", error));
    EXPECT_EQ(error,
              "(2)No such file or directory: AH01597: could not open mime types config file " +
                  root.str() + "/none.types.");
    root.mkdir("dir.types");
    EXPECT_FALSE(read_types_file(root.str() + "/dir.types", error));
    EXPECT_EQ(error, "(9)Bad file descriptor: AH01597: could not open mime types config file " +
                         root.str() + "/dir.types.");
    const std::string ok = root.write("ok.types", "text/html html\n");
    const auto table = read_types_file(ok, error);
    ASSERT_TRUE(table);
    EXPECT_EQ(*table->find("html"), "text/html");
}

TEST(ContentType, RewritesLikeAnalyzeCt)
{
    struct Row {
        const char* in;
        const char* charset;
        const char* out;
    };
    const Row rows[] = {
        {"text/html", nullptr, "text/html"},
        {"text/html", "utf-8", "text/html; charset=utf-8"},
        {"text/html;charset=latin1", nullptr, "text/html; charset=latin1"},
        {"text/html; charset=latin1; level=1", "utf-8", "text/html; charset=utf-8; level=1"},
        {"text/html; level=\"a b\"", nullptr, "text/html; level=\"a b\""},
        {"text/html; level=1", "utf-8", "text/html; level=1; charset=utf-8"},
        {"  text/html  ", nullptr, "text/html"},
        {"text /html", nullptr, "text /html"},  // httpd keeps the space before '/'
        {"text/html; Charset=x", "utf-8", "text/html; Charset=x; charset=utf-8"},
    };
    for (const Row& row : rows) {
        std::string warning;
        const auto m = analyze_content_type(row.in, warning);
        ASSERT_TRUE(m) << row.in << ": " << warning;
        const std::optional<std::string> cs =
            row.charset ? std::optional<std::string>(row.charset) : std::nullopt;
        EXPECT_EQ(rebuild_content_type(*m, cs), row.out) << row.in;
    }
}

TEST(ContentType, RefusesWhatHttpdRefuses)
{
    struct Row {
        const char* in;
        const char* warning;
    };
    const Row rows[] = {
        {"", "AH01598: mod_mime: analyze_ct: cannot get media type from ''"},
        {"text", "AH01599: Cannot get media type from 'text'"},
        {"text;x", "AH01599: Cannot get media type from 'text;x'"},
        {"text x/y", "AH01600: mod_mime: analyze_ct: cannot get media type from 'text x/y'"},
        {"text/", "AH01601: Cannot get media subtype."},
        {"text/html;", "AH01602: Cannot get media parameter."},
        {"text/html; =x", "AH01603: Cannot get media parameter."},
        {"text/html; a=", "AH01604: Cannot get media parameter."},
        {"text/html; a(b=1", "AH01605: Cannot get media parameter."},
        {"text/html; a=\"x\"y", "AH01606: Cannot get media parameter."},
        {"text/html; a=x y", "AH01608: Cannot get media parameter."},
    };
    for (const Row& row : rows) {
        std::string warning;
        EXPECT_FALSE(analyze_content_type(row.in, warning)) << row.in;
        EXPECT_EQ(warning, row.warning) << row.in;
    }
}

class FindCt : public ::testing::Test {
protected:
    void load(const std::string& conf)
    {
        outcome_ = test::load_text(root_, "LoadModule mime_module modules/mod_mime.so\n" + conf);
        ASSERT_TRUE(outcome_.ok()) << outcome_.error();
        states_.mime_types = std::make_shared<const TypesTable>(parse_types(kTypes));
    }

    Request request(const std::string& filename, std::string path_info = "")
    {
        Request r;
        r.config = outcome_.config.get();
        r.server = &outcome_.config->main_server();
        r.per_dir = outcome_.config->main_server().defaults;
        r.states = &states_;
        r.filename = filename;
        r.path_info = std::move(path_info);
        return r;
    }

    test::TempDir root_;
    test::LoadOutcome outcome_;
    ModuleStates states_;
};

TEST_F(FindCt, EveryExtensionCounts)
{
    load(
        "AddEncoding x-gzip .gz\n"
        "AddLanguage en .en\nAddLanguage fr .fr\n"
        "AddCharset UTF-8 .utf8\n");
    struct Row {
        const char* file;
        const char* type;
        const char* encoding;
        const char* languages;
    };
    const Row rows[] = {
        {"/d/index.html", "text/html", "", ""},
        {"/d/index.HTML", "text/html", "", ""},
        {"/d/index.html.en", "text/html", "", "en"},
        {"/d/index.en.html", "text/html", "", "en"},
        {"/d/x.tar.gz", "application/x-gzip", "x-gzip", ""},  // gz is both a type and an encoding
        {"/d/x.html.fr.en", "text/html", "", "fr,en"},
        {"/d/x.utf8.txt", "text/plain; charset=utf-8", "", ""},
        {"/d/x.txt.unknown", "text/plain", "", ""},
        {"/d/.png", "", "", ""},  // a hidden file named "png"
        {"/d/..png", "", "", ""},
        {"/d/x..png", "image/png", "", ""},
        {"/d/html", "", "", ""},
        {"/d/x.", "", "", ""},
    };
    for (const Row& row : rows) {
        Request r = request(row.file);
        const Verdict v = find_ct(r);
        EXPECT_EQ(r.content_type, row.type) << row.file;
        EXPECT_EQ(v.is_ok(), !std::string(row.type).empty()) << row.file;
        EXPECT_EQ(r.content_encoding, row.encoding) << row.file;
        std::string langs;
        for (const auto& l : r.content_languages) {
            langs += (langs.empty() ? "" : ",") + l;
        }
        EXPECT_EQ(langs, row.languages) << row.file;
    }
}

TEST_F(FindCt, SectionMappingsOverTheTypesFile)
{
    load(
        "AddType text/x-custom .html .Foo\n"
        "AddType 'text/x-params; level=2' .lev\n"
        "RemoveType .txt\n"
        "AddEncoding x-compress .Z\nAddEncoding x-gzip .gz\n"
        "AddHandler my-handler .hnd\n"
        "DefaultLanguage de\n");
    Request html = request("/d/a.html");
    find_ct(html);
    EXPECT_EQ(html.content_type, "text/x-custom");
    EXPECT_EQ(html.content_languages, std::vector<std::string>{"de"});
    Request foo = request("/d/a.FOO");
    find_ct(foo);
    EXPECT_EQ(foo.content_type, "text/x-custom");
    Request lev = request("/d/a.lev");
    find_ct(lev);
    EXPECT_EQ(lev.content_type, "text/x-params; level=2");
    // RemoveType hides the types file's entry.
    Request txt = request("/d/a.txt");
    EXPECT_TRUE(find_ct(txt).is_declined());
    EXPECT_EQ(txt.content_type, "");
    // Encodings accumulate in order.
    Request z = request("/d/a.html.Z.gz");
    find_ct(z);
    EXPECT_EQ(z.content_encoding, "x-compress, x-gzip");
    // A handler from the extension; no type means the hook declines.
    Request hnd = request("/d/run.hnd");
    EXPECT_TRUE(find_ct(hnd).is_declined());
    EXPECT_EQ(hnd.handler, "my-handler");
}

TEST_F(FindCt, DirectoriesAndPathInfo)
{
    load("<Directory /p>\nModMimeUsePathInfo On\n</Directory>\n");
    Request dir = request(root_.str());
    struct stat st {};
    ASSERT_EQ(::stat(root_.str().c_str(), &st), 0);
    dir.finfo = st;
    EXPECT_TRUE(find_ct(dir).is_ok());
    EXPECT_EQ(dir.content_type, "httpd/unix-directory");

    Request plain = request("/p/script", "/x.html");
    EXPECT_TRUE(find_ct(plain).is_declined());
    // With ModMimeUsePathInfo the path info's extensions count.
    Request with = request("/p/script", "/x.html");
    const auto& section =
        get<core::CoreServerConfig>(*outcome_.config->main_server().modules).directories.at(0);
    with.per_dir = std::make_shared<DirConfigSet>(
        merge(*outcome_.config->main_server().defaults, *section.config));
    EXPECT_TRUE(find_ct(with).is_ok());
    EXPECT_EQ(with.content_type, "text/html");

    Request none = request("");
    EXPECT_TRUE(find_ct(none).is_declined());
}

TEST_F(FindCt, ExceptionsNoteForNegotiation)
{
    load("AddLanguage en .en\n");
    Request r = request("/d/foo.bar.en.baz");
    find_ct(r);
    EXPECT_EQ(r.notes.get(kExceptionsNote).value_or("(none)"), "foo/bar/baz");
    Request none = request("/d/foo.bar");
    find_ct(none);
    EXPECT_FALSE(none.notes.has(kExceptionsNote));  // nothing claimed: no note
}

}  // namespace
}  // namespace feather::mod::mime
