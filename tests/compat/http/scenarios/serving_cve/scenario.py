"""Path traversal request forms (CVE-2021-41773, CVE-2021-42013 and relatives): ap_normalize_path
with AP_NORMALIZE_DECODE_UNRESERVED refuses them (400) or %-decoding leaves harmless names (404);
no answer may carry the secret file."""

from harness.scenario import Case

MODULES = ["mpm_worker", "authz_core"]


def build(t):
    t.file("secret.txt", "top secret\n")
    t.file("htdocs/d/a.txt", "A\n")
    t.dir("htdocs/cgi-bin")
    t.dir("htdocs/icons")


def get(target):
    return b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


TARGETS = [
    b"/.%2e/secret.txt",
    b"/%2e%2e/secret.txt",
    b"/%2E%2E/secret.txt",
    b"/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd",
    b"/.%%32%65/secret.txt",
    b"/%%32%65%%32%65/secret.txt",
    b"/cgi-bin/.%2e/%2e%2e/%2e%2e/secret.txt",
    b"/cgi-bin/.%2e/.%2e/.%2e/.%2e/etc/passwd",
    b"/cgi-bin/.%%32%65/.%%32%65/.%%32%65/.%%32%65/etc/passwd",
    b"/icons/.%%32%65/.%%32%65/.%%32%65/.%%32%65/etc/passwd",
    b"/d/../../secret.txt",
    b"/d/./../../secret.txt",
    b"/%2e%2e%2fsecret.txt",
    b"/..%2fsecret.txt",
    b"/..%2Fsecret.txt",
    b"/d/%252e%252e/%252e%252e/secret.txt",
    b"/d/a.txt%00",
    b"/d/a.txt%00.html",
    b"/d/%2e%2e/d/a.txt",
    b"/d/.%2E/d/a.txt",
    b"//d//a.txt",
    b"/./d/./a.txt",
    b"/d/a%2etxt",
    b"/%64/a.txt",
    b"/d/a%zz",
    b"http://localhost/.%2e/secret.txt",
]

CASES = [Case.of(t.decode(), get(t)) for t in TARGETS]
