// mod_status end to end: real feather servers answering /server-status
// from the scoreboard their children write.

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <regex>
#include <sstream>

#include "tests/e2e/e2e_http_support.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

std::string status_config(const std::string& mpm, const std::string& extra)
{
    return "LoadModule " + mpm + " modules/mod_mpm.so\n"
           "LoadModule authz_core_module modules/mod_authz_core.so\n"
           "LoadModule status_module modules/mod_status.so\n"
           "Listen 127.0.0.1:@PORT@\n"
           "ServerName localhost\n"
           "User nobody\n"
           "Group nogroup\n"
           "PidFile logs/feather.pid\n"
           "ErrorLog logs/error_log\n"
           "DocumentRoot @ROOT@/htdocs\n"
           "<Directory @ROOT@>\n"
           "    Require all granted\n"
           "</Directory>\n"
           "<Location /server-status>\n"
           "    SetHandler server-status\n"
           "</Location>\n" +
           extra;
}

void start_or_fail(TestServer& s)
{
    s.root().write("htdocs/index.html", "hello\n");
    ASSERT_TRUE(s.start()) << s.stderr_text() << s.file("logs/error_log");
}

// The "Key" of every "Key: value" line of a ?auto report, in order.
std::vector<std::string> auto_keys(const std::string& body)
{
    std::vector<std::string> keys;
    std::istringstream in(body);
    std::string line;
    std::getline(in, line);  // the server name
    while (std::getline(in, line)) {
        keys.push_back(line.substr(0, line.find(':')));
    }
    return keys;
}

std::string auto_value(const std::string& body, const std::string& key)
{
    const auto at = body.find("\n" + key + ": ");
    if (at == std::string::npos) {
        return "<missing>";
    }
    const auto start = at + key.size() + 3;
    return body.substr(start, body.find('\n', start) - start);
}

TEST(Status, ExtendedPagePrefork)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 2\nMinSpareServers 1\n"));
    start_or_fail(s);
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html")), 200);
    }
    const std::string response = s.get("/server-status");
    ASSERT_EQ(status_of(response), 200) << response;
    EXPECT_EQ(header_of(response, "Content-Type"), "text/html; charset=ISO-8859-1");
    const std::string page = body_of(response);
    EXPECT_EQ(page.rfind("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
                         "\"http://www.w3.org/TR/html4/strict.dtd\">\n<html><head>\n<title>Apache Status</title>\n",
                         0),
              0u);
    EXPECT_NE(page.find("<h1>Apache Server Status for localhost (via 127.0.0.1)</h1>"), std::string::npos);
    EXPECT_NE(page.find("<dt>Server MPM: prefork</dt>\n"), std::string::npos);
    EXPECT_NE(page.find("<dt>Parent Server Config. Generation: 1</dt>\n"
                        "<dt>Parent Server MPM Generation: 0</dt>\n"),
              std::string::npos);
    EXPECT_NE(page.find("<dt>Total accesses: 3 - Total Traffic: "), std::string::npos) << page;
    EXPECT_TRUE(std::regex_search(page, std::regex("<dt>Current Time: [A-Z][a-z]+day, \\d\\d-[A-Z][a-z]{2}-\\d{4} "
                                                   "\\d\\d:\\d\\d:\\d\\d [A-Z]+</dt>\n")));
    // The worker serving this request shows it.
    const std::string row = "</td><td>127.0.0.1</td><td>http/1.1</td><td nowrap>localhost:" +
                            std::to_string(s.port()) +
                            "</td><td nowrap>GET /server-status HTTP/1.1</td></tr>";
    EXPECT_NE(page.find(row), std::string::npos) << page;
    EXPECT_NE(page.find("<td><b>W</b>\n</td>"), std::string::npos);
    EXPECT_EQ(page.find("PID Key"), std::string::npos);
    EXPECT_NE(page.find(" <tr><th>Slot</th><td>Total megabytes transferred this slot</td></tr>\n </table>\n"
                        "</body></html>\n"),
              std::string::npos);

    const std::string list = body_of(s.get("/server-status?notable"));
    EXPECT_NE(list.find("<hr /><h2>Server Details</h2>\n\n"), std::string::npos);
    EXPECT_NE(list.find("{GET /server-status?notable HTTP/1.1}</i> <i>(http/1.1)</i> <b>[localhost:" +
                        std::to_string(s.port()) + "]</b><br />"),
              std::string::npos)
        << list;
}

// How many times `needle` occurs in `text`.
long count_of(const std::string& text, const std::string& needle)
{
    long n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

// Workers in the lingering close of a finished connection.
long closing_slots(const std::string& board) { return std::count(board.begin(), board.end(), 'C'); }

TEST(Status, AutoReportPrefork)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 2\nServerLimit 5\nMaxRequestWorkers 4\n"));
    start_or_fail(s);
    ASSERT_EQ(status_of(s.get("/index.html")), 200);
    ASSERT_EQ(status_of(s.get("/nothing-here")), 404);
    const std::string response = s.get("/server-status?auto");
    ASSERT_EQ(status_of(response), 200);
    EXPECT_EQ(header_of(response, "Content-Type"), "text/plain; charset=ISO-8859-1");
    const std::string body = body_of(response);
    EXPECT_EQ(body.rfind("localhost\nServerVersion: Apache/2.4.71", 0), 0u) << body;
    const std::vector<std::string> expected = {
        "ServerVersion", "ServerMPM", "Server Built", "CurrentTime", "RestartTime",
        "ParentServerConfigGeneration", "ParentServerMPMGeneration", "ServerUptimeSeconds", "ServerUptime",
        "Load1", "Load5", "Load15", "Total Accesses", "Total kBytes", "Total Duration", "CPUUser",
        "CPUSystem", "CPUChildrenUser", "CPUChildrenSystem"};
    std::vector<std::string> keys = auto_keys(body);
    // CPULoad appears only once some CPU time was recorded; ReqPerSec and
    // BytesPerSec only after the first second.
    keys.erase(std::remove(keys.begin(), keys.end(), "CPULoad"), keys.end());
    ASSERT_GE(keys.size(), expected.size());
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + static_cast<long>(expected.size())), expected);
    const std::vector<std::string> tail = {"BusyWorkers", "GracefulWorkers", "IdleWorkers", "Scoreboard"};
    EXPECT_EQ(std::vector<std::string>(keys.end() - 4, keys.end()), tail);
    EXPECT_EQ(auto_value(body, "ServerMPM"), "prefork");
    EXPECT_EQ(auto_value(body, "Total Accesses"), "2");
    // The status request itself is busy, and so is a worker still in the
    // lingering close of an earlier connection ('C': the client saw the end
    // of its answer before the server finished draining).
    const std::string board = auto_value(body, "Scoreboard");
    EXPECT_EQ(auto_value(body, "BusyWorkers"), std::to_string(1 + closing_slots(board)));
    EXPECT_EQ(auto_value(body, "GracefulWorkers"), "0");
    // ServerLimit 5 slots; the fifth is above MaxRequestWorkers and not shown.
    EXPECT_TRUE(std::regex_match(board, std::regex("[_SWC.]{4}"))) << board;
    EXPECT_EQ(std::count(board.begin(), board.end(), 'W'), 1) << board;
    EXPECT_TRUE(std::regex_match(auto_value(body, "Load1"), std::regex("\\d+\\.\\d\\d")));
    EXPECT_TRUE(std::regex_match(auto_value(body, "BytesPerReq"), std::regex("\\d*\\.?\\d+(e[-+]\\d+)?")));
}

// httpd keeps the counters across a graceful restart and zeroes the
// scoreboard on a plain one (SIGHUP).
TEST(Status, GracefulRestartKeepsCountersHupClearsThem)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 1\nMinSpareServers 1\nMaxSpareServers 2\n"));
    start_or_fail(s);
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(status_of(s.get("/index.html")), 200);
    }
    EXPECT_EQ(auto_value(body_of(s.get("/server-status?auto")), "Total Accesses"), "3");

    s.signal(SIGUSR1);
    ASSERT_TRUE(eventually([&] { return count_of(s.file("logs/error_log"), "AH00163:") >= 2; }, 5s));
    // The status request before counts too: 4 now.
    EXPECT_EQ(auto_value(body_of(s.get("/server-status?auto")), "Total Accesses"), "4");

    s.signal(SIGHUP);
    ASSERT_TRUE(eventually([&] { return count_of(s.file("logs/error_log"), "AH00163:") >= 3; }, 5s));
    std::string body;
    ASSERT_TRUE(eventually([&] {
        const std::string response = s.get("/server-status?auto");
        body = body_of(response);
        return status_of(response) == 200;
    }, 5s));
    EXPECT_EQ(auto_value(body, "Total Accesses"), "0") << body;
    EXPECT_EQ(auto_value(body, "ParentServerConfigGeneration"), "3");
}

TEST(Status, AutoReportWorker)
{
    TestServer s;
    s.write_config(status_config("mpm_worker_module",
                                 "ServerLimit 3\nStartServers 2\nThreadsPerChild 4\nMaxRequestWorkers 8\n"
                                 "MinSpareThreads 1\nMaxSpareThreads 8\n"));
    start_or_fail(s);
    ASSERT_EQ(status_of(s.get("/index.html")), 200);
    const std::string body = body_of(s.get("/server-status?auto"));
    EXPECT_EQ(auto_value(body, "ServerMPM"), "worker");
    EXPECT_EQ(auto_value(body, "Total Accesses"), "1");
    // 2 processes x 4 threads may serve (MaxRequestWorkers / ThreadsPerChild);
    // the other slots (ThreadLimit 64) are not shown.
    const std::string board = auto_value(body, "Scoreboard");
    EXPECT_TRUE(std::regex_match(board, std::regex("[_SWRKLC.]{8}"))) << board;
    EXPECT_EQ(auto_value(body, "BusyWorkers"), std::to_string(1 + closing_slots(board)));
    const std::string page = body_of(s.get("/server-status"));
    EXPECT_NE(page.find("<dt>Server MPM: worker</dt>"), std::string::npos);
}

TEST(Status, ExtendedStatusOff)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 1\nServerLimit 2\nExtendedStatus Off\n"));
    start_or_fail(s);
    ASSERT_EQ(status_of(s.get("/index.html")), 200);
    const std::string body = body_of(s.get("/server-status?auto"));
    EXPECT_EQ(body.find("Total Accesses"), std::string::npos) << body;
    EXPECT_EQ(auto_keys(body).size(), 16u) << body;
    const std::string page = body_of(s.get("/server-status"));
    EXPECT_NE(page.find("PID Key: <br />\n<pre>\n   "), std::string::npos) << page;
    EXPECT_NE(page.find(" in state: W ,"), std::string::npos) << page;
    EXPECT_NE(page.find("<hr />To obtain a full report with current status information you need to use the "
                        "<code>ExtendedStatus On</code> directive.\n</body></html>\n"),
              std::string::npos);
    EXPECT_EQ(page.find("<table border"), std::string::npos);
}

TEST(Status, RefreshHeaderAndGetOnly)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 1\n"));
    start_or_fail(s);
    EXPECT_EQ(header_of(s.get("/server-status?refresh=7"), "Refresh"), "7");
    EXPECT_EQ(header_of(s.get("/server-status?refresh"), "Refresh"), "10");
    EXPECT_EQ(header_of(s.get("/server-status?refresh=0"), "Refresh"), "10");
    EXPECT_EQ(header_of(s.get("/server-status?auto&refresh=2"), "Refresh"), "2");
    EXPECT_EQ(header_of(s.get("/server-status"), "Refresh"), "");
    const std::string head = raw_exchange(
        s.port(), "HEAD /server-status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(status_of(head), 200);
    EXPECT_EQ(body_of(head), "");
    const std::string post = raw_exchange(
        s.port(), "POST /server-status HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    EXPECT_NE(status_of(post), 200) << post;
    EXPECT_EQ(post.find("Apache Status"), std::string::npos);
}

TEST(Status, SeeRequestTailShowsTheEndOfLongRequests)
{
    const std::string path = "/server-status?" + std::string(80, 'a') + "END";
    for (const bool tail : {false, true}) {
        TestServer s;
        s.write_config(status_config("mpm_prefork_module",
                                     std::string("StartServers 1\nSeeRequestTail ") + (tail ? "On\n" : "Off\n")));
        start_or_fail(s);
        const std::string page = body_of(s.get(path));
        const std::string line = "GET " + path + " HTTP/1.1";
        const std::string shown = tail ? line.substr(line.size() - 63) : line.substr(0, 63);
        EXPECT_NE(page.find("<td nowrap>" + shown + "</td></tr>"), std::string::npos) << tail << page;
    }
}

TEST(Status, MagicTypeRunsTheHandler)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module",
                                 "LoadModule mime_module modules/mod_mime.so\n"
                                 "TypesConfig /etc/mime.types\n"
                                 "StartServers 1\nAddType application/x-httpd-status .status\n"));
    s.root().write("htdocs/x.status", "not shown\n");
    start_or_fail(s);
    const std::string response = s.get("/x.status?auto");
    EXPECT_EQ(status_of(response), 200);
    EXPECT_EQ(body_of(response).rfind("localhost\nServerVersion: ", 0), 0u) << response;
}

TEST(Status, RequestTextsAreEscapedInThePage)
{
    TestServer s;
    s.write_config(status_config("mpm_prefork_module", "StartServers 1\n"));
    start_or_fail(s);
    const std::string page = body_of(raw_exchange(
        s.port(), "GET /server-status?<script>x=\"1\" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    EXPECT_EQ(page.find("<script>"), std::string::npos) << page;
    EXPECT_NE(page.find("GET /server-status?&lt;script&gt;x=\\&quot;1\\&quot; HTTP/1.1"), std::string::npos) << page;
}

}  // namespace
}  // namespace feather::test
