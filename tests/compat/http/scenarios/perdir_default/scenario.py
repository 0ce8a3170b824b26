"""AllowOverride never set: httpd's OR_UNSET bit makes the directory walk read .htaccess files
at every level, and every directive in one is "not allowed here" (500); empty or comment-only
files are harmless; AllowOverride None stops the reading below it."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core", "mime"]
HEADERS = ["content-type"]
ERROR_LOG = ["core:alert"]


def build(t):
    t.file("conf/mime.types", "text/plain txt\n")
    t.file("htdocs/f.txt", "top\n")
    t.file("htdocs/plain/f.txt", "plain\n")
    t.file("htdocs/forcetype/.htaccess", "ForceType text/x-ht\n")
    t.file("htdocs/forcetype/f.txt", "forcetype\n")
    t.file("htdocs/comment/.htaccess", "# only a comment\n\n")
    t.file("htdocs/comment/f.txt", "comment\n")
    t.file("htdocs/unknown/.htaccess", "NoSuchDirective\n")
    t.file("htdocs/unknown/f.txt", "unknown\n")
    t.file("htdocs/ifmodule/.htaccess", "<IfModule mod_mime.c>\n</IfModule>\n")
    t.file("htdocs/ifmodule/f.txt", "ifmodule\n")
    t.file("htdocs/sectioned/.htaccess", "ForceType text/x-ht\n")
    t.file("htdocs/sectioned/f.txt", "sectioned\n")
    t.file("htdocs/none/.htaccess", "ForceType text/x-ht\n")
    t.file("htdocs/none/f.txt", "none\n")
    t.file("htdocs/none/deeper/.htaccess", "ForceType text/x-ht\n")
    t.file("htdocs/none/deeper/f.txt", "deeper\n")


def get(target):
    return b"GET " + target.encode() + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


TARGETS = ["/f.txt", "/plain/f.txt", "/forcetype/f.txt", "/forcetype/", "/comment/f.txt",
           "/unknown/f.txt", "/ifmodule/f.txt", "/sectioned/f.txt", "/none/f.txt",
           "/none/deeper/f.txt", "/missing/f.txt"]
CASES = [Case.of(t, get(t)) for t in TARGETS]
