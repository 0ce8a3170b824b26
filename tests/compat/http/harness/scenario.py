"""What a scenario is made of, and loading one from its directory.

A scenario directory holds
  httpd.conf   the configuration template, the same text for both servers, with placeholders
               @ROOT@ (the ServerRoot, a temp dir), @PORT@ (the port it listens on), @MODULES@
               (LoadModule lines for MODULES below, MPM included);
  scenario.py  MODULES (list of module names without "_module", e.g. ["mpm_worker", "mime"]),
               build(tree) to make the docroot (optional), CASES (list of Case), and optionally
               DIFFERENCES {case name: reason} for deliberate differences, HEADERS ("all",
               the default, compares every header in order; or a list of lower-case header
               names), IGNORE_HEADERS (lower-case names left out, e.g. headers another
               scenario is about) and NORMALISE (extra normalisers, see compare.py).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

from .client import Pause, Read, Shutdown  # noqa: F401  (re-exported for scenarios)

FIXED_MTIME = 1700000000  # 2023-11-14 22:13:20 UTC: every built path gets it (Last-Modified, ETag)


@dataclass
class Edit:
    """A connection made only of Edit steps changes a file under the server's root between the
    connections of a case (e.g. an .htaccess rewritten between two requests). The new content
    gets its own fixed modification time, unlike the built tree's."""
    path: str
    content: str
    mtime: int = FIXED_MTIME + 1000

    def apply(self, root: str) -> None:
        p = os.path.join(root, self.path)
        with open(p, "wb") as f:
            f.write(self.content.encode("latin-1"))
        os.utime(p, (self.mtime, self.mtime))


@dataclass
class Case:
    """One case: connections made one after the other, each a list of steps (bytes, Pause, Read,
    Shutdown). "@PORT@" in bytes is replaced by the server's port.

    idle: seconds of quiet after the last write before the answer is taken as complete (the
    connection may stay open: keep-alive). deadline: the most a connection may take."""
    name: str
    conns: list = field(default_factory=list)
    idle: float = 1.0
    deadline: float = 20.0
    note: str = ""

    @staticmethod
    def of(name: str, *steps, **kw) -> "Case":
        """A case on one connection."""
        return Case(name, [list(steps)], **kw)


class Tree:
    """Builds files under the ServerRoot: paths are relative to it ("htdocs/a.html")."""

    def __init__(self, root: str):
        self.root = root
        self._modes = []   # chmods applied last (a 000 directory would stop the build)

    def path(self, rel: str) -> str:
        return os.path.join(self.root, rel)

    def dir(self, rel: str, mode: int = 0o755) -> None:
        os.makedirs(self.path(rel), exist_ok=True)
        self._modes.append((rel, mode))

    def file(self, rel: str, content="", mode: int = 0o644) -> None:
        p = self.path(rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        data = content.encode("latin-1") if isinstance(content, str) else content
        with open(p, "wb") as f:
            f.write(data)
        self._modes.append((rel, mode))

    def symlink(self, rel: str, target: str) -> None:
        p = self.path(rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        os.symlink(target, p)

    def chmod(self, rel: str, mode: int) -> None:
        self._modes.append((rel, mode))

    def finish(self) -> None:
        """Fixed modification times everywhere, then the modes (deepest paths first)."""
        for dirpath, dirnames, filenames in os.walk(self.root):
            for name in dirnames + filenames:
                os.utime(os.path.join(dirpath, name), (FIXED_MTIME, FIXED_MTIME),
                         follow_symlinks=False)
        for rel, mode in sorted(self._modes, key=lambda m: -m[0].count("/")):
            os.chmod(self.path(rel), mode)


@dataclass
class Scenario:
    name: str
    directory: str
    template: str
    modules: list
    cases: list
    build: object = None
    differences: dict = field(default_factory=dict)
    headers: object = "all"
    ignore_headers: tuple = ()
    normalise: tuple = ()
    error_log: tuple = ()


def load(directory: str) -> Scenario:
    name = os.path.basename(os.path.normpath(directory))
    spec = importlib.util.spec_from_file_location("scenario_" + name,
                                                  os.path.join(directory, "scenario.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with open(os.path.join(directory, "httpd.conf")) as f:
        template = f.read()
    cases = list(mod.CASES)
    names = [c.name for c in cases]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError("%s: duplicate case names %s" % (name, sorted(dupes)))
    differences = dict(getattr(mod, "DIFFERENCES", {}))
    unknown = set(differences) - set(names)
    if unknown:
        raise ValueError("%s: DIFFERENCES for unknown cases %s" % (name, sorted(unknown)))
    return Scenario(name=name, directory=directory, template=template,
                    modules=list(mod.MODULES), cases=cases, build=getattr(mod, "build", None),
                    differences=differences, headers=getattr(mod, "HEADERS", "all"),
                    ignore_headers=tuple(h.lower() for h in getattr(mod, "IGNORE_HEADERS", ())),
                    normalise=tuple(getattr(mod, "NORMALISE", ())),
                    error_log=tuple(getattr(mod, "ERROR_LOG", ())))


def render(s: Scenario, root: str, port: int) -> str:
    from .servers import load_lines
    return (s.template.replace("@MODULES@", load_lines(s.modules).rstrip("\n"))
            .replace("@ROOT@", root).replace("@PORT@", str(port)))
