"""``newsbot portal new URL`` (:mod:`newsbot.newportal`): a portal file written from the Harbour
Post fixture site's home page over loopback HTTP passes the portal file checks, and a crawl
with it finds every article of the site in both modes. The pattern and time zone inference
on their own."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from sitekit import LoopbackSite, crawl_many, expected_records, load_site, site_pages

from newsbot.newportal import infer_patterns, infer_timezone
from newsbot.portals.reader import load_portals

SITE = load_site("harbour_post")
COMPARED = ("url", "title", "date_published", "body", "language")


def _new(tmp_path, url, *extra):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    return subprocess.run([sys.executable, "-m", "newsbot.cli", "portal", "new", url,
                           "-s", "NEWSBOT_ALLOW_LOOPBACK=true", *extra],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("mode", ["latest", "backfill"])
def test_written_file_crawls_the_site_completely(tmp_path, mode):
    with LoopbackSite(lambda base: site_pages(SITE, base)) as server:
        made = _new(tmp_path, server.base + "/", "--name", "harbour_post", "-o", "harbour.toml")
        assert made.returncode == 0, made.stderr
        text = (tmp_path / "harbour.toml").read_text("utf-8")
        portal = load_portals(tmp_path / "harbour.toml")["harbour_post"]  # passes the portal file checks
        assert portal.feeds == ("{base}/rss.xml",)
        assert portal.news_sitemaps == ("{base}/news-sitemap.xml",)
        assert portal.sitemaps == ("{base}/sitemap_index.xml",)
        assert portal.allow == (r"^/stories/\d{4}/\d{2}/[^/]+$",) and portal.trailing_slash is False
        assert portal.timezone == "Europe/Brussels"  # +01:00 in March
        assert [(e.lang, e.base) for e in portal.editions] == [("en", server.base)]
        assert "[selectors]" not in text
        proc, records, stats = crawl_many(tmp_path, [("harbour_post", {"mode": mode, "since": SITE["since"],
                                                                       "until": SITE["until"]})],
                                          {"NEWSBOT_PORTALS_FILE": str(tmp_path / "harbour.toml"),
                                           "NEWSBOT_ALLOW_LOOPBACK": True, "SPIDERMON_ENABLED": False,
                                           "NEWSBOT_STANDARD_DISCOVERY": False})  # the file alone
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = {u: {k: v for k, v in e.items() if k in COMPARED}
                for u, e in expected_records(SITE, mode, SITE["origin"], server.base).items()}
    assert {r["url"]: {k: r[k] for k in COMPARED} for r in records["harbour_post"]} == expected
    assert len(expected) == 4
    print(f"{mode}, portal file from `newsbot portal new`: {len(records['harbour_post'])} of {len(expected)} articles")


def test_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / "mine.toml").write_text("keep", "utf-8")
    with LoopbackSite(lambda base: site_pages(SITE, base)) as server:
        made = _new(tmp_path, server.base + "/", "-o", "mine.toml")
    assert made.returncode == 2 and "mine.toml exists" in made.stderr
    assert (tmp_path / "mine.toml").read_text("utf-8") == "keep"


def test_unreadable_home_page_fails_with_one_line(tmp_path):
    with LoopbackSite(lambda base: []) as server:
        made = _new(tmp_path, server.base + "/")
    assert made.returncode == 1
    assert made.stderr.strip().splitlines()[-1] == f"newsbot portal new: {server.base}/: the home page answered HTTP 404"
    assert not list(tmp_path.glob("*.toml"))


@pytest.mark.parametrize("urls, patterns, slash", [
    (["https://x.org/stories/2025/03/a-b", "https://x.org/stories/2025/02/c-d"],
     [r"^/stories/\d{4}/\d{2}/[^/]+$"], False),
    (["https://x.org/news/a-b/", "https://x.org/news/c-d/", "https://x.org/news/2025/e-f/"],
     [r"^/news/[^/]+/?$", r"^/news/\d{4}/[^/]+/?$"], True),
    (["https://x.org/world/187654/", "https://x.org/world/ar4819c8/"], [r"^/world/[^/]+/?$"], True),
    ([], [], None),
])
def test_article_patterns_from_sample_urls(urls, patterns, slash):
    assert infer_patterns(urls) == (patterns, slash)


@pytest.mark.parametrize("values, zone", [
    (["2025-03-08T21:00:00+01:00", "2025-07-08T21:00:00+02:00"], "Europe/Brussels"),
    (["2025-03-08T21:00:00+02:00", "2025-07-08T21:00:00+03:00"], "Europe/Helsinki"),
    (["Sat, 08 Mar 2025 20:00:00 GMT", "2025-03-08T20:00:00Z"], "UTC"),
    (["2025-03-08"], "UTC"),
])
def test_time_zone_from_date_offsets(values, zone):
    assert infer_timezone(values) == zone


def test_editions_from_hreflang_and_a_rest_root(tmp_path):
    from loopback import Site

    from newsbot.newportal import propose

    home = (b'<html lang="en"><head><link rel="alternate" hreflang="en" href="/">'
            b'<link rel="alternate" hreflang="de-DE" href="/de/">'
            b'<link rel="alternate" hreflang="x-default" href="/">'
            b'<link rel="https://api.w.org/" href="/wp-json/"></head><body></body></html>')
    with Site({"/": (200, {"Content-Type": "text/html"}, home)}, max_seconds=30) as site:
        name, text = propose(site.base + "/", "newsbot-test", "twin", allow_loopback=True)
    portal = load_portals_text(tmp_path, text)["twin"]
    assert [(e.lang, e.base) for e in portal.editions] == [("en", site.base), ("de", site.base + "/de")]
    assert portal.family == "wordpress" and portal.wp_types == ("posts",)
    assert portal.allow == () and portal.timezone == "UTC"  # nothing listed: the content decides


def load_portals_text(tmp_path, text):
    (tmp_path / "p.toml").write_text(text, "utf-8")
    return load_portals(tmp_path / "p.toml")


def test_addresses_the_crawl_refuses_are_refused_before_any_request(tmp_path):
    """Loopback needs NEWSBOT_ALLOW_LOOPBACK, as in a crawl; a redirect to a private address is
    refused before it is followed."""
    from loopback import Site

    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    home = (302, {"Location": "http://10.20.30.40/"}, b"")
    with Site({"/": home}, max_seconds=30) as site:
        plain = subprocess.run([sys.executable, "-m", "newsbot.cli", "portal", "new", site.base + "/"],
                               cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
        assert plain.returncode == 1 and site.served == []
        assert plain.stderr.strip().splitlines()[-1] == (
            f"newsbot portal new: {site.base}/: 127.0.0.1 resolves to 127.0.0.1, a loopback address: "
            "refused; give -s NEWSBOT_ALLOW_LOOPBACK=true to read this machine")
        moved = _new(tmp_path, site.base + "/")
        assert moved.returncode == 1 and site.served == ["/"]
        assert moved.stderr.strip().splitlines()[-1] == (
            "newsbot portal new: http://10.20.30.40/: 10.20.30.40 resolves to 10.20.30.40, a private address: refused")
    assert not list(tmp_path.glob("*.toml"))


@pytest.mark.parametrize("extra, message", [
    (("--name", "Bad-Name"), "--name: name must be 1 to 64 lowercase letters, digits and _ (got 'Bad-Name')"),
    (("--name", "article"), "--name: portal article: the name is that of a built-in spider that is not a portal"),
    (("-o", "mine.toml"), "mine.toml exists; give another --output"),
    (("-o", "nowhere/x.toml"), "nowhere/x.toml: nowhere is not a folder"),
    (("-s", "NEWSBOT_RESOLVE=a.example=10.0.0.1"), "NEWSBOT_RESOLVE: a.example -> 10.0.0.1 is not a loopback address"),
    (("-s", "NEWSBOT_ALLOW_LOOPBACK=maybe"), "NEWSBOT_ALLOW_LOOPBACK='maybe' is not true or false"),
    (("-s", "DOWNLOAD_TIMEOUT=soon"), "DOWNLOAD_TIMEOUT='soon' is not a number of seconds"),
])
def test_bad_arguments_are_refused_before_any_request(tmp_path, extra, message):
    from loopback import Site

    (tmp_path / "mine.toml").write_text("keep", "utf-8")
    with Site({"/": (200, {"Content-Type": "text/html"}, b"<html></html>")}, max_seconds=30) as site:
        made = _new(tmp_path, site.base + "/", *extra)
        assert site.served == []
    assert made.returncode == 2 and made.stderr.strip().splitlines()[-1].startswith(f"newsbot portal new: {message}")
    assert (tmp_path / "mine.toml").read_text("utf-8") == "keep"


@pytest.mark.parametrize("url, message", [
    ("http://user:secret@127.0.0.1:9/", "the URL holds a user name or password"),
    ("http://127.0.0.1:99999/", "Port out of range"),
])
def test_bad_urls_are_refused_in_one_line_that_keeps_no_password(tmp_path, url, message):
    made = _new(tmp_path, url)
    assert made.returncode == 2 and message in made.stderr and "secret" not in made.stderr
    assert len(made.stderr.strip().splitlines()) == 1


def test_only_what_answers_as_announced_goes_into_the_file(tmp_path):
    """A feed that is HTML, a sitemap index listing only itself and an hreflang edition on
    another site are left out of the file; each document is read once."""
    from loopback import Site

    home = (b'<html lang="en"><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            b'<link rel="alternate" hreflang="de" href="http://elsewhere.example.org/de/"></head><body></body></html>')
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b'<sitemap><loc>{base}/sitemap_index.xml</loc></sitemap></sitemapindex>')
    with Site({"/": (200, {"Content-Type": "text/html"}, home),
               "/rss.xml": (200, {"Content-Type": "text/html"}, b"<html><body>not a feed</body></html>"),
               "/robots.txt": (200, {"Content-Type": "text/plain"}, b"Sitemap: /sitemap_index.xml\n"),
               "/sitemap_index.xml": (200, {"Content-Type": "application/xml"},
                                      lambda site: index.replace(b"{base}", site.base.encode()))},
              max_seconds=30) as site:
        made = _new(tmp_path, site.base + "/", "--name", "loopy", "-o", "loopy.toml")
        assert made.returncode == 0, made.stderr
        assert site.hits.get("/sitemap_index.xml") == 1 and site.hits.get("/rss.xml") == 1
    portal = load_portals(tmp_path / "loopy.toml")["loopy"]
    assert portal.feeds == () and portal.sitemaps == () and portal.news_sitemaps == ()
    assert [e.lang for e in portal.editions] == ["en"]


def test_newsbot_resolve_sends_a_mapped_host_to_its_address(tmp_path):
    """``NEWSBOT_RESOLVE`` holds for ``portal new`` as for a crawl: the site is read at its real
    name on a loopback port, the ``Host`` header naming it, and a mapped name needs no
    NEWSBOT_ALLOW_LOOPBACK."""
    from urllib.parse import urlsplit

    from loopback import Site

    real = "http://harbour.example.org"
    routes = {}
    for url, body, ctype, status, headers in site_pages(SITE, real):
        parts = urlsplit(url)
        routes[parts.path + ("?" + parts.query if parts.query else "")] = (status, {"Content-Type": ctype, **headers}, body)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    with Site(routes, max_seconds=60) as site:
        made = subprocess.run([sys.executable, "-m", "newsbot.cli", "portal", "new", real + "/", "--name", "harbour_post",
                               "-s", f"NEWSBOT_RESOLVE=harbour.example.org=127.0.0.1:{site.port}"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    portal = load_portals(tmp_path / "harbour_post.toml")["harbour_post"]
    assert [(e.lang, e.base) for e in portal.editions] == [("en", real)]
    assert portal.feeds == ("{base}/rss.xml",) and portal.allow == (r"^/stories/\d{4}/\d{2}/[^/]+$",)
    assert site.served[:2] == ["/", "/robots.txt"] and "/rss.xml" in site.served
    assert {host for host, _ in site.requested} == {"harbour.example.org"}


def _home(body: bytes = b'<html lang="en"><head></head><body>home</body></html>', extra: bytes = b""):
    """A raw answer writing an HTML page, with ``extra`` header lines."""
    def answer(conn, site):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n" + extra
                     + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    return answer


@pytest.mark.parametrize("answer, fault", [
    (lambda conn, site: conn.sendall(b"GARBAGE\r\n\r\n"), "not an HTTP answer (BadStatusLine"),
    (_home(extra=b"X-Long: " + b"a" * 70_000 + b"\r\n"), "not an HTTP answer (LineTooLong"),
])
def test_a_malformed_answer_fails_in_one_line(tmp_path, answer, fault):
    from loopback import RawSite

    with RawSite({"/": answer}) as site:
        made = _new(tmp_path, site.base + "/")
    assert made.returncode == 1, made.stderr
    assert "Traceback" not in made.stderr
    last = made.stderr.strip().splitlines()[-1]
    assert last.startswith(f"newsbot portal new: {site.base}/: {fault}"), made.stderr
    assert not list(tmp_path.glob("*.toml"))


def _drip(conn, site):
    """Headers, then one byte of the page a second: each read is quick, the page never ends."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")
    for _ in range(60):
        conn.sendall(b"x")
        time.sleep(1)


def _short(conn, site):
    """A page cut short of its Content-Length, then the connection closed."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n"
                 b'<html lang="en"><body>the start of a page')


@pytest.mark.parametrize("answer, extra, fault", [
    (_drip, ("-s", "DOWNLOAD_TIMEOUT=3"), "no complete answer within 3 seconds (DOWNLOAD_TIMEOUT)"),
    (_short, (), "the body was cut short: 41 bytes of 5000 (Content-Length)"),
    (_home(b"<html><body>" + b"words " * 2000 + b"</body></html>"), ("-s", "DOWNLOAD_MAXSIZE=4096"),
     "larger than 4096 bytes (DOWNLOAD_MAXSIZE)"),
])
def test_a_home_page_not_read_whole_fails_in_one_line(tmp_path, answer, extra, fault):
    """A whole-document deadline (not one per read), a body cut short, a body over the size cap:
    the page is not used in part."""
    from loopback import RawSite

    with RawSite({"/": answer}) as site:
        started = time.monotonic()
        made = _new(tmp_path, site.base + "/", *extra)
        took = time.monotonic() - started
    assert made.returncode == 1, made.stderr
    assert made.stderr.strip().splitlines()[-1] == f"newsbot portal new: {site.base}/: {fault}", made.stderr
    assert took < 20
    assert not list(tmp_path.glob("*.toml"))


def test_an_announced_document_that_cannot_be_read_is_left_out(tmp_path):
    """A feed on a host that resolves only to a private address, a feed that never answers and a
    robots.txt sitemap on a name that does not resolve are each left out, logged once with the
    document and the reason; the file is written from what was read."""
    from loopback import Site

    home = (b'<html lang="en"><head>'
            b'<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            b'<link rel="alternate" type="application/rss+xml" href="http://10.20.30.40/rss.xml">'
            b'<link rel="alternate" type="application/rss+xml" href="/slow.xml"></head><body></body></html>')
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>'
           b'<item><title>One</title><link>{base}/news/2025/first-story</link>'
           b'<pubDate>Sat, 08 Mar 2025 20:00:00 +0100</pubDate></item>'
           b'<item><title>Two</title><link>{base}/news/2025/second-story</link>'
           b'<pubDate>Sun, 09 Mar 2025 08:00:00 +0100</pubDate></item></channel></rss>')

    def slow(site):
        time.sleep(8)
        return rss.replace(b"{base}", site.base.encode())

    with Site({"/": (200, {"Content-Type": "text/html"}, home),
               "/rss.xml": (200, {"Content-Type": "application/rss+xml"},
                            lambda site: rss.replace(b"{base}", site.base.encode())),
               "/slow.xml": (200, {"Content-Type": "application/rss+xml"}, slow),
               "/robots.txt": (200, {"Content-Type": "text/plain"},
                               b"Sitemap: http://nowhere.invalid/sitemap.xml\n")},
              max_seconds=60) as site:
        made = _new(tmp_path, site.base + "/", "--name", "quay", "-o", "quay.toml", "-s", "DOWNLOAD_TIMEOUT=2")
    assert made.returncode == 0, made.stderr
    portal = load_portals(tmp_path / "quay.toml")["quay"]
    assert portal.feeds == ("{base}/rss.xml",) and portal.sitemaps == () and portal.news_sitemaps == ()
    assert portal.allow == (r"^/news/\d{4}/[^/]+$",)
    left_out = [line for line in made.stderr.splitlines() if "left out" in line]
    assert left_out[:2] == [
        "feed http://10.20.30.40/rss.xml: left out: 10.20.30.40 resolves to 10.20.30.40, a private address: refused",
        f"feed {site.base}/slow.xml: left out: no complete answer within 2 seconds (DOWNLOAD_TIMEOUT)",
    ], made.stderr
    assert len(left_out) == 3 and left_out[2].startswith("sitemap http://nowhere.invalid/sitemap.xml: left out: ")


def test_a_site_at_an_ipv6_address_gets_a_file_that_crawls_it(tmp_path):
    """The host of ``http://[::1]:port/`` is the domain ``::1`` (the edition keeps the
    brackets), and a crawl with that file reaches the site and finds its every article."""
    from urllib.parse import urlsplit

    from loopback import Site

    site = Site({}, address=("::1", 0), max_seconds=120)
    for url, body, ctype, status, headers in site_pages(SITE, site.base):
        parts = urlsplit(url)
        site.routes[parts.path + ("?" + parts.query if parts.query else "")] = (status, {"Content-Type": ctype, **headers},
                                                                                body)
    with site:
        made = _new(tmp_path, site.base + "/", "--name", "harbour_post", "-o", "six.toml")
        assert made.returncode == 0, made.stderr
        portal = load_portals(tmp_path / "six.toml")["harbour_post"]
        assert portal.domains == ("::1",) and [(e.lang, e.base) for e in portal.editions] == [("en", site.base)]
        assert portal.feeds == ("{base}/rss.xml",) and portal.allow == (r"^/stories/\d{4}/\d{2}/[^/]+$",)
        proc, records, _ = crawl_many(tmp_path, [("harbour_post", {"mode": "latest", "since": SITE["since"],
                                                                   "until": SITE["until"]})],
                                      {"NEWSBOT_PORTALS_FILE": str(tmp_path / "six.toml"), "NEWSBOT_ALLOW_LOOPBACK": True,
                                       "SPIDERMON_ENABLED": False, "NEWSBOT_STANDARD_DISCOVERY": False})
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = expected_records(SITE, "latest", SITE["origin"], site.base)
    assert sorted(r["url"] for r in records["harbour_post"]) == sorted(expected) and len(expected) == 4


def test_an_upper_case_host_with_a_trailing_dot_is_written_as_its_lowercase_name(tmp_path):
    from loopback import Site

    home = b'<html lang="en"><head></head><body>the quay</body></html>'
    with Site({"/": (200, {"Content-Type": "text/html"}, home)}, max_seconds=60) as site:
        made = _new(tmp_path, "http://WWW.Quay.Example./", "-s", f"NEWSBOT_RESOLVE=www.quay.example=127.0.0.1:{site.port}")
        assert site.requested[0] == ("www.quay.example", "/")
    assert made.returncode == 0, made.stderr
    portal = load_portals(tmp_path / "quay.toml")["quay"]
    assert portal.domains == ("quay.example",)
    assert [(e.lang, e.base) for e in portal.editions] == [("en", "http://www.quay.example")]


def _ok(body: bytes, ctype: bytes = b"application/xml"):
    """A raw 200 answer of ``body`` (bytes, or a function of the site giving them)."""
    def answer(conn, site):
        data = body(site) if callable(body) else body
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nConnection: close\r\n"
                     b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)
    return answer


def _urlset(*paths: str):
    def body(site):
        urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    return body


def test_only_sitemaps_read_and_holding_entries_go_into_the_file(tmp_path):
    """Of 12 robots.txt sitemaps only MAX_SITEMAPS are read: the rest are left out in one log
    line (never requested), and of those read only the ones that answer as a sitemap with
    entries (a redirect to one included) go into the file; a feed that is a urlset is left out."""
    from loopback import RawSite

    from newsbot.newportal import MAX_SITEMAPS

    home = (b'<html lang="en"><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
            b'</head><body>quay</body></html>')
    read = ["/plain.xml", "/empty.xml", "/page.xml", "/short.xml", "/garbage.xml", "/moved.xml"]
    unread = ["/drip.xml", "/big.xml", "/html.xml", "/redirect.xml", "/short2.xml", "/more.xml"]
    assert len(read) == MAX_SITEMAPS
    robots = "".join(f"Sitemap: {p}\n" for p in read + unread).encode()

    def moved(conn, site):
        conn.sendall(b"HTTP/1.1 301 Moved\r\nLocation: " + site.url("/plain.xml").encode()
                     + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    answers = {"/": _ok(home, b"text/html"), "/robots.txt": _ok(robots, b"text/plain"),
               "/feed.xml": _ok(_urlset("/news/2025/a-story")),
               "/plain.xml": _ok(_urlset("/news/2025/a-story", "/news/2025/b-story")),
               "/empty.xml": _ok(_urlset()),
               "/page.xml": _ok(b"<html><body>not a sitemap</body></html>", b"text/html"),
               "/short.xml": _short,
               "/garbage.xml": lambda conn, site: conn.sendall(b"GARBAGE\r\n\r\n"),
               "/moved.xml": moved, "/drip.xml": _drip}
    with RawSite(answers) as site:
        made = _new(tmp_path, site.base + "/", "--name", "quay", "-o", "quay.toml")
        served = list(site.served)
    assert made.returncode == 0, made.stderr
    portal = load_portals(tmp_path / "quay.toml")["quay"]
    assert portal.sitemaps == ("{base}/plain.xml", "{base}/moved.xml") and portal.news_sitemaps == ()
    assert portal.feeds == ()
    assert not set(unread) & set(served)
    log = made.stderr.splitlines()
    assert f"feed {site.base}/feed.xml: left out: a urlset, not a feed, 1 entries" in log, made.stderr
    assert f"sitemap {site.base}/empty.xml: left out: no entries" in log, made.stderr
    assert f"sitemap {site.base}/page.xml: left out: not a sitemap" in log, made.stderr
    assert sum(line.startswith(f"sitemap {site.base}/short.xml: left out: the body was cut short") for line in log) == 1
    assert sum(line.startswith(f"sitemap {site.base}/garbage.xml: left out: not an HTTP answer") for line in log) == 1
    skipped = [line for line in log if "not read" in line]
    assert skipped == [f"6 sitemaps of robots.txt left out: not read (at most {MAX_SITEMAPS} sitemap documents are read, "
                       f"6 were): " + " ".join(site.base + p for p in unread)], made.stderr


@pytest.mark.parametrize("target, domain", [("www.quay.example", "quay.example"), ("0x7f000001", "127.0.0.1")])
def test_a_home_page_that_redirects_to_another_host_is_written_for_the_host_that_answered(tmp_path, target, domain):
    """``domains`` and the edition's ``base`` both come from the URL after the redirect, the host
    named as a crawl names it (an IPv4 address in a shorthand form as its dotted quad)."""
    from loopback import Site

    home = b'<html lang="en"><head></head><body>the quay</body></html>'
    with Site({"/": (200, {"Content-Type": "text/html"}, home)}, max_seconds=60) as site:
        netloc = target if "." in target else f"{target}:{site.port}"  # a name: mapped to the site's port
        moved = f"http://{netloc}/"
        site.routes[f"/redir?to={moved}"] = (302, {"Location": moved}, b"")
        made = _new(tmp_path, f"{site.base}/redir?to={moved}", "--name", "quay", "-o", "quay.toml",
                    "-s", f"NEWSBOT_RESOLVE=www.quay.example=127.0.0.1:{site.port}")
        assert site.served == [f"/redir?to={moved}", "/", "/robots.txt"]
    assert made.returncode == 0, made.stderr
    portal = load_portals(tmp_path / "quay.toml")["quay"]
    assert portal.domains == (domain,)
    base = f"http://{netloc}".replace(target, "www.quay.example" if "." in target else domain)
    assert [(e.lang, e.base) for e in portal.editions] == [("en", base)]


def _sectionless(base):
    """The Harbour Post's pages with every section mark taken out (``article:section``,
    ``articleSection``): a site that names no section."""
    import re

    for url, body, ctype, status, headers in site_pages(SITE, base):
        if isinstance(body, bytes):
            body = re.sub(rb'<meta property="article:section"[^>]*>|"articleSection": "[^"]*", ', b"", body)
        yield url, body, ctype, status, headers


def test_a_crawl_with_the_written_file_passes_its_monitors_on_a_site_without_sections(tmp_path):
    """The file holds ``[monitor.coverage] section = 0``: the first crawl of a site that names no
    section passes the monitors; without that table the same crawl fails on the section floor."""
    with LoopbackSite(lambda base: list(_sectionless(base))) as server:
        made = _new(tmp_path, server.base + "/", "--name", "harbour_post", "-o", "harbour.toml")
        assert made.returncode == 0, made.stderr
        text = (tmp_path / "harbour.toml").read_text("utf-8")
        assert load_portals(tmp_path / "harbour.toml")["harbour_post"].coverage_floors == (("section", 0.0),)
        (tmp_path / "strict").mkdir()
        (tmp_path / "strict" / "harbour.toml").write_text(text.replace("[monitor.coverage]\nsection = 0\n", ""), "utf-8")
        runs = {}
        for where, path in (("written", tmp_path / "harbour.toml"), ("strict", tmp_path / "strict" / "harbour.toml")):
            (tmp_path / where).mkdir(exist_ok=True)
            runs[where] = crawl_many(tmp_path / where, [("harbour_post", {"mode": "latest", "since": SITE["since"],
                                                                          "until": SITE["until"]})],
                                     {"NEWSBOT_PORTALS_FILE": str(path), "NEWSBOT_ALLOW_LOOPBACK": True,
                                      "NEWSBOT_STANDARD_DISCOVERY": False})
    proc, records, stats = runs["written"]
    assert len(records["harbour_post"]) == 4 and all(r["section"] is None for r in records["harbour_post"])
    assert stats["harbour_post"]["summary/status"] == 0 and "Monitor failed" not in proc.stderr, proc.stderr[-3000:]
    proc, records, stats = runs["strict"]
    assert len(records["harbour_post"]) == 4
    assert stats["harbour_post"]["summary/status"] == 1
    assert ("Monitor failed: harbour_post: field section: coverage 0.0 % (0 of 4 articles), floor 95 %"
            in proc.stderr), proc.stderr[-3000:]


@pytest.mark.parametrize("table, message", [
    ("[monitor.coverage]\nheadline = 0\n", "monitor.coverage: unknown field 'headline'"),
    ("[monitor.coverage]\nsection = 2\n", "monitor.coverage: the floor of section must be a number from 0 to 1 (got 2)"),
    ("[monitor]\nmin_records = 3\n", "[monitor] holds one table, [monitor.coverage] (field = floor)"),
])
def test_bad_monitor_floors_in_a_portal_file_are_refused(tmp_path, table, message):
    (tmp_path / "p.toml").write_text('name = "quay"\ndomains = ["quay.example"]\n' + table
                                     + '\n[[editions]]\nlang = "en"\nbase = "https://quay.example"\n', "utf-8")
    with pytest.raises(ValueError, match="portal quay: " + re.escape(message)):
        load_portals(tmp_path / "p.toml")


def test_monitor_floors_layer_over_the_defaults_and_under_the_setting():
    from scrapy.settings import Settings

    from newsbot.monitors import thresholds

    floors = (("section", 0.0), ("language", 0.5))
    assert thresholds(Settings(), "p", floors)["coverage"]["section"] == 0.0
    assert thresholds(Settings({"NEWSBOT_MONITOR": {"coverage": {"section": 0.8}}}), "p", floors)["coverage"] == {
        "title": 1.0, "date_published": 1.0, "body": 1.0, "section": 0.0, "language": 0.5}
    assert thresholds(Settings({"NEWSBOT_MONITOR_PORTALS": {"p": {"coverage": {"section": 0.7}}}}), "p",
                      floors)["coverage"]["section"] == 0.7


@pytest.mark.parametrize("host, name", [("www.euractiv.com", "euractiv"), ("news.example.co", "news_example"),
                                        ("127.0.0.1", "127_0_0_1"), ("::1", "ipv6_1"),
                                        ("2001:db8::5", "ipv6_2001_db8_5")])
def test_the_proposed_portal_name_comes_from_the_host(host, name):
    from newsbot.newportal import _name

    assert _name(host) == name


def test_the_contact_url_reaches_the_site_as_in_a_crawl(tmp_path):
    from loopback import Site

    from newsbot.useragent import package_version

    home = b'<html lang="en"><head><title>Home</title></head><body><p>home</p></body></html>'
    with Site({"/": (200, {"Content-Type": "text/html"}, home)}, max_seconds=60) as site:
        made = _new(tmp_path, site.url("/"), "--name", "contact_test", "-s", "NEWSBOT_CONTACT_URL=https://me.example/bot")
    assert made.returncode == 0, made.stderr
    assert {h["User-Agent"] for h in site.request_headers} == {f"newsbot/{package_version()} (+https://me.example/bot)"}
