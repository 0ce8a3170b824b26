"""The merge order of sections (server/request.c): <Directory> shortest path first with wildcard
and depth rules, regex <Directory> after all plain ones, <Files> inside what matched, then
<Location> in the order written; and httpd's quirk that, when the first stat found the file and
FollowSymLinks needs no lstat, the file's own name is walked as one more directory level."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]


def build(t):
    t.file("htdocs/d/e/f/a.txt", "A\n")
    t.file("htdocs/d/b.txt", "B\n")
    t.file("htdocs/d/e/g.txt", "G\n")
    t.file("htdocs/d/e/h.txt", "H\n")
    t.file("htdocs/x/c.txt", "C\n")
    t.file("htdocs/r/r.txt", "R\n")
    t.file("htdocs/loc/l.txt", "L\n")
    t.file("htdocs/loc.txt", "l\n")


def get(target):
    return b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


TARGETS = [b"/d/e/f/a.txt", b"/d/b.txt", b"/d/b.txt/extra", b"/d/e/g.txt", b"/d/e/h.txt",
           b"/x/c.txt", b"/r/r.txt", b"/loc/l.txt", b"/loc", b"/loc.txt", b"/d/e/nope"]

CASES = [Case.of(t.decode(), get(t)) for t in TARGETS]
