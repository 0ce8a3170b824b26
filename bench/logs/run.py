#!/usr/bin/env python3
"""What the access log and ExtendedStatus cost: requests/second of one server
in several configurations, relative to its own baseline.

Variants (same MPM, same static file, keep-alive):
  nolog       no access log, mod_status not loaded (so no ExtendedStatus)
  log         CustomLog in the combined format, BufferedLogs Off
  log-buf     the same with BufferedLogs On
  ext-off     mod_status loaded, ExtendedStatus Off, no log
  ext-on      mod_status loaded, ExtendedStatus On, no log

Uses bench/http/run.py's approach: wrk on loopback, every variant once per
round (interleaved, so machine drift hits all alike), medians. On a shared,
busy machine throughput swings from round to round, so two steadier figures
are printed too: the median of the per-round ratios (the two variants ran
seconds apart) and the server's CPU time per request (user + system time
of the master and its children, read from /proc, over wrk's request count).
With
--servers feather,apache the same variants run on apache2 too, for its own
ratios. A measurement, not a test: nothing here asserts a speed.
"""
import argparse
import importlib.util
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("bench_http", os.path.join(HERE, "..", "http", "run.py"))
bench_http = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_http)

MODULES = "/usr/lib/apache2/modules"
VARIANTS = {
    "nolog": (False, "", ""),
    "log": (False, "", "CustomLog {root}/logs/access_log combined\n"),
    "log-buf": (False, "", "BufferedLogs On\nCustomLog {root}/logs/access_log combined\n"),
    "ext-off": (True, "ExtendedStatus Off\n", ""),
    "ext-on": (True, "ExtendedStatus On\n", ""),
}
RATIOS = [("log", "nolog"), ("log-buf", "nolog"), ("ext-on", "ext-off")]


def config(root, port, mpm, variant):
    status, ext, log = VARIANTS[variant]
    tuning = {
        "prefork": "StartServers 8\nMinSpareServers 8\nMaxSpareServers 64\nMaxRequestWorkers 128\n",
        "worker": "StartServers 2\nThreadsPerChild 32\nMinSpareThreads 32\nMaxSpareThreads 128\n"
                  "MaxRequestWorkers 128\nServerLimit 4\nThreadLimit 32\n",
    }[mpm]
    load = [f"LoadModule mpm_{mpm}_module {MODULES}/mod_mpm_{mpm}.so",
            f"LoadModule authz_core_module {MODULES}/mod_authz_core.so"]
    if status:
        load.append(f"LoadModule status_module {MODULES}/mod_status.so")
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    return "\n".join(load) + f"""
Listen 127.0.0.1:{port}
ServerName localhost
{user}PidFile {root}/logs/httpd.pid
ErrorLog {root}/logs/error_log
LogLevel warn
KeepAlive On
MaxKeepAliveRequests 0
{tuning}DocumentRoot {root}/htdocs
<Directory {root}/htdocs>
    Require all granted
</Directory>
LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{{Referer}}i\\" \\"%{{User-Agent}}i\\"" combined
{ext}{log.format(root=root)}"""


class Server:
    def __init__(self, kind, binary, mpm, variant, workdir, size):
        self.name = f"{kind}-{variant}"
        self.root = tempfile.mkdtemp(prefix=self.name + "-", dir=workdir)
        os.chmod(self.root, 0o755)
        for d in ("logs", "htdocs"):
            os.makedirs(os.path.join(self.root, d))
            os.chmod(os.path.join(self.root, d), 0o777 if d == "logs" else 0o755)
        with open(os.path.join(self.root, "htdocs", "file.html"), "wb") as f:
            f.write((b"<p>feather bench</p>\n" * (size // 21 + 1))[:size])
        self.port = bench_http.free_port()
        conf = os.path.join(self.root, "httpd.conf")
        with open(conf, "w") as f:
            f.write(config(self.root, self.port, mpm, variant))
        self.argv = [binary, "-d", self.root, "-f", conf, "-DFOREGROUND"]
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.argv, start_new_session=True, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        if not bench_http.wait_ready(self.port):
            self.stop()
            raise RuntimeError(f"{self.name} did not start")
        time.sleep(0.5)

    def cpu_ticks(self):
        """User + system clock ticks of the master and its children so far."""
        total = 0
        pids = [self.proc.pid]
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as f:
                pids += [int(p) for p in f.read().split()]
        except OSError:
            pass
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
                if pid == self.proc.pid:  # children already reaped
                    total += int(fields[13]) + int(fields[14])
            except (OSError, IndexError, ValueError):
                pass
        return total

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.proc = None
        # The log grows by millions of lines: start every round empty.
        log = os.path.join(self.root, "logs", "access_log")
        if os.path.exists(log):
            os.unlink(log)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--servers", default="feather", help="feather and/or apache, comma separated")
    ap.add_argument("--mpm", default="prefork", choices=["prefork", "worker"])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=4)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--size", type=int, default=1024)
    opts = ap.parse_args()
    binaries = {"feather": os.path.abspath(opts.feather), "apache": shutil.which("apache2") or "apache2"}
    workdir = tempfile.mkdtemp(prefix="feather-bench-logs-")
    os.chmod(workdir, 0o755)  # the servers run as nobody
    servers = [Server(k, binaries[k], opts.mpm, v, workdir, opts.size)
               for k in opts.servers.split(",") for v in VARIANTS]
    results = {s.name: [] for s in servers}
    cpu = {s.name: [] for s in servers}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        for rnd in range(opts.rounds):
            for s in servers:
                s.start()
                before = s.cpu_ticks()
                rps = bench_http.wrk(s.port, opts.seconds, opts.connections, opts.threads, True)
                used = s.cpu_ticks() - before
                s.stop()
                results[s.name].append(rps)
                us = used / tick * 1e6 / max(rps * opts.seconds, 1)
                cpu[s.name].append(us)
                print(f"round {rnd + 1} {s.name:16s} {rps:10.0f} req/s {us:7.1f} us CPU/req", flush=True)
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    medians = {n: statistics.median(v) for n, v in results.items()}
    cpu_medians = {n: statistics.median(v) for n, v in cpu.items()}
    print(f"\n{opts.mpm}, {opts.size} byte file, keep-alive, wrk -c {opts.connections} -t {opts.threads}, "
          f"{opts.rounds} rounds of {opts.seconds}s (median)")
    for n, m in medians.items():
        print(f"{n:16s} {m:10.0f} req/s {cpu_medians[n]:7.1f} us CPU/req")
    print(f"\n{'':8s} {'':20s} {'req/s':>8s} {'per-round':>10s} {'CPU/req':>8s}")
    for kind in opts.servers.split(","):
        for a, b in RATIOS:
            x, y = medians[f"{kind}-{a}"], medians[f"{kind}-{b}"]
            paired = statistics.median(p / q for p, q in zip(results[f"{kind}-{a}"], results[f"{kind}-{b}"]) if q)
            c = cpu_medians[f"{kind}-{a}"] / cpu_medians[f"{kind}-{b}"] if cpu_medians[f"{kind}-{b}"] else 0
            print(f"{kind:8s} {a:8s} vs {b:8s} {x / y if y else 0:7.3f}x {paired:9.3f}x {c:7.3f}x")


if __name__ == "__main__":
    main()
