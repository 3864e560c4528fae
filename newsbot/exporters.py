"""Record exporters: Scrapy's exporters, each record written whole or not at all.

Scrapy's exporters raise out of the ``item_scraped`` signal when a write fails (a full disk, a
record that cannot be encoded), which Scrapy logs and forgets: the record is lost and could be
taken for written. These exporters (registered in ``FEED_EXPORTERS`` for every format) send
:data:`newsbot.signals.record_written` once a record's bytes are in the file, so only records
really written enter the seen-store. A record that cannot be written is counted in
``newsbot/output_failed/write`` (the run then fails), logged once a file, and cut back out of
the file (newsbot's part files are unbuffered), so the file holds only whole records; the crawl
goes on.
"""
from __future__ import annotations

import json
import logging

from scrapy.exporters import (CsvItemExporter, JsonItemExporter, JsonLinesItemExporter, MarshalItemExporter,
                              PickleItemExporter, XmlItemExporter)

from .signals import record_written
from .stats import INCREMENTAL, OUTPUT_FAILED

logger = logging.getLogger(__name__)


class RecordAccounting:
    """Mixin over a Scrapy exporter class: per-record accounting (see the module docstring).
    ``crawler`` is handed over by ``from_crawler``; ``output`` is the
    :class:`~newsbot.feedstorage.Output` of newsbot's part file (``None`` for other storages)."""

    def __init__(self, file, *args, crawler=None, **kwargs):
        super().__init__(file, *args, **kwargs)
        if not hasattr(self, "file"):  # the CSV exporter keeps only its text wrapper (written through)
            self.file = file
        self.crawler = crawler
        inner = getattr(file, "file", None)  # Scrapy's post-processing wrapper keeps the file here
        self.output = getattr(file, "output", None) or getattr(inner, "output", None)
        self.failures = 0
        self.ledger = None

    @classmethod
    def from_crawler(cls, crawler, file, *args, **kwargs):
        return cls(file, *args, crawler=crawler, **kwargs)

    def export_item(self, item) -> None:
        """Write one record with the revision of this file's stream (a record the stream
        already has unchanged is not written again, counted in
        ``newsbot/incremental/already_delivered``); on failure cut it back out, count and log it
        (never raises)."""
        ledger = self._ledger()
        if ledger is not None and ledger.enabled and self.output is not None and isinstance(item, dict):
            revision = ledger.revision_for(self.output.stream, item)
            if revision is None:
                self.crawler.stats.inc_value(INCREMENTAL("already_delivered"))
                return
            item = {**item, "revision": revision}
        start = self._tell()
        first = getattr(self, "first_item", None)
        try:
            super().export_item(item)
        except (OSError, TypeError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
            self._cut(start)
            if first is not None:
                self.first_item = first  # the JSON exporter's separator state
            self._failed(item, exc)
            return
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(record_written, record=item, output=self.output)

    def _ledger(self):
        if self.ledger is None and self.crawler is not None:
            from .incremental import Incremental

            self.ledger = self.crawler.get_extension(Incremental)
        return self.ledger

    def _tell(self) -> int | None:
        try:
            return self.file.tell()
        except (OSError, AttributeError, ValueError):
            return None

    def _cut(self, start: int | None) -> None:
        """Drop a partly written record: the file is cut back to where the record began."""
        if start is None:
            return
        try:
            self.file.truncate(start)
            self.file.seek(start)
        except (OSError, AttributeError, ValueError):
            pass

    def _failed(self, item, exc: BaseException) -> None:
        self.failures += 1
        if self.crawler is not None:
            self.crawler.stats.inc_value(OUTPUT_FAILED("write"))
        if self.failures == 1:
            url = item.get("url") if isinstance(item, dict) else None
            logger.error("Record not written (%s: %s) to %s: %s; further failures of this file are only "
                         "counted in newsbot/output_failed/write", type(exc).__name__, str(exc)[:200],
                         self.output.final if self.output else "the output", url)


class JsonLinesExporter(RecordAccounting, JsonLinesItemExporter):
    """JSON Lines (``jsonlines``, ``jl``): one record a line, written with one ``write``."""


class JsonExporter(RecordAccounting, JsonItemExporter):
    """JSON (``json``): one array of records."""


class CsvExporter(RecordAccounting, CsvItemExporter):
    """CSV (``csv``): one row a record, the columns those of the first record. Lists, objects
    and true/false are written as JSON (``["a", "b"]``, ``[{"language": "de", "url": …}]``,
    ``true``), so a reader gets them back with ``json.loads``; text as it is, ``null`` as an
    empty cell."""

    def serialize_field(self, field, name, value):
        if isinstance(value, (list, tuple, dict, bool)):
            return json.dumps(value, ensure_ascii=False)
        return super().serialize_field(field, name, value)


class XmlExporter(RecordAccounting, XmlItemExporter):
    """XML (``xml``)."""


class PickleExporter(RecordAccounting, PickleItemExporter):
    """Pickle (``pickle``)."""


class MarshalExporter(RecordAccounting, MarshalItemExporter):
    """Marshal (``marshal``)."""
