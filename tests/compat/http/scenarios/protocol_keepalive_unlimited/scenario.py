"""MaxKeepAliveRequests 0: no limit, so Keep-Alive carries no max; ServerTokens Minor in Server and
in the ServerSignature line; a short KeepAliveTimeout closes an idle connection."""

from harness.scenario import Case, Pause

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
G = req(H)
KA10 = req(b"Connection: keep-alive", proto=b"HTTP/1.0")

CASES = [
    Case.of("many pipelined", G * 120),
    Case.of("HTTP/1.0 keep-alive without max", KA10 * 3),
    Case.of("404 with signature", req(H, target=b"/nope")),
    Case.of("idle connection closed", G, idle=3.5),
]
