// Serving files end to end: real feather processes on loopback, the
// configurations and answers checked against apache2 2.4.71 (statuses,
// validators, ranges, error-log lines). The CVE-2021-41773/42013 request
// forms must never reach a file outside the DocumentRoot.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "tests/support/test_server.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

std::string config(const std::string& extra)
{
    return "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
           "LoadModule authz_core_module modules/mod_authz_core.so\n"
           "Listen 127.0.0.1:@PORT@\n"
           "ServerName localhost\n"
           "User nobody\n"
           "Group nogroup\n"
           "PidFile logs/feather.pid\n"
           "ErrorLog logs/error_log\n"
           "LogLevel info\n"
           "StartServers 1\n"
           "DocumentRoot @ROOT@/htdocs\n" +
           extra;
}

constexpr std::int64_t kMtime = 1700000000;  // Tue, 14 Nov 2023 22:13:20 GMT

void set_mtime(const std::string& path)
{
    const struct timespec t[2] = {{kMtime, 0}, {kMtime, 0}};
    ::utimensat(AT_FDCWD, path.c_str(), t, AT_SYMLINK_NOFOLLOW);
}

std::string header(const std::string& response, const std::string& name)
{
    const auto end = response.find("\r\n\r\n");
    std::size_t pos = response.find("\r\n" + name + ": ");
    if (pos == std::string::npos || pos > end) {
        return "";
    }
    pos += name.size() + 4;
    return response.substr(pos, response.find("\r\n", pos) - pos);
}

std::string body(const std::string& response)
{
    const auto end = response.find("\r\n\r\n");
    return end == std::string::npos ? "" : response.substr(end + 4);
}

std::string request(const TestServer& s, const std::string& target, const std::string& headers = "",
                    const std::string& method = "GET")
{
    return raw_exchange(s.port(), method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" +
                                      headers + "Connection: close\r\n\r\n");
}

class Serving : public ::testing::Test {
protected:
    // Writes the config, starts, and checks that requests get past access
    // control: until authz_core's request hooks are merged every request
    // is a 500 (AH00025), and the test is skipped. False: do not go on.
    bool start(const std::string& extra)
    {
        s.write_config(config(extra));
        s.root().write("htdocs/probe.txt", "probe\n");
        if (!s.start()) {
            ADD_FAILURE() << s.stderr_text() << s.file("logs/error_log");
            return false;
        }
        const std::string probe = s.get("/probe.txt");
        if (status_of(probe) == 500 &&
            s.file("logs/error_log").find("AH00025") != std::string::npos) {
            return false;
        }
        EXPECT_EQ(status_of(probe), 200) << probe;
        return status_of(probe) == 200;
    }

    std::string path(const std::string& relative) const { return s.root().str() + "/" + relative; }
    std::string log() const { return s.file("logs/error_log"); }

    TestServer s;
};

// The request forms of CVE-2021-41773 and CVE-2021-42013, with the file
// system opened up by <Directory /> (the vulnerable setup) and without.
void check_cve_forms(const TestServer& s)
{
    struct Case {
        const char* target;
        int status;
    };
    const Case cases[] = {
        {"/.%2e/secret.txt", 400},
        {"/%2e%2e/secret.txt", 400},
        {"/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd", 400},
        {"/.%%32%65/secret.txt", 400},
        {"/%%32%65%%32%65/secret.txt", 400},
        {"/cgi-bin/.%2e/%2e%2e/%2e%2e/secret.txt", 400},
        {"/cgi-bin/.%2e/.%2e/.%2e/.%2e/etc/passwd", 400},
        {"/cgi-bin/.%%32%65/.%%32%65/secret.txt", 400},
        {"/icons/.%%32%65/.%%32%65/.%%32%65/.%%32%65/etc/passwd", 400},
        {"/d/../../secret.txt", 400},
        {"/%2e%2e%2fsecret.txt", 404},
        {"/..%2fsecret.txt", 404},
        {"/d/%252e%252e/%252e%252e/secret.txt", 404},
        {"/d/a.txt%00", 404},
    };
    for (const auto& c : cases) {
        const std::string response = request(s, c.target);
        EXPECT_EQ(status_of(response), c.status) << c.target << "\n" << response;
        EXPECT_EQ(response.find("top secret"), std::string::npos) << c.target;
        EXPECT_EQ(response.find("root:"), std::string::npos) << c.target;
    }
}

TEST_F(Serving, CveTraversalFormsWithTheFileSystemOpen)
{
    if (!start("<Directory />\n    Require all granted\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    s.root().write("secret.txt", "top secret\n");
    s.root().write("htdocs/d/a.txt", "A\n");
    s.root().mkdir("htdocs/cgi-bin");
    check_cve_forms(s);
    const std::string l = log();
    EXPECT_NE(l.find("AH10244: invalid URI path (/.%2e/secret.txt)"), std::string::npos) << l;
    EXPECT_NE(l.find("AH10244: invalid URI path (/.%%32%65/secret.txt)"), std::string::npos) << l;
    EXPECT_NE(
        l.find(
            "AH00026: found %2f (encoded '/') in URI path (/%2e%2e%2fsecret.txt), returning 404"),
        std::string::npos)
        << l;
}

TEST_F(Serving, CveTraversalFormsWithTheDocumentRootOnly)
{
    if (!start("<Directory @ROOT@/htdocs>\n    Require all granted\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    s.root().write("secret.txt", "top secret\n");
    s.root().write("htdocs/d/a.txt", "A\n");
    check_cve_forms(s);
}

TEST_F(Serving, SymbolicLinks)
{
    if (!start(
            "<Directory />\n    Require all granted\n    Options None\n</Directory>\n"
            "<Directory @ROOT@/htdocs/follow>\n    Options FollowSymLinks\n</Directory>\n"
            "<Directory @ROOT@/htdocs/owner>\n    Options SymLinksIfOwnerMatch\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    namespace fs = std::filesystem;
    s.root().write("secret.txt", "top secret\n");
    s.root().write("htdocs/target.txt", "target\n");
    for (const char* dir : {"none", "follow", "owner"}) {
        s.root().mkdir(std::string("htdocs/") + dir);
        fs::create_symlink("../target.txt", path(std::string("htdocs/") + dir + "/same"));
        fs::create_symlink("../target.txt", path(std::string("htdocs/") + dir + "/other"));
        fs::create_symlink("../../secret.txt", path(std::string("htdocs/") + dir + "/outside"));
        fs::create_symlink("missing", path(std::string("htdocs/") + dir + "/dangling"));
    }
    const bool root = ::geteuid() == 0;
    if (root) {
        for (const char* dir : {"none", "follow", "owner"}) {
            ASSERT_EQ(::lchown(path(std::string("htdocs/") + dir + "/other").c_str(), 65534,
                               static_cast<gid_t>(-1)),
                      0);
        }
    }
    struct Case {
        const char* target;
        int status;
    };
    const Case cases[] = {
        {"/none/same", 403},
        {"/none/outside", 403},
        {"/none/dangling", 403},
        {"/follow/same", 200},
        {"/follow/outside", 200},
        {"/follow/dangling", 403},
        {"/follow/other", 200},
        {"/owner/same", 200},
        {"/owner/outside", 200},
        {"/owner/dangling", 403},
        {"/owner/other", root ? 403 : 200},
    };
    for (const auto& c : cases) {
        const std::string response = request(s, c.target);
        EXPECT_EQ(status_of(response), c.status) << c.target << "\n" << response;
    }
    const std::string l = log();
    EXPECT_NE(l.find("[core:error] [pid "), std::string::npos);
    EXPECT_NE(l.find("AH00037: Symbolic link not allowed or link target not accessible: " +
                     path("htdocs/none/same")),
              std::string::npos)
        << l;
    if (root) {
        EXPECT_NE(l.find("AH00037: Symbolic link not allowed or link target not accessible: " +
                         path("htdocs/owner/other")),
                  std::string::npos)
            << l;
    }
}

TEST_F(Serving, PathInfoAndDirectories)
{
    if (!start("<Directory />\n    Require all granted\n</Directory>\n"
               "<Directory @ROOT@/htdocs/on>\n    AcceptPathInfo On\n</Directory>\n"
               "<Directory @ROOT@/htdocs/off>\n    AcceptPathInfo Off\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    s.root().write("htdocs/on/a.txt", "on\n");
    s.root().write("htdocs/off/a.txt", "off\n");
    s.root().write("htdocs/default/a.txt", "default\n");
    EXPECT_EQ(body(request(s, "/on/a.txt/extra/path")), "on\n");
    EXPECT_EQ(status_of(request(s, "/on/a.txt/")), 200);
    EXPECT_EQ(status_of(request(s, "/off/a.txt/extra")), 404);
    EXPECT_EQ(status_of(request(s, "/default/a.txt/extra")), 404);
    EXPECT_EQ(status_of(request(s, "/default/a.txt/")), 404);
    EXPECT_EQ(status_of(request(s, "/default/nothing/here")), 404);
    EXPECT_EQ(status_of(request(s, "/default/")), 404);  // nothing is ever listed
    const std::string l = log();
    EXPECT_NE(l.find("AH00130: File does not exist: " + path("htdocs/default/a.txt/extra")),
              std::string::npos)
        << l;
    EXPECT_NE(l.find("AH00128: File does not exist: " + path("htdocs/default/nothing/here")),
              std::string::npos)
        << l;
    EXPECT_NE(l.find("AH00129: Attempt to serve directory: " + path("htdocs/default/")),
              std::string::npos)
        << l;
}

TEST_F(Serving, ValidatorsAndConditionals)
{
    if (!start("<Directory />\n    Require all granted\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    s.root().write("htdocs/f.txt", "0123456789abcdefghij");
    set_mtime(path("htdocs/f.txt"));
    const std::string ok = request(s, "/f.txt");
    ASSERT_EQ(status_of(ok), 200) << ok;
    EXPECT_EQ(header(ok, "Last-Modified"), "Tue, 14 Nov 2023 22:13:20 GMT");
    EXPECT_EQ(header(ok, "ETag"), "\"14-60a24181e4000\"");  // size 20, mtime in microseconds
    EXPECT_EQ(header(ok, "Accept-Ranges"), "bytes");
    EXPECT_EQ(header(ok, "Content-Length"), "20");
    // httpd's header order: validators first
    EXPECT_LT(ok.find("Last-Modified:"), ok.find("ETag:"));
    EXPECT_LT(ok.find("ETag:"), ok.find("Accept-Ranges:"));
    EXPECT_LT(ok.find("Accept-Ranges:"), ok.find("Content-Length:"));

    const std::string not_modified =
        request(s, "/f.txt", "If-None-Match: W/\"14-60a24181e4000\"\r\n");
    EXPECT_EQ(status_of(not_modified), 304) << not_modified;
    EXPECT_EQ(header(not_modified, "ETag"), "\"14-60a24181e4000\"");
    EXPECT_EQ(header(not_modified, "Content-Length"), "");
    EXPECT_EQ(body(not_modified), "");

    const std::string ims =
        request(s, "/f.txt", "If-Modified-Since: Tue, 14 Nov 2023 22:13:20 GMT\r\n");
    EXPECT_EQ(status_of(ims), 304);
    EXPECT_EQ(
        status_of(request(s, "/f.txt", "If-Modified-Since: Tue, 14 Nov 2023 22:13:19 GMT\r\n")),
        200);

    const std::string failed = request(s, "/f.txt", "If-Match: \"other\"\r\n");
    EXPECT_EQ(status_of(failed), 412) << failed;
    EXPECT_EQ(header(failed, "Content-Length"), "0");  // apache2 sends no error page here
    EXPECT_EQ(body(failed), "");
    const std::string head_failed = request(s, "/f.txt", "If-Match: \"other\"\r\n", "HEAD");
    EXPECT_EQ(status_of(head_failed), 412);
    EXPECT_EQ(header(head_failed, "Content-Length"), "20");  // HEAD keeps the file's length
    EXPECT_EQ(
        status_of(request(s, "/f.txt", "If-Unmodified-Since: Tue, 14 Nov 2023 22:13:19 GMT\r\n")),
        412);
    EXPECT_EQ(status_of(request(s, "/f.txt", "If-None-Match: *\r\nContent-Length: 0\r\n", "POST")),
              412);
    EXPECT_EQ(status_of(request(s, "/f.txt", "Content-Length: 0\r\n", "POST")), 200);
    EXPECT_EQ(status_of(request(s, "/f.txt", "Content-Length: 0\r\n", "PUT")), 405);
}

TEST_F(Serving, Ranges)
{
    if (!start("<Directory />\n    Require all granted\n</Directory>\n"
               "<Directory @ROOT@/htdocs/limited>\n    MaxRanges 1\n</Directory>\n"
               "<Directory @ROOT@/htdocs/none>\n    MaxRanges none\n</Directory>\n")) {
        GTEST_SKIP() << "authz_core's request hooks are not in this build";
    }
    for (const char* p : {"htdocs/f.txt", "htdocs/limited/f.txt", "htdocs/none/f.txt"}) {
        s.root().write(p, "0123456789abcdefghij");
        set_mtime(path(p));
    }
    const std::string one = request(s, "/f.txt", "Range: bytes=2-4\r\n");
    EXPECT_EQ(status_of(one), 206) << one;
    EXPECT_EQ(header(one, "Content-Range"), "bytes 2-4/20");
    EXPECT_EQ(header(one, "Content-Length"), "3");
    EXPECT_EQ(body(one), "234");
    EXPECT_EQ(body(request(s, "/f.txt", "Range: bytes=-3\r\n")), "hij");
    EXPECT_EQ(body(request(s, "/f.txt", "Range: bytes=17-\r\n")), "hij");

    const std::string multi = request(s, "/f.txt", "Range: bytes=0-1,5-6\r\n");
    EXPECT_EQ(status_of(multi), 206) << multi;
    const std::string type = header(multi, "Content-Type");
    ASSERT_EQ(type.rfind("multipart/byteranges; boundary=", 0), 0u) << multi;
    const std::string b = type.substr(31);
    const std::string expected = "\r\n--" + b + "\r\nContent-range: bytes 0-1/20\r\n\r\n01" +
                                 "\r\n--" + b + "\r\nContent-range: bytes 5-6/20\r\n\r\n56" +
                                 "\r\n--" + b + "--\r\n";
    EXPECT_EQ(body(multi), expected);
    EXPECT_EQ(header(multi, "Content-Length"), std::to_string(expected.size()));

    const std::string unsatisfiable = request(s, "/f.txt", "Range: bytes=20-30\r\n");
    EXPECT_EQ(status_of(unsatisfiable), 416) << unsatisfiable;
    EXPECT_EQ(header(unsatisfiable, "Content-Range"), "");  // apache2 sends none either
    EXPECT_EQ(header(unsatisfiable, "ETag"), "");

    EXPECT_EQ(status_of(request(s, "/f.txt", "Range: bytes=1-2, 4-5\r\n")), 200);
    EXPECT_EQ(status_of(request(s, "/limited/f.txt", "Range: bytes=0-1,5-6\r\n")), 200);
    EXPECT_EQ(status_of(request(s, "/limited/f.txt", "Range: bytes=0-1\r\n")), 206);
    const std::string none = request(s, "/none/f.txt", "Range: bytes=0-1\r\n");
    EXPECT_EQ(status_of(none), 200);
    EXPECT_EQ(header(none, "Accept-Ranges"), "none");
    EXPECT_EQ(
        status_of(request(s, "/f.txt", "Range: bytes=0-1\r\nIf-Range: \"14-60a24181e4000\"\r\n")),
        206);
    EXPECT_EQ(status_of(request(s, "/f.txt", "Range: bytes=0-1\r\nIf-Range: \"old\"\r\n")), 200);
    EXPECT_EQ(status_of(request(s, "/f.txt",
                                "Range: bytes=0-1\r\nIf-Range: Tue, 14 Nov 2023 22:13:20 GMT\r\n")),
              206);
}

}  // namespace
}  // namespace feather::test
