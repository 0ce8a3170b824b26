"""Deterministic broken variants of a corpus entry.

Each generator gets its own random.Random seeded with "<entry id>/<kind>", so the same corpus
always yields the same mutants. A mutation edits one of the entry's own files (never the files
the harness adds) at a line apache2 reads (active, per confscan); when the entry has no line of
the wanted kind, a line is inserted at the top level of one of its files instead. Whether the
mutant is accepted or rejected does not matter: apache2 and feather are compared on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from confscan import ROOT_TOKEN

# Apache's TAKE1 and FLAG directives in Feather's modules (directives-reference.tsv), minus
# ServerRoot (the harness points it at the temp root) and the read-time Include/UnDefine.
ONE_ARG = frozenset(s.lower() for s in """
AddDefaultCharset AcceptPathInfo DocumentRoot DefaultType EnableMMAP EnableSendfile ReadBufferSize
FlushMaxThreshold FlushMaxPipelined Protocol HostnameLookups ServerAdmin ServerName
ServerSignature DefaultRuntimeDir ErrorLog ServerPath Timeout ContentDigest UseCanonicalName
UseCanonicalPhysicalPort NameVirtualHost ServerTokens LimitRequestLine LimitRequestFieldsize
LimitRequestFields LimitRequestBody LimitXMLRequestBody MaxRanges MaxRangeOverlaps
MaxRangeReversals CGIPassAuth QualifyRedirectURL StrictHostCheck ForceType SetHandler
SetOutputFilter SetInputFilter AllowEncodedSlashes ScoreBoardFile ExtendedStatus SeeRequestTail
PidFile MaxRequestsPerChild MaxConnectionsPerChild CoreDumpDirectory MaxMemFree ThreadStackSize
TraceEnable MergeTrailers ProtocolsHonorOrder MergeSlashes KeepAliveTimeout MaxKeepAliveRequests
KeepAlive TransferLog BufferedLogs User Group ListenBacklog SendBufferSize ReceiveBufferSize
StartServers MinSpareServers MaxSpareServers MaxClients MaxRequestWorkers ServerLimit
GracefulShutdownTimeout MinSpareThreads MaxSpareThreads ThreadsPerChild ThreadLimit AuthMerging
Satisfy DefaultLanguage TypesConfig FallbackResource DirectorySlash DirectoryCheckHandler
CacheNegotiatedDocs RedirectRelative
""".split())

NUMERIC = frozenset(s.lower() for s in """
Timeout KeepAliveTimeout MaxKeepAliveRequests LimitRequestBody LimitRequestFields
LimitRequestFieldsize LimitRequestLine LimitXMLRequestBody ListenBacklog StartServers
MinSpareServers MaxSpareServers MaxRequestWorkers MaxClients ServerLimit ThreadsPerChild
ThreadLimit MinSpareThreads MaxSpareThreads MaxConnectionsPerChild MaxRequestsPerChild
ReadBufferSize SendBufferSize ReceiveBufferSize MaxRanges GracefulShutdownTimeout
""".split())

FLAGS = frozenset(s.lower() for s in """
KeepAlive ExtendedStatus ContentDigest DirectorySlash CacheNegotiatedDocs BufferedLogs
MergeSlashes MergeTrailers SeeRequestTail CGIPassAuth QualifyRedirectURL StrictHostCheck
""".split())

CLOSE_NAMES = ("Directory", "Location", "Files", "VirtualHost", "IfModule", "DirectoryMatch")


@dataclass
class Mutant:
    name: str
    description: str
    files: dict          # relative path -> new text


class _Entry:
    """The entry's own files as apache2 reads them."""

    def __init__(self, tpl):
        self.tpl = tpl
        scanner = tpl.scanner()
        targets = set(tpl.target_rels)
        self.files = [sf for sf in scanner.scanned if sf.rel in targets]
        self.lines = [(sf, ln) for sf in self.files for ln in sf.lines
                      if ln.active is True and ROOT_TOKEN + "/_compat" not in ln.text]
        self.htaccess = tpl.entry.kind == "htaccess"

    def phys(self, rel: str) -> list:
        return self.tpl.files[rel].split("\n")

    def top_level_slots(self):
        """(file, physical index to insert before) at the top level of each file."""
        slots = []
        for sf in self.files:
            slots.append((sf, 0))
            for ln in sf.lines:
                if ln.depth == 0 and ln.kind != "open":
                    slots.append((sf, ln.last + 1))
        return slots

    def directives(self, pred):
        return [(sf, ln) for sf, ln in self.lines
                if ln.kind == "directive" and ln.first == ln.last and pred(ln)]


def _replace(entry: _Entry, sf, index: int, new: str):
    phys = entry.phys(sf.rel)
    old = phys[index]
    cr = "\r" if old.endswith("\r") else ""
    phys[index] = new + cr
    desc = f"{sf.rel}:{index + 1}: {old.rstrip(chr(13))!r} -> {new!r}".replace(ROOT_TOKEN, "{ROOT}")
    return {sf.rel: "\n".join(phys)}, desc


def _insert(entry: _Entry, sf, index: int, new_lines: list):
    phys = entry.phys(sf.rel)
    phys[index:index] = new_lines
    shown = " / ".join(new_lines).replace(ROOT_TOKEN, "{ROOT}")
    desc = f"{sf.rel}: inserted at line {index + 1}: {shown!r}"
    return {sf.rel: "\n".join(phys)}, desc


def _insert_top(entry: _Entry, rng: random.Random, new_lines: list):
    slots = entry.top_level_slots()
    if not slots:
        return None
    sf, index = rng.choice(slots)
    return _insert(entry, sf, index, new_lines)


def _indent_of(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


# --- generators: each returns (files, description) or None --------------------------------

def misspell(entry: _Entry, rng: random.Random, nth: int):
    """The nth (0-based) misspelling of an entry changes a different line than the others."""
    cands = entry.directives(lambda ln: ln.lname != "loadmodule" and ln.name.isalpha()
                             and len(ln.name) > 2)
    if not cands:
        return None
    order = random.Random(f"{entry.tpl.entry.id}/misspell").sample(cands, len(cands))
    sf, ln = order[nth % len(order)]
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r")
    pos = raw.find(ln.name)
    k = rng.randrange(1, len(ln.name))
    old = ln.name[k]
    letters = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != old.lower()]
    new = rng.choice(letters)
    new = new.upper() if old.isupper() else new
    name = ln.name[:k] + new + ln.name[k + 1:]
    return _replace(entry, sf, ln.first, raw[:pos] + name + raw[pos + len(ln.name):])


def unclosed(entry: _Entry, rng: random.Random):
    cands = [(sf, ln) for sf, ln in entry.lines if ln.kind == "close"]
    if not cands:
        return _insert_top(entry, rng, ['<Directory "/compat">', "Options None"])
    sf, ln = rng.choice(cands)
    return _replace(entry, sf, ln.last, "")


def wrong_close(entry: _Entry, rng: random.Random):
    cands = [(sf, ln) for sf, ln in entry.lines if ln.kind == "close"]
    if not cands:
        return _insert_top(entry, rng, ["<Location /compat>", "</Directory>"])
    sf, ln = rng.choice(cands)
    other = rng.choice([n for n in CLOSE_NAMES if n.lower() != ln.lname])
    raw = entry.phys(sf.rel)[ln.last].rstrip("\r")
    return _replace(entry, sf, ln.last, raw.replace("</" + ln.name, "</" + other, 1))


def extra_argument(entry: _Entry, rng: random.Random):
    cands = entry.directives(lambda ln: ln.lname in ONE_ARG and ln.args)
    if not cands:
        return _insert_top(entry, rng, ["KeepAlive On Off"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r").rstrip()
    return _replace(entry, sf, ln.first, raw + " extra")


def missing_argument(entry: _Entry, rng: random.Random):
    cands = entry.directives(lambda ln: ln.lname in ONE_ARG)
    if not cands:
        return _insert_top(entry, rng, ["ServerName"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r")
    return _replace(entry, sf, ln.first, _indent_of(raw) + ln.name)


def bad_options(entry: _Entry, rng: random.Random):
    cands = entry.directives(lambda ln: ln.lname == "options" and ln.args.split())
    if not cands:
        return _insert_top(entry, rng, ["Options Indexes Bogus"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r")
    words = ln.args.split()
    k = rng.randrange(len(words))
    prefix = words[k][0] if words[k][0] in "+-" else ""
    bogus = rng.choice(["Bogus", "FollowSymlink", "Indexs"])
    words[k] = prefix + bogus
    return _replace(entry, sf, ln.first, f"{_indent_of(raw)}{ln.name} {' '.join(words)}")


def bad_regex(entry: _Entry, rng: random.Random):
    if entry.htaccess:
        choices = [('<FilesMatch "[">', "</FilesMatch>"), ('<Files ~ "(">', "</Files>")]
    else:
        choices = [('<DirectoryMatch "(">', "</DirectoryMatch>"),
                   ('<FilesMatch "[">', "</FilesMatch>"),
                   ('<LocationMatch "*">', "</LocationMatch>"),
                   ('<Directory ~ "(">', "</Directory>")]
    return _insert_top(entry, rng, list(rng.choice(choices)))


def missing_include(entry: _Entry, rng: random.Random):
    line = rng.choice(["Include conf/compat-missing.conf",
                       f'Include "{ROOT_TOKEN}/compat-missing.conf"',
                       "Include compat-missing-dir/*.conf",
                       "Include conf/compat-missing-*.conf"])
    return _insert_top(entry, rng, [line])


def bad_number(entry: _Entry, rng: random.Random):
    bad = rng.choice(["abc", "-1", "12x", "0x10", "99999999999999999999"])
    cands = entry.directives(lambda ln: ln.lname in NUMERIC)
    if not cands:
        name = rng.choice(["Timeout", "MaxKeepAliveRequests", "LimitRequestBody",
                           "KeepAliveTimeout", "LimitRequestFields"])
        return _insert_top(entry, rng, [f"{name} {bad}"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r")
    return _replace(entry, sf, ln.first, f"{_indent_of(raw)}{ln.name} {bad}")


def bad_flag(entry: _Entry, rng: random.Random):
    value = rng.choice(["maybe", "yes", "1"])
    cands = entry.directives(lambda ln: ln.lname in FLAGS)
    if not cands:
        return _insert_top(entry, rng, [f"KeepAlive {value}"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r")
    return _replace(entry, sf, ln.first, f"{_indent_of(raw)}{ln.name} {value}")


def missing_gt(entry: _Entry, rng: random.Random):
    cands = [(sf, ln) for sf, ln in entry.lines
             if ln.kind == "open" and ln.first == ln.last and ln.text.endswith(">")]
    if not cands:
        return _insert_top(entry, rng, ['<Files "compat"', "</Files>"])
    sf, ln = rng.choice(cands)
    raw = entry.phys(sf.rel)[ln.first].rstrip("\r").rstrip()
    return _replace(entry, sf, ln.first, raw[:-1])


def not_allowed_here(entry: _Entry, rng: random.Random):
    sections = [(sf, ln) for sf, ln in entry.lines
                if ln.kind == "open" and ln.lname in ("directory", "location", "files",
                                                      "virtualhost", "directorymatch",
                                                      "locationmatch", "filesmatch")]
    line = rng.choice(["Listen 8081", "ServerRoot /compat-no-such-dir", "AllowOverride None",
                       "DocumentRoot /tmp", "<VirtualHost *:8081>"])
    if not sections:
        return _insert_top(entry, rng, ["<Location /compat>", line, "</Location>"])
    sf, ln = rng.choice(sections)
    if line.startswith("<"):
        return _insert(entry, sf, ln.last + 1, [line, "</VirtualHost>"])
    return _insert(entry, sf, ln.last + 1, [line])


def stray_close(entry: _Entry, rng: random.Random):
    return _insert_top(entry, rng, [rng.choice(["</Directory>", "</IfModule>", "</VirtualHost>"])])


def unknown_user(entry: _Entry, rng: random.Random):
    which = rng.choice(["User", "Group"])
    return _insert_top(entry, rng, [f"{which} compat-no-such-account"])


def missing_docroot(entry: _Entry, rng: random.Random):
    """A main server's DocumentRoot must exist; a virtual host's only draws AH00112."""
    line = f'DocumentRoot "{ROOT_TOKEN}/compat-no-such-dir"'
    vhosts = [(sf, ln) for sf, ln in entry.lines if ln.kind == "open"
              and ln.lname == "virtualhost"]
    if vhosts and rng.random() < 0.5:
        sf, ln = rng.choice(vhosts)
        return _insert(entry, sf, ln.last + 1, [line])
    return _insert_top(entry, rng, [line])


GENERATORS = [
    ("misspell-1", lambda e, r: misspell(e, r, 0)), ("misspell-2", lambda e, r: misspell(e, r, 1)),
    ("misspell-3", lambda e, r: misspell(e, r, 2)), ("unclosed", unclosed),
    ("wrong-close", wrong_close), ("extra-arg", extra_argument),
    ("missing-arg", missing_argument), ("bad-options", bad_options), ("bad-regex", bad_regex),
    ("missing-include", missing_include), ("bad-number", bad_number), ("bad-flag", bad_flag),
    ("missing-gt", missing_gt), ("not-allowed", not_allowed_here), ("stray-close", stray_close),
    ("unknown-user", unknown_user), ("missing-docroot", missing_docroot),
]


def generate(tpl) -> list:
    entry = _Entry(tpl)
    out = []
    seen = set()
    for kind, gen in GENERATORS:
        rng = random.Random(f"{tpl.entry.id}/{kind}")
        result = gen(entry, rng)
        if result is None:
            continue
        files, desc = result
        key = tuple(sorted(files.items()))
        if key in seen:
            continue
        seen.add(key)
        out.append(Mutant(name=kind, description=desc, files=files))
    return out

