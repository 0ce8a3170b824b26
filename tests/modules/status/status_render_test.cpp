// mod_status's report rendered from hand-built scoreboards. The expected
// texts follow httpd 2.4.71's status_handler (checked against the real
// server's pages, see tests/compat/test_logs_status.py).

#include "modules/status/status_render.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace feather::mod::status {
namespace {

constexpr std::int64_t kRestart = 1'000'000'000'000'000;      // Sunday, 09-Sep-2001 01:46:40 UTC
constexpr std::int64_t kNow = kRestart + 3723LL * 1'000'000;  // 1 hour 2 minutes 3 seconds later

class StatusRender : public ::testing::Test {
protected:
    void SetUp() override
    {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
        sb.server_limit = 4;
        sb.thread_limit = 1;
        sb.restart_time_us = kRestart;
        sb.processes.resize(4);
        sb.workers.resize(4);
        sb.processes[0] = {100, 0, false};
        sb.processes[1] = {101, 0, false};

        WorkerView& idle = sb.workers[0];
        idle.status = static_cast<std::uint8_t>(WorkerStatus::Ready);
        idle.pid = 100;
        idle.conn_count = 1;
        idle.access_count = 2;
        idle.my_access_count = 2;
        idle.bytes_served = 1500;
        idle.my_bytes_served = 1500;
        idle.conn_bytes = 700;
        idle.duration_us = 3000;
        idle.start_time_us = kNow - 10'000'000;
        idle.stop_time_us = idle.start_time_us + 4000;
        idle.last_used_us = kNow - 10'000'000;
        idle.cpu_user_ticks = 5;
        idle.cpu_system_ticks = 2;
        idle.client = "127.0.0.1";
        idle.request = "GET /a HTTP/1.1";
        idle.vhost = "localhost:80";
        idle.protocol = "http/1.1";

        WorkerView& busy = sb.workers[1];
        busy.status = static_cast<std::uint8_t>(WorkerStatus::BusyWrite);
        busy.pid = 101;
        busy.start_time_us = kNow;
        busy.last_used_us = kNow;
        busy.client = "127.0.0.1";
        busy.request = "GET /server-status HTTP/1.1";
        busy.vhost = "localhost:80";
        busy.protocol = "http/1.1";

        facts.server_name = "localhost";
        facts.local_ip = "127.0.0.1";
        facts.server.description = "Apache/2.4.71 (Unix) Feather/0.1.0";
        facts.server.built = "2026-11-23T00:00:00";
        facts.server.mpm = "prefork";
        facts.server.daemons_limit = 3;  // slot 3 is above the limit
        facts.server.threads_per_child = 1;
        facts.now_us = kNow;
        facts.load[0] = 0.5F;
        facts.load[1] = 0.25F;
        facts.load[2] = 1.0F;
        facts.ticks_per_second = 100;
    }

    Snapshot sb;
    PageFacts facts;
};

const std::string kHead =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n"
    "<html><head>\n"
    "<title>Apache Status</title>\n"
    "</head><body>\n"
    "<h1>Apache Server Status for localhost (via 127.0.0.1)</h1>\n\n"
    "<dl><dt>Server Version: Apache/2.4.71 (Unix) Feather/0.1.0</dt>\n"
    "<dt>Server MPM: prefork</dt>\n"
    "<dt>Server Built: 2026-11-23T00:00:00\n</dt></dl><hr /><dl>\n"
    "<dt>Current Time: Sunday, 09-Sep-2001 02:48:43 UTC</dt>\n"
    "<dt>Restart Time: Sunday, 09-Sep-2001 01:46:40 UTC</dt>\n"
    "<dt>Parent Server Config. Generation: 1</dt>\n"
    "<dt>Parent Server MPM Generation: 0</dt>\n"
    "<dt>Server uptime:  1 hour 2 minutes 3 seconds</dt>\n"
    "<dt>Server load: 0.50 0.25 1.00</dt>\n";

const std::string kKey =
    "</pre>\n"
    "<p>Scoreboard Key:<br />\n"
    "\"<b><code>_</code></b>\" Waiting for Connection, \n"
    "\"<b><code>S</code></b>\" Starting up, \n"
    "\"<b><code>R</code></b>\" Reading Request,<br />\n"
    "\"<b><code>W</code></b>\" Sending Reply, \n"
    "\"<b><code>K</code></b>\" Keepalive (read), \n"
    "\"<b><code>D</code></b>\" DNS Lookup,<br />\n"
    "\"<b><code>C</code></b>\" Closing connection, \n"
    "\"<b><code>L</code></b>\" Logging, \n"
    "\"<b><code>G</code></b>\" Gracefully finishing,<br /> \n"
    "\"<b><code>I</code></b>\" Idle cleanup of worker, \n"
    "\"<b><code>.</code></b>\" Open slot with no current process<br />\n"
    "</p>\n";

TEST_F(StatusRender, PageWithoutExtendedStatus)
{
    facts.extended = false;
    const std::string page = render_status(sb, facts, {});
    EXPECT_EQ(page, kHead +
                        "<dt>1 requests currently being processed, 0 workers gracefully restarting, "
                        "1 idle workers</dt>\n"
                        "</dl><pre>_W." +
                        kKey +
                        "PID Key: <br />\n"
                        "<pre>\n"
                        "   100 in state: _ ,   101 in state: W ,   0 in state:   \n"
                        "\n"
                        "</pre>\n"
                        "<hr />To obtain a full report with current status information you need to use the "
                        "<code>ExtendedStatus On</code> directive.\n"
                        "</body></html>\n");
}

TEST_F(StatusRender, PageWithExtendedStatus)
{
    facts.extended = true;
    facts.signature = "<hr />\n<address>Apache/2.4.71 Server at localhost Port 80</address>\n";
    const std::string page = render_status(sb, facts, {});
    EXPECT_EQ(page,
              kHead +
                  "<dt>Total accesses: 2 - Total Traffic: 1 kB - Total Duration: 3</dt>\n"
                  "<dt>CPU Usage: u.05 s.02 cu0 cs0 - .00188% CPU load</dt>\n"
                  "<dt>.000537 requests/sec - 0 B/second - 512 B/request - 1.5 ms/request</dt>\n"
                  "<dt>1 requests currently being processed, 0 workers gracefully restarting, "
                  "1 idle workers</dt>\n"
                  "</dl><pre>_W." +
                  kKey +
                  "\n\n<table border=\"0\"><tr><th>Srv</th><th>PID</th><th>Acc</th><th>M</th><th>CPU\n</th>"
                  "<th>SS</th><th>Req</th><th>Dur</th><th>Conn</th><th>Child</th><th>Slot</th>"
                  "<th>Client</th><th>Protocol</th><th>VHost</th><th>Request</th></tr>\n\n"
                  "<tr><td><b>0-0</b></td><td>100</td><td>1/2/2</td><td>_\n"
                  "</td><td>0.07</td><td>10</td><td>4</td><td>3</td><td>0.7</td><td>0.00</td><td>0.00\n"
                  "</td><td>127.0.0.1</td><td>http/1.1</td><td nowrap>localhost:80</td>"
                  "<td nowrap>GET /a HTTP/1.1</td></tr>\n\n"
                  "<tr><td><b>1-0</b></td><td>101</td><td>0/0/0</td><td><b>W</b>\n"
                  "</td><td>0.00</td><td>0</td><td>0</td><td>0</td><td>0.0</td><td>0.00</td><td>0.00\n"
                  "</td><td>127.0.0.1</td><td>http/1.1</td><td nowrap>localhost:80</td>"
                  "<td nowrap>GET /server-status HTTP/1.1</td></tr>\n\n"
                  "</table>\n <hr /> <table>\n"
                  " <tr><th>Srv</th><td>Child Server number - generation</td></tr>\n"
                  " <tr><th>PID</th><td>OS process ID</td></tr>\n"
                  " <tr><th>Acc</th><td>Number of accesses this connection / this child / this slot</td></tr>\n"
                  " <tr><th>M</th><td>Mode of operation</td></tr>\n"
                  "<tr><th>CPU</th><td>CPU usage, number of seconds</td></tr>\n"
                  "<tr><th>SS</th><td>Seconds since beginning of most recent request</td></tr>\n"
                  " <tr><th>Req</th><td>Milliseconds required to process most recent request</td></tr>\n"
                  " <tr><th>Dur</th><td>Sum of milliseconds required to process all requests</td></tr>\n"
                  " <tr><th>Conn</th><td>Kilobytes transferred this connection</td></tr>\n"
                  " <tr><th>Child</th><td>Megabytes transferred this child</td></tr>\n"
                  " <tr><th>Slot</th><td>Total megabytes transferred this slot</td></tr>\n"
                  " </table>\n"
                  "<hr />\n<address>Apache/2.4.71 Server at localhost Port 80</address>\n"
                  "</body></html>\n");
}

TEST_F(StatusRender, NotableList)
{
    facts.extended = true;
    const std::string page = render_status(sb, facts, {.short_report = false, .no_table = true});
    const std::string details = page.substr(page.find("</p>\n") + 5);
    EXPECT_EQ(details,
              "<hr /><h2>Server Details</h2>\n\n"
              "<b>Server 0-0</b> (100): 1|2|2 [Ready] u.05 s.02 cu0 cs0\n"
              " 10 4 3(700 B|1500 B|1500 B)\n"
              " <i>127.0.0.1 {GET /a HTTP/1.1}</i> <i>(http/1.1)</i> <b>[localhost:80]</b><br />\n\n"
              "<b>Server 1-0</b> (101): 0|0|0 [<b>Write</b>] u0 s0 cu0 cs0\n"
              " 0 0 0(0 B|0 B|0 B)\n"
              " <i>127.0.0.1 {GET /server-status HTTP/1.1}</i> <i>(http/1.1)</i> <b>[localhost:80]</b><br />\n\n"
              "</body></html>\n");
}

TEST_F(StatusRender, AutoWithExtendedStatus)
{
    facts.extended = true;
    EXPECT_EQ(render_status(sb, facts, {.short_report = true}),
              "localhost\n"
              "ServerVersion: Apache/2.4.71 (Unix) Feather/0.1.0\n"
              "ServerMPM: prefork\n"
              "Server Built: 2026-11-23T00:00:00\n"
              "CurrentTime: Sunday, 09-Sep-2001 02:48:43 UTC\n"
              "RestartTime: Sunday, 09-Sep-2001 01:46:40 UTC\n"
              "ParentServerConfigGeneration: 1\n"
              "ParentServerMPMGeneration: 0\n"
              "ServerUptimeSeconds: 3723\n"
              "ServerUptime: 1 hour 2 minutes 3 seconds\n"
              "Load1: 0.50\n"
              "Load5: 0.25\n"
              "Load15: 1.00\n"
              "Total Accesses: 2\n"
              "Total kBytes: 1\n"
              "Total Duration: 3\n"
              "CPUUser: .05\n"
              "CPUSystem: .02\n"
              "CPUChildrenUser: 0\n"
              "CPUChildrenSystem: 0\n"
              "CPULoad: .0018802\n"
              "Uptime: 3723\n"
              "ReqPerSec: .000537201\n"
              "BytesPerSec: .275047\n"
              "BytesPerReq: 512\n"
              "DurationPerReq: 1.5\n"
              "BusyWorkers: 1\n"
              "GracefulWorkers: 0\n"
              "IdleWorkers: 1\n"
              "Scoreboard: _W.\n");
}

TEST_F(StatusRender, AutoWithoutExtendedStatusOnTheFirstSecond)
{
    facts.extended = false;
    facts.now_us = kRestart + 400'000;
    sb.config_generation = 2;     // two restarts so far
    facts.server.generation = 2;  // the children of the first generation are old
    const std::string text = render_status(sb, facts, {.short_report = true});
    EXPECT_NE(text.find("ParentServerConfigGeneration: 3\nParentServerMPMGeneration: 2\n"
                        "ServerUptimeSeconds: 0\nServerUptime:\nLoad1: 0.50\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("Total Accesses"), std::string::npos);
    // The idle worker belongs to generation 0: it is not counted as idle.
    EXPECT_NE(text.find("BusyWorkers: 1\nGracefulWorkers: 0\nIdleWorkers: 0\nScoreboard: _W.\n"),
              std::string::npos)
        << text;
}

TEST_F(StatusRender, CountsQuiescingAndGracefulAsHttpdDoes)
{
    facts.extended = false;
    sb.workers[1].status = static_cast<std::uint8_t>(WorkerStatus::Graceful);
    sb.processes[2] = {102, 0, true};  // going away: not counted
    sb.workers[2].status = static_cast<std::uint8_t>(WorkerStatus::BusyRead);
    const std::string text = render_status(sb, facts, {.short_report = true});
    EXPECT_NE(text.find("BusyWorkers: 0\nGracefulWorkers: 1\nIdleWorkers: 1\nScoreboard: _GR\n"),
              std::string::npos)
        << text;
}

TEST_F(StatusRender, MapBreaksEvery64Letters)
{
    facts.extended = false;
    sb.server_limit = 2;
    sb.thread_limit = 70;
    facts.server.daemons_limit = 2;
    facts.server.threads_per_child = 65;  // 5 disabled slots per process
    sb.processes.assign(2, ProcessView{});
    sb.workers.assign(140, WorkerView{});
    const std::string page = render_status(sb, facts, {});
    const std::string dots64(64, '.');
    EXPECT_NE(page.find("<pre>" + dots64 + "\n" + dots64 + "\n..</pre>\n"), std::string::npos);
    const std::string text = render_status(sb, facts, {.short_report = true});
    EXPECT_NE(text.find("Scoreboard: " + std::string(130, '.') + "\n"), std::string::npos);
}

TEST_F(StatusRender, ChildWrittenTextsAreEscaped)
{
    // A child's slot is less trusted than the page: everything it wrote is
    // escaped (httpd's mod_status XSS fixes), the request line for the log
    // characters too.
    facts.extended = true;
    WorkerView& w = sb.workers[0];
    w.client = "<script>alert(1)</script>";
    w.request = "GET /\"><img src=x onerror=alert(1)>\x01 HTTP/1.1";
    w.vhost = "a&b:80";
    w.protocol = "h<2>";
    sb.workers[7 % 4].status = 200;  // not a known state
    facts.server_name = "<evil>";
    const std::string page = render_status(sb, facts, {});
    EXPECT_EQ(page.find("<script>"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_EQ(page.find("<evil>"), std::string::npos);
    EXPECT_NE(page.find("Apache Server Status for &lt;evil&gt; (via"), std::string::npos);
    EXPECT_NE(page.find("</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>h&lt;2&gt;</td>"
                        "<td nowrap>a&amp;b:80</td>"
                        "<td nowrap>GET /\\&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\\x01 HTTP/1.1</td></tr>"),
              std::string::npos)
        << page;
    // An unknown state shows as '?' in the map and the table.
    EXPECT_NE(page.find("<pre>_W.?</pre>"), std::string::npos);
    EXPECT_NE(page.find("</td><td>?\n</td>"), std::string::npos);
    const std::string list = render_status(sb, facts, {.no_table = true});
    EXPECT_NE(list.find(" <i>&lt;script&gt;alert(1)&lt;/script&gt; {GET /\\&quot;&gt;&lt;img src=x "
                        "onerror=alert(1)&gt;\\x01 HTTP/1.1}</i> <i>(h&lt;2&gt;)</i> <b>[a&amp;b:80]</b>"),
              std::string::npos)
        << list;
    EXPECT_NE(list.find("[?STATE?]"), std::string::npos);
}

TEST_F(StatusRender, ByteAndTimeFormats)
{
    facts.extended = true;
    sb.workers[0].bytes_served = 3LL * 1024 * 1024 * 1024;   // 3 GB
    sb.workers[0].my_bytes_served = 600 * 1024;              // 600 kB
    sb.workers[0].conn_bytes = 6000;
    sb.workers[0].access_count = 1;
    facts.now_us = kRestart + (2LL * 86400 + 1) * 1'000'000;
    const std::string list = render_status(sb, facts, {.no_table = true});
    EXPECT_NE(list.find("(5.9 kB|0.6 MB|3.0 GB)"), std::string::npos) << list;
    EXPECT_NE(list.find("<dt>Server uptime:  2 days 1 second</dt>"), std::string::npos);
    EXPECT_NE(list.find("Total Traffic: 3.0 GB"), std::string::npos) << list;
}

}  // namespace
}  // namespace feather::mod::status
