#!/usr/bin/env python3
"""Configtest speed: `feather -t` next to `apache2 -t` on two generated configurations.

  vhosts    N <VirtualHost> blocks, each with ServerName, DocumentRoot, a <Directory> and a
            CustomLog (default N = 10,000)
  sections  M <Directory>/<Files>/<Location> sections, one in ten of them a regex form
            (<DirectoryMatch>, <FilesMatch>, <LocationMatch>) (default M = 20,000)

Each program runs the same command line (`-d ROOT -f CONF -t`) several times, the two taking
turns after one unrecorded warm-up round; the table shows
the median, min and max wall time, the peak RSS of the median run's process and the
feather/apache2 ratio of the medians. A run that does not say "Syntax OK" is marked: its time
is that of a failing check. This is a measurement, not a test: nothing here asserts timings.

DocumentRoot directories are created (in /dev/shm by default), so both programs do their
DocumentRoot checks; pass --no-docroot-check to create none and give both programs -T instead
(apache2 honours -T together with -t: core.c skips the check when -T is given).

    python3 bench/configtest/run.py --feather build/runtime/feather [--runs 11] [--vhosts 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MODULES = "/usr/lib/apache2/modules"
TIMEOUT_SECONDS = 300


def common_head(root: str) -> list:
    return [
        f'ServerRoot "{root}"',
        f"LoadModule mpm_prefork_module {MODULES}/mod_mpm_prefork.so",
        f"LoadModule authz_core_module {MODULES}/mod_authz_core.so",
        f"LoadModule dir_module {MODULES}/mod_dir.so",
        f"LoadModule mime_module {MODULES}/mod_mime.so",
        # built into Debian's apache2; Feather may need it enabled
        "<IfModule !log_config_module>",
        f"LoadModule log_config_module {MODULES}/mod_log_config.so",
        "</IfModule>",
        "ServerName bench.example",
        f'ErrorLog "{root}/logs/error.log"',
        f'DocumentRoot "{root}/htdocs"',
        'LogFormat "%h %l %u %t \\"%r\\" %>s %b" common',
    ]


def write_vhosts(root: str, count: int, make_dirs: bool) -> str:
    lines = common_head(root)
    for i in range(count):
        docroot = f"{root}/sites/site{i}"
        if make_dirs:
            os.makedirs(docroot, exist_ok=True)
        lines += [
            "<VirtualHost *:8080>",
            f"    ServerName site{i}.example",
            f'    DocumentRoot "{docroot}"',
            f'    <Directory "{docroot}">',
            "        Options FollowSymLinks",
            "        AllowOverride None",
            "        Require all granted",
            "    </Directory>",
            f'    CustomLog "logs/site{i}-access.log" common',
            "</VirtualHost>",
        ]
    path = os.path.join(root, "vhosts.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def write_sections(root: str, count: int) -> str:
    lines = common_head(root)
    for i in range(count):
        kind = i % 3
        regex = i % 10 == 9
        if kind == 0 and not regex:
            lines += [f'<Directory "{root}/tree/d{i}">', "    Options Indexes",
                      "    AllowOverride None", "    Require all granted", "</Directory>"]
        elif kind == 0:
            lines += [f'<DirectoryMatch "^{root}/tree/r{i}/[a-z]+">', "    Options None",
                      "</DirectoryMatch>"]
        elif kind == 1 and not regex:
            lines += [f'<Files "file{i}.txt">', "    Require all denied", "</Files>"]
        elif kind == 1:
            lines += [f'<FilesMatch "^f{i}\\.(gif|jpe?g|png)$">', "    Require all denied",
                      "</FilesMatch>"]
        elif not regex:
            lines += [f'<Location "/loc{i}">', "    DirectoryIndex index.html",
                      "    Require all granted", "</Location>"]
        else:
            lines += [f'<LocationMatch "^/m{i}/(a|b)+">', "    Require all granted",
                      "</LocationMatch>"]
    path = os.path.join(root, "sections.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def run_once(argv: list, cwd: str, time_bin: str | None):
    """Returns (seconds, peak RSS in KiB or None, exit status, first error line or "").

    Peak RSS comes from GNU time when it is installed: the rusage of a child forked from
    Python starts at Python's own resident size."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C", "LC_ALL": "C"}
    rss_file = None
    if time_bin:
        fd, rss_file = tempfile.mkstemp(prefix="rss-", dir=cwd)
        os.close(fd)
        argv = [time_bin, "-q", "-f", "%M", "-o", rss_file] + argv
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=TIMEOUT_SECONDS)
        output, rc = proc.stdout, proc.returncode
    except subprocess.TimeoutExpired as e:
        output, rc = e.output or b"", "timeout"
    elapsed = time.perf_counter() - start
    rss = None
    if rss_file:
        try:
            with open(rss_file, encoding="utf-8") as f:
                rss = int(f.read().strip().split("\n")[-1])
        except (OSError, ValueError):
            rss = None
        os.unlink(rss_file)
    text = output.decode("utf-8", errors="replace").strip().split("\n")
    ok = any(line.strip() == "Syntax OK" for line in text)
    first = "" if ok else next((line for line in text if line.strip()), "(no output)")
    return elapsed, rss, rc, first


def summarise(samples: list) -> dict:
    times = sorted(s[0] for s in samples)
    median = statistics.median(times)
    closest = min(samples, key=lambda s: abs(s[0] - median))
    return {"median": median, "min": times[0], "max": times[-1], "rss": closest[1],
            "rc": closest[2], "error": closest[3]}


def measure_interleaved(programs: list, conf: str, root: str, runs: int, flags: list,
                        time_bin) -> dict:
    """Runs the programs in turn, round after round, so that a slow spell of the machine
    falls on both; one unrecorded round first warms the page cache for both."""
    samples = {name: [] for name, _ in programs}
    for round_no in range(runs + 1):
        for name, path in programs:
            sample = run_once([path, "-d", root, "-f", conf] + flags, root, time_bin)
            if round_no > 0:
                samples[name].append(sample)
    return {name: summarise(s) for name, s in samples.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--apache2", default=shutil.which("apache2") or "/usr/sbin/apache2")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--vhosts", type=int, default=10000)
    ap.add_argument("--sections", type=int, default=20000)
    ap.add_argument("--no-docroot-check", action="store_true",
                    help="create no DocumentRoot directories; run both with -T")
    ap.add_argument("--keep", action="store_true", help="keep the generated tree")
    ap.add_argument("--tmpdir", default="/dev/shm" if os.access("/dev/shm", os.W_OK) else None,
                    help="where the tree goes (default /dev/shm: removing 10,000 directories "
                         "from a disk mounted with discard takes half a minute)")
    opts = ap.parse_args()

    feather = os.path.abspath(opts.feather)
    programs = [("apache2", opts.apache2), ("feather", feather)]
    for name, path in programs:
        if not os.access(path, os.X_OK):
            print(f"bench: {name} not found at {path}", file=sys.stderr)
            return 2

    time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    root = tempfile.mkdtemp(prefix="fbench-configtest-", dir=opts.tmpdir)
    try:
        for d in ("logs", "htdocs"):
            os.makedirs(os.path.join(root, d))
        make_dirs = not opts.no_docroot_check
        flags = ["-t"] + (["-T"] if opts.no_docroot_check else [])
        configs = [
            (f"{opts.vhosts} vhosts", write_vhosts(root, opts.vhosts, make_dirs)),
            (f"{opts.sections} sections", write_sections(root, opts.sections)),
        ]
        print(f"configtest timing: {opts.runs} runs each, flags {' '.join(flags)}, tree {root}")
        header = (f"{'config':<18} {'program':<8} {'median':>9} {'min':>9} {'max':>9} "
                  f"{'peak RSS':>10}  result")
        print(header)
        print("-" * len(header))
        for label, conf in configs:
            size = os.path.getsize(conf) / 1e6
            results = measure_interleaved(programs, conf, root, opts.runs, flags, time_bin)
            for name, _ in programs:
                r = results[name]
                result = "Syntax OK" if not r["error"] else f"rc={r['rc']}: {r['error'][:70]}"
                rss = f"{r['rss'] / 1024:>8.1f}MB" if r["rss"] else f"{'n/a':>10}"
                print(f"{label:<18} {name:<8} {r['median']:>8.3f}s {r['min']:>8.3f}s "
                      f"{r['max']:>8.3f}s {rss}  {result}")
            ratio = results["feather"]["median"] / results["apache2"]["median"]
            both_ok = not results["feather"]["error"] and not results["apache2"]["error"]
            note = "" if both_ok else "  (not comparable: a run did not pass)"
            print(f"{'':<18} {'ratio':<8} {ratio:>8.2f}x  feather/apache2, "
                  f"{size:.1f} MB of config{note}")
    finally:
        if opts.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
