"""Base spiders: discovery from feeds, sitemaps and listing pages (modes ``latest`` and
``backfill``), the date window, blocks, and the page item."""
from __future__ import annotations

import gzip
import io
from collections import deque
from datetime import datetime
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from ..arguments import parse_limit, parse_switch, parse_window
from ..discovery import MAX_ENTRIES, Truncated, declares_dtd, parse_feed, parse_sitemap, sniff
from ..extraction import dates
from ..items import ArticlePage
from ..listings import parse_listing
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
            headers={k.decode("latin-1"): v[-1].decode("latin-1") for k, v in response.headers.items() if v},
            portal=self.name, hints=hints or {},
        )

    def parse_article(self, response):
        """Callback of article requests: the ``ArticlePage`` item of an HTML response
        (non-HTML responses are counted in ``newsbot/skipped/not_html``)."""
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
        chain = request.meta.get("redirect_urls") if request is not None else None
        if chain:
            url = f"{chain[0]} (redirected to {url})"
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if detail.startswith("[<twisted.python.failure.Failure "):  # a list of Twisted failures
            detail = detail[len("[<twisted.python.failure.Failure "):].split(":")[0]
        self.logger.warning("Failed %s: %s (%s)%s", url, kind, detail,
                            f" after {retries} retries" if retries else "")


class PortalSpider(PageSpider):
    """A portal crawled from its feeds, sitemaps and listing pages (the generic family).

    Subclasses set ``portal`` (a :class:`~newsbot.portals.Portal`); ``name`` and
    ``allowed_domains`` follow from it. Arguments: ``mode`` (``latest``, the default: feeds,
    news sitemaps and the first listing pages; ``backfill``: the sources of
    :meth:`backfill_stages` tried in order per edition, the next one only when every root
    request of the previous failed), ``since`` / ``until`` (``YYYY-MM-DD``, UTC; default the
    last 2 days), ``limit`` (max article requests), ``lang`` (comma-separated editions).

    Entries dated outside the window are not fetched (child sitemaps whose ``lastmod`` is
    before ``since`` neither); undated ones are fetched and checked after extraction. Article
    URLs are canonicalised (:meth:`~newsbot.portals.Portal.canonical_url`) before they are
    requested, so a page found in a feed and a sitemap is fetched once. Article requests of a
    sitemap or feed are yielded lazily: at most ``NEWSBOT_MAX_QUEUED`` wait in the scheduler,
    the rest stay in the parsed document's entry iterator (``newsbot/backlog/waits``
    counts refills). A 403 or a challenge page is counted in ``newsbot/blocked/<portal>``,
    logged once and never becomes a record.
    """

    MODES = ("latest", "backfill")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.portal is not None:
            cls.name = cls.portal.name
            cls.allowed_domains = list(cls.portal.domains)

    @classmethod
    def check_arguments(cls, since=None, until=None, limit=None, lang=None, mode=None, **kwargs):
        """Validate spider arguments; raise ``ValueError`` with one line on the first bad one."""
        parse_window(since, until)
        parse_limit(limit)
        cls.portal.select_editions(lang)
        if mode not in (None, "", *cls.MODES):
            raise ValueError(f"mode={mode!r} is not one of {', '.join(cls.MODES)}")
        parse_switch("incremental", kwargs.get("incremental"))
        unknown = set(kwargs) - {"_job", "incremental"}
        if unknown:
            raise ValueError(f"unknown argument {', '.join(sorted(unknown))} for {cls.name}")

    def __init__(self, since=None, until=None, limit=None, lang=None, mode=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.window = parse_window(since, until)
        self.limit = parse_limit(limit)
        self.editions = self.portal.select_editions(lang)
        self.mode = mode or "latest"
        self.scheduled = 0
        self._backlog: deque = deque()  # iterators of article requests not yet scheduled
        self._queued = 0  # article requests handed to the scheduler and not answered yet
        self._stages: dict[str, list[list[scrapy.Request]]] = {}
        self._stage_pending: dict[tuple[str, int], int] = {}
        self._stage_ok: set[tuple[str, int]] = set()
        self._blocked_logged = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_queued = max(1, crawler.settings.getint("NEWSBOT_MAX_QUEUED", 2000))
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_dropped, signal=signals.request_dropped)
        return spider

    def _on_dropped(self, request, spider=None):
        """A queued article request the scheduler refused (a duplicate) frees its place."""
        if request.meta.get("queued"):
            self._queued -= 1

    # -- start: latest sources, or the first backfill stage of each edition --------------------

    async def start(self):
        """Start requests: the latest-mode sources of every selected edition, or the first
        backfill stage of each."""
        for edition in self.editions:
            if self.mode == "backfill":
                for request in self._start_stage(edition.lang, 0):
                    yield request
                continue
            for template in self.portal.feeds + self.portal.news_sitemaps:
                yield self.discovery_request(edition.url(template), edition)
            for template in self.portal.listings:
                for page in range(1, self.portal.latest_listing_pages + 1):
                    yield self.listing_request(edition, template, page, paginate=False)

    def discovery_request(self, url: str, edition: Edition, **meta) -> scrapy.Request:
        """A request for a feed or sitemap of ``edition``."""
        return scrapy.Request(url, callback=self.parse_discovery, errback=self.on_error,
                              meta={"edition": edition.lang, **meta}, priority=10)

    def listing_request(self, edition: Edition, template: str, page: int, paginate: bool, **meta):
        """A request for page ``page`` of a listing (``template`` with ``{page}``)."""
        return scrapy.Request(edition.url(template, page=page), callback=self.parse_listing,
                              errback=self.on_error, priority=5,
                              meta={"edition": edition.lang, "template": template, "page": page,
                                    "paginate": paginate, **meta})

    def backfill_stages(self, edition: Edition) -> list[list[scrapy.Request]]:
        """Backfill sources of ``edition`` in order of preference, each a list of root
        requests: the sitemaps (indexes followed down to their urlsets), then the paginated
        listings."""
        stages = []
        if self.portal.sitemaps:
            stages.append([self.discovery_request(edition.url(t), edition) for t in self.portal.sitemaps])
        if self.portal.listings:
            stages.append([self.listing_request(edition, t, 1, paginate=True) for t in self.portal.listings])
        return stages

    def _start_stage(self, lang: str, index: int):
        if lang not in self._stages:
            self._stages[lang] = self.backfill_stages(self._edition(lang))
        stages = self._stages[lang]
        if index >= len(stages):
            if index:
                self.logger.warning("No backfill source of %s (%s) answered", self.name, lang)
                self.crawler.stats.inc_value("newsbot/backfill/no_source")
            return []
        self._stage_pending[(lang, index)] = len(stages[index])
        self.crawler.stats.inc_value(f"newsbot/backfill/stage_{index}")
        return [r.replace(meta={**r.meta, "stage": (lang, index)}) for r in stages[index]]

    def _root_done(self, meta: dict, ok: bool):
        """Book the answer of a root request of a backfill stage; the next stage's requests
        when every root of this one failed."""
        stage = meta.get("stage")
        if stage is None:
            return []
        stage = tuple(stage)
        if ok:
            self._stage_ok.add(stage)
        self._stage_pending[stage] -= 1
        if self._stage_pending[stage] == 0 and stage not in self._stage_ok:
            self.logger.info("Backfill source %d of %s (%s) gave nothing; trying the next", stage[1], self.name, stage[0])
            return self._start_stage(stage[0], stage[1] + 1)
        return []

    def _edition(self, lang: str) -> Edition:
        return next(e for e in self.portal.editions if e.lang == lang)

    # -- callbacks -----------------------------------------------------------------------------

    def parse_discovery(self, response):
        """Feed or sitemap (gzip allowed, decompressed as it is parsed): follow child sitemaps,
        request article pages. At most ``NEWSBOT_MAX_SITEMAP_URLS`` entries are read from one
        document (``newsbot/discovery/truncated`` counts documents cut there) and at most
        ``MAX_SITEMAP_BYTES`` decompressed (``newsbot/errors/sitemap_too_large``)."""
        if self._blocked(response):
            yield from self._root_done(response.meta, ok=False)
            return
        source = self._xml_body(response)
        kind = sniff(source) if source is not None else None
        yield from self._root_done(response.meta, ok=kind is not None)
        if kind is None:
            if source is not None:
                self.crawler.stats.inc_value("newsbot/discovery/not_xml")
                self.logger.warning("Not a feed or sitemap: %s", response.url)
            return
        self.crawler.stats.inc_value(f"newsbot/discovery/{kind}")
        if declares_dtd(source):  # removed before parsing: its entities are never defined
            self.crawler.stats.inc_value("newsbot/discovery/dtd_ignored")
            self.logger.warning("Ignored the document type declaration of %s", response.url)
        cap = self.crawler.settings.getint("NEWSBOT_MAX_SITEMAP_URLS", MAX_ENTRIES)
        entries = (parse_feed if kind in ("rss", "atom") else parse_sitemap)(source, max_entries=cap)
        edition = response.meta["edition"]
        if kind == "sitemapindex":
            for entry in self._read(entries, response, cap, source):
                if entry.kind == "sitemap" and self._in_window(entry.modified, lastmod=True):
                    yield response.follow(entry.url, callback=self.parse_discovery, errback=self.on_error,
                                          meta={"edition": edition}, priority=10)
                elif entry.kind == "sitemap":
                    self.crawler.stats.inc_value("newsbot/skipped/sitemap_out_of_window")
            return
        requests = (self.article_request(entry, edition, response)
                    for entry in self._read(entries, response, cap, source) if entry.kind == "page")
        self._backlog.append(r for r in requests if r is not None)
        yield from self._refill()

    def _read(self, entries, response, cap: int, source):
        try:
            yield from entries
        except Truncated:
            self.crawler.stats.inc_value("newsbot/discovery/truncated")
            self.logger.warning("Read only the first %d entries of %s", cap, response.url)
        if getattr(source, "exceeded", False):
            self.crawler.stats.inc_value("newsbot/errors/sitemap_too_large")
            self.logger.warning("Stopped reading %s after %d decompressed bytes", response.url, MAX_SITEMAP_BYTES)

    def parse_listing(self, response):
        """A listing page: request its article links; in backfill, follow the next page
        (``rel=next`` or the template's next number) while the page had article links, its
        last dated one (listings run newest first; pinned teasers sit on top) is not before
        ``since``, and ``max_listing_pages`` is not reached."""
        if self._blocked(response):
            yield from self._root_done(response.meta, ok=False)
            return
        yield from self._root_done(response.meta, ok=True)
        self.crawler.stats.inc_value("newsbot/discovery/listing")
        entries, next_url = parse_listing(response.body, response.url)
        edition = response.meta["edition"]
        articles = [e for e in entries if (u := self._canonical(e.url, response)) and self.portal.is_article_url(u)]
        for entry in articles:
            request = self.article_request(entry, edition, response)
            if request is not None:
                yield request
        page = response.meta["page"]
        if not response.meta.get("paginate") or not articles:
            return
        parsed = [dates.parse_date(e.published, self.portal.rules.timezone) for e in articles if e.published]
        parsed = [p for p in parsed if p is not None]
        if parsed and parsed[-1].value.date() < self.window[0].date():  # newest first: the last is the oldest
            self.crawler.stats.inc_value("newsbot/backfill/listing_past_since")
            return
        if page >= self.portal.max_listing_pages:
            self.crawler.stats.inc_value("newsbot/backfill/listing_page_cap")
            return
        next_url = next_url or self._edition(edition).url(response.meta["template"], page=page + 1)
        meta = {k: v for k, v in response.meta.items() if k in ("edition", "template", "paginate")}
        yield scrapy.Request(next_url, callback=self.parse_listing, errback=self.on_error, priority=5,
                             meta={**meta, "page": page + 1})

    def parse_article(self, response):
        """Free the request's place in the article queue, then yield its page item."""
        if response.meta.get("queued"):
            self._queued -= 1
        if not self._blocked(response):
            yield from super().parse_article(response)
        yield from self._refill()

    def on_error(self, failure):
        """Errback: a 403 counts as blocked (``newsbot/blocked/<portal>``); any failure is
        counted as :meth:`PageSpider.on_error` does; a failed root request of a backfill stage
        may start the next stage; a failed article request frees its place in the queue."""
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        response = getattr(failure.value, "response", None)
        if response is None or not self._blocked(response):
            super().on_error(failure)
        if meta.get("queued"):
            self._queued -= 1
        yield from self._root_done(meta, ok=False)
        yield from self._refill()

    # -- article requests ------------------------------------------------------------------------

    def _canonical(self, url: str, response) -> str | None:
        """The portal's canonical form of a discovered link, or ``None`` (counted in
        ``newsbot/skipped/bad_url``) for a link that does not parse (``http://[::1``, port 99999)."""
        try:
            canonical = self.portal.canonical_url(response.urljoin(url))
            urlsplit(canonical).port  # noqa: B018 (raises ValueError for a port out of range)
            return canonical
        except ValueError:
            self.crawler.stats.inc_value("newsbot/skipped/bad_url")
            return None

    def article_request(self, entry, edition_lang: str, response):
        """A request for a discovered article, or ``None`` when its URL is not an article of
        the portal, its date is outside the window, or the ``limit`` is reached. Hints passed
        to extraction: ``published``, ``language`` (the edition's), ``translations``
        (hreflang alternates of a sitemap entry), and for a machine-translated edition
        ``machine_translated`` and ``original_url``."""
        url = self._canonical(entry.url, response)
        if url is None:
            return None
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
        hints = {"published": entry.published, "lastmod": entry.modified, "language": edition.lang}
        if entry.alternates:
            hints["translations"] = {lang: self.portal.canonical_url(response.urljoin(href))
                                     for lang, href in entry.alternates.items()}
        if edition.machine_translated:
            hints["machine_translated"] = True
            hints["original_url"] = self.portal.original_url(url)
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error, meta={"hints": hints})

    def _refill(self):
        """Article requests from the backlog while fewer than ``max_queued`` are waiting."""
        while self._backlog and self._queued < self.max_queued:
            try:
                request = next(self._backlog[0])
            except StopIteration:
                self._backlog.popleft()
                continue
            self._queued += 1
            request.meta["queued"] = True
            yield request

    def _on_idle(self, spider):
        """Nothing left in the scheduler: requests filtered before the scheduler (offsite,
        already stored) never came back, so the queue count restarts at zero and the backlog
        is read on."""
        if spider is not self or not self._backlog:
            return
        self._queued = 0
        self.crawler.stats.inc_value("newsbot/backlog/waits")
        scheduled = False
        for request in self._refill():
            self.crawler.engine.crawl(request)
            scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- blocks ----------------------------------------------------------------------------------

    def _blocked(self, response) -> bool:
        """True (counted in ``newsbot/blocked/<portal>``, logged once a crawl) when
        ``response`` is a refusal: HTTP 403, or a bot challenge page (:func:`is_challenge`)."""
        if response.status != 403 and not is_challenge(response):
            return False
        self.crawler.stats.inc_value(f"newsbot/blocked/{self.name}")
        if not self._blocked_logged:
            self._blocked_logged = True
            self.logger.warning("%s refuses the crawler (HTTP %s at %s); further refusals are only "
                                "counted in newsbot/blocked/%s", self.name, response.status, response.url, self.name)
        return True

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


_CHALLENGE_MARKERS = (b"<title>Just a moment...</title>", b"_cf_chl_opt", b"cf-browser-verification",
                      b"Attention Required! | Cloudflare", b"geo.captcha-delivery.com")


def is_challenge(response) -> bool:
    """True when ``response`` is a bot-check page rather than content: the ``cf-mitigated:
    challenge`` header (Cloudflare), or a known challenge marker in the first 32 KiB of the
    body (Cloudflare "Just a moment..." / "Attention Required!", DataDome captcha)."""
    if (response.headers.get("cf-mitigated") or b"").lower() == b"challenge":
        return True
    head = response.body[:32768]
    return any(m in head for m in _CHALLENGE_MARKERS)


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
