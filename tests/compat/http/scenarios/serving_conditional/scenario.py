"""Last-Modified and ETag (FileETag MTime Size by default, All, None, MTime; the harness gives
every file the same mtime, 2023-11-14 22:13:20 UTC) and ap_meets_conditions: If-Match,
If-Unmodified-Since, If-None-Match (weak for GET), If-Modified-Since, in httpd's order; 304
without a body, 412 with an empty one."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]
NORMALISE = ["etag-inode"]

ETAG = b'"14-60a24181e4000"'
LM = b"Tue, 14 Nov 2023 22:13:20 GMT"
EARLIER = b"Tue, 14 Nov 2023 22:13:19 GMT"
LATER = b"Tue, 14 Nov 2023 22:13:21 GMT"


def build(t):
    for d in ["", "all/", "none/", "mtime/"]:
        t.file("htdocs/%sf.txt" % d, "0123456789abcdefghij")
    t.file("htdocs/empty.txt", "")


def req(*fields, method=b"GET", target=b"/f.txt"):
    return method + b" " + target + b" HTTP/1.1\r\nHost: localhost\r\n" + \
        b"".join(f + b"\r\n" for f in fields) + b"Connection: close\r\n\r\n"


CASES = [
    Case.of("plain", req()),
    Case.of("HEAD", req(method=b"HEAD")),
    Case.of("FileETag All", req(target=b"/all/f.txt")),
    Case.of("FileETag None", req(target=b"/none/f.txt")),
    Case.of("FileETag MTime with Content-MD5", req(target=b"/mtime/f.txt")),
    Case.of("empty file", req(target=b"/empty.txt")),
    Case.of("If-None-Match exact", req(b"If-None-Match: " + ETAG)),
    Case.of("If-None-Match weak", req(b"If-None-Match: W/" + ETAG)),
    Case.of("If-None-Match list", req(b'If-None-Match: "a", ' + ETAG)),
    Case.of("If-None-Match star", req(b"If-None-Match: *")),
    Case.of("If-None-Match other", req(b'If-None-Match: "other"')),
    Case.of("If-None-Match HEAD", req(b"If-None-Match: " + ETAG, method=b"HEAD")),
    Case.of("If-None-Match POST", req(b"If-None-Match: " + ETAG, b"Content-Length: 0",
                                      method=b"POST")),
    Case.of("If-None-Match POST weak", req(b"If-None-Match: W/" + ETAG, b"Content-Length: 0",
                                           method=b"POST")),
    Case.of("If-None-Match FileETag None", req(b"If-None-Match: *", target=b"/none/f.txt")),
    Case.of("If-Match exact", req(b"If-Match: " + ETAG)),
    Case.of("If-Match weak", req(b"If-Match: W/" + ETAG)),
    Case.of("If-Match other", req(b'If-Match: "other"')),
    Case.of("If-Match other HEAD", req(b'If-Match: "other"', method=b"HEAD")),
    Case.of("If-Match star", req(b"If-Match: *")),
    Case.of("If-Match without ETag", req(b'If-Match: "x"', target=b"/none/f.txt")),
    Case.of("If-Modified-Since same", req(b"If-Modified-Since: " + LM)),
    Case.of("If-Modified-Since earlier", req(b"If-Modified-Since: " + EARLIER)),
    Case.of("If-Modified-Since later", req(b"If-Modified-Since: " + LATER)),
    Case.of("If-Modified-Since future", req(b"If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT")),
    Case.of("If-Modified-Since RFC 850", req(b"If-Modified-Since: Tuesday, 14-Nov-23 22:13:20 GMT")),
    Case.of("If-Modified-Since asctime", req(b"If-Modified-Since: Tue Nov 14 22:13:20 2023")),
    Case.of("If-Modified-Since garbage", req(b"If-Modified-Since: yesterday")),
    Case.of("If-Unmodified-Since earlier", req(b"If-Unmodified-Since: " + EARLIER)),
    Case.of("If-Unmodified-Since same", req(b"If-Unmodified-Since: " + LM)),
    Case.of("If-Unmodified-Since then If-None-Match",
            req(b"If-Unmodified-Since: " + LM, b"If-None-Match: " + ETAG)),
    Case.of("If-None-Match and older If-Modified-Since",
            req(b"If-None-Match: " + ETAG, b"If-Modified-Since: " + EARLIER)),
    Case.of("If-Match fails before If-None-Match",
            req(b'If-Match: "other"', b"If-None-Match: " + ETAG)),
    Case.of("keep-alive after 304", b"GET /f.txt HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " +
            ETAG + b"\r\n\r\nGET /f.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
]
