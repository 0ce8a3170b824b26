"""mod_negotiation with Options MultiViews: variants found as "name.*" files typed by mod_mime;
languages (Accept-Language prefixes, LanguagePriority, ForceLanguagePriority Prefer/Fallback/None,
DefaultLanguage), types (q-values, wildcards and their browser fiddle, levels, the old format),
charsets (the ISO-8859-1 default), encodings (identity, x- tokens), the byte-count tie-break,
transparent negotiation (Negotiate: 300 lists, Alternates, TCN, RVSA/1.0), 406 lists, Vary and
Content-Location, MultiviewsMatch, access rules on variants, conditionals and ranges on the chosen
variant, HTTP/1.0 caching headers."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime", "dir", "negotiation"]


def build(t):
    t.file("conf/mime.types", "text/html html\ntext/plain txt text\napplication/pdf pdf\n"
                              "image/png png\n")
    for d in ("", "prio/", "fallback/", "both/", "none/", "nomv/"):
        t.file("htdocs/%sdoc.html.en" % d, "English document\n")
        t.file("htdocs/%sdoc.html.fr" % d, "Document francais, plus long\n")
        t.file("htdocs/%sdoc.html.de" % d, "Deutsch\n")
    t.file("htdocs/page.html", "<p>html page</p>\n")
    t.file("htdocs/page.txt", "text page, the longest of the three\n")
    t.file("htdocs/page.pdf", "%PDF-fake\n")
    t.file("htdocs/cs.html.utf8", "utf-8 text\n")
    t.file("htdocs/cs.html.iso2", "latin-2 text, longer\n")
    t.file("htdocs/cs2.html", "no charset, the longer one\n")
    t.file("htdocs/cs2.html.utf8", "utf-8\n")
    t.file("htdocs/enc.txt", "plain text, longer than the compressed one\n")
    t.file("htdocs/enc.txt.gz", "GZIPPED\n")
    t.file("htdocs/enc2.txt.gz", "GZIPPED only\n")
    t.file("htdocs/zz.txt.Z", "COMPRESSED\n")
    t.file("htdocs/tie.txt", "the longer of two\n")
    t.file("htdocs/tie.text", "shorter\n")
    t.file("htdocs/lev.html", "level 2 html\n")
    t.file("htdocs/lev.h3", "level 3 html\n")
    t.file("htdocs/mix.html.en-gb", "British\n")
    t.file("htdocs/mix.txt.en", "English text\n")
    t.file("htdocs/deflang/doc.html", "default language page\n")
    t.file("htdocs/deflang/doc.html.fr", "page francaise\n")
    t.file("htdocs/any/page.html", "html\n")
    t.file("htdocs/any/page.html.bak", "backup\n")
    t.file("htdocs/noext/page.html", "html\n")
    t.file("htdocs/noext/page.html.bak", "backup\n")
    t.file("htdocs/acl/secret.html.en", "secret\n")
    t.file("htdocs/acl/secret.html.fr", "pas secret\n")
    t.file("htdocs/acl/hidden.html.en", "hidden\n")
    t.file("htdocs/acl/hidden.html.fr", "cache\n")
    t.chmod("htdocs/acl/hidden.html.fr", 0o600)
    t.dir("htdocs/dirvar/thing.d")
    t.file("htdocs/unknown/thing.zzz", "unknown extension\n")
    t.file("htdocs/a b.html.en", "spaced\n")


def get(name, target, extra="", method="GET", proto="HTTP/1.1"):
    return Case.of(name, ("%s %s %s\r\nHost: www.example.com\r\n%sConnection: close\r\n\r\n"
                          % (method, target, proto, extra)).encode())


CASES = [
    # languages
    get("lang none", "/doc"),
    get("lang fr", "/doc", "Accept-Language: fr\r\n"),
    get("lang de", "/doc", "Accept-Language: de\r\n"),
    get("lang en-us prefix fiddle", "/doc", "Accept-Language: en-us\r\n"),
    get("lang q-values", "/doc", "Accept-Language: fr;q=0.5, de;q=0.8\r\n"),
    get("lang star", "/doc", "Accept-Language: *\r\n"),
    get("lang unknown 406", "/doc", "Accept-Language: it\r\n"),
    get("lang unknown and star", "/doc", "Accept-Language: it, *;q=0.1\r\n"),
    get("lang upper case", "/doc", "Accept-Language: FR\r\n"),
    get("lang all zero", "/doc", "Accept-Language: en;q=0, fr;q=0, de;q=0\r\n"),
    get("lang two equal", "/doc", "Accept-Language: fr, en\r\n"),
    get("lang head", "/doc", "Accept-Language: fr\r\n", method="HEAD"),
    get("lang with extension", "/doc.html", "Accept-Language: fr\r\n"),
    get("lang existing file", "/doc.html.fr", "Accept-Language: de\r\n"),
    get("no variant 404", "/doc.xyz"),
    get("lang with query", "/doc?x=1", "Accept-Language: de\r\n"),
    get("lang post", "/doc", "Accept-Language: de\r\nContent-Length: 0\r\n", method="POST"),
    get("lang http/1.0", "/doc", "Accept-Language: fr\r\n", proto="HTTP/1.0"),
    get("lang en-gb vs en", "/mix", "Accept-Language: en\r\n"),
    get("lang en-gb range", "/mix", "Accept-Language: en-gb\r\n"),
    get("lang en-gb q and type", "/mix", "Accept-Language: en-gb;q=0.5, en\r\nAccept: text/plain\r\n"),
    # LanguagePriority and ForceLanguagePriority
    get("prio no header", "/prio/doc"),
    get("prio de", "/prio/doc", "Accept-Language: de\r\n"),
    get("prio tie", "/prio/doc", "Accept-Language: en, de\r\n"),
    get("prio unknown 406", "/prio/doc", "Accept-Language: it\r\n"),
    get("fallback unknown", "/fallback/doc", "Accept-Language: it\r\n"),
    get("fallback no header", "/fallback/doc"),
    get("fallback tie", "/fallback/doc", "Accept-Language: en, fr\r\n"),
    get("both unknown", "/both/doc", "Accept-Language: it\r\n"),
    get("both tie", "/both/doc", "Accept-Language: en, fr\r\n"),
    get("none no header", "/none/doc"),
    get("none unknown", "/none/doc", "Accept-Language: it\r\n"),
    get("default language de", "/deflang/doc", "Accept-Language: de\r\n"),
    get("default language fr", "/deflang/doc", "Accept-Language: fr\r\n"),
    get("default language none", "/deflang/doc", "Accept-Language: it\r\n"),
    # types
    get("type no accept", "/page"),
    get("type html", "/page", "Accept: text/html\r\n"),
    get("type plain", "/page", "Accept: text/plain\r\n"),
    get("type text star", "/page", "Accept: text/*\r\n"),
    get("type q-values", "/page", "Accept: text/html;q=0.5, text/plain\r\n"),
    get("type pdf and low star", "/page", "Accept: application/pdf, */*;q=0.1\r\n"),
    get("type none 406", "/page", "Accept: image/png\r\n"),
    get("type browser star", "/page", "Accept: text/html, */*\r\n"),
    get("type star q", "/page", "Accept: */*;q=0.9, text/plain;q=0.8\r\n"),
    get("type html level 1", "/page", "Accept: text/html;level=1\r\n"),
    get("type upper case", "/page", "Accept: TEXT/PLAIN\r\n"),
    get("type old format", "/page", "Accept: image/png text/plain\r\n"),
    get("type zero excluded", "/page", "Accept: text/plain;q=0, */*\r\n"),
    get("type empty accept", "/page", "Accept: \r\n"),
    get("type q zero html", "/page", "Accept: text/html;q=0.000, text/plain;q=0.001\r\n"),
    get("type q without zero", "/page", "Accept: text/plain; q=.5, text/html; q=0.4\r\n"),
    get("type quoted param", "/page", "Accept: text/plain;q=\"0.3\", text/html;q=0.2\r\n"),
    get("level none", "/lev", "Accept: text/html\r\n"),
    get("level 3 asked", "/lev", "Accept: text/html;level=3\r\n"),
    get("level wildcard", "/lev"),
    # charsets
    get("charset none", "/cs"),
    get("charset latin2", "/cs", "Accept-Charset: iso-8859-2\r\n"),
    get("charset q", "/cs", "Accept-Charset: utf-8;q=0.5, iso-8859-2;q=0.4\r\n"),
    get("charset latin1 406", "/cs", "Accept-Charset: iso-8859-1\r\n"),
    get("charset star", "/cs", "Accept-Charset: *\r\n"),
    get("charset upper", "/cs", "Accept-Charset: UTF-8\r\n"),
    get("charset default utf8", "/cs2", "Accept-Charset: utf-8\r\n"),
    get("charset default latin1", "/cs2", "Accept-Charset: iso-8859-1\r\n"),
    get("charset default none", "/cs2"),
    # encodings
    get("encoding none", "/enc"),
    get("encoding gzip", "/enc", "Accept-Encoding: gzip\r\n"),
    get("encoding x-gzip", "/enc", "Accept-Encoding: x-gzip\r\n"),
    get("encoding gzip zero", "/enc", "Accept-Encoding: gzip;q=0, identity\r\n"),
    get("encoding identity zero", "/enc", "Accept-Encoding: identity;q=0, gzip\r\n"),
    get("encoding empty", "/enc", "Accept-Encoding: \r\n"),
    get("encoding only gz 406", "/enc2", "Accept-Encoding: deflate\r\n"),
    get("encoding only gz no header", "/enc2"),
    get("encoding star", "/enc", "Accept-Encoding: *\r\n"),
    get("encoding direct file x-gzip", "/enc.txt.gz", "Accept-Encoding: x-gzip\r\n"),
    get("encoding direct file gzip", "/enc.txt.gz", "Accept-Encoding: gzip, deflate\r\n"),
    get("encoding compress", "/zz", "Accept-Encoding: compress\r\n"),
    # tie-break on size
    get("size tie", "/tie"),
    # transparent negotiation
    get("tcn trans list", "/doc", "Negotiate: trans\r\n"),
    get("tcn vlist", "/doc", "Negotiate: vlist\r\nAccept-Language: fr\r\n"),
    get("tcn star", "/doc", "Negotiate: *\r\nAccept-Language: fr\r\n"),
    get("tcn rvsa indefinite", "/doc", "Negotiate: 1.0\r\nAccept-Language: fr\r\n"),
    get("tcn rvsa definite", "/doc", "Negotiate: 1.0\r\nAccept: text/html\r\nAccept-Language: fr\r\n"),
    get("tcn lynx", "/doc", "Negotiate: trans\r\nUser-Agent: Lynx/2.8\r\nAccept-Language: de\r\n"),
    get("tcn post", "/doc", "Negotiate: trans\r\nContent-Length: 0\r\n", method="POST"),
    get("tcn guess-small unknown", "/doc", "Negotiate: guess-small\r\nAccept-Language: it\r\n"),
    get("tcn empty", "/doc", "Negotiate: \r\n"),
    get("tcn other token", "/doc", "Negotiate: foo\r\nAccept-Language: fr\r\n"),
    # conditionals and ranges on the chosen variant
    get("cond ims", "/doc", "Accept-Language: fr\r\nIf-Modified-Since: Wed, 15 Nov 2023 00:00:00 GMT\r\n"),
    get("cond inm star", "/doc", "Accept-Language: fr\r\nIf-None-Match: *\r\n"),
    get("cond if-match", "/doc", "Accept-Language: fr\r\nIf-Match: \"nope\"\r\n"),
    get("range", "/doc", "Accept-Language: fr\r\nRange: bytes=0-7\r\n"),
    get("range suffix", "/doc", "Accept-Language: fr\r\nRange: bytes=-5\r\n"),
    # MultiviewsMatch, access, odd files
    get("match any", "/any/page", "Accept: text/plain\r\n"),
    get("match any html", "/any/page.html", "Accept: text/html\r\n"),
    get("match negotiated only", "/noext/page", "Accept: text/html\r\n"),
    get("match negotiated only bak", "/noext/page.html", ""),
    get("multiviews off", "/nomv/doc", "Accept-Language: fr\r\n"),
    get("variant denied", "/acl/secret", "Accept-Language: en\r\n"),
    get("variant unreadable", "/acl/hidden", "Accept-Language: fr\r\n"),
    get("directory variant skipped", "/dirvar/thing"),
    get("unknown extension 404", "/unknown/thing"),
    get("escaped name", "/a%20b", "Accept-Language: en\r\n"),
    get("path info", "/doc/extra", "Accept-Language: fr\r\n"),
]
