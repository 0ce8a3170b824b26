#!/usr/bin/env python3
"""configtest compatibility: `feather -t` against the real `apache2 -t` on the corpus.

Every corpus entry (tests/data/corpus/MANIFEST.tsv) and a set of deterministic mutants of each
(a misspelled directive, an unclosed section, ...) is written into a temporary ServerRoot and run
as `PROG -d ROOT -f MAIN -C "Include PRELUDE" -t` under both programs. A case passes when both
give the same exit status, the same chain of "Syntax error on line N of FILE" locations, and the
same output text once the program name, the temp root, time stamps and pids are normalised.

Run from the repository root:
    python3 tests/compat/test_configtest.py --feather build/runtime/feather
Exit status 0 only when every case agrees.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import shutil
import signal
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "lib"))
sys.dont_write_bytecode = True   # no __pycache__ in the source tree

import corpus  # noqa: E402
import mutants  # noqa: E402
import runner  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(REPO, "tests", "data", "corpus")


class Case:
    def __init__(self, name: str, template: corpus.Template, files: dict, description: str):
        self.name = name
        self.template = template
        self.files = files
        self.description = description


def build_cases(corpus_dir: str, with_mutants: bool) -> list:
    cases = []
    for entry in corpus.read_manifest(corpus_dir):
        tpl = corpus.prepare(entry, corpus_dir)
        cases.append(Case(entry.id, tpl, tpl.all_files(), "unmodified entry"))
        if not with_mutants:
            continue
        for m in mutants.generate(tpl):
            files = tpl.all_files()
            files.update(m.files)
            cases.append(Case(f"{entry.id}~{m.name}", tpl, files, m.description))
    return cases


# Cases not started within this budget are reported as failed rather than run, so that a
# feather that hangs (30 s per run) cannot hold ctest for hours.
TIME_BUDGET_SECONDS = 600


def run_case(case: Case, apache2: str, feather: str, workdir: str, keep: bool, deadline: float):
    if time.monotonic() > deadline:
        return runner.not_run("time budget exhausted"), ""
    root = tempfile.mkdtemp(prefix="case-", dir=workdir)
    try:
        corpus.materialize(case.files, root, case.template.dirs)
        args = case.template.command_args(root)
        env = corpus.environment(root)
        a = runner.run(apache2, args, env, root)
        f = runner.run(feather, args, env, root)
        return runner.compare(a, f, root), root
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def report_failure(case: Case, cmp: runner.Comparison) -> str:
    what = {"verdict": "verdicts differ", "location": "error locations differ",
            "text": "messages differ"}[cmp.category]
    return "\n".join([
        f"FAIL {case.name}: {what}",
        f"  mutation: {case.description}",
        f"  apache2 rc={cmp.apache.rc}   feather rc={cmp.feather.rc}",
        "  apache2 output:", runner.indent(cmp.apache_text),
        "  feather output:", runner.indent(cmp.feather_text),
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True, help="the feather binary")
    ap.add_argument("--apache2", help="the apache2 binary (default: from PATH)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--filter", help="only cases whose name matches this regex")
    ap.add_argument("--no-mutants", action="store_true", help="only the unmodified entries")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the temporary trees")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--quiet", action="store_true", help="only the summary and failure names")
    opts = ap.parse_args()

    cases = build_cases(opts.corpus, not opts.no_mutants)
    if opts.filter:
        cases = [c for c in cases if re.search(opts.filter, c.name)]
    if opts.list:
        for c in cases:
            print(f"{c.name}\t{c.description}")
            if c.description == "unmodified entry":
                for note in c.template.adaptations:
                    print(f"\t  adapted: {note}")
        return 0

    apache2 = runner.find_apache2(opts.apache2)
    if not apache2:
        print("configtest compat: apache2 not found (install Debian's apache2)", file=sys.stderr)
        return 2
    feather = os.path.abspath(opts.feather)
    if not os.access(feather, os.X_OK):
        print(f"configtest compat: feather binary not found: {feather}", file=sys.stderr)
        return 2

    started = time.monotonic()
    deadline = started + TIME_BUDGET_SECONDS
    # ctest stops a test with SIGTERM: leave through the finally clauses that remove the trees
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    workdir = tempfile.mkdtemp(prefix="fcompat-configtest-")
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
            futures = [pool.submit(run_case, c, apache2, feather, workdir, opts.keep, deadline)
                       for c in cases]
            for case, fut in zip(cases, futures):
                cmp, root = fut.result()
                results.append((case, cmp, root))
    finally:
        if not opts.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    failed = [(c, r, root) for c, r, root in results if not r.ok]
    hard = [x for x in failed if x[1].category in ("verdict", "location")]
    soft = [x for x in failed if x[1].category == "text"]
    for title, group in (("verdict/location differences", hard), ("text differences", soft)):
        if not group:
            continue
        print(f"==== {title}: {len(group)}")
        for case, cmp, root in group:
            if opts.quiet:
                print(f"FAIL {case.name}: {cmp.category}")
            else:
                print(report_failure(case, cmp))
                if opts.keep:
                    print(f"  tree: {root}")
    passed = len(results) - len(failed)
    n_verdict = sum(1 for x in hard if x[1].category == "verdict")
    n_location = len(hard) - n_verdict
    print(f"configtest compat: {passed} passed, {len(failed)} failed "
          f"(verdict {n_verdict}, location {n_location}, text only {len(soft)}) "
          f"in {time.monotonic() - started:.1f}s")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
