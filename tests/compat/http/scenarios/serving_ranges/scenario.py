"""Range and If-Range: one range (Content-Range), suffix and open ranges, merged overlapping and
adjacent ranges, invalid headers ignored (200), unsatisfiable ones (416, the canned page without
Content-Range), the limits, and ranges on a 304/412. Several ranges answer with
multipart/byteranges under a boundary each server draws at random: the harness cannot compare
those bodies, so they are tested in tests/e2e/serving_test.cpp and tests/runtime/http/range_test.cpp
(the bytes checked against apache2 by hand)."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]

ETAG = b'"14-60a24181e4000"'
LM = b"Tue, 14 Nov 2023 22:13:20 GMT"


def build(t):
    for d in ["", "limited/", "none/"]:
        t.file("htdocs/%sf.txt" % d, "0123456789abcdefghij")
    t.file("htdocs/empty.txt", "")


def req(*fields, method=b"GET", target=b"/f.txt"):
    return method + b" " + target + b" HTTP/1.1\r\nHost: localhost\r\n" + \
        b"".join(f + b"\r\n" for f in fields) + b"Connection: close\r\n\r\n"


def ranged(spec, *more, target=b"/f.txt", method=b"GET"):
    return req(b"Range: " + spec, *more, target=target, method=method)


SINGLE = [b"bytes=0-0", b"bytes=2-4", b"Bytes=2-4", b"bytes=-3", b"bytes=-30", b"bytes=15-",
          b"bytes=18-40", b"bytes=0-1,1-2", b"bytes=0-1,2-3", b"bytes=2-3,0-2", b"bytes=3-5,0-",
          b"bytes=50-60,0-1", b"bytes=0-1,,"]
IGNORED = [b"bytes=1-2, 4-5", b"bytes=5-1", b"bytes=x", b"bytes=-0", b"bytes=+1-2", b"items=0-1",
           b"bytes=0-1,garbage", b"bytes=10-19,0-5,0-15", b"bytes="]
UNSATISFIABLE = [b"bytes=20-", b"bytes=50-60", b"bytes=20-30,40-"]

CASES = (
    [Case.of("single " + s.decode(), ranged(s)) for s in SINGLE] +
    [Case.of("ignored " + s.decode(), ranged(s)) for s in IGNORED] +
    [Case.of("unsatisfiable " + s.decode(), ranged(s)) for s in UNSATISFIABLE] +
    [
        Case.of("HEAD single", ranged(b"bytes=2-4", method=b"HEAD")),
        Case.of("empty file", ranged(b"bytes=0-1", target=b"/empty.txt")),
        Case.of("If-Range etag", ranged(b"bytes=2-4", b"If-Range: " + ETAG)),
        Case.of("If-Range weak etag", ranged(b"bytes=2-4", b"If-Range: W/" + ETAG)),
        Case.of("If-Range other etag", ranged(b"bytes=2-4", b'If-Range: "old"')),
        Case.of("If-Range date", ranged(b"bytes=2-4", b"If-Range: " + LM)),
        Case.of("If-Range other date", ranged(b"bytes=2-4", b"If-Range: Mon, 13 Nov 2023 00:00:00 GMT")),
        Case.of("If-Range without Range", req(b"If-Range: " + ETAG)),
        Case.of("Range with If-None-Match", ranged(b"bytes=2-4", b"If-None-Match: " + ETAG)),
        Case.of("Range with weak If-None-Match", ranged(b"bytes=2-4", b"If-None-Match: W/" + ETAG)),
        Case.of("Range with failing If-Match", ranged(b"bytes=2-4", b'If-Match: "x"')),
        Case.of("limited three", ranged(b"bytes=0-0,2-2,4-4", target=b"/limited/f.txt")),
        Case.of("limited overlaps", ranged(b"bytes=0-3,1-2,2-3", target=b"/limited/f.txt")),
        Case.of("limited reversals", ranged(b"bytes=5-6,3-5,1-3", target=b"/limited/f.txt")),
        Case.of("MaxRanges none", ranged(b"bytes=0-1", target=b"/none/f.txt")),
    ]
)
