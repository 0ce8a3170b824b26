"""Persistent connections (ap_set_keepalive): HTTP/1.1 by default, HTTP/1.0 on request, Connection:
close, MaxKeepAliveRequests counting down in Keep-Alive's max, pipelined requests answered in
order (HEAD and errors among them), the statuses that drop the connection, 204/304-less bodies."""

from harness.scenario import Case, Read, Pause

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")
    t.file("htdocs/empty.html", "")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
G = req(H)
KA10 = req(b"Connection: keep-alive", proto=b"HTTP/1.0")

CASES = [
    Case.of("HTTP/1.1 stays open", G),
    Case.of("HTTP/1.1 two in a row", G, Read(0.3), G),
    Case.of("pipelined three", G + req(H, method=b"HEAD") + G),
    Case.of("pipelined four hits the maximum", G * 4),
    Case.of("pipelined five", G * 5),
    Case.of("pipelined with a 404", G + req(H, target=b"/nope") + G),
    Case.of("pipelined with a 400", G + b"GET /x HTTP/1.1\r\nbad header\r\n\r\n" + G),
    Case.of("pipelined with a 501", G + req(H, method=b"BREW") + G),
    Case.of("pipelined with a 405", G + req(H, method=b"PUT") + G),
    Case.of("pipelined with a 417", G + req(H, b"Expect: nothing") + G),
    Case.of("pipelined HTTP/1.0 in between", G + req(proto=b"HTTP/1.0") + G),
    Case.of("pipelined HEAD of an empty file", req(H, method=b"HEAD", target=b"/empty.html") + G),
    Case.of("GET of an empty file", req(H, target=b"/empty.html") + G),
    Case.of("Connection close", req(H, b"Connection: close") + G),
    Case.of("Connection Close upper case", req(H, b"Connection: Close") + G),
    Case.of("Connection close among tokens", req(H, b"Connection: foo, close") + G),
    Case.of("Connection keep-alive on HTTP/1.1", req(H, b"Connection: keep-alive") + G),
    Case.of("Connection keep-alive, close", req(H, b"Connection: keep-alive, close") + G),
    Case.of("HTTP/1.0 closes", req(proto=b"HTTP/1.0") + G),
    Case.of("HTTP/1.0 keep-alive", KA10 + KA10 + KA10 + KA10),
    Case.of("HTTP/1.0 keep-alive then plain", KA10 + req(proto=b"HTTP/1.0") + G),
    Case.of("HTTP/1.0 keep-alive 404", req(b"Connection: keep-alive", proto=b"HTTP/1.0", target=b"/nope") + KA10),
    Case.of("HTTP/1.0 keep-alive HEAD", req(b"Connection: keep-alive", proto=b"HTTP/1.0", method=b"HEAD") + KA10),
    Case.of("HTTP/1.0 keep-alive OPTIONS", req(b"Connection: keep-alive", proto=b"HTTP/1.0", method=b"OPTIONS")
            + KA10),
    Case.of("HTTP/1.0 keep-alive TRACE", req(b"Connection: keep-alive", proto=b"HTTP/1.0", method=b"TRACE")
            + KA10),
    Case.of("HTTP/1.1 TRACE then GET", req(H, method=b"TRACE") + G),
    Case.of("Keep-Alive header alone", req(b"Keep-Alive: 300", proto=b"HTTP/1.0") + G),
    Case.of("HTTP/0.9 closes", b"GET /index.html\r\n" + G),
    Case.of("slow pipeline", G, Pause(0.2), req(H, target=b"/nope"), Pause(0.2), G),
    Case.of("request split in pieces", b"GET /ind", Pause(0.2), b"ex.html HTTP/1.1\r\nHo", Pause(0.2),
            b"st: localhost\r\n", Pause(0.2), b"\r\n"),
    Case.of("one byte at a time", *[bytes([c]) for c in G[:30]], G[30:]),
]
