// The type map reader (httpd's read_type_map): records, continuation lines,
// comments, inline bodies and the errors httpd reports (the same maps are
// served by apache2 in tests/compat/http/scenarios/negotiation_typemap).

#include <gtest/gtest.h>

#include "modules/negotiation/type_map.hpp"

namespace feather::mod::negotiation {
namespace {

TEST(TypeMap, RecordsContinuationsAndComments)
{
    const std::string map =
        "# a comment line\n"
        "URI: foo\n"
        "\n"
        "URI: foo.fr.html\n"
        "Content-Type: text/html;\n"
        "  charset=ISO-8859-2\n"
        "# inside a record\n"
        "Content-Language: fr, fr-CA\n"
        "Description: \"French (with a comment)\n"
        "  version\"\n"
        "Content-Length: 16\n"
        "\n"
        "URI: foo.txt\n"
        "Content-Type: text/plain; qs=0.5\n"
        "content-encoding: x-gzip\n";
    const TypeMapRead read = read_type_map(map, "foo.var", "/htdocs/foo.var");
    EXPECT_FALSE(read.server_error);
    EXPECT_TRUE(read.errors.empty());
    ASSERT_EQ(read.variants.size(), 2u);  // "URI: foo" alone has no content
    const Variant& fr = read.variants[0];
    EXPECT_EQ(fr.file_name, "foo.fr.html");
    EXPECT_EQ(fr.mime_type, "text/html");
    EXPECT_EQ(fr.charset, "iso-8859-2");
    EXPECT_EQ(fr.languages, (std::vector<std::string>{"fr", "fr-ca"}));
    EXPECT_EQ(fr.description, "\"French                  version\"");
    EXPECT_EQ(fr.bytes, 16);
    EXPECT_FLOAT_EQ(fr.source_quality, 1.0f);
    const Variant& txt = read.variants[1];
    EXPECT_FLOAT_EQ(txt.source_quality, 0.5f);
    EXPECT_EQ(txt.encoding, "x-gzip");
    EXPECT_FALSE(txt.bytes);
}

TEST(TypeMap, InlineBodies)
{
    const std::string head = "Content-Type: text/html\nBody:--END--  \n";
    const std::string map = head + "<p>body</p>\n--END-- trailing\nContent-Language: en\n";
    const TypeMapRead read = read_type_map(map, "body.var", "/htdocs/body.var");
    ASSERT_EQ(read.variants.size(), 1u);
    EXPECT_EQ(read.variants[0].file_name, "body.var");
    EXPECT_EQ(read.variants[0].body_offset, head.size());
    EXPECT_EQ(read.variants[0].bytes, 12);
    EXPECT_EQ(read.variants[0].languages, (std::vector<std::string>{"en"}));
}

TEST(TypeMap, Errors)
{
    TypeMapRead read = read_type_map("URI foo.html\n", "m.var", "/d/m.var");
    EXPECT_TRUE(read.server_error);
    EXPECT_EQ(read.errors, (std::vector<std::string>{
                               "AH00681: Syntax error in type map, no ':' in /d/m.var for header "
                               "uri foo.html\n"}));

    read = read_type_map("URI: a\nContent-Type:\n", "m.var", "/d/m.var");
    EXPECT_TRUE(read.server_error);
    EXPECT_EQ(read.errors, (std::vector<std::string>{
                               "AH00682: Syntax error in type map --- no header body: /d/m.var for "
                               "content-type:\n"}));

    // A bad length ends the reading; what came before stays.
    read = read_type_map("URI: a\nContent-Type: text/html\n\nURI: b\nContent-Type: text/html\n"
                         "Content-Length: abc\n",
                         "m.var", "/d/m.var");
    EXPECT_FALSE(read.server_error);
    ASSERT_EQ(read.variants.size(), 1u);
    EXPECT_EQ(read.variants[0].file_name, "a");
    EXPECT_EQ(read.errors, (std::vector<std::string>{
                               "AH00684: Parse error in type map, Content-Length: 'abc' in "
                               "/d/m.var is invalid."}));

    read = read_type_map("Content-Type: text/html\nBody:--X--\nno end\n", "m.var", "/d/m.var");
    EXPECT_TRUE(read.variants.empty());
    EXPECT_EQ(read.errors, (std::vector<std::string>{
                               "AH00685: Syntax error in type map, no end tag '--X--' found in "
                               "/d/m.var for Body: content."}));
}

TEST(TypeMap, CrlfLines)
{
    const TypeMapRead read = read_type_map(
        "URI: a.html\r\nContent-Type: text/html\r\n\r\nURI: b.html\r\nContent-Type: text/plain\r\n",
        "m.var", "/d/m.var");
    ASSERT_EQ(read.variants.size(), 2u);
    EXPECT_EQ(read.variants[0].file_name, "a.html");
    EXPECT_EQ(read.variants[1].mime_type, "text/plain");
}

}  // namespace
}  // namespace feather::mod::negotiation
