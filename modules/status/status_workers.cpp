// The extended report's per-worker part: one table row (or, for ?notable,
// one paragraph) per slot that served requests or is busy.

#include "modules/request/escape_logitem.hpp"
#include "modules/status/apr_number.hpp"
#include "modules/status/status_render.hpp"
#include "modules/status/status_text.hpp"

namespace feather::mod::status {

namespace {

constexpr float kKiloF = 1024;
constexpr float kMegaF = 1048576;

const char* mode_word(std::uint8_t status)
{
    switch (static_cast<WorkerStatus>(status)) {
    case WorkerStatus::Ready: return "Ready";
    case WorkerStatus::Starting: return "Starting";
    case WorkerStatus::BusyRead: return "<b>Read</b>";
    case WorkerStatus::BusyWrite: return "<b>Write</b>";
    case WorkerStatus::BusyKeepalive: return "<b>Keepalive</b>";
    case WorkerStatus::BusyLog: return "<b>Logging</b>";
    case WorkerStatus::BusyDns: return "<b>DNS lookup</b>";
    case WorkerStatus::Closing: return "<b>Closing</b>";
    case WorkerStatus::Dead: return "Dead";
    case WorkerStatus::Graceful: return "Graceful";
    case WorkerStatus::IdleKill: return "Dying";
    }
    return "?STATE?";
}

const char* mode_cell(std::uint8_t status)
{
    switch (static_cast<WorkerStatus>(status)) {
    case WorkerStatus::Ready: return "</td><td>_";
    case WorkerStatus::Starting: return "</td><td><b>S</b>";
    case WorkerStatus::BusyRead: return "</td><td><b>R</b>";
    case WorkerStatus::BusyWrite: return "</td><td><b>W</b>";
    case WorkerStatus::BusyKeepalive: return "</td><td><b>K</b>";
    case WorkerStatus::BusyLog: return "</td><td><b>L</b>";
    case WorkerStatus::BusyDns: return "</td><td><b>D</b>";
    case WorkerStatus::Closing: return "</td><td><b>C</b>";
    case WorkerStatus::Dead: return "</td><td>.";
    case WorkerStatus::Graceful: return "</td><td>G";
    case WorkerStatus::IdleKill: return "</td><td>I";
    }
    return "</td><td>?";
}

constexpr const char* kTableHead =
    "\n\n<table border=\"0\"><tr>"
    "<th>Srv</th><th>PID</th><th>Acc</th><th>M</th><th>CPU\n</th>"
    "<th>SS</th><th>Req</th><th>Dur</th><th>Conn</th><th>Child</th><th>Slot</th>"
    "<th>Client</th><th>Protocol</th><th>VHost</th><th>Request</th></tr>\n\n";

constexpr const char* kLegend =
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
    " </table>\n";

}  // namespace

std::string render_workers(const Snapshot& sb, const PageFacts& facts, bool no_table)
{
    std::string out = no_table ? "<hr /><h2>Server Details</h2>\n\n" : kTableHead;
    const float tick = facts.ticks_per_second;
    for (int i = 0; i < sb.server_limit; ++i) {
        const ProcessView& ps = sb.processes[static_cast<std::size_t>(i)];
        for (int j = 0; j < sb.thread_limit; ++j) {
            const WorkerView& ws = sb.worker(i, j);
            const auto status = static_cast<WorkerStatus>(ws.status);
            if (ws.access_count == 0 && (status == WorkerStatus::Ready || status == WorkerStatus::Dead)) {
                continue;
            }
            long req_time = 0;
            if (ws.start_time_us != 0) {
                req_time = static_cast<long>((ws.stop_time_us - ws.start_time_us) / 1000);
            }
            if (req_time < 0) {
                req_time = 0;
            }
            // The MPM sets a pid and generation per worker; else the process's.
            const std::int32_t pid = ws.pid != 0 ? ws.pid : ps.pid;
            const std::uint32_t generation = ws.pid != 0 ? ws.generation : ps.generation;
            const std::string srv = std::to_string(i) + "-" + std::to_string(static_cast<int>(generation));
            const std::string conn = std::to_string(static_cast<int>(ws.conn_count));
            const std::string since = std::to_string(static_cast<long>((facts.now_us - ws.last_used_us) / 1000000));
            const std::string dur = std::to_string(ws.duration_us / 1000);
            const std::string request = escape_html(escape_logitem(ws.request));
            const bool dead = status == WorkerStatus::Dead;

            if (no_table) {
                out += "<b>Server " + srv + "</b> (" + (dead ? std::string("-") : std::to_string(pid)) +
                       "): " + conn + "|" + std::to_string(ws.my_access_count) + "|" +
                       std::to_string(ws.access_count) + " [";
                out += mode_word(ws.status);
                out += "] u" + apr_g(static_cast<float>(ws.cpu_user_ticks) / tick) + " s" +
                       apr_g(static_cast<float>(ws.cpu_system_ticks) / tick) + " cu" + apr_g(0.0F / tick) +
                       " cs" + apr_g(0.0F / tick) + "\n " + since + " " + std::to_string(req_time) + " " + dur +
                       "(";
                out += format_bytes(static_cast<std::int64_t>(ws.conn_bytes)) + "|" +
                       format_bytes(static_cast<std::int64_t>(ws.my_bytes_served)) + "|" +
                       format_bytes(static_cast<std::int64_t>(ws.bytes_served)) + ")\n";
                out += " <i>" + escape_html(ws.client) + " {" + request + "}</i> <i>(" + escape_html(ws.protocol) +
                       ")</i> <b>[" + escape_html(ws.vhost) + "]</b><br />\n\n";
                continue;
            }
            out += "<tr><td><b>" + srv + "</b></td><td>" + (dead ? std::string("-") : std::to_string(pid)) +
                   "</td><td>" + conn + "/" + std::to_string(ws.my_access_count) + "/" +
                   std::to_string(ws.access_count);
            out += mode_cell(ws.status);
            const float cpu = static_cast<float>(ws.cpu_user_ticks + ws.cpu_system_ticks) / tick;
            out += "\n</td><td>" + apr_f(cpu, 2) + "</td><td>" + since + "</td><td>" + std::to_string(req_time) +
                   "</td><td>" + dur;
            out += "</td><td>" + apr_f(static_cast<float>(ws.conn_bytes) / kKiloF, 1) + "</td><td>" +
                   apr_f(static_cast<float>(ws.my_bytes_served) / kMegaF, 2) + "</td><td>" +
                   apr_f(static_cast<float>(ws.bytes_served) / kMegaF, 2) + "\n";
            out += "</td><td>" + escape_html(ws.client) + "</td><td>" + escape_html(ws.protocol) +
                   "</td><td nowrap>" + escape_html(ws.vhost) + "</td><td nowrap>" + request + "</td></tr>\n\n";
        }
    }
    if (!no_table) {
        out += kLegend;
    }
    return out;
}

}  // namespace feather::mod::status
