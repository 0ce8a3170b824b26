""".htaccess files as httpd reads them in its directory walk (ap_parse_htaccess): each override
class allowing its own directives and refusing the others (500, "not allowed here"), unknown
directives and syntax errors (500, logged at alert with the file's name), sections allowed in
.htaccess (<Files>, <FilesMatch>, <Limit>, <LimitExcept>, <IfModule>, <IfDefine>, <RequireAny>),
AllowOverride Options=... limiting the Options keywords, AllowOverrideList, Nonfatal=All, nested
files merging level by level, an unreadable file and a directory named .htaccess (403, AH00529),
and a file rewritten between two requests (read again). The error-log lines are compared too."""

import os

from harness.scenario import Case, Edit

MODULES = ["mpm_worker", "authz_core", "authz_host", "access_compat", "mime", "dir", "alias"]

HEADERS = ["content-type", "location", "content-length"]
ERROR_LOG = ["core:alert", "AH00529", "AH00554", "AH02295", "AH02296"]

# (override directory, case directory, .htaccess text, requests as (method, path below the case
# directory)). A request with no method is a GET of f.txt.
GET = [("GET", "f.txt")]
TREE = [
    # AllowOverride AuthConfig
    ("auth", "require_denied", "Require all denied\n", GET),
    ("auth", "require_local", "Require ip 127.0.0.1\n", GET),
    ("auth", "require_other", "Require ip 10.9.8.7\n", GET),
    ("auth", "only_negative", "Require not ip 10.9.8.7\n", GET),
    ("auth", "require_any", "<RequireAny>\n  Require ip 10.9.8.7\n  Require all denied\n"
                            "</RequireAny>\n", GET),
    ("auth", "require_all", "<RequireAll>\n  Require all granted\n  Require not ip 10.9.8.7\n"
                            "</RequireAll>\n", GET),
    ("auth", "require_none", "<RequireAll>\n  Require all granted\n  <RequireNone>\n"
                             "    Require ip 127.0.0.1\n  </RequireNone>\n</RequireAll>\n", GET),
    ("auth", "satisfy", "Satisfy any\n", GET),
    ("auth", "limit_post", "<Limit POST>\n  Require all denied\n</Limit>\n",
     [("GET", "f.txt"), ("POST", "f.txt")]),
    ("auth", "limit_except", "<LimitExcept GET>\n  Require all denied\n</LimitExcept>\n",
     [("GET", "f.txt"), ("HEAD", "f.txt"), ("POST", "f.txt"), ("OPTIONS", "f.txt")]),
    ("auth", "bad_forcetype", "ForceType text/x-auth\n", GET),
    ("auth", "bad_order", "Order deny,allow\n", GET),
    ("auth", "bad_options", "Options -FollowSymLinks\n", GET),
    # AllowOverride FileInfo
    ("fileinfo", "forcetype", "ForceType text/x-fileinfo\n", GET),
    ("fileinfo", "addtype", "AddType text/x-added .txt\n", GET),
    ("fileinfo", "redirect", "Redirect /fileinfo/redirect/f.txt http://example.com/moved\n", GET),
    ("fileinfo", "redirect_perm", "Redirect permanent /fileinfo/redirect_perm http://example.com/p\n",
     [("GET", "f.txt"), ("GET", "other/x")]),
    ("fileinfo", "errordoc", "ErrorDocument 404 \"custom not found\n",
     [("GET", "f.txt"), ("GET", "missing.txt")]),
    ("fileinfo", "files", "<Files f.txt>\n  ForceType text/x-files\n</Files>\n",
     [("GET", "f.txt"), ("GET", "g.txt")]),
    ("fileinfo", "filesmatch", "<FilesMatch \"^g\\.\">\n  ForceType text/x-filesmatch\n"
                               "</FilesMatch>\n", [("GET", "f.txt"), ("GET", "g.txt")]),
    ("fileinfo", "ifmodule", "<IfModule mod_mime.c>\n  AddType text/x-ifmodule .txt\n"
                             "</IfModule>\n", GET),
    ("fileinfo", "ifmodule_absent", "<IfModule mod_nowhere.c>\n  Bogus directive\n</IfModule>\n"
                                    "ForceType text/x-after\n", GET),
    ("fileinfo", "ifdefine", "<IfDefine !NOT_DEFINED>\n  ForceType text/x-ifdefine\n"
                             "</IfDefine>\n", GET),
    ("fileinfo", "continued", "# a comment\nForceType \\\n  text/x-continued\n", GET),
    ("fileinfo", "empty", "", GET),
    ("fileinfo", "bad_require", "Require all denied\n", GET),
    ("fileinfo", "bad_dirindex", "DirectoryIndex f.txt\n", GET),
    ("fileinfo", "bad_limit", "<Limit GET>\n  Require all denied\n</Limit>\n", GET),
    ("fileinfo", "unknown", "ForceType text/x-first\nBogusDirective on\n", GET),
    ("fileinfo", "argcount", "ForceType\n", GET),
    ("fileinfo", "argcount2", "ForceType a b\n", GET),
    ("fileinfo", "unclosed", "<Files f.txt>\n  ForceType text/x-unclosed\n", GET),
    ("fileinfo", "unmatched", "ForceType text/x-a\n</Files>\n", GET),
    ("fileinfo", "mismatched", "<Files f.txt>\n</FilesMatch>\n", GET),
    ("fileinfo", "directory", "<Directory /tmp>\n  ForceType text/x-dir\n</Directory>\n", GET),
    ("fileinfo", "location", "<Location />\n  ForceType text/x-loc\n</Location>\n", GET),
    ("fileinfo", "include", "Include /etc/hostname\n", GET),
    ("fileinfo", "allowoverride", "AllowOverride All\n", GET),
    ("fileinfo", "addtype_bad", "AddType text/x-one\n", GET),
    # AllowOverride Indexes
    ("indexes", "dirindex", "DirectoryIndex f.txt\n", [("GET", ""), ("GET", "f.txt")]),
    ("indexes", "bad_forcetype", "ForceType text/x-idx\n", GET),
    # AllowOverride Limit
    ("limit", "deny_all", "Order deny,allow\nDeny from all\n", GET),
    ("limit", "allow_local", "Order deny,allow\nDeny from all\nAllow from 127.0.0.1\n", GET),
    ("limit", "deny_local", "Order allow,deny\nAllow from all\nDeny from 127.0.0.1\n", GET),
    ("limit", "allow_other", "Order allow,deny\nAllow from 10.0.0.0/8\n", GET),
    ("limit", "limit_get", "<Limit GET>\n  Order deny,allow\n  Deny from all\n</Limit>\n",
     [("GET", "f.txt"), ("POST", "f.txt")]),
    ("limit", "bad_require", "Require all denied\n", GET),
    ("limit", "bad_satisfy", "Satisfy any\n", GET),
    # AllowOverride Options (the keywords of OPT_ALL only)
    ("options", "follow", "Options +FollowSymLinks\n", [("GET", "link.txt"), ("GET", "f.txt")]),
    ("options", "nofollow", "Options -FollowSymLinks\n", [("GET", "link.txt")]),
    ("options", "none", "Options None\n", [("GET", "link.txt")]),
    ("options", "owner", "Options SymLinksIfOwnerMatch\n", GET),
    ("options", "multiviews", "Options +MultiViews\n", GET),
    ("options", "illegal", "Options +Bogus\n", GET),
    ("options", "bad_forcetype", "ForceType text/x-opt\n", GET),
    # AllowOverride Options=Indexes,MultiViews
    ("optlist", "indexes", "Options +Indexes\n", GET),
    ("optlist", "multiviews", "Options -MultiViews\n", GET),
    ("optlist", "follow", "Options +FollowSymLinks\n", [("GET", "link.txt")]),
    ("optlist", "all", "Options All\n", GET),
    # AllowOverrideList ForceType Redirect
    ("list", "forcetype", "ForceType text/x-listed\n", GET),
    ("list", "lowercase", "forcetype text/x-lower\n", GET),
    ("list", "redirect", "Redirect /list/redirect/f.txt http://example.com/listed\n", GET),
    ("list", "addtype", "AddType text/x-notlisted .txt\n", GET),
    ("list", "require", "Require all denied\n", GET),
    # AllowOverride All, and None below it
    ("all", "mixed", "ForceType text/x-all\nOrder allow,deny\nAllow from all\n"
                     "DirectoryIndex f.txt\nOptions +FollowSymLinks\n",
     [("GET", ""), ("GET", "link.txt")]),
    ("all", "denied", "ForceType text/x-all\nRequire all denied\n", GET),
    ("all", "allowoverride", "AllowOverride None\n", GET),
    ("all", "none", "ForceType text/x-all-level\n", []),
    # AllowOverride FileInfo Nonfatal=All: what is not allowed or not known is skipped
    ("nonfatal", "override", "Require all denied\nForceType text/x-nonfatal\n", GET),
    ("nonfatal", "unknown", "BogusDirective x\nForceType text/x-nonfatal-unknown\n", GET),
    ("nonfatal", "syntax", "ForceType\n", GET),
]


def build(t):
    t.file("conf/mime.types", "text/plain txt\ntext/html html\n")
    t.file("htdocs/f.txt", "top\n")
    for over, name, text, _ in TREE:
        base = "htdocs/%s/%s/" % (over, name)
        t.file(base + ".htaccess", text)
        t.file(base + "f.txt", "%s %s\n" % (over, name))
        t.file(base + "g.txt", "g\n")
        t.symlink(base + "link.txt", "f.txt")
    # AllowOverride None under All: the file is never read.
    t.file("htdocs/all/none/.htaccess", "Garbage that would not parse\n")
    t.file("htdocs/all/none/f.txt", "none\n")
    # Nested files, each level merging after the <Directory> sections of its depth.
    t.file("htdocs/fileinfo/nest/.htaccess", "ForceType text/x-outer\n")
    t.file("htdocs/fileinfo/nest/f.txt", "outer\n")
    t.file("htdocs/fileinfo/nest/inner/.htaccess", "ForceType text/x-inner\n")
    t.file("htdocs/fileinfo/nest/inner/f.txt", "inner\n")
    t.file("htdocs/fileinfo/nest/inner/plain/f.txt", "plain\n")
    t.file("htdocs/fileinfo/nest/bad/.htaccess", "Nonsense here\n")
    t.file("htdocs/fileinfo/nest/bad/deeper/f.txt", "deeper\n")
    # Unreadable by the server's user (the tests run as root, the children as nobody), and a
    # directory where the file would be.
    t.file("htdocs/fileinfo/unreadable/.htaccess", "ForceType text/x-secret\n", mode=0o000)
    t.file("htdocs/fileinfo/unreadable/f.txt", "unreadable\n")
    t.dir("htdocs/fileinfo/isdir/.htaccess")
    t.file("htdocs/fileinfo/isdir/f.txt", "isdir\n")
    # Rewritten between two requests.
    t.file("htdocs/fileinfo/changed/.htaccess", "ForceType text/x-before\n")
    t.file("htdocs/fileinfo/changed/f.txt", "changed\n")
    t.file("htdocs/fileinfo/broken_later/.htaccess", "ForceType text/x-fine\n")
    t.file("htdocs/fileinfo/broken_later/f.txt", "broken later\n")


def req(method, target):
    return (method.encode() + b" " + target.encode() +
            b" HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


CASES = []
for over, name, _, requests in TREE:
    for method, rel in requests:
        target = "/%s/%s/%s" % (over, name, rel)
        CASES.append(Case.of("%s %s" % (method, target), req(method, target)))
for target in ["/all/none/f.txt", "/fileinfo/nest/f.txt", "/fileinfo/nest/inner/f.txt",
               "/fileinfo/nest/inner/plain/f.txt", "/fileinfo/nest/bad/deeper/f.txt",
               "/fileinfo/unreadable/f.txt", "/fileinfo/isdir/f.txt", "/f.txt"]:
    CASES.append(Case.of("GET " + target, req("GET", target)))
CASES.append(Case("rewritten .htaccess is read again", [
    [req("GET", "/fileinfo/changed/f.txt")],
    [Edit("htdocs/fileinfo/changed/.htaccess", "ForceType text/x-after-the-change\n")],
    [req("GET", "/fileinfo/changed/f.txt")],
]))
CASES.append(Case("rewritten .htaccess with an error", [
    [req("GET", "/fileinfo/broken_later/f.txt")],
    [Edit("htdocs/fileinfo/broken_later/.htaccess", "ForceType text/x-fine\nOops\n")],
    [req("GET", "/fileinfo/broken_later/f.txt")],
    [Edit("htdocs/fileinfo/broken_later/.htaccess", "ForceType text/x-fixed\n")],
    [req("GET", "/fileinfo/broken_later/f.txt")],
]))
