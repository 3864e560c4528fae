"""Item pipelines: page → record (extraction), date window, validation, deduplication,
revision.

Every dropped item raises ``DropItem`` and counts in ``newsbot/dropped/<reason>`` (``unchanged``
once an article: :meth:`~newsbot.incremental.Incremental.count_stored`).
"""
from __future__ import annotations

import logging
from collections import Counter

from scrapy.exceptions import DropItem

from .api import record_of
from .articlepages import ArticlePages
from .extraction.record import COUNTED
from .incremental import Incremental
from .portals import registry
from .schema import validator
from .seenstore import is_unchanged
from .logs import failure_level
from .stats import DROPPED, ENCODING, FIELD, MALFORMED, RECORDS, SAME_TITLE, WORKERS
from .workers import ExtractionPool, ExtractionTimeout, WorkerDied, death_line, worker_count

logger = logging.getLogger(__name__)


def _drop(stats, reason: str, message: str):
    stats.inc_value(DROPPED(reason))
    raise DropItem(f"{reason}: {message}")


class _Pipeline:
    """Common part of the pipelines: built from the crawler, with its stats and settings;
    :meth:`spider_of` is the running spider (Scrapy >= 2.13 no longer passes it to
    ``process_item``)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.settings = crawler.settings

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_of(self, spider=None):
        return spider if spider is not None else getattr(self.crawler, "spider", None)


class ExtractPipeline(_Pipeline):
    """Turn an ``ArticlePage`` into a record dict with :func:`extract_article` (in a worker
    process of :mod:`newsbot.workers`), using the rules of the spider's portal (or of the
    registry's portal owning the URL; generic otherwise), in the layout of the page's fetch date.
    Pages of a portal spider whose URL is off the portal's domains or denied, and pages whose
    content does not say article (:mod:`newsbot.extraction.kind`), are dropped (``not_article``).
    The pages of an article printed over several are joined into one record
    (:class:`~newsbot.articlepages.ArticlePages`; its other pages give none: ``duplicate``).
    Counts ``newsbot/field/<name>/<layer>`` for every counted field served and
    ``newsbot/field/<name>/missing`` for every counted field left empty, and the title most
    pages share (``newsbot/same_title``); each extraction worker
    that dies in ``newsbot/workers/died`` (logged at WARNING the first time, then at DEBUG), and
    a page whose worker died twice is dropped (``worker_died``: the run's summary fails), and so
    is a page a worker took longer than ``NEWSBOT_EXTRACT_TIMEOUT`` seconds over
    (``extraction_timeout``, logged at WARNING the first time, then at DEBUG)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.provenance = self.settings.getbool("NEWSBOT_PROVENANCE")
        self.portals = registry(self.settings)
        self.pool = ExtractionPool(worker_count(self.settings.getint("NEWSBOT_EXTRACT_WORKERS")),
                                   on_death=self._worker_died,
                                   timeout=self.settings.getfloat("NEWSBOT_EXTRACT_TIMEOUT"))
        self.pool.start()  # its fork server's imports run while the rest of the crawl starts
        self.pages = ArticlePages(crawler, self.settings.getint("NEWSBOT_ARTICLE_PAGES"))
        self.titles: Counter[str] = Counter()

    def close_spider(self, spider=None):
        """Stop the extraction workers."""
        self.pool.close()

    async def process_item(self, item, spider=None):
        spider = self.spider_of(spider)
        if isinstance(item, dict) and "id" in item:
            return item  # already a record
        portal = getattr(spider, "portal", None)
        owner = portal or self.portals.for_url(item["url"])
        ex = await self._extract(item["url"], item["body"], item.get("content_type"), item.get("fetched_at"),
                                 item.get("hints"), portal, owner)
        if not ex.is_article:
            _drop(self.stats, "not_article", item["url"])
        record = record_of(ex, owner, self.provenance)
        ledger = self.crawler.get_extension(Incremental)
        if ledger is not None:
            ledger.note_listed(record, item.get("hints"), portal.timezone if portal else None)
        for name in COUNTED:
            self.stats.inc_value(FIELD(name, ex.provenance.get(name) or "missing"))
        self._count_title(record.get("title"))
        if ex.pages.several and self.pages.max_pages > 1:
            async def extract(url, body, content_type, fetched_at):
                page = await self._extract(url, body, content_type, fetched_at, item.get("hints"), portal, owner)
                return page, record_of(page, owner, self.provenance)

            whole = await self.pages.whole(ex, record, spider, extract)
            if whole is None:
                _drop(self.stats, "duplicate", f"{item['url']}: a page of an article joined already")
            record = whole
        return record

    def _count_title(self, title: str | None) -> None:
        """Count ``title`` (white space folded, case ignored) among the run's; the title most
        extracted articles share so far, with their number, is the stat
        :data:`~newsbot.stats.SAME_TITLE` (the monitors take one most of a run shares for a
        site name, not a headline)."""
        if not title:
            return
        k = " ".join(title.split()).casefold()
        self.titles[k] += 1
        top = self.stats.get_value(SAME_TITLE) or {}
        if self.titles[k] > top.get("count", 0):
            self.stats.set_value(SAME_TITLE, {"text": title, "count": self.titles[k]})

    def _worker_died(self, pages: int) -> None:
        """The pool's ``on_death``: count the death, log it once (then at DEBUG)."""
        self.stats.inc_value(WORKERS("died"))
        level, note = failure_level(self.crawler, "worker_died")
        logger.log(level, "%s%s", death_line(pages), note)

    async def _extract(self, url, body, content_type, fetched_at, hints, portal, owner):
        """The :class:`~newsbot.extraction.Extraction` of one page, in a worker, with the rules
        of ``owner``'s layout at ``fetched_at``; its charset and malformed JSON-LD counted.
        Raises ``DropItem`` (``worker_died``) when the page's worker died twice,
        (``extraction_timeout``) when it passed the pool's deadline."""
        try:
            ex = await self.pool.extract(html=body, url=url, hints=hints,
                                         rules=owner.rules_for(fetched_at) if owner else None,
                                         content_type=content_type,
                                         non_article=bool(portal and (not portal.owns(url) or portal.denies(url))),
                                         domains=owner.domains if owner else ())
        except WorkerDied:
            _drop(self.stats, "worker_died", f"{url}: its extraction worker died twice")
        except ExtractionTimeout as exc:
            level, note = failure_level(self.crawler, "extraction_timeout")
            logger.log(level, "Dropped %s (extraction_timeout): NEWSBOT_EXTRACT_TIMEOUT%s", exc, note)
            _drop(self.stats, "extraction_timeout", str(exc))
        self.stats.inc_value(ENCODING(ex.encoding))
        if ex.jsonld_errors:
            self.stats.inc_value(MALFORMED("jsonld"), ex.jsonld_errors)
        return ex

class DateWindowPipeline(_Pipeline):
    """Drop records published outside the spider's date window
    (:meth:`newsbot.window.DateWindow.admits`, the rule discovery applies too: a day-only date
    matches the window's days; reason ``out_of_window``), except an article an output stream
    of the run delivered earlier whose ``date_modified`` the window admits (or that has none):
    a correction of an older article, written again as its next revision when it changed.
    A record published after the end of a window that ends at the clock is dropped as
    ``dated_ahead`` (:meth:`~newsbot.window.DateWindow.ahead`): a later run, its window ending
    later, fetches it again. Records without a date pass (flagged ``no_date``). A dropped page is kept in the seen-store
    (:meth:`~newsbot.incremental.Incremental.outside`), so it is not downloaded again while the
    window leaves it out and its listing date does not move."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.ledger = None

    def process_item(self, item, spider=None):
        window = getattr(self.spider_of(spider), "window", None)
        if window is None or window.admits(item.get("date_published"),
                                           day_only="day_only" in item.get("quality_flags", ())):
            return item
        if self.ledger is None:
            self.ledger = self.crawler.get_extension(Incremental)
        if self.ledger is not None:
            if any(p is not None for p in self.ledger.previous(item)) and window.admits(item.get("date_modified")):
                return item
            self.ledger.outside(item)
        _drop(self.stats, "dated_ahead" if window.ahead(item.get("date_published")) else "out_of_window",
              f"{item['url']} published {item['date_published']}")


class ValidatePipeline(_Pipeline):
    """Check each record against the record's JSON Schema (:mod:`newsbot.schema`). A record
    without title or body, or otherwise invalid, is dropped (``invalid/<field>``) and logged at
    ERROR: it means the portal's markup changed and the run must fail loudly."""

    def process_item(self, item, spider=None):
        spider = self.spider_of(spider)
        errors = list(validator().iter_errors(item))
        if errors:
            err = errors[0]
            where = err.path[0] if err.path else (err.message.split("'")[1] if "'" in err.message else "record")
            if spider is not None:
                spider.logger.error("Invalid record from %s: %s: %s", item.get("url"), where, err.message[:200])
            _drop(self.stats, f"invalid/{where}", item.get("url", "?"))
        return item


class DeduplicatePipeline(_Pipeline):
    """Drop a record whose ``id`` (canonical URL fingerprint) was already written in this run
    (reason ``duplicate``)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item, spider=None):
        if item["id"] in self.seen:
            _drop(self.stats, "duplicate", item["url"])
        self.seen.add(item["id"])
        self.stats.inc_value(RECORDS())
        return item


class IncrementalPipeline(_Pipeline):
    """Give each record its ``revision`` and drop what earlier runs already wrote.

    With the seen-store on (:mod:`newsbot.incremental`): a record that every output stream of
    the run holds with the same content hash and ``date_modified`` (or none,
    :func:`~newsbot.seenstore.is_unchanged`) is dropped (``unchanged``),
    its stored entries given the pages it was found by as aliases
    and the listing date it was fetched under
    (:meth:`~newsbot.incremental.Incremental.keep_checked`);
    a changed one gets the stored revision + 1 (counted in ``newsbot/records/revised``); a new
    one revision 1. Each output file then writes the record with its own stream's revision, or
    not at all where that stream has it unchanged (:mod:`newsbot.exporters`). With the store off
    (``-a incremental=false``, ``-O``), every record is revision 1."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.ledger = None

    def process_item(self, item, spider=None):
        if self.ledger is None:
            self.ledger = self.crawler.get_extension(Incremental)
        previous = self.ledger.previous(item) if self.ledger is not None else []
        if previous and all(p is not None and is_unchanged(p, item) for p in previous):
            self.ledger.count_stored(item["url"], DROPPED("unchanged"), item["id"])  # once an article, whichever page
            self.ledger.keep_checked(item, previous)
            raise DropItem(f"unchanged: {item['url']}")
        stored = [p.revision for p in previous if p is not None and not is_unchanged(p, item)]
        item["revision"] = max(stored) + 1 if stored else 1
        if item["revision"] > 1:
            self.stats.inc_value(RECORDS("revised"))
        return item
