"""Incremental runs: the crawl side of the seen-store (:mod:`newsbot.seenstore`).

:class:`Incremental` is an extension, one per crawler: the run's seen-store ledger. It opens
the store when the spider opens, answers the spider's "fetch this link?"
(:meth:`Incremental.revisit`: skip before download, or fetch conditionally; for a listed
link the rule of :func:`newsbot.seenstore.needs_fetch`) and the pipeline's "was this record written before?"
(:meth:`Incremental.previous`), and keeps each record written in this run
(:data:`newsbot.signals.record_written`) as pending for the output file it went into. A file's
entries are committed to the store when the atomic feed storage has renamed that file into
place, through a commit journal (:func:`newsbot.seenstore.write_journal`) that the next run
settles if the process died between the rename and the commit; records of other storages are
committed when the feed exporter has stored every output file without error. A run killed
before its output file is complete commits nothing of it.

On or off: the spider argument ``-a incremental=true|false`` wins; without it the setting
``NEWSBOT_INCREMENTAL`` (default true) decides, except that a run writing with ``-O`` (a feed
with ``overwrite``) is a full crawl: the file it replaces must hold every article.

Skipping before download is :meth:`Incremental.admit`, applied by :class:`SkipSeenMiddleware`,
a spider middleware, to the article requests (:class:`~newsbot.spiders.base.ArticleRequest`)
a callback yields, and by the portal spider to those it schedules itself when the scheduler
runs dry (its backlog, the sitemap entries of a wrong pattern): it drops those whose URL every
stream of the run holds (:meth:`Incremental.revisit`). A portal spider's are dropped unless a discovery date (the
feed's or sitemap's) is later than the stored one; the ``article`` spider's explicit URLs are
dropped outright. An article stored ``partial`` (joined from pages one of which could not be
read, :attr:`~newsbot.seenstore.SeenEntry.partial`) is never dropped: it is fetched again until
a run writes it whole. Where a known page is fetched again, it is fetched conditionally when the
store kept validators for its URL (``ETag`` / ``Last-Modified``, sent back as ``If-None-Match`` /
``If-Modified-Since``, RFC 9110 §13.1; a redirect to another URL takes that URL's own, or none:
:class:`ValidatorsOfTheTargetMiddleware`): a ``304 Not Modified`` answer costs no body and no
extraction, and the page is taken as unchanged. So an ``article`` re-run asks the server about
each page it kept validators for and skips the others; ``-a incremental=false`` fetches all.
Feeds, sitemaps and listing pages always pass.

Besides delivered articles the store keeps what a run learnt of a page it fetched for nothing,
at once (:meth:`Incremental.keep_checked`, :meth:`Incremental.not_modified`,
:meth:`Incremental.outside`, :meth:`Incremental.withdrawn`): the listing date a stored page
was found unchanged under, a page outside the date window, an article withdrawn (404 / 410).
None of these changes delivered content, and none is stored for an article this run wrote and
has not committed, so a kill at any moment loses nothing and doubles nothing.

Stats: ``newsbot/skipped/seen`` (links not fetched), ``newsbot/skipped/out_of_window`` and
``newsbot/skipped/gone`` (links of pages found outside the window, or withdrawn, by an
earlier run, their listing date not moved), ``newsbot/gone/http_<status>`` (delivered
articles found withdrawn), ``newsbot/skipped/not_modified``
(conditional requests answered 304), ``newsbot/dropped/unchanged`` (fetched, same content):
each an article already stored, counted once a run however many of its pages lead to it
(:meth:`Incremental.count_stored`; its other pages count in ``newsbot/pages/again``),
``newsbot/records/revised`` (written again with a higher ``revision``),
``newsbot/incremental/committed`` (entries stored), ``newsbot/incremental/recovered``
(entries of a killed run's complete file stored at start), ``newsbot/incremental/not_committed``
(pending entries dropped because an output file failed).
"""
from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

from scrapy import signals
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.misc import load_object

from .extraction.pagination import article_key
from .extraction.urls import fingerprint
from .feeds import DEFAULT_FEED, stream_of
from .httpdate import http_date
from .runner import incremental
from .seenstore import (GONE, OUTSIDE, SeenEntry, entry_for, is_unchanged, latest_listed, needs_fetch, recover_journals,
                        write_journal)
from .settings_table import state_dir
from .signals import output_planned, pages_joined, record_written
from .spiders.base import KNOWN, NOT_MODIFIED, WITHDRAWN_STATUSES
from .stats import ERRORS, GONE as GONE_STATS, INCREMENTAL, OUTPUT_FAILED, PAGES, SCRAPY_FEED_FAILED, SKIPPED, WITHDRAWN

logger = logging.getLogger(__name__)


def seen_store_path(settings) -> Path:
    """Path of the embedded seen-store: ``NEWSBOT_SEEN_STORE``, else
    ``<NEWSBOT_STATE_DIR>/seen.sqlite`` (relative paths from the working directory)."""
    return Path(settings.get("NEWSBOT_SEEN_STORE") or state_dir(settings) / "seen.sqlite")


class Incremental:
    """Seen-store ledger of one crawler (see the module docstring).

    ``streams``: the output streams of the run (from :data:`newsbot.signals.output_planned`);
    an article counts as stored when every stream of the run has it."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats
        self.store = None
        self.enabled = False
        self.streams: list[str] = []
        # output part path (None: a storage that is not newsbot's) -> {record id: entry}
        self.pending: dict[Path | None, dict[str, SeenEntry]] = {}
        self.aliases: dict[str, set[str]] = {}  # record id -> fingerprints of its other URLs
        # record id -> {fingerprint of a URL it was served under: (ETag, Last-Modified) of that response}
        self.validators: dict[str, dict[str, tuple[str | None, str | None]]] = {}
        # article key (of a page, or ("id", record id)) -> [stats key the article was counted in, None:
        # written]: one list an article, shared by every key it was found by
        self.found: dict[tuple, list[str | None]] = {}
        # fingerprint of a listed link skipped -> the stats key its skip was counted in (None: newsbot/pages/again)
        self.passed_over: dict[str, str | None] = {}
        self.listed: dict[str, str] = {}  # record id -> the latest listing date of the page it was extracted from

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.output_planned, signal=output_planned)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.pages_joined, signal=pages_joined)
        crawler.signals.connect(ext.record_written, signal=record_written)
        crawler.signals.connect(ext.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider):
        """Decide on/off for this run, open the store and settle journals of killed runs. A
        store that cannot be opened is counted (``newsbot/errors/seen_store``), logged, and the
        run goes on as a full one."""
        self.enabled = incremental(self.settings, {"incremental": getattr(spider, "incremental", None)})
        if not self.enabled:
            logger.debug("Incremental run off: every article found is fetched and written")
            return
        cls = load_object(self.settings.get("NEWSBOT_SEEN_STORE_CLASS"))
        try:
            self.store = (cls.from_settings(self.settings) if hasattr(cls, "from_settings")
                          else cls(seen_store_path(self.settings), legacy_stream))
        except ValueError as exc:
            self.enabled = False
            self.stats.inc_value(ERRORS("seen_store"))
            logger.error("%s; this run fetches and writes every article found", exc)
            return
        logger.debug("Incremental run: seen-store %s", seen_store_path(self.settings))
        committed, dropped = recover_journals(self.journal_folder, self.store)
        if committed or dropped:
            self.stats.set_value(INCREMENTAL("recovered"), committed)
            logger.warning("Settled the commit of a killed run: %d entries stored (their output file "
                           "was complete), %d dropped (it was not)", committed, dropped)

    def output_planned(self, output):
        """Signal handler: the run writes ``output``; its stream is one of the run's."""
        if output.stream not in self.streams:
            self.streams.append(output.stream)

    @property
    def journal_folder(self) -> Path:
        """``<NEWSBOT_STATE_DIR>/journal``: commit journals (see :mod:`newsbot.seenstore`)."""
        return state_dir(self.settings) / "journal"

    # -- what the crawl asks ---------------------------------------------------------------------

    def should_fetch(self, url: str, hint_dates, tz: str | None = None) -> bool:
        """True when the article link ``url`` found in a feed, sitemap or listing must be
        downloaded (:meth:`revisit`); ``hint_dates`` are its discovery dates."""
        return self.revisit(url, hint_dates, tz)[0]

    def revisit(self, url: str, hint_dates, tz: str | None = None,
                listed: bool = True) -> tuple[bool, tuple[str | None, str | None]]:
        """Whether to download the article ``url`` and the validators to send with it:
        ``(fetch, (etag, last_modified))``. A page some stream of the run lacks (or any page when
        the run is not incremental) is fetched plainly. A page every stream holds is, for a
        ``listed`` link (found in a feed, sitemap or listing, ``hint_dates`` its discovery
        dates), fetched when :func:`newsbot.seenstore.needs_fetch` says so, and skipped
        otherwise; for an explicit URL (``listed`` false), fetched only when validators are
        stored. An article some stream holds flagged ``partial`` (:attr:`SeenEntry.partial`: a
        page of it could not be read, or the page limit cut it) is fetched again, whichever of its
        pages ``url`` is, plainly: a 304 for that page would not tell whether the others can be
        read now. A page fetched again carries the validators every stream holds for ``url``
        itself (:meth:`validators_for`)."""
        plain = (None, None)
        if not self.enabled or not self.streams:
            return True, plain
        key = fingerprint(url)
        entries = [self.store.lookup(stream, key) for stream in self.streams]
        if not all(self._holds(entry, listed) for entry in entries):
            return True, plain
        validators = self._same_validators(entries)
        if listed:
            return any(needs_fetch(entry, hint_dates, tz) for entry in entries), validators
        return validators != plain, validators

    def _holds(self, entry: SeenEntry | None, listed: bool = True) -> bool:
        """Whether ``entry`` lets a link be judged by the listing rule (:meth:`revisit`) rather
        than fetched plainly: a delivered article not ``partial``; for a ``listed`` link also one
        found gone (404 / 410), and a page found outside the window while the run's window
        still leaves its ``date_published`` out."""
        if entry is None or entry.partial:
            return False
        if entry.state is None:
            return True
        if not listed:
            return False
        if entry.state == GONE:
            return True
        window = getattr(getattr(self.crawler, "spider", None), "window", None)
        return entry.state == OUTSIDE and window is not None and not window.admits(entry.date_published)

    def delivered(self, url: str) -> bool:
        """True when some stream of the run holds ``url`` as an article it delivered (found gone
        since, or not), not as a page found outside the window."""
        if not self.enabled or not self.streams:
            return False
        key = fingerprint(url)
        return any(entry is not None and entry.state != OUTSIDE
                   for entry in (self.store.lookup(stream, key) for stream in self.streams))

    @staticmethod
    def _same_validators(entries: list[SeenEntry | None]) -> tuple[str | None, str | None]:
        """The validators all ``entries`` (one a stream) hold, or ``(None, None)`` when they differ,
        one is missing or ``partial``."""
        plain = (None, None)
        if any(entry is None or entry.partial or entry.state is not None for entry in entries):
            return plain
        kept = {entry.validators for entry in entries}
        return kept.pop() if len(kept) == 1 else plain

    def validators_for(self, url: str) -> tuple[str | None, str | None]:
        """``(etag, last_modified)`` to ask ``url`` with: those the store keeps for that URL
        (validators belong to the URL they were served for, not to the article: two URLs of
        one canonical each keep their own) when every stream of the run holds the same ones
        and the article is not ``partial``; ``(None, None)`` otherwise (a plain request)."""
        if not self.enabled or not self.streams:
            return None, None
        key = fingerprint(url)
        return self._same_validators([self.store.lookup(stream, key) for stream in self.streams])

    def stored(self, stream: str, record: dict) -> SeenEntry | None:
        """The entry ``stream`` holds for ``record`` (by id, else by its URL) as delivered (found
        gone since, or not), or ``None`` (also for a page only found outside the window, and
        always when the run is not incremental)."""
        if not self.enabled:
            return None
        entry = self.store.lookup(stream, record["id"]) or self.store.lookup(stream, fingerprint(record["url"]))
        return entry if entry is not None and entry.state != OUTSIDE else None

    def previous(self, record: dict) -> list[SeenEntry | None]:
        """The entry of ``record`` in each stream of the run (``None`` where a stream lacks
        it); ``[]`` when the run is not incremental or writes no stream."""
        if not self.enabled:
            return []
        return [self.stored(stream, record) for stream in self.streams]

    def revision_for(self, stream: str, record: dict) -> int | None:
        """The ``revision`` ``record`` is written with to ``stream``: 1 for an article the
        stream never had, the stored revision + 1 for a changed one, ``None`` when the stream
        already has it unchanged (it is then not written there again)."""
        entry = self.stored(stream, record)
        if entry is None:
            return 1
        return None if is_unchanged(entry, record) else entry.revision + 1

    def admit(self, request, portal=None):
        """The article request ``request`` (a :class:`~newsbot.spiders.base.ArticleRequest`) as
        it is to be sent, or ``None`` to skip it (counted in ``newsbot/skipped/seen``, once an
        article: :meth:`count_stored`). ``portal``: the spider's
        :class:`~newsbot.portals.Portal`, whose requests are links found with discovery dates
        (judged in its time zone); ``None`` for explicit URLs (rules: :meth:`revisit`). A known
        page fetched again is made conditional: the stored validators as ``If-None-Match`` /
        ``If-Modified-Since``, and a 304 answer let through to the spider."""
        fetch, (etag, last_modified) = self.revisit(request.url, request.hints.dates(),
                                                    portal.timezone if portal else None, portal is not None)
        if not fetch:
            states = {entry.state for entry in (self.store.lookup(s, fingerprint(request.url)) for s in self.streams)}
            if states == {OUTSIDE}:  # a page found outside the window by an earlier run
                counter = SKIPPED("out_of_window")
                self.stats.inc_value(counter)
            elif GONE in states:  # withdrawn, its listing date not moved since
                counter = SKIPPED("gone")
                self.stats.inc_value(counter)
            else:
                counter = SKIPPED("seen") if self.count_stored(request.url, SKIPPED("seen")) else None
            if portal is not None:
                self.passed_over[fingerprint(request.url)] = counter
            return None
        if self.delivered(request.url):  # a 404 / 410 answer reaches the spider: the article withdrawn
            request.meta[KNOWN] = True
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", ()),
                                                      *WITHDRAWN_STATUSES]
        return condition(request, (etag, last_modified))

    def reconsider(self, url: str, hint_dates, tz: str | None = None) -> bool:
        """Whether a link this run skipped as seen (:meth:`admit`), listed again by another
        feed, sitemap or listing with ``hint_dates``, is due after all: True when one of those
        dates is later than the stored one (:meth:`revisit`), so the latest date any listing
        gives decides, whichever is read first. Its skip is then taken back (no longer counted
        in ``newsbot/skipped/seen``, or ``newsbot/pages/again``) and the caller requests it;
        False for a link not skipped here (one requested already is fetched once) or still
        not due. (A link skipped as outside the window or as gone is taken back from
        ``newsbot/skipped/out_of_window`` or ``…/gone``.)"""
        key = fingerprint(url)
        if key not in self.passed_over or not self.revisit(url, hint_dates, tz)[0]:
            return False
        counter = self.passed_over.pop(key)
        if counter is not None:
            if counter == SKIPPED("seen"):
                for article in self._article_keys(url):
                    self.found.pop(article, None)
            self.stats.inc_value(counter, -1)
        else:
            self.stats.inc_value(PAGES("again"), -1)
        return True

    def count_stored(self, url: str, counter: str, record_id: str | None = None) -> bool:
        """Count the article of ``url`` (any of its pages) as already stored, in the stats key
        ``counter`` (``newsbot/skipped/seen``, ``…/not_modified``, ``newsbot/dropped/unchanged``),
        and return True (``record_id``: the article's record id when known, else the store's
        for ``url``); when this run counted that article already, stored or written (by
        another of its pages: :func:`~newsbot.extraction.pagination.article_key`, page numbers
        aside, a bare ``/2/`` kept; or by another URL the store knows as the same article, e.g.
        two URLs of one canonical), count ``newsbot/pages/again`` instead and return False."""
        keys = self._article_keys(url, record_id)
        known = next((self.found[key] for key in keys if key in self.found), None)
        cell = known or [counter]
        for key in keys:
            self.found.setdefault(key, cell)
        if known is not None:
            self.stats.inc_value(PAGES("again"))
            return False
        self.stats.inc_value(counter)
        return True

    def _article_keys(self, url: str, record_id: str | None = None) -> list[tuple]:
        """The keys of :attr:`found` the article of ``url`` is known by: its
        :func:`~newsbot.extraction.pagination.article_key`, and ``("id", record id)`` of
        ``record_id``, else of the entry the store holds for ``url`` in the run's first stream."""
        if record_id is None and self.enabled and self.streams:
            entry = self.store.lookup(self.streams[0], fingerprint(url))
            record_id = entry.id if entry is not None else None
        return [article_key(url)] + ([("id", record_id)] if record_id else [])

    # -- what the output side tells --------------------------------------------------------------

    def item_scraped(self, item, response=None, spider=None):
        """Note the fingerprints of the URLs a record was fetched under (its request and
        response URLs), stored as aliases of its entry, and the validators of the response
        (``ETag``, and ``Last-Modified`` when :func:`valid_last_modified`), stored for the
        URL that served them (the response's, after any redirect)."""
        if not self.enabled or not isinstance(item, dict) or "id" not in item:
            return
        keys = self._article_keys(item["url"], item["id"])
        counted = next((self.found[key] for key in keys if key in self.found), None)
        if counted and counted[0]:  # another page of it was counted as stored first: found once, written
            self.stats.inc_value(counted[0], -1)
            self.stats.inc_value(PAGES("again"))
        cell = counted or [None]
        cell[0] = None
        for key in keys:
            self.found[key] = cell
        aliases = self.aliases.setdefault(item["id"], set())
        aliases.add(fingerprint(item["url"]))
        if response is not None:
            aliases.add(fingerprint(response.url))
            if response.request is not None:
                aliases.add(fingerprint(response.request.url))
            self.validators.setdefault(item["id"], {})[fingerprint(response.url)] = (
                _header(response, "ETag"),
                valid_last_modified(_header(response, "Last-Modified"), _header(response, "Date")))

    def pages_joined(self, record, urls):
        """Note the fingerprints of the pages joined into ``record`` (``urls``), stored as
        aliases of its entry once it is written: a later run that finds the article by any
        of those pages (``?page=3`` in a feed) recognises it before download."""
        if self.enabled and isinstance(record, dict) and "id" in record:
            self.aliases.setdefault(record["id"], set()).update(fingerprint(url) for url in urls)

    def note_listed(self, record: dict, hints, tz: str | None = None) -> None:
        """Note the latest listing date of the page ``record`` was extracted from (``hints``: its
        :class:`~newsbot.extraction.hints.Hints`, dates in ``tz``), kept as the entry's
        :attr:`~newsbot.seenstore.SeenEntry.listed` when the article is found unchanged, outside
        the window or gone."""
        if self.enabled and hints is not None and isinstance(record, dict) and "id" in record:
            listed = latest_listed(hints.dates(), tz)
            if listed:
                self.listed[record["id"]] = listed

    def _check(self, entries: list[SeenEntry], aliases, listed: str | None, state: str | None) -> bool:
        """Store ``entries`` again at once (one transaction), each with ``listed`` (when given and
        later than its own) and ``state``, and reachable from ``aliases`` too; True when stored.
        Nothing is stored for an article this run wrote and has not committed yet: its commit,
        once its file is in place, stores it. Safe against a kill at any moment: it changes no
        delivered content (hash, dates, revision), so a run killed after it loses nothing and
        writes nothing twice."""
        entries = [e for e in entries if e is not None]
        if not entries or any(e.id in pending for e in entries for pending in self.pending.values()):
            return False

        def later(entry):
            known = [v for v in (entry.listed, listed) if v]
            return latest_listed(known) if known else None

        self.store.commit((dataclasses.replace(entry, listed=later(entry), state=state), aliases)
                          for entry in entries)
        return True

    def keep_checked(self, record: dict, entries: list[SeenEntry]) -> None:
        """``record`` was found unchanged, its stored ``entries`` (one a stream) as they are:
        stored again with the listing date it was fetched under (:meth:`note_listed`), so a
        listing date that moved is no reason to fetch it again next run, and with the pages
        joined into it in this run (:meth:`pages_joined`) as aliases, so a page the store did
        not know it by (an article stored before its pages were kept) is not fetched again.
        Nothing is stored when neither is new."""
        aliases = self.aliases.get(record["id"], set())
        listed = self.listed.get(record["id"])
        if not aliases and not (listed and any(needs_fetch(e, (listed,)) for e in entries)):
            return
        if self._check(entries, aliases, listed, None):
            self.aliases.pop(record["id"], None)

    def not_modified(self, response) -> None:
        """A conditional request for a stored page answered 304: counted among the articles
        already stored (``newsbot/skipped/not_modified``), and its entries stored again with the
        listing date it was asked under, so the next run does not ask again for that date."""
        self.count_stored(response.url, SKIPPED("not_modified"))
        hints = response.meta.get("hints")
        listed = latest_listed(hints.dates(), self._tz()) if hints is not None else None
        entries = [self.store.lookup(stream, fingerprint(response.url)) for stream in self.streams]
        if listed and all(e is not None for e in entries) and any(needs_fetch(e, (listed,)) for e in entries):
            self._check(entries, (), listed, None)

    def outside(self, record: dict) -> None:
        """``record`` was fetched and dropped as outside the date window: each stream of the run
        keeps it, so it is not downloaded again while the window leaves it out and no listing
        dates it later. A stream that delivered it earlier keeps its entry, with this listing
        date; one that did not gets a :data:`~newsbot.seenstore.OUTSIDE` entry (revision 0,
        never delivered), reachable from the URLs of this fetch."""
        if not self.enabled or not self.streams or "id" not in record:
            return
        listed = self.listed.get(record["id"])
        aliases = {fingerprint(record["url"]), *self.aliases.get(record["id"], ())}
        for stream in self.streams:
            entry = self.store.lookup(stream, record["id"]) or self.store.lookup(stream, fingerprint(record["url"]))
            if entry is None or entry.state == OUTSIDE:
                entry = dataclasses.replace(entry_for(record, 0, stream), state=OUTSIDE)
            self._check([entry], aliases, listed, entry.state)

    def withdrawn(self, response) -> None:
        """A page of a delivered article answered 404 or 410 (meta :data:`KNOWN`): the article
        is withdrawn. Not a failed request: counted in ``newsbot/gone/http_<status>``, named in
        the list ``newsbot/withdrawn`` (``{"url", "id", "status"}``) and logged at INFO; its
        entries are stored as :data:`~newsbot.seenstore.GONE` with the listing date it was
        asked under, so later runs skip it (``newsbot/skipped/gone``) until a listing dates it
        later."""
        url = (response.meta.get("redirect_urls") or [response.url])[0]
        entries = [self.store.lookup(stream, fingerprint(url)) for stream in self.streams]
        hints = response.meta.get("hints")
        listed = latest_listed(hints.dates(), self._tz()) if hints is not None else None
        self.stats.inc_value(GONE_STATS(f"http_{response.status}"))
        known = next((e for e in entries if e is not None), None)
        gone = list(self.stats.get_value(WITHDRAWN) or [])
        gone.append({"url": url, "id": known.id if known else fingerprint(url), "status": response.status})
        self.stats.set_value(WITHDRAWN, gone)
        logger.info("Withdrawn: %s answers %d; recorded as gone, asked again when a listing dates it later",
                    url, response.status)
        self._check([e for e in entries if e is not None and e.state != OUTSIDE], (), listed, GONE)

    def _tz(self) -> str | None:
        """The time zone of the spider's portal (naive listing dates), or ``None`` (UTC)."""
        portal = getattr(getattr(self.crawler, "spider", None), "portal", None)
        return portal.timezone if portal is not None else None

    def record_written(self, record, output=None):
        """Keep the entry of a record written to ``output`` as pending until that file is in
        place (``output`` ``None``: a storage other than newsbot's, whose stream is named after
        the spider)."""
        if not self.enabled or not isinstance(record, dict) or "id" not in record:
            return
        self.aliases.setdefault(record["id"], set()).add(fingerprint(record["url"]))
        stream = output.stream if output is not None else f"{record.get('portal')}@other"
        self.pending.setdefault(output.part if output is not None else None, {})[record["id"]] = \
            entry_for(record, record.get("revision", 1), stream)

    def _entries(self, key):
        """``(entry, aliases)`` of the entries pending for output ``key``: aliases as
        ``{fingerprint: validators the URL was served with in this run, or None}``."""
        return [(entry, {**dict.fromkeys(self.aliases.get(entry.id, ())), **self.validators.get(entry.id, {})})
                for entry in self.pending.get(key, {}).values()]

    def before_store(self, output, mode: str, offset: int | None) -> Path | None:
        """Called by the atomic feed storage just before it puts ``output`` in place (by
        ``mode``, see :func:`newsbot.atomic.put_in_place`): journal that file's pending
        entries; returns the journal (``None`` when there are none)."""
        entries = self._entries(output.part) if self.enabled else []
        if not entries:
            return None
        return write_journal(self.journal_folder, output, entries, mode, offset)

    def after_store(self, output, journal: Path | None) -> None:
        """Called by the atomic feed storage once ``output`` is in place: commit its pending
        entries and delete the journal."""
        if journal is None:
            return
        self._commit(output.part)
        journal.unlink(missing_ok=True)

    def _commit(self, key) -> None:
        n = self.store.commit(self._entries(key))
        self.stats.inc_value(INCREMENTAL("committed"), n)
        for entry in self.pending.pop(key, {}).values():
            if not any(entry.id in other for other in self.pending.values()):
                self.aliases.pop(entry.id, None)
                self.validators.pop(entry.id, None)

    def feed_exporter_closed(self):
        """Commit what is still pending of storages that do not call :meth:`after_store` when
        no output file failed; otherwise keep it out of the store."""
        if not self.enabled or not self.pending:
            return
        stats = self.stats.get_stats()
        failed = sum(OUTPUT_FAILED.read(stats).values()) + sum(SCRAPY_FEED_FAILED.read(stats).values())
        left = sum(len(v) for v in self.pending.values())
        if failed:
            self.stats.set_value(INCREMENTAL("not_committed"), left)
            logger.error("An output file was not stored: %d records stay out of the seen-store and "
                         "will be written again by the next run", left)
            return
        if None in self.pending:
            self._commit(None)  # output through a storage of its own (not renamed by newsbot)

    def engine_stopped(self):
        """Close the store."""
        if self.store is not None:
            self.store.close()
            self.store = None


def _header(response, name: str) -> str | None:
    """The value of header ``name`` of a Scrapy response as text, or ``None`` (also for a
    response-like object without headers)."""
    value = getattr(response, "headers", {}).get(name)
    return value.decode("latin-1") if value else None


CLOCK_ALLOWANCE = timedelta(minutes=1)  # how far a server's clock may run ahead of ours


def valid_last_modified(value: str | None, date: str | None = None, now: datetime | None = None) -> str | None:
    """``value``, a response's ``Last-Modified``, as received when it may be sent back as
    ``If-Modified-Since``: an HTTP-date (:func:`http_date`) not later than the response's
    ``date`` (its ``Date`` header; RFC 9110 §8.8.2.1: a server must not send a later one) nor
    than ``now`` (this machine's clock, UTC by default) plus :data:`CLOCK_ALLOWANCE`; else
    ``None`` (RFC 9110 §13.1.3: a date that is not valid is ignored)."""
    modified = http_date(value)
    if modified is None:
        return None
    limit = (now or datetime.now(timezone.utc)) + CLOCK_ALLOWANCE
    sent = http_date(date)
    if sent is not None:
        limit = min(limit, sent)
    return value if modified <= limit else None


def condition(request, validators: tuple[str | None, str | None]):
    """``request`` made conditional on ``validators`` (``(etag, last_modified)``: sent as
    ``If-None-Match`` / ``If-Modified-Since``, and a 304 answer let through to the spider,
    meta :data:`~newsbot.spiders.base.NOT_MODIFIED`), or, for ``(None, None)``, plain: any
    such headers and the 304 let through that an earlier call put there removed. Returns
    ``request``."""
    etag, last_modified = validators
    if request.meta.pop(NOT_MODIFIED, False):
        request.meta["handle_httpstatus_list"] = [s for s in request.meta.get("handle_httpstatus_list", ()) if s != 304]
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        request.headers.pop(name, None)
        if value:
            request.headers[name] = value
    if etag or last_modified:
        request.meta[NOT_MODIFIED] = True
        request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", ()), 304]
    return request


class ValidatorsOfTheTargetMiddleware:
    """Downloader middleware: a conditional request a redirect led elsewhere (Scrapy's
    RedirectMiddleware copies the headers to the new request) asks the target with the
    target's own stored validators, or plainly when the store keeps none for it
    (:meth:`Incremental.validators_for`): validators belong to the URL they were served for,
    and another URL's ``If-Modified-Since`` could get a 304 that hides the target's edit."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        """``None`` (the request goes on), its validators set for its own URL when it was
        reached by a redirect from a conditional request."""
        if request.meta.get("redirect_urls") and request.meta.get(NOT_MODIFIED):
            ledger = self.crawler.get_extension(Incremental)
            condition(request, ledger.validators_for(request.url) if ledger is not None else (None, None))
        return None


def legacy_stream(portal: str) -> str:
    """The stream a first-schema store's entries move to: the default output of their portal
    (:data:`newsbot.feeds.DEFAULT_FEED`)."""
    return stream_of(DEFAULT_FEED, portal or "_")


class SkipSeenMiddleware(BaseSpiderMiddleware):
    """Spider middleware: drop article requests for stored, unchanged-looking articles before
    download, counted in ``newsbot/skipped/seen``, and make those of stored articles fetched
    again conditional (:meth:`Incremental.admit`; a 304 answer to one is counted in
    ``newsbot/skipped/not_modified``). An article is counted as stored once a run
    (:meth:`Incremental.count_stored`). Only
    :class:`~newsbot.spiders.base.ArticleRequest`\\ s are judged: a portal spider's as links
    found with discovery dates, the ``article`` spider's as explicit URLs."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.ledger = None

    def get_processed_request(self, request, response):
        """The request, or ``None`` for an article link to skip."""
        from .spiders.base import ArticleRequest

        if not isinstance(request, ArticleRequest):
            return request
        if self.ledger is None:
            self.ledger = self.crawler.get_extension(Incremental)
        if self.ledger is None:
            return request
        return self.ledger.admit(request, getattr(self.crawler.spider, "portal", None))

    def process_spider_input(self, response, spider=None):
        """A ``304 Not Modified`` answer to a conditional request made here: the stored article,
        unchanged (the spider makes no item of it, :meth:`Incremental.not_modified`); a 404 or
        410 answer for a delivered article: withdrawn (:meth:`Incremental.withdrawn`)."""
        if self.ledger is None:
            return
        if response.status == 304 and response.meta.get(NOT_MODIFIED):
            self.ledger.not_modified(response)
        elif response.status in WITHDRAWN_STATUSES and response.meta.get(KNOWN):
            self.ledger.withdrawn(response)
