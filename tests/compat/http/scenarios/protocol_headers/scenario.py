"""Header fields: ap_get_mime_headers_core (obs-fold, field syntax in Strict mode, the limits with
their error-notes), the Host checks (fix_hostname, HTTP/1.1 needs a host), Expect, and the
Content-Length / Transfer-Encoding framing rules, smuggling attempts included."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
NEXT = req(H)   # a second request on the same connection


def field_of(n):
    """A header line of exactly n bytes."""
    return b"X-Long: " + b"v" * (n - 8)


CASES = [
    Case.of("obs-fold", req(H, b"X-A: one", b"  two", b"\ttwo-b")),
    Case.of("fold before first field", req(b" X-A: one", H)),
    Case.of("empty fold line", req(H, b"X-A: one", b"   ")),
    Case.of("fold over the limit", req(H, b"X-A: " + b"a" * 60, b" " + b"b" * 60)),
    Case.of("no colon", req(H, b"NoColon")),
    Case.of("empty name", req(H, b": value")),
    Case.of("space before colon", req(H, b"X-A : value")),
    Case.of("bad name char", req(H, b"X@A: value")),
    Case.of("tab in value", req(H, b"X-A: a\tb")),
    Case.of("obs-text in value", req(H, b"X-A: caf\xe9")),
    Case.of("control char in value", req(H, b"X-A: a\x01b")),
    Case.of("DEL in value", req(H, b"X-A: a\x7fb")),
    Case.of("CR in value", req(H, b"X-A: a\rb")),
    Case.of("NUL in value", req(H, b"X-A: a\x00b")),
    Case.of("bare LF field", b"GET /index.html HTTP/1.1\r\nHost: localhost\nX-A: b\r\n\r\n"),
    Case.of("field at the limit", req(H, field_of(100))),
    Case.of("field one over the limit", req(H, field_of(101))),
    Case.of("field far over the limit", req(H, field_of(9000))),
    Case.of("merged fields over the limit", req(H, b"X-A: " + b"a" * 60, b"X-A: " + b"b" * 60)),
    Case.of("ten fields", req(H, *[b"X-%d: v" % i for i in range(9)])),
    Case.of("eleven fields", req(H, *[b"X-%d: v" % i for i in range(10)])),
    Case.of("no Host HTTP/1.1", req()),
    Case.of("no Host HTTP/1.0", req(proto=b"HTTP/1.0")),
    Case.of("empty Host HTTP/1.1", req(b"Host:")),
    Case.of("empty Host HTTP/1.0", req(b"Host:", proto=b"HTTP/1.0")),
    Case.of("Host with port", req(b"Host: localhost:@PORT@")),
    Case.of("Host upper case", req(b"HOST: LocalHost")),
    Case.of("Host trailing dot", req(b"Host: localhost.")),
    Case.of("Host double dot", req(b"Host: local..host")),
    Case.of("Host slash", req(b"Host: local/host")),
    Case.of("Host numeric", req(b"Host: 12345")),
    Case.of("Host IPv4", req(b"Host: 127.0.0.1")),
    Case.of("Host three numbers", req(b"Host: 127.0.1")),
    Case.of("Host leading zero", req(b"Host: 127.0.0.01")),
    Case.of("Host numeric TLD", req(b"Host: www.example.123")),
    Case.of("Host IPv6", req(b"Host: [::1]")),
    Case.of("Host IPv6 port", req(b"Host: [::1]:80")),
    Case.of("Host IPv6 bad", req(b"Host: [zz::1]")),
    Case.of("Host port zero", req(b"Host: localhost:0")),
    Case.of("Host port too big", req(b"Host: localhost:99999")),
    Case.of("Host empty port", req(b"Host: localhost:")),
    Case.of("Host underscore", req(b"Host: my_host.example")),
    Case.of("two Host fields", req(H, b"Host: other")),
    Case.of("Expect 100-continue no body", req(H, b"Expect: 100-continue") + NEXT),
    Case.of("Expect other", req(H, b"Expect: something") + NEXT),
    Case.of("Expect other HTTP/1.0 keep-alive",
            req(b"Expect: x", b"Connection: keep-alive", proto=b"HTTP/1.0")),
    Case.of("Expect mixed case", req(H, b"Expect: 100-Continue")),
    Case.of("Expect empty", req(H, b"Expect:") + NEXT),
    Case.of("Content-Length letters", req(H, b"Content-Length: abc")),
    Case.of("Content-Length negative", req(H, b"Content-Length: -1")),
    Case.of("Content-Length plus", req(H, b"Content-Length: +3", body=b"abc")),
    Case.of("Content-Length list", req(H, b"Content-Length: 3, 3", body=b"abc")),
    Case.of("Content-Length twice", req(H, b"Content-Length: 3", b"Content-Length: 3", body=b"abc")),
    Case.of("Content-Length empty", req(H, b"Content-Length:")),
    Case.of("Content-Length leading zeros", req(H, b"Content-Length: 003", body=b"abc") + NEXT),
    Case.of("Content-Length overflow", req(H, b"Content-Length: 99999999999999999999")),
    Case.of("Content-Length huge", req(H, b"Content-Length: 9223372036854775807")),
    Case.of("Transfer-Encoding gzip", req(H, b"Transfer-Encoding: gzip")),
    Case.of("Transfer-Encoding identity", req(H, b"Transfer-Encoding: identity")),
    Case.of("Transfer-Encoding chunked, gzip", req(H, b"Transfer-Encoding: chunked, gzip")),
    Case.of("Transfer-Encoding gzip, chunked", req(H, b"Transfer-Encoding: gzip, chunked", body=b"0\r\n\r\n")),
    Case.of("Transfer-Encoding gzip chunked", req(H, b"Transfer-Encoding: gzip chunked", body=b"0\r\n\r\n")),
    Case.of("Transfer-Encoding upper case", req(H, b"Transfer-Encoding: CHUNKED", body=b"0\r\n\r\n") + NEXT),
    Case.of("Transfer-Encoding twice",
            req(H, b"Transfer-Encoding: chunked", b"Transfer-Encoding: chunked", body=b"0\r\n\r\n")),
    Case.of("smuggle CL then TE", req(H, b"Content-Length: 6", b"Transfer-Encoding: chunked",
                                      body=b"0\r\n\r\n") + NEXT),
    Case.of("smuggle TE then CL", req(H, b"Transfer-Encoding: chunked", b"Content-Length: 40",
                                      body=b"0\r\n\r\n") + NEXT),
    Case.of("smuggle TE with space", req(H, b"Transfer-Encoding : chunked", b"Content-Length: 5",
                                         body=b"0\r\n\r\n")),
    Case.of("smuggle TE obs-fold", req(H, b"Transfer-Encoding:", b" chunked", b"Content-Length: 5",
                                       body=b"0\r\n\r\n") + NEXT),
    Case.of("smuggle two lengths", req(H, b"Content-Length: 5", b"Content-Length: 0", body=b"GET /")),
]
