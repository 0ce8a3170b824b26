#!/usr/bin/env python3
"""Accept serialization: feather prefork with several listeners, each Mutex mechanism.

Feather's default is no accept mutex: each child waits on every listener in
its own epoll set with EPOLLEXCLUSIVE, so the kernel wakes one child per
connection. httpd serializes accept() with a mutex whenever there is more
than one listener. This runs wrk against every listener at once for each
mechanism (interleaved rounds, medians) to show what the choice costs.

A measurement, not a test.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from loopback import free_port, wait_ready  # noqa: E402

# "default" is Feather's default (no lock, EPOLLEXCLUSIVE); httpd refuses
# "Mutex none mpm-accept", and its own default is pthread.
MECHANISMS = ["default", "pthread", "fcntl", "flock", "sysvsem", "posixsem"]


def run_one(feather, mechanism, listeners, seconds, connections, keepalive):
    root = tempfile.mkdtemp(prefix=f"accept-{mechanism}-")
    os.chmod(root, 0o755)
    for d in ("logs", "htdocs"):
        os.makedirs(os.path.join(root, d))
    with open(os.path.join(root, "htdocs", "f.html"), "w") as f:
        f.write("x" * 1024)
    ports = [free_port() for _ in range(listeners)]
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    conf = "\n".join([
        "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so",
        "LoadModule authz_core_module modules/mod_authz_core.so",
        *[f"Listen 127.0.0.1:{p}" for p in ports],
        "ServerName localhost", user,
        "StartServers 16", "MinSpareServers 16", "MaxSpareServers 32", "MaxRequestWorkers 64",
        f"Mutex {mechanism} mpm-accept",
        f"DocumentRoot {root}/htdocs",
        f"<Directory {root}/htdocs>", "Require all granted", "</Directory>",
        "ErrorLog logs/error_log", "PidFile logs/httpd.pid", ""])
    with open(os.path.join(root, "httpd.conf"), "w") as f:
        f.write(conf)
    proc = subprocess.Popen([feather, "-d", root, "-f", "httpd.conf", "-DFOREGROUND"],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not all(wait_ready(p) for p in ports):
            raise RuntimeError(f"feather with Mutex {mechanism} did not start")
        time.sleep(1)
        per = max(1, connections // listeners)
        wrks = []
        for p in ports:
            cmd = ["wrk", "-t", "1", "-c", str(per), "-d", f"{seconds}s", f"http://127.0.0.1:{p}/f.html"]
            if not keepalive:
                cmd[1:1] = ["-H", "Connection: close"]
            wrks.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True))
        total = 0.0
        for w in wrks:
            out, _ = w.communicate(timeout=seconds + 30)
            m = re.search(r"Requests/sec:\s+([\d.]+)", out)
            total += float(m.group(1)) if m else 0.0
        return total
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(root, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--listeners", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=48)
    ap.add_argument("--no-keepalive", action="store_true")
    opts = ap.parse_args()
    results = {m: [] for m in MECHANISMS}
    for rnd in range(opts.rounds):
        for m in MECHANISMS:
            rps = run_one(os.path.abspath(opts.feather), m, opts.listeners, opts.seconds, opts.connections,
                          not opts.no_keepalive)
            results[m].append(rps)
            print(f"round {rnd + 1} Mutex {m:9s} {rps:10.0f} req/s", flush=True)
    base = statistics.median(results["default"])
    print(f"\n{opts.listeners} listeners, {opts.connections} connections, "
          f"{'keep-alive' if not opts.no_keepalive else 'no keep-alive'}, median of {opts.rounds}; "
          f"ratios against the default (EPOLLEXCLUSIVE, no lock)")
    for m, v in results.items():
        med = statistics.median(v)
        print(f"Mutex {m:9s} {med:10.0f} req/s  {med / base:5.2f}x")


if __name__ == "__main__":
    main()
