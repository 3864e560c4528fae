"""The portal spider: one class for every portal of the registry, crawling it from the
discovery sources of its plan (:mod:`newsbot.plan`)."""
from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from ..arguments import parse_limit, parse_switch
from ..autodiscovery import announced_feeds, rest_root, robots_sitemaps
from ..backlog import Backlog
from ..blocks import Blocked
from ..discovery import MAX_ENTRIES, MAX_SITEMAP_BYTES, Truncated, declares_dtd, document, parse_feed, parse_sitemap, sniff
from ..extraction.hints import Hints
from ..listings import parse_listing, parse_wp_posts
from ..middlewares import failure_kind
from ..plan import MODES, WP_PER_PAGE, Found, Source, listing_page, probes, stages, wp_api_page
from ..portals import Portal, registry
from ..robots import RobotsTxtUnavailable
from ..sources import SourceBook, Tally
from ..window import DateWindow
from .base import PageSpider
from ..stats import BACKFILL, BACKLOG, DISCOVERY, ERRORS, SKIPPED

STAGE = "newsbot_stage"  # meta key: (edition, stage index) of a backfill stage's root request
PROBE = "newsbot_probe"  # meta key: the edition of a robots.txt or home page request
DEAD = [404, 410]  # statuses a discovery source may answer: a missing endpoint, not a failed request
MAX_UNMATCHED = MAX_ENTRIES  # plain sitemap entries an edition keeps for the fallback of a wrong pattern


class PortalSpider(PageSpider):
    """A portal crawled from its feeds, sitemaps, listing pages and REST API.

    The spider loader makes one subclass per portal of the registry, with ``portal`` set;
    ``name`` and ``allowed_domains`` follow from it. Arguments: ``mode`` (``latest``, the
    default, or ``backfill``: see :mod:`newsbot.plan`), ``since`` / ``until`` (``YYYY-MM-DD``,
    UTC; default the last 2 days), ``limit`` (max article requests), ``lang``
    (comma-separated editions), ``incremental`` (true/false).

    Each edition starts with its robots.txt and home page (:func:`newsbot.plan.probes`, unless
    ``NEWSBOT_STANDARD_DISCOVERY`` is off); the sitemaps, feeds and REST root they announce come
    before the portal file's endpoints. A discovery source answering 404 or 410 is a missing
    endpoint, not a failed request: every root source's outcome per edition goes into
    ``newsbot/source/<edition>/<kind>/<outcome>`` and the list ``newsbot/sources``.

    Entries of feeds, news sitemaps (entries with a publication date) and REST collections are
    article candidates whatever the ``allow`` patterns say (``deny`` still holds); the
    patterns filter listing links and plain sitemap entries, and the pages fetched are judged
    by their content in the pipeline. A document whose links on the portal's domains no
    ``allow`` pattern matches is counted in ``newsbot/discovery/pattern_matched_none`` and
    logged once. When the patterns matched no link of an edition at all by the time the crawl
    runs dry, they are wrong: the plain sitemap entries they left out (at most
    ``MAX_UNMATCHED``) are then fetched as candidates (``newsbot/discovery/pattern_fallback``);
    otherwise they count in ``newsbot/skipped/not_article_url``.

    Entries dated outside the window are not fetched (child sitemaps whose ``lastmod`` is
    before ``since`` neither; in latest mode, children without ``lastmod`` neither); undated
    ones are fetched and checked after extraction. Article
    URLs are canonicalised (:meth:`~newsbot.portals.Portal.canonical_url`) before they are
    requested, so a page found in a feed and a sitemap is fetched once. Article requests of a
    sitemap or feed wait in a :class:`~newsbot.backlog.Backlog` of ``NEWSBOT_MAX_QUEUED``
    (``newsbot/backlog/waits`` counts refills when the scheduler ran dry).
    """

    @classmethod
    def for_portal(cls, portal: Portal) -> type[PortalSpider]:
        """The spider class of ``portal`` (one class a portal object)."""
        camel = "".join(part.capitalize() for part in portal.name.split("_"))
        return type(f"{camel}Spider", (cls,), {
            "portal": portal, "name": portal.name, "allowed_domains": list(portal.domains),
            "__module__": __name__, "__doc__": f"{portal.name}: the portal of {portal.source or 'the registry'}."})

    @classmethod
    def check_arguments(cls, since=None, until=None, limit=None, lang=None, mode=None, **kwargs):
        """Validate spider arguments; raise ``ValueError`` with one line on the first bad one."""
        DateWindow.from_arguments(since, until)
        parse_limit(limit)
        cls.portal.select_editions(lang)
        if mode not in (None, "", *MODES):
            raise ValueError(f"mode={mode!r} is not one of {', '.join(MODES)}")
        parse_switch("incremental", kwargs.get("incremental"))
        unknown = set(kwargs) - {"_job", "incremental"}
        if unknown:
            raise ValueError(f"unknown argument {', '.join(sorted(unknown))} for {cls.name}")

    def __init__(self, since=None, until=None, limit=None, lang=None, mode=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.window = DateWindow.from_arguments(since, until, self.portal.timezone)
        self.limit = parse_limit(limit)
        self.editions = self.portal.select_editions(lang)
        self.mode = mode or "latest"
        self.scheduled = 0
        self.backlog = Backlog(2000)
        self._stages: dict[str, list[list[Source]]] = {}
        self._pending: dict[tuple[str, int], int] = {}
        self._answered: set[tuple[str, int]] = set()
        self._found: dict[str, dict] = {}
        self._probing: dict[str, int] = {}
        self._matched: dict[str, int] = {}
        self._requested: set[str] = set()
        self._unmatched: dict[str, list] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.backlog = Backlog(crawler.settings.getint("NEWSBOT_MAX_QUEUED"))
        spider.sources = SourceBook(crawler, spider.logger, spider.name)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_dropped, signal=signals.request_dropped)
        return spider

    # -- sources ---------------------------------------------------------------------------------

    async def start(self):
        """Every selected edition's probes (robots.txt, home page), or with
        ``NEWSBOT_STANDARD_DISCOVERY`` off the first stage of its plan."""
        standard = self.crawler.settings.getbool("NEWSBOT_STANDARD_DISCOVERY", True)
        for edition in self.editions:
            if standard:
                sources = probes(edition)
                self._probing[edition.lang] = len(sources)
                self._found[edition.lang] = {"sitemaps": [], "feeds": [], "rest_root": None}
                for source in sources:
                    yield self.request(source, **{PROBE: edition.lang})
            else:
                for request in self._plan(edition.lang, Found()):
                    yield request

    def _plan(self, lang: str, found: Found) -> list[scrapy.Request]:
        self._stages[lang] = stages(self.portal, self.portal.edition(lang), self.mode, self.window, found)
        return self._start_stage(lang, 0)

    def request(self, source: Source, **meta) -> scrapy.Request:
        """The request reading ``source`` (404 and 410 answers reach its callback)."""
        callback = {"listing": self.parse_listing, "wp_api": self.parse_wp_api,
                    "robots": self.parse_probe, "home": self.parse_probe}.get(source.kind, self.parse_discovery)
        return scrapy.Request(source.url, callback=callback, errback=self.on_error,
                              priority=20 if source.kind in ("robots", "home") else 5 if source.kind == "listing" else 10,
                              meta={"source": source, "handle_httpstatus_list": DEAD, **meta})

    # -- outcomes of the root sources ------------------------------------------------------------

    def _dead(self, response) -> bool:
        """True (the source booked, its stage told) for a 404 / 410 answer."""
        if response.status < 400:
            return False
        source = response.meta["source"]
        self.sources.book(source, f"http_{response.status}", status=response.status)
        return True

    # -- probes ----------------------------------------------------------------------------------

    def parse_probe(self, response):
        """robots.txt (its ``Sitemap:`` lines) or the home page (its ``<link rel="alternate">``
        feeds and its REST root, ``<link>`` or ``Link`` header) of an edition; when both are
        read, the edition's plan starts with what they announced."""
        source = response.meta["source"]
        found = self._found[source.edition]
        if not self._dead(response):
            tally = Tally(self.portal.timezone)
            usable = True
            if source.kind == "robots":
                found["sitemaps"] = robots_sitemaps(response.body, response.url)
                tally.entries = len(found["sitemaps"])
            elif isinstance(response, scrapy.http.TextResponse):
                found["feeds"] = announced_feeds(response.body, response.url)
                link = (response.headers.get("Link") or b"").decode("latin-1")
                found["rest_root"] = rest_root(response.body, response.url, link)
                tally.entries = len(found["feeds"]) + bool(found["rest_root"])
            else:
                usable = False  # a home page that is no HTML
            self.sources.book(source, "answered" if usable else "unusable", tally, response.status)
        yield from self._probe_done(source.edition)

    def _probe_done(self, lang: str) -> list[scrapy.Request]:
        self._probing[lang] -= 1
        if self._probing[lang]:
            return []
        found = self._found[lang]
        if found["sitemaps"] or found["feeds"] or found["rest_root"]:
            self.logger.info("%s (%s) announces %d sitemaps, %d feeds%s", self.name, lang, len(found["sitemaps"]),
                             len(found["feeds"]), ", a REST root" if found["rest_root"] else "")
        return self._plan(lang, Found(tuple(found["sitemaps"]), tuple(found["feeds"]), found["rest_root"]))

    def _start_stage(self, lang: str, index: int) -> list[scrapy.Request]:
        plan = self._stages[lang]
        if index >= len(plan):
            if index:
                self.logger.warning("No backfill source of %s (%s) answered", self.name, lang)
                self.crawler.stats.inc_value(BACKFILL("no_source"))
            return []
        if self.mode == "backfill":
            self.crawler.stats.inc_value(BACKFILL(f"stage_{index}"))
        self._pending[(lang, index)] = len(plan[index])
        return [self.request(source, **{STAGE: (lang, index)}) for source in plan[index]]

    def _root_done(self, meta: dict, ok: bool) -> list[scrapy.Request]:
        """Book the answer of a root request of a stage; the next stage's requests when every
        root of a backfill stage failed."""
        stage = meta.get(STAGE)
        if stage is None:
            return []
        stage = tuple(stage)
        if ok:
            self._answered.add(stage)
        self._pending[stage] -= 1
        if self._pending[stage] == 0 and stage not in self._answered and self.mode == "backfill":
            self.logger.info("Backfill source %d of %s (%s) gave nothing; trying the next", stage[1], self.name, stage[0])
            return self._start_stage(stage[0], stage[1] + 1)
        return []

    # -- callbacks -------------------------------------------------------------------------------

    def parse_discovery(self, response):
        """Feed or sitemap (gzip allowed, decompressed as it is parsed): follow child sitemaps,
        request article pages. At most ``NEWSBOT_MAX_SITEMAP_URLS`` entries are read from one
        document (``newsbot/discovery/truncated`` counts documents cut there) and at most
        ``MAX_SITEMAP_BYTES`` decompressed (``newsbot/errors/sitemap_too_large``)."""
        if self._dead(response):
            yield from self._root_done(response.meta, ok=False)
            return
        origin = response.meta["source"]
        source = document(response.body)
        if source is None:
            self.crawler.stats.inc_value(ERRORS("bad_gzip"))
            self.logger.warning("Broken gzip body: %s", response.url)
        kind = sniff(source) if source is not None else None
        yield from self._root_done(response.meta, ok=kind is not None)
        if kind is None:
            self.sources.book(origin, "unusable", status=response.status)
            if source is not None:
                self.crawler.stats.inc_value(DISCOVERY("not_xml"))
                self.logger.warning("Not a feed or sitemap: %s", response.url)
            return
        self.crawler.stats.inc_value(DISCOVERY(kind))
        if declares_dtd(source):  # removed before parsing: its entities are never defined
            self.crawler.stats.inc_value(DISCOVERY("dtd_ignored"))
            self.logger.warning("Ignored the document type declaration of %s", response.url)
        cap = self.crawler.settings.getint("NEWSBOT_MAX_SITEMAP_URLS")
        entries = (parse_feed if kind in ("rss", "atom") else parse_sitemap)(source, max_entries=cap)
        lang = response.meta["source"].edition
        if kind == "sitemapindex":
            depth = response.meta["source"].depth + 1
            if depth > self.crawler.settings.getint("NEWSBOT_MAX_SITEMAP_DEPTH"):
                self.crawler.stats.inc_value(DISCOVERY("too_deep"))
                self.logger.warning("Not following the sitemap index %s: %d levels below a root sitemap "
                                    "(NEWSBOT_MAX_SITEMAP_DEPTH)", response.url, depth - 1)
                return
            tally = Tally(self.portal.timezone)
            for entry in self._read(entries, response, cap, source):
                if entry.kind != "sitemap":
                    continue
                tally.add(entry)
                if self.mode == "latest" and not entry.modified:
                    self.crawler.stats.inc_value(SKIPPED("sitemap_undated"))
                elif self.window.admits(entry.modified, lower_only=True):
                    yield self.request(Source("sitemap", response.urljoin(entry.url), lang, depth=depth,
                                              origin=origin.origin))
                else:
                    self.crawler.stats.inc_value(SKIPPED("sitemap_out_of_window"))
            self.sources.book(origin, "answered", tally, response.status)
            return
        tally = Tally(self.portal.timezone)
        feed = kind in ("rss", "atom")

        def requests():
            for entry in self._read(entries, response, cap, source):
                if entry.kind != "page":
                    continue
                tally.add(entry)
                # feed and news sitemap entries are article candidates; plain sitemaps are filtered
                request = self.article_request(entry, lang, response, tally, candidate=feed or bool(entry.published))
                if request is not None:
                    yield request
            self.sources.pattern_report(tally, response.url, bool(self.portal.allow))
            self.sources.book(origin, "answered", tally, response.status)

        self.backlog.add(requests())
        yield from self.backlog.take()

    def _read(self, entries, response, cap: int, source):
        try:
            yield from entries
        except Truncated:
            self.crawler.stats.inc_value(DISCOVERY("truncated"))
            self.logger.warning("Read only the first %d entries of %s", cap, response.url)
        if getattr(source, "exceeded", False):
            self.crawler.stats.inc_value(ERRORS("sitemap_too_large"))
            self.logger.warning("Stopped reading %s after %d decompressed bytes", response.url, MAX_SITEMAP_BYTES)

    def parse_listing(self, response):
        """A listing page: request its article links (and in latest mode, from its first page,
        the feeds it announces with ``<link rel="alternate">``); with ``paginate``, follow the next page
        (``rel=next`` or the template's next number) while the page had article links, its
        last dated one (listings run newest first; pinned teasers sit on top) is not before
        ``since``, and ``max_listing_pages`` is not reached."""
        if self._dead(response):
            yield from self._root_done(response.meta, ok=False)
            return
        yield from self._root_done(response.meta, ok=True)
        self.crawler.stats.inc_value(DISCOVERY("listing"))
        source = response.meta["source"]
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        entries, next_url = parse_listing(response.body, response.url, content_type)
        tally = Tally(self.portal.timezone)
        articles = []
        for entry in entries:
            url = self._canonical(entry.url, response)
            if url and self.portal.owns(url) and not self.portal.denies(url):
                tally.links += 1
                if self.portal.is_article_url(url):
                    tally.matched += 1
                    tally.add(entry)
                    articles.append(entry)
        self.sources.pattern_report(tally, response.url, bool(self.portal.allow))
        self._matched[source.edition] = self._matched.get(source.edition, 0) + tally.matched
        self.sources.book(source, "answered", tally, response.status)
        if self.mode == "latest" and source.page == 1:  # a section page the portal names: its feeds
            for feed in announced_feeds(response.body, response.url):
                if self.portal.owns(feed):
                    yield self.request(Source("feed", feed, source.edition, origin="standard"))
        for entry in articles:
            request = self.article_request(entry, source.edition, response)
            if request is not None:
                yield request
        if not source.paginate or not articles:
            return
        if self.window.before_start([e.published for e in articles]):
            self.crawler.stats.inc_value(BACKFILL("listing_past_since"))
            return
        if source.page >= self.portal.max_listing_pages:
            self.crawler.stats.inc_value(BACKFILL("listing_page_cap"))
            return
        following = listing_page(self.portal.edition(source.edition), source.template, source.page + 1, True)
        yield self.request(following if not next_url else Source(
            "listing", next_url, source.edition, source.template, source.page + 1, True))

    def parse_wp_api(self, response):
        """One page of a WordPress REST collection: request its posts, then the next page
        (while ``X-WP-TotalPages`` says more, or a full page came back). A REST route that
        answers something else than a JSON array counts in ``newsbot/backfill/wp_api_unavailable``."""
        entries = parse_wp_posts(response.body) if response.status < 400 else None
        yield from self._root_done(response.meta, ok=entries is not None)
        source = response.meta["source"]
        if entries is None:
            self.crawler.stats.inc_value(BACKFILL("wp_api_unavailable"))
            self.logger.info("No WordPress REST API at %s", response.url)
            self.sources.book(source, f"http_{response.status}" if response.status >= 400 else "unusable", status=response.status)
            return
        self.crawler.stats.inc_value(DISCOVERY("wp_api"))
        tally = Tally(self.portal.timezone)
        for entry in entries:
            tally.add(entry)
            request = self.article_request(entry, source.edition, response, candidate=True)
            if request is not None:
                yield request
        self.sources.book(source, "answered", tally, response.status)
        try:
            pages = int(response.headers.get("X-WP-TotalPages") or 0)
        except ValueError:
            pages = 0
        if source.page < pages or (not pages and len(entries) == WP_PER_PAGE):
            yield self.request(wp_api_page(self.portal.edition(source.edition), source.template,
                                           source.page + 1, self.window, source.root, source.origin))

    def parse_article(self, response):
        """Free the request's place in the backlog, then yield its page item."""
        self.backlog.settled(response.request)
        yield from super().parse_article(response)
        yield from self.backlog.take()

    def on_error(self, failure):
        """Errback: counted as :meth:`PageSpider.on_error` does; a failed REST request counts
        in ``newsbot/backfill/wp_api_unavailable``; a failed root request of a backfill stage may
        start the next stage; a failed article request frees its place in the backlog."""
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        source = meta.get("source")
        if source is not None and source.kind == "wp_api":
            self.crawler.stats.inc_value(BACKFILL("wp_api_unavailable"))
        if isinstance(failure.value, RobotsTxtUnavailable):  # counted by the robots.txt middleware
            self.sources.book(source, "failed")
        else:
            super().on_error(failure)
            if source is not None:
                self.sources.book(source, "blocked" if isinstance(failure.value, Blocked)
                          else failure_kind(failure.value, request.url if request is not None else None))
        self.backlog.settled(request)
        yield from self._root_done(meta, ok=False)
        if meta.get(PROBE):
            yield from self._probe_done(meta[PROBE])
        yield from self.backlog.take()

    def _on_dropped(self, request, spider=None):
        """A request the scheduler refused (a duplicate) frees its place in the backlog; a
        refused probe counts as read (its edition's plan starts without it)."""
        self.backlog.settled(request)
        if request.meta.get(STAGE) is not None:  # another edition reads the same document
            for following in self._root_done(request.meta, ok=True):
                self.crawler.engine.crawl(following)
        lang = request.meta.get(PROBE)
        if lang and self._probing.get(lang):
            for following in self._probe_done(lang):
                self.crawler.engine.crawl(following)

    def _on_idle(self, spider):
        """Nothing left in the scheduler: the backlog's count restarts at zero (requests
        filtered before the scheduler never came back) and its documents are read on; when
        nothing waits there, the plain sitemap entries a wrong pattern left out are judged
        (see the class docstring)."""
        if spider is not self:
            return
        if not self.backlog:
            self._release_unmatched()
        if not self.backlog:
            return
        self.backlog.restart()
        self.crawler.stats.inc_value(BACKLOG("waits"))
        scheduled = False
        for request in self.backlog.take():
            self.crawler.engine.crawl(request)
            scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- article requests ------------------------------------------------------------------------

    def _release_unmatched(self) -> None:
        """Into the backlog: the left-out plain sitemap entries of each edition whose patterns
        matched no link; the others' are counted as skipped."""
        for lang, held in list(self._unmatched.items()):
            del self._unmatched[lang]
            if self._matched.get(lang):
                self.crawler.stats.inc_value(SKIPPED("not_article_url"), len(held))
                continue
            self.logger.warning("No article pattern of %s matched a link of the %s edition: its %d plain sitemap "
                                "entries are fetched and judged by their content", self.name, lang, len(held))
            self.crawler.stats.inc_value(DISCOVERY("pattern_fallback"), len(held))
            requests = (self.article_request(entry, lang, None, candidate=True) for entry in held)
            self.backlog.add(r for r in requests if r is not None)

    def _canonical(self, url: str, response) -> str | None:
        """The portal's canonical form of a discovered link, or ``None`` (counted in
        ``newsbot/skipped/bad_url``) for a link that does not parse (``http://[::1``, port 99999)."""
        try:
            canonical = self.portal.canonical_url(response.urljoin(url) if response is not None else url)
            urlsplit(canonical).port  # noqa: B018 (raises ValueError for a port out of range)
            return canonical
        except ValueError:
            self.crawler.stats.inc_value(SKIPPED("bad_url"))
            return None

    def article_request(self, entry, lang: str, response, tally: Tally | None = None, candidate: bool = False):
        """A request for a discovered article, or ``None`` when its URL is not an article of
        the portal (for a ``candidate``, an entry its source lists as an article: not on the
        portal's domains, or denied; otherwise also matching no ``allow`` pattern), its date is
        outside the window, or the ``limit`` is reached. ``tally`` counts the entry's link and
        whether a pattern matched it. Its
        :class:`~newsbot.extraction.hints.Hints`: the entry's dates and title, the edition's
        language, the sitemap entry's hreflang alternates, and for a machine-translated edition
        ``machine_translated`` and ``original_url``."""
        url = self._canonical(entry.url, response)
        if url is None:
            return None
        matched = self.portal.is_article_url(url)
        eligible = self.portal.owns(url) and not self.portal.denies(url)
        if tally is not None and eligible:
            tally.links += 1
            tally.matched += matched
            self._matched[lang] = self._matched.get(lang, 0) + matched
        if not matched and not (candidate and eligible):
            held = self._unmatched.setdefault(lang, [])
            if eligible and tally is not None and len(held) < MAX_UNMATCHED:
                held.append(dataclasses.replace(entry, url=url, alternates={
                    k: response.urljoin(v) for k, v in entry.alternates.items()}))
            else:
                self.crawler.stats.inc_value(SKIPPED("not_article_url"))
            return None
        if url in self._requested:  # listed by another document too: fetched once
            self.crawler.stats.inc_value(SKIPPED("listed_twice"))
            return None
        published = entry.published or (entry.modified if entry.kind == "page" else None)
        if not self.window.admits(published):
            self.crawler.stats.inc_value(SKIPPED("out_of_window"))
            return None
        if self.limit is not None and self.scheduled >= self.limit:
            self.crawler.stats.inc_value(SKIPPED("limit"))
            return None
        self.scheduled += 1
        self._requested.add(url)
        edition = self.portal.edition_of(url) or self.portal.edition(lang)
        hints = Hints(
            published=entry.published, modified=entry.modified, title=entry.title, language=edition.lang,
            translations={hreflang: self.portal.canonical_url(response.urljoin(href) if response is not None else href)
                          for hreflang, href in entry.alternates.items()},
            machine_translated=edition.machine_translated,
            original_url=self.portal.original_url(url) if edition.machine_translated else None)
        return self.article_page(url, hints)


class PortalByNameSpider(PortalSpider):
    """``portal``: crawl the registered portal named by ``-a name=`` (or ``-a portal=``: scrapyd
    keeps ``name`` for itself); every other argument is that portal's spider's (``mode``,
    ``since``, ``until``, ``limit``, ``lang``)."""

    name = "portal"

    @staticmethod
    def _portal(settings, name: str | None) -> Portal:
        if not name:
            raise ValueError("give the portal with -a name=<portal>")
        portals = registry(settings)
        if name not in portals:
            raise ValueError(f"unknown portal {name!r} (known: {', '.join(sorted(portals))})")
        return portals[name]

    @classmethod
    def check_arguments(cls, name=None, settings=None, portal=None, **kwargs):
        """Validate ``name`` (or ``portal``) and the portal spider's arguments; ``ValueError``
        with one line."""
        from scrapy.utils.project import get_project_settings

        portal = cls._portal(settings or get_project_settings(), name or portal)
        PortalSpider.for_portal(portal).check_arguments(**kwargs)

    @classmethod
    def from_crawler(cls, crawler, *args, name=None, portal=None, **kwargs):
        return PortalSpider.for_portal(cls._portal(crawler.settings, name or portal)).from_crawler(crawler, *args, **kwargs)
