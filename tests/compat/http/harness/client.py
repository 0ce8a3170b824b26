"""Raw HTTP exchanges: bytes written to a loopback connection step by step, everything the server
sends read back, then split into responses."""

from __future__ import annotations

import re
import select
import socket
import time
from dataclasses import dataclass, field


@dataclass
class Pause:
    """Wait between two writes (lets the server see a partial request)."""
    seconds: float


@dataclass
class Read:
    """Read what the server has sent so far (up to `seconds` of quiet) before writing on, e.g. to
    see "100 Continue" before the body is sent."""
    seconds: float = 0.3


@dataclass
class Shutdown:
    """Half-close the connection (the client sends FIN, keeps reading)."""


@dataclass
class Exchange:
    data: bytes = b""        # everything received
    closed: bool = False     # the server closed the connection (or reset it)
    reset: bool = False
    error: str = ""


def run_connection(port: int, steps: list, idle: float, deadline: float) -> Exchange:
    """Sends `steps` (bytes, Pause, Read, Shutdown) on a new connection and reads until the server
    closes it, nothing comes for `idle` seconds after the last write, or `deadline` seconds pass."""
    ex = Exchange()
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    except OSError as e:
        ex.error = "connect: %s" % e
        return ex
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    end = time.monotonic() + deadline
    try:
        for step in steps:
            if isinstance(step, (bytes, bytearray)):
                try:
                    sock.sendall(step)
                except OSError:
                    # the server may have answered and closed already: keep reading
                    pass
            elif isinstance(step, Pause):
                time.sleep(step.seconds)
            elif isinstance(step, Read):
                _read(sock, ex, step.seconds, end)
                if ex.closed:
                    break
            elif isinstance(step, Shutdown):
                try:
                    sock.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            else:
                raise TypeError("unknown step %r" % (step,))
        if not ex.closed:
            _read(sock, ex, idle, end)
    finally:
        sock.close()
    return ex


def _read(sock, ex: Exchange, idle: float, end: float) -> None:
    quiet_until = time.monotonic() + idle
    while True:
        now = time.monotonic()
        wait = min(quiet_until, end) - now
        if wait <= 0:
            return
        r, _, _ = select.select([sock], [], [], wait)
        if not r:
            return
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            ex.closed = ex.reset = True
            return
        except OSError as e:
            ex.closed = True
            ex.error = str(e)
            return
        if not chunk:
            ex.closed = True
            return
        ex.data += chunk
        quiet_until = time.monotonic() + idle


@dataclass
class Response:
    status_line: bytes = b""          # b"HTTP/1.1 200 OK"; empty for an HTTP/0.9 answer
    headers: list = field(default_factory=list)   # [(name, value)] as bytes, in order
    body: bytes = b""                 # de-chunked
    framing: str = ""                 # "length", "chunked", "close", "none", "0.9"
    chunks: list = field(default_factory=list)    # chunk sizes as sent (chunked)
    problem: str = ""                 # how the framing was broken, if it was

    @property
    def status(self) -> int:
        m = re.match(rb"HTTP/\d\.\d (\d{3})", self.status_line)
        return int(m.group(1)) if m else 0

    def header(self, name: str):
        n = name.lower().encode()
        for k, v in self.headers:
            if k.lower() == n:
                return v
        return None


_STATUS = re.compile(rb"HTTP/\d\.\d \d{3}")


def parse_responses(data: bytes) -> tuple:
    """Splits `data` into responses. A body is framed by Content-Length, chunked coding or the
    end of the connection; 1xx, 204, 304 have none, and neither does an answer whose headers are
    straight followed by the next status line (a HEAD answer). Data that is not a response at
    all is one HTTP/0.9 answer. Returns (responses, unparsed trailing bytes)."""
    out = []
    pos = 0
    if data and not _STATUS.match(data):
        return [Response(body=data, framing="0.9")], b""
    while pos < len(data):
        if not _STATUS.match(data, pos):
            return out, data[pos:]
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            return out, data[pos:]
        lines = data[pos:end].split(b"\r\n")
        resp = Response(status_line=lines[0])
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            resp.headers.append((name, value.strip(b" \t")))
        pos = end + 4
        te = resp.header("Transfer-Encoding")
        cl = resp.header("Content-Length")
        if resp.status < 200 or resp.status in (204, 304) or _STATUS.match(data, pos):
            resp.framing = "none"
        elif te is not None and te.lower().endswith(b"chunked"):
            resp.framing = "chunked"
            pos = _dechunk(data, pos, resp)
        elif cl is not None and cl.isdigit():
            resp.framing = "length"
            n = int(cl)
            if pos == len(data):
                resp.framing = "none"   # a HEAD answer that ends the stream
            else:
                resp.body = data[pos:pos + n]
                if len(resp.body) < n:
                    resp.problem = "body shorter than Content-Length"
                pos += len(resp.body)
        else:
            resp.framing = "close"
            resp.body = data[pos:]
            pos = len(data)
        out.append(resp)
    return out, b""


def _dechunk(data: bytes, pos: int, resp: Response) -> int:
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            resp.problem = "truncated chunk size"
            return len(data)
        size_text = data[pos:eol].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            resp.problem = "bad chunk size %r" % size_text
            return len(data)
        resp.chunks.append(size)
        pos = eol + 2
        if size == 0:
            # trailers up to the empty line
            end = data.find(b"\r\n", pos)
            while end > pos:
                pos = end + 2
                end = data.find(b"\r\n", pos)
            if end < 0:
                resp.problem = "truncated trailers"
                return len(data)
            return end + 2
        resp.body += data[pos:pos + size]
        pos += size
        if data[pos:pos + 2] != b"\r\n":
            resp.problem = "chunk not followed by CRLF"
            return len(data)
        pos += 2
