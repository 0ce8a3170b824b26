#!/usr/bin/env python3
"""Real clients of mod_status and mod_log_config pointed at feather.

Run by ctest as `test_status_clients.py --feather PATH`:

  * Debian's prometheus-apache-exporter scrapes feather's server-status?auto
    (prefork, then worker): its /metrics must report apache_up 1 and the
    worker, scoreboard, accesses and uptime metrics with feather's values;
  * goaccess parses feather's access log in the combined format: every line
    valid, none failed.

Both programs come from scripts/install-deps; the test fails (never skips)
when one is missing. Everything runs on loopback ports in temp dirs; every
process started here is stopped by its PID.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

MODDIR = "/usr/lib/apache2/modules"
EXPORTER = "prometheus-apache-exporter"
GOACCESS = "goaccess"
TIMEOUT = 15.0

CONFIG = """\
LoadModule mpm_{mpm}_module {moddir}/mod_mpm_{mpm}.so
LoadModule authz_core_module {moddir}/mod_authz_core.so
LoadModule status_module {moddir}/mod_status.so
Listen 127.0.0.1:{port}
ServerName localhost
User nobody
Group nogroup
PidFile {root}/logs/httpd.pid
ErrorLog {root}/logs/error_log
DocumentRoot {root}/htdocs
StartServers 2
<Directory {root}/htdocs>
    Require all granted
</Directory>
<Location /server-status>
    SetHandler server-status
</Location>
LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{{Referer}}i\\" \\"%{{User-Agent}}i\\"" combined
CustomLog {root}/logs/access_log combined
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc):
    until = time.monotonic() + TIMEOUT
    while time.monotonic() < until:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def stop(proc):
    if proc is None or proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def fetch(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode("latin-1")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("latin-1")


def start_feather(binary, mpm, root):
    port = free_port()
    for d in ("logs", "htdocs"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    with open(os.path.join(root, "htdocs", "index.html"), "w") as f:
        f.write("hello\n")
    for dirpath, _, files in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in files:
            os.chmod(os.path.join(dirpath, name), 0o644)
    with open(os.path.join(root, "httpd.conf"), "w") as f:
        f.write(CONFIG.format(mpm=mpm, moddir=MODDIR, port=port, root=root))
    out = open(os.path.join(root, "stderr.txt"), "w")
    proc = subprocess.Popen([binary, "-d", root, "-f", os.path.join(root, "httpd.conf"), "-DFOREGROUND"],
                            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)
    if not wait_port(port, proc):
        stop(proc)
        raise RuntimeError("feather did not start: " + open(os.path.join(root, "stderr.txt")).read())
    return proc, port


def metric(text, name, labels=""):
    m = re.search(r"^%s%s ([0-9.e+-]+)$" % (re.escape(name), re.escape(labels)), text, re.M)
    return float(m.group(1)) if m else None


def check_exporter(binary, mpm, report):
    failures = 0
    root = tempfile.mkdtemp(prefix="feather-exporter-")
    server = exporter = None
    try:
        server, port = start_feather(binary, mpm, root)
        for i in range(7):
            fetch("http://127.0.0.1:%d/index.html?n=%d" % (port, i))
        time.sleep(1.1)  # an uptime of at least a second
        eport = free_port()
        exporter = subprocess.Popen(
            [shutil.which(EXPORTER), "--scrape_uri=http://127.0.0.1:%d/server-status?auto" % port,
             "--telemetry.address=127.0.0.1:%d" % eport],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.path.join(root, "exporter.txt"), "w"),
            start_new_session=True)
        if not wait_port(eport, exporter):
            report("FAIL exporter (%s): did not start: %s" % (mpm, open(os.path.join(root, "exporter.txt")).read()))
            return 1
        status, text = fetch("http://127.0.0.1:%d/metrics" % eport)
        checks = [
            ("apache_up", "", lambda v: v == 1),
            ("apache_accesses_total", "", lambda v: v == 7),
            ("apache_uptime_seconds_total", "", lambda v: v >= 1),
            ("apache_workers", '{state="busy"}', lambda v: v == 1),
            ("apache_workers", '{state="idle"}', lambda v: v >= 1),
            ("apache_scoreboard", '{state="idle"}', lambda v: v >= 1),
            ("apache_scoreboard", '{state="reply"}', lambda v: v == 1),
            ("apache_scoreboard", '{state="open_slot"}', lambda v: v >= 1),
            ("apache_sent_kilobytes_total", "", lambda v: v >= 0),
            ("apache_cpuload", "", lambda v: v >= 0),
            ("apache_duration_ms_total", "", lambda v: v >= 0),
        ]
        if status != 200:
            report("FAIL exporter (%s): /metrics answered %d" % (mpm, status))
            return 1
        for name, labels, ok in checks:
            value = metric(text, name, labels)
            if value is None or not ok(value):
                failures += 1
                report("FAIL exporter (%s): %s%s = %r" % (mpm, name, labels, value))
        version = re.search(r'^apache_info\{.*version="([^"]*)"', text, re.M)
        if not version or "Apache/2.4" not in version.group(1):
            failures += 1
            report("FAIL exporter (%s): apache_info version: %r" % (mpm, version and version.group(0)))
        if failures == 0:
            report("ok   exporter (%s): apache_up 1, %d accesses, workers and scoreboard reported" % (
                mpm, metric(text, "apache_accesses_total")))
    finally:
        stop(exporter)
        stop(server)
        shutil.rmtree(root, ignore_errors=True)
    return failures


def check_goaccess(binary, report):
    root = tempfile.mkdtemp(prefix="feather-goaccess-")
    server = None
    try:
        server, port = start_feather(binary, "prefork", root)
        sent = 0
        agents = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0", "curl/7.88.1", "compat \"quoted\" agent"]
        for i in range(30):
            path = ["/index.html", "/missing-%d" % i, "/index.html?q=%d&x=y" % i][i % 3]
            fetch("http://127.0.0.1:%d%s" % (port, path),
                  {"User-Agent": agents[i % 3], "Referer": "http://example.com/p%d" % i})
            sent += 1
        stop(server)
        server = None
        log = os.path.join(root, "logs", "access_log")
        out = os.path.join(root, "report.json")
        p = subprocess.run([shutil.which(GOACCESS), log, "--log-format=COMBINED", "--no-global-config",
                            "-o", out], capture_output=True, text=True, timeout=60,
                           env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "HOME": root})
        if p.returncode != 0:
            report("FAIL goaccess: exit %d: %s" % (p.returncode, p.stderr))
            return 1
        with open(out) as f:
            general = json.load(f)["general"]
        valid, failed = general.get("valid_requests"), general.get("failed_requests")
        if valid != sent or failed != 0:
            report("FAIL goaccess: %r valid, %r failed of %d lines" % (valid, failed, sent))
            return 1
        report("ok   goaccess: %d valid, 0 failed" % valid)
        return 0
    finally:
        stop(server)
        shutil.rmtree(root, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feather", required=True)
    args = ap.parse_args()
    missing = [p for p in (EXPORTER, GOACCESS) if shutil.which(p) is None]
    if missing:
        print("FAIL: %s not installed (scripts/install-deps installs them)" % ", ".join(missing))
        return 1
    results = [check_exporter(args.feather, "prefork", print), check_exporter(args.feather, "worker", print),
               check_goaccess(args.feather, print)]
    failed = sum(1 for r in results if r)
    print("status clients: %d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
