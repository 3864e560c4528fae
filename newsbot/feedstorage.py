"""Atomic local feed storage: an output file appears under its final name only when complete.

Registered in ``FEED_STORAGES`` for the ``""`` and ``file`` URI schemes, so it serves the
default ``FEEDS`` path, ``-o`` and ``-O``. Records are written to ``<path>.<pid>.part`` in the
same folder; when the feed exporter stores the file (at the end of the run, or when a batch
is full) the part file is flushed, fsynced and renamed to ``<path>`` (:mod:`newsbot.atomic`).
A consumer globbing ``*.jsonl`` never sees a file being written, and a run killed with
SIGKILL leaves only a ``.part`` file (safe to delete; its articles are written again by the
next run, see :mod:`newsbot.incremental`).

Append mode (``-o``, a feed without ``overwrite``) keeps the same guarantee differently: the
complete part file is appended to the existing file in place (the existing records are not
copied), and a kill half-way is undone by the next run (the file is cut back to its length
before the append and the append done again), so no record is lost or doubled. Runs sharing a
final name put their files in place one at a time (a lock on the folder for that moment).

Around that step the storage calls the crawl's seen-store ledger (the
:class:`~newsbot.incremental.Incremental` extension): the entries of the file's records are
journaled just before and committed just after (:mod:`newsbot.seenstore`), so the store never
holds a record whose file is missing. It sends :data:`newsbot.signals.output_planned` when the
crawl makes it and :data:`newsbot.signals.output_stored` once the file is in place.
"""
from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from .atomic import PART_SUFFIX, AtomicFile, put_in_place
from .feeds import STREAM_OPTION, stream_of
from .signals import output_planned, output_stored
from .stats import OUTPUT_FAILED


@dataclass(frozen=True)
class Output:
    """One output file of a run: ``final`` (its path), ``part`` (the file being written),
    ``overwrite`` (``-O``: replace ``final``; else records are appended to it) and ``stream``
    (the series of files it belongs to, :func:`newsbot.feeds.stream_of`)."""

    final: Path
    part: Path
    overwrite: bool
    stream: str = ""


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

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return True

    @property
    def closed(self) -> bool:
        """Whether the part file is closed (text wrappers, as the CSV exporter's, ask)."""
        return self._file.closed

    def close(self) -> None:
        self._file.close()


class AtomicFileFeedStorage(FileFeedStorage):
    """``FileFeedStorage`` that writes ``<path>.<pid>.part`` and renames it at store time.

    ``uri``: a local path or ``file://`` URI; ``feed_options``: Scrapy's feed options
    (``overwrite`` true for ``-O``). ``store`` raises ``OSError`` when the rename fails, which
    the feed exporter counts in ``feedexport/failed_count/AtomicFileFeedStorage``.
    """

    def __init__(self, uri: str, *, feed_options: dict | None = None, crawler=None):
        super().__init__(uri, feed_options=feed_options)
        final = Path(self.path)
        spider = getattr(crawler, "spider", None)
        template = (feed_options or {}).get(STREAM_OPTION) or uri
        # one part file a process: two runs started in the same second never share one
        self.output = Output(final, final.with_name(f"{final.name}.{os.getpid()}{PART_SUFFIX}"),
                             self.write_mode == "wb",
                             stream_of(template, getattr(spider, "name", None) or "_", getattr(spider, "_job", None)))
        self.crawler = crawler
        self.ledger = None
        self.atomic: AtomicFile | None = None

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict | None = None):
        storage = cls(uri, feed_options=feed_options, crawler=crawler)
        if getattr(crawler, "spider", None) is not None and "%(" not in uri:  # a file of this run, not a check
            crawler.signals.send_catch_log(output_planned, output=storage.output)
        return storage

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
        module docstring); an empty file is dropped instead (no record was written to it);
        raises ``OSError`` when that fails."""
        out = self.output
        if not file.closed:  # a post-processing wrapper (gzip) already closed it
            file.flush()
        self.atomic.sync()
        if out.part.stat().st_size == 0:  # every record went elsewhere or was already delivered here
            self.atomic.discard()
            return
        ledger = self._ledger()
        with _folder_lock(out.final.parent):  # runs sharing a final name put their files in place in turn
            append = not out.overwrite and out.final.exists()
            offset = out.final.stat().st_size if append else None
            mode = "append" if append else "replace"
            journal = ledger.before_store(out, mode, offset) if ledger is not None else None
            put_in_place(out.final, out.part, mode, offset)
        if ledger is not None:
            ledger.after_store(out, journal)
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(output_stored, output=out)


class _folder_lock:
    """An exclusive ``flock`` on a folder, held for a ``with`` block."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        self.fd = os.open(self.folder, os.O_RDONLY)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
