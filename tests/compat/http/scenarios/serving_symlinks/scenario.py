"""Symbolic links as the directory walk judges them: refused (403, AH00037) without
FollowSymLinks/SymLinksIfOwnerMatch, refused when dangling, refused under SymLinksIfOwnerMatch
when the link's owner is not the target's (the tests run as root: the "other" links are given
to nobody), and a link to a directory checked at its own level."""

import os

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
DIRS = ["none", "follow", "owner", "both", "plus"]
NOBODY = 65534


def build(t):
    t.file("secret.txt", "outside the DocumentRoot\n")
    t.file("htdocs/target.txt", "target\n")
    t.file("htdocs/sub/inner.txt", "inner\n")
    for d in DIRS:
        t.dir("htdocs/" + d)
        t.symlink("htdocs/%s/same" % d, "../target.txt")
        t.symlink("htdocs/%s/other" % d, "../target.txt")
        t.symlink("htdocs/%s/outside" % d, "../../secret.txt")
        t.symlink("htdocs/%s/dangling" % d, "missing")
        t.symlink("htdocs/%s/dirlink" % d, "../sub")
        if os.geteuid() == 0:
            os.lchown(t.path("htdocs/%s/other" % d), NOBODY, -1)


def get(target):
    return b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


CASES = []
for d in DIRS:
    for name in ["same", "other", "outside", "dangling", "dirlink/inner.txt", "dirlink/",
                 "same/extra"]:
        target = ("/%s/%s" % (d, name)).encode()
        CASES.append(Case.of(target.decode(), get(target)))
