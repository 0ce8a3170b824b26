"""Request bodies: Content-Length and chunked bodies read or discarded (ap_discard_request_body) so
that the next request on the connection starts at the right byte, LimitRequestBody (413 before
reading when the declared length is over it, or as the chunks pass it), httpd's chunk-size rules,
trailers, the client leaving or stalling mid-body, and "100 Continue"."""

from harness.scenario import Case, Read, Pause, Shutdown

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
NEXT = req(H)
CHUNKED = b"Transfer-Encoding: chunked"


def chunked(body, target=b"/index.html", method=b"POST"):
    return req(H, CHUNKED, method=method, target=target, body=body)


def sized(body, target=b"/index.html", method=b"POST", length=None):
    n = len(body) if length is None else length
    return req(H, b"Content-Length: %d" % n, method=method, target=target, body=body)


CASES = [
    Case.of("GET with a body", req(H, b"Content-Length: 5", body=b"abcde") + NEXT),
    Case.of("POST to a missing file", sized(b"abcde", b"/nope") + NEXT),
    Case.of("POST at the limit", sized(b"x" * 20, b"/nope") + NEXT),
    Case.of("POST over the limit", sized(b"x" * 21, b"/nope") + NEXT),
    Case.of("GET over the limit", req(H, b"Content-Length: 21", body=b"x" * 21) + NEXT),
    Case.of("declared over the limit, nothing sent", sized(b"", length=1000000)),
    Case.of("PUT with a body", sized(b"abc", method=b"PUT") + NEXT),
    Case.of("DELETE with a body", sized(b"abc", method=b"DELETE") + NEXT),
    Case.of("HEAD with a body", req(H, b"Content-Length: 3", method=b"HEAD", body=b"abc") + NEXT),
    Case.of("unknown method with a body", sized(b"abc", method=b"BREW") + NEXT),
    Case.of("OPTIONS with a body", sized(b"abc", method=b"OPTIONS") + NEXT),
    Case.of("chunked", chunked(b"5\r\nhello\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked GET", chunked(b"5\r\nhello\r\n0\r\n\r\n", method=b"GET") + NEXT),
    Case.of("chunked upper hex", chunked(b"A\r\n0123456789\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked leading zeros", chunked(b"0005\r\nhello\r\n000\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked extension", chunked(b"5;name=value\r\nhello\r\n0;x\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked white space", chunked(b"5  \t\r\nhello\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked eleven spaces", chunked(b"5" + b" " * 11 + b"\r\nhello\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked text after space", chunked(b"5 x\r\nhello\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked control char in extension", chunked(b"5;a\x01b\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked bad hex", chunked(b"zz\r\nhello\r\n0\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked empty size line", chunked(b"\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked bare LF size", chunked(b"5\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked bare LF after data", chunked(b"5\r\nhello\n0\r\n\r\n", b"/nope")),
    Case.of("chunked data too long", chunked(b"3\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked size overflow", chunked(b"fffffffffffffffff\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked size sixteen digits", chunked(b"8000000000000000\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked over the limit", chunked(b"a\r\n0123456789\r\na\r\n0123456789\r\n1\r\nx\r\n0\r\n\r\n",
                                              b"/nope") + NEXT),
    Case.of("chunked size line too long", chunked(b"5;" + b"x" * 9000 + b"\r\nhello\r\n0\r\n\r\n", b"/nope")),
    Case.of("chunked trailer", chunked(b"5\r\nhello\r\n0\r\nX-Trailer: v\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked bad trailer", chunked(b"5\r\nhello\r\n0\r\nno colon\r\n\r\n", b"/nope") + NEXT),
    Case.of("chunked missing last chunk", chunked(b"5\r\nhello\r\n", b"/nope"), Shutdown()),
    Case.of("chunked on HTTP/1.0", req(CHUNKED, method=b"POST", target=b"/nope", proto=b"HTTP/1.0",
                                       body=b"5\r\nhello\r\n0\r\n\r\n")),
    Case.of("client leaves mid-body", sized(b"abc", length=10), Shutdown()),
    Case.of("client stalls mid-body", sized(b"abc", length=10), idle=3.0),
    Case.of("client stalls mid-chunk", chunked(b"5\r\nhe"), idle=3.0),
    Case.of("client stalls in the header", b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n", idle=3.0),
    Case.of("client stalls in the request line", b"GET /index.html HT", idle=3.0),
    Case.of("request line at the default limit", b"GET /?" + b"a" * (8190 - 15) + b" HTTP/1.1\r\n"
            b"Host: localhost\r\n\r\n"),
    Case.of("request line over the default limit", b"GET /?" + b"a" * (8192 - 15) + b" HTTP/1.1\r\n"
            b"Host: localhost\r\n\r\n"),
    Case.of("field at the default limit", req(H, b"X-L: " + b"v" * (8190 - 5))),
    Case.of("field over the default limit", req(H, b"X-L: " + b"v" * (8192 - 5))),
    Case.of("field of 9000 bytes without end", b"GET / HTTP/1.1\r\nX: " + b"v" * 9000, idle=1.5),
    Case.of("a hundred and one fields", req(H, *[b"X-%d: v" % i for i in range(100)])),
    Case.of("100-continue", req(H, b"Expect: 100-continue", b"Content-Length: 5", method=b"POST",
                                target=b"/nope"), Read(0.5), b"hello" + NEXT),
    Case.of("100-continue GET", req(H, b"Expect: 100-continue", b"Content-Length: 5"), Read(0.5),
            b"hello" + NEXT),
    Case.of("100-continue body sent at once", req(H, b"Expect: 100-continue", b"Content-Length: 5",
                                                  body=b"hello") + NEXT),
    Case.of("100-continue chunked", req(H, b"Expect: 100-continue", CHUNKED), Read(0.5),
            b"5\r\nhello\r\n0\r\n\r\n" + NEXT),
    Case.of("100-continue over the limit", req(H, b"Expect: 100-continue", b"Content-Length: 50",
                                               method=b"POST"), Read(0.5)),
    Case.of("100-continue HTTP/1.0", req(b"Expect: 100-continue", b"Content-Length: 5",
                                         proto=b"HTTP/1.0"), Read(0.5), b"hello"),
    Case.of("100-continue unknown method", req(H, b"Expect: 100-continue", b"Content-Length: 5",
                                               method=b"BREW"), Read(0.5), b"hello"),
    Case.of("100-continue OPTIONS *", req(H, b"Expect: 100-continue", b"Content-Length: 5",
                                          method=b"OPTIONS", target=b"*"), Read(0.5), b"hello" + NEXT),
    Case.of("100-continue TRACE", req(H, b"Expect: 100-continue", b"Content-Length: 5",
                                      method=b"TRACE"), Read(0.5), b"hello" + NEXT),
]
