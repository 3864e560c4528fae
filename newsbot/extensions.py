"""Crawl extensions: quiet network errors, counted item errors, the run's deadline, no new
request once the run stops, the garbage collector's work during a crawl; the stats collector."""
from __future__ import annotations

import gc
import logging

from scrapy import signals
from scrapy.statscollectors import MemoryStatsCollector
from .stats import HELD_BACK, ITEM_ERRORS
from .workers import quiet_collector

# Loggers whose download-failure messages Scrapy writes with a traceback.
_QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.core.scraper",
                  "scrapy.downloadermiddlewares.retry", "scrapy.core.downloader.handlers.http11")


# Loggers repeating a size-limit or data-loss failure that the spider's errback reports.
_SIZE_LOGGERS = ("scrapy.core.downloader.handlers.http11", "scrapy.core.downloader.handlers._base_streaming",
                 "scrapy.downloadermiddlewares.httpcompression")


_NETWORK_MODULES = ("twisted.", "scrapy.exceptions", "scrapy.core.downloader", "OpenSSL.", "h2.")


def is_network_error(exc: BaseException) -> bool:
    """True for failures of the network or the remote server (Twisted / Scrapy download
    errors, OS-level connection errors, timeouts), False for programming errors."""
    return isinstance(exc, (OSError, TimeoutError)) or type(exc).__module__.startswith(_NETWORK_MODULES)


class _NoNetworkTracebacks(logging.Filter):
    """Keep the message of a network failure, drop its traceback (one line a failure);
    programming errors keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            exc = record.exc_info[1]
            if exc is not None and is_network_error(exc):
                record.msg = f"{record.msg} [{type(exc).__name__}]"
                record.exc_info = None
                record.exc_text = None
        return True


class _NoSizeDuplicates(logging.Filter):
    """Drop Scrapy's own "larger than download max size" / "exceeded DOWNLOAD_MAXSIZE" and
    "Got data loss" lines: the spider's errback logs the same failure once, with its kind
    (``too_large``, ``dataloss``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("download max size" in message or "exceeded DOWNLOAD_MAXSIZE" in message
                    or message.startswith("Got data loss in "))


class QuietErrors:
    """Network failures (DNS, refused connections, timeouts, robots.txt unreachable) are
    logged as one line each, without a traceback; programming errors keep theirs. The counts
    stay in Scrapy's ``downloader/exception_type_count/*`` stats. Scrapy's own lines about
    responses over ``DOWNLOAD_MAXSIZE`` or cut short are dropped: the spider's errback logs each once."""

    _filter = _NoNetworkTracebacks()
    _sizes = _NoSizeDuplicates()

    @classmethod
    def from_crawler(cls, crawler):
        for name in _QUIET_LOGGERS:
            logger = logging.getLogger(name)
            if cls._filter not in logger.filters:
                logger.addFilter(cls._filter)
        for name in _SIZE_LOGGERS:
            logger = logging.getLogger(name)
            if cls._sizes not in logger.filters:
                logger.addFilter(cls._sizes)
        return cls()


class ItemErrors:
    """Count every item that fails in a pipeline with an unexpected exception in
    ``newsbot/item_errors/<ExceptionName>``: such a record is lost, and the run's summary
    (:func:`newsbot.runs.summarize`) fails the run."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler.stats)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def item_error(self, item, response, spider, failure):
        """Signal handler of ``item_error``: count the failure by exception name."""
        self.stats.inc_value(ITEM_ERRORS(type(failure.value).__name__))


class Deadline:
    """Extension: ``NEWSBOT_DEADLINE`` seconds after the spider opens (0: never), close it with
    the finish reason ``deadline``: the requests under way end, the output files and their
    seen-store entries are committed as at any close, and the run's summary fails (exit status
    1), so a hung run never holds the crawl lock past the next scheduled one."""

    def __init__(self, crawler, seconds: float):
        self.crawler, self.seconds, self.call = crawler, seconds, None

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        seconds = crawler.settings.getfloat("NEWSBOT_DEADLINE")
        if seconds <= 0:
            raise NotConfigured
        ext = cls(crawler, seconds)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        """Start the clock."""
        from twisted.internet import reactor

        self.call = reactor.callLater(self.seconds, self.expire, spider)

    def expire(self, spider):
        """The deadline passed: close the spider (logged once)."""
        logging.getLogger(__name__).error("Deadline of %g s reached (NEWSBOT_DEADLINE): closing %s with what it "
                                          "has", self.seconds, spider.name)
        from scrapy.utils.defer import deferred_from_coro

        hold_back_queued(self.crawler)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="deadline"))

    def spider_closed(self, spider):
        """Stop the clock."""
        if self.call is not None and self.call.active():
            self.call.cancel()


def hold_back_queued(crawler) -> int:
    """Take the requests waiting in Scrapy's downloader for their turn (a slot's queue: sent
    one ``DOWNLOAD_DELAY`` apart, at most ``CONCURRENT_REQUESTS_PER_DOMAIN`` at once) out of
    it, unsent, and give them back to the scheduler; returns how many. Called as the run
    begins to stop (deadline, Ctrl-C, SIGTERM): Scrapy's own close waits for every request the
    downloader holds, so with 16 queued a second apart a stop went on fetching new pages for
    16 s (80 s at the 5 s delay a refusing portal needs), while only the requests on the wire
    should end (within ``DOWNLOAD_TIMEOUT``). A request given back is answered with itself,
    the way a downloader middleware reschedules one (Scrapy's engine schedules a request a
    download returns), marked ``dont_filter`` since its fingerprint is already seen: with a
    ``JOBDIR`` it is kept in the job folder's queue and a resumed run sends it; without one it
    is dropped with the queue, was never delivered, and the next run finds it again (the
    seen-store records only what was written). Counted in :data:`~newsbot.stats.HELD_BACK`,
    logged once at INFO when there were any."""
    engine = getattr(crawler, "engine", None)
    downloader = getattr(engine, "downloader", None)
    held = 0
    for slot in list(getattr(downloader, "slots", {}).values()):
        while slot.queue:
            request, waiting = slot.queue.popleft()
            waiting.callback(request.replace(dont_filter=True))
            held += 1
    if held:
        crawler.stats.inc_value(HELD_BACK, held)
        spider = getattr(crawler, "spider", None)
        logging.getLogger(__name__).info(
            "Stopping %s: %d requests waiting for their turn not sent (%s)", getattr(spider, "name", "?"), held,
            "kept in the job folder's queue for the next run" if crawler.settings.get("JOBDIR")
            else "the next run finds them again")
    return held


_LIVE: list = []
"""The crawlers whose engines run in this process (several portals in one ``newsbot crawl``)."""
_OURS: dict = {}
"""signal number → the handler :class:`HoldBackAtStop` installed for it."""


def _hold_back_live(number, frame, previous) -> None:
    """The stop handler: every live crawler holds back its queue, then Scrapy's own handler
    (``previous``) stops them."""
    from twisted.internet import reactor

    for crawler in list(_LIVE):
        reactor.callFromThread(hold_back_queued, crawler)
    previous(number, frame)


class HoldBackAtStop:
    """Extension: on SIGINT or SIGTERM (Ctrl-C, ``kill``, scrapyd's cancel), before Scrapy's
    own handler closes the spiders, :func:`hold_back_queued` for every crawler still running in
    the process, so a stopped run sends no new request. Scrapy's handler is wrapped once, when
    an engine starts and finds it in place (Scrapy installs its own before; its second-signal
    handler, which forces the stop, replaces the wrapper, as it should); an engine that stops
    only leaves the live list, so the crawls still running keep the wrapper. The deadline
    (:class:`Deadline`) holds back by itself."""

    SIGNALS = ("SIGINT", "SIGTERM")

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self):
        """Join the live crawlers; wrap the stop handlers not wrapped yet (only in the main
        thread, where signals are set)."""
        import functools
        import signal
        import threading

        _LIVE.append(self.crawler)
        if threading.current_thread() is not threading.main_thread():
            return
        for name in self.SIGNALS:
            number = getattr(signal, name)
            previous = signal.getsignal(number)
            if previous is _OURS.get(number) or not callable(previous):
                continue
            _OURS[number] = functools.partial(_hold_back_live, previous=previous)
            signal.signal(number, _OURS[number])

    def engine_stopped(self):
        """Leave the live crawlers."""
        if self.crawler in _LIVE:
            _LIVE.remove(self.crawler)


class CrawlHeap:
    """Extension: less work for Python's cyclic garbage collector while crawls run. When the
    first engine of the process starts, the objects alive then (modules, classes, settings,
    the crawl's components and the replay index: they live as long as the crawl) are moved to
    the collector's permanent generation and the youngest generation is collected less often
    (:func:`newsbot.workers.quiet_collector`, which the extraction workers run too): a page's
    response, item and record die by reference counting. What reference counting frees is
    freed as before; young unreachable cycles wait a few dozen pages instead of a few. When
    the last engine stops, the collector is as it was."""

    engines = 0  # engines of this process between their start and stop
    thresholds: tuple[int, int, int] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls()
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self):
        """Freeze what exists and lower the young generation's collection rate (the first
        engine to start)."""
        cls = type(self)
        cls.engines += 1
        if cls.engines == 1:
            cls.thresholds = quiet_collector()

    def engine_stopped(self):
        """Put the collector back as it was (the last engine to stop)."""
        cls = type(self)
        cls.engines = max(0, cls.engines - 1)
        if cls.engines == 0 and cls.thresholds is not None:
            gc.unfreeze()
            gc.set_threshold(*cls.thresholds)
            cls.thresholds = None


class CrawlStats(MemoryStatsCollector):
    """The crawl's stats collector (``STATS_CLASS``): Scrapy's
    :class:`~scrapy.statscollectors.MemoryStatsCollector` without the attribute hook Scrapy
    puts on every attribute read of a stats collector (a formatted name and a raised
    ``AttributeError`` each time, two for each ``inc_value``: some thirty a page) to warn about
    a ``spider`` argument; the methods take that argument as before, without a warning."""

    __getattribute__ = object.__getattribute__
