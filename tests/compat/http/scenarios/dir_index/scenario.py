"""mod_dir: the trailing-slash redirect (its Location under UseCanonicalName Off and On, with the
query string and escaping), DirectoryIndex lists tried in order (relative names and URLs, the first
regular file wins), "disabled", DirectoryIndexRedirect, FallbackResource, and what happens when no
index exists (no mod_autoindex: 404)."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime", "dir"]

HEADERS = ["location", "content-type"]


def build(t):
    t.file("conf/mime.types", "text/html html\ntext/plain txt\n")
    t.file("htdocs/index.html", "root index\n")
    t.file("htdocs/plain/index.html", "plain index\n")
    t.file("htdocs/a dir/index.html", "spaced index\n")
    t.file("htdocs/list/second.html", "second\n")
    t.file("htdocs/list/index.html", "not listed\n")
    t.file("htdocs/url/x.txt", "x\n")
    t.file("htdocs/shared/top.html", "shared top\n")
    t.file("htdocs/shared/fallback.html", "fallback\n")
    t.file("htdocs/fallback/real.html", "real file\n")
    t.file("htdocs/fbrel/fb.html", "relative fallback\n")
    t.file("htdocs/off/index.html", "off index\n")
    t.file("htdocs/noslash/index.html", "noslash index\n")
    t.file("htdocs/redir/index.html", "redir index\n")
    t.file("htdocs/seeother/index.html", "seeother index\n")
    t.dir("htdocs/empty")
    t.dir("htdocs/list/index.html.d")
    t.file("htdocs/denied/index.html", "denied\n")
    t.file("htdocs/canon/index.html", "canon\n")
    t.file("htdocs/canonport/index.html", "canonport\n")
    t.file("htdocs/physport/index.html", "physport\n")
    t.file("htdocs/deny-index/other.html", "other\n")
    t.file("htdocs/deny-index/index.html", "hidden\n")


def get(name, target, host="www.example.com", extra=""):
    return Case.of(name, ("GET %s HTTP/1.1\r\nHost: %s\r\n%sConnection: close\r\n\r\n"
                          % (target, host, extra)).encode())


CASES = [
    get("root index", "/"),
    get("root index with query", "/?a=1"),
    get("slash redirect", "/plain"),
    get("slash redirect query", "/plain?a=1&b=%20"),
    get("slash redirect empty query", "/plain?"),
    get("slash redirect escaped", "/a%20dir"),
    get("slash redirect client host", "/plain", host="Other.Example:8080"),
    get("slash redirect ipv6 host", "/plain", host="[::1]:8080"),
    get("slash redirect canonical", "/canon", host="other.example:8080"),
    get("slash redirect canonical physical port", "/canonport", host="other.example:8080"),
    get("slash redirect physical port", "/physport", host="other.example"),
    get("slash redirect physical port, host port", "/physport", host="other.example:8080"),
    Case.of("slash redirect head", b"HEAD /plain HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"),
    Case.of("slash redirect post", b"POST /plain HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n"
                                   b"Connection: close\r\n\r\n"),
    get("plain index", "/plain/"),
    get("list: second exists", "/list/"),
    get("url index", "/url/"),
    get("disabled", "/off/"),
    get("disabled file still served", "/off/index.html"),
    get("no slash redirect off", "/noslash"),
    get("no slash: with slash", "/noslash/"),
    get("index redirect permanent", "/redir/?q=1"),
    get("index redirect seeother", "/seeother/"),
    get("no index no autoindex", "/empty/"),
    get("fallback", "/fallback/nothing?x=y"),
    get("fallback existing file is served", "/fallback/real.html"),
    get("fallback directory without index", "/fallback/"),
    get("fallback missing under missing dir", "/fallback/none/deeper?x=y"),
    get("fallback relative", "/fbrel/missing"),
    get("fallback not in other dirs", "/plain/missing"),
    get("denied dir", "/denied/"),
    get("index denied then next", "/deny-index/"),
]
