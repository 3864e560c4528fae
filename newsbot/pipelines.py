"""Item pipelines: page → record (extraction), date window, validation, deduplication.

Every dropped item raises ``DropItem`` and counts in ``newsbot/dropped/<reason>``.
"""
from __future__ import annotations

from datetime import datetime, timezone

from scrapy.exceptions import DropItem

from .extraction import extract_article
from .portals import portal_for_url
from .schema import validator

FIELDS = ("title", "date_published", "date_modified", "section", "lead", "body", "authors",
          "tags", "language", "canonical_url")


def _drop(stats, reason: str, message: str):
    stats.inc_value(f"newsbot/dropped/{reason}")
    raise DropItem(f"{reason}: {message}")


class _Pipeline:
    """Common part of the pipelines: built from the crawler, with its stats and settings;
    ``spider`` is the running spider (Scrapy >= 2.13 no longer passes it to ``process_item``)."""

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
    """Turn an ``ArticlePage`` into a record dict with :func:`extract_article`, using the rules
    of the spider's portal (or of the portal owning the URL; generic otherwise). Non-articles
    are dropped (``not_article``). Counts ``newsbot/field/<name>/<layer>`` for every field served
    and ``newsbot/field/<name>/missing`` for every field left empty."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.provenance = self.settings.getbool("NEWSBOT_PROVENANCE")

    def process_item(self, item, spider=None):
        spider = self.spider_of(spider)
        if isinstance(item, dict) and "id" in item:
            return item  # already a record
        portal = getattr(spider, "portal", None) or portal_for_url(item["url"])
        hints = dict(item.get("hints") or {})
        ex = extract_article(item["body"], item["url"], hints=hints,
                             rules=portal.rules if portal else None,
                             content_type=item.get("content_type"),
                             non_article=bool(portal and not portal.is_article_url(item["url"])
                                              and getattr(spider, "check_article_urls", True)))
        self.stats.inc_value(f"newsbot/encoding/{ex.encoding}")
        if ex.jsonld_errors:
            self.stats.inc_value("newsbot/malformed/jsonld", ex.jsonld_errors)
        if not ex.is_article:
            _drop(self.stats, "not_article", item["url"])
        record = {"portal": getattr(spider, "name", None) or (portal.name if portal else "article"),
                  **ex.record,
                  "crawled_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
        if not record["language"] and hints.get("language"):
            record["language"] = hints["language"]
            ex.provenance["language"] = "hint"
        # key order of the schema: id, url, canonical_url, portal, ...
        record = {k: record[k] for k in ("id", "url", "canonical_url", "portal")} | record
        for name in FIELDS:
            layer = ex.provenance.get(name)
            self.stats.inc_value(f"newsbot/field/{name}/{layer or 'missing'}")
        if self.provenance:
            record["provenance"] = ex.provenance
        return record


class DateWindowPipeline(_Pipeline):
    """Drop records published outside the spider's ``window`` (``(since, until)`` aware
    datetimes; reason ``out_of_window``). Records without a date pass (flagged ``no_date``)."""

    def process_item(self, item, spider=None):
        window = getattr(self.spider_of(spider), "window", None)
        if window and item.get("date_published"):
            published = datetime.fromisoformat(item["date_published"])
            if not window[0] <= published <= window[1]:
                _drop(self.stats, "out_of_window", f"{item['url']} published {item['date_published']}")
        return item


class ValidatePipeline(_Pipeline):
    """Check each record against the package's JSON Schema. A record without title or body,
    or otherwise invalid, is dropped (``invalid/<field>``) and logged at ERROR: it means the
    portal's markup changed and the run must fail loudly."""

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
        self.stats.inc_value("newsbot/records")
        return item


class IncrementalPipeline(_Pipeline):
    """Give each record its ``revision`` and drop what earlier runs already wrote.

    With the seen-store on (:mod:`newsbot.incremental`): a record whose stored entry has the
    same content hash and ``date_modified`` is dropped (``unchanged``); a changed one gets the
    stored revision + 1 (counted in ``newsbot/records/revised``); a new one revision 1. With
    the store off (``-a incremental=false``, ``-O``), every record is revision 1."""

    def process_item(self, item, spider=None):
        from .incremental import Incremental
        from .seenstore import is_unchanged

        seen = Incremental.of(self.crawler)
        previous = seen.previous(item) if seen is not None else None
        if previous is not None and is_unchanged(previous, item):
            _drop(self.stats, "unchanged", item["url"])
        item["revision"] = previous.revision + 1 if previous is not None else 1
        if item["revision"] > 1:
            self.stats.inc_value("newsbot/records/revised")
        return item
