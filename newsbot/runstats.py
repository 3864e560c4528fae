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
from .signals import output_stored
from .stats import ERRORS, MONITORS_FAILED, figures

logger = logging.getLogger(__name__)


def stats_path(output: Path) -> Path:
    """``<folder>/<name>.stats.json`` for the output file ``<folder>/<name>.<ext>`` (a
    compression suffix such as ``.gz`` after ``<ext>`` is dropped too)."""
    name = output.name
    for ext in (".gz", ".bz2", ".xz"):
        name = name.removesuffix(ext)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return output.with_name(stem + ".stats.json")


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
    """Extension: when the engine stops, write ``<name>.stats.json`` beside every output file
    the run wrote (:data:`newsbot.signals.output_stored`; a run without records writes no output
    file, and its figures stay in the log: Scrapy's stats dump and the summary line).

    The file holds ``portal``, ``output`` (the output file name),
    the :func:`~newsbot.stats.figures`, ``monitors`` (``{"failed": [messages]}``, see :mod:`newsbot.monitors`)
    and ``scrapy_stats`` (the full stats dict, dates as ISO 8601). Not enabled without output
    files (no ``FEEDS``)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.outputs: list[Path] = []

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getdict("FEEDS"):
            raise NotConfigured("no output files")
        ext = cls(crawler)
        crawler.signals.connect(ext.stored, signal=output_stored)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def stored(self, output):
        """Signal handler of :data:`newsbot.signals.output_stored`: note the output file."""
        self.outputs.append(output.final)

    def engine_stopped(self):
        """Write the stats file beside each output file the run wrote."""
        stats = self.crawler.stats.get_stats()
        spider = getattr(self.crawler, "spider", None)
        for output in dict.fromkeys(self.outputs):
            report = {"portal": getattr(spider, "name", None), "output": output.name, **figures(stats),
                      "monitors": {"failed": list(stats.get(MONITORS_FAILED, []))},
                      "scrapy_stats": _jsonable(stats)}
            path = stats_path(output)
            try:
                write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
            except OSError as exc:
                self.crawler.stats.inc_value(ERRORS("stats_file"))
                logger.error("Run stats not written to %s: %s", path, exc)
            else:
                logger.info("Run stats written to %s", path)


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
