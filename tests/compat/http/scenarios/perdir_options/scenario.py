"""Options +/- as httpd's directory walk merges them (core_opts_merge) level by level from the
<Directory> sections and the .htaccess files of each level, and checks symbolic links against
what is in force at that level: FollowSymLinks, SymLinksIfOwnerMatch (links owned by nobody point
to files owned by root: "other"), both, neither. Regex <Directory>, <Files> and <Location>
sections merge after the walk and do not change its link checks."""

import os

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core", "mime"]
HEADERS = ["content-type", "content-length"]
NOBODY = 65534

LEVELS = ["a", "a/b", "a/b/c", "a/b/c/d", "a/b/c/d/e", "a/b/c/d/e/f", "rx1", "files", "loc",
          "h", "h/one", "h/one/two", "h/sec", "h/sec/in", "h/sec/in/deep"]

HTACCESS = {
    "h": "Options +SymLinksIfOwnerMatch\n",
    "h/one": "Options +FollowSymLinks -SymLinksIfOwnerMatch\n",
    "h/one/two": "Options -FollowSymLinks\nForceType text/x-two\n",
    "h/sec/in": "Options -FollowSymLinks +SymLinksIfOwnerMatch\n",
    "h/sec/in/deep": "Options All\n",
}


def build(t):
    t.file("conf/mime.types", "text/plain txt\n")
    for lvl in LEVELS:
        base = "htdocs/%s/" % lvl
        t.file(base + "f.txt", "file at %s\n" % lvl)
        t.symlink(base + "same.txt", "f.txt")
        t.symlink(base + "other.txt", "f.txt")
        t.dir(base + "sub")
        t.file(base + "sub/s.txt", "sub of %s\n" % lvl)
        t.symlink(base + "dirlink", "sub")
        if os.geteuid() == 0:
            os.lchown(t.path(base + "other.txt"), NOBODY, -1)
    for lvl, text in HTACCESS.items():
        t.file("htdocs/%s/.htaccess" % lvl, text)


def get(target):
    return b"GET " + target.encode() + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


CASES = []
for lvl in LEVELS:
    for name in ["f.txt", "same.txt", "other.txt", "dirlink/s.txt"]:
        target = "/%s/%s" % (lvl, name)
        CASES.append(Case.of(target, get(target)))
