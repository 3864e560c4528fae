"""A misbehaving HTTP site on 127.0.0.1 for crawl tests: every route fails in its own way.

Bounded: it answers at most ``max_requests`` requests (then closes connections at once), every
stalling route gives up after ``stall_limit`` seconds or when the client leaves, and the whole
server shuts itself down after ``lifetime`` seconds even if the test never stops it. Large
payloads (bombs, the 50 MB page, the 10^6-URL sitemap) are generated on the fly and streamed
or cached in memory for the process; nothing is written to disk.

Routes (``GET``; ``<id>`` is any token making URLs distinct):

- ``/robots.txt`` allows everything; ``/good/<id>`` an article page (see :func:`article`);
- ``/status/<code>/<id>``: that status with a small HTML body; ``?retry_after=N`` adds the
  header; ``/status/403/<id>?challenge=1`` a bot-challenge page;
- ``/flaky/<code>/<fails>/<id>``: ``<code>`` for the first ``<fails>`` requests, then an
  article; ``?retry_after=N`` adds the header to the failures;
- ``/reset/<id>``: TCP reset after reading the request; ``/silent/<id>``: never answers;
  ``/trickle/<id>``: headers then one byte every 0.1 s; ``/short/<id>``: body cut short of
  its Content-Length;
- ``/bomb/<gzip|deflate|br>/<id>``: a small body that inflates to ``BOMB_BYTES``;
  ``/big/<id>`` a 50 MB page with Content-Length, ``/big-chunked/<id>`` without;
- ``/sitemap-huge.xml`` 10^6 URLs streamed; ``/sitemap-huge.xml.gz`` the same gzipped;
- ``/xml/<name>``: feeds and sitemaps with entity expansion or external entities
  (:data:`XML_DOCS`); ``/canary`` records any fetch of an external entity;
- ``/enc/<name>``: pages in legacy or broken encodings (:data:`ENCODED`);
- ``/redirect/<name>``: redirect loops, endless chains and redirects to ``file:``, private,
  link-local, loopback and other hosts (:meth:`FaultSite._redirect`);
- ``/feed/<name>.xml``: feeds registered with :meth:`FaultSite.add_feed`;
- anything else: 404.
"""
from __future__ import annotations

import gzip
import json
import select
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import brotli
from loopback import LoopbackHTTPServer

BOMB_BYTES = 64 * 1024 * 1024  # what a bomb inflates to (more than DOWNLOAD_MAXSIZE)
BIG_BYTES = 50 * 1000 * 1000
HUGE_SITEMAP_URLS = 1_000_000

_CACHE: dict[str, bytes] = {}
_CACHE_LOCK = threading.Lock()


def _cached(key: str, make) -> bytes:
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = make()
        return _CACHE[key]


def _zeros_compressed(kind: str) -> bytes:
    chunk = b"\0" * (1 << 20)
    if kind == "br":
        c = brotli.Compressor(quality=5)
        out = [c.process(chunk) for _ in range(BOMB_BYTES >> 20)]
        return b"".join(out) + c.finish()
    wbits = 31 if kind == "gzip" else 15
    c = zlib.compressobj(9, zlib.DEFLATED, wbits)
    out = [c.compress(chunk) for _ in range(BOMB_BYTES >> 20)]
    return b"".join(out) + c.flush()


def article(key: str, title: str | None = None, published: str = "2025-03-04T09:30:00+01:00") -> bytes:
    """An article page (UTF-8): ``<h1>`` title, JSON-LD ``NewsArticle`` with date and author,
    four paragraphs naming ``key`` so that every page's body differs."""
    title = title or f"Harbour board approves plan {key}"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": published, "author": {"@type": "Person", "name": "Mara Lindqvist"}}
    paras = "".join(
        f"<p>{s} Reference {escape(key)}, paragraph {i}.</p>" for i, s in enumerate((
            "The port authority met on Tuesday and voted to widen the northern channel before winter.",
            "Fishermen said the dredging schedule leaves them three weeks without access to the quay.",
            "The board promised a compensation fund and a public hearing in the town hall next month.",
            "Engineers expect the work to finish in spring if the weather allows the barges to sail.",
            "Shipping companies welcomed the decision and said larger vessels could call at the port.",
        ), 1))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<script type=\"application/ld+json\">{json.dumps(ld)}</script></head><body>"
            f"<article><h1>{escape(title)}</h1>{paras}</article></body></html>").encode("utf-8")


def _legacy_page(title: str, sentence: str, charset_meta: str | None) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    meta += '<meta property="og:type" content="article">'
    paras = "".join(f"<p>{sentence}. {sentence} ({i}).</p>" for i in range(1, 6))
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>Published 2025-03-04.</p>{paras}</article></body></html>")


CS_TITLE = "Přístav v Ústí schválil nový plán"
CS_TEXT = "Rada přístavu v úterý odhlasovala rozšíření severního kanálu, rybáři žádají odškodnění"
PL_TITLE = "Łódź otwiera nową przystań"
PL_TEXT = "Rada miasta zgodziła się na budowę przystani, żeglarze cieszą się z decyzji"
EL_TITLE = "Το λιμάνι εγκρίνει νέο σχέδιο"
EL_TEXT = "Η λιμενική αρχή ψήφισε την Τρίτη τη διεύρυνση του βόρειου καναλιού πριν από τον χειμώνα"
RU_TITLE = "Порт утвердил новый план"
RU_TEXT = "Портовое управление во вторник проголосовало за расширение северного канала до зимы"


def _encoded_pages() -> dict[str, tuple[str, bytes, str | None]]:
    """``{name: (content type, body, expected title or None)}``."""
    pages = {
        # declared in the header only
        "cp1250": ("text/html; charset=windows-1250",
                   _legacy_page(CS_TITLE, CS_TEXT, None).encode("cp1250"), CS_TITLE),
        # declared in <meta> only
        "iso-8859-2": ("text/html", _legacy_page(PL_TITLE, PL_TEXT, "iso-8859-2").encode("iso-8859-2"), PL_TITLE),
        "iso-8859-7": ("text/html; charset=iso-8859-7",
                       _legacy_page(EL_TITLE, EL_TEXT, None).encode("iso-8859-7"), EL_TITLE),
        # declared nowhere: detection
        "koi8-r": ("text/html", _legacy_page(RU_TITLE, RU_TEXT, None).encode("koi8-r"), RU_TITLE),
        # the header names the wrong charset (UTF-8 bytes said to be windows-1250)
        "wrong-header": ("text/html; charset=windows-1250",
                         _legacy_page(PL_TITLE, PL_TEXT, None).encode("utf-8"), None),
        # no Content-Type at all
        "no-content-type": ("", _legacy_page(CS_TITLE, CS_TEXT, "utf-8").encode("utf-8"), CS_TITLE),
        # an unknown charset label
        "bogus-charset": ("text/html; charset=x-no-such-charset",
                          _legacy_page(EL_TITLE, EL_TEXT, None).encode("utf-8"), None),
    }
    mixed = (_legacy_page(CS_TITLE, CS_TEXT, "utf-8").encode("utf-8")
             .replace(b"</article>", "<p>Cena: 30 € – levně</p></article>".encode("cp1250")))
    pages["mixed"] = ("text/html; charset=utf-8", mixed, CS_TITLE)
    nul = _legacy_page(CS_TITLE, CS_TEXT, "utf-8").encode("utf-8").replace(b"<p>Published", b"<p>\0\0Published\0")
    pages["nul"] = ("text/html; charset=utf-8", nul, CS_TITLE)
    bad = _legacy_page(RU_TITLE, RU_TEXT, "utf-8").encode("utf-8").replace(b"</h1>", b"</h1>\xff\xfe\xc3\x28\xed\xa0\x80")
    pages["invalid-utf8"] = ("text/html; charset=utf-8", bad, RU_TITLE)
    deep = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Deep nesting survives</title></head><body>"
            + "<div>" * 20000 + "<h1>Deep nesting survives</h1>"
            + "".join(f"<p>{CS_TEXT}. {CS_TEXT} ({i}).</p>" for i in range(5)) + "</div>" * 20000 + "</body></html>")
    # text nested deeper than the HTML parser's 256 levels is lost: no record, counted as not_article
    pages["deep"] = ("text/html; charset=utf-8", deep.encode("utf-8"), None)
    unclosed = ("<html><head><meta charset=utf-8><meta property=\"og:type\" content=\"article\">"
                "<title>Unclosed tags everywhere</title><body><article><h1>Unclosed tags everywhere"
                + "".join(f"<p>{PL_TEXT}. {PL_TEXT} ({i}).<div><span><b><i>" for i in range(5)) + "<table><tr><td><p>")
    pages["unclosed"] = ("text/html; charset=utf-8", unclosed.encode("utf-8"), "Unclosed tags everywhere")
    # malformed JSON-LD, impossible dates
    broken_ld = article("jsonld", "Broken structured data is skipped").replace(
        b'<script type="application/ld+json">', b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": ')
    pages["jsonld-malformed"] = ("text/html; charset=utf-8", broken_ld, "Broken structured data is skipped")
    pages["date-zero"] = ("text/html; charset=utf-8",
                          article("zero", "A page dated year zero", "0000-00-00")
                          .replace(b"<title>", b'<meta property="article:published_time" content="0000-00-00T00:00:00"><title>'),
                          "A page dated year zero")
    pages["date-9999"] = ("text/html; charset=utf-8",
                          article("9999", "A page dated year 9999", "9999-12-31T23:59:59-12:00")
                          .replace(b"<title>", b'<meta property="article:modified_time" content="9999-12-31T23:59:59+14:00"><title>'),
                          "A page dated year 9999")
    return pages


ENCODED = _encoded_pages()

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n")


def _xml_docs(base: str) -> dict[str, bytes]:
    """Feeds and sitemaps that try entity expansion and external entities; each also lists
    the good article ``/good/xml-<name>``."""
    def rss(name, dtd, extra):
        return (f'{dtd}<rss version="2.0"><channel><title>&lol9;</title>{extra}'
                f"<item><title>Good item</title><link>{base}/good/xml-{name}</link>"
                f"<pubDate>Tue, 04 Mar 2025 09:30:00 +0100</pubDate></item></channel></rss>").encode()

    def urlset(name, dtd, extra):
        return (f'{dtd}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{extra}'
                f"<url><loc>{base}/good/xml-{name}</loc><lastmod>2025-03-04</lastmod></url></urlset>").encode()

    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY lol9 "x">\n'
           '<!ENTITY file SYSTEM "file:///etc/passwd">\n'
           f'<!ENTITY net SYSTEM "{base}/canary">\n<!ENTITY % remote SYSTEM "{base}/canary">\n%remote;\n]>\n')
    xxe_dtd = f'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{base}/canary">\n'
    return {
        "laughs-feed.xml": rss("laughs-feed", BILLION_LAUGHS, "<item><title>&lol9;</title><link>&lol9;</link></item>"),
        "laughs-sitemap.xml": urlset("laughs-sitemap", BILLION_LAUGHS, "<url><loc>&lol9;</loc></url>"),
        "xxe-feed.xml": rss("xxe-feed", xxe, "<item><title>&file;</title><link>&net;</link><description>&file;</description></item>"),
        "xxe-sitemap.xml": urlset("xxe-sitemap", xxe, "<url><loc>&file;</loc></url><url><loc>&net;</loc></url>"),
        "dtd-sitemap.xml": urlset("dtd-sitemap", xxe_dtd, ""),
    }


class FaultSite:
    """The fault site; use as a context manager. ``url(path)`` gives an absolute URL,
    ``hits`` counts requests per path (query included), ``times`` keeps each request's
    ``time.monotonic()`` per path."""

    def __init__(self, max_requests: int = 20000, lifetime: float = 300.0, stall_limit: float = 30.0):
        self.max_requests = max_requests
        self.lifetime = lifetime
        self.stall_limit = stall_limit
        self.hits: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}
        self.feeds: dict[str, bytes] = {}
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server API)
                with site._lock:
                    site.hits[self.path] += 1
                    site.times.setdefault(self.path, []).append(time.monotonic())
                    over = sum(site.hits.values()) > site.max_requests
                if over or site.stopping.is_set():
                    self.close_connection = True
                    return
                try:
                    site._route(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout):
                    self.close_connection = True

            def send_response(self, code, message=None):
                super().send_response(code, message)
                self.send_header("Connection", "close")  # one request a connection: exact hit counts

            def log_message(self, *args):
                pass

        self.server = LoopbackHTTPServer(Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.xml_docs = _xml_docs(self.base)
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    def url(self, path: str) -> str:
        return self.base + path

    def add_feed(self, name: str, body: bytes) -> str:
        """Serve ``body`` as ``/feed/<name>.xml``; returns its URL."""
        self.feeds[name] = body
        return self.url(f"/feed/{name}.xml")

    def prepare(self, huge_sitemap: bool = False) -> "FaultSite":
        """Build the cached payloads now (bombs; with ``huge_sitemap`` the gzipped 10^6-URL
        sitemap) so that serving them never waits on compression."""
        for kind in ("gzip", "deflate", "br"):
            _cached(f"bomb-{kind}", lambda kind=kind: _zeros_compressed(kind))
        if huge_sitemap:
            _cached(f"huge-gz-{self.port}", lambda: gzip.compress(b"".join(self._huge_sitemap()), 1))
        return self

    def __enter__(self):
        self.prepare()
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Stop serving; stalled handlers return within 0.1 s."""
        if self.stopping.is_set():
            return
        self.stopping.set()
        self._timer.cancel()
        self.server.shutdown()
        self.server.server_close()

    # -- responses ---------------------------------------------------------------------------

    @staticmethod
    def _send(h, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers=None):
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _stall(self, seconds: float | None = None) -> bool:
        """Wait a little; False once the stall limit passed or the site is stopping."""
        return not self.stopping.wait(seconds or 0.1)

    def _route(self, h):
        parts = urlsplit(h.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        seg = path.strip("/").split("/")
        head = seg[0]
        if path == "/robots.txt":
            return self._send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain")
        if head == "good":
            return self._send(h, 200, article(seg[-1]))
        if head == "status":
            code = int(seg[1])
            headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
            if query.get("challenge"):
                headers["cf-mitigated"] = "challenge"
                body = b"<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"
            else:
                body = f"<html><body><h1>Error {code}</h1></body></html>".encode()
            return self._send(h, code, body, headers=headers)
        if head == "flaky":
            code, fails = int(seg[1]), int(seg[2])
            if self.hits[h.path] <= fails:
                headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
                return self._send(h, code, b"<html><body>try later</body></html>", headers=headers)
            return self._send(h, 200, article(seg[-1]))
        if head == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True
            return None
        if head == "silent":
            deadline = time.monotonic() + self.stall_limit
            while time.monotonic() < deadline and not self.stopping.is_set():
                readable, _, _ = select.select([h.connection], [], [], 0.1)
                if readable and not h.connection.recv(1, socket.MSG_PEEK):
                    break  # the client gave up
            h.close_connection = True
            return None
        if head == "trickle":
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", "10000000")
            h.end_headers()
            deadline = time.monotonic() + self.stall_limit
            h.wfile.write(b"<html><body><p>")
            while time.monotonic() < deadline and self._stall():
                h.wfile.write(b"x")
                h.wfile.flush()
            h.close_connection = True
            return None
        if head == "short":
            body = article(seg[-1])
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body) + 5000))
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
            h.close_connection = True
            return None
        if head == "bomb":
            kind = seg[1]
            body = _cached(f"bomb-{kind}", lambda: _zeros_compressed(kind))
            return self._send(h, 200, body, headers={"Content-Encoding": kind})
        if head in ("big", "big-chunked"):
            return self._stream(h, self._big_chunks(), BIG_BYTES if head == "big" else None)
        if path == "/sitemap-huge.xml":
            return self._stream(h, self._huge_sitemap(), None, "application/xml")
        if path == "/sitemap-huge.xml.gz":
            body = _cached(f"huge-gz-{self.port}", lambda: gzip.compress(b"".join(self._huge_sitemap()), 1))
            return self._send(h, 200, body, "application/x-gzip")
        if head == "xml" and seg[-1] in self.xml_docs:
            return self._send(h, 200, self.xml_docs[seg[-1]], "application/xml")
        if head == "feed" and seg[-1].removesuffix(".xml") in self.feeds:
            return self._send(h, 200, self.feeds[seg[-1].removesuffix(".xml")], "application/rss+xml")
        if head == "enc" and seg[1] in ENCODED:
            ctype, body, _ = ENCODED[seg[1]]
            return self._send(h, 200, body, ctype)
        if head == "redirect":
            return self._redirect(h, seg[1], seg[-1])
        return self._send(h, 404, b"<html><body>not here</body></html>")

    def _redirect(self, h, name: str, key: str):
        targets = {
            "loop-a": f"/redirect/loop-b/{key}",
            "loop-b": f"/redirect/loop-a/{key}",
            "self": f"/redirect/self/{key}",
            "file": "file:///etc/passwd",
            "metadata": "http://169.254.169.254/latest/meta-data/",
            "metadata-mapped": "http://[::ffff:169.254.169.254]/latest/meta-data/",
            "private": "http://10.0.0.1/admin",
            "private-short": "http://10.1/admin",
            "loopback-decimal": f"http://2130706433:{self.port}/good/{key}",
            "loopback": f"{self.base}/good/{key}",
            "offsite": f"http://localhost:{self.port}/good/{key}",
            "ok": f"/good/{key}",
            "chain": f"/redirect/ok/{key}",
            "hop": f"/redirect/hop/{int(key) + 1 if key.isdigit() else 0}",  # endless, never the same URL
        }
        if name not in targets:
            return self._send(h, 404, b"no such redirect")
        return self._send(h, 302, b"", headers={"Location": targets[name]})

    @staticmethod
    def _big_chunks():
        chunk = (b"<p>" + b"filler text " * 87000 + b"</p>\n")  # about 1 MB
        head = b"<!DOCTYPE html><html><head><meta charset=utf-8><title>Big</title></head><body>"
        sent = len(head)
        yield head
        while sent + len(chunk) <= BIG_BYTES:
            yield chunk
            sent += len(chunk)
        yield b" " * (BIG_BYTES - sent)

    def _huge_sitemap(self, base: str | None = None):
        base = base or self.base
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        batch = 10000
        for start in range(0, HUGE_SITEMAP_URLS, batch):
            yield "".join(f"<url><loc>{base}/other/{n}</loc></url>\n"
                          for n in range(start, start + batch)).encode()
        yield b"</urlset>\n"

    def _stream(self, h, chunks, length: int | None, ctype: str = "text/html; charset=utf-8"):
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        if length is not None:
            h.send_header("Content-Length", str(length))
        else:
            h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        deadline = time.monotonic() + self.stall_limit
        for chunk in chunks:
            if self.stopping.is_set() or time.monotonic() > deadline:
                break
            if length is None:
                h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            else:
                h.wfile.write(chunk)
        else:
            if length is None:
                h.wfile.write(b"0\r\n\r\n")
        h.close_connection = True


# -- running a crawl against the site --------------------------------------------------------

FAST = {
    "NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false",
    "CONCURRENT_REQUESTS": "64", "CONCURRENT_REQUESTS_PER_DOMAIN": "64", "DOWNLOAD_TIMEOUT": "5",
    "RETRY_TIMES": "2", "NEWSBOT_RETRY_BACKOFF": "0.05", "LOG_LEVEL": "INFO",
    "SPIDERMON_ENABLED": "false",  # coverage monitors judge real portals, not this site
}


class CrawlResult:
    """A finished crawl subprocess: ``returncode``, ``stderr`` (the log), ``records`` (written
    JSON lines), ``stats`` (Scrapy's stats, from the run's ``.stats.json``), ``seconds`` (wall time)
    and ``peak_rss_mb`` (the crawl process's peak resident memory after it started, MiB: its
    ``VmHWM``, read while it runs; not ``ru_maxrss``, which also counts the test process's
    memory the child held between fork and exec)."""

    def __init__(self, returncode, stderr, records, stats, seconds, peak_rss_mb):
        self.returncode, self.stderr, self.records = returncode, stderr, records
        self.stats, self.seconds, self.peak_rss_mb = stats, seconds, peak_rss_mb

    def by_url(self) -> dict[str, dict]:
        return {r["url"]: r for r in self.records}


def stats_of(out) -> dict:
    """Scrapy's stats of the crawl that wrote ``out``, from the ``.stats.json`` beside it
    (``{}`` when there is none)."""
    import json
    from pathlib import Path

    path = Path(out).with_name(Path(out).name + ".stats.json")
    return json.loads(path.read_text("utf-8"))["scrapy_stats"] if path.exists() else {}


def run_crawl(workdir, spider: str, *args: str, settings: dict | None = None, env: dict | None = None,
              timeout: float = 180) -> CrawlResult:
    """``scrapy crawl spider -O out.jsonl`` in a subprocess inside ``workdir``, with
    :data:`FAST` settings under ``settings``; waits at most ``timeout`` seconds (then kills)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    out = Path(workdir) / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(out)]
    for name, value in {**FAST, **(settings or {})}.items():
        cmd += ["-s", f"{name}={value}"]
    for arg in args:
        cmd += ["-a", arg]
    tests_dir = str(Path(__file__).resolve().parent)
    full_env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings",
                "PYTHONPATH": os.pathsep.join(filter(None, [tests_dir, os.environ.get("PYTHONPATH")])),
                **(env or {})}
    started = time.monotonic()
    errfile = Path(workdir) / "crawl.log"
    with open(errfile, "w+", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, cwd=workdir, env=full_env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = started + timeout
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, _high_water_kb(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    log = errfile.read_text("utf-8", errors="replace")
    records = ([json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
               if out.exists() else [])
    return CrawlResult(proc.returncode, log, records, stats_of(out), seconds, (peak_kb or usage.ru_maxrss) / 1024)


def _high_water_kb(pid: int) -> int:
    """The peak resident memory of process ``pid`` so far (``VmHWM`` of ``/proc/<pid>/status``,
    KiB), 0 when it cannot be read (gone, or not Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


FAULT_PORTAL = """# The fault site's portal (written by the tests).
name = "faultsite"
domains = ["127.0.0.1"]
feeds = [{feeds}]
allow = ["^/good/"]

[[editions]]
lang = "en"
base = "{base}"
"""


def write_portal(workdir, base: str, feeds) -> str:
    """Write the fault site's portal file (its discovery documents: the paths ``feeds``) into
    ``workdir``; returns its path for ``NEWSBOT_PORTALS_FILE``."""
    from pathlib import Path

    path = Path(workdir) / "faultsite.toml"
    path.write_text(FAULT_PORTAL.format(base=base, feeds=", ".join(f'"{{base}}{p}"' for p in feeds)), "utf-8")
    return str(path)
