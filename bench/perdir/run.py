#!/usr/bin/env python3
"""Feather vs apache2 (same MPM, same config) serving a file 8 directories deep, with and
without per-directory configuration on the way: a <Directory> section per level and
AllowOverride All with an .htaccess file at several levels.

Each server gets its own temp root with the same document tree, listens on a free 127.0.0.1
port, and is started in its own session and stopped by PID. Rounds are interleaved (every
server once per round) so that drift on the machine affects all of them alike; the table
reports medians and ratios. Then Feather runs the chain once more with LogLevel core:debug for
two durations: each child logs at exit how many merges it did and how many the memo spared, and
how many .htaccess files it parsed and reused; the merges and parses stay the same however many
requests are served (no merge work in steady state).

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
DEPTH = 8
LEVELS = ["l%d" % i for i in range(1, DEPTH + 1)]
HTACCESS_AT = [2, 4, 6, 8]  # levels with an .htaccess file in the chain variant


def target():
    return "/" + "/".join(LEVELS) + "/file.html"


def conf(root, port, mpm, chain, loglevel):
    load = [f"LoadModule mpm_{mpm}_module {MODULES}/mod_mpm_{mpm}.so",
            f"LoadModule authz_core_module {MODULES}/mod_authz_core.so",
            f"LoadModule mime_module {MODULES}/mod_mime.so",
            f"LoadModule dir_module {MODULES}/mod_dir.so"]
    tuning = {
        "prefork": "StartServers 8\nMinSpareServers 8\nMaxSpareServers 64\nMaxRequestWorkers 128\n",
        "worker": "StartServers 2\nThreadsPerChild 32\nMinSpareThreads 32\nMaxSpareThreads 128\n"
                  "MaxRequestWorkers 128\nServerLimit 4\nThreadLimit 32\n",
    }[mpm]
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    text = "\n".join(load) + f"""
ServerRoot {root}
Listen 127.0.0.1:{port}
ServerName localhost
{user}PidFile {root}/logs/httpd.pid
ErrorLog {root}/logs/error_log
LogLevel {loglevel}
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 5
{tuning}TypesConfig /etc/mime.types
DocumentRoot {root}/htdocs
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
"""
    if chain:
        path = f"{root}/htdocs"
        for i, lvl in enumerate(LEVELS, 1):
            path += "/" + lvl
            text += f"""<Directory {path}>
    AllowOverride All
    Options +FollowSymLinks{' -Indexes' if i % 2 else ''}
    AddType text/html .html
</Directory>
"""
    return text


def htaccess(level):
    return (f"# level {level}\nAddType text/html .html\nRequire all granted\n"
            "Options +FollowSymLinks\nDirectoryIndex index.html\n")


class Server:
    def __init__(self, kind, mpm, chain, feather, workdir, size, loglevel="warn"):
        self.name = f"{kind}-{mpm}-{'chain' if chain else 'flat'}"
        self.root = tempfile.mkdtemp(prefix=self.name + "-", dir=workdir)
        os.chmod(self.root, 0o755)
        for d in ("logs", "htdocs"):
            os.makedirs(os.path.join(self.root, d))
        path = os.path.join(self.root, "htdocs")
        for i, lvl in enumerate(LEVELS, 1):
            path = os.path.join(path, lvl)
            os.makedirs(path)
            if chain and i in HTACCESS_AT:
                with open(os.path.join(path, ".htaccess"), "w") as f:
                    f.write(htaccess(i))
        with open(os.path.join(path, "file.html"), "wb") as f:
            f.write((b"<p>feather bench</p>\n" * (size // 21 + 1))[:size])
        for dirpath, dirs, files in os.walk(self.root):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
            for n in files:
                os.chmod(os.path.join(dirpath, n), 0o644)
        self.port = free_port()
        self.conf = os.path.join(self.root, "httpd.conf")
        with open(self.conf, "w") as f:
            f.write(conf(self.root, self.port, mpm, chain, loglevel))
        binary = feather if kind == "feather" else "apache2"
        self.argv = [binary, "-d", self.root, "-f", self.conf, "-DFOREGROUND"]
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


def wrk(port, seconds, connections, threads):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
           f"http://127.0.0.1:{port}{target()}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"    warning: {errors.group(1)} non-2xx responses", file=sys.stderr)
    return (float(m.group(1)) if m else 0.0), (int(total.group(1)) if total else 0)


COUNTS = re.compile(r"per-directory config: (\d+) merges, (\d+) memo hits, (\d+) \.htaccess "
                    r"parses, (\d+) \.htaccess reuses")


def memo_counts(server):
    """The children's exit lines, summed: [merges, hits, parses, reuses], and how many."""
    sums = [0, 0, 0, 0]
    children = 0
    with open(os.path.join(server.root, "logs", "error_log")) as f:
        for line in f:
            m = COUNTS.search(line)
            if m:
                children += 1
                sums = [a + int(b) for a, b in zip(sums, m.groups())]
    return sums, children


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--mpm", default="worker", choices=["worker", "prefork"])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--size", type=int, default=1024)
    opts = ap.parse_args()
    feather = os.path.abspath(opts.feather)
    workdir = tempfile.mkdtemp(prefix="feather-bench-perdir-")
    os.chmod(workdir, 0o755)  # the children run as nobody when started as root
    servers = [Server(kind, opts.mpm, chain, feather, workdir, opts.size)
               for chain in (False, True) for kind in ("feather", "apache")]
    results = {s.name: [] for s in servers}
    counted = []
    try:
        for rnd in range(opts.rounds):
            for s in servers:
                s.start()
                rps, _ = wrk(s.port, opts.seconds, opts.connections, opts.threads)
                s.stop()
                results[s.name].append(rps)
                print(f"round {rnd + 1} {s.name:24s} {rps:10.0f} req/s", flush=True)
        for seconds in (1, opts.seconds):
            s = Server("feather", opts.mpm, True, feather, workdir, opts.size,
                       loglevel="warn core:debug")
            s.start()
            _, total = wrk(s.port, seconds, opts.connections, opts.threads)
            s.stop()
            counts, children = memo_counts(s)
            counted.append((seconds, total, counts, children))
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    medians = {n: statistics.median(v) for n, v in results.items()}
    print(f"\nGET {target()} ({opts.size} bytes), {opts.mpm} MPM, keep-alive, wrk -c "
          f"{opts.connections} -t {opts.threads}, {opts.rounds} rounds of {opts.seconds}s "
          f"(median)")
    print(f"{'server':24s} {'req/s':>10s} {'vs apache':>10s} {'chain/flat':>11s}")
    for n, m in medians.items():
        kind, mpm, variant = n.split("-")
        apache = medians[f"apache-{mpm}-{variant}"]
        flat = medians[f"{kind}-{mpm}-flat"]
        print(f"{n:24s} {m:10.0f} {m / apache:9.2f}x {m / flat:10.2f}x")
    print("\nFeather's per-directory work with the chain (children's exit lines, summed):")
    print(f"{'run':>6s} {'requests':>10s} {'merges':>8s} {'memo hits':>10s} {'parses':>8s} "
          f"{'reuses':>9s} {'children':>9s}")
    for seconds, total, (merges, hits, parses, reuses), children in counted:
        print(f"{seconds:5d}s {total:10d} {merges:8d} {hits:10d} {parses:8d} {reuses:9d} "
              f"{children:9d}")


if __name__ == "__main__":
    main()
