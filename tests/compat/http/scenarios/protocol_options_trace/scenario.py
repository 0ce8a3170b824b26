"""OPTIONS (ap_send_http_options from the default handler, "OPTIONS *" answered by mod_http's
map_to_storage hook without Allow) and TRACE (ap_send_http_trace, TraceEnable on: the request
echoed as message/http, chunked on HTTP/1.1; no body allowed), and the Allow header of 405 and
501 answers. httpd lists Allow's methods in a random order: the harness compares them sorted."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")
    t.dir("htdocs/dir")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
G = req(H)

CASES = [
    Case.of("OPTIONS a file", req(H, method=b"OPTIONS") + G),
    Case.of("OPTIONS a missing file", req(H, method=b"OPTIONS", target=b"/nope") + G),
    Case.of("OPTIONS a directory", req(H, method=b"OPTIONS", target=b"/dir/") + G),
    Case.of("OPTIONS star", req(H, method=b"OPTIONS", target=b"*") + G),
    Case.of("OPTIONS star HTTP/1.0", req(method=b"OPTIONS", target=b"*", proto=b"HTTP/1.0")),
    Case.of("OPTIONS absolute URI", req(H, method=b"OPTIONS", target=b"http://localhost")),
    Case.of("OPTIONS star query", req(H, method=b"OPTIONS", target=b"*?x")),
    Case.of("TRACE", req(H, b"X-Test: one", b"X-Test: two", b"Cookie: c=1", method=b"TRACE") + G),
    Case.of("TRACE missing path", req(H, b"X-Pad:   spaced   ", method=b"TRACE", target=b"/nope/deeper")),
    Case.of("TRACE HTTP/1.0", req(b"X-Test: one", method=b"TRACE", proto=b"HTTP/1.0")),
    Case.of("TRACE Connection close", req(H, b"Connection: close", method=b"TRACE")),
    Case.of("TRACE star", req(H, method=b"TRACE", target=b"*")),
    Case.of("TRACE folded field", req(H, b"X-Fold: a", b"  b", method=b"TRACE")),
    Case.of("TRACE absolute URI", req(b"Host: ignored.example", method=b"TRACE",
                                      target=b"http://localhost:8080/x?y")),
    Case.of("TRACE with a body", req(H, b"Content-Length: 3", method=b"TRACE", body=b"abc")),
    Case.of("TRACE with a chunked body", req(H, b"Transfer-Encoding: chunked", method=b"TRACE",
                                             body=b"3\r\nabc\r\n0\r\n\r\n")),
    Case.of("TRACE with gzip, chunked", req(H, b"Transfer-Encoding: gzip, chunked", method=b"TRACE",
                                            body=b"0\r\n\r\n")),
    Case.of("TRACE with an empty body", req(H, b"Content-Length: 0", method=b"TRACE") + G),
    Case.of("TRACE HEAD-like lower case", req(H, method=b"trace")),
    Case.of("PUT 405", req(H, b"Content-Length: 0", method=b"PUT")),
    Case.of("DELETE 405 missing file", req(H, method=b"DELETE", target=b"/nope")),
    Case.of("registered method 405", req(H, method=b"BREW")),
    Case.of("unknown method 501", req(H, method=b"FOO")),
    Case.of("unknown method HEAD-like", req(H, method=b"HEADX")),
    Case.of("CONNECT", req(H, method=b"CONNECT", target=b"localhost:80")),
    Case.of("PATCH", req(H, method=b"PATCH")),
    Case.of("HEAD 405", req(H, method=b"HEAD", target=b"/dir/")),
]
