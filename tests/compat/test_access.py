#!/usr/bin/env python3
"""Access control against the real apache2: the same configuration and requests.

Run by ctest as `test_access.py --feather PATH`. Starts apache2 and feather on
free loopback ports (each in its own temp ServerRoot, in the foreground, in a
new session, stopped by PID), sends every request of CASES from 127.0.0.1 to
both, and compares

  * the status code of each response, and
  * the error-log lines each request caused (mod_authz_core's, mod_authz_host's
    and mod_access_compat's: AH01630, AH01797, AH01753, the debug lines of
    authz_core), with time stamps, pids, client ports and the roots masked.

The configuration covers Require (all, ip in its forms, local, host,
forward-dns, method, env, not, aliases), <RequireAll>/<RequireAny>/
<RequireNone>, <Limit>/<LimitExcept>, AuthMerging across nested <Directory>
sections, <Location> and <Files> sections, and mod_access_compat's
Order/Allow/Deny/Satisfy. Exits 1 on any difference, 0 when all agree; prints
a SKIP and exits 0 when apache2 or its modules are missing.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

MODDIR = "/usr/lib/apache2/modules"
MODULES = ["mpm_prefork", "authz_core", "authz_host", "access_compat"]
START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
IO_TIMEOUT = 10.0

HEAD = """\
{modules}
Listen 127.0.0.1:@PORT@
@LISTEN6@
ServerName localhost
User nobody
Group nogroup
DefaultRuntimeDir @ROOT@/run
PidFile @ROOT@/run/httpd.pid
ErrorLog @ROOT@/logs/error_log
LogLevel warn authz_core:debug authz_host:debug
StartServers 1
MinSpareServers 1
MaxSpareServers 2
DocumentRoot @ROOT@/htdocs

<AuthzProviderAlias ip loopback-net 127.0.0.0/8>
</AuthzProviderAlias>
<AuthzProviderAlias ip ten-net 10.0.0.0/8>
</AuthzProviderAlias>

<Directory />
    Require all denied
</Directory>
<Directory @ROOT@/htdocs>
    Require all granted
</Directory>
"""

# (directory under htdocs, its body). Each directory holds index.html.
SECTIONS = [
    ("granted", "Require all granted"),
    ("denied", "Require all denied"),
    ("ip-exact", "Require ip 127.0.0.1"),
    ("ip-other", "Require ip 10.0.0.1"),
    ("ip-cidr", "Require ip 127.0.0.0/8"),
    ("ip-cidr-miss", "Require ip 127.0.1.0/24"),
    ("ip-partial", "Require ip 127.0"),
    ("ip-partial-miss", "Require ip 10.1"),
    ("ip-netmask", "Require ip 127.0.0.0/255.255.255.0"),
    ("ip-netmask-miss", "Require ip 127.1.0.0/255.255.0.0"),
    ("ip-v6", "Require ip ::1"),
    ("ip-list", "Require ip 10.0.0.1 192.0.2.0/24 127.0.0.1"),
    ("ip-lines", "Require ip 10.0.0.1\nRequire ip 127.0.0.1"),
    ("local", "Require local"),
    ("host", "Require host localhost"),
    ("host-miss", "Require host example.com"),
    ("host-partial", "Require host calhost"),
    ("host-comment", "Require host localhost # example.com later"),
    ("host-comment-only", "Require host #localhost"),
    ("host-not", "<RequireAll>\nRequire all granted\nRequire not host localhost\n</RequireAll>"),
    ("forward-dns", "Require forward-dns localhost"),
    ("env", "Require env FEATHER_TEST_UNSET"),
    ("method-get", "Require method GET"),
    ("not-local", "<RequireAll>\nRequire all granted\nRequire not local\n</RequireAll>"),
    ("not-ip", "<RequireAll>\nRequire all granted\nRequire not ip 10.0.0.0/8\n</RequireAll>"),
    ("not-env", "<RequireAll>\nRequire all granted\nRequire not env FEATHER_TEST_UNSET\n</RequireAll>"),
    ("all-pass", "<RequireAll>\nRequire ip 127.0.0.1\nRequire local\n</RequireAll>"),
    ("all-fail", "<RequireAll>\nRequire ip 127.0.0.1\nRequire ip 10.0.0.1\n</RequireAll>"),
    ("any", "<RequireAny>\nRequire ip 10.0.0.1\nRequire local\n</RequireAny>"),
    ("any-fail", "<RequireAny>\nRequire ip 10.0.0.1\nRequire all denied\n</RequireAny>"),
    ("none-fail", "<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 10.0.0.1\n"
                  "Require local\n</RequireNone>\n</RequireAll>"),
    ("none-pass", "<RequireAll>\nRequire all granted\n<RequireNone>\nRequire ip 10.0.0.1\n"
                  "Require ip 192.0.2.1\n</RequireNone>\n</RequireAll>"),
    ("nested", "<RequireAny>\n<RequireAll>\nRequire local\nRequire not ip 127.0.0.1\n</RequireAll>\n"
               "<RequireAll>\nRequire ip 127.0.0.0/8\nRequire method GET POST\n</RequireAll>\n"
               "</RequireAny>"),
    ("only-negative", "<RequireAll>\nRequire not ip 10.0.0.1\n<RequireAny>\nRequire ip 10.0.0.2\n"
                      "Require ip 10.0.0.3\n</RequireAny>\n</RequireAll>"),
    ("alias", "Require loopback-net"),
    ("alias-miss", "Require ten-net"),
    ("alias-not", "<RequireAll>\nRequire all granted\nRequire not loopback-net\n</RequireAll>"),
    ("limit-get", "<Limit GET>\nRequire ip 10.0.0.1\n</Limit>"),
    ("limit-except-get", "<LimitExcept GET>\nRequire all denied\n</LimitExcept>"),
    ("limit-beside", "Require ip 10.0.0.1\n<Limit POST>\nRequire all granted\n</Limit>"),
    ("merge", "Require ip 127.0.0.1"),
    ("merge/and", "AuthMerging And\nRequire ip 10.0.0.1"),
    ("merge/or", "AuthMerging Or\nRequire ip 10.0.0.1"),
    ("merge/off", "AuthMerging Off\nRequire ip 10.0.0.1"),
    ("merge/inherit", "Options None"),
    ("merge/or/and", "AuthMerging And\n<RequireAll>\nRequire all granted\nRequire not ip 127.0.0.1\n"
                     "</RequireAll>"),
    ("replace", "Require all denied"),
    ("replace/open", "Require all granted"),
    ("replace/and", "AuthMerging And\nRequire all granted"),
    ("replace/inherit", "Options None"),
    ("files", "Require all granted\n<Files secret.html>\nRequire all denied\n</Files>"),
    ("located", "Require all denied"),
    # mod_access_compat
    ("order-allow-deny", "Order allow,deny"),
    ("order-deny-allow", "Order deny,allow"),
    ("deny-all", "Order deny,allow\nDeny from all"),
    ("deny-all-allow-me", "Order deny,allow\nDeny from all\nAllow from 127.0.0.1"),
    ("allow-all-deny-me", "Order allow,deny\nAllow from all\nDeny from 127.0.0.1"),
    ("allow-cidr", "Order allow,deny\nAllow from 127.0.0.0/8"),
    ("allow-netmask-miss", "Order allow,deny\nAllow from 10.0.0.0/255.0.0.0"),
    ("allow-partial", "Order allow,deny\nAllow from 127.0"),
    ("allow-host", "Order allow,deny\nAllow from localhost"),
    ("deny-host", "Order deny,allow\nDeny from .example.com"),
    ("allow-env", "Order allow,deny\nAllow from env=!FEATHER_TEST_UNSET"),
    ("deny-env", "Order deny,allow\nDeny from env=FEATHER_TEST_UNSET"),
    ("mutual", "Order mutual-failure\nAllow from 127"),
    ("mutual-deny", "Order mutual-failure\nAllow from 127\nDeny from 127.0.0.1"),
    ("mutual-none", "Order mutual-failure"),
    ("deny-post", "<Limit POST>\nOrder allow,deny\n</Limit>"),
    ("deny-except-get", "<LimitExcept GET>\nDeny from all\n</LimitExcept>"),
    ("satisfy-any", "Satisfy Any\nOrder deny,allow\nDeny from all\nRequire all granted"),
    ("satisfy-all", "Satisfy All\nOrder deny,allow\nDeny from all\nRequire all granted"),
    ("satisfy-default", "Order deny,allow\nDeny from all\nRequire all granted"),
    ("satisfy-any-allow", "Satisfy Any\nOrder allow,deny\nAllow from 127.0.0.1\nRequire all denied"),
    ("satisfy-all-allow", "Order allow,deny\nAllow from 127.0.0.1\nRequire all denied"),
    ("satisfy-any-both", "Satisfy Any\nOrder deny,allow\nDeny from all\nRequire all denied"),
    ("satisfy-post", "Order deny,allow\nDeny from all\nRequire all granted\n<Limit POST>\nSatisfy Any\n</Limit>"),
    ("compat-inherit", "Order allow,deny\nAllow from 10.0.0.1"),
    ("compat-inherit/sub", "Options None"),
    ("compat-inherit/reset", "Satisfy All"),
]

TAIL = """
<Location /located/open>
    Require all granted
</Location>
<Location /loc-denied>
    Require all denied
</Location>
"""

EXTRA_FILES = ["files/secret.html", "located/open/index.html", "loc-denied/index.html"]

# (method, path). Every request comes from 127.0.0.1.
CASES = [(m, "/%s/index.html" % name) for name, _ in SECTIONS for m in ("GET",)]
CASES += [
    ("POST", "/method-get/index.html"),
    ("POST", "/nested/index.html"),
    ("POST", "/limit-get/index.html"),
    ("HEAD", "/limit-get/index.html"),
    ("POST", "/limit-except-get/index.html"),
    ("HEAD", "/limit-except-get/index.html"),
    ("POST", "/limit-beside/index.html"),
    ("POST", "/deny-post/index.html"),
    ("POST", "/deny-except-get/index.html"),
    ("POST", "/satisfy-post/index.html"),
    ("PUT", "/limit-except-get/index.html"),
    ("GET", "/files/secret.html"),
    ("GET", "/located/open/index.html"),
    ("GET", "/loc-denied/index.html"),
    ("GET", "/denied/missing.html"),
    ("GET", "/denied/"),
    ("GET", "/index.html"),
]

# httpd puts the C source position before the client at debug level and
# beyond ("mod_authz_core.c(815): "): Feather has no such position; it is
# dropped.
# Requests from ::1 when the host has IPv6 loopback (not the host-name
# providers: ::1 has no name in every /etc/hosts).
V6_CASES = [("GET", "/%s/index.html" % name) for name in (
    "ip-v6", "ip-exact", "ip-cidr", "ip-list", "local", "not-local", "any", "alias", "alias-not",
    "deny-all-allow-me", "allow-cidr", "mutual", "satisfy-any-allow")]

LOG_LINE = re.compile(r"^\[[^\]]+\] \[([a-z_]+):([a-z0-9]+)\] \[pid \d+(?::tid \d+)?\] "
                      r"(?:[a-z_]+\.c\(\d+\): )?"
                      r"(?:\[client ([0-9a-f.:]+):\d+\] )?(.*)$")
# The modules whose lines are compared (others are outside this test).
COMPARED = {"authz_core", "authz_host", "access_compat"}


def free_port(family=socket.AF_INET, host="127.0.0.1"):
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def have_ipv6_loopback():
    try:
        free_port(socket.AF_INET6, "::1")
        return True
    except OSError:
        return False


def config_text():
    modules = "\n".join("LoadModule %s_module %s/mod_%s.so" % (m, MODDIR, m) for m in MODULES)
    text = HEAD.format(modules=modules)
    for name, body in SECTIONS:
        text += "<Directory @ROOT@/htdocs/%s>\n%s\n</Directory>\n" % (name, body)
    return text + TAIL


class Server:
    def __init__(self, label, binary, ipv6, extra_args=()):
        self.label = label
        self.port6 = free_port(socket.AF_INET6, "::1") if ipv6 else None
        self.binary = binary
        self.extra_args = list(extra_args)
        self.root = tempfile.mkdtemp(prefix="feather-access-%s-" % label)
        self.port = free_port()
        self.proc = None
        self.log_offset = 0

    def prepare(self, text):
        os.chmod(self.root, 0o755)
        for d in ("logs", "run", "htdocs"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        paths = ["index.html"] + ["%s/index.html" % name for name, _ in SECTIONS] + EXTRA_FILES
        for rel in paths:
            path = os.path.join(self.root, "htdocs", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write("content of %s\n" % rel)
        for dirpath, dirnames, filenames in os.walk(os.path.join(self.root, "htdocs")):
            os.chmod(dirpath, 0o755)
            for name in filenames:
                os.chmod(os.path.join(dirpath, name), 0o644)
        listen6 = "Listen [::1]:%d" % self.port6 if self.port6 else ""
        text = text.replace("@LISTEN6@", listen6)
        text = text.replace("@ROOT@", self.root).replace("@PORT@", str(self.port))
        with open(os.path.join(self.root, "httpd.conf"), "w") as f:
            f.write(text)

    def start(self):
        out = open(os.path.join(self.root, "stderr.txt"), "w")
        self.proc = subprocess.Popen(
            [self.binary, "-d", self.root, "-f", os.path.join(self.root, "httpd.conf"), "-DFOREGROUND"]
            + self.extra_args,
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C"})
        until = time.monotonic() + START_TIMEOUT
        while time.monotonic() < until:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            return False
        # Wait until the start-up lines are written, then skip them.
        time.sleep(0.3)
        self.log_offset = os.path.getsize(self.log_path()) if os.path.exists(self.log_path()) else 0
        return True

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=STOP_TIMEOUT)

    def log_path(self):
        return os.path.join(self.root, "logs", "error_log")

    def stderr_text(self):
        try:
            with open(os.path.join(self.root, "stderr.txt")) as f:
                return f.read()
        except OSError:
            return ""

    def new_log_lines(self):
        try:
            with open(self.log_path(), "rb") as f:
                f.seek(self.log_offset)
                data = f.read()
        except OSError:
            return []
        # Only whole lines; a partial one is read next time.
        end = data.rfind(b"\n") + 1
        self.log_offset += end
        lines = []
        for raw in data[:end].decode("utf-8", "replace").splitlines():
            m = LOG_LINE.match(raw)
            if not m:
                lines.append("UNPARSED " + raw.replace(self.root, "{ROOT}"))
                continue
            module, level, client, text = m.groups()
            if module not in COMPARED:
                continue
            lines.append("[%s:%s] [client %s] %s" % (module, level, client or "-",
                                                     text.replace(self.root, "{ROOT}")))
        return lines

    def request(self, method, path, ipv6=False):
        req = ("%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" % (method, path))
        if method in ("POST", "PUT"):
            req += "Content-Length: 0\r\n"
        req += "\r\n"
        data = b""
        address = ("::1", self.port6) if ipv6 else ("127.0.0.1", self.port)
        with socket.create_connection(address, timeout=IO_TIMEOUT) as s:
            s.sendall(req.encode())
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        return int(m.group(1)) if m else 0

    def exchange(self, method, path, ipv6=False):
        status = self.request(method, path, ipv6)
        # The lines are written before the response; give a slow writer a moment.
        lines = self.new_log_lines()
        until = time.monotonic() + 1.0
        while not lines and status >= 400 and time.monotonic() < until:
            time.sleep(0.02)
            lines = self.new_log_lines()
        time.sleep(0.02)
        lines += self.new_log_lines()
        return status, lines

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feather", required=True)
    ap.add_argument("--apache2", default=shutil.which("apache2") or "/usr/sbin/apache2")
    ap.add_argument("--keep", action="store_true", help="keep the temp roots")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    if not os.access(args.apache2, os.X_OK) or not all(
            os.path.exists("%s/mod_%s.so" % (MODDIR, m)) for m in MODULES):
        print("SKIP: apache2 or its modules are not installed")
        return 0

    text = config_text()
    ipv6 = have_ipv6_loopback()
    apache = Server("apache2", args.apache2, ipv6)
    feather = Server("feather", args.feather, ipv6)
    cases = [(m, p, False) for m, p in CASES]
    if ipv6:
        cases += [(m, p, True) for m, p in V6_CASES]
    else:
        print("note: no IPv6 loopback, requests from ::1 skipped")
    servers = [apache, feather]
    failures = 0
    try:
        for s in servers:
            s.prepare(text)
            if not s.start():
                print("FAIL: %s did not start:\n%s" % (s.label, s.stderr_text()))
                return 1
        for method, path, from_v6 in cases:
            (a_status, a_lines), (f_status, f_lines) = (s.exchange(method, path, from_v6)
                                                        for s in servers)
            same = a_status == f_status and a_lines == f_lines
            if not same:
                failures += 1
            if not same or args.verbose:
                print("%s %s %s%s: apache2 %d, feather %d" % (
                    "ok  " if same else "FAIL", method, path, " from ::1" if from_v6 else "",
                    a_status, f_status))
                if a_lines != f_lines or args.verbose:
                    for line in a_lines:
                        print("    apache2: " + line)
                    for line in f_lines:
                        print("    feather: " + line)
    finally:
        for s in servers:
            s.stop()
            if not args.keep:
                s.cleanup()
            else:
                print("kept %s root: %s" % (s.label, s.root))

    print("%d requests, %d differ" % (len(cases), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
