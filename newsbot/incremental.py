"""Incremental runs: the crawl side of the seen-store (:mod:`newsbot.seenstore`).

:class:`Incremental` is an extension, one per crawler. It opens the store when the spider
opens, answers the spider's "fetch this link?" (:meth:`Incremental.should_fetch`, the
skip-before-download rule of :func:`newsbot.seenstore.needs_fetch`) and the pipeline's "was
this record written before?" (:meth:`Incremental.previous`), and keeps the records written in
this run as pending. They are committed to the store when the atomic feed storage has renamed
the output file into place, through a commit journal (:func:`newsbot.seenstore.write_journal`)
that the next run settles if the process died between the rename and the commit; with other
storages, when the feed exporter has stored every output file without error. A run killed
before its output file is complete commits nothing.

On or off: the spider argument ``-a incremental=true|false`` wins; without it the setting
``NEWSBOT_INCREMENTAL`` (default true) decides, except that a run writing with ``-O`` (a feed
with ``overwrite``) is a full crawl: the file it replaces must hold every article.

Skipping before download is :class:`SkipSeenMiddleware`, a spider middleware: article
requests (callback ``parse_article``) whose URL is stored are dropped unless a discovery date
(``hints["published"]`` or ``hints["lastmod"]``: the feed's or sitemap's date) is later than the
stored one. Feeds, sitemaps and listing pages always pass.

Stats: ``newsbot/skipped/seen`` (links not fetched), ``newsbot/dropped/unchanged`` (fetched,
same content), ``newsbot/records/revised`` (written again with a higher ``revision``),
``newsbot/incremental/committed`` (entries stored at the end of the run),
``newsbot/incremental/recovered`` (entries of a killed run's complete file stored at start),
``newsbot/incremental/not_committed`` (pending entries dropped because an output file failed).
"""
from __future__ import annotations

import logging
from pathlib import Path

from scrapy import signals
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.misc import load_object

from .arguments import parse_switch
from .extraction.urls import fingerprint
from .seenstore import SeenEntry, entry_for, recover_journals, write_journal

logger = logging.getLogger(__name__)


def seen_store_path(settings) -> Path:
    """Path of the embedded seen-store: ``NEWSBOT_SEEN_STORE``, else
    ``<NEWSBOT_STATE_DIR>/seen.sqlite`` (relative paths from the working directory)."""
    return Path(settings.get("NEWSBOT_SEEN_STORE") or Path(settings.get("NEWSBOT_STATE_DIR") or ".") / "seen.sqlite")


class Incremental:
    """Seen-store glue for one crawler (see the module docstring)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats
        self.store = None
        self.enabled = False
        self.pending: dict[str, tuple[SeenEntry, set[str]]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.newsbot_incremental = ext
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    @staticmethod
    def of(crawler) -> Incremental | None:
        """The crawler's extension when it is installed and on, else ``None``."""
        ext = getattr(crawler, "newsbot_incremental", None) if crawler is not None else None
        return ext if ext is not None and ext.enabled else None

    def _wanted(self, spider) -> bool:
        arg = parse_switch("incremental", getattr(spider, "incremental", None))
        if arg is not None:
            return arg
        if not self.settings.getbool("NEWSBOT_INCREMENTAL", True):
            return False
        feeds = self.settings.getdict("FEEDS")
        return not any((opts or {}).get("overwrite") for opts in feeds.values())

    def spider_opened(self, spider):
        """Decide on/off for this run, open the store and settle journals of killed runs. A
        store that cannot be opened is counted (``newsbot/errors/seen_store``), logged, and the
        run goes on as a full one."""
        self.enabled = self._wanted(spider)
        if not self.enabled:
            logger.info("Incremental run off: every article found is fetched and written")
            return
        cls = load_object(self.settings.get("NEWSBOT_SEEN_STORE_CLASS"))
        try:
            self.store = (cls.from_settings(self.settings) if hasattr(cls, "from_settings")
                          else cls(seen_store_path(self.settings)))
        except ValueError as exc:
            self.enabled = False
            self.stats.inc_value("newsbot/errors/seen_store")
            logger.error("%s; this run fetches and writes every article found", exc)
            return
        logger.info("Incremental run: seen-store %s", seen_store_path(self.settings))
        committed, dropped = recover_journals(self.journal_folder, self.store)
        if committed or dropped:
            self.stats.set_value("newsbot/incremental/recovered", committed)
            logger.warning("Settled the commit of a killed run: %d entries stored (their output file "
                           "was complete), %d dropped (it was not)", committed, dropped)

    @property
    def journal_folder(self) -> Path:
        """``<NEWSBOT_STATE_DIR>/journal``: commit journals (see :mod:`newsbot.seenstore`)."""
        return Path(self.settings.get("NEWSBOT_STATE_DIR") or ".") / "journal"

    def before_rename(self, final: Path, part: Path) -> Path | None:
        """Called by the atomic feed storage just before it renames ``part`` to ``final``:
        journal the pending entries; returns the journal (``None`` when nothing is pending)."""
        if not self.enabled or not self.pending:
            return None
        return write_journal(self.journal_folder, final, part, self.pending.values())

    def after_rename(self, journal: Path | None) -> None:
        """Called by the atomic feed storage once the output file is in place: commit the
        pending entries to the store and delete the journal."""
        if journal is None:
            return
        self._commit()
        journal.unlink(missing_ok=True)

    def _commit(self) -> None:
        n = self.store.commit(self.pending.values())
        self.stats.inc_value("newsbot/incremental/committed", n)
        self.pending.clear()

    def should_fetch(self, url: str, hint_dates, tz: str | None = None) -> bool:
        """True when the article link ``url`` must be downloaded (see
        :func:`newsbot.seenstore.needs_fetch`); ``hint_dates`` are the discovery dates."""
        from .seenstore import needs_fetch

        return needs_fetch(self.store.lookup(fingerprint(url)), hint_dates, tz)

    def previous(self, record: dict) -> SeenEntry | None:
        """The stored entry of ``record`` (by id, else by its URL), or ``None``."""
        return self.store.lookup(record["id"]) or self.store.lookup(fingerprint(record["url"]))

    def item_scraped(self, item, response=None, spider=None):
        """Keep the written record's entry (with the fingerprints of its request and response
        URLs as aliases) as pending until its output file is committed."""
        if not self.enabled or not isinstance(item, dict) or "id" not in item:
            return
        aliases = {fingerprint(item["url"])}
        if response is not None:
            aliases.add(fingerprint(response.url))
            if response.request is not None:
                aliases.add(fingerprint(response.request.url))
        self.pending[item["id"]] = (entry_for(item, item.get("revision", 1)), aliases)

    def feed_exporter_closed(self):
        """Commit what is still pending (output through storages that do not call
        :meth:`after_rename`) when no output file failed; otherwise keep it out of the store."""
        if not self.enabled or not self.pending:
            return
        failed = sum(v for k, v in self.stats.get_stats().items()
                     if k.startswith(("feedexport/failed_count/", "newsbot/output_failed/")))
        if failed:
            self.stats.set_value("newsbot/incremental/not_committed", len(self.pending))
            logger.error("An output file was not stored: %d records stay out of the seen-store and "
                         "will be written again by the next run", len(self.pending))
            return
        self._commit()  # output through a storage of its own (not renamed by newsbot)

    def engine_stopped(self):
        """Close the store."""
        if self.store is not None:
            self.store.close()
            self.store = None


class SkipSeenMiddleware(BaseSpiderMiddleware):
    """Spider middleware: drop article requests for stored, unchanged-looking articles before
    download (rule: :func:`newsbot.seenstore.needs_fetch`), counted in ``newsbot/skipped/seen``.
    Only requests whose callback is the spider's ``parse_article`` and whose meta holds
    ``hints`` from a portal's discovery are judged; the ``article`` spider's explicit URLs are
    always fetched (the pipeline then drops them when unchanged)."""

    def get_processed_request(self, request, response):
        """The request, or ``None`` for an article link to skip."""
        if getattr(request.callback, "__name__", None) != "parse_article":
            return request
        hints = request.meta.get("hints")
        seen = Incremental.of(self.crawler)
        portal = getattr(self.crawler.spider, "portal", None)
        if seen is None or not hints or portal is None:
            return request
        if seen.should_fetch(request.url, (hints.get("published"), hints.get("lastmod")), portal.rules.timezone):
            return request
        self.crawler.stats.inc_value("newsbot/skipped/seen")
        return None
