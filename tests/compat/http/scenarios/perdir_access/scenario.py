"""Access control across per-directory configuration: Require in nested <Directory> sections
and .htaccess files (AuthMerging Off/Or/And), Order/Allow/Deny with Satisfy any/all, <Limit>
and <LimitExcept> in sections and .htaccess files, a <Location> overriding a <Directory>,
Alias into a directory with its own .htaccess, Redirect in the server, in a <Directory> and in
an .htaccess (translate_name before fixups), and AccessFileName with two names (the first that
opens wins, a directory in its place is refused)."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core", "authz_host", "access_compat", "mime", "alias"]
HEADERS = ["content-type", "location", "allow"]
ERROR_LOG = ["core:alert", "AH00529", "AH00554"]


def build(t):
    t.file("conf/mime.types", "text/plain txt\n")
    for d in ["deny", "deny/open", "deny/ht", "deny/ht/granted", "deny/ht/ip", "compat",
              "compat/local", "compat/any", "compat/all", "compat/ht", "compat/ht/allow",
              "compat/ht/satisfy", "compat/ht/limit", "methods", "methods/loc", "methods/ht",
              "merge", "merge/or", "merge/and", "merge/off", "merge/ht", "locdeny", "redir",
              "redir/dir", "redir/ht", "redir/server", "acl/both", "acl/second", "acl/isdir",
              "acl/neither"]:
        t.file("htdocs/%s/f.txt" % d, "%s\n" % d)
    t.file("htdocs/deny/ht/granted/.htaccess", "Require all granted\n")
    t.file("htdocs/deny/ht/ip/.htaccess", "Require ip 127.0.0.1\n")
    t.file("htdocs/compat/ht/allow/.htaccess", "Allow from 127.0.0.0/8\n")
    t.file("htdocs/compat/ht/satisfy/.htaccess", "Satisfy any\nRequire all granted\n")
    t.file("htdocs/compat/ht/limit/.htaccess",
           "<Limit GET>\n  Allow from all\n</Limit>\n")
    t.file("htdocs/merge/ht/.htaccess", "AuthMerging Or\nRequire ip 127.0.0.1\n")
    t.file("htdocs/redir/ht/.htaccess", "Redirect 301 /redir/ht/f.txt http://example.com/ht\n")
    t.file("other/f.txt", "other\n")
    t.file("other/ht/f.txt", "other ht\n")
    t.file("other/ht/.htaccess", "ForceType text/x-aliased\n")
    t.file("other/denied/f.txt", "other denied\n")
    t.file("other/denied/.htaccess", "Require all denied\n")
    t.file("htdocs/acl/both/.acl", "ForceType text/x-acl\n")
    t.file("htdocs/acl/both/.htaccess", "ForceType text/x-htaccess\n")
    t.file("htdocs/acl/second/.htaccess", "ForceType text/x-second\n")
    t.dir("htdocs/acl/isdir/.acl")
    t.file("htdocs/acl/isdir/.htaccess", "ForceType text/x-never\n")


def req(method, target):
    return (method.encode() + b" " + target.encode() +
            b" HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


REQUESTS = [
    ("GET", "/deny/f.txt"), ("GET", "/deny/open/f.txt"), ("GET", "/deny/ht/f.txt"),
    ("GET", "/deny/ht/granted/f.txt"), ("GET", "/deny/ht/ip/f.txt"),
    ("GET", "/compat/f.txt"), ("GET", "/compat/local/f.txt"), ("GET", "/compat/any/f.txt"),
    ("GET", "/compat/all/f.txt"), ("GET", "/compat/ht/allow/f.txt"),
    ("GET", "/compat/ht/satisfy/f.txt"), ("GET", "/compat/ht/limit/f.txt"),
    ("POST", "/compat/ht/limit/f.txt"),
    ("GET", "/methods/f.txt"), ("POST", "/methods/f.txt"), ("PUT", "/methods/f.txt"),
    ("DELETE", "/methods/f.txt"), ("OPTIONS", "/methods/f.txt"), ("HEAD", "/methods/f.txt"),
    ("GET", "/methods/loc/f.txt"), ("POST", "/methods/loc/f.txt"),
    ("GET", "/merge/f.txt"), ("GET", "/merge/or/f.txt"), ("GET", "/merge/and/f.txt"),
    ("GET", "/merge/off/f.txt"), ("GET", "/merge/ht/f.txt"),
    ("GET", "/locdeny/f.txt"),
    ("GET", "/aliased/f.txt"), ("GET", "/aliased/ht/f.txt"), ("GET", "/aliased/denied/f.txt"),
    ("GET", "/redir/server/f.txt"), ("GET", "/redir/dir/f.txt"), ("GET", "/redir/ht/f.txt"),
    ("GET", "/acl/both/f.txt"), ("GET", "/acl/second/f.txt"), ("GET", "/acl/isdir/f.txt"),
    ("GET", "/acl/neither/f.txt"),
]

CASES = [Case.of("%s %s" % (m, p), req(m, p)) for m, p in REQUESTS]
