"""KeepAlive Off: every answer closes the connection (Connection: close even for HTTP/1.0 keep-alive
requests); ServerTokens Prod in the Server header and in ServerSignature EMail lines, which are
then compared as they are."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
G = req(H)

CASES = [
    Case.of("HTTP/1.1 closes", G + G),
    Case.of("HTTP/1.0 keep-alive closes", req(b"Connection: keep-alive", proto=b"HTTP/1.0") + G),
    Case.of("HEAD closes", req(H, method=b"HEAD") + G),
    Case.of("404 with signature", req(b"Host: www.example.org", target=b"/nope") + G),
    Case.of("TRACE closes", req(H, method=b"TRACE") + G),
    Case.of("OPTIONS closes", req(H, method=b"OPTIONS") + G),
]
