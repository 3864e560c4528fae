"""Base spiders: discovery from feeds and sitemaps, the date window, and the page item."""
from __future__ import annotations

import gzip
import io
from datetime import datetime

import scrapy

from ..arguments import parse_limit, parse_window
from ..discovery import parse_feed, parse_sitemap, sniff
from ..extraction import dates
from ..extraction.urls import strip_tracking
from ..items import ArticlePage
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
        """Errback: count the failure by kind (``newsbot/errors/<ExceptionName>`` or
        ``http_<status>``); Scrapy's own middlewares already logged it once."""
        exc = failure.value
        response = getattr(exc, "response", None)
        kind = f"http_{response.status}" if response is not None else type(exc).__name__
        self.crawler.stats.inc_value(f"newsbot/errors/{kind}")


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
        """Feed or sitemap (gzip allowed): follow child sitemaps, request article pages."""
        data = self._xml_body(response)
        kind = sniff(data) if data else None
        if kind is None:
            self.crawler.stats.inc_value("newsbot/discovery/not_xml")
            self.logger.warning("Not a feed or sitemap: %s", response.url)
            return
        self.crawler.stats.inc_value(f"newsbot/discovery/{kind}")
        entries = parse_feed(data) if kind in ("rss", "atom") else parse_sitemap(data)
        edition = response.meta["edition"]
        for entry in entries:
            if entry.kind == "sitemap":
                if self._in_window(entry.modified, lastmod=True):
                    yield response.follow(entry.url, callback=self.parse_discovery, errback=self.on_error,
                                          meta={"edition": edition}, priority=10)
                continue
            request = self.article_request(entry, edition, response)
            if request is not None:
                yield request

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

    def _xml_body(self, response) -> bytes | None:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
                    body = fh.read(MAX_SITEMAP_BYTES + 1)
            except (OSError, EOFError):
                self.crawler.stats.inc_value("newsbot/errors/bad_gzip")
                return None
            if len(body) > MAX_SITEMAP_BYTES:
                self.crawler.stats.inc_value("newsbot/errors/sitemap_too_large")
                return None
        return body
