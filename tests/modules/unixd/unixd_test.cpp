// mod_unixd's directives: User, Group, ChrootDir, Suexec.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "modules/unixd/unixd_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using mod::unixd::UnixdConfig;

struct Row {
    const char* line;
    const char* message;  // "": accepted
};

// BEGIN apache2-checked
const Row kRows[] = {
    {R"(User www-data)", R"()"},
    {R"(User #33)", R"()"},
    {R"(User #-1)", R"()"},
    {R"(Group nogroup)", R"()"},
    {R"(Group #0)", R"()"},
    {R"(Group #junk)", R"()"},
    {R"(ChrootDir /tmp)", R"()"},
    {R"(ChrootDir /nonexist)", R"(ChrootDir must be a valid directory)"},
    {R"(ChrootDir /etc/passwd)", R"(ChrootDir must be a valid directory)"},
    {R"(Suexec off)", R"()"},
    {R"(Suexec on)", R"(suEXEC isn't supported: Missing suexec binary /usr/lib/apache2/suexec)"},
    {R"(Suexec bogus)", R"(Suexec must be On or Off)"},
    {R"(User)", R"(User takes one argument, Effective user id for this server)"},
};
// END apache2-checked

bool suexec_missing()
{
    struct stat st {};
    return ::stat("/usr/lib/apache2/suexec", &st) != 0;
}

TEST(Unixd, RowsAsHttpd)
{
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.line);
        if (std::string_view(row.line) == "Suexec on" && !suexec_missing()) {
            continue;
        }
        EXPECT_EQ(error_of(row.line), row.message);
    }
}

TEST(Unixd, UserAndGroup)
{
    TempDir root;
    auto o = load_text(root, "User www-data\nGroup #77\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<UnixdConfig>(o);
    EXPECT_EQ(*c.user_name.value, "www-data");
    EXPECT_EQ(*c.user_id.value, 33u);
    EXPECT_EQ(*c.group_name.value, "#77");
    EXPECT_EQ(*c.group_id.value, 77u);

    o = load_text(root, "User #-1\nGroup #junk\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(*main_server<UnixdConfig>(o).user_id.value, static_cast<uid_t>(-1));
    EXPECT_EQ(*main_server<UnixdConfig>(o).group_id.value, 0u);  // atoi("junk")
}

TEST(Unixd, RootIsRefused)
{
    // apache2 prints the tabs and newlines escaped (\t, \n), as it escapes
    // every error-log message.
    const std::string refused = "Error:\tApache has not been designed to serve pages while\n"
                                "\trunning as root.  There are known race conditions that\n"
                                "\twill allow any local user to read any file on the system.\n"
                                "\tIf you still desire to serve pages as root then\n"
                                "\tadd -DBIG_SECURITY_HOLE to the CFLAGS env variable\n"
                                "\tand then rebuild the server.\n"
                                "\tIt is strongly suggested that you instead modify the User\n"
                                "\tdirective in your httpd.conf file to list a non-root\n"
                                "\tuser.\n";
    expect_error("User root\n", 1, refused);
    expect_error("User #0\n", 1, refused);
    expect_error("ServerName x\nUser #abc\n", 2, refused);
}

TEST(Unixd, UnknownNames)
{
    // httpd prints only "AH00543: apache2: bad user name nosuchuser" and
    // exits: no "Syntax error on line" header.
    for (const auto& [conf, message] : {std::pair<std::string, std::string>{"User nosuchuser\n",
                                                                             "AH00543: feather: bad user name nosuchuser"},
                                         {"Group nosuchgroup\n", "AH00544: feather: bad group name nosuchgroup"}}) {
        TempDir root;
        const auto o = load_text(root, conf);
        ASSERT_FALSE(o.ok());
        EXPECT_EQ(o.errors, std::vector<std::string>{message});
    }
}

TEST(Unixd, ChrootAndSuexec)
{
    TempDir root;
    auto o = load_text(root, "ChrootDir /tmp\nSuexec Off\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(*main_server<UnixdConfig>(o).chroot_dir.value, "/tmp");
    EXPECT_FALSE(*main_server<UnixdConfig>(o).suexec.value);
    // Once off, it stays off with that reason.
    expect_error("Suexec Off\nSuexec On\n", 2, "suEXEC isn't supported: Suexec directive is Off");
}

}  // namespace
}  // namespace feather::test
