"""mod_negotiation's type maps (AddHandler and SetHandler type-map): the record format (URI,
Content-Type with qs and charset, Content-Language, Content-Encoding, Content-Length, Description,
inline Body, comments and continuation lines), relative and non-neighbouring URIs, errors in maps,
a map found by MultiViews, recursion (506), 300/406 lists with descriptions; and mod_dir's
"DirectoryIndex index" with MultiViews (index.html.en, index.html.fr)."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime", "dir", "negotiation"]

FOO_VAR = """# a comment line
URI: foo

URI: foo.en.html
Content-Type: text/html
Content-Language: en

URI: foo.fr.html
Content-Type: text/html;
  charset=iso-8859-2
Content-Language: fr
Description: "French (with a comment)
  version"

URI: foo.txt
Content-Type: text/plain; qs=0.5
"""

BODY_VAR = """URI: body.var
Content-Type: text/html
Content-Language: en
Body:----xyz----
<p>English inline body</p>
----xyz----

Content-Type: text/html
Content-Language: fr
Body:--END--
<p>Corps francais</p>
--END--
"""


def build(t):
    t.file("conf/mime.types", "text/html html\ntext/plain txt\n")
    t.file("htdocs/map/foo.var", FOO_VAR)
    t.file("htdocs/map/foo.en.html", "<p>English</p>\n")
    t.file("htdocs/map/foo.fr.html", "<p>Francais</p>\n")
    t.file("htdocs/map/foo.txt", "plain text\n")
    t.file("htdocs/map/body.var", BODY_VAR)
    t.file("htdocs/map/bad.var", "URI foo.en.html\nContent-Type: text/html\n")
    t.file("htdocs/map/nobody.var", "URI: foo.en.html\nContent-Type:\n")
    t.file("htdocs/map/badlen.var", "URI: foo.en.html\nContent-Type: text/html\n"
                                    "Content-Language: en\n\nURI: foo.fr.html\n"
                                    "Content-Type: text/html\nContent-Length: abc\n")
    t.file("htdocs/map/len.var", "URI: foo.en.html\nContent-Type: text/html\nContent-Length: 90\n\n"
                                 "URI: foo.fr.html\nContent-Type: text/html\nContent-Length: 80\n")
    t.file("htdocs/map/rel.var", "URI: sub/x.html\nContent-Type: text/html\n")
    t.file("htdocs/map/sub/x.html", "<p>in a sub directory</p>\n")
    t.file("htdocs/map/missing.var", "URI: nothere.html\nContent-Type: text/html\n")
    t.file("htdocs/map/rec.var", "URI: foo.var\nContent-Type: text/html\n")
    t.file("htdocs/map/enc.var", "URI: foo.txt\nContent-Type: text/plain\n\n"
                                 "URI: foo.txt.gz\nContent-Type: text/plain\nContent-Encoding: x-gzip\n")
    t.file("htdocs/map/foo.txt.gz", "GZ\n")
    t.file("htdocs/map/empty.var", "URI: foo.en.html\n\n# nothing typed\n")
    t.file("htdocs/map/crlf.var", "URI: foo.en.html\r\nContent-Type: text/html\r\n"
                                  "Content-Language: en\r\n\r\nURI: foo.fr.html\r\n"
                                  "Content-Type: text/html\r\nContent-Language: fr\r\n")
    t.file("htdocs/map/multi.var", "URI: foo.en.html\nContent-Type: text/html\n"
                                   "Content-Language: en, fr\n\nURI: foo.txt\nContent-Type: text/plain\n"
                                   "Content-Language: de\n")
    t.file("htdocs/sh/thing", "URI: ../map/foo.en.html\nContent-Type: text/html\n")
    t.file("htdocs/mv/page.var", "URI: page.en.html\nContent-Type: text/html\nContent-Language: en\n\n"
                                 "URI: page.fr.html\nContent-Type: text/html\nContent-Language: fr\n")
    t.file("htdocs/mv/page.en.html", "<p>page en</p>\n")
    t.file("htdocs/mv/page.fr.html", "<p>page fr</p>\n")
    for d in ("idx", "idx2", "idxprio", "cache"):
        t.file("htdocs/%s/index.html.en" % d, "<p>Welcome</p>\n")
        t.file("htdocs/%s/index.html.fr" % d, "<p>Bienvenue</p>\n")
    t.file("htdocs/idxmap/index.var", "URI: index.en.html\nContent-Type: text/html\n"
                                      "Content-Language: en\n\nURI: index.fr.html\n"
                                      "Content-Type: text/html\nContent-Language: fr\n")
    t.file("htdocs/idxmap/index.en.html", "<p>map index en</p>\n")
    t.file("htdocs/idxmap/index.fr.html", "<p>map index fr</p>\n")


def get(name, target, extra="", method="GET", proto="HTTP/1.1"):
    return Case.of(name, ("%s %s %s\r\nHost: www.example.com\r\n%sConnection: close\r\n\r\n"
                          % (method, target, proto, extra)).encode())


CASES = [
    get("map none", "/map/foo.var"),
    get("map fr", "/map/foo.var", "Accept-Language: fr\r\n"),
    get("map plain", "/map/foo.var", "Accept: text/plain\r\n"),
    get("map qs", "/map/foo.var", "Accept: text/plain, text/html;q=0.4\r\n"),
    get("map qs beats q", "/map/foo.var", "Accept: text/plain, text/html;q=0.6\r\n"),
    get("map 406 with description", "/map/foo.var", "Accept-Language: de\r\nAccept: text/html\r\n"),
    get("map 300", "/map/foo.var", "Negotiate: trans\r\n"),
    get("map charset", "/map/foo.var", "Accept-Charset: iso-8859-2\r\nAccept: text/html\r\n"),
    get("map charset latin1", "/map/foo.var", "Accept-Charset: iso-8859-1\r\nAccept: text/html\r\n"),
    get("map head", "/map/foo.var", "Accept-Language: fr\r\n", method="HEAD"),
    get("map post", "/map/foo.var", "Accept-Language: fr\r\nContent-Length: 0\r\n", method="POST"),
    get("map query", "/map/foo.var?a=b", "Accept-Language: fr\r\n"),
    get("map path info", "/map/foo.var/extra", "Accept-Language: fr\r\n"),
    get("map http/1.0", "/map/foo.var", "Accept-Language: en\r\n", proto="HTTP/1.0"),
    get("map found by multiviews", "/mv/page", "Accept-Language: fr\r\n"),
    get("map found by multiviews 406", "/mv/page", "Accept-Language: de\r\n"),
    get("map foo by multiviews", "/map/foo", "Accept-Language: en\r\n"),
    get("body en", "/map/body.var", "Accept-Language: en\r\n"),
    get("body fr", "/map/body.var", "Accept-Language: fr\r\n"),
    get("body post", "/map/body.var", "Accept-Language: fr\r\nContent-Length: 0\r\n", method="POST"),
    get("body put 405", "/map/body.var", "Accept-Language: fr\r\nContent-Length: 0\r\n", method="PUT"),
    get("body http/1.0", "/map/body.var", "Accept-Language: fr\r\n", proto="HTTP/1.0"),
    get("body http/1.0 keep-alive", "/map/body.var", "Accept-Language: fr\r\n", proto="HTTP/1.0"),
    get("body range", "/map/body.var", "Accept-Language: fr\r\nRange: bytes=0-3\r\n"),
    get("body if-none-match star", "/map/body.var", "Accept-Language: fr\r\nIf-None-Match: *\r\n"),
    get("body head", "/map/body.var", "Accept-Language: en\r\n", method="HEAD"),
    get("bad map no colon", "/map/bad.var"),
    get("bad map no body", "/map/nobody.var"),
    get("bad content-length", "/map/badlen.var", "Accept-Language: fr\r\n"),
    get("length tie-break", "/map/len.var"),
    get("non-neighbour uri", "/map/rel.var"),
    get("missing variant", "/map/missing.var"),
    get("recursive map 506", "/map/rec.var"),
    get("map encodings none", "/map/enc.var"),
    get("map encodings gzip", "/map/enc.var", "Accept-Encoding: gzip\r\n"),
    get("map nothing typed 406", "/map/empty.var"),
    get("map crlf", "/map/crlf.var", "Accept-Language: fr\r\n"),
    get("map two languages", "/map/multi.var", "Accept-Language: fr\r\n"),
    get("map two languages de", "/map/multi.var", "Accept-Language: de;q=0.9, en;q=0.5\r\n"),
    get("sethandler map", "/sh/thing"),
    # DirectoryIndex index with MultiViews
    get("index none", "/idx/"),
    get("index fr", "/idx/", "Accept-Language: fr\r\n"),
    get("index 406", "/idx/", "Accept-Language: it\r\n"),
    get("index 300", "/idx/", "Negotiate: trans\r\n"),
    get("index http/1.0", "/idx/", "Accept-Language: fr\r\n", proto="HTTP/1.0"),
    get("index query", "/idx/?q=1", "Accept-Language: fr\r\n"),
    get("index explicit html", "/idx2/", "Accept-Language: fr\r\n"),
    get("index priority", "/idxprio/"),
    get("index priority en", "/idxprio/", "Accept-Language: en\r\n"),
    get("index map", "/idxmap/", "Accept-Language: fr\r\n"),
    get("index range", "/idx/", "Accept-Language: fr\r\nRange: bytes=3-8\r\n"),
    get("index ims", "/idx/", "If-Modified-Since: Wed, 15 Nov 2023 00:00:00 GMT\r\n"),
    get("index direct file", "/idx/index.html.fr"),
    get("index by name", "/idx/index", "Accept-Language: fr\r\n"),
]
