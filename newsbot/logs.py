"""What a run logs. At ``LOG_LEVEL`` INFO (the default) the log is what an operator reads: one
start line, the progress lines, the first failure of each kind per spider (the rest counted in
the stats and named in the summary line), monitor failures and the summary. Scrapy's banners
and dumps (versions, enabled components, overridden settings, spider opened and closed, the
periodic "Crawled N pages" line, the stats dump, stored feeds, peak memory) and Spidermon's
report are logged at DEBUG instead: ``-L DEBUG`` (or ``-s LOG_LEVEL=DEBUG``) shows them, with
every further failure of a kind.

Scrapy has no setting for this: :func:`install` puts a :class:`Demote` filter on the loggers
named in :data:`DEMOTED` (a filter on a logger sees its records before any handler does, and
lowering a record's level there hides it from handlers at INFO). Only INFO records are lowered:
a warning or an error of those loggers stays as it is.
"""
from __future__ import annotations

import logging

DEMOTED: dict[str, tuple[str, ...]] = {
    # logger: beginnings of the INFO messages logged at DEBUG instead ("": every one)
    "scrapy.utils.log": ("",),  # "Scrapy x started", versions
    "scrapy.addons": ("",),
    "scrapy.middleware": ("",),  # enabled extensions, middlewares, pipelines
    "scrapy.crawler": ("Overridden settings",),  # not "Received SIGINT, shutting down gracefully"
    "scrapy.core.engine": ("",),  # spider opened, closing, closed
    "scrapy.extensions.logstats": ("",),  # "Crawled N pages": newsbot's progress line says it per portal
    "scrapy.extensions.telnet": ("",),
    "scrapy.statscollectors": ("",),  # the stats dump (the run's .stats.json holds it)
    "scrapy.extensions.feedexport": ("Stored ",),  # the summary line names the files written
    "scrapy.extensions.memusage": ("Peak memory",),
}
SPIDERMON = "[Spidermon]"  # Spidermon's report, logged by the spider's logger: our monitors log their own line


class Demote(logging.Filter):
    """Lower matching records to DEBUG: INFO records of a logger of :data:`DEMOTED` whose
    message begins with one of its prefixes, and (``spidermon=True``, for spider loggers) every
    record of Spidermon's report, whose failures the monitors log themselves."""

    def __init__(self, prefixes: tuple[str, ...] = ("",), spidermon: bool = False):
        super().__init__()
        self.prefixes, self.spidermon = prefixes, spidermon

    def filter(self, record: logging.LogRecord) -> bool:
        if self.spidermon:
            if str(record.msg).startswith(SPIDERMON):
                record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        elif record.levelno == logging.INFO and str(record.msg).startswith(self.prefixes):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def _add(logger: logging.Logger, new: Demote) -> None:
    if not any(isinstance(f, Demote) for f in logger.filters):
        logger.addFilter(new)


def install() -> None:
    """Put the :class:`Demote` filters on Scrapy's loggers (once; a process-wide change, as
    Scrapy's logging is)."""
    for name, prefixes in DEMOTED.items():
        _add(logging.getLogger(name), Demote(prefixes))


def skip_unshown_records() -> None:
    """Let the loggers skip records that no handler would show: the root logger's level, and
    that of any logger set lower, becomes the lowest level of the handlers of any logger.
    Scrapy sets the root logger to NOTSET, its ``scrapy`` logger to DEBUG and its handler to
    ``LOG_LEVEL``, so every DEBUG call, "Crawled (200)" and "Dropped" for each page among them,
    builds a record only for the handler to drop it. A ``NullHandler`` shows nothing, whatever
    its level (libraries put one on their loggers: charset_normalizer, urllib3, requests), so
    it does not count. Nothing changes while some other handler has no level (NOTSET) or none
    exists, or when the root logger has a level already."""
    root = logging.getLogger()
    if root.level != logging.NOTSET:
        return
    loggers = [root, *(x for x in logging.Logger.manager.loggerDict.values() if isinstance(x, logging.Logger))]
    levels = [h.level for x in loggers for h in x.handlers if not isinstance(h, logging.NullHandler)]
    if not levels or min(levels) == logging.NOTSET:
        return
    lowest = min(levels)
    for logger in loggers:
        if logger.level < lowest:  # NOTSET included for the root logger, not for the others
            if logger is root or logger.level != logging.NOTSET:
                logger.setLevel(lowest)


def quiet_spider(spider) -> None:
    """Lower Spidermon's report, logged by ``spider``'s logger, to DEBUG."""
    logger = getattr(spider.logger, "logger", spider.logger)  # Scrapy's adapter around the logger
    _add(logger, Demote(spidermon=True))


def first_of_kind(crawler, kind: str) -> bool:
    """True the first time failure ``kind`` is reported for ``crawler`` (log it at WARNING),
    False after (log it at DEBUG: it is counted in the stats and named in the summary line)."""
    seen = crawler.__dict__.setdefault("_newsbot_failure_kinds", set())
    if kind in seen:
        return False
    seen.add(kind)
    return True


def failure_level(crawler, kind: str) -> tuple[int, str]:
    """``(level, note)`` for logging a failure of ``kind``: WARNING and a note that further
    ones are logged at DEBUG the first time (see :func:`first_of_kind`), else DEBUG and ``""``."""
    if crawler is None or first_of_kind(crawler, kind):
        name = getattr(getattr(crawler, "spider", None), "name", None)
        return logging.WARNING, (f"; further {kind} failures{f' of {name}' if name else ''} are counted, "
                                 "logged at DEBUG (-L DEBUG)")
    return logging.DEBUG, ""


def failure_detail(exc: BaseException, kind: str, host: str | None) -> str:
    """The one-line detail a download failure is logged with: the exception's first line (at
    most 200 characters) or its class name; for ``refused_address``, why the resolver refused
    ``host`` (:func:`newsbot.resolver.refusal`, naming ``NEWSBOT_ALLOW_LOOPBACK`` for loopback)."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    if kind == "refused_address":
        from .resolver import refusal

        detail = refusal(host or "") or detail
    if detail.startswith("[<twisted.python.failure.Failure "):  # a list of Twisted failures
        detail = detail[len("[<twisted.python.failure.Failure "):].split(":")[0]
    return detail


class RunLog:
    """Extension: the run's log as the module docstring says (Scrapy's loggers at
    :func:`install`; when a spider opens, records no handler shows not built,
    :func:`skip_unshown_records`, and Spidermon's report quieted)."""

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        install()
        ext = cls()
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider):
        """Skip the records no handler shows (not before: Scrapy puts its root handler in place
        again after the extensions are built, and the root logger's level back to NOTSET with
        it), and quiet Spidermon's report in the spider's logger."""
        skip_unshown_records()
        quiet_spider(spider)
