#!/usr/bin/env python3
"""Feather vs apache2 (prefork, worker, event) and nginx serving one static file.

Each server gets its own temp root with the same document tree, listens on a
free 127.0.0.1 port, and is started in its own session and stopped by PID.
Rounds are interleaved (every server once per round) so that drift on the
machine affects all of them alike; the table reports medians and ratios.
Optionally counts system calls per request with strace (-c -f over a fixed
number of requests, minus an idle run to remove startup and shutdown).

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


def apache_conf(root, port, mpm, feather):
    load = [f"LoadModule mpm_{mpm}_module {MODULES}/mod_mpm_{mpm}.so",
            f"LoadModule authz_core_module {MODULES}/mod_authz_core.so",
            f"LoadModule mime_module {MODULES}/mod_mime.so",
            f"LoadModule dir_module {MODULES}/mod_dir.so"]
    tuning = {
        "prefork": "StartServers 8\nMinSpareServers 8\nMaxSpareServers 64\nMaxRequestWorkers 128\n",
        "worker": "StartServers 2\nThreadsPerChild 32\nMinSpareThreads 32\nMaxSpareThreads 128\n"
                  "MaxRequestWorkers 128\nServerLimit 4\nThreadLimit 32\n",
        "event": "StartServers 2\nThreadsPerChild 32\nMinSpareThreads 32\nMaxSpareThreads 128\n"
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
DocumentRoot {root}/htdocs
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {root}/htdocs>
    Options FollowSymLinks
    Require all granted
</Directory>
"""


def nginx_conf(root, port):
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    return f"""{user}daemon off;
worker_processes 2;
pid {root}/logs/nginx.pid;
error_log {root}/logs/error_log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root}/htdocs;
    }}
}}
"""


class Server:
    def __init__(self, name, feather, workdir, size):
        self.name = name
        self.root = tempfile.mkdtemp(prefix=name + "-", dir=workdir)
        os.chmod(self.root, 0o755)
        for d in ("logs", "htdocs", "tmp"):
            os.makedirs(os.path.join(self.root, d))
        with open(os.path.join(self.root, "htdocs", "file.html"), "wb") as f:
            f.write((b"<p>feather bench</p>\n" * (size // 21 + 1))[:size])
        self.port = free_port()
        kind, _, mpm = name.partition("-")
        if kind == "nginx":
            conf = os.path.join(self.root, "nginx.conf")
            with open(conf, "w") as f:
                f.write(nginx_conf(self.root, self.port))
            self.argv = ["nginx", "-c", conf, "-p", self.root]
        else:
            conf = os.path.join(self.root, "httpd.conf")
            with open(conf, "w") as f:
                f.write(apache_conf(self.root, self.port, mpm, kind == "feather"))
            binary = feather if kind == "feather" else "apache2"
            self.argv = [binary, "-d", self.root, "-f", conf, "-DFOREGROUND"]
        self.proc = None
        self.traced = False

    def start(self, prefix=()):
        self.traced = bool(prefix)
        self.proc = subprocess.Popen(list(prefix) + self.argv, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_ready(self.port):
            self.stop()
            log = os.path.join(self.root, "logs", "error_log")
            tail = open(log).read()[-2000:] if os.path.exists(log) else ""
            raise RuntimeError(f"{self.name} did not start\n{tail}")
        time.sleep(0.5)  # let the spare children come up

    def server_pid(self):
        """The server's master: under strace the process we started is strace,
        which would detach and leave the server running if signalled itself."""
        if not self.traced:
            return self.proc.pid
        name = "nginx.pid" if self.name.startswith("nginx") else "httpd.pid"
        try:
            with open(os.path.join(self.root, "logs", name)) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return self.proc.pid

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.kill(self.server_pid(), signal.SIGTERM if not self.name.startswith("nginx") else signal.SIGQUIT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.proc = None


def wrk(port, seconds, connections, threads, keepalive):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
           f"http://127.0.0.1:{port}/file.html"]
    if not keepalive:
        cmd[1:1] = ["-H", "Connection: close"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"    warning: {errors.group(1)} non-2xx responses", file=sys.stderr)
    return float(m.group(1)) if m else 0.0


def requests(port, n, keepalive):
    """n GETs, over one connection (keep-alive) or one each; returns when all answered."""
    req = b"GET /file.html HTTP/1.1\r\nHost: localhost\r\n" + (b"" if keepalive else b"Connection: close\r\n") + b"\r\n"
    sock = None
    for _ in range(n):
        if sock is None:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(req)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        while len(body) < length:
            body += sock.recv(65536)
        if not keepalive:
            sock.close()
            sock = None
    if sock:
        sock.close()


def syscalls(server, n, keepalive):
    """System calls per request: strace -c -f over n requests minus an idle run."""
    totals = []
    for count in (0, n):
        out = os.path.join(server.root, f"strace-{count}.txt")
        server.start(["strace", "-f", "-c", "-o", out])
        if count:
            requests(server.port, count, keepalive)
        time.sleep(0.2)
        server.stop()
        text = open(out).read()
        m = re.search(r"^\s*100\.00\s+[\d.]+\s+\d+\s+(\d+)\s+(\d+)?\s*total", text, re.M)
        totals.append(int(m.group(1)) if m else 0)
    return (totals[1] - totals[0]) / n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--servers", default="feather-prefork,feather-worker,apache-prefork,apache-worker,"
                                         "apache-event,nginx")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--size", type=int, default=6 * 1024)
    ap.add_argument("--no-keepalive", action="store_true")
    ap.add_argument("--strace", type=int, default=0, help="also count syscalls over N requests")
    opts = ap.parse_args()
    keepalive = not opts.no_keepalive
    workdir = tempfile.mkdtemp(prefix="feather-bench-")
    os.chmod(workdir, 0o755)  # the servers' children run as nobody and must reach their roots
    servers = [Server(n, os.path.abspath(opts.feather), workdir, opts.size) for n in opts.servers.split(",")]
    results = {s.name: [] for s in servers}
    try:
        for rnd in range(opts.rounds):
            for s in servers:
                s.start()
                rps = wrk(s.port, opts.seconds, opts.connections, opts.threads, keepalive)
                s.stop()
                results[s.name].append(rps)
                print(f"round {rnd + 1} {s.name:16s} {rps:10.0f} req/s", flush=True)
        calls = {}
        if opts.strace:
            for s in servers:
                calls[s.name] = syscalls(s, opts.strace, keepalive)
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    medians = {n: statistics.median(v) for n, v in results.items()}
    apache = [medians[n] for n in medians if n.startswith("apache")]
    best_apache = max(apache) if apache else None
    print(f"\n{opts.size} byte file, {'keep-alive' if keepalive else 'a connection per request'}, "
          f"wrk -c {opts.connections} -t {opts.threads}, {opts.rounds} rounds of {opts.seconds}s (median)")
    print(f"{'server':16s} {'req/s':>10s} {'vs best apache':>15s}" + (f" {'syscalls/req':>13s}" if calls else ""))
    for n, m in medians.items():
        ratio = f"{m / best_apache:.2f}x" if best_apache else "-"
        extra = f" {calls[n]:13.1f}" if n in calls else ""
        print(f"{n:16s} {m:10.0f} {ratio:>15s}{extra}")


if __name__ == "__main__":
    main()
