"""The portal spider: one class for every portal of the registry, crawling it from the
discovery sources of its plan (:mod:`newsbot.plan`). Its callbacks read each kind of
document; the stages they advance and the article requests they make are
:class:`~newsbot.spiders.staged.StagedSpider`'s."""
from __future__ import annotations

import scrapy

from ..arguments import parse_limit, parse_switch
from ..autodiscovery import announced_feeds, rest_root, robots_sitemaps
from ..discovery import MAX_SITEMAP_BYTES, Truncated, declares_dtd, document, parse_feed, parse_sitemap, sniff
from ..listings import parse_listing, parse_wp_posts
from ..plan import MODES, Source, child_sitemap, next_listing_page, next_wp_api_page
from ..portals import Portal
from ..sources import Tally
from ..stats import BACKFILL, DISCOVERY, ERRORS, SKIPPED
from ..window import DateWindow
from .staged import CHILD, STAGE, StagedSpider

DEAD = [404, 410]  # statuses a discovery source may answer: a missing endpoint, not a failed request


class PortalSpider(StagedSpider):
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

    Which links become article requests is :class:`~newsbot.admission.Admission`'s: entries of
    feeds, news sitemaps (entries with a publication date) and REST collections are candidates
    whatever the ``allow`` patterns say (``deny`` still holds); the patterns filter listing
    links and plain sitemap entries. A document whose links on the portal's domains no
    ``allow`` pattern matches is counted in ``newsbot/discovery/pattern_matched_none`` and
    logged once. The plain sitemap entries of an edition whose patterns matched no link by the
    time the crawl runs dry are fetched as candidates (``newsbot/discovery/pattern_fallback``);
    otherwise they count in ``newsbot/skipped/not_article_url``.

    Entries dated outside the window are not fetched (child sitemaps whose ``lastmod`` is
    before ``since`` neither; in latest mode, children without ``lastmod`` neither), except one
    published before it, updated inside it and delivered by an earlier run
    (:meth:`~newsbot.admission.Admission.judge`); those dated ahead of a window that ends at the
    clock count as ``dated_ahead``. Undated ones are fetched and checked after extraction. Article
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
        self.start_plan()

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
        if not self._dead(response):
            tally = Tally(self.portal.timezone)
            usable = True
            if source.kind == "robots":
                sitemaps = self._bounded(robots_sitemaps(response.body, response.url), response.url)
                self.progress.announce(source.edition, sitemaps=sitemaps)
                tally.entries = len(sitemaps)
            elif isinstance(response, scrapy.http.TextResponse):
                feeds = announced_feeds(response.body, response.url)
                link = (response.headers.get("Link") or b"").decode("latin-1")
                root = rest_root(response.body, response.url, link)
                self.progress.announce(source.edition, feeds=feeds, rest_root=root)
                tally.entries = len(feeds) + bool(root)
            else:
                usable = False  # a home page that is no HTML
            self.sources.book(source, "answered" if usable else "unusable", tally, response.status)
        yield from self.probe_done(source.edition)

    def _bounded(self, sitemaps: list[str], url: str) -> list[str]:
        """The first ``NEWSBOT_MAX_ROBOTS_SITEMAPS`` of the sitemaps a robots.txt at ``url``
        announces; the lines left out are counted in ``newsbot/discovery/robots_sitemaps_left_out``
        and logged once, at WARNING."""
        cap = self.crawler.settings.getint("NEWSBOT_MAX_ROBOTS_SITEMAPS")
        if len(sitemaps) <= cap:
            return sitemaps
        self.crawler.stats.inc_value(DISCOVERY("robots_sitemaps_left_out"), len(sitemaps) - cap)
        self.logger.warning("%s lists %d sitemaps: reading the first %d, %d left out (NEWSBOT_MAX_ROBOTS_SITEMAPS)",
                            url, len(sitemaps), cap, len(sitemaps) - cap)
        return sitemaps[:cap]

    # -- callbacks -------------------------------------------------------------------------------

    def parse_discovery(self, response):
        """Feed or sitemap (gzip allowed, decompressed as it is parsed): follow child sitemaps,
        request article pages. At most ``NEWSBOT_MAX_SITEMAP_URLS`` entries are read from one
        document (``newsbot/discovery/truncated`` counts documents cut there) and at most
        ``MAX_SITEMAP_BYTES`` decompressed (``newsbot/errors/sitemap_too_large``)."""
        if self._dead(response):
            yield from self.root_done(response.meta, ok=False)
            return
        origin = response.meta["source"]
        source = document(response.body)
        if source is None:
            self.crawler.stats.inc_value(ERRORS("bad_gzip"))
            self.logger.warning("Broken gzip body: %s", response.url)
        kind = sniff(source) if source is not None else None
        if kind != "sitemapindex":  # an index is settled once its children are requested
            yield from self.root_done(response.meta, ok=kind is not None)
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
            yield from self._children(response, origin, entries, cap, source)
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

    def _children(self, response, origin: Source, entries, cap: int, source):
        """The child sitemaps of a sitemap index: requested (those the window leaves out
        counted), each settling the index's stage like a root of its own (meta
        :data:`~newsbot.spiders.staged.STAGE`, and :data:`~newsbot.spiders.staged.CHILD`), so a
        backfill stage whose indexes lead to no sitemap that answers (children that fail, that
        loop back to an index already read, or none at all) gives way to the next stage. An
        index whose children all lie outside the window answered: it has nothing to give."""
        depth = origin.depth + 1
        if depth > self.crawler.settings.getint("NEWSBOT_MAX_SITEMAP_DEPTH"):
            self.crawler.stats.inc_value(DISCOVERY("too_deep"))
            self.logger.warning("Not following the sitemap index %s: %d levels below a root sitemap "
                                "(NEWSBOT_MAX_SITEMAP_DEPTH)", response.url, depth - 1)
            yield from self.root_done(response.meta, ok=False)
            return
        tally = Tally(self.portal.timezone)
        children, left_out = [], 0
        stage = response.meta.get(STAGE)
        meta = {STAGE: stage, CHILD: True} if stage is not None else {}
        for entry in self._read(entries, response, cap, source):
            if entry.kind == "sitemap":
                tally.add(entry)
                child = child_sitemap(origin, response.urljoin(entry.url), entry.modified, self.mode, self.window)
                if isinstance(child, Source):
                    children.append(self.request(child, **meta))
                else:
                    left_out += 1
                    self.crawler.stats.inc_value(SKIPPED(child))
        self.sources.book(origin, "answered", tally, response.status)
        if stage is not None:
            self.progress.roots_added(stage, len(children))
        yield from self.root_done(response.meta, ok=not children and left_out > 0)
        yield from children

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
            yield from self.root_done(response.meta, ok=False)
            return
        yield from self.root_done(response.meta, ok=True)
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
        self.admission.count_matched(source.edition, tally.matched)
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
        yield self.request(next_listing_page(self.portal.edition(source.edition), source, next_url))

    def parse_wp_api(self, response):
        """One page of a WordPress REST collection: request its posts, then the next page
        (while ``X-WP-TotalPages`` says more, or a full page came back). A REST route that
        answers something else than a JSON array counts in ``newsbot/backfill/wp_api_unavailable``."""
        entries = parse_wp_posts(response.body) if response.status < 400 else None
        yield from self.root_done(response.meta, ok=entries is not None)
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
        following = next_wp_api_page(self.portal.edition(source.edition), source, self.window, pages, len(entries))
        if following is not None:
            yield self.request(following)
