"""Name-based virtual hosts on *:port: ServerName, ServerAlias (exact and wildcard), the first host
of the group for unknown names, ServerPath for requests without a host, and the trailing-slash
redirect's Location under UseCanonicalName Off (the client's host and port) and On (ServerName)."""

from harness.scenario import Case

# What these cases are about: which server answered (the body) and the redirect.
HEADERS = ["location", "content-type"]

MODULES = ["mpm_prefork", "authz_core", "dir"]


def build(t):
    for name in ("main", "a", "b", "strict", "secure", "canonport"):
        t.file("htdocs/%s/who.txt" % name, "%s\n" % name)
        t.file("htdocs/%s/bpath/who.txt" % name, "%s under /bpath\n" % name)
        t.file("htdocs/%s/sub/index.html" % name, "%s sub index\n" % name)


def get(name, host, target="/who.txt", proto="HTTP/1.1"):
    head = "GET %s %s\r\n" % (target, proto)
    if host is not None:
        head += "Host: %s\r\n" % host
    return Case.of(name, (head + "Connection: close\r\n\r\n").encode("latin-1"))


CASES = [
    get("servername a", "a.example"),
    get("servername b", "b.example"),
    get("servername case port dot", "B.EXAMPLE.:@PORT@"),
    get("alias exact", "www.a.example"),
    get("alias wildcard star", "x.y.wild.example"),
    get("alias wildcard no dot", "wild.example"),
    get("alias wildcard question", "b7.example"),
    get("alias wildcard question two", "b77.example"),
    get("unknown name", "nowhere.example"),
    get("main server name", "main.example"),
    get("numeric address", "127.0.0.1"),
    get("absolute target", "a.example", "http://b.example/who.txt"),
    get("absolute target port", "a.example", "http://B.example:@PORT@/who.txt"),
    get("serverpath 1.0", None, "/bpath/who.txt", proto="HTTP/1.0"),
    get("serverpath exact 1.0", None, "/bpath", proto="HTTP/1.0"),
    get("serverpath not prefix 1.0", None, "/bpathx/who.txt", proto="HTTP/1.0"),
    get("serverpath with host", "nowhere.example", "/bpath/who.txt"),
    get("slash redirect host port", "b.example:@PORT@", "/sub"),
    get("slash redirect host no port", "b.example", "/sub?x=1"),
    get("slash redirect 1.0 no host", None, "/sub", proto="HTTP/1.0"),
    get("slash redirect canonical", "strict.example:@PORT@", "/sub"),
    get("slash redirect https servername", "secure.example", "/sub"),
    get("slash redirect https servername host port", "secure.example:@PORT@", "/sub"),
    get("slash redirect servername port", "canonport.example", "/sub"),
    get("slash redirect absolute target", "a.example", "http://b.example:@PORT@/sub"),
]
