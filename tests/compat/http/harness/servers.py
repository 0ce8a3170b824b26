"""Starting and stopping apache2 and feather for a scenario.

Both run in the foreground (-DFOREGROUND) in a new session, on a free loopback port, with
everything (config, docroot, logs, pid file, runtime dir) under a temp ServerRoot. Waits are
bounded and the server is stopped by its PID (SIGTERM, then SIGKILL of its process group).
/etc/apache2 is never read: apache2 gets -d ROOT -f ROOT/httpd.conf.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time

MODDIR = "/usr/lib/apache2/modules"

# Modules Debian's apache2 has compiled in: a LoadModule for them is an error there.
BUILTIN = {"core", "so", "watchdog", "http", "log_config", "logio", "version", "unixd"}


def load_lines(modules: list) -> str:
    """LoadModule lines for `modules` (names without _module: "mpm_worker", "mime"), the same
    text for both servers (Feather's modules are compiled in; LoadModule switches one on)."""
    out = []
    for m in modules:
        if m in BUILTIN:
            continue
        out.append("LoadModule %s_module %s/mod_%s.so" % (m, MODDIR, m))
    return "\n".join(out) + "\n"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment() -> dict:
    return {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C", "LC_ALL": "C"}


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class Server:
    """One running server (kind "apache" or "feather") on `port` with ServerRoot `root`."""

    def __init__(self, kind: str, binary: str, root: str, port: int):
        self.kind = kind
        self.binary = binary
        self.root = root
        self.port = port
        self.proc = None
        self.output_path = os.path.join(root, "logs", "stderr.txt")

    def start(self, timeout: float = 15.0) -> bool:
        out = open(self.output_path, "wb")
        try:
            self.proc = subprocess.Popen(
                [self.binary, "-d", self.root, "-f", os.path.join(self.root, "httpd.conf"),
                 "-DFOREGROUND"],
                cwd=self.root, env=environment(), stdin=subprocess.DEVNULL, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            if _accepts(self.port):
                return True
            time.sleep(0.05)
        return False

    def output(self) -> str:
        try:
            with open(self.output_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            text = ""
        try:
            with open(os.path.join(self.root, "logs", "error_log"), "rb") as f:
                text += f.read().decode("utf-8", "replace")
        except OSError:
            pass
        return text

    def stop(self, timeout: float = 10.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        pid = self.proc.pid
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            # the process group is the server's own session (start_new_session)
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=5)
        # children left behind by a master that died (same session and group)
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
