#!/usr/bin/env python3
"""feather's command line against the real apache2, on the same configurations.

Run by ctest as `test_cli.py --feather PATH`. Each case writes a configuration
into a fresh ServerRoot, runs apache2 and feather with the same arguments (and
the same argv[0], so that program names in messages agree) and compares
stdout, stderr and the exit status after the normalisations that stand for
documented differences:

  * Feather has no mod_watchdog: its -M line, its -L entry and its
    "watchdog-callback" mutex are dropped from apache2's output;
  * httpd lists mutexes in a random (hash) order: Mutex lines are sorted;
  * compiled-in defaults differ (Debian's /run/apache2.pid and
    /var/run/apache2/ against Feather's logs/httpd.pid and logs/);
  * log-line time stamps and pids are masked.

A case whose configuration reaches a directive Feather does not implement
yet ("... is not supported yet") is reported SKIP, not FAIL. Exits 1 when a
case fails.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

MODDIR = "/usr/lib/apache2/modules"
ARGV0 = "httpd"  # both programs run under this name
DEBIAN_PIDLOG = "/run/apache2.pid"
DEBIAN_RUNTIME_DIR = "/var/run/apache2/"
FEATHER_RUNTIME_DIR = "logs"  # Feather's DefaultRuntimeDir default (feather(8))
PENDING = "is not supported yet"


def load(module, name=None):
    so = name or "mod_" + module + ".so"
    return "LoadModule %s_module %s/%s\n" % (module, MODDIR, so)


PREFORK = load("mpm_prefork", "mod_mpm_prefork.so")
WORKER = load("mpm_worker", "mod_mpm_worker.so")


class Run:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err


def run(binary, args, cwd):
    p = subprocess.run([ARGV0] + args, executable=binary, cwd=cwd, capture_output=True, text=True,
                       timeout=120, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C"})
    return Run(p.returncode, p.stdout, p.stderr)


LOG_PREFIX = re.compile(r"^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] "
                        r"\[([a-z_]+:[a-z0-9]+)\] \[pid \d+:tid \d+\] ", re.M)


def mask_log_lines(text):
    return LOG_PREFIX.sub(r"[DATE] [\1] [pid N:tid N] ", text)


def mask_version(r):
    """-v's two lines differ by design (see the -v checks)."""
    return Run(r.rc, re.sub(r"Server version: .*\nServer built: .*\n", "<version>\n", r.out), r.err)


def drop_watchdog(text):
    text = text.replace(" watchdog_module (static)\n", "")
    text = text.replace("Mutex watchdog-callback: using_defaults\n", "")
    text = re.sub(r"WatchdogInterval \(mod_watchdog\.c\)\n\t[^\n]*\n\t[^\n]*\n", "", text)
    return text


def sort_mutex_lines(text):
    lines = text.split("\n")
    out, block = [], []
    for line in lines:
        if line.startswith("Mutex "):
            block.append(line)
            continue
        out.extend(sorted(block))
        block = []
        out.append(line)
    out.extend(sorted(block))
    return "\n".join(out)


class Checker:
    def __init__(self, feather):
        self.feather = feather
        self.apache = shutil.which("apache2") or "/usr/sbin/apache2"
        self.failed = 0
        self.passed = 0
        self.skipped = 0
        v = run(feather, ["-V", "-f", "/nonexistent/feather-cli.conf"], "/")
        m = re.search(r'-D DEFAULT_PIDLOG="([^"]*)"', v.out)
        self.feather_pidlog = m.group(1) if m else "logs/httpd.pid"

    def expected_from_apache(self, a, root):
        def norm(text):
            text = drop_watchdog(mask_log_lines(text))
            pid = self.feather_pidlog if self.feather_pidlog.startswith("/") else root + "/" + self.feather_pidlog
            text = text.replace('PidFile: "%s"' % DEBIAN_PIDLOG, 'PidFile: "%s"' % pid)
            text = text.replace('dir="%s"' % DEBIAN_RUNTIME_DIR, 'dir="%s/%s/"' % (root, FEATHER_RUNTIME_DIR))
            return sort_mutex_lines(text)
        return Run(a.rc, norm(a.out), norm(a.err))

    def compare(self, name, files, args, stdout_only=False, capture_file=None):
        root = tempfile.mkdtemp(prefix="feather-cli-")
        try:
            os.makedirs(os.path.join(root, "logs"))
            os.makedirs(os.path.join(root, "htdocs"))
            for rel, text in files.items():
                path = os.path.join(root, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(text.replace("@ROOT@", root))
            full = [a.replace("@ROOT@", root) for a in args]
            def run_in(binary):
                r = run(binary, full, root)
                if capture_file:
                    path = os.path.join(root, capture_file)
                    if os.path.exists(path):
                        with open(path) as fh:
                            r.err += "--- " + capture_file + "\n" + fh.read()
                        os.unlink(path)
                return r
            a = self.expected_from_apache(run_in(self.apache), root)
            f = run_in(self.feather)
            f = Run(f.rc, sort_mutex_lines(mask_log_lines(f.out)), sort_mutex_lines(mask_log_lines(f.err)))
            self.judge(name + " [" + " ".join(args) + "]", a, f, stdout_only)
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def compare_plain(self, name, args, transform=None):
        """Arguments only (no configuration): usage, bad options."""
        a = run(self.apache, args, "/")
        f = run(self.feather, args, "/")
        if transform:
            a, f = transform(a), transform(f)
        self.judge(name + " [" + " ".join(args) + "]", a, f, False)

    def judge(self, label, a, f, stdout_only):
        if PENDING in f.err and PENDING not in a.err:
            self.skipped += 1
            print("SKIP %s: %s" % (label, f.err.strip().splitlines()[-1]))
            return
        problems = []
        if a.rc != f.rc:
            problems.append("exit status: apache2 %d, feather %d" % (a.rc, f.rc))
        if a.out != f.out:
            problems.append(diff("stdout", a.out, f.out))
        if not stdout_only and a.err != f.err:
            problems.append(diff("stderr", a.err, f.err))
        if problems:
            self.failed += 1
            print("FAIL %s\n  %s" % (label, "\n  ".join(problems)))
        else:
            self.passed += 1
            print("ok   %s" % label)

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok   %s" % label)
        else:
            self.failed += 1
            print("FAIL %s %s" % (label, detail))


def diff(what, expected, got):
    import difflib
    lines = difflib.unified_diff(expected.splitlines(), got.splitlines(), "apache2 " + what, "feather " + what,
                                 lineterm="", n=1)
    return "\n  ".join(list(lines)[:40])


# ---- configurations --------------------------------------------------------

SAMPLE = {
    "httpd.conf": "ServerRoot @ROOT@\n" + PREFORK + load("authz_core") + load("mime") + load("dir") +
    "Define DOCROOT @ROOT@/htdocs\n"
    "Listen 127.0.0.1:8080\n"
    "ServerName main.example\n"
    "PidFile logs/httpd.pid\n"
    "ErrorLog logs/error_log\n"
    "DocumentRoot ${DOCROOT}\n"
    "TypesConfig /etc/mime.types\n"
    "IncludeOptional conf.d/*.conf\n"
    "<VirtualHost 127.0.0.1:8080>\n"
    "  ServerName a.example\n"
    "  ServerAlias www.a.example\n"
    "  DocumentRoot ${DOCROOT}\n"
    "</VirtualHost>\n"
    "<VirtualHost *:8080>\n"
    "  ServerName b.example\n"
    "</VirtualHost>\n"
    "<VirtualHost *:8080>\n"
    "  ServerName c.example\n"
    "  ServerAlias *.c.example\n"
    "</VirtualHost>\n",
    "conf.d/10-x.conf": "# x\n",
    "conf.d/20-y.conf": "# y\n",
}

# Only what Feather implements already: read-time directives and modules.
MINIMAL = {
    "httpd.conf": PREFORK + load("authz_core") + load("mime") + load("dir") + load("alias") +
    "Define DOCROOT @ROOT@/htdocs\n"
    "Define EMPTY\n"
    "<IfModule mime_module>\n"
    "  IncludeOptional conf.d/*.conf\n"
    "</IfModule>\n"
    "<IfDefine NOPE>\n"
    "  Include missing/*.conf\n"
    "</IfDefine>\n",
    "conf.d/10-x.conf": "# x\nInclude @ROOT@/conf.d/sub/*.conf\n",
    "conf.d/20-y.conf": "# y\n",
    "conf.d/sub/a.conf": "# a\n",
}

WORKER_MIN = {"httpd.conf": WORKER + load("negotiation") + load("status") + load("access_compat")}


def golden_modules(mpm_line):
    return {"httpd.conf": mpm_line + "".join(load(m) for m in (
        "authz_core", "authz_host", "access_compat", "mime", "dir", "negotiation", "status", "alias"))}


def with_bad(conf_d_text):
    files = dict(MINIMAL)
    files["conf.d/30-bad.conf"] = conf_d_text
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feather", required=True)
    opts = ap.parse_args()
    c = Checker(os.path.abspath(opts.feather))
    if not os.path.exists(c.apache):
        print("FAIL apache2 is not installed: the compat tests need it as the oracle")
        return 1

    cfg = ["-d", "@ROOT@", "-f", "httpd.conf"]

    # Configuration test and dumps on a configuration Feather reads fully.
    for args in (["-t"], ["-M"], ["-t", "-D", "DUMP_MODULES"], ["-S"], ["-t", "-D", "DUMP_INCLUDES"],
                 ["-S", "-M"], ["-t", "-D", "DUMP_RUN_CFG"], ["-D", "DUMP_VHOSTS"], ["-X", "-S"],
                 ["-DFOREGROUND", "-S", "-DNO_DETACH"], ["-T", "-t"], ["-e", "error", "-t"],
                 ["-M", "-L", "-t"]):
        c.compare("minimal", MINIMAL, cfg + args, stdout_only="-L" in args)
    for args in (["-M"], ["-S"]):
        c.compare("worker", WORKER_MIN, cfg + args)

    # The reference sample (virtual hosts): live once the setters it uses exist.
    for args in (["-t"], ["-M"], ["-S"], ["-t", "-D", "DUMP_INCLUDES"]):
        c.compare("sample", SAMPLE, cfg + args)

    # -L with Feather's module set.
    for mpm, line in (("prefork", PREFORK), ("worker", WORKER)):
        c.compare("-L " + mpm, golden_modules(line), cfg + ["-L"], stdout_only=True)

    # Errors: read phase, walk phase, no MPM.
    c.compare("unclosed section", with_bad("<Directory /x>\nOptions Indexes\n"), cfg + ["-t"])
    c.compare("missing include", with_bad("Include /nonexistent/*.conf\n"), cfg + ["-t"])
    c.compare("missing include file", with_bad("Include /nonexistent.conf\n"), cfg + ["-t"])
    c.compare("invalid command", with_bad("Bogus directive here\n"), cfg + ["-t"])
    c.compare("invalid command in section",
              with_bad("<IfModule dir_module>\n<IfDefine !NOPE>\nBogus\n</IfDefine>\n</IfModule>\n"), cfg + ["-t"])
    c.compare("stray close", with_bad("</Directory>\n"), cfg + ["-t"])
    c.compare("undefined variable", with_bad("Define X ${UNDEFINED_X}/foo\n"), cfg + ["-t"])
    c.compare("no MPM", {"httpd.conf": load("mime") + "Define A\n"}, cfg + ["-t"])
    c.compare("no MPM -S", {"httpd.conf": "Define A\n"}, cfg + ["-S"])
    c.compare("no config file", {}, ["-d", "@ROOT@", "-f", "nope.conf", "-t"])
    c.compare("-C error", MINIMAL, cfg + ["-C", "Bogus x", "-t"])
    c.compare("-c error", MINIMAL, cfg + ["-c", "<IfModule x", "-t"])
    c.compare("-k start -t, bad file", {}, ["-k", "start", "-d", "@ROOT@", "-f", "nope.conf", "-t"])
    c.compare("-E unwritable", MINIMAL, cfg + ["-E", "/nonexistent/dir/x.log", "-t"])
    c.compare("-E startup log", MINIMAL, cfg + ["-E", "startup.log", "-t"], capture_file="startup.log")
    c.compare("-E startup log, error", with_bad("Bogus\n"), cfg + ["-E", "startup.log", "-t"],
              capture_file="startup.log")
    c.compare("includes then error", with_bad("Include /nonexistent.conf\n"),
              cfg + ["-t", "-D", "DUMP_INCLUDES"])
    c.compare("includes, walk error", with_bad("Bogus\n"), cfg + ["-D", "DUMP_INCLUDES"])

    # -V: the MPM comes from the configuration; other lines are Feather's own.
    def mpm_block(r):
        lines = [l for l in r.out.splitlines() if l.startswith(("Server MPM:", "  threaded:", "    forked:"))]
        return Run(r.rc, "\n".join(lines), r.err)
    for name, files in (("prefork", golden_modules(PREFORK)), ("worker", golden_modules(WORKER)),
                        ("no MPM", {"httpd.conf": "Define A\n"}),
                        ("read error", {"httpd.conf": PREFORK + "<Directory /x>\n"})):
        root = tempfile.mkdtemp(prefix="feather-cli-")
        try:
            for rel, text in files.items():
                with open(os.path.join(root, rel), "w") as fh:
                    fh.write(text)
            args = ["-d", root, "-f", "httpd.conf", "-V"]
            a, f = mpm_block(run(c.apache, args, root)), mpm_block(run(c.feather, args, root))
            c.judge("-V " + name, a, f, False)
        finally:
            shutil.rmtree(root, ignore_errors=True)

    # The command line itself.
    c.compare_plain("usage", ["-h"])
    c.compare_plain("usage", ["-?"])
    for bad in (["-z"], ["-t", "-z"], ["-zv"], ["-t", "-zv"], ["-k", "bogus"], ["-k", "start", "-k", "stop"],
                ["-t", "-k"], ["-D"], ["-t", "-D"], ["-e", "loud"], ["-t", "extra"], ["-t", "-"], ["-t-v"],
                ["-t", "-:"], ["-v", "-z"]):
        c.compare_plain("bad command line", bad, transform=mask_version)

    v_a, v_f = run(c.apache, ["-v"], "/"), run(c.feather, ["-v"], "/")
    shape = re.compile(r"^Server version: Apache/2\.4\.71 \([^)]+\)\nServer built:   \S+\n$")
    c.check("-v shape", v_a.rc == v_f.rc == 0 and shape.match(v_a.out) and shape.match(v_f.out), v_f.out)
    c.check("-v is Feather's", "(Feather " in v_f.out, v_f.out)

    l_a, l_f = run(c.apache, ["-l"], "/"), run(c.feather, ["-l"], "/")
    a_mods = [m.strip() for m in l_a.out.splitlines()[1:] if m.strip() != "mod_watchdog.c"]
    f_mods = [m.strip() for m in l_f.out.splitlines()[1:]]
    c.check("-l lists httpd's built-ins", l_f.out.startswith("Compiled in modules:\n") and
            all(m in f_mods for m in a_mods) and all(l.startswith("  ") for l in l_f.out.splitlines()[1:]),
            l_f.out)

    print("%d passed, %d failed, %d skipped" % (c.passed, c.failed, c.skipped))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
