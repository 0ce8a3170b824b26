"""HttpProtocolOptions Unsafe Require1.0 RegisteredMethods: httpd's legacy request-line and field
parsing (bare LF, extra white space, any visible bytes in names), HTTP/0.9 refused, methods that
were never registered answered 501 at once, and TraceEnable off (405 with an empty Allow)."""

from harness.scenario import Case, Shutdown

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
    Case.of("plain", G + G),
    Case.of("bare LF", b"GET /index.html HTTP/1.1\nHost: localhost\n\n" + G),
    Case.of("double spaces", b"GET  /index.html  HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("trailing spaces", b"GET /index.html HTTP/1.1   \r\nHost: localhost\r\n\r\n"),
    Case.of("trailing text", b"GET /index.html HTTP/1.1 x\r\nHost: localhost\r\n\r\n"),
    Case.of("tab separator", b"GET\t/index.html\tHTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("lower case protocol", b"GET /index.html http/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("method with @", b"G@T /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("unregistered method", req(H, method=b"FOO") + G),
    Case.of("registered method", req(H, method=b"BREW") + G),
    Case.of("odd field name", req(H, b"X@Y: v") + G),
    Case.of("space in field name", req(H, b"X Y: v")),
    Case.of("control char in value", req(H, b"X-A: a\x01b") + G),
    Case.of("CR in value", req(H, b"X-A: a\rb")),
    Case.of("fragment", req(H, target=b"/index.html#x")),
    Case.of("userinfo", req(H, target=b"http://u@localhost/index.html")),
    Case.of("numeric Host", req(b"Host: 12345")),
    Case.of("Host with comma", req(b"Host: a,b")),
    Case.of("HTTP/0.9", b"GET /index.html\r\n"),
    Case.of("HTTP/0.9 HEAD", b"HEAD /index.html\r\n"),
    Case.of("TRACE off", req(H, method=b"TRACE") + G),
    Case.of("OPTIONS without TRACE", req(H, method=b"OPTIONS") + G),
    Case.of("chunk bare LF", req(H, b"Transfer-Encoding: chunked", method=b"POST", target=b"/nope",
                                 body=b"3\nabc\n0\n\n") + G),
]
CASES += [
    Case.of("TRACE off with a broken chunked body", req(H, b"Transfer-Encoding: chunked", method=b"TRACE",
                                                        body=b"zz\r\nabc\r\n0\r\n\r\n") + G),
    Case.of("TRACE off with a body cut short", req(H, b"Content-Length: 10", method=b"TRACE", body=b"abc"),
            Shutdown()),
]
