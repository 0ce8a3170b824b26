#!/usr/bin/env python3
"""HTTP compatibility: the same scenario against apache2 and feather, answers compared.

Every directory under tests/compat/http/scenarios/ is a scenario (see tests/compat/http/README.md):
a config template both servers get, a docroot it builds, and cases of raw bytes sent over one or
more connections. Each server gets its own temp ServerRoot and free loopback port, runs in the
foreground in a new session and is stopped by its PID. The cases of a scenario run concurrently;
each case's answers (status line, headers, body, whether the connection was closed) are
normalised (tests/compat/http/harness/compare.py) and must be equal, unless the scenario lists the
case in DIFFERENCES with the reason.

    python3 tests/compat/test_http.py --feather build/runtime/feather [-s SCENARIO] [-k CASE] [-v]

Exit status 0 only when every case agrees (listed differences count as agreeing).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "http"))
sys.dont_write_bytecode = True   # no __pycache__ in the source tree

from harness import client, compare, scenario as scen, servers  # noqa: E402

SCENARIOS = os.path.join(HERE, "http", "scenarios")


def find_apache2(explicit):
    if explicit:
        return explicit
    for cand in (shutil.which("apache2"), "/usr/sbin/apache2", "/usr/sbin/httpd"):
        if cand and os.access(cand, os.X_OK):
            return cand
    return None


def prepare_root(s, parent: str, kind: str, taken: set) -> tuple:
    root = os.path.join(parent, kind)
    os.makedirs(os.path.join(root, "logs"))
    os.makedirs(os.path.join(root, "htdocs"))
    # the children serve as "nobody": the tree must be readable by others
    os.chmod(parent, 0o755)
    os.chmod(root, 0o755)
    tree = scen.Tree(root)
    if s.build:
        s.build(tree)
    tree.finish()
    port = servers.free_port()
    while port in taken:   # the two servers must not be handed the same port
        port = servers.free_port()
    taken.add(port)
    with open(os.path.join(root, "httpd.conf"), "w") as f:
        f.write(scen.render(s, root, port))
    return root, port


def run_case(case, port: int, root: str) -> list:
    out = []
    for steps in case.conns:
        if steps and all(isinstance(st, scen.Edit) for st in steps):
            for st in steps:
                st.apply(root)
            continue
        steps = [st.replace(b"@PORT@", str(port).encode()) if isinstance(st, bytes) else st
                 for st in steps]
        out.append(client.run_connection(port, steps, case.idle, case.deadline))
    return out


def render_case(s, exchanges, port, root) -> str:
    parts = []
    for i, ex in enumerate(exchanges):
        if len(exchanges) > 1:
            parts.append("--- connection %d" % (i + 1))
        parts.append(compare.render(ex, port, root, s.headers, s.normalise, s.ignore_headers))
    return "\n".join(parts)


def run_scenario(s, apache2: str, feather: str, only: str, verbose: bool) -> tuple:
    """Returns (agreed, listed, failed) counts."""
    tmp = tempfile.mkdtemp(prefix="feather-http-%s-" % s.name)
    started = []
    try:
        taken = set()
        a_root, a_port = prepare_root(s, tmp, "apache", taken)
        f_root, f_port = prepare_root(s, tmp, "feather", taken)
        a = servers.Server("apache", apache2, a_root, a_port)
        f = servers.Server("feather", feather, f_root, f_port)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            oks = list(pool.map(lambda srv: srv.start(), (a, f)))
        started = [a, f]
        for srv, ok in zip((a, f), oks):
            if not ok:
                print("FAIL %s: %s did not start:\n%s" % (s.name, srv.kind,
                                                          compare._show_bytes(srv.output().encode())))
                return 0, 0, len(s.cases)
        cases = [c for c in s.cases if not only or only in c.name]
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            a_runs = [pool.submit(run_case, c, a_port, a_root) for c in cases]
            f_runs = [pool.submit(run_case, c, f_port, f_root) for c in cases]
            results = [(c, ar.result(), fr.result()) for c, ar, fr in zip(cases, a_runs, f_runs)]
    finally:
        for srv in started:
            srv.stop()
    agreed = listed = failed = 0
    for case, a_ex, f_ex in results:
        a_text = render_case(s, a_ex, a_port, a_root)
        f_text = render_case(s, f_ex, f_port, f_root)
        reason = s.differences.get(case.name)
        if a_text == f_text:
            agreed += 1
            if reason:
                print("NOTE %s / %s: listed as a difference but both agree" % (s.name, case.name))
            if verbose:
                print("ok   %s / %s\n%s" % (s.name, case.name, compare._show_bytes(a_text.encode())))
            continue
        diff = "\n".join(difflib.unified_diff(a_text.split("\n"), f_text.split("\n"),
                                              "apache2", "feather", lineterm="", n=4))
        if reason:
            listed += 1
            print("DIFF %s / %s (deliberate: %s)" % (s.name, case.name, reason))
            if verbose:
                print(diff)
            continue
        failed += 1
        print("FAIL %s / %s" % (s.name, case.name))
        print(diff)
    if s.error_log and not only:
        # The lines both servers logged for the scenario's requests, in any order (the cases
        # run concurrently).
        a_log = compare.error_log_lines(a_root, a_port, s.error_log)
        f_log = compare.error_log_lines(f_root, f_port, s.error_log)
        if a_log == f_log:
            agreed += 1
            if verbose:
                print("ok   %s / error log\n%s" % (s.name, "\n".join(a_log)))
        else:
            failed += 1
            print("FAIL %s / error log" % s.name)
            print("\n".join(difflib.unified_diff(a_log, f_log, "apache2", "feather",
                                                  lineterm="", n=2)))
    if not failed:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print("(%s kept: %s)" % (s.name, tmp))
    return agreed, listed, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--apache2")
    ap.add_argument("-s", "--scenario", action="append",
                    help="run only these scenarios (a name, or a prefix before '_': -s negotiation)")
    ap.add_argument("--scenarios-dir", default=SCENARIOS, help="where the scenarios are")
    ap.add_argument("-k", "--case", default="", help="run only cases whose name contains this")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    apache2 = find_apache2(args.apache2)
    if not apache2:
        print("apache2 not found")
        return 1
    names = sorted(d for d in os.listdir(args.scenarios_dir)
                   if os.path.isfile(os.path.join(args.scenarios_dir, d, "scenario.py")))
    if args.scenario:
        # A name or a prefix ("perdir" runs every perdir_* scenario).
        names = [n for n in names if any(n == p or n.startswith(p + "_") for p in args.scenario)]
    totals = [0, 0, 0]
    begin = time.monotonic()
    for name in names:
        s = scen.load(os.path.join(args.scenarios_dir, name))
        counts = run_scenario(s, apache2, os.path.abspath(args.feather), args.case, args.verbose)
        totals = [t + c for t, c in zip(totals, counts)]
        print("%-28s agreed %3d  deliberate %2d  failed %3d" % ((name,) + counts))
    print("TOTAL: %d cases, %d agreed, %d deliberate differences, %d failed (%.0f s)"
          % (sum(totals), totals[0], totals[1], totals[2], time.monotonic() - begin))
    return 1 if totals[2] else 0


if __name__ == "__main__":
    sys.exit(main())
