"""A small, approximate reader of Apache config text, used only to pick lines to mutate.

It splits files into logical lines (Apache joins a physical line ending in a backslash with the
next one), classifies them (directive, section open, section close), follows Include and
IncludeOptional through an in-memory file set, and tracks which lines apache2 reads as active:
inside a false <IfModule>/<IfDefine> a line is inactive, inside a condition this reader does not
evaluate (<IfFile>, <IfVersion>, ...) it is "unknown".  It never decides a verdict; the real apache2
does that.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from dataclasses import dataclass, field

ROOT_TOKEN = "@@ROOT@@"

# Modules Debian's apache2 has compiled in (apache2 -l).
BUILTIN_MODULES = frozenset({"core", "so", "watchdog", "http", "log_config", "logio",
                             "version", "unixd"})

# <IfModule> accepts the source file name too (server/core.c find_module).
_SOURCE_NAMES = {"core.c": "core", "http_core.c": "http", "prefork.c": "mpm_prefork",
                 "worker.c": "mpm_worker", "event.c": "mpm_event"}

CONDITION_SECTIONS = frozenset({"ifmodule", "ifdefine", "iffile", "ifdirective", "ifsection",
                                "ifversion"})


@dataclass
class Line:
    """One logical line of a file."""
    first: int          # 0-based index of its first physical line
    last: int           # 0-based index of its last physical line
    text: str           # trimmed, joined text
    kind: str           # "directive", "open" or "close"
    name: str           # directive or section name as written (no '<', '</' or '>')
    args: str           # the rest of the line
    depth: int          # sections of this file enclosing the line
    enclosing: tuple    # lower-cased names of those sections, outermost first
    active: bool | None  # False: skipped by apache2; None: cannot tell

    @property
    def lname(self) -> str:
        return self.name.lower()


@dataclass
class ScannedFile:
    rel: str
    lines: list = field(default_factory=list)
    context: tuple = ()   # lower-cased sections enclosing the Include that read this file


def module_short_name(arg: str) -> str:
    arg = arg.strip().strip('"\'')
    if arg in _SOURCE_NAMES:
        return _SOURCE_NAMES[arg]
    if arg.endswith(".c"):
        base = arg[:-2]
        return base[4:] if base.startswith("mod_") else base
    if arg.endswith("_module"):
        return arg[: -len("_module")]
    return arg


def logical_lines(text: str):
    """Yields (first, last, trimmed text) for each non-empty, non-comment logical line."""
    phys = text.split("\n")
    i = 0
    while i < len(phys):
        first = i
        buf = ""
        while True:
            piece = phys[i]
            if piece.endswith("\r"):
                piece = piece[:-1]
            if piece.endswith("\\") and i + 1 < len(phys):
                buf += piece[:-1]
                i += 1
                continue
            buf += piece
            break
        last = i
        i += 1
        stripped = buf.strip()
        if stripped and not stripped.startswith("#"):
            yield first, last, stripped


def classify(text: str):
    """Returns (kind, name, args) of a trimmed logical line."""
    if text.startswith("</"):
        body = text[2:]
        name = re.split(r"[\s>]", body, maxsplit=1)[0]
        return "close", name, body[len(name):]
    if text.startswith("<"):
        body = text[1:]
        name = re.split(r"[\s>]", body, maxsplit=1)[0]
        return "open", name, body[len(name):].strip()
    parts = text.split(None, 1)
    return "directive", parts[0], parts[1] if len(parts) > 1 else ""


def _condition(lname: str, args: str, loaded: set, defines: set) -> bool | None:
    arg = args.strip()
    if arg.endswith(">"):
        arg = arg[:-1].strip()
    if lname == "ifmodule":
        neg = arg.startswith("!")
        found = module_short_name(arg.lstrip("!")) in loaded
        return found != neg
    if lname == "ifdefine":
        neg = arg.startswith("!")
        found = arg.lstrip("!").strip('"') in defines
        return found != neg
    if lname in CONDITION_SECTIONS:
        return None
    return True


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


class Scanner:
    """Reads a set of in-memory files (relative path -> text, paths may hold ROOT_TOKEN) the way
    apache2 would reach them from one main file."""

    def __init__(self, files: dict, loaded=(), defines=()):
        self.files = files
        self.loaded = set(BUILTIN_MODULES) | set(loaded)
        self.defines = set(defines)
        self.scanned: list[ScannedFile] = []
        self.loadmodules: list[str] = []
        self.unresolved: list = []   # (pattern as written, lower-cased directive name)

    def resolve(self, pattern: str) -> list:
        """In-memory equivalent of Include's path resolution (relative to ServerRoot, globs)."""
        pattern = pattern.strip().strip('"\'')
        if pattern.startswith(ROOT_TOKEN):
            pattern = pattern[len(ROOT_TOKEN):].lstrip("/")
        elif pattern.startswith("/"):
            return []
        pattern = posixpath.normpath(pattern)
        want = pattern.split("/")
        hits = []
        for rel in self.files:
            have = rel.split("/")
            if len(have) < len(want):
                continue
            if all(fnmatch.fnmatchcase(h, w) for h, w in zip(have, want)):
                # a pattern naming a directory reads every file below it
                if len(have) == len(want) or not any(c in pattern for c in "*?["):
                    hits.append(rel)
        return sorted(hits)

    def scan(self, rel: str, active: bool | None = True, context: tuple = (), depth: int = 0):
        if depth > 8 or rel not in self.files:
            return
        sf = ScannedFile(rel=rel, context=context)
        self.scanned.append(sf)
        stack: list = []   # (lower name, active)
        for first, last, text in logical_lines(self.files[rel]):
            kind, name, args = classify(text)
            cur = stack[-1][1] if stack else active
            enclosing = context + tuple(s[0] for s in stack)
            if kind == "close":
                if stack and stack[-1][0] == name.lower():
                    stack.pop()
                sf.lines.append(Line(first, last, text, kind, name, args, len(stack),
                                     enclosing[:len(context) + len(stack)], cur))
                continue
            line = Line(first, last, text, kind, name, args, len(stack), enclosing, cur)
            sf.lines.append(line)
            if kind == "open":
                cond = _condition(name.lower(), args, self.loaded, self.defines) if cur else cur
                stack.append((name.lower(), _and(cur, cond)))
                continue
            if cur is not True:
                continue
            lname = name.lower()
            if lname == "loadmodule":
                words = args.split()
                if words:
                    mod = module_short_name(words[0])
                    self.loaded.add(mod)
                    self.loadmodules.append(mod)
            elif lname == "define":
                words = args.split()
                if words:
                    self.defines.add(words[0])
            elif lname in ("include", "includeoptional"):
                targets = self.resolve(args)
                if not targets:
                    self.unresolved.append((args.strip().strip('"\''), lname))
                for target in targets:
                    self.scan(target, True, enclosing, depth + 1)

    def lines(self):
        """Every (ScannedFile, Line) reached, in reading order."""
        for sf in self.scanned:
            for line in sf.lines:
                yield sf, line
