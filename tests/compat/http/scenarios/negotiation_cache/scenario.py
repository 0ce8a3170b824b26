"""CacheNegotiatedDocs On: HTTP/1.0 answers to negotiated requests (type maps, MultiViews,
"DirectoryIndex index") get no Expires of now, unlike without it (negotiation_typemap)."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime", "dir", "negotiation"]


def build(t):
    t.file("conf/mime.types", "text/html html\ntext/plain txt\n")
    t.file("htdocs/index.html.en", "<p>Welcome</p>\n")
    t.file("htdocs/index.html.fr", "<p>Bienvenue</p>\n")
    t.file("htdocs/foo.var", "URI: index.html.en\nContent-Type: text/html\nContent-Language: en\n\n"
                             "URI: index.html.fr\nContent-Type: text/html\nContent-Language: fr\n")


def get(name, target, extra="", proto="HTTP/1.0"):
    return Case.of(name, ("GET %s %s\r\nHost: www.example.com\r\n%sConnection: close\r\n\r\n"
                          % (target, proto, extra)).encode())


CASES = [
    get("cached map 1.0", "/foo.var", "Accept-Language: fr\r\n"),
    get("cached multiviews 1.0", "/index", "Accept-Language: fr\r\n"),
    get("cached index 1.0", "/", "Accept-Language: en\r\n"),
    get("cached map 1.1", "/foo.var", "Accept-Language: fr\r\n", proto="HTTP/1.1"),
]
