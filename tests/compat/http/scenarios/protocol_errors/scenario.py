"""Error answers (ap_die, ap_send_error_response): the canned pages with ServerSignature On and
EMail (server name and port as ap_get_server_name / ap_get_server_port give them, with
UseCanonicalName), ErrorDocument as text (an ap_expr string), as a local path (an internal
redirect that keeps the status), as a URL (302), a failing one (the "Additionally" page), and
errors met before any per-directory configuration (request line, headers)."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
IGNORE_HEADERS = ["last-modified", "etag", "accept-ranges"]


def build(t):
    t.file("htdocs/index.html", "hello\n")
    t.file("htdocs/errors/405.html", "custom 405 page\n")
    t.file("htdocs/errors/417.html", "custom 417 page\n")
    t.dir("htdocs/email")
    t.dir("htdocs/canon")
    t.dir("htdocs/plain")
    t.file("htdocs/plain/index.html", "plain\n")


def req(*fields, method=b"GET", target=b"/index.html", proto=b"HTTP/1.1", body=b""):
    return method + b" " + target + b" " + proto + b"\r\n" + b"".join(f + b"\r\n" for f in fields) + \
        b"\r\n" + body


H = b"Host: localhost"
G = req(H)

CASES = [
    Case.of("ErrorDocument text with variables", req(H, target=b"/nope?a=1") + G),
    Case.of("ErrorDocument text HEAD", req(H, method=b"HEAD", target=b"/nope") + G),
    Case.of("ErrorDocument text HTTP/1.0", req(target=b"/nope", proto=b"HTTP/1.0")),
    Case.of("ErrorDocument text HTTP/0.9", b"GET /nope\r\n"),
    Case.of("ErrorDocument local path", req(H, b"Content-Length: 0", method=b"PUT") + G),
    Case.of("ErrorDocument local path DELETE", req(H, method=b"DELETE") + G),
    Case.of("ErrorDocument local path HEAD", req(H, method=b"OPTIONS", target=b"/errors/") + G),
    Case.of("ErrorDocument URL", req(H, method=b"BREW") + G),
    Case.of("ErrorDocument text for a bad request line", b"GET  /x HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("ErrorDocument text for a bad header", req(H, b"bad header")),
    Case.of("ErrorDocument missing file for 414", b"GET /" + b"x" * 300 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    Case.of("ErrorDocument for 417", req(H, b"Expect: sometime")),
    Case.of("ErrorDocument default 413", req(H, b"Content-Length: 50", method=b"POST", body=b"x" * 50)),
    Case.of("signature On", req(H, target=b"/plain/nope") + G),
    Case.of("signature On with port", req(b"Host: localhost:8080", target=b"/plain/nope")),
    Case.of("signature On with upper-case Host", req(b"Host: LocalHost.", target=b"/plain/nope")),
    Case.of("signature On HTTP/1.0 without Host", req(target=b"/plain/nope", proto=b"HTTP/1.0")),
    Case.of("signature On absolute URI", req(H, target=b"http://www.example.com:81/plain/nope")),
    Case.of("signature EMail", req(b"Host: mail.example", target=b"/email/nope")),
    Case.of("signature canonical name", req(b"Host: other.example:8080", target=b"/canon/nope")),
    Case.of("signature escapes the host", req(b"Host: a<b>", target=b"/plain/nope")),
    Case.of("405 without ErrorDocument", req(H, method=b"PUT", target=b"/plain/index.html")),
    Case.of("501 for HTTP/1.0", req(method=b"FOO", target=b"/plain/index.html", proto=b"HTTP/1.0")),
]
