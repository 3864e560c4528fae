"""``newsbot portal new URL``: a portal file for a site, written from its home page alone.

What the site announces by the standards (:mod:`newsbot.autodiscovery`) makes the file:
editions from the home page's ``hreflang`` alternates (else one edition, the page's ``<html
lang>``), feeds from ``<link rel="alternate">``, sitemaps from robots.txt (news sitemaps, whose
entries carry a publication date, apart), the WordPress REST root (family ``wordpress``,
REST type ``posts``), an article URL pattern inferred from the URLs the feeds and news
sitemaps list (:func:`infer_patterns`), the trailing-slash style of those URLs and the time
zone from the UTC offsets of their dates (:func:`infer_timezone`), and a section coverage floor of 0
(``[monitor.coverage]``: the file has no selectors). Selectors are left out:
structured data and the generic extractor read the pages, and ``newsbot check`` tells what
they found. The file is checked by :mod:`newsbot.portals.reader` before it is written.

Pages are fetched with :mod:`urllib.request` and newsbot's User-Agent, each whole (never a
part of one) within a deadline and a size cap, a crawl's ``DOWNLOAD_TIMEOUT`` seconds and
``DOWNLOAD_MAXSIZE`` bytes (:data:`TIMEOUT`, :data:`MAX_BYTES` unless the caller says).
Hosts are resolved as in a crawl (:func:`newsbot.resolver.connect_addresses`): the names of
``NEWSBOT_RESOLVE`` go to their mapped address and port, the request keeping its URL and
``Host`` header; other names are looked up, and the crawl's address rule holds: a URL, or a
redirect, whose host resolves only to private addresses is refused, and one that resolves to
loopback unless ``allow_loopback`` (``-s NEWSBOT_ALLOW_LOOPBACK=true``). Connections go to
the addresses that rule let through.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from . import settings
from .autodiscovery import announced_feeds, hreflang_alternates, rest_root, robots_sitemaps
from .discovery import Truncated, document, parse_feed, parse_sitemap, sniff
from .extraction import dates
from .extraction.urls import same_site
from .resolver import AddressRefused, Target, connect_addresses

MAX_BYTES = settings.DOWNLOAD_MAXSIZE  # a document's largest size, in bytes, unless told (as a crawl's)
TIMEOUT = float(settings.DOWNLOAD_TIMEOUT)  # seconds for a whole document, unless told (as a crawl's)
MAX_SITEMAPS = 6  # sitemap documents read (children of an index included)
SAMPLE = 200  # entries read from one document
PREFERRED_ZONES = ("UTC", "Europe/London", "Europe/Brussels", "Europe/Helsinki", "Europe/Moscow",
                   "Europe/Istanbul", "America/New_York", "America/Chicago", "America/Denver",
                   "America/Los_Angeles", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney")
"""Zones tried first when the offsets of a site's dates fit several (Europe/Brussels stands for
Central European Time)."""


class Fetched:
    """One answer: ``url`` (final), ``status``, ``headers`` (an :class:`email.message.Message`)
    and ``body`` (bytes, whole)."""

    def __init__(self, url: str, status: int, headers, body: bytes):
        self.url, self.status, self.headers, self.body = url, status, headers, body


class FetchFailed(ValueError):
    """A document that could not be read: ``url`` (the one at fault: the URL asked for, or the
    redirect refused) and ``reason`` (one line); its text is ``"url: reason"``."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


def check_address(url: str, allow_loopback: bool = False, targets: dict[str, Target] | None = None) -> None:
    """Raise :class:`FetchFailed` (one line) when ``url`` is not http(s) or its host resolves only to
    addresses the crawl refuses (:func:`newsbot.resolver.connect_addresses`: private always,
    loopback unless ``allow_loopback``; the hosts of ``targets``, from ``NEWSBOT_RESOLVE``,
    are mapped, never refused); a name that does not resolve raises ``OSError``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(url, "not an http(s) URL")
    try:
        connect_addresses(parts.hostname, parts.port or 80, targets or {}, allow_loopback)
    except AddressRefused as exc:
        hint = "; give -s NEWSBOT_ALLOW_LOOPBACK=true to read this machine" if exc.kind == "loopback" else ""
        raise FetchFailed(url, f"{exc.host} resolves to {exc.address}, a {exc.kind} address: refused{hint}") from None


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a target :func:`check_address` accepts."""

    def __init__(self, allow_loopback: bool, targets: dict[str, Target]):
        self.allow_loopback, self.targets = allow_loopback, targets

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl, self.allow_loopback, self.targets)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """The whole-document deadline of one :func:`fetch` (``seconds`` from its start, redirects
    included): when it passes, the sockets opened for it are shut down, which ends a read
    blocked on a server that drips its answer a byte at a time (a socket timeout bounds each
    read alone). ``expired`` tells that it did; a context manager that stops the clock."""

    def __init__(self, seconds: float):
        self.seconds, self.expired = seconds, False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            if self.expired:
                raise TimeoutError("the deadline passed")
            self.sockets.append(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()


class _Resolved:
    """Part of urllib's HTTP and HTTPS handlers: a connection's socket goes to an address of
    :func:`~newsbot.resolver.connect_addresses` (tried in order), while its host name stays the
    one of the URL (``Host`` header, TLS server name). :mod:`http.client` opens a connection's
    socket with its ``_create_connection`` (:func:`socket.create_connection`); that is what
    changes."""

    def __init__(self, allow_loopback: bool, targets: dict[str, Target], deadline: _Deadline):
        super().__init__()
        self.allow_loopback, self.targets, self.deadline = allow_loopback, targets, deadline

    def _connection(self, cls):
        def make(host, **kwargs):
            connection = cls(host, **kwargs)
            connection._create_connection = self._connect
            connect = connection.connect

            def watched():  # the socket read from: after TLS, the wrapped one
                connect()
                self.deadline.watch(connection.sock)
            connection.connect = watched
            return connection
        return make

    def _connect(self, address, timeout, source_address=None):
        host, port = address
        failure: OSError = OSError(f"{host}: no address to connect to")
        for pair in connect_addresses(host, port, self.targets, self.allow_loopback):
            try:
                return socket.create_connection(pair, timeout, source_address)
            except OSError as exc:
                failure = exc
        raise failure


class _ResolvedHTTP(_Resolved, urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(self._connection(http.client.HTTPConnection), req)


class _ResolvedHTTPS(_Resolved, urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(self._connection(http.client.HTTPSConnection), req, context=self._context)


def fetch(url: str, user_agent: str, allow_loopback: bool = False, targets: dict[str, Target] | None = None,
          timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url`` once its address (and each redirect's) passes :func:`check_address`,
    connecting where :func:`~newsbot.resolver.connect_addresses` says (``targets``: the parsed
    ``NEWSBOT_RESOLVE``); HTTP errors are answers (their status and body). The whole document,
    redirects included, must arrive within ``timeout`` seconds (a crawl's ``DOWNLOAD_TIMEOUT``)
    and hold at most ``max_bytes`` bytes (``DOWNLOAD_MAXSIZE``; 0: no limit). Every other
    outcome raises :class:`FetchFailed` naming the URL at fault: an address refused, a network
    failure (a name that does not resolve, a refused connection), an answer that is not HTTP
    (:class:`http.client.HTTPException`: a garbage status line, a header line too long), the
    deadline passed, a body cut short of its ``Content-Length`` or of its last chunk, a body
    over ``max_bytes``. A document is never used in part."""
    targets = targets or {}
    with _Deadline(timeout) as deadline:
        try:
            check_address(url, allow_loopback, targets)
            opener = urllib.request.build_opener(_CheckedRedirects(allow_loopback, targets),
                                                 _ResolvedHTTP(allow_loopback, targets, deadline),
                                                 _ResolvedHTTPS(allow_loopback, targets, deadline))
            request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept-Encoding": "identity"})
            try:
                with opener.open(request, timeout=timeout) as answer:
                    fetched = Fetched(answer.geturl(), answer.status, answer.headers, _body(answer, url, max_bytes))
            except urllib.error.HTTPError as exc:
                fetched = Fetched(url, exc.code, exc.headers, _body(exc, url, max_bytes) if exc.fp else b"")
        except FetchFailed:
            if deadline.expired:
                raise _late(url, timeout) from None
            raise
        except (http.client.HTTPException, OSError) as exc:
            if deadline.expired or isinstance(exc, TimeoutError) or isinstance(getattr(exc, "reason", None), TimeoutError):
                raise _late(url, timeout) from None
            if isinstance(exc, http.client.HTTPException):
                raise FetchFailed(url, f"not an HTTP answer ({type(exc).__name__}: {_one_line(exc)})") from None
            raise FetchFailed(url, _one_line(getattr(exc, "reason", None) or exc)) from None
    if deadline.expired:  # the clock shut the socket at the end of a body without a length
        raise _late(url, timeout)
    return fetched


def _late(url: str, timeout: float) -> FetchFailed:
    return FetchFailed(url, f"no complete answer within {timeout:g} seconds (DOWNLOAD_TIMEOUT)")


def _body(answer, url: str, max_bytes: int) -> bytes:
    """The whole body of ``answer`` (an :class:`http.client.HTTPResponse` or urllib's wrapper
    of one); :class:`FetchFailed` when it is over ``max_bytes`` (0: no limit) or ends short of
    its ``Content-Length`` (:meth:`http.client.HTTPResponse.read` with a size returns what came
    without a word; a chunked body cut short raises :class:`http.client.IncompleteRead`)."""
    chunks, size = [], 0
    try:
        while chunk := answer.read(64 * 1024):
            size += len(chunk)
            if max_bytes and size > max_bytes:
                raise FetchFailed(url, f"larger than {max_bytes} bytes (DOWNLOAD_MAXSIZE)")
            chunks.append(chunk)
    except http.client.IncompleteRead:
        raise FetchFailed(url, f"the body was cut short after {size} bytes") from None
    missing = answer.length  # bytes of the Content-Length not received (None: no length)
    if missing:
        raise FetchFailed(url, f"the body was cut short: {size} bytes of {size + missing} (Content-Length)")
    return b"".join(chunks)


def _one_line(value) -> str:
    """``str(value)`` with its runs of white space as one space, at most 200 characters."""
    return " ".join(str(value).split())[:200]


def _segment(values: list[str]) -> str:
    """The regular expression of one path segment position over sample values: numbers (years,
    months, ids) as ``\\d{n}`` or ``\\d+``, a word every sample shares as itself (one sample: a
    word without digits or hyphens), anything else as ``[^/]+``."""
    if all(v.isdigit() for v in values):
        lengths = {len(v) for v in values}
        return rf"\d{{{lengths.pop()}}}" if len(lengths) == 1 else r"\d+"
    if len(set(values)) == 1 and (len(values) > 1 or not re.search(r"\d|-", values[0])):
        return re.escape(values[0])
    return "[^/]+"


def infer_patterns(urls: list[str], max_patterns: int = 3) -> tuple[list[str], bool | None]:
    """``(allow patterns, trailing_slash)`` from sample article URLs: the paths are grouped by
    their number of segments (the :data:`max_patterns` largest groups), and each segment
    position becomes the literal every sample shares, ``\\d{n}`` / ``\\d+`` for numbers, or
    ``[^/]+``. ``trailing_slash``: True when every sample path ends in ``/``, False when none
    does, None when they differ. ``([], None)`` without samples."""
    paths = [urlsplit(u).path for u in urls if urlsplit(u).path.strip("/")]
    if not paths:
        return [], None
    ends = {p.endswith("/") for p in paths}
    slash = ends.pop() if len(ends) == 1 else None
    groups: dict[int, list[list[str]]] = {}
    for path in paths:
        parts = path.strip("/").split("/")
        groups.setdefault(len(parts), []).append(parts)
    patterns = []
    for size, members in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:max_patterns]:
        segments = [_segment([m[i] for m in members]) for i in range(size)]
        if len(members) > 1 and segments[-1] != "[^/]+" and not segments[-1].startswith(r"\d"):
            segments[-1] = "[^/]+"  # the slug
        tail = "/?$" if slash is not False else "$"
        patterns.append("^/" + "/".join(segments) + tail)
    return patterns, slash


def infer_timezone(values: list[str]) -> str:
    """The IANA zone whose UTC offsets fit the offsets of the dates ``values`` (ISO 8601 or RFC
    822 strings) on their days: ``UTC`` when they all say +00:00 or none has an offset, else
    the first zone of :data:`PREFERRED_ZONES` that fits every date with another offset, else
    the first fitting zone by name, else ``UTC``."""
    seen = []
    for value in values:
        parsed = dates.parse_date(value)
        if parsed is not None and parsed.has_offset and parsed.value.utcoffset() is not None:
            seen.append(parsed.value)
    local = [v for v in seen if v.utcoffset().total_seconds() != 0]
    if not local:
        return "UTC"
    sample = local[:50]  # dates in UTC (feeds' GMT, "Z") say nothing of the site's zone

    def fits(name: str) -> bool:
        zone = ZoneInfo(name)
        return all(v.astimezone(zone).utcoffset() == v.utcoffset() for v in sample)

    for name in PREFERRED_ZONES:
        if fits(name):
            return name
    return next((name for name in sorted(available_timezones()) if "/" in name and fits(name)), "UTC")


def _entries(body: bytes):
    """``(kind, entries)`` of a feed or sitemap body (at most :data:`SAMPLE` entries)."""
    source = document(body)
    kind = sniff(source) if source is not None else None
    if kind is None:
        return None, []
    parse = parse_feed if kind in ("rss", "atom") else parse_sitemap
    out = []
    try:
        for entry in parse(source, max_entries=None):
            out.append(entry)
            if len(out) >= SAMPLE:
                break
    except Truncated:
        pass
    return kind, out


def _name(host: str) -> str:
    """The portal name proposed for ``host``: its labels but the top-level domain joined by
    ``_`` (``www.euractiv.com``: ``euractiv``; ``news.example.co``: ``news_example``), an IPv4
    address's four numbers (``127_0_0_1``), an IPv6 address's groups after ``ipv6``
    (``::1``: ``ipv6_1``); ``portal`` when nothing is left."""
    address = _address(host)
    if address is not None and ":" in address:
        return ("ipv6_" + re.sub(r"[^a-f0-9]+", "_", address).strip("_"))[:64]
    labels = [x for x in host.lower().removeprefix("www.").split(".") if x]
    core = "_".join(labels[:-1]) if len(labels) > 1 and address is None else "_".join(labels)
    return re.sub(r"[^a-z0-9]+", "_", core).strip("_")[:64] or "portal"


def _address(host: str) -> str | None:
    """``host`` as an IP address in its one spelling (``::1``, ``127.0.0.1``), the shorthand
    forms a crawl reads as addresses included (``0x7f000001``, ``127.1``:
    :func:`newsbot.middlewares.host_kind`), or None for a name."""
    from .middlewares import _ip_literal

    ip = _ip_literal(host)
    return str(ip) if ip is not None else None


def _host_name(url: str) -> str:
    """``url``'s host as a crawl and a portal file name it: lowercase, without the trailing dot
    of an absolute DNS name (``WWW.Example.Org.`` is ``www.example.org``), an IP address in its
    one spelling, IPv6 without brackets."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return _address(host) or host


def _normal(url: str) -> str:
    """``url`` with its host named by :func:`_host_name` (port, path and query kept; user
    information left out)."""
    parts = urlsplit(url)
    host = _host_name(url)
    netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port is not None else "")
    return parts._replace(netloc=netloc).geturl()


def _base(url: str) -> str:
    parts = urlsplit(_normal(url))
    return f"{parts.scheme}://{parts.netloc}" + parts.path.rstrip("/")


def _template(url: str, base: str) -> str:
    return "{base}" + url[len(base):] if url.startswith(base + "/") else url


def _toml_list(values: list[str], literal: bool = False) -> str:
    if literal and all("'" not in v for v in values):
        return "[" + ", ".join(f"'{v}'" for v in values) + "]"
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def propose(url: str, user_agent: str, name: str | None = None, log=lambda message: None,
            allow_loopback: bool = False, targets: dict[str, Target] | None = None,
            timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """``(portal name, portal file text)`` for the site whose home page is ``url``, from what
    the site announces (module docstring). ``log`` receives one line per document read. Each
    document is read whole within ``timeout`` seconds and ``max_bytes`` bytes (:func:`fetch`).
    An announced document (robots.txt, a feed, a sitemap) that cannot be read is left out,
    logged once with the reason. Raises ``ValueError`` with one line when the home page cannot
    be read (:class:`FetchFailed`
    from :func:`fetch`: refused by :func:`check_address`, a network failure, a malformed answer;
    ``allow_loopback``: loopback hosts are read; ``targets``: the hosts ``NEWSBOT_RESOLVE``
    maps, :func:`newsbot.resolver.resolve_targets`), or when the file made does not pass the
    portal file checks."""
    from .portals.reader import portal_from_dict

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url}: not an http(s) URL")
    url = _normal(url)

    def get(address: str) -> Fetched:
        return fetch(address, user_agent, allow_loopback, targets, timeout, max_bytes)

    def announced(what: str, address: str) -> Fetched | None:
        """An announced document, or None when it cannot be read (logged once: which, why)."""
        try:
            return get(address)
        except FetchFailed as exc:
            log(f"{what} {address}: left out: {exc.reason if exc.url == address else exc}")
            return None

    home = get(url)
    log(f"home page {home.url}: HTTP {home.status}")
    if home.status != 200:
        raise ValueError(f"{url}: the home page answered HTTP {home.status}")
    base = _base(home.url)
    host = _host_name(base)  # the site that answered: domains and editions from the URL after redirects
    origin = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
    alternates = hreflang_alternates(home.body, home.url)
    html_lang = re.search(rb"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", home.body[:4096])
    main_lang = next((lang for lang, u in alternates.items() if _base(u) == base),
                     html_lang.group(1).decode().lower() if html_lang else "en")
    editions = {main_lang.split("-")[0].lower(): base}
    for lang, alternate in alternates.items():
        key = lang.split("-")[0].lower()
        if key in editions or urlsplit(alternate).scheme not in ("http", "https"):
            continue
        if not same_site(alternate, base):  # another site's page: not an edition of this portal
            log(f"hreflang {lang} {alternate}: on another site, left out")
            continue
        editions[key] = _base(alternate)
    feeds = announced_feeds(home.body, home.url)
    root = rest_root(home.body, home.url, home.headers.get("Link"))
    robots = announced("robots.txt", origin + "/robots.txt")
    sitemaps = robots_sitemaps(robots.body, robots.url) if robots is not None and robots.status == 200 else []
    log(f"robots.txt: {f'HTTP {robots.status}' if robots is not None else 'unread'}, {len(sitemaps)} sitemaps; "
        f"home page: {len(feeds)} feeds" + (f", REST root {root}" if root else ""))
    samples: list[str] = []
    stamps: list[str] = []
    news: list[str] = []
    usable = []
    for feed in feeds:
        answer = announced("feed", feed)
        if answer is None:
            continue
        kind, entries = _entries(answer.body)
        if kind not in ("rss", "atom"):
            log(f"feed {feed}: left out: {f'a {kind}, not a feed' if kind else 'not a feed'}, {len(entries)} entries")
            continue
        log(f"feed {feed}: {kind}, {len(entries)} entries")
        usable.append(feed)
        samples += [e.url for e in entries]
        stamps += [e.published for e in entries if e.published]
    feeds = usable
    queue, seen = list(sitemaps), set()
    announced_by = {s: s for s in sitemaps}  # a sitemap read -> the robots.txt sitemap that led to it
    answering = set()  # robots.txt sitemaps with a sitemap of entries read under them
    while queue and len(seen) < MAX_SITEMAPS:
        sitemap = queue.pop(0)
        if sitemap in seen:
            continue
        seen.add(sitemap)
        answer = announced("sitemap", sitemap)
        if answer is None:
            continue
        kind, entries = _entries(answer.body)
        if kind == "sitemapindex":
            children = [e.url for e in entries if e.url not in seen][:3]
            log(f"sitemap {sitemap}: {kind}, {len(entries)} entries"
                + ("" if children else ", none but what was read: left out"))
            queue += children
            for child in children:
                announced_by.setdefault(child, announced_by[sitemap])
            continue
        if kind != "urlset" or not entries:
            why = "no entries" if kind == "urlset" else f"a {kind}, not a sitemap" if kind else "not a sitemap"
            log(f"sitemap {sitemap}: left out: {why}")
            continue
        log(f"sitemap {sitemap}: {kind}, {len(entries)} entries")
        dated = [e for e in entries if e.published]
        if dated:
            news.append(sitemap)
        else:
            answering.add(announced_by[sitemap])
        samples += [e.url for e in dated]
        stamps += [e.published or e.modified for e in entries if e.published or e.modified]
    unread = [s for s in sitemaps if s not in seen]
    if unread:
        log(f"{len(unread)} sitemaps of robots.txt left out: not read (at most {MAX_SITEMAPS} sitemap documents "
            f"are read, {len(seen)} were): {' '.join(unread)}")
    own = [u for u in samples if _host_name(u).removeprefix("www.") == host.removeprefix("www.")]
    allow, slash = infer_patterns(own)
    name = name or _name(host)
    domain = host if _address(host) else host.removeprefix("www.")
    lines = [f"# {name}: written by `newsbot portal new {url}` from what the site announces",
             "# (robots.txt sitemaps, <link rel=\"alternate\"> feeds, hreflang editions, the REST root).",
             "# No selectors: structured data and the generic extractor read the pages; run",
             f"# `newsbot check {name}` to see what served each field.",
             f"name = {json.dumps(name)}"]
    if root:
        lines.append('family = "wordpress"')
    lines += [f"domains = {_toml_list([domain])}", f"timezone = {json.dumps(infer_timezone(stamps))}"]
    if feeds:
        lines.append(f"feeds = {_toml_list([_template(f, base) for f in feeds])}")
    if news:
        lines.append(f"news_sitemaps = {_toml_list([_template(s, base) for s in news])}")
    roots = [s for s in sitemaps if s in answering and s not in news]
    if roots:
        lines.append(f"sitemaps = {_toml_list([_template(s, base) for s in roots])}")
    if root:
        lines.append('wp_types = ["posts"]')
    if allow:
        lines.append(f"allow = {_toml_list(allow, literal=True)}")
    if slash is not None:
        lines.append(f"trailing_slash = {'true' if slash else 'false'}")
    lines += ["", "# No selectors, so no section for sure: the crawl monitor's section floor (95 %) is off until",
              f"# `newsbot check {name}` shows the site gives sections.", "[monitor.coverage]", "section = 0"]
    for lang, edition_base in editions.items():
        lines += ["", "[[editions]]", f"lang = {json.dumps(lang)}", f"base = {json.dumps(edition_base)}"]
    text = "\n".join(lines) + "\n"
    import tomllib

    portal_from_dict(tomllib.loads(text), f"the file made for {url}")
    return name, text
