"""Base spiders: discovery from feeds and sitemaps, the date window, and the page item."""
from __future__ import annotations

import gzip
import io
from datetime import datetime

import scrapy

from ..arguments import parse_limit, parse_window
from ..discovery import MAX_ENTRIES, Truncated, parse_feed, parse_sitemap, sniff
from ..extraction import dates
from ..extraction.urls import strip_tracking
from ..items import ArticlePage
from ..middlewares import RequestRefused, failure_kind
from ..portals import Edition, Portal

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for an uncompressed file


class PageSpider(scrapy.Spider):
    """Common part of every newsbot spider: article responses become ``ArticlePage`` items and
    download failures are counted in ``newsbot/errors/<kind>``."""

    portal: Portal | None = None
    window: tuple[datetime, datetime] | None = None

    def page_item(self, response, hints: dict | None = None) -> ArticlePage:
        """The item for an article response (final URL, bytes, charset header, discovery hints)."""
        return ArticlePage(
            url=response.url, requested_url=response.request.url if response.request else response.url,
            status=response.status, body=response.body,
            encoding=getattr(response, "encoding", None),
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1") or None,
            portal=self.name, hints=hints or {},
        )

    def parse_article(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            self.crawler.stats.inc_value("newsbot/skipped/not_html")
            return
        yield self.page_item(response, response.meta.get("hints"))

    def on_error(self, failure):
        """Errback: count the final failure of a request (after retries) in
        ``newsbot/errors/<kind>`` (kinds: :func:`newsbot.middlewares.failure_kind`, e.g.
        ``http_404``, ``timeout``, ``too_large``) and log it once at WARNING. Redirects refused
        by the safety check are counted and logged by the middleware
        (``newsbot/redirect_refused/<reason>``) and not again here."""
        exc = failure.value
        if isinstance(exc, RequestRefused):
            return
        kind = failure_kind(exc)
        self.crawler.stats.inc_value(f"newsbot/errors/{kind}")
        request = getattr(failure, "request", None)
        url = request.url if request is not None else getattr(getattr(exc, "response", None), "url", "?")
        retries = request.meta.get("retry_times", 0) if request is not None else 0
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if detail.startswith("[<twisted.python.failure.Failure "):  # a list of Twisted failures
            detail = detail[len("[<twisted.python.failure.Failure "):].split(":")[0]
        self.logger.warning("Failed %s: %s (%s)%s", url, kind, detail,
                            f" after {retries} retries" if retries else "")


class PortalSpider(PageSpider):
    """A portal crawled from its feeds and sitemaps.

    Subclasses set ``portal`` (a :class:`~newsbot.portals.Portal`); ``name`` and
    ``allowed_domains`` follow from it. Arguments: ``since`` / ``until`` (``YYYY-MM-DD``, UTC;
    default the last 2 days), ``limit`` (max article requests), ``lang`` (comma-separated
    editions). Entries dated outside the window are not fetched; undated ones are fetched and
    checked after extraction. Article URLs are stripped of tracking parameters before they are
    requested, so a page found in a feed and a sitemap is fetched once.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.portal is not None:
            cls.name = cls.portal.name
            cls.allowed_domains = list(cls.portal.domains)

    @classmethod
    def check_arguments(cls, since=None, until=None, limit=None, lang=None, **kwargs):
        """Validate spider arguments; raise ``ValueError`` with one line on the first bad one."""
        parse_window(since, until)
        parse_limit(limit)
        cls.portal.select_editions(lang)
        unknown = set(kwargs) - {"_job"}
        if unknown:
            raise ValueError(f"unknown argument {', '.join(sorted(unknown))} for {cls.name}")

    def __init__(self, since=None, until=None, limit=None, lang=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.window = parse_window(since, until)
        self.limit = parse_limit(limit)
        self.editions = self.portal.select_editions(lang)
        self.scheduled = 0

    async def start(self):
        for edition in self.editions:
            for template in self.portal.feeds:
                yield scrapy.Request(edition.url(template), callback=self.parse_discovery,
                                     errback=self.on_error, meta={"edition": edition.lang}, priority=10)
            for template in self.portal.sitemaps:
                yield scrapy.Request(edition.url(template), callback=self.parse_discovery,
                                     errback=self.on_error, meta={"edition": edition.lang}, priority=10)

    def _edition(self, lang: str) -> Edition:
        return next(e for e in self.portal.editions if e.lang == lang)

    def parse_discovery(self, response):
        """Feed or sitemap (gzip allowed, decompressed as it is parsed): follow child sitemaps,
        request article pages. At most ``NEWSBOT_MAX_SITEMAP_URLS`` entries are read from one
        document (``newsbot/discovery/truncated`` counts documents cut there) and at most
        ``MAX_SITEMAP_BYTES`` decompressed (``newsbot/errors/sitemap_too_large``)."""
        source = self._xml_body(response)
        kind = sniff(source) if source is not None else None
        if kind is None:
            if source is not None:
                self.crawler.stats.inc_value("newsbot/discovery/not_xml")
                self.logger.warning("Not a feed or sitemap: %s", response.url)
            return
        self.crawler.stats.inc_value(f"newsbot/discovery/{kind}")
        cap = self.crawler.settings.getint("NEWSBOT_MAX_SITEMAP_URLS", MAX_ENTRIES)
        entries = (parse_feed if kind in ("rss", "atom") else parse_sitemap)(source, max_entries=cap)
        edition = response.meta["edition"]
        for entry in self._read(entries, response, cap, source):
            if entry.kind == "sitemap":
                if self._in_window(entry.modified, lastmod=True):
                    yield response.follow(entry.url, callback=self.parse_discovery, errback=self.on_error,
                                          meta={"edition": edition}, priority=10)
                continue
            request = self.article_request(entry, edition, response)
            if request is not None:
                yield request

    def _read(self, entries, response, cap: int, source):
        try:
            yield from entries
        except Truncated:
            self.crawler.stats.inc_value("newsbot/discovery/truncated")
            self.logger.warning("Read only the first %d entries of %s", cap, response.url)
        if getattr(source, "exceeded", False):
            self.crawler.stats.inc_value("newsbot/errors/sitemap_too_large")
            self.logger.warning("Stopped reading %s after %d decompressed bytes", response.url, MAX_SITEMAP_BYTES)

    def article_request(self, entry, edition_lang: str, response):
        """A request for a discovered article, or ``None`` when its URL is not an article of
        the portal, its date is outside the window, or the ``limit`` is reached."""
        url = strip_tracking(response.urljoin(entry.url))
        if not self.portal.is_article_url(url):
            self.crawler.stats.inc_value("newsbot/skipped/not_article_url")
            return None
        published = entry.published or (entry.modified if entry.kind == "page" and not entry.published else None)
        if not self._in_window(published):
            self.crawler.stats.inc_value("newsbot/skipped/out_of_window")
            return None
        if self.limit is not None and self.scheduled >= self.limit:
            self.crawler.stats.inc_value("newsbot/skipped/limit")
            return None
        self.scheduled += 1
        edition = self.portal.edition_of(url) or self._edition(edition_lang)
        hints = {"published": entry.published, "language": edition.lang}
        if edition.machine_translated:
            hints["machine_translated"] = True
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error, meta={"hints": hints})

    def _in_window(self, value: str | None, lastmod: bool = False) -> bool:
        """True when ``value`` parses inside the window (or is missing / unparseable). With
        ``lastmod``, only the lower bound applies: a sitemap modified after ``until`` can still
        list older pages."""
        parsed = dates.parse_date(value, self.portal.rules.timezone) if value else None
        if parsed is None:
            return True
        if lastmod:
            return parsed.value >= self.window[0]
        if not parsed.has_time:  # a day-only date matches the window's days
            return self.window[0].date() <= parsed.value.date() <= self.window[1].date()
        return self.window[0] <= parsed.value <= self.window[1]

    def _xml_body(self, response):
        """The response body as a binary file object: gzip bodies (``.xml.gz`` served without
        ``Content-Encoding``) are decompressed lazily, at most ``MAX_SITEMAP_BYTES``; ``None``
        (counted in ``newsbot/errors/bad_gzip``) when the gzip header is broken."""
        body = response.body
        if body[:2] != b"\x1f\x8b":
            return io.BytesIO(body)
        stream = _CappedReader(gzip.GzipFile(fileobj=io.BytesIO(body)), MAX_SITEMAP_BYTES)
        try:
            stream.peek()
        except (OSError, EOFError):
            self.crawler.stats.inc_value("newsbot/errors/bad_gzip")
            self.logger.warning("Broken gzip body: %s", response.url)
            return None
        return stream


class _CappedReader(io.RawIOBase):
    """A read-only binary stream over ``raw`` that ends (as at EOF) after ``limit`` bytes and
    then sets ``exceeded``; seeking to 0 starts again."""

    def __init__(self, raw, limit: int):
        self.raw, self.limit, self.read_bytes, self.exceeded = raw, limit, 0, False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        self.raw.seek(offset, whence)
        self.read_bytes = self.raw.tell()
        return self.read_bytes

    def peek(self) -> bytes:
        head = self.raw.read(1)
        self.seek(0)
        return head

    def readinto(self, buffer) -> int:
        room = self.limit - self.read_bytes
        if room <= 0:
            if self.raw.read(1):
                self.exceeded = True
            return 0
        chunk = self.raw.read(min(len(buffer), room))
        buffer[:len(chunk)] = chunk
        self.read_bytes += len(chunk)
        return len(chunk)
