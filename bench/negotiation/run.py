#!/usr/bin/env python3
"""Feather vs apache2 on content negotiation: requests/second for a directory served through
"DirectoryIndex index" with MultiViews (index.html.en, .fr, .de negotiated per request), the same
directory with an explicit "DirectoryIndex index.html", and a type map (index.var).

Both servers get the same configuration (prefork by default) in their own temp root, listen on a
free 127.0.0.1 port, are started in their own session and stopped by PID. Rounds are interleaved
(every server and case once per round) so that drift on the machine affects all alike; the table
reports medians and the feather/apache2 ratio per case.

This is a measurement, not a test: nothing here asserts a speed.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from loopback import free_port, wait_ready  # noqa: E402

MODULES = "/usr/lib/apache2/modules"

# (case name, URL path, extra wrk header)
CASES = [
    ("multiviews-index", "/mv/", "Accept-Language: fr"),
    ("explicit-index", "/plain/", "Accept-Language: fr"),
    ("type-map", "/map/index.var", "Accept-Language: fr"),
]


def conf_text(root, port, mpm):
    load = [f"LoadModule mpm_{mpm}_module {MODULES}/mod_mpm_{mpm}.so",
            f"LoadModule authz_core_module {MODULES}/mod_authz_core.so",
            f"LoadModule mime_module {MODULES}/mod_mime.so",
            f"LoadModule dir_module {MODULES}/mod_dir.so",
            f"LoadModule negotiation_module {MODULES}/mod_negotiation.so"]
    tuning = {
        "prefork": "StartServers 8\nMinSpareServers 8\nMaxSpareServers 64\nMaxRequestWorkers 128\n",
        "worker": "StartServers 2\nThreadsPerChild 32\nMinSpareThreads 32\nMaxSpareThreads 128\n"
                  "MaxRequestWorkers 128\nServerLimit 4\nThreadLimit 32\n",
    }[mpm]
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    return "\n".join(load) + f"""
ServerRoot {root}
Listen 127.0.0.1:{port}
ServerName localhost
{user}PidFile {root}/logs/httpd.pid
ErrorLog {root}/logs/error_log
LogLevel warn
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 5
{tuning}TypesConfig /etc/mime.types
AddLanguage en .en
AddLanguage fr .fr
AddLanguage de .de
AddHandler type-map .var
DocumentRoot {root}/htdocs
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {root}/htdocs>
    Options FollowSymLinks MultiViews
    Require all granted
</Directory>
<Directory {root}/htdocs/mv>
    DirectoryIndex index
</Directory>
<Directory {root}/htdocs/plain>
    DirectoryIndex index.html
</Directory>
"""


class Server:
    def __init__(self, kind, feather, workdir, mpm, size):
        self.name = f"{kind}-{mpm}"
        self.root = tempfile.mkdtemp(prefix=self.name + "-", dir=workdir)
        os.chmod(self.root, 0o755)
        for d in ("logs", "htdocs/mv", "htdocs/plain", "htdocs/map"):
            os.makedirs(os.path.join(self.root, d))
        body = (b"<p>feather negotiation bench</p>\n" * (size // 33 + 1))[:size]
        for lang in ("en", "fr", "de"):
            # a directory of a typical size: the variants plus unrelated files
            for d in ("mv", "map"):
                with open(os.path.join(self.root, "htdocs", d, f"index.html.{lang}"), "wb") as f:
                    f.write(body)
        for i in range(20):
            with open(os.path.join(self.root, "htdocs", "mv", f"other{i}.html"), "wb") as f:
                f.write(body)
        with open(os.path.join(self.root, "htdocs", "plain", "index.html"), "wb") as f:
            f.write(body)
        with open(os.path.join(self.root, "htdocs", "map", "index.var"), "w") as f:
            for lang in ("en", "fr", "de"):
                f.write(f"URI: index.html.{lang}\nContent-Type: text/html\nContent-Language: {lang}\n\n")
        self.port = free_port()
        conf = os.path.join(self.root, "httpd.conf")
        with open(conf, "w") as f:
            f.write(conf_text(self.root, self.port, mpm))
        binary = feather if kind == "feather" else "apache2"
        self.argv = [binary, "-d", self.root, "-f", conf, "-DFOREGROUND"]
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.argv, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_ready(self.port):
            self.stop()
            raise RuntimeError(f"{self.name} did not start")
        time.sleep(0.5)  # let the spare children come up

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.proc = None


def check(port, path, header):
    """One request: the case must answer 200 (else the numbers mean nothing)."""
    req = f"GET {path} HTTP/1.1\r\nHost: localhost\r\n{header}\r\nConnection: close\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(req)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    status = data.split(b"\r\n", 1)[0]
    if b" 200 " not in status:
        raise RuntimeError(f"{path} answered {status!r}")


def wrk(port, path, header, seconds, connections, threads):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
           "-H", header, f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"    warning: {errors.group(1)} non-2xx responses", file=sys.stderr)
    return float(m.group(1)) if m else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--mpm", default="prefork", choices=["prefork", "worker"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--size", type=int, default=2048)
    opts = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="feather-bench-neg-")
    os.chmod(workdir, 0o755)  # the children run as nobody when started as root
    servers = [Server(k, os.path.abspath(opts.feather), workdir, opts.mpm, opts.size)
               for k in ("feather", "apache")]
    results = {(s.name, c[0]): [] for s in servers for c in CASES}
    try:
        for rnd in range(opts.rounds):
            for s in servers:
                s.start()
                try:
                    for case, path, header in CASES:
                        check(s.port, path, header)
                        rps = wrk(s.port, path, header, opts.seconds, opts.connections, opts.threads)
                        results[(s.name, case)].append(rps)
                        print(f"round {rnd + 1} {s.name:16s} {case:18s} {rps:10.0f} req/s", flush=True)
                finally:
                    s.stop()
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"\n{opts.size} byte variants, keep-alive, wrk -c {opts.connections} -t {opts.threads}, "
          f"{opts.rounds} rounds of {opts.seconds}s (median), {opts.mpm}")
    print(f"{'case':18s} {'feather':>10s} {'apache2':>10s} {'ratio':>7s}")
    for case, _, _ in CASES:
        f = statistics.median(results[(f"feather-{opts.mpm}", case)])
        a = statistics.median(results[(f"apache-{opts.mpm}", case)])
        ratio = f"{f / a:.2f}x" if a else "-"
        print(f"{case:18s} {f:10.0f} {a:10.0f} {ratio:>7s}")


if __name__ == "__main__":
    main()
