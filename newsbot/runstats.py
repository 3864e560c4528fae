"""Run figures from Scrapy stats, the ``<name>.stats.json`` file beside each output file, and
the periodic progress line.

:func:`figures` turns a crawler's stats dict into the figures the monitors check and the stats
file holds. :class:`RunStatsWriter` writes them when the engine stops; :class:`Progress` logs one
line per portal every ``LOGSTATS_INTERVAL`` seconds, beside Scrapy's own ``LogStats`` line.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)

# Record fields whose coverage is measured (the ExtractPipeline counts them).
COVERAGE_FIELDS = ("title", "date_published", "date_modified", "section", "lead", "body", "authors",
                   "tags", "language", "canonical_url")


def _sub(stats: dict, prefix: str) -> dict[str, int]:
    return {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix) and isinstance(v, (int, float))}


def figures(stats: dict) -> dict:
    """Figures of one run from its Scrapy stats dict.

    Returns a dict: ``pages_fetched`` (responses received, robots.txt included),
    ``records_written`` (items exported), ``records_dropped`` ({reason: n}, reasons of
    ``newsbot/dropped/*``), ``skipped`` ({reason: n}: links not fetched: ``seen``,
    ``out_of_window``, ``limit``, ``not_article_url``), ``articles_extracted`` (pages the
    extraction took for articles), ``field_coverage`` ({field: {"present", "of", "ratio",
    "layers": {layer: n}}}, over the extracted articles, so a field lost with the markup shows even when the record is
    then dropped as invalid), ``articles_found`` (written + already stored + outside the date
    window), ``errors`` ({kind: n}: failed requests by kind after retries, spider exceptions,
    output files not stored), ``failed_requests``, ``requests_ended`` (responses + requests
    failed without one), ``error_ratio`` (failed requests / requests that ended, 0.0 when none), ``finish_reason``, ``start_time`` / ``finish_time`` (ISO 8601,
    UTC) and ``duration_s`` (seconds).
    """
    dropped = _sub(stats, "newsbot/dropped/")
    skipped = _sub(stats, "newsbot/skipped/")
    coverage = {}
    extracted = 0
    for name in COVERAGE_FIELDS:
        layers = _sub(stats, f"newsbot/field/{name}/")
        total = sum(layers.values())
        present = total - layers.get("missing", 0)
        extracted = max(extracted, total)
        coverage[name] = {"present": present, "of": total, "ratio": round(present / total, 4) if total else None,
                          "layers": layers}
    request_errors = _sub(stats, "newsbot/errors/")
    errors = dict(request_errors)
    errors.update({f"spider_exception/{k}": v for k, v in _sub(stats, "spider_exceptions/").items() if k != "count"})
    errors.update({f"feed_not_stored/{k}": v for k, v in _sub(stats, "feedexport/failed_count/").items()})
    failed = sum(request_errors.values())
    pages = stats.get("downloader/response_count", 0)
    ended = pages + sum(v for k, v in request_errors.items() if not k.startswith("http_"))
    written = stats.get("item_scraped_count", 0)
    stored = skipped.get("seen", 0) + dropped.get("unchanged", 0)
    outside = skipped.get("out_of_window", 0) + dropped.get("out_of_window", 0)

    def when(key):
        value = stats.get(key)
        return value.isoformat() if isinstance(value, datetime) else value

    return {
        "pages_fetched": pages,
        "records_written": written,
        "records_dropped": dropped,
        "skipped": skipped,
        "articles_extracted": extracted,
        "field_coverage": coverage,
        "articles_found": written + stored + outside,
        "already_stored": stored,
        "outside_window": outside,
        "errors": errors,
        "failed_requests": failed,
        "requests_ended": ended,
        "error_ratio": round(failed / ended, 4) if ended else 0.0,
        "finish_reason": stats.get("finish_reason"),
        "start_time": when("start_time"),
        "finish_time": when("finish_time"),
        "duration_s": stats.get("elapsed_time_seconds"),
    }


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


def write_json_atomic(path: Path, data: dict) -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=False)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class RunStatsWriter:
    """Extension: when the engine stops, write ``<name>.stats.json`` beside every output file
    the run wrote (a run without records writes no output file, and its figures stay in the
    log: Scrapy's stats dump and the summary line).

    The file holds ``portal``, ``output`` (the output file name),
    the :func:`figures`, ``monitors`` (``{"failed": [messages]}``, see :mod:`newsbot.monitors`)
    and ``scrapy_stats`` (the full stats dict, dates as ISO 8601). Not enabled without output
    files (no ``FEEDS``)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getdict("FEEDS"):
            raise NotConfigured("no output files")
        ext = cls(crawler)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def output_paths(self) -> list[Path]:
        """Final paths of the run's local output files (one per feed slot, URI parameters
        applied), from the feed exporter extension."""
        from scrapy.extensions.feedexport import FeedExporter

        paths = []
        for ext in getattr(self.crawler.extensions, "middlewares", ()):
            if isinstance(ext, FeedExporter):
                for slot in ext.slots:
                    path = getattr(slot.storage, "final", None) or getattr(slot.storage, "path", None)
                    if path:
                        paths.append(Path(path))
        return paths

    def engine_stopped(self):
        """Write the stats file beside each output file the run wrote."""
        stats = self.crawler.stats.get_stats()
        spider = getattr(self.crawler, "spider", None)
        for output in self.output_paths():
            if not output.exists():
                continue  # no record, no output file: the figures stay in the log
            report = {"portal": getattr(spider, "name", None), "output": output.name, **figures(stats),
                      "monitors": {"failed": list(stats.get("newsbot/monitors/failed", []))},
                      "scrapy_stats": _jsonable(stats)}
            path = stats_path(output)
            try:
                write_json_atomic(path, report)
            except OSError as exc:
                self.crawler.stats.inc_value("newsbot/errors/stats_file")
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
