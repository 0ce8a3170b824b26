"""Virtual host selection (httpd's vhost.c): the connection arrives on 127.0.0.1, where two
<VirtualHost>s (127.0.0.1 and localhost) make a name-based group of their own: it is found before
the *:port group, so a.example and b.example are never reached over 127.0.0.1. The Host header
(or the host of an absolute request-target of the server's own scheme) then picks among
ip.example and named-by-address.example: by ServerName, then by the address as written on the
<VirtualHost> line; the first of the group answers otherwise. Malformed hosts are refused with
400."""

from harness.scenario import Case

# What these cases are about: which server answered (the body) and the redirect.
HEADERS = ["location", "content-type"]

MODULES = ["mpm_prefork", "authz_core"]


def build(t):
    for name in ("main", "a", "b", "ip", "local"):
        t.file("htdocs/%s/who.txt" % name, "%s\n" % name)
        t.file("htdocs/%s/bpath/who.txt" % name, "%s under /bpath\n" % name)


def get(name, host, target="/who.txt", proto="HTTP/1.1"):
    head = "GET %s %s\r\n" % (target, proto)
    if host is not None:
        head += "Host: %s\r\n" % host
    return Case.of(name, (head + "Connection: close\r\n\r\n").encode("latin-1"))


CASES = [
    get("ip group by servername", "ip.example"),
    get("ip group case and port", "IP.Example:@PORT@"),
    get("ip group trailing dot", "ip.example."),
    get("address as written", "localhost"),
    get("address as written, case", "LocalHost:@PORT@"),
    get("numeric address", "127.0.0.1"),
    get("unknown name: first of group", "nowhere.example"),
    get("name of the wildcard group", "a.example"),
    get("main server name", "main.example"),
    get("absolute target wins", "ip.example", "http://localhost:@PORT@/who.txt"),
    get("absolute target other scheme", "localhost", "https://ip.example/who.txt"),
    get("http/1.0 without host", None, proto="HTTP/1.0"),
    get("http/1.0 serverpath", None, "/bpath/who.txt", proto="HTTP/1.0"),
    get("http/1.1 without host", None),
    get("blank host 1.1", ""),
    get("blank host 1.0", "", proto="HTTP/1.0"),
    get("double dot", "a..example"),
    get("slash in host", "a/b"),
    get("numeric host", "8080"),
    get("bad tld", "a.123"),
    get("leading zero ip", "01.2.3.4"),
    get("three part ip", "1.2.3"),
    get("space in host", "exa mple"),
    get("bad port", "ip.example:x"),
    get("port zero", "ip.example:0"),
    get("v6 literal", "[::1]"),
    get("v6 literal port", "[::FFFF:127.0.0.1]:@PORT@"),
    get("v6 unclosed", "[::1"),
    get("v6 zone", "[fe80::1%25eth0]"),
    get("underscore", "a_b.example"),
]
