#include "modules/status/status_render.hpp"

#include "modules/status/apr_number.hpp"
#include "modules/status/status_text.hpp"

namespace feather::mod::status {

namespace {

constexpr int kMapLine = 64;        // scoreboard letters per line of the HTML map
constexpr char kDisabled = ' ';     // a slot above the configured limits
constexpr std::int64_t kKilo = 1024;

// What the first pass over the scoreboard adds up (httpd's counters of
// status_handler).
struct Totals {
    int idle = 0;
    int graceful = 0;
    int busy = 0;
    unsigned long count = 0;           // accesses
    std::int64_t bytes_rest = 0;       // bytes below a kilobyte, carried
    std::int64_t kbytes = 0;
    std::int64_t duration_us = 0;
    long cpu_user = 0;                 // clock ticks
    long cpu_system = 0;
    std::string letters;               // one per worker slot
    std::vector<std::int32_t> pids;    // per process slot
};

Totals add_up(const Snapshot& sb, const PageFacts& facts)
{
    Totals t;
    const int max_servers = facts.server.daemons_limit;
    const int threads_per_child = facts.server.threads_per_child > 0 ? facts.server.threads_per_child : 1;
    const std::uint32_t mpm_generation = facts.server.generation;
    t.letters.reserve(sb.workers.size());
    for (int i = 0; i < sb.server_limit; ++i) {
        const ProcessView& ps = sb.processes[static_cast<std::size_t>(i)];
        std::uint64_t proc_user = 0;
        std::uint64_t proc_system = 0;
        for (int j = 0; j < sb.thread_limit; ++j) {
            const WorkerView& ws = sb.worker(i, j);
            const auto res = static_cast<WorkerStatus>(ws.status);
            if ((i >= max_servers || j >= threads_per_child) && res == WorkerStatus::Dead) {
                t.letters.push_back(kDisabled);
            } else {
                t.letters.push_back(status_letter(res));
            }
            if (!ps.quiescing && ps.pid != 0) {
                if (res == WorkerStatus::Ready) {
                    if (ps.generation == mpm_generation) {
                        ++t.idle;
                    }
                } else if (res != WorkerStatus::Dead && res != WorkerStatus::Starting &&
                           res != WorkerStatus::IdleKill) {
                    if (res == WorkerStatus::Graceful) {
                        ++t.graceful;
                    } else {
                        ++t.busy;
                    }
                }
            }
            if (!facts.extended) {
                continue;
            }
            if (ws.access_count != 0 || (res != WorkerStatus::Ready && res != WorkerStatus::Dead)) {
                // times() is per process: the threads of one child share
                // it, so the child's figure is its largest, not their sum.
                if (ws.cpu_user_ticks > proc_user || ws.cpu_system_ticks > proc_system) {
                    proc_user = ws.cpu_user_ticks;
                    proc_system = ws.cpu_system_ticks;
                }
                t.count += static_cast<unsigned long>(ws.access_count);
                t.bytes_rest += static_cast<std::int64_t>(ws.bytes_served);
                t.duration_us += ws.duration_us;
                if (t.bytes_rest >= kKilo) {
                    t.kbytes += t.bytes_rest >> 10;
                    t.bytes_rest &= 0x3ff;
                }
            }
        }
        t.cpu_user += static_cast<long>(proc_user);
        t.cpu_system += static_cast<long>(proc_system);
        t.pids.push_back(ps.pid);
    }
    return t;
}

std::string fixed2(float v) { return apr_f(v, 2); }

void extended_auto(std::string& out, const Totals& t, std::uint32_t up_time, float tick)
{
    const long cpu = t.cpu_user + t.cpu_system;
    const std::int64_t duration_ms = t.duration_us / 1000;
    out += "Total Accesses: " + std::to_string(t.count) + "\nTotal kBytes: " + std::to_string(t.kbytes) +
           "\nTotal Duration: " + std::to_string(duration_ms) + "\n";
    out += "CPUUser: " + apr_g(static_cast<float>(t.cpu_user) / tick) +
           "\nCPUSystem: " + apr_g(static_cast<float>(t.cpu_system) / tick) +
           "\nCPUChildrenUser: " + apr_g(0.0F / tick) + "\nCPUChildrenSystem: " + apr_g(0.0F / tick) + "\n";
    if (cpu != 0) {
        out += "CPULoad: " + apr_g(static_cast<float>(cpu) / tick / static_cast<float>(up_time) * 100.) + "\n";
    }
    out += "Uptime: " + std::to_string(static_cast<long>(up_time)) + "\n";
    if (up_time > 0) {
        out += "ReqPerSec: " + apr_g(static_cast<float>(t.count) / static_cast<float>(up_time)) + "\n";
        out += "BytesPerSec: " + apr_g(kKilo * static_cast<float>(t.kbytes) / static_cast<float>(up_time)) + "\n";
    }
    if (t.count > 0) {
        out += "BytesPerReq: " + apr_g(kKilo * static_cast<float>(t.kbytes) / static_cast<float>(t.count)) + "\n";
        out += "DurationPerReq: " +
               apr_g(static_cast<float>(duration_ms) / static_cast<float>(t.count)) + "\n";
    }
}

void extended_html(std::string& out, const Totals& t, std::uint32_t up_time, float tick)
{
    const long cpu = t.cpu_user + t.cpu_system;
    const std::int64_t duration_ms = t.duration_us / 1000;
    out += "<dt>Total accesses: " + std::to_string(t.count) + " - Total Traffic: " + format_kbytes(t.kbytes) +
           " - Total Duration: " + std::to_string(duration_ms) + "</dt>\n";
    out += "<dt>CPU Usage: u" + apr_g(static_cast<float>(t.cpu_user) / tick) + " s" +
           apr_g(static_cast<float>(t.cpu_system) / tick) + " cu" + apr_g(0.0F / tick) + " cs" +
           apr_g(0.0F / tick);
    if (cpu != 0) {
        out += " - " + apr_g(static_cast<float>(cpu) / tick / static_cast<float>(up_time) * 100., 3) +
               "% CPU load</dt>\n";
    } else {
        out += "</dt>\n";
    }
    out += "<dt>";
    if (up_time > 0) {
        out += apr_g(static_cast<float>(t.count) / static_cast<float>(up_time), 3) + " requests/sec - ";
        out += format_bytes(static_cast<std::int64_t>(
            static_cast<unsigned long>(kKilo * static_cast<float>(t.kbytes) / static_cast<float>(up_time))));
        out += "/second";
    }
    if (t.count > 0) {
        if (up_time > 0) {
            out += " - ";
        }
        out += format_bytes(static_cast<std::int64_t>(
            static_cast<unsigned long>(kKilo * static_cast<float>(t.kbytes) / static_cast<float>(t.count))));
        out += "/request - " + apr_g(static_cast<float>(duration_ms) / static_cast<float>(t.count)) +
               " ms/request";
    }
    out += "</dt>\n";
}

constexpr const char* kKey =
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

void pid_key(std::string& out, const Snapshot& sb, const Totals& t)
{
    out += "PID Key: <br />\n<pre>\n";
    int k = 0;
    for (int i = 0; i < sb.server_limit; ++i) {
        for (int j = 0; j < sb.thread_limit; ++j) {
            const char letter = t.letters[static_cast<std::size_t>(i * sb.thread_limit + j)];
            if (letter == '.') {
                continue;
            }
            out += "   " + std::to_string(t.pids[static_cast<std::size_t>(i)]) + " in state: ";
            out.push_back(letter);
            out.push_back(' ');
            if (++k >= 3) {
                out += "\n";
                k = 0;
            } else {
                out += ",";
            }
        }
    }
    out += "\n</pre>\n";
}

}  // namespace

std::string render_status(const Snapshot& sb, const PageFacts& facts, const PageOptions& options)
{
    const Totals t = add_up(sb, facts);
    const std::int64_t since_restart = facts.now_us - sb.restart_time_us;
    const auto up_time = static_cast<std::uint32_t>(since_restart / 1000000);
    const std::string now = default_time(facts.now_us);
    const std::string restart = default_time(sb.restart_time_us);
    const int config_generation = static_cast<int>(sb.config_generation) + 1;
    const int mpm_generation = static_cast<int>(facts.server.generation);
    const bool short_report = options.short_report;

    std::string out;
    out.reserve(short_report ? 1024 + t.letters.size() : 4096 + t.letters.size() * 2);
    if (!short_report) {
        out += "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n"
               "<html><head>\n"
               "<title>Apache Status</title>\n"
               "</head><body>\n"
               "<h1>Apache Server Status for ";
        out += escape_html(facts.server_name) + " (via " + facts.local_ip + ")</h1>\n\n";
        out += "<dl><dt>Server Version: " + facts.server.description + "</dt>\n";
        out += "<dt>Server MPM: " + facts.server.mpm + "</dt>\n";
        out += "<dt>Server Built: " + facts.server.built + "\n</dt></dl><hr /><dl>\n";
        out += "<dt>Current Time: " + now + "</dt>\n";
        out += "<dt>Restart Time: " + restart + "</dt>\n";
        out += "<dt>Parent Server Config. Generation: " + std::to_string(config_generation) + "</dt>\n";
        out += "<dt>Parent Server MPM Generation: " + std::to_string(mpm_generation) + "</dt>\n";
        out += "<dt>Server uptime: " + uptime_text(up_time) + "</dt>\n";
        out += "<dt>Server load: " + fixed2(facts.load[0]) + " " + fixed2(facts.load[1]) + " " +
               fixed2(facts.load[2]) + "</dt>\n";
    } else {
        out += facts.server_name + "\n";
        out += "ServerVersion: " + facts.server.description + "\n";
        out += "ServerMPM: " + facts.server.mpm + "\n";
        out += "Server Built: " + facts.server.built + "\n";
        out += "CurrentTime: " + now + "\n";
        out += "RestartTime: " + restart + "\n";
        out += "ParentServerConfigGeneration: " + std::to_string(config_generation) + "\n";
        out += "ParentServerMPMGeneration: " + std::to_string(mpm_generation) + "\n";
        out += "ServerUptimeSeconds: " + std::to_string(up_time) + "\n";
        out += "ServerUptime:" + uptime_text(up_time) + "\n";
        out += "Load1: " + fixed2(facts.load[0]) + "\nLoad5: " + fixed2(facts.load[1]) +
               "\nLoad15: " + fixed2(facts.load[2]) + "\n";
    }

    if (facts.extended) {
        if (short_report) {
            extended_auto(out, t, up_time, facts.ticks_per_second);
        } else {
            extended_html(out, t, up_time, facts.ticks_per_second);
        }
    }

    const std::string busy = std::to_string(t.busy);
    const std::string graceful = std::to_string(t.graceful);
    const std::string idle = std::to_string(t.idle);
    if (!short_report) {
        out += "<dt>" + busy + " requests currently being processed, " + graceful +
               " workers gracefully restarting, " + idle + " idle workers</dt>\n";
        out += "</dl>";
        out += "<pre>";
    } else {
        out += "BusyWorkers: " + busy + "\nGracefulWorkers: " + graceful + "\nIdleWorkers: " + idle + "\n";
        out += "Scoreboard: ";
    }

    int written = 0;
    for (const char letter : t.letters) {
        if (letter == kDisabled) {
            continue;
        }
        out.push_back(letter);
        if (written % kMapLine == kMapLine - 1 && !short_report) {
            out += "\n";
        }
        ++written;
    }

    if (short_report) {
        out += "\n";
        return out;
    }
    out += kKey;
    if (!facts.extended) {
        pid_key(out, sb, t);
        out += "<hr />To obtain a full report with current status information you need to use the "
               "<code>ExtendedStatus On</code> directive.\n";
    } else {
        out += render_workers(sb, facts, options.no_table);
    }
    out += facts.signature;
    out += "</body></html>\n";
    return out;
}

}  // namespace feather::mod::status
