#!/usr/bin/env python3
"""Golden tests: the 54 tokenizer/section edge cases of
tests/data/config-grammar-cases-apache2-2.4.71.txt, as Debian's apache2 2.4.71 answered them.

Each case is the content of conf.d/case.conf, read through `IncludeOptional conf.d/*.conf` on
line 13 of a main config rebuilt here (MAIN_CONFIG), and run with `-t -D DUMP_RUN_CFG`.
For every case feather must give the reference's exit status, its message (the reference joins
the output lines with spaces and cuts them at 230 characters: a cut message is compared as a
prefix), and its "Define: A..." line. While feather's DUMP_RUN_CFG prints no Define lines at all,
the Define results are not compared (the summary says so).

When apache2 is installed, the reconstruction is checked first: apache2 must reproduce the
reference, or the harness (not feather) is wrong.

Run from the repository root:
    python3 tests/compat/test_grammar_cases.py --feather build/runtime/feather
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import signal
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "lib"))
sys.dont_write_bytecode = True   # no __pycache__ in the source tree

import runner  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
REFERENCE = os.path.join(REPO, "tests", "data", "config-grammar-cases-apache2-2.4.71.txt")
REFERENCE_ROOT = "/srv/atest/gram"
CUT = 230   # the reference keeps this many characters of a message
MODULES = "/usr/lib/apache2/modules"

# Line 13 must be the IncludeOptional: the reference's chains say "line 13 of .../httpd.conf".
MAIN_CONFIG = f"""\
ServerRoot "@ROOT@"
LoadModule mpm_prefork_module {MODULES}/mod_mpm_prefork.so
LoadModule authz_core_module {MODULES}/mod_authz_core.so
LoadModule mime_module {MODULES}/mod_mime.so
LoadModule dir_module {MODULES}/mod_dir.so
LoadModule alias_module {MODULES}/mod_alias.so
# ServerName silences AH00558; the error log stays inside the temp root.
ServerName localhost
ErrorLog "@ROOT@/logs/error.log"
#
#
#
IncludeOptional conf.d/*.conf
"""

_TIMESTAMP = re.compile(r"^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d [\d:.]+ \d{4}\] ", re.MULTILINE)
_PID = re.compile(r"\[pid \d+(?::tid \d+)?\] ")
_PROGRAM = re.compile(r"(^|: )(?:apache2|feather)(?=: )", re.MULTILINE)
_DEFINE_A = re.compile(r"^Define: (A(?:=.*)?)$", re.MULTILINE)


class Case:
    def __init__(self, number: int, quoted: str):
        self.number = number
        self.quoted = quoted
        self.content = decode(quoted)
        self.rc = None
        self.defines: list = []
        self.message = ""


def decode(quoted: str) -> str:
    """The case text: bash's $'...' (ANSI-C) or printf %q quoting."""
    if quoted.startswith("$'") and quoted.endswith("'"):
        body = quoted[2:-1]
        out = []
        i = 0
        simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "a": "\a",
                  "b": "\b", "e": "\x1b", "f": "\f", "v": "\v"}
        while i < len(body):
            c = body[i]
            if c == "\\" and i + 1 < len(body):
                n = body[i + 1]
                if n in simple:
                    out.append(simple[n])
                    i += 2
                    continue
                if n == "x":
                    m = re.match(r"[0-9a-fA-F]{1,2}", body[i + 2:])
                    if m:
                        out.append(chr(int(m.group(0), 16)))
                        i += 2 + len(m.group(0))
                        continue
            out.append(c)
            i += 1
        return "".join(out)
    words = shlex.split(quoted)
    if len(words) != 1:
        raise ValueError(f"cannot decode case text {quoted!r}")
    return words[0]


def read_reference(path: str) -> list:
    cases = []
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^### case (\d+): (.*)$", line)
            if m:
                current = Case(int(m.group(1)), m.group(2))
                cases.append(current)
                continue
            m = re.match(r"^rc=(\d+)(.*)$", line)
            if m and current is not None:
                current.rc = int(m.group(1))
                # " | Define: A=x y | [core:warn] AH00111: ... ": a message keeps its trailing
                # space, which marks it as not cut
                for part in m.group(2).split("| ")[1:]:
                    if part.startswith("Define: "):
                        current.defines.append(part[len("Define: "):].rstrip())
                    elif part.strip():
                        current.message = part
    return cases


def observe(program: str, case: Case, workdir: str):
    """Runs program on the case; returns (rc, [Define values of A], message or None, dump)."""
    root = tempfile.mkdtemp(prefix=f"case{case.number}-", dir=workdir)
    try:
        for d in ("conf.d", "logs", "htdocs"):
            os.makedirs(os.path.join(root, d))
        with open(os.path.join(root, "httpd.conf"), "w", encoding="utf-8") as f:
            f.write(MAIN_CONFIG.replace("@ROOT@", root))
        content = case.content.replace(REFERENCE_ROOT, root) + "\n"
        with open(os.path.join(root, "conf.d", "case.conf"), "wb") as f:
            f.write(content.encode("utf-8", errors="surrogateescape"))
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C", "LC_ALL": "C"}
        out = runner.run(program, ["-d", root, "-f", os.path.join(root, "httpd.conf"),
                                   "-t", "-D", "DUMP_RUN_CFG"], env, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    stderr = out.stderr.replace(root, REFERENCE_ROOT)
    stderr = _TIMESTAMP.sub("", stderr)
    stderr = _PID.sub("", stderr)
    stderr = _PROGRAM.sub(r"\1apache2", stderr)
    message = " ".join(stderr.strip("\n").split("\n")) + " " if stderr.strip() else ""
    defines = _DEFINE_A.findall(out.stdout.replace(root, REFERENCE_ROOT))
    has_dump = "Define: DUMP_RUN_CFG" in out.stdout
    return out.rc, [d.rstrip() for d in defines], message, has_dump


def message_matches(expected: str, actual: str) -> bool:
    if not expected:
        return actual.strip() == ""
    if len(expected) >= CUT:
        return actual.startswith(expected)
    return actual.rstrip() == expected.rstrip()


def check(case: Case, rc, defines, message, has_dump, compare_defines=True) -> list:
    problems = []
    if rc != case.rc:
        problems.append(f"rc {rc}, expected {case.rc}")
    if not message_matches(case.message, message):
        problems.append(f"message\n      got:      {message.rstrip()!r}\n"
                        f"      expected: {case.message.rstrip()!r}")
    if compare_defines and has_dump and case.defines != defines:
        problems.append(f"Define lines {defines}, expected {case.defines}")
    return problems


# Cases where Feather deliberately answers differently, with the reason and
# what Feather must print instead (so the deviation itself stays tested).
DELIBERATE = {
    34: ("<If> needs an ap_expr evaluator, which Feather lacks: accepting a "
         "condition it cannot evaluate would apply or skip its directives wrongly",
         "<If> is not supported by Feather yet"),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feather", required=True)
    ap.add_argument("--apache2", help="default: from PATH; the reconstruction check is skipped "
                                      "when there is none")
    ap.add_argument("--reference", default=REFERENCE)
    ap.add_argument("--case", type=int, action="append", help="only these case numbers")
    opts = ap.parse_args()

    cases = read_reference(opts.reference)
    if opts.case:
        cases = [c for c in cases if c.number in opts.case]
    apache2 = runner.find_apache2(opts.apache2)
    feather = os.path.abspath(opts.feather)
    if not os.access(feather, os.X_OK):
        print(f"grammar cases: feather binary not found: {feather}", file=sys.stderr)
        return 2

    # ctest stops a test with SIGTERM: leave through the finally clause that removes the trees
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    workdir = tempfile.mkdtemp(prefix="fcompat-grammar-")
    harness_bad = []
    failed = []
    no_dump = 0
    try:
        for case in cases:
            if apache2:
                got = observe(apache2, case, workdir)
                problems = check(case, *got)
                if got[0] == 0 and not got[3]:
                    problems.append("apache2 printed no DUMP_RUN_CFG Define lines")
                if problems:
                    harness_bad.append((case, problems))
            got = observe(feather, case, workdir)
            if case.number in DELIBERATE:
                reason, expected_text = DELIBERATE[case.number]
                if got[0] != 1 or expected_text not in got[2]:
                    failed.append((case, [f"deliberate deviation changed: rc {got[0]}, "
                                          f"message {got[2]!r}; expected {expected_text!r} ({reason})"]))
                else:
                    print(f"DELIBERATE case {case.number}: {reason}")
                continue
            if got[0] == 0 and not got[3]:
                no_dump += 1
            problems = check(case, *got)
            if problems:
                failed.append((case, problems))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    for case, problems in harness_bad:
        print(f"HARNESS case {case.number} ({case.quoted}): apache2 does not reproduce the "
              f"reference: " + "; ".join(problems))
    for case, problems in failed:
        print(f"FAIL case {case.number}: {case.quoted}")
        for p in problems:
            print(f"    {p}")
    if not apache2:
        print("grammar cases: apache2 not found; the reconstruction was not checked")
    note = ""
    if no_dump:
        note = (f"; Define lines not compared in {no_dump} accepted cases "
                f"(feather -t -D DUMP_RUN_CFG printed no Define lines)")
    print(f"grammar cases: {len(cases) - len(failed)} passed, {len(failed)} failed"
          f"{note}" + (f"; {len(harness_bad)} not reproduced by apache2" if harness_bad else ""))
    return 0 if not failed and not harness_bad else 1


if __name__ == "__main__":
    sys.exit(main())
