"""The request line: ap_read_request's reading (blank lines, LimitRequestLine, bare LF, NUL) and
ap_parse_request_line's rules (method token, single spaces, protocol forms, HTTP/0.9, the
request-target forms)."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
# Last-Modified, ETag and Accept-Ranges belong to the serving scenarios.
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")
    t.file("htdocs/a b.html", "space\n")


def get(target, proto=b"HTTP/1.1", host=b"Host: localhost\r\n"):
    return b"GET " + target + b" " + proto + b"\r\n" + host + b"\r\n"


def line_of(n):
    """A request line of exactly n bytes (without its CRLF)."""
    base = b"GET /index.html?"
    tail = b" HTTP/1.1"
    return base + b"a" * (n - len(base) - len(tail)) + tail


CASES = [
    Case.of("plain", get(b"/index.html")),
    Case.of("blank lines first", b"\r\n\r\n\r\n" + get(b"/index.html")),
    Case.of("eleven blank lines", b"\r\n" * 11 + get(b"/index.html")),
    Case.of("bare LF blank line", b"\n" + get(b"/index.html")),
    Case.of("bare LF request line", b"GET /index.html HTTP/1.1\nHost: localhost\r\n\r\n"),
    Case.of("bare LF everywhere", b"GET /index.html HTTP/1.1\nHost: localhost\n\n"),
    Case.of("CR inside the line", b"GET /index.html\r HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("NUL in the line", b"GET /ind\x00ex.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("line at the limit", line_of(100) + b"\r\nHost: localhost\r\n\r\n"),
    Case.of("line one over the limit", line_of(101) + b"\r\nHost: localhost\r\n\r\n"),
    Case.of("line two over the limit", line_of(102) + b"\r\nHost: localhost\r\n\r\n"),
    Case.of("long line HEAD", b"HEAD /" + b"x" * 300 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("long line no end", b"GET /" + b"x" * 300),
    Case.of("double space after method", b"GET  /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("double space before protocol", b"GET /index.html  HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("tab separator", b"GET\t/index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("leading space", b" GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("trailing space", b"GET /index.html HTTP/1.1 \r\nHost: localhost\r\n\r\n"),
    Case.of("trailing text", b"GET /index.html HTTP/1.1 extra\r\nHost: localhost\r\n\r\n"),
    Case.of("method with @", b"G@T /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("method lower case", b"get /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("unknown method", b"FOO /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("unknown method missing file", b"BREW /nope HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("PUT", b"PUT /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc"),
    Case.of("DELETE", b"DELETE /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("protocol lower case", get(b"/index.html", b"http/1.1")),
    Case.of("protocol HTTP/1", get(b"/index.html", b"HTTP/1")),
    Case.of("protocol HTTP/1.10", get(b"/index.html", b"HTTP/1.10")),
    Case.of("protocol HTTP/0.9", get(b"/index.html", b"HTTP/0.9")),
    Case.of("protocol HTTP/1.0", get(b"/index.html", b"HTTP/1.0", b"")),
    Case.of("protocol HTTP/1.2", get(b"/index.html", b"HTTP/1.2")),
    Case.of("protocol HTTP/2.0", get(b"/index.html", b"HTTP/2.0")),
    Case.of("protocol HTTP/3.0 without Host", get(b"/index.html", b"HTTP/3.0", b"")),
    Case.of("protocol FOO/1.1", get(b"/index.html", b"FOO/1.1")),
    Case.of("HTTP/0.9 GET", b"GET /index.html\r\n"),
    Case.of("HTTP/0.9 GET missing", b"GET /nope\r\n"),
    Case.of("HTTP/0.9 HEAD", b"HEAD /index.html\r\n"),
    Case.of("HTTP/0.9 POST", b"POST /index.html\r\n"),
    Case.of("HTTP/0.9 bare LF", b"GET /index.html\n"),
    Case.of("method only", b"GET\r\n\r\n"),
    Case.of("relative target", get(b"index.html")),
    Case.of("star with GET", get(b"*")),
    Case.of("fragment", get(b"/index.html#top")),
    Case.of("query and fragment", get(b"/index.html?a=1#top")),
    Case.of("query", get(b"/index.html?a=1&b=%20")),
    Case.of("double slash", get(b"//index.html")),
    Case.of("absolute http", get(b"http://localhost/index.html")),
    Case.of("absolute HTTP upper", get(b"HTTP://LOCALHOST/index.html")),
    Case.of("absolute with port", get(b"http://localhost:@PORT@/index.html")),
    Case.of("absolute without path", get(b"http://localhost")),
    Case.of("absolute https", get(b"https://localhost/index.html")),
    Case.of("absolute ftp", get(b"ftp://localhost/index.html")),
    Case.of("absolute userinfo", get(b"http://u:p@localhost/index.html")),
    Case.of("absolute bad port", get(b"http://localhost:8x/index.html")),
    Case.of("absolute host wins", get(b"http://other.example/index.html", host=b"Host: localhost\r\n")),
    Case.of("absolute no Host header", get(b"http://localhost/index.html", host=b"")),
    Case.of("absolute bad host", get(b"http://bad..host/index.html")),
    Case.of("obs-text in target", get(b"/\xe9t\xe9.html")),
    Case.of("control char in target", get(b"/index\x01.html")),
    Case.of("DEL in target", get(b"/index\x7f.html")),
    Case.of("encoded space", get(b"/a%20b.html")),
    Case.of("encoded NUL", get(b"/index%00.html")),
    Case.of("bad escape", get(b"/index%zz.html")),
    Case.of("dot segments", get(b"/x/../index.html")),
    Case.of("above the root", get(b"/../index.html")),
    Case.of("TLS handshake bytes", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 20),
    Case.of("EOF in the request line", b"GET /index.html HTT"),
]
