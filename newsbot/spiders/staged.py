"""The Scrapy side of a crawl read from a source plan: the requests of each edition's probes
and stages, what settles them (an answer, a failure, a request the scheduler dropped), the
article requests and their backlog, and what happens when the scheduler runs dry. Where each
edition stands is :class:`~newsbot.progress.PlanProgress`'s, which link becomes an article
request :class:`~newsbot.admission.Admission`'s; how each document is read is the callbacks'
(:class:`~newsbot.spiders.portal.PortalSpider`)."""
from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from ..admission import ADMITTED, HELD, Admission
from ..backlog import Backlog
from ..blocks import Blocked
from ..extraction import dates
from ..extraction.hints import Hints
from ..incremental import Incremental
from ..middlewares import failure_kind
from ..plan import Source
from ..progress import PlanProgress, Stage
from ..robots import RobotsTxtUnavailable
from ..sources import SourceBook, Tally
from ..stats import BACKFILL, BACKLOG, DATED_AHEAD, DISCOVERY, SKIPPED
from .base import PageSpider

STAGE = "newsbot_stage"  # meta key: (edition, stage index) of a stage's root request
PROBE = "newsbot_probe"  # meta key: the edition of a robots.txt or home page request
CHILD = "newsbot_child"  # meta key: a child sitemap settling its index's stage (STAGE)


class StagedSpider(PageSpider):
    """A spider reading the discovery sources of ``portal`` by the stages of its plan.

    Subclasses set ``editions`` (the :class:`~newsbot.portals.Edition` list to crawl),
    ``mode``, ``window`` and ``limit``, then call :meth:`start_plan`; they give
    :meth:`request` (a :class:`~newsbot.plan.Source` to its request), and their callbacks
    yield what :meth:`root_done` gives once a root source is answered and what
    :meth:`probe_done` gives once a probe is. Failures (:meth:`on_error`) and requests the
    scheduler drops settle them here.
    """

    progress: PlanProgress
    admission: Admission
    backlog: Backlog

    def start_plan(self) -> None:
        """Start the crawl's plan state: where each edition stands, the links admitted so far,
        and a backlog of 2,000 (``NEWSBOT_MAX_QUEUED`` once the crawler is known)."""
        self.backlog = Backlog(2000)
        self.progress = PlanProgress(self.portal, self.mode, self.window)
        self._readers: dict[str, tuple] = {}  # a root document's URL -> the stage that requested it first
        self._waiting: dict[tuple, list[dict]] = {}  # stage key -> metas of other stages' roots it reads
        self.admission = Admission(self.portal, self.window, self.limit, {e.lang for e in self.editions})

    def request(self, source: Source, **meta) -> scrapy.Request:
        """The request reading ``source``, ``meta`` added to its meta (the subclass's)."""
        raise NotImplementedError

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        """The spider, with its backlog of ``NEWSBOT_MAX_QUEUED``, its source book and its
        handlers of the ``spider_idle`` and ``request_dropped`` signals."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.backlog = Backlog(crawler.settings.getint("NEWSBOT_MAX_QUEUED"))
        spider.sources = SourceBook(crawler, spider.logger, spider.name)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_dropped, signal=signals.request_dropped)
        return spider

    async def start(self):
        """Every selected edition's probes (robots.txt, home page), or with
        ``NEWSBOT_STANDARD_DISCOVERY`` off the first stage of its plan."""
        standard = self.crawler.settings.getbool("NEWSBOT_STANDARD_DISCOVERY", True)
        for edition in self.editions:
            if standard:
                for source in self.progress.probe(edition.lang):
                    yield self.request(source, **{PROBE: edition.lang})
            else:
                for request in self._stage_requests(edition.lang, 0, self.progress.plan(edition.lang)):
                    yield request

    def probe_done(self, lang: str) -> list[scrapy.Request]:
        """A probe of edition ``lang`` settled: once it was the last, the requests of the first
        stage of its plan."""
        found = self.progress.probe_settled(lang)
        if found is None:
            return []
        if found.sitemaps or found.feeds or found.rest_root:
            self.logger.info("%s (%s) announces %d sitemaps, %d feeds%s", self.name, lang, len(found.sitemaps),
                             len(found.feeds), ", a REST root" if found.rest_root else "")
        return self._stage_requests(lang, 0, self.progress.plan(lang, found))

    def _stage_requests(self, lang: str, index: int, stage: Stage | None) -> list[scrapy.Request]:
        """The root requests of ``stage``, stage ``index`` of edition ``lang`` just started
        (``None``: the plan has no such stage, a warning when an earlier one gave nothing)."""
        if stage is None:
            if index:
                self.logger.warning("No backfill source of %s (%s) answered", self.name, lang)
                self.crawler.stats.inc_value(BACKFILL("no_source"))
            return []
        if self.mode == "backfill":
            self.crawler.stats.inc_value(BACKFILL(f"stage_{index}"))
        for source in stage.sources:
            self._readers.setdefault(source.url, tuple(stage.key))
        return [self.request(source, **{STAGE: stage.key}) for source in stage.sources]

    def root_done(self, meta: dict, ok: bool) -> list[scrapy.Request]:
        """A request of ``meta`` (its meta) was settled, ``ok`` when it answered with something
        usable: when it is a root of a stage, booked; the next stage's requests when every root
        of a backfill stage failed, else ``[]``."""
        key = meta.get(STAGE)
        if key is None:
            return []
        following = self.progress.root_settled(key, ok)
        requests = []
        outcome = self.progress.outcome(key)
        if outcome is not None:  # the stages whose roots this one read settle with it
            for waiting in self._waiting.pop(tuple(key), []):
                requests += self.root_done(waiting, outcome)
        if following is None:
            return requests
        lang = key[0]
        tried = ", ".join(f"{s.kind} {s.url}" for s in self.progress.sources(lang, following - 1))
        self.logger.info("Backfill source of %s (%s) gave nothing: %s; trying the next", self.name, lang, tried)
        return requests + self._stage_requests(lang, following, self.progress.start(lang, following))

    def _read_by_another(self, meta: dict) -> list[scrapy.Request]:
        """A root request the scheduler refused as a duplicate (meta ``meta``): another
        edition's stage requested the same document first, so this root settles as that stage
        does, answered or not (at once when it settled already, else when it does); a document
        no other stage reads counts as answered."""
        reader = self._readers.get(meta["source"].url)
        if reader is None or reader == tuple(meta[STAGE]):
            return self.root_done(meta, ok=True)
        outcome = self.progress.outcome(reader)
        if outcome is not None:
            return self.root_done(meta, ok=outcome)
        self._waiting.setdefault(reader, []).append(meta)
        return []

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
            self.sources.book(source, failure.value.kind)
        else:
            super().on_error(failure)
            if source is not None:
                self.sources.book(source, "blocked" if isinstance(failure.value, Blocked)
                          else failure_kind(failure.value, request.url if request is not None else None))
        self.backlog.settled(request)
        yield from self.root_done(meta, ok=False)
        if meta.get(PROBE):
            yield from self.probe_done(meta[PROBE])
        yield from self.backlog.take()

    def _on_dropped(self, request, spider=None):
        """A request the scheduler refused (a duplicate) frees its place in the backlog; a
        refused probe counts as read (its edition's plan starts without it). A refused root
        settles as the stage that reads the same document (:meth:`_read_by_another`); a refused child sitemap
        (:data:`CHILD`: an index listing itself, or indexes listing each other) gave its stage
        nothing."""
        self.backlog.settled(request)
        if request.meta.get(STAGE) is not None:
            settled = (self.root_done(request.meta, ok=False) if request.meta.get(CHILD)
                       else self._read_by_another(request.meta))
            for following in settled:
                self.crawler.engine.crawl(following)
        lang = request.meta.get(PROBE)
        if lang and self.progress.probing(lang):
            for following in self.probe_done(lang):
                self.crawler.engine.crawl(following)

    def _on_idle(self, spider):
        """Nothing left in the scheduler: the backlog's count restarts at zero (requests
        filtered before the scheduler never came back) and its documents are read on; when
        nothing waits there, the plain sitemap entries a wrong pattern left out are judged
        (:meth:`~newsbot.admission.Admission.release`). Requests scheduled here do not pass the
        spider middlewares, so the seen-store judges them here
        (:meth:`~newsbot.incremental.Incremental.admit`): one it skips frees its place."""
        if spider is not self:
            return
        if not self.backlog:
            self._release_unmatched()
        if not self.backlog:
            return
        self.backlog.restart()
        self.crawler.stats.inc_value(BACKLOG("waits"))
        scheduled = False
        ledger = self.crawler.get_extension(Incremental)
        for request in self.backlog.take():
            if ledger is not None and ledger.admit(request, self.portal) is None:
                self.backlog.settled(request)
                continue
            self.crawler.engine.crawl(request)
            scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- article requests ------------------------------------------------------------------------

    def _release_unmatched(self) -> None:
        """Into the backlog: the left-out plain sitemap entries of each edition whose patterns
        matched no link; the others' are counted as skipped."""
        for lang, held, fallback in self.admission.release():
            if not fallback:
                self.crawler.stats.inc_value(SKIPPED("not_article_url"), len(held))
                continue
            self.logger.warning("No article pattern of %s matched a link of the %s edition: its %d plain sitemap "
                                "entries are fetched and judged by their content", self.name, lang, len(held))
            self.crawler.stats.inc_value(DISCOVERY("pattern_fallback"), len(held))
            self.backlog.add(self._candidates(held, lang))

    def _candidates(self, held: list, lang: str):
        """The article requests of the ``held`` entries of edition ``lang``, judged as
        candidates, made lazily as the backlog takes them."""
        for entry in held:
            request = self.article_request(entry, lang, None, candidate=True)
            if request is not None:
                yield request

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

    def _due_again(self, url: str, entry) -> bool:
        """True when the link ``url``, listed again by ``entry`` (a
        :class:`~newsbot.discovery.Entry`), was skipped as seen by an earlier listing whose
        dates were older, and ``entry``'s dates make it due
        (:meth:`~newsbot.incremental.Incremental.reconsider`)."""
        ledger = self.crawler.get_extension(Incremental)
        return ledger is not None and ledger.reconsider(url, (entry.published, entry.modified), self.portal.timezone)

    def article_request(self, entry, lang: str, response, tally: Tally | None = None, candidate: bool = False):
        """A request for a discovered article, or ``None`` when its URL is not an article of
        the portal (for a ``candidate``, an entry its source lists as an article: not on the
        portal's domains, or denied; otherwise also matching no ``allow`` pattern), its date is
        outside the window (unless it was published before the window, updated inside it and
        delivered by an earlier run; a date ahead of a window that ends at the clock is
        counted in ``newsbot/skipped/dated_ahead`` and the first 5 such links named in the list
        ``newsbot/dated_ahead``), or the ``limit`` is reached, or it was requested already (a link
        skipped as seen is requested again when this entry dates it later than the stored
        article: :meth:`_due_again`, the earlier listing then counted as ``listed_twice``
        in its stead). ``tally`` counts the entry's link and
        whether a pattern matched it. Its
        :class:`~newsbot.extraction.hints.Hints`: the entry's dates and title, the edition's
        language, the sitemap entry's hreflang alternates, and for a machine-translated edition
        ``machine_translated`` and ``original_url``."""
        url = self._canonical(entry.url, response)
        if url is None:
            return None
        published = entry.published or (entry.modified if entry.kind == "page" else None)
        ledger = self.crawler.get_extension(Incremental)
        verdict = self.admission.judge(url, lang, published, tally, candidate, updated=entry.modified,
                                       delivered=ledger.delivered if ledger is not None else None)
        if verdict == "dated_ahead":
            ahead = self.crawler.stats.get_value(DATED_AHEAD) or []
            if len(ahead) < 5:  # the date ISO 8601, as every date newsbot writes (the portal's zone if none)
                parsed = dates.parse_date(published, self.portal.timezone)
                self.crawler.stats.set_value(DATED_AHEAD, [*ahead, {"url": url, "date": parsed.value.isoformat()
                                                                    if parsed is not None else published}])
        if verdict == "listed_twice" and self._due_again(url, entry):
            self.crawler.stats.inc_value(SKIPPED(verdict))  # the earlier listing, skipped in its stead
            verdict = ADMITTED
        if verdict == HELD:
            self.admission.hold(lang, dataclasses.replace(entry, url=url, alternates={
                k: response.urljoin(v) for k, v in entry.alternates.items()}))
            return None
        if verdict != ADMITTED:
            self.crawler.stats.inc_value(SKIPPED(verdict))
            return None
        edition = self.portal.edition_of(url) or self.portal.edition(lang)
        hints = Hints(
            published=entry.published, modified=entry.modified, title=entry.title, language=edition.lang,
            translations={hreflang: self.portal.canonical_url(response.urljoin(href) if response is not None else href)
                          for hreflang, href in entry.alternates.items()},
            machine_translated=edition.machine_translated,
            original_url=self.portal.original_url(url) if edition.machine_translated else None)
        return self.article_page(url, hints)
