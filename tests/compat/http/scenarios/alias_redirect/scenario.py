"""mod_alias: Alias (prefix rules of alias_matches, relative targets under ServerRoot), AliasMatch
with $n, the one-argument Alias of a <Location>, the <Directory> sections of the aliased paths,
the Redirect family in the server (translate_name), in <Location> (the section form) and in
<Directory> (fixups): status codes, Location built as httpd does (the path made a full URL, the
rest of the URL escaped, the query appended unless the target has one), and ScriptAlias without
CGI: never the script's bytes."""

from harness.scenario import Case

MODULES = ["mpm_prefork", "authz_core", "mime", "dir", "alias"]

HEADERS = ["location", "content-type"]

DIFFERENCES = {
    "scriptalias file": "Feather has no CGI: a ScriptAlias'd file is refused (500) where httpd "
                        "without mod_cgi sends the script's source",
}


def build(t):
    t.file("conf/mime.types", "text/html html\ntext/plain txt\ntext/x-sh sh\n")
    t.file("htdocs/index.html", "root\n")
    t.file("htdocs/doc", "the htdocs file named doc\n")
    t.file("aliased/icons/a.png.txt", "icon\n")
    t.file("aliased/doc/readme.txt", "readme\n")
    t.file("aliased/doc/private/secret.txt", "secret\n")
    t.file("aliased/doc/typed/t.txt", "typed\n")
    t.file("aliased/doc/sub/index.html", "doc sub index\n")
    t.file("aliased/xy/z.txt", "xy z\n")
    t.file("aliased/rel/r.txt", "relative\n")
    t.file("aliased/html/page.txt", "matched page\n")
    t.file("aliased/both/b.txt", "both\n")
    t.file("aliased/one.txt", "one\n")
    t.file("aliased/keep/sub/k.txt", "kept\n")
    t.file("cgi/test.sh", "#!/bin/sh\necho secret source\n", mode=0o755)
    t.file("htdocs/dirredir/old/f.txt", "not redirected?\n")


def get(name, target):
    return Case.of(name, ("GET %s HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n"
                          % target).encode())


CASES = [
    get("alias slash prefix", "/icons/a.png.txt"),
    get("alias slash prefix needs slash", "/icons"),
    get("alias file", "/doc/readme.txt"),
    get("alias dir redirect", "/doc/sub"),
    get("alias dir index", "/doc/sub/"),
    get("alias segment boundary", "/docs"),
    get("alias exact", "/doc"),
    get("alias doubled slashes", "/x/y/z.txt"),
    get("alias relative target", "/rel/r.txt"),
    get("alias directory section applies", "/doc/private/secret.txt"),
    get("alias directory forcetype", "/doc/typed/t.txt"),
    get("aliasmatch", "/m/page.html"),
    get("aliasmatch no match", "/m/page.htm"),
    get("redirect before alias", "/both/b.txt"),
    get("redirect prefix", "/old/a%20b?x=1"),
    get("redirect exact", "/old"),
    get("redirect boundary", "/oldx"),
    get("redirect path made url", "/perm/x?"),
    get("redirectmatch", "/pics/a.gif?q"),
    get("redirectmatch escapes", "/esc/x%20y?z"),
    get("redirect own query", "/own?mine=2"),
    get("redirect own query rest", "/own/x?mine=2"),
    get("redirect gone", "/gone/x"),
    get("redirecttemp userinfo", "/tmp/x"),
    get("redirectmatch not a url", "/bad/x"),
    get("directory redirect in fixups", "/dirredir/old/f.txt"),
    get("location redirect", "/loc-moved/x?q"),
    get("location redirect relative", "/loc-rel"),
    get("location redirect made absolute", "/loc-abs"),
    get("location gone", "/loc-gone/x"),
    get("location alias", "/loc-alias/anything"),
    get("location alias preserve path", "/loc-keep/sub/k.txt"),
    get("scriptalias file", "/cgi-bin/test.sh"),
    get("scriptalias missing", "/cgi-bin/none.sh"),
    get("scriptalias dir", "/cgi-bin/"),
]
