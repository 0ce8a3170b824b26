// Access control end to end: real feather servers on loopback answering
// requests from 127.0.0.1 under Require, its containers, <Limit>,
// AuthMerging and mod_access_compat's Order/Allow/Deny/Satisfy. The
// expected statuses and log lines are those of apache2 2.4 on the same
// configuration (tests/compat/test_access.py compares the two directly).

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/test_server.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

const std::string kHead =
    "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
    "LoadModule authz_core_module modules/mod_authz_core.so\n"
    "LoadModule authz_host_module modules/mod_authz_host.so\n"
    "LoadModule access_compat_module modules/mod_access_compat.so\n"
    "Listen 127.0.0.1:@PORT@\n"
    "ServerName localhost\n"
    "User nobody\n"
    "Group nogroup\n"
    "PidFile logs/feather.pid\n"
    "ErrorLog logs/error_log\n"
    "StartServers 1\n"
    "DocumentRoot @ROOT@/htdocs\n"
    "<Directory @ROOT@/htdocs>\n"
    "    Require all granted\n"
    "</Directory>\n";

struct Section {
    std::string dir;   // under htdocs
    std::string body;
};

class AuthzServer {
public:
    explicit AuthzServer(const std::vector<Section>& sections)
    {
        std::string conf = kHead;
        server_.root().write("htdocs/index.html", "top\n");
        for (const Section& s : sections) {
            conf += "<Directory @ROOT@/htdocs/" + s.dir + ">\n" + s.body + "\n</Directory>\n";
            server_.root().write("htdocs/" + s.dir + "/index.html", s.dir + "\n");
        }
        server_.write_config(conf);
        started_ = server_.start();
    }

    bool started() const { return started_; }
    std::string diagnostics() const { return server_.stderr_text() + server_.file("logs/error_log"); }
    TestServer& server() { return server_; }

    int status(const std::string& method, const std::string& path)
    {
        std::string req = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
        if (method == "POST" || method == "PUT") {
            req += "Content-Length: 0\r\n";
        }
        return status_of(raw_exchange(server_.port(), req + "\r\n"));
    }
    int get(const std::string& dir) { return status("GET", "/" + dir + "/index.html"); }
    int post(const std::string& dir) { return status("POST", "/" + dir + "/index.html"); }

private:
    TestServer server_;
    bool started_ = false;
};

#define ASSERT_STARTED(s) ASSERT_TRUE((s).started()) << (s).diagnostics()

TEST(Authz, RequireAllAndIp)
{
    AuthzServer s({
        {"granted", "Require all granted"},
        {"denied", "Require all denied"},
        {"ip-exact", "Require ip 127.0.0.1"},
        {"ip-other", "Require ip 10.0.0.1"},
        {"ip-cidr", "Require ip 127.0.0.0/8"},
        {"ip-cidr-miss", "Require ip 127.0.1.0/24"},
        {"ip-partial", "Require ip 127.0"},
        {"ip-partial-miss", "Require ip 10.1"},
        {"ip-netmask", "Require ip 127.0.0.0/255.255.255.0"},
        {"ip-netmask-miss", "Require ip 127.1.0.0/255.255.0.0"},
        {"ip-v6", "Require ip ::1"},
        {"local", "Require local"},
        {"not-local", "<RequireAll>\nRequire all granted\nRequire not local\n</RequireAll>"},
    });
    ASSERT_STARTED(s);
    const std::map<std::string, int> expected = {
        {"granted", 200},    {"denied", 403},          {"ip-exact", 200},
        {"ip-other", 403},   {"ip-cidr", 200},         {"ip-cidr-miss", 403},
        {"ip-partial", 200}, {"ip-partial-miss", 403}, {"ip-netmask", 200},
        {"ip-netmask-miss", 403}, {"ip-v6", 403},      {"local", 200},
        {"not-local", 403},
    };
    for (const auto& [dir, code] : expected) {
        EXPECT_EQ(s.get(dir), code) << dir;
    }
    // A missing file and the directory itself are refused before they are looked at.
    EXPECT_EQ(s.status("GET", "/denied/missing.html"), 403);
    EXPECT_EQ(s.status("GET", "/denied/"), 403);
    EXPECT_EQ(s.status("GET", "/index.html"), 200);
}

TEST(Authz, Containers)
{
    AuthzServer s({
        {"all-pass", "<RequireAll>\nRequire ip 127.0.0.1\nRequire local\n</RequireAll>"},
        {"all-fail", "<RequireAll>\nRequire ip 127.0.0.1\nRequire ip 10.0.0.1\n</RequireAll>"},
        {"any", "<RequireAny>\nRequire ip 10.0.0.1\nRequire local\n</RequireAny>"},
        {"none-fail", "<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 10.0.0.1\n"
                      "Require local\n</RequireNone>\n</RequireAll>"},
        {"none-pass", "<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 10.0.0.1\n"
                      "Require ip 192.0.2.1\n</RequireNone>\n</RequireAll>"},
        {"not-ip", "<RequireAll>\nRequire all granted\nRequire not ip 10.0.0.0/8\n</RequireAll>"},
        {"nested", "<RequireAny>\n<RequireAll>\nRequire local\nRequire not ip 127.0.0.1\n</RequireAll>\n"
                   "<RequireAll>\nRequire ip 127.0.0.0/8\nRequire method GET\n</RequireAll>\n</RequireAny>"},
    });
    ASSERT_STARTED(s);
    EXPECT_EQ(s.get("all-pass"), 200);
    EXPECT_EQ(s.get("all-fail"), 403);
    EXPECT_EQ(s.get("any"), 200);
    EXPECT_EQ(s.get("none-fail"), 403);
    EXPECT_EQ(s.get("none-pass"), 200);
    EXPECT_EQ(s.get("not-ip"), 200);
    EXPECT_EQ(s.get("nested"), 200);
    EXPECT_EQ(s.post("nested"), 403);
}

TEST(Authz, LimitAndLimitExcept)
{
    AuthzServer s({
        {"limit-get", "<Limit GET>\nRequire ip 10.0.0.1\n</Limit>"},
        {"limit-except-get", "<LimitExcept GET>\nRequire all denied\n</LimitExcept>"},
        {"limit-beside", "Require ip 10.0.0.1\n<Limit POST>\nRequire all granted\n</Limit>"},
    });
    ASSERT_STARTED(s);
    EXPECT_EQ(s.get("limit-get"), 403);
    EXPECT_EQ(s.status("HEAD", "/limit-get/index.html"), 403);
    EXPECT_EQ(s.post("limit-get"), 200);
    EXPECT_EQ(s.get("limit-except-get"), 200);
    EXPECT_EQ(s.post("limit-except-get"), 403);
    EXPECT_EQ(s.status("PUT", "/limit-except-get/index.html"), 403);
    EXPECT_EQ(s.get("limit-beside"), 403);
    EXPECT_EQ(s.post("limit-beside"), 200);
}

TEST(Authz, AuthMergingAcrossNestedDirectories)
{
    AuthzServer s({
        {"m", "Require ip 127.0.0.1"},
        {"m/and", "AuthMerging And\nRequire ip 10.0.0.1"},
        {"m/or", "AuthMerging Or\nRequire ip 10.0.0.1"},
        {"m/off", "AuthMerging Off\nRequire ip 10.0.0.1"},
        {"m/inherit", "Options None"},
        {"r", "Require all denied"},
        {"r/open", "Require all granted"},
        {"r/and", "AuthMerging And\nRequire all granted"},
    });
    ASSERT_STARTED(s);
    EXPECT_EQ(s.get("m"), 200);
    EXPECT_EQ(s.get("m/and"), 403);
    EXPECT_EQ(s.get("m/or"), 200);
    EXPECT_EQ(s.get("m/off"), 403);
    EXPECT_EQ(s.get("m/inherit"), 200);
    EXPECT_EQ(s.get("r"), 403);
    EXPECT_EQ(s.get("r/open"), 200);
    EXPECT_EQ(s.get("r/and"), 403);
}

TEST(Authz, OrderAllowDenySatisfy)
{
    AuthzServer s({
        {"order-allow-deny", "Order allow,deny"},
        {"deny-all", "Order deny,allow\nDeny from all"},
        {"deny-all-allow-me", "Order deny,allow\nDeny from all\nAllow from 127.0.0.1"},
        {"allow-all-deny-me", "Order allow,deny\nAllow from all\nDeny from 127.0.0.1"},
        {"allow-netmask-miss", "Order allow,deny\nAllow from 10.0.0.0/255.0.0.0"},
        {"allow-partial", "Order allow,deny\nAllow from 127.0"},
        {"mutual", "Order mutual-failure\nAllow from 127"},
        {"mutual-deny", "Order mutual-failure\nAllow from 127\nDeny from 127.0.0.1"},
        {"deny-post", "<Limit POST>\nOrder allow,deny\n</Limit>"},
        {"satisfy-any", "Satisfy Any\nOrder deny,allow\nDeny from all\nRequire all granted"},
        {"satisfy-all", "Satisfy All\nOrder deny,allow\nDeny from all\nRequire all granted"},
        {"satisfy-any-allow", "Satisfy Any\nOrder allow,deny\nAllow from 127.0.0.1\nRequire all denied"},
        {"satisfy-all-allow", "Order allow,deny\nAllow from 127.0.0.1\nRequire all denied"},
        {"satisfy-post", "Order deny,allow\nDeny from all\nRequire all granted\n<Limit POST>\n"
                         "Satisfy Any\n</Limit>"},
    });
    ASSERT_STARTED(s);
    EXPECT_EQ(s.get("order-allow-deny"), 403);
    EXPECT_EQ(s.get("deny-all"), 403);
    EXPECT_EQ(s.get("deny-all-allow-me"), 200);
    EXPECT_EQ(s.get("allow-all-deny-me"), 403);
    EXPECT_EQ(s.get("allow-netmask-miss"), 403);
    EXPECT_EQ(s.get("allow-partial"), 200);
    EXPECT_EQ(s.get("mutual"), 200);
    EXPECT_EQ(s.get("mutual-deny"), 403);
    EXPECT_EQ(s.get("deny-post"), 200);
    EXPECT_EQ(s.post("deny-post"), 403);
    EXPECT_EQ(s.get("satisfy-any"), 200);
    EXPECT_EQ(s.get("satisfy-all"), 403);
    EXPECT_EQ(s.get("satisfy-any-allow"), 200);
    EXPECT_EQ(s.get("satisfy-all-allow"), 403);
    EXPECT_EQ(s.get("satisfy-post"), 403);
    EXPECT_EQ(s.post("satisfy-post"), 200);
}

// The lines of the error log that contain `needle`, without their prefix
// up to the client ("[client 127.0.0.1:PORT] ").
std::vector<std::string> log_lines_with(const std::string& log, const std::string& needle)
{
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < log.size()) {
        const std::size_t end = log.find('\n', at);
        const std::string line = log.substr(at, end == std::string::npos ? std::string::npos : end - at);
        at = end == std::string::npos ? log.size() : end + 1;
        if (line.find(needle) != std::string::npos) {
            out.push_back(line);
        }
    }
    return out;
}

TEST(Authz, DenialsAreLoggedAsHttpdDoes)
{
    AuthzServer s(std::vector<Section>{
        {"denied", "Require all denied"},
        {"compat", "Order allow,deny"},
    });
    ASSERT_STARTED(s);
    EXPECT_EQ(s.get("denied"), 403);
    EXPECT_EQ(s.get("compat"), 403);
    const std::string root = s.server().root().str();
    std::vector<std::string> core;
    std::vector<std::string> compat;
    ASSERT_TRUE(eventually(
        [&] {
            const std::string log = s.server().file("logs/error_log");
            core = log_lines_with(log, "AH01630");
            compat = log_lines_with(log, "AH01797");
            return core.size() == 1 && compat.size() == 1;
        },
        5s))
        << s.server().file("logs/error_log");
    // "[time] [authz_core:error] [pid N:tid N] [client 127.0.0.1:PORT] AH01630: ..."
    EXPECT_NE(core[0].find("] [authz_core:error] [pid "), std::string::npos) << core[0];
    EXPECT_NE(core[0].find("] [client 127.0.0.1:"), std::string::npos) << core[0];
    const std::string core_text =
        "] AH01630: client denied by server configuration: " + root + "/htdocs/denied/index.html";
    EXPECT_TRUE(core[0].ends_with(core_text)) << core[0];
    EXPECT_NE(compat[0].find("] [access_compat:error] [pid "), std::string::npos) << compat[0];
    const std::string compat_text =
        "] AH01797: client denied by server configuration: " + root + "/htdocs/compat/index.html";
    EXPECT_TRUE(compat[0].ends_with(compat_text)) << compat[0];
}

TEST(Authz, RequireWorksWithoutAccessCompat)
{
    // Only the loaded modules' hooks run: Require works alone.
    TestServer s;
    std::string conf = kHead;
    conf.erase(conf.find("LoadModule access_compat_module"),
               std::string("LoadModule access_compat_module modules/mod_access_compat.so\n").size());
    s.write_config(conf + "<Directory @ROOT@/htdocs/denied>\nRequire all denied\n</Directory>\n");
    s.root().write("htdocs/denied/index.html", "x\n");
    s.root().write("htdocs/index.html", "x\n");
    ASSERT_TRUE(s.start()) << s.stderr_text();
    EXPECT_EQ(status_of(s.get("/index.html")), 200);
    EXPECT_EQ(status_of(s.get("/denied/index.html")), 403);
}

}  // namespace
}  // namespace feather::test
