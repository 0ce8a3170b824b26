"""The configuration corpus (tests/data/corpus): its manifest, and each entry prepared as an
in-memory tree that can be written under any temporary ServerRoot.

Preparation follows tests/data/corpus/README.md:
- main entries are tested with -f; a file without a directory part goes to conf/<name>;
- fragments are Included from a generated main config (conf/compat-main.conf);
- htaccess entries are Included inside <Directory DocumentRoot> of that main config;
- the original ServerRoot (orig_root) and the `_abs/` trees are re-rooted into the temp root,
  and every active ServerRoot directive is pointed at the temp root;
- LoadModule lines keep only the modules Feather has, pointing at Debian's module directory; the
  modules Debian's apache2 has compiled in are loaded through a one-line Include of a file that
  wraps them in <IfModule !x_module> (so that line numbers do not change); mpm_event becomes
  mpm_prefork; every other LoadModule line is commented out.

Beyond the README, so that apache2 reads an entry through instead of stopping at what the corpus
leaves out or at what this host lacks (each change is listed in Template.adaptations):
- every DocumentRoot directory is created (those outside the temp root are moved under _abs/);
- a file a main config Includes but the corpus lacks gets an empty stand-in;
- User/Group naming an account this host lacks is pointed at daemon.

File texts hold ROOT_TOKEN wherever the temporary root's path belongs.
"""

from __future__ import annotations

import csv
import grp
import os
import pwd
import re
from dataclasses import dataclass, field

from confscan import ROOT_TOKEN, Scanner, module_short_name

MODULE_DIR = "/usr/lib/apache2/modules"

# Modules Feather implements (the only ones a LoadModule line may keep).
FEATHER_MODULES = ("core", "so", "http", "log_config", "logio", "version", "unixd",
                   "mpm_prefork", "mpm_worker", "authz_core", "authz_host", "access_compat",
                   "mime", "dir", "negotiation", "status", "alias")
# Of those, the ones Debian's apache2 has compiled in (LoadModule of them fails there).
DEBIAN_BUILTIN = ("core", "so", "http", "log_config", "logio", "version", "unixd")
# Loaded by the generated main config of fragments and htaccess entries.
FRAGMENT_MODULES = ("mpm_prefork", "authz_core", "authz_host", "access_compat", "mime", "dir",
                    "negotiation", "status", "alias", "log_config", "logio", "version", "unixd")

COMPAT_DIR = "_compat"
PRELUDE_REL = COMPAT_DIR + "/prelude.conf"

# What Debian's /etc/apache2/envvars exports; the Debian tree uses these.
def environment(root: str) -> dict:
    return {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C",
        "LC_ALL": "C",
        "APACHE_RUN_USER": "www-data",
        "APACHE_RUN_GROUP": "www-data",
        "APACHE_PID_FILE": root + "/run/apache2.pid",
        "APACHE_RUN_DIR": root + "/run",
        "APACHE_LOCK_DIR": root + "/lock",
        "APACHE_LOG_DIR": root + "/logs",
    }


RUNTIME_DIRS = ("run", "lock", "logs", "htdocs")


@dataclass
class Entry:
    id: str
    kind: str
    entry: str
    args: list
    orig_root: str | None
    prelude: str
    notes: str


@dataclass
class Template:
    """An entry ready to be written under a temporary root."""
    entry: Entry
    files: dict                 # relative path -> text (with ROOT_TOKEN)
    main_rel: str
    defines: list               # -D names
    target_rels: list = field(default_factory=list)   # the corpus files themselves
    prelude_mpm: bool = False
    prelude_modules: list = field(default_factory=list)  # for manifest prelude "set"
    adaptations: list = field(default_factory=list)   # what the harness changed, for reports
    dirs: list = field(default_factory=list)          # directories to create (relative)

    def prelude_text(self) -> str:
        lines = ["# Supplied by tests/compat: what the entry needs to be checked on its own."]
        if self.prelude_mpm:
            lines.append(f"LoadModule mpm_prefork_module {MODULE_DIR}/mod_mpm_prefork.so")
        for mod in self.prelude_modules:
            so = f"LoadModule {mod}_module {MODULE_DIR}/mod_{mod}.so"
            lines += [f"<IfModule !{mod}_module>", so, "</IfModule>"]
        lines.append("ServerName localhost")
        lines.append(f'ErrorLog "{ROOT_TOKEN}/logs/error.log"')
        return "\n".join(lines) + "\n"

    def all_files(self) -> dict:
        out = dict(self.files)
        out[PRELUDE_REL] = self.prelude_text()
        return out

    def command_args(self, root: str) -> list:
        """Arguments shared by apache2 and feather (after the program name)."""
        args = ["-d", root, "-f", f"{root}/{self.main_rel}", "-C", f"Include {root}/{PRELUDE_REL}"]
        for name in self.defines:
            args += ["-D", name]
        return args + ["-t"]

    def scanner(self, files: dict | None = None) -> Scanner:
        files = files if files is not None else self.files
        loaded = set(self.prelude_modules) | ({"mpm_prefork"} if self.prelude_mpm else set())
        sc = Scanner(files, loaded=loaded, defines=self.defines)
        sc.scan(self.main_rel)
        return sc


def read_manifest(corpus_dir: str) -> list:
    entries = []
    with open(os.path.join(corpus_dir, "MANIFEST.tsv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            args = [] if row["args"] in ("", "-") else row["args"].split()
            defines = []
            i = 0
            while i < len(args):
                if args[i] == "-D" and i + 1 < len(args):
                    defines.append(args[i + 1])
                    i += 2
                elif args[i].startswith("-D"):
                    defines.append(args[i][2:])
                    i += 1
                else:
                    i += 1
            entries.append(Entry(id=row["id"], kind=row["kind"], entry=row["entry"],
                                 args=defines,
                                 orig_root=None if row["orig_root"] in ("", "-")
                                 else row["orig_root"].rstrip("/"),
                                 prelude=row["prelude"], notes=row.get("notes", "")))
    return entries


def _read_tree(base: str) -> dict:
    files = {}
    for dirpath, _dirnames, filenames in os.walk(base):
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            with open(path, "rb") as f:
                files[rel] = f.read().decode("latin-1")
    # A checkout without symlink support stores a link as a file holding its target
    # (Debian's *-enabled/ links): read such a file as the file it points to.
    for rel, text in list(files.items()):
        if 0 < len(text) < 256 and not any(c.isspace() for c in text):
            target = os.path.normpath(os.path.join(os.path.dirname(rel), text))
            target = target.replace(os.sep, "/")
            if target in files and target != rel:
                files[rel] = files[target]
    return files


_ACCOUNT = re.compile(r"^(\s*)(User|Group)(\s+)([A-Za-z_][\w.-]*)(\s*)$", re.IGNORECASE)
STANDIN_TEXT = "# Stand-in written by tests/compat: the corpus does not hold this file.\n"


def _account_exists(kind: str, name: str) -> bool:
    try:
        (pwd.getpwnam if kind.lower() == "user" else grp.getgrnam)(name)
        return True
    except KeyError:
        return False


def _host_accounts(text: str, rel: str, notes: list) -> str:
    """User/Group naming an account this host lacks (Alpine's apache, Arch's http) would stop
    apache2 -t at that line (AH00543); point it at daemon, which every Debian host has. The
    unknown-user mutant keeps that check covered."""
    out = []
    for i, line in enumerate(text.split("\n")):
        cr = "\r" if line.endswith("\r") else ""
        body = line[:-1] if cr else line
        m = _ACCOUNT.match(body)
        if m and not _account_exists(m.group(2), m.group(4)):
            body = f"{m.group(1)}{m.group(2)}{m.group(3)}daemon{m.group(5)}"
            notes.append(f"{rel}:{i + 1}: {m.group(2)} {m.group(4)} -> daemon "
                         "(no such account here)")
        out.append(body + cr)
    return "\n".join(out)


def _standin_name(pattern: str) -> str:
    """A path that the Include pattern matches."""
    pattern = re.sub(r"\[[!^][^\]]*\]", "x", pattern)
    pattern = re.sub(r"\[(.)[^\]]*\]", r"\1", pattern)
    return pattern.replace("*", "compat-standin").replace("?", "x")


_DOCROOT = re.compile(r"^\s*DocumentRoot\s+(?:\"([^\"]*)\"|'([^']*)'|(\S+))\s*$",
                      re.IGNORECASE | re.MULTILINE)


def _docroots(text: str) -> list:
    out = []
    for m in _DOCROOT.finditer(text.replace("\r", "")):
        path = m.group(1) or m.group(2) or m.group(3) or ""
        if path and "${" not in path and "{" not in path:
            out.append(path)
    return out


_LOADMODULE = re.compile(r"^(\s*)LoadModule(\s+)(\S+)(\s+)(\S+)(.*)$", re.IGNORECASE)
_SERVERROOT = re.compile(r"^(\s*)ServerRoot\s+\S.*$", re.IGNORECASE)


def _rewrite_loadmodules(text: str, wrappers: dict) -> str:
    out = []
    for line in text.split("\n"):
        cr = "\r" if line.endswith("\r") else ""
        body = line[:-1] if cr else line
        m = _LOADMODULE.match(body)
        if m:
            indent, symbol = m.group(1), m.group(3)
            mod = module_short_name(symbol)
            if mod == "mpm_event":
                mod, symbol = "mpm_prefork", "mpm_prefork_module"
            if mod in DEBIAN_BUILTIN:
                rel = f"{COMPAT_DIR}/loadmodule-{mod}.conf"
                wrappers[rel] = (f"<IfModule !{mod}_module>\n"
                                 f"LoadModule {mod}_module {MODULE_DIR}/mod_{mod}.so\n"
                                 f"</IfModule>\n")
                body = f'{indent}Include "{ROOT_TOKEN}/{rel}"'
            elif mod in FEATHER_MODULES:
                body = f"{indent}LoadModule {symbol} {MODULE_DIR}/mod_{mod}.so"
            else:
                body = "#" + body
        out.append(body + cr)
    return "\n".join(out)


def _reroot(text: str, orig_root: str | None, abs_map: list) -> str:
    """Replaces whole absolute paths (not a path's tail: /etc/x inside /srv/etc/x stays)."""
    pairs = list(abs_map) + ([(orig_root, ROOT_TOKEN)] if orig_root else [])
    for orig, new in pairs:
        text = re.sub(r"(?<![\w.@/-])" + re.escape(orig) + r"(?=[/\"'\s>]|$)",
                      lambda _m, new=new: new, text, flags=re.MULTILINE)
    return text


def _point_serverroot(text: str) -> str:
    out = []
    for line in text.split("\n"):
        cr = "\r" if line.endswith("\r") else ""
        body = line[:-1] if cr else line
        m = _SERVERROOT.match(body)
        if m:
            body = f'{m.group(1)}ServerRoot "{ROOT_TOKEN}"'
        out.append(body + cr)
    return "\n".join(out)


def _generated_main(entry: Entry, include_rel: str) -> str:
    lines = ["# Generated by tests/compat: the main config a corpus entry is Included from.",
             f'ServerRoot "{ROOT_TOKEN}"']
    for mod in FRAGMENT_MODULES:
        so = f"LoadModule {mod}_module {MODULE_DIR}/mod_{mod}.so"
        if mod in DEBIAN_BUILTIN:
            lines += [f"<IfModule !{mod}_module>", so, "</IfModule>"]
        else:
            lines.append(so)
    lines.append(f'DocumentRoot "{ROOT_TOKEN}/htdocs"')
    if entry.kind == "htaccess":
        lines += [f'<Directory "{ROOT_TOKEN}/htdocs">',
                  f'Include "{ROOT_TOKEN}/{include_rel}"',
                  "</Directory>"]
    else:
        lines.append(f'Include "{ROOT_TOKEN}/{include_rel}"')
    return "\n".join(lines) + "\n"


def _entry_files(entry: Entry, confs: str):
    """(files, main file, the single corpus file or None) as the README lays an entry out."""
    files: dict = {}
    if entry.kind == "main" and "/" in entry.entry:
        tree, main_rel = entry.entry.split("/", 1)
        return _read_tree(os.path.join(confs, tree)), main_rel, None
    main_rel = "conf/" + entry.entry if entry.kind == "main" else "conf/compat-main.conf"
    with open(os.path.join(confs, entry.entry), "rb") as f:
        text = f.read().decode("latin-1")
    single = {"main": main_rel, "fragment": "conf.d/" + entry.entry}.get(
        entry.kind, "htdocs/" + entry.entry)
    files[single] = text
    return files, main_rel, single


def _document_roots(files: dict, notes: list):
    """A main server's DocumentRoot must exist (core.c: "DocumentRoot '...' is not a
    directory"); the corpus holds none. Returns the directories to create and the re-rooting of
    those outside the temp root (to _abs/, the README's convention for absolute paths)."""
    dirs, moved = [], []
    for rel in files:
        for path in _docroots(files[rel]):
            if path.startswith(ROOT_TOKEN):
                dirs.append(path[len(ROOT_TOKEN):].strip("/"))
            elif path.startswith("/"):
                orig = path.rstrip("/")
                if orig and orig not in [o for o, _ in moved]:
                    moved.append((orig, f"{ROOT_TOKEN}/_abs{orig}"))
                    dirs.append("_abs" + orig)
                    notes.append(f"DocumentRoot {orig} -> {{ROOT}}/_abs{orig}")
            else:
                dirs.append(path.strip("/"))
    moved.sort(key=lambda p: -len(p[0]))
    return dirs, moved


def _add_standins(tpl: Template) -> None:
    """Files a main config Includes but the corpus leaves out (Arch's conf/extra/*, FreeBSD's
    Includes/, Arch's /etc/letsencrypt/...) get empty stand-ins, so apache2 reads on past them."""
    files = tpl.files
    for _ in range(4):
        missing = sorted({p for p, how in tpl.scanner().unresolved if how == "include"})
        added = False
        for pattern in missing:
            if pattern.startswith(ROOT_TOKEN):
                pattern = pattern[len(ROOT_TOKEN):].lstrip("/")
            elif pattern.startswith("/"):
                moved = [(pattern, f"{ROOT_TOKEN}/_abs{pattern}")]
                for rel in tpl.target_rels:
                    files[rel] = _reroot(files[rel], None, moved)
                pattern = "_abs" + pattern
            rel = os.path.normpath(_standin_name(pattern)).replace(os.sep, "/")
            if rel not in files and not rel.startswith(".."):
                files[rel] = STANDIN_TEXT
                tpl.adaptations.append(f"stand-in for Include {pattern}: {rel}")
                added = True
        if not added:
            break


def prepare(entry: Entry, corpus_dir: str) -> Template:
    files, main_rel, single = _entry_files(entry, os.path.join(corpus_dir, "confs"))

    # `_abs/` holds files the config names by absolute path: /x/y -> ROOT/_abs/x/y
    abs_map = [(rel[len("_abs"):], f"{ROOT_TOKEN}/{rel}") for rel in files
               if rel.startswith("_abs/")]
    abs_map.sort(key=lambda p: -len(p[0]))
    for rel in list(files):
        files[rel] = _reroot(files[rel], entry.orig_root, abs_map)

    notes: list = []
    dirs, moved = _document_roots(files, notes)
    wrappers: dict = {}
    for rel in list(files):
        text = _reroot(files[rel], None, moved)
        text = _rewrite_loadmodules(text, wrappers)
        text = _point_serverroot(text)
        text = _host_accounts(text, rel, notes)
        files[rel] = text
    targets = sorted(files)
    files.update(wrappers)
    if entry.kind != "main":
        files[main_rel] = _generated_main(entry, single)

    tpl = Template(entry=entry, files=files, main_rel=main_rel, defines=list(entry.args),
                   target_rels=targets, adaptations=notes, dirs=sorted(set(dirs)))
    _add_standins(tpl)
    # An MPM comes from the prelude only when the entry loads none (AH00534 otherwise).
    sc = tpl.scanner()
    tpl.prelude_mpm = not any(m.startswith("mpm_") for m in sc.loadmodules)
    # "set": the tree lacks its module-loading files; the prelude loads Feather's modules
    if entry.prelude == "set":
        tpl.prelude_modules = [m for m in FRAGMENT_MODULES
                               if not m.startswith("mpm_") and m not in sc.loadmodules]
    return tpl


def materialize(files: dict, root: str, dirs=()) -> None:
    """Writes the in-memory tree under root, ROOT_TOKEN replaced by root."""
    for d in list(RUNTIME_DIRS) + list(dirs):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text.replace(ROOT_TOKEN, root).encode("latin-1"))
