"""Where a file ends and path info begins (the longest existing prefix), what AcceptPathInfo
On/Off/Default does with it in the default handler, directories (404: nothing is listed),
MergeSlashes Off (locations still see merged slashes, LocationMatch sees r->uri) and
AllowEncodedSlashes NoDecode."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]


def build(t):
    for d in ["on", "off", "default"]:
        t.file("htdocs/%s/a.txt" % d, d + "\n")
    t.dir("htdocs/empty")


def get(target, method=b"GET"):
    return method + b" " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


TARGETS = [
    b"/on/a.txt", b"/on/a.txt/", b"/on/a.txt/extra/path", b"/on/a.txt/forced",
    b"/on//a.txt", b"/on/missing/x",
    b"/off/a.txt", b"/off/a.txt/", b"/off/a.txt/extra",
    b"/default/a.txt/extra", b"/default/a.txt/",
    b"/empty", b"/empty/", b"/", b"/nothing", b"/nothing/deeper/",
    b"/on%2fa.txt", b"/on/a.txt%2fx",
]

CASES = [Case.of(t.decode(), get(t)) for t in TARGETS] + [
    Case.of("HEAD /on/a.txt/extra", get(b"/on/a.txt/extra", b"HEAD")),
    Case.of("POST /default/a.txt", b"POST /default/a.txt HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Length: 3\r\nConnection: close\r\n\r\nabc"),
    Case.of("PUT /default/a.txt", b"PUT /default/a.txt HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Length: 3\r\nConnection: close\r\n\r\nabc"),
]
