"""Running `apache2 -t` and `feather -t` on the same tree, and comparing what they say."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

TIMEOUT_SECONDS = 30

# "Syntax error on line N of FILE:" (read-time chains and the AH00526 form alike).
_LOCATION = re.compile(r"Syntax error on line (\d+) of (.+?):(?: |$)", re.MULTILINE)
# Apache's startup log line prefix: "[Mon Jan 01 00:00:00.123456 2024] [core:warn] [pid 1:tid 2] "
_TIMESTAMP = re.compile(r"^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d [\d:.]+ \d{4}\] ", re.MULTILINE)
_PID = re.compile(r"\[pid \d+(?::tid \d+)?\] ")
# The program name where Apache prints ap_server_argv0: "apache2: Syntax error ...",
# "AH00543: apache2: bad user name ...".
_PROGRAM = re.compile(r"(^|: )(?:apache2|feather)(?=: )", re.MULTILINE)


@dataclass
class Outcome:
    rc: int | str        # exit status, or "timeout" / "missing"
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stderr + self.stdout


def find_apache2(explicit: str | None = None) -> str | None:
    if explicit:
        return explicit
    found = shutil.which("apache2")
    if found:
        return found
    for cand in ("/usr/sbin/apache2", "/usr/sbin/httpd"):
        if os.access(cand, os.X_OK):
            return cand
    return None


def run(program: str, args: list, env: dict, cwd: str) -> Outcome:
    try:
        p = subprocess.run([program] + args, capture_output=True, env=env, cwd=cwd,
                           timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return Outcome("timeout", _decode(e.stdout), _decode(e.stderr))
    except OSError as e:
        return Outcome("missing", "", str(e))
    return Outcome(p.returncode, _decode(p.stdout), _decode(p.stderr))


def _decode(b) -> str:
    if b is None:
        return ""
    return b.decode("utf-8", errors="replace") if isinstance(b, bytes) else b


def normalise(text: str, root: str) -> str:
    """Removes what legitimately differs between the two runs: the temp root, the program name,
    time stamps and process ids."""
    text = text.replace(root, "{ROOT}")
    text = _TIMESTAMP.sub("", text)
    text = _PID.sub("", text)
    text = _PROGRAM.sub(r"\1{PROG}", text)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def locations(text: str, root: str) -> list:
    """The chain of (line, file relative to root) of every "Syntax error on line N of FILE"."""
    out = []
    for m in _LOCATION.finditer(text):
        path = m.group(2)
        if path.startswith(root + "/"):
            path = path[len(root) + 1:]
        out.append((int(m.group(1)), path))
    return out


@dataclass
class Comparison:
    verdict_ok: bool
    location_ok: bool
    text_ok: bool
    apache: Outcome
    feather: Outcome
    apache_text: str
    feather_text: str

    @property
    def ok(self) -> bool:
        return self.verdict_ok and self.location_ok and self.text_ok

    @property
    def category(self) -> str:
        if not self.verdict_ok:
            return "verdict"
        if not self.location_ok:
            return "location"
        if not self.text_ok:
            return "text"
        return "ok"


def _shown(outcome: Outcome, root: str) -> str:
    """Normalised output for reports: stderr, then stdout lines marked as such."""
    err = normalise(outcome.stderr, root) if outcome.stderr.strip() else ""
    out = normalise(outcome.stdout, root) if outcome.stdout.strip() else ""
    lines = err.split("\n") if err else []
    lines += ["[stdout] " + line for line in out.split("\n")] if out else []
    return "\n".join(lines)


def compare(apache: Outcome, feather: Outcome, root: str) -> Comparison:
    # stdout and stderr are compared apart: scripts read them apart
    a_text = _shown(apache, root)
    f_text = _shown(feather, root)
    return Comparison(
        verdict_ok=apache.rc == feather.rc,
        location_ok=locations(apache.output, root) == locations(feather.output, root),
        text_ok=a_text == f_text,
        apache=apache, feather=feather, apache_text=a_text, feather_text=f_text)


def not_run(reason: str) -> Comparison:
    """A case that was not run counts as failed (verdict)."""
    skipped = Outcome("not run", "", reason)
    return Comparison(verdict_ok=False, location_ok=False, text_ok=False, apache=skipped,
                      feather=skipped, apache_text=reason, feather_text=reason)


def indent(text: str, prefix: str = "    | ") -> str:
    if not text:
        return prefix + "(no output)"
    return "\n".join(prefix + line for line in text.split("\n"))
