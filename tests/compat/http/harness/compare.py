"""Turning what each server sent into comparable text, with a small explicit normaliser.

What legitimately differs between the two runs, and only that, is rewritten:
  * the port and the ServerRoot of each run ({PORT}, {ROOT});
  * the Date header's value ({DATE}, once checked to be an IMF-fixdate), and an Expires equal to
    that Date (httpd's "do not cache" for HTTP/1.0 clients, e.g. negotiated responses), which
    otherwise differs whenever the two requests straddle a second;
  * the product banner: apache2 says "Apache/2.4.71 (Debian)", Feather "Apache/2.4.71 (Unix)
    Feather/x.y" (deliberate: the OS token is the build's, Feather names itself). Both become
    "Apache/2.4.71 (Unix)" in the Server header and in bodies (ServerSignature lines), and a
    Content-Length that matched the body before is set to the rewritten body's length;
  * the order of the methods in Allow: httpd lists them in the order of an APR hash whose seed
    changes at every start (make_allow), so the list is compared sorted;
  * with NORMALISE = ["etag-inode"] in a scenario, the inode part of three-part ETags.
"""

from __future__ import annotations

import re

from .client import Exchange, parse_responses

_DATE = re.compile(rb"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                   rb"Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$")
_FEATHER_TOKEN = re.compile(rb" Feather/[0-9A-Za-z.+~-]+")
_ETAG3 = re.compile(rb'^(W/)?"[0-9a-f]+-([0-9a-f]+-[0-9a-f]+(?:-[a-z0-9]+)?)"$')


def _banner(data: bytes) -> bytes:
    return _FEATHER_TOKEN.sub(b"", data.replace(b" (Debian)", b" (Unix)"))


def _subst(data: bytes, port: int, root: str) -> bytes:
    data = data.replace(root.encode(), b"{ROOT}")
    return re.sub(rb"(?<![0-9])%d(?![0-9])" % port, b"{PORT}", data)


def _show_bytes(b: bytes) -> str:
    out = []
    for line in b.split(b"\n"):
        out.append(line.decode("latin-1").encode("unicode_escape").decode("ascii")
                   .replace("\\t", "\t"))
    return "\n".join("    | " + line for line in out)


def render(ex: Exchange, port: int, root: str, headers="all", normalise=(), ignore=()) -> str:
    """The text both sides are compared on. `headers`: "all" or the (lower-case) names kept;
    `ignore`: names dropped."""
    responses, rest = parse_responses(ex.data)
    lines = []
    for resp in responses:
        body = _subst(resp.body, port, root)
        new_body = _banner(body)
        if resp.framing == "0.9":
            lines.append("(HTTP/0.9 answer: no status line, no headers)")
        else:
            lines.append(_subst(resp.status_line, port, root).decode("latin-1"))
            date = next((v for n, v in resp.headers if n.lower() == b"date"), None)
            for name, value in resp.headers:
                lname = name.lower()
                if headers != "all" and lname.decode("latin-1") not in headers:
                    continue
                if lname.decode("latin-1") in ignore:
                    continue
                value = _subst(value, port, root)
                if lname == b"date":
                    value = b"{DATE}" if _DATE.match(value) else value
                elif lname == b"expires" and value == date and _DATE.match(value):
                    value = b"{DATE}"
                elif lname == b"server":
                    value = _banner(value)
                elif lname == b"content-length" and value == str(len(resp.body)).encode() \
                        and resp.framing == "length":
                    value = str(len(new_body)).encode()
                elif lname == b"allow":
                    value = b",".join(sorted(value.split(b",")))
                elif lname == b"etag" and "etag-inode" in normalise:
                    value = _ETAG3.sub(rb'\1"{INODE}-\2"', value)
                lines.append("%s: %s" % (name.decode("latin-1"), value.decode("latin-1")))
        framing = resp.framing
        if resp.framing == "chunked":
            framing += " (%d chunks)" % len(resp.chunks)
        lines.append("[body: %d bytes, %s%s]" % (len(new_body), framing,
                                                  ", " + resp.problem if resp.problem else ""))
        if new_body:
            lines.append(_show_bytes(new_body))
    if rest:
        lines.append("[unparsed: %d bytes]" % len(rest))
        lines.append(_show_bytes(_banner(_subst(rest, port, root))))
    if not ex.data:
        lines.append("[nothing received]")
    if ex.error:
        lines.append("[error: %s]" % ex.error)
    # a reset and a clean close are one outcome: which one the client sees depends on timing
    lines.append("[connection %s]" % ("closed by the server" if ex.closed else "left open"))
    return "\n".join(lines)


_LOG_TIME = re.compile(r"^\[[^\]]*\] ")
_LOG_PID = re.compile(r" \[pid \d+(:tid \d+)?\]")
_LOG_CLIENT = re.compile(r"\[client ([0-9a-fA-F.:]+):\d+\]")


def error_log_lines(root: str, port: int, wanted) -> list:
    """The lines of ROOT/logs/error_log holding one of the `wanted` substrings, without what
    differs by run (time, pid and thread, the client's port, the root, the port), sorted."""
    import os
    try:
        with open(os.path.join(root, "logs", "error_log"), "rb") as f:
            text = f.read().decode("latin-1")
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        if not any(w in line for w in wanted):
            continue
        line = _LOG_TIME.sub("", line)
        line = _LOG_PID.sub("", line)
        line = _LOG_CLIENT.sub(r"[client \1]", line)
        out.append(line.replace(root, "@ROOT@").replace(str(port), "@PORT@"))
    return sorted(out)
