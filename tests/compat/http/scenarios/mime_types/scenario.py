"""mod_mime's type checker: every extension of the file name counts, in any order and case; the
per-directory Add*/Remove* mappings over the TypesConfig file; charsets added to the type;
encodings accumulated; DefaultLanguage; a file whose name matches nothing gets no Content-Type."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime"]

# The headers mod_mime decides.
HEADERS = ["content-type", "content-encoding", "content-language"]

TYPES = """# a small types file: the type keeps its case, extensions do not
text/html\t\t\t\thtml htm
text/plain txt TEXT
application/x-gzip gz
application/x-tar tar
image/png png
Application/X-Mixed mixed
text/x-continued cont1 \\
   cont2
"""

FILES = [
    "index.html", "index.HTML", "index.html.en", "index.en.html", "index.fr.en.html",
    "archive.tar.gz", "archive.tar.Z.gz", "notes.utf8.txt", "notes.txt.unknown", "unknown.zzz",
    "noext", ".png", "..png", "x..png", "a.cust", "b.MIXED", "c.mixed", "d.lvl", "e.lat.utf8",
    "f.cont1", "g.cont2", "h.htm.utf8.en",
    "sub/a.txt", "sub/a.html", "sub/a.html.en", "sub/a.tar.gz", "sub/a.zzz",
    "sub/deeper/a.txt", "sub/deeper/a.html.en", "sub/deeper/a.html.fr",
    "forced/a.html",
]


def build(t):
    t.file("conf/mime.types", TYPES)
    for f in FILES:
        t.file("htdocs/" + f, "x\n")


def get(path):
    return Case.of(path, ("GET /%s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                          % path).encode())


CASES = [get(f) for f in FILES]
