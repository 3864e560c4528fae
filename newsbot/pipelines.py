"""Item pipelines: page → record (extraction), date window, validation, deduplication,
revision.

Every dropped item raises ``DropItem`` and counts in ``newsbot/dropped/<reason>``.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import DropItem
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from .api import record_of
from .extraction.pagination import article_key, join_pages, same_article
from .extraction.urls import fingerprint, strip_tracking
from .extraction.record import COUNTED
from .incremental import Incremental
from .logs import failure_level
from .middlewares import FETCHED_AT
from .portals import registry
from .schema import validator
from .seenstore import is_unchanged
from .stats import DROPPED, ENCODING, FIELD, MALFORMED, PAGES, RECORDS, SKIPPED
from .workers import ExtractionPool, worker_count


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
    Counts ``newsbot/field/<name>/<layer>`` for every counted field served and
    ``newsbot/field/<name>/missing`` for every counted field left empty."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.provenance = self.settings.getbool("NEWSBOT_PROVENANCE")
        self.portals = registry(self.settings)
        self.pool = ExtractionPool(worker_count(self.settings.getint("NEWSBOT_EXTRACT_WORKERS")))
        self.max_pages = self.settings.getint("NEWSBOT_ARTICLE_PAGES")
        self.articles: set[tuple] = set()  # keys of the articles printed over pages joined this run

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
        record = record_of(ex, getattr(spider, "name", None) or (owner.name if owner else "article"), self.provenance)
        for name in COUNTED:
            self.stats.inc_value(FIELD(name, ex.provenance.get(name) or "missing"))
        if ex.pages.several and self.max_pages > 1:
            record = await self._whole_article(ex, record, spider, item.get("hints"), portal, owner)
        return record

    async def _extract(self, url, body, content_type, fetched_at, hints, portal, owner):
        """The :class:`~newsbot.extraction.Extraction` of one page, in a worker, with the rules
        of ``owner``'s layout at ``fetched_at``; its charset and malformed JSON-LD counted."""
        ex = await self.pool.extract(html=body, url=url, hints=hints,
                                     rules=owner.rules_for(fetched_at) if owner else None,
                                     content_type=content_type,
                                     non_article=bool(portal and (not portal.owns(url) or portal.denies(url))),
                                     domains=owner.domains if owner else ())
        self.stats.inc_value(ENCODING(ex.encoding))
        if ex.jsonld_errors:
            self.stats.inc_value(MALFORMED("jsonld"), ex.jsonld_errors)
        return ex

    async def _whole_article(self, ex, record: dict, spider, hints, portal, owner) -> dict:
        """The record of an article printed over several pages (``ex`` one of them, ``record``
        its record): from its first page (fetched when ``ex`` is a later page), the following
        ``rel=next`` pages are fetched, up to ``NEWSBOT_ARTICLE_PAGES`` pages, and their bodies
        joined (:func:`~newsbot.extraction.pagination.join_pages`); when they do not lead to
        ``ex``'s page, it and the pages after it are joined after them. An article already
        joined in this run, from another of its pages, is dropped (``duplicate``) before
        anything is fetched for it again. When the first page cannot be read, the page alone is
        the record, under the first page's URL as its canonical URL unless it names another.
        A page that cannot be read (its failure counted and logged by the spider's errback, or
        ``newsbot/skipped/not_html``), a next page that is another article's (a redirect
        elsewhere, a page that reads as no article: ``newsbot/pages/other``) and the page limit
        (``newsbot/pages/cut``) end the article there and flag it ``partial``. Counts
        ``newsbot/pages/joined`` (pages added to a first page's record)."""
        key = article_key(ex.pages.first or record["url"])
        if key in self.articles:
            _drop(self.stats, "duplicate", f"{record['url']}: a page of an article joined already")
        self.articles.add(key)
        given = (ex, record)
        if ex.pages.first:
            first = await self._page(ex.pages.first, spider, hints, portal, owner)
            if first is None:  # the page alone, under the article's identity, as a later run will write it
                if _same_page(record["canonical_url"], record["url"]):
                    article = strip_tracking(ex.pages.first)
                    record = {**record, "canonical_url": article, "id": fingerprint(article)}
                return join_pages([record], missing=1)
            ex, record = first
        records = [record]
        have = {given[1]["url"]: given}
        missing, last = await self._follow(ex, records, have, spider, hints, portal, owner)
        if not any(r is given[1] for r in records) and not missing and given[0].pages.number > last.pages.number:
            # the pages before it do not lead to the page the crawl reached: it follows them
            missing = given[0].pages.number > last.pages.number + 1
            records.append(given[1])
            missing = (await self._follow(given[0], records, have, spider, hints, portal, owner))[0] or missing
        self.stats.inc_value(PAGES("joined"), len(records) - 1)
        return join_pages(records, int(missing))

    async def _follow(self, ex, records: list[dict], have: dict, spider, hints, portal, owner):
        """Append to ``records`` the record of each next page from ``ex`` on (a page in ``have``,
        ``{url: (extraction, record)}``, is not fetched again); returns ``(missing, last)``:
        whether the article ended early (a page failed, was another article's, or the page
        limit was reached) and the extraction of the last page appended."""
        while ex.pages.next:
            if len(records) >= self.max_pages:
                self.stats.inc_value(PAGES("cut"))
                return True, ex
            url = ex.pages.next
            page = have.get(url) or await self._page(url, spider, hints, portal, owner)
            if page is None:
                return True, ex
            following_ex, following = page
            if following["url"] in {r["url"] for r in records}:
                return False, ex  # a page leading back to one already read
            if not same_article(following["url"], strip_tracking(url)) or not (following_ex.pages.number >= 2
                                                                or following_ex.is_article):
                self.stats.inc_value(PAGES("other"))
                level, note = failure_level(self.crawler, "other_article_page")
                spider.logger.log(level, "Next page %s of an article is no page of it (%s): the article ends "
                                  "before it%s", url, following["url"], note)
                return True, ex
            records.append(following)
            ex = following_ex
        return False, ex

    async def _page(self, url: str, spider, hints, portal, owner):
        """``(extraction, record)`` of one more page of an article, downloaded through the
        crawl's downloader middlewares (robots.txt, the address check, retries, the archive);
        ``None`` when it fails (counted and logged by ``spider.on_error``) or is no HTML page
        (counted in ``newsbot/skipped/not_html``)."""
        request = scrapy.Request(url, dont_filter=True)
        try:
            response = await self.crawler.engine.download_async(request)
            if response.status != 200:
                raise HttpError(response, f"article page answered {response.status}")
        except Exception as exc:  # every download failure goes to the errback that counts them
            failure = Failure(exc)
            failure.request = request
            spider.on_error(failure)
            return None
        if not isinstance(response, scrapy.http.HtmlResponse):
            self.stats.inc_value(SKIPPED("not_html"))
            level, note = failure_level(self.crawler, "not_html")
            spider.logger.log(level, "Page %s of an article is no HTML page (%s): the article ends before it%s",
                              url, (response.headers.get("Content-Type") or b"?").decode("latin-1"), note)
            return None
        ex = await self._extract(response.url, response.body,
                                 (response.headers.get("Content-Type") or b"").decode("latin-1") or None,
                                 response.meta.get(FETCHED_AT), hints, portal, owner)
        return ex, record_of(ex, spider.name, self.provenance)


def _same_page(url: str, other: str) -> bool:
    """``url`` and ``other`` name the same page, the scheme and a trailing ``/`` aside."""
    a, b = urlsplit(url), urlsplit(other)
    return (a.netloc.lower(), a.path.rstrip("/"), a.query) == (b.netloc.lower(), b.path.rstrip("/"), b.query)


class DateWindowPipeline(_Pipeline):
    """Drop records published outside the spider's date window
    (:meth:`newsbot.window.DateWindow.admits`, the rule discovery applies too: a day-only date
    matches the window's days; reason ``out_of_window``). Records without a date pass
    (flagged ``no_date``)."""

    def process_item(self, item, spider=None):
        window = getattr(self.spider_of(spider), "window", None)
        if window is not None and not window.admits(item.get("date_published"),
                                                    day_only="day_only" in item.get("quality_flags", ())):
            _drop(self.stats, "out_of_window", f"{item['url']} published {item['date_published']}")
        return item


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
    the run holds with the same content hash and ``date_modified`` is dropped (``unchanged``);
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
            _drop(self.stats, "unchanged", item["url"])
        stored = [p.revision for p in previous if p is not None and not is_unchanged(p, item)]
        item["revision"] = max(stored) + 1 if stored else 1
        if item["revision"] > 1:
            self.stats.inc_value(RECORDS("revised"))
        return item
