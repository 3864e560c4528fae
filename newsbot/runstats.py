"""The ``<name>.stats.json`` file beside each output file, and the periodic progress line.

:class:`RunStatsWriter` writes the run's figures (:func:`newsbot.stats.figures`) when the
engine stops; :class:`Progress` logs one line per portal every ``LOGSTATS_INTERVAL`` seconds,
beside Scrapy's own ``LogStats`` line.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from .atomic import write_atomic
from .signals import output_planned, output_stored
from .stats import ERRORS, MONITORS_FAILED, OUTPUTS, figures

logger = logging.getLogger(__name__)


def stats_path(output: Path) -> Path:
    """``<folder>/<output file name>.stats.json`` for the output file ``<folder>/<name>``
    (``a.jsonl`` → ``a.jsonl.stats.json``: ``a.json`` and ``a.jsonl`` keep apart)."""
    return output.with_name(output.name + ".stats.json")


def _jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


class RunStatsWriter:
    """Extension: when the engine stops, write the run's figures beside the first output file
    of each of its feeds (:func:`stats_path`), whether the run wrote records or not (a failed or
    empty run is the one monitoring by files must see; the output file itself then does not
    exist).

    The file holds ``portal``, ``output`` (the first output file's name), ``outputs`` (the
    names of the files the run put in place, chunks in order), the
    :func:`~newsbot.stats.figures`, ``monitors`` (``{"failed": [messages]}``, see
    :mod:`newsbot.monitors`) and ``scrapy_stats`` (the full stats dict, dates as ISO 8601).
    Outputs come from :data:`newsbot.signals.output_planned` / ``output_stored`` (newsbot's
    local storage), and are listed in the stat :data:`newsbot.stats.OUTPUTS` (the summary
    line names them); not enabled without output files (no ``FEEDS``)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.first: dict[str, Path] = {}  # stream -> its first output file
        self.stored: dict[str, list[Path]] = {}
        self.written = False

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getdict("FEEDS"):
            raise NotConfigured("no output files")
        ext = cls(crawler)
        crawler.signals.connect(ext.planned, signal=output_planned)
        crawler.signals.connect(ext.put_in_place, signal=output_stored)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def planned(self, output):
        """Signal handler of :data:`newsbot.signals.output_planned`."""
        self.first.setdefault(output.stream, output.final)

    def put_in_place(self, output):
        """Signal handler of :data:`newsbot.signals.output_stored`."""
        self.first.setdefault(output.stream, output.final)
        files = self.stored.setdefault(output.stream, [])
        if output.final not in files:
            files.append(output.final)
            written = list(self.crawler.stats.get_value(OUTPUTS) or [])
            self.crawler.stats.set_value(OUTPUTS, [*written, str(output.final)])

    def engine_stopped(self):
        """Write the stats file of each feed of the run (also called by :func:`write_unwritten`
        for a run whose engine never stopped)."""
        self.written = True
        stats = self.crawler.stats.get_stats()
        spider = getattr(self.crawler, "spider", None)
        for stream, first in self.first.items():
            report = {"portal": getattr(spider, "name", None), "output": first.name,
                      "outputs": [p.name for p in self.stored.get(stream, [])], **figures(stats),
                      "monitors": {"failed": list(stats.get(MONITORS_FAILED, []))},
                      "scrapy_stats": _jsonable(stats)}
            path = stats_path(first)
            try:
                write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
            except OSError as exc:
                self.crawler.stats.inc_value(ERRORS("stats_file"))
                logger.error("Run stats not written to %s: %s", path, exc)
            else:
                logger.debug("Run stats written to %s", path)


def write_unwritten(crawler) -> bool:
    """Write the stats files of ``crawler``'s run when its engine never stopped (a forced stop:
    a second Ctrl-C or SIGTERM stops the reactor at once), from the stats it had then; its
    ``finish_reason`` is then absent. Returns True when files were written."""
    extensions = getattr(getattr(crawler, "extensions", None), "middlewares", ())
    for ext in extensions:
        if isinstance(ext, RunStatsWriter) and not ext.written and crawler.stats is not None:
            ext.engine_stopped()
            return True
    return False


class Progress:
    """Extension: every ``LOGSTATS_INTERVAL`` seconds, one INFO line for the spider:
    ``progress: <portal>: <n> records written, <n> already stored, <n> dropped, <n> failed
    requests, <n> pages``. Off when the interval is 0."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("LOGSTATS_INTERVAL")
        if not interval:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        """Start the periodic progress line."""
        from twisted.internet import task

        self.task = task.LoopingCall(self.log, spider)
        self.task.start(self.interval, now=False)

    def line(self, spider) -> str:
        """The progress line for ``spider`` from the current stats."""
        f = figures(self.crawler.stats.get_stats())
        dropped = sum(v for k, v in f["records_dropped"].items() if k != "unchanged")
        return (f"progress: {spider.name}: {f['records_written']} records written, {f['already_stored']} "
                f"already stored, {dropped} dropped, {f['failed_requests']} failed requests, "
                f"{f['pages_fetched']} pages")

    def log(self, spider):
        """Log the progress line once."""
        logger.info(self.line(spider), extra={"spider": spider})

    def spider_closed(self, spider, reason=None):
        """Stop the periodic line."""
        if self.task is not None and self.task.running:
            self.task.stop()
