"""Atomic local feed storage: an output file appears under its final name only when complete.

Registered in ``FEED_STORAGES`` for the ``""`` and ``file`` URI schemes, so it serves the
default ``FEEDS`` path, ``-o`` and ``-O``. Records are written to ``<path>.<pid>.part`` in the
same folder; when the feed exporter stores the file (at the end of the run, or when a batch
is full) the part file is flushed, fsynced and renamed to ``<path>`` (:mod:`newsbot.atomic`).
A consumer globbing ``*.jsonl`` never sees a file being written, and a run killed with
SIGKILL leaves only a ``.part`` file (safe to delete; its articles are written again by the
next run, see :mod:`newsbot.incremental`).

Append mode (``-o``, a feed without ``overwrite``) keeps the same guarantee: at the end the
existing file and the new part are joined into a part file renamed over the final name,
under a lock (``.<name>.lock`` beside it) so that runs sharing a final name append in turn.

Around the rename the storage calls the crawl's seen-store ledger (the
:class:`~newsbot.incremental.Incremental` extension, handed over by ``from_crawler``): the
entries of the file's records are journaled just before and committed just after, so the
store never holds a record whose file is missing. After the rename it sends
:data:`newsbot.signals.output_stored`.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from .atomic import PART_SUFFIX, AtomicFile, fsync_folder
from .signals import output_stored
from .stats import OUTPUT_FAILED


@dataclass(frozen=True)
class Output:
    """One output file of a run: ``final`` (its path), ``part`` (the file being written),
    ``overwrite`` (``-O``: replace ``final``; else records are appended to it)."""

    final: Path
    part: Path
    overwrite: bool


class PartFile:
    """The binary file a feed exporter writes into: the part file of ``output``. Writes go
    straight to the part file; ``output`` tells the record exporter where its records went."""

    def __init__(self, atomic: AtomicFile, output: Output):
        self.atomic, self.output = atomic, output
        self._file = atomic.file

    def write(self, data) -> int:
        """Write all of ``data`` to the file at once (no buffer: a full disk shows here, at the
        record it hits); raises ``OSError``."""
        view = memoryview(data)
        done = 0
        while done < len(view):
            written = self._file.write(view[done:])
            if not written:
                raise OSError(f"no byte of the record could be written to {self.output.part}")
            done += written
        return done

    def flush(self) -> None:
        self._file.flush()

    def tell(self) -> int:
        return self._file.tell()

    def truncate(self, size: int | None = None) -> int:
        return self._file.truncate(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def fileno(self) -> int:
        return self._file.fileno()

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed


class AtomicFileFeedStorage(FileFeedStorage):
    """``FileFeedStorage`` that writes ``<path>.<pid>.part`` and renames it at store time.

    ``uri``: a local path or ``file://`` URI; ``feed_options``: Scrapy's feed options
    (``overwrite`` true for ``-O``). ``store`` raises ``OSError`` when the rename fails, which
    the feed exporter counts in ``feedexport/failed_count/AtomicFileFeedStorage``.
    """

    def __init__(self, uri: str, *, feed_options: dict | None = None, crawler=None):
        super().__init__(uri, feed_options=feed_options)
        final = Path(self.path)
        # one part file a process: two runs started in the same second never share one
        self.output = Output(final, final.with_name(f"{final.name}.{os.getpid()}{PART_SUFFIX}"),
                             self.write_mode == "wb")
        self.crawler = crawler
        self.ledger = None
        self.atomic: AtomicFile | None = None

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def _ledger(self):
        """The crawl's seen-store ledger (the :class:`~newsbot.incremental.Incremental`
        extension), or ``None`` (it is looked up once the extensions exist)."""
        if self.ledger is None and self.crawler is not None:
            from .incremental import Incremental

            self.ledger = self.crawler.get_extension(Incremental)
        return self.ledger

    def open(self, spider):
        """Create the folder and open the part file for binary writing (a :class:`PartFile`).
        A folder or file that cannot be created is counted in ``newsbot/output_failed/open``
        (the run then fails and commits nothing to the seen-store) and the ``OSError``
        re-raised."""
        try:
            self.atomic = AtomicFile(self.output.final, self.output.part, buffering=0)
        except OSError:
            if self.crawler is not None:
                self.crawler.stats.inc_value(OUTPUT_FAILED("open"))
            raise
        return PartFile(self.atomic, self.output)

    def store(self, file):
        """Flush and close ``file``, then put it in place under the final name (see the
        module docstring); raises ``OSError`` when that fails."""
        out = self.output
        if not file.closed:  # a post-processing wrapper (gzip) already closed it
            file.flush()
        self.atomic.sync()
        ledger = self._ledger()
        journal = ledger.before_rename(out) if ledger is not None else None
        with open(out.final.with_name(f".{out.final.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # runs sharing a final name append in turn
            if not out.overwrite and out.final.exists():
                joined = AtomicFile(out.final)
                with joined:
                    for src in (out.final, out.part):
                        with src.open("rb") as fh:
                            shutil.copyfileobj(fh, joined.file)
                out.part.unlink()
            else:
                os.replace(out.part, out.final)
                fsync_folder(out.final.parent)
        if ledger is not None:
            ledger.after_rename(out, journal)
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(output_stored, output=out)
