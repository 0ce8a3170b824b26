#!/usr/bin/env python3
"""mod_log_config and mod_status against the real apache2: same configuration, same requests.

Run by ctest as `test_logs_status.py --feather PATH`. For each setup (prefork
with ExtendedStatus On, worker with ExtendedStatus On, prefork with
ExtendedStatus Off) it starts apache2 and feather on free loopback ports (each
in its own temp ServerRoot, in the foreground, in a new session, stopped by
PID), sends both the same requests and compares

  * the access log: a LogFormat using every item httpd 2.4 has (mod_log_config's
    and mod_logio's %I %O %S %^FB), one field per item; the lines must be
    identical except the fields whose values move (times, durations, pid/tid,
    the client's port, the ServerRoot in %f, and the sizes of the
    server-status responses, whose text names each server);
  * server-status?auto: the same keys in the same order, every value in the
    format httpd prints it (APR's %g: ".5", not "0.5"), and equal where the
    value does not move (MPM, generations, accesses, busy/graceful workers,
    scoreboard length);
  * the server-status HTML page, with numbers and the version lines masked.

Known differences: feather's master does not record its own CPU times (and
so none of its reaped children's), so CPULoad may be missing from feather's
?auto when its children used under one clock tick; Server Version and Server
Built name feather.
Exits 1 on any difference or when apache2 is missing.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

MODDIR = "/usr/lib/apache2/modules"
START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
IO_TIMEOUT = 10.0

# (name, format item, how the two values are compared): "same", or a
# normaliser for values that move.
ITEMS = [
    ("a", "%a", "same"), ("c-a", "%{c}a", "same"), ("A", "%A", "same"),
    ("B", "%B", "size"), ("b", "%b", "size"), ("C-sess", "%{sess}C", "same"),
    ("C-none", "%{none}C", "same"), ("D", "%D", "number"), ("e", "%{FEATHER_UNSET}e", "same"),
    ("f", "%f", "root"), ("h", "%h", "same"), ("c-h", "%{c}h", "same"), ("H", "%H", "same"),
    ("i-ref", "%{Referer}i", "same"), ("i-ua", "%{User-Agent}i", "same"),
    ("i-none", "%{X-Missing}i", "same"), ("k", "%k", "same"), ("l", "%l", "same"),
    ("L", "%L", "same"), ("m", "%m", "same"), ("n", "%{no-such-note}n", "same"),
    ("o-ct", "%{Content-Type}o", "same"), ("o-loc", "%{Location}o", "same"),
    ("p", "%p", "same"), ("p-canon", "%{canonical}p", "same"), ("p-local", "%{local}p", "port"),
    ("p-remote", "%{remote}p", "number"), ("P", "%P", "number"), ("P-pid", "%{pid}P", "number"),
    ("P-tid", "%{tid}P", "number"), ("P-hex", "%{hextid}P", "hex"), ("q", "%q", "same"),
    ("r", "%r", "same"), ("R", "%R", "same"), ("s", "%s", "same"), ("s-orig", "%<s", "same"),
    ("s-final", "%>s", "same"), ("t", "%t", "clf-time"), ("t-fmt", "%{%Y-%m-%d %H}t", "time"),
    ("t-sec", "%{sec}t", "number"), ("t-msec", "%{msec}t", "number"), ("t-usec", "%{usec}t", "number"),
    ("t-mfrac", "%{msec_frac}t", "number"), ("t-ufrac", "%{usec_frac}t", "number"),
    ("t-begin", "%{begin:%M}t", "number"), ("t-end", "%{end:sec}t", "number"),
    ("T", "%T", "number"), ("T-ms", "%{ms}T", "number"), ("T-us", "%{us}T", "number"),
    ("u", "%u", "same"), ("U", "%U", "same"), ("v", "%v", "same"), ("V", "%V", "same"),
    ("X", "%X", "same"), ("ti", "%{X-Trailer}^ti", "same"), ("to", "%{X-Trailer}^to", "same"),
    ("I", "%I", "same"), ("O", "%O", "size"), ("S", "%S", "size"), ("FB", "%^FB", "same"),
    ("cond", "%404{User-Agent}i", "same"), ("not-cond", "%!200{User-Agent}i", "same"),
    ("literal", "%% \\\"q\\\"", "same"),
]
LOG_FORMAT = "\\t".join(item for _, item, _ in ITEMS)

HEAD = """\
LoadModule mpm_{mpm}_module {moddir}/mod_mpm_{mpm}.so
LoadModule authz_core_module {moddir}/mod_authz_core.so
LoadModule status_module {moddir}/mod_status.so
LoadModule mime_module {moddir}/mod_mime.so
LoadModule dir_module {moddir}/mod_dir.so
Listen 127.0.0.1:@PORT@
ServerName localhost
ServerTokens Prod
User nobody
Group nogroup
DefaultRuntimeDir @ROOT@/run
PidFile @ROOT@/run/httpd.pid
ErrorLog @ROOT@/logs/error_log
TypesConfig /etc/mime.types
FileETag None
DocumentRoot @ROOT@/htdocs
<Directory @ROOT@/htdocs>
    Require all granted
</Directory>
<Location /server-status>
    SetHandler server-status
</Location>
LogFormat "{fmt}" every
CustomLog @ROOT@/logs/access_log every
{extra}
"""

PREFORK = "MaxRequestWorkers 1\nStartServers 1\nMinSpareServers 1\nMaxSpareServers 1\n"
WORKER = ("ServerLimit 1\nStartServers 1\nThreadsPerChild 4\nMaxRequestWorkers 4\n"
          "MinSpareThreads 1\nMaxSpareThreads 4\n")
SETUPS = [
    ("prefork-extended", "prefork", PREFORK + "ExtendedStatus On\n"),
    ("worker-extended", "worker", WORKER + "ExtendedStatus On\n"),
    ("prefork-plain", "prefork", PREFORK + "ExtendedStatus Off\n"),
]

# Raw requests; a list of several is sent on one connection.
H = "Host: localhost\r\n"
REQUESTS = [
    ["GET /index.html HTTP/1.1\r\n" + H + "Referer: http://example.com/from\r\nUser-Agent: compat/1.0\r\n"
     "Cookie: a=1; sess=xyz\r\nConnection: close\r\n\r\n"],
    ["GET /missing.html HTTP/1.1\r\n" + H + "User-Agent: compat/404\r\nConnection: close\r\n\r\n"],
    ["HEAD /index.html HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
    ["GET /index.html?q=1&x=%41 HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
    ["GET /sub HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
    ["GET /sub/ HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
    ["GET /index.html HTTP/1.1\r\n" + H + "\r\n",
     "GET /index.html HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
    ["POST /index.html HTTP/1.1\r\n" + H + "Content-Length: 3\r\nConnection: close\r\n\r\nabc"],
    ["GET /index.html HTTP/1.0\r\n\r\n"],
    ["GET / HTTP/1.1\r\nConnection: close\r\n\r\n"],
    ["GET /server-status?auto HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"],
]

G = r"-?(?:0|[1-9]\d*(?:\.\d+)?|\.\d+|\d\.\d*e[-+]\d+)"   # APR's %g
INT = r"\d+"
TIME = r"[A-Z][a-z]+day, \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d [A-Z]+"
AUTO_FORMATS = {
    "ServerVersion": r"Apache/2\.4\.\d+ \(.+\).*",
    "ServerMPM": r"prefork|worker",
    "Server Built": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d{4} \d\d:\d\d:\d\d",
    "CurrentTime": TIME, "RestartTime": TIME,
    "ParentServerConfigGeneration": INT, "ParentServerMPMGeneration": INT,
    "ServerUptimeSeconds": INT, "ServerUptime": r"(?:\d+ (?:day|hour|minute|second)s?(?: (?=\d)|$))*",
    "Load1": r"\d+\.\d\d", "Load5": r"\d+\.\d\d", "Load15": r"\d+\.\d\d",
    "Total Accesses": INT, "Total kBytes": INT, "Total Duration": INT,
    "CPUUser": G, "CPUSystem": G, "CPUChildrenUser": G, "CPUChildrenSystem": G, "CPULoad": G,
    "Uptime": INT, "ReqPerSec": G, "BytesPerSec": G, "BytesPerReq": G, "DurationPerReq": G,
    "BusyWorkers": INT, "GracefulWorkers": INT, "IdleWorkers": INT, "Scoreboard": r"[._SRWKDCLGI]+",
}
AUTO_EQUAL = ["ServerMPM", "ParentServerConfigGeneration", "ParentServerMPMGeneration", "Total Accesses",
              "BusyWorkers", "GracefulWorkers"]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, label, binary):
        self.label = label
        self.binary = binary
        self.root = tempfile.mkdtemp(prefix="feather-logs-%s-" % label)
        self.port = free_port()
        self.proc = None

    def prepare(self, text):
        os.chmod(self.root, 0o755)
        for d in ("logs", "run", "htdocs/sub"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        for rel, body in (("index.html", "hello from a page\n"), ("sub/index.html", "sub index\n")):
            with open(os.path.join(self.root, "htdocs", rel), "w") as f:
                f.write(body)
        for dirpath, _, filenames in os.walk(self.root):
            os.chmod(dirpath, 0o755)
            for name in filenames:
                os.chmod(os.path.join(dirpath, name), 0o644)
        text = text.replace("@ROOT@", self.root).replace("@PORT@", str(self.port))
        with open(os.path.join(self.root, "httpd.conf"), "w") as f:
            f.write(text)

    def start(self):
        out = open(os.path.join(self.root, "stderr.txt"), "w")
        self.proc = subprocess.Popen(
            [self.binary, "-d", self.root, "-f", os.path.join(self.root, "httpd.conf"), "-DFOREGROUND"],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "TZ": "UTC"})
        until = time.monotonic() + START_TIMEOUT
        while time.monotonic() < until:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=STOP_TIMEOUT)

    def send(self, raws):
        """Sends the requests on one connection; returns what came back."""
        data = b""
        with socket.create_connection(("127.0.0.1", self.port), timeout=IO_TIMEOUT) as s:
            for raw in raws:
                s.sendall(raw.encode())
                if raw is not raws[-1]:
                    data += read_one_response(s)
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        return data

    def get(self, path):
        data = self.send(["GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % path])
        head, _, body = data.partition(b"\r\n\r\n")
        return head.decode("latin-1"), body.decode("latin-1")

    def text(self, rel):
        try:
            with open(os.path.join(self.root, rel), encoding="latin-1") as f:
                return f.read()
        except OSError:
            return ""

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def read_one_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    m = re.search(rb"\r\nContent-Length: (\d+)", head, re.I)
    length = int(m.group(1)) if m else 0
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return data


def normalise_field(kind, value, root, port, is_status_line):
    if kind == "same":
        return value
    if kind == "size":
        return "<size>" if is_status_line and re.fullmatch(r"\d+|-", value) else value
    if kind == "number":
        return "<n>" if re.fullmatch(r"-|\d+", value) else "BAD:" + value
    if kind == "hex":
        return "<hex>" if re.fullmatch(r"[0-9a-f]+", value) else "BAD:" + value
    if kind == "root":
        return value.replace(root, "{ROOT}")
    if kind == "port":
        return "<port>" if value == str(port) else value
    if kind == "clf-time":
        ok = re.fullmatch(r"\[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [-+]\d{4}\]", value)
        return "<clf>" if ok else "BAD:" + value
    if kind == "time":
        return "<time>" if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d", value) else "BAD:" + value
    return value


def log_records(server):
    records = []
    for line in server.text("logs/access_log").splitlines():
        fields = line.split("\t")
        if len(fields) != len(ITEMS):
            records.append(["UNSPLIT(%d) %s" % (len(fields), line)])
            continue
        status_line = "/server-status" in fields[[n for n, _, _ in ITEMS].index("r")]
        records.append(["%s=%s" % (name, normalise_field(kind, value, server.root, server.port, status_line))
                        for (name, _, kind), value in zip(ITEMS, fields)])
    return records


def keepalive_slack(a, f, follow_up):
    """apache2 now and then counts one byte more in %I (and so %S) for a
    request that follows another on the same connection (a speculative read
    while it looks for pipelined data is counted): there, and only there, a
    difference of one is let through."""
    if not follow_up:
        return a, f
    fa, ff = dict(x.split("=", 1) for x in a if "=" in x), dict(x.split("=", 1) for x in f if "=" in x)
    for key in ("I", "S"):
        if fa.get(key, "").isdigit() and ff.get(key, "").isdigit() and 0 <= int(fa[key]) - int(ff[key]) <= 1:
            a = [key + "=" + ff[key] if x.startswith(key + "=") else x for x in a]
    return a, f


def follow_up_lines():
    """Indices of access-log lines for requests that were not the first on
    their connection."""
    lines, index = set(), 0
    for raws in REQUESTS:
        for position in range(len(raws)):
            if position > 0:
                lines.add(index)
            index += 1
    return lines


def auto_pairs(body):
    lines = body.split("\n")
    pairs = []
    for line in lines[1:]:
        if line:
            key, _, value = line.partition(": ")
            pairs.append((key, value))
    return lines[0], pairs


def html_skeleton(body, threaded):
    out = []
    for line in body.split("\n"):
        if threaded and line.startswith("</dl><pre>"):
            # Worker threads take connections in no fixed order.
            line = "</dl><pre>" + "".join(sorted(line[len("</dl><pre>"):]))
        if re.search(r"<dt>(Server Version|Server Built|CPU Usage|Current Time|Restart Time|Server uptime|Server load)", line):
            out.append(line.split(":")[0] + ": <masked>")
            continue
        if line == "</dt></dl><hr /><dl>":
            out.append(line)
            continue
        line = re.sub(r"\d+(\.\d+)? (B|kB|MB|GB)", "<bytes>", line)
        line = re.sub(r"\.?\d+(\.\d*)?(e[-+]\d+)?", "#", line)
        out.append(line)
    return out


def compare_setup(name, mpm, extra, apache2, feather, keep, report):
    text = HEAD.format(mpm=mpm, moddir=MODDIR, fmt=LOG_FORMAT, extra=extra)
    servers = [Server("apache2-" + name, apache2), Server("feather-" + name, feather)]
    failures = 0
    try:
        for s in servers:
            s.prepare(text)
            if not s.start():
                report("FAIL %s: %s did not start:\n%s" % (name, s.label, s.text("stderr.txt")))
                return 1
        time.sleep(1.2)  # rates in ?auto need an uptime of a second
        for raws in REQUESTS:
            for s in servers:
                s.send(raws)
        auto = [s.get("/server-status?auto") for s in servers]
        page = [s.get("/server-status") for s in servers]
        for s in servers:
            s.stop()

        # Access log.
        a_log, f_log = (log_records(s) for s in servers)
        if len(a_log) != len(f_log):
            failures += 1
            report("FAIL %s: apache2 logged %d lines, feather %d" % (name, len(a_log), len(f_log)))
        follow_ups = follow_up_lines()
        for i, (a, f) in enumerate(zip(a_log, f_log)):
            a, f = keepalive_slack(a, f, i in follow_ups)
            if a != f:
                failures += 1
                diff = [(x, y) for x, y in zip(a, f) if x != y]
                report("FAIL %s: access log line %d differs: %s" % (name, i + 1, diff or (a, f)))

        # ?auto.
        (a_head, a_body), (f_head, f_body) = auto
        for head, label in ((a_head, "apache2"), (f_head, "feather")):
            if "Content-Type: text/plain; charset=ISO-8859-1" not in head:
                failures += 1
                report("FAIL %s: %s ?auto content type: %s" % (name, label, head))
        (a_name, a_pairs), (f_name, f_pairs) = auto_pairs(a_body), auto_pairs(f_body)
        a_keys = [k for k, _ in a_pairs if k != "CPULoad"]
        f_keys = [k for k, _ in f_pairs if k != "CPULoad"]
        if a_name != f_name or a_keys != f_keys:
            failures += 1
            report("FAIL %s: ?auto keys differ:\n  apache2 %s %s\n  feather %s %s" % (
                name, a_name, a_keys, f_name, f_keys))
        a_map, f_map = dict(a_pairs), dict(f_pairs)
        for label, pairs in (("apache2", a_pairs), ("feather", f_pairs)):
            for key, value in pairs:
                fmt = AUTO_FORMATS.get(key)
                if fmt is None or not re.fullmatch(fmt, value):
                    failures += 1
                    report("FAIL %s: %s ?auto %r has value %r" % (name, label, key, value))
        for key in AUTO_EQUAL:
            if a_map.get(key) != f_map.get(key):
                failures += 1
                report("FAIL %s: ?auto %s: apache2 %r, feather %r" % (name, key, a_map.get(key), f_map.get(key)))
        if len(a_map.get("Scoreboard", "")) != len(f_map.get("Scoreboard", "x")):
            failures += 1
            report("FAIL %s: scoreboard lengths differ: %r %r" % (name, a_map.get("Scoreboard"),
                                                                  f_map.get("Scoreboard")))

        # The HTML page, numbers masked. Worker threads take connections in
        # no fixed order: there only the part above the per-worker table is
        # compared.
        a_page, f_page = (html_skeleton(body, mpm == "worker") for _, body in page)
        if mpm == "worker":
            a_page = a_page[:next((i for i, l in enumerate(a_page) if l.startswith("<table")), len(a_page))]
            f_page = f_page[:next((i for i, l in enumerate(f_page) if l.startswith("<table")), len(f_page))]
        if a_page != f_page:
            failures += 1
            import difflib
            report("FAIL %s: server-status pages differ:\n%s" % (name, "\n".join(
                difflib.unified_diff(a_page, f_page, "apache2", "feather", lineterm="", n=1))))
        report("%s %s: %d log lines, %d ?auto keys" % ("ok  " if failures == 0 else "FAIL", name,
                                                        len(a_log), len(a_keys)))
    finally:
        for s in servers:
            s.stop()
            if keep:
                report("kept %s root: %s" % (s.label, s.root))
            else:
                s.cleanup()
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feather", required=True)
    ap.add_argument("--apache2", default=shutil.which("apache2") or "/usr/sbin/apache2")
    ap.add_argument("--keep", action="store_true", help="keep the temp roots")
    args = ap.parse_args()
    if not os.access(args.apache2, os.X_OK):
        print("FAIL: apache2 is not installed (scripts/install-deps installs it)")
        return 1
    failed = 0
    passed = 0
    for name, mpm, extra in SETUPS:
        n = compare_setup(name, mpm, extra, args.apache2, args.feather, args.keep, print)
        if n:
            failed += 1
        else:
            passed += 1
    print("logs/status compat: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
