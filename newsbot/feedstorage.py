"""Atomic local feed storage: an output file appears under its final name only when complete.

Registered in ``FEED_STORAGES`` for the ``""`` and ``file`` URI schemes, so it serves the
default ``FEEDS`` path, ``-o`` and ``-O``. Items are written to ``<path>.<pid>.part`` in the
same folder; when the feed exporter stores the file at the end of the run, the part file is
flushed, fsynced and renamed (``os.replace``, atomic on POSIX) to ``<path>``. A consumer
globbing ``*.jsonl`` never sees a file being written, and a run killed with SIGKILL leaves only
a ``.part`` file (safe to delete; its articles are written again by the next run, see
:mod:`newsbot.incremental`).

Append mode (``-o``, a feed without ``overwrite``) keeps the same guarantee: at the end the
existing file and the new part are joined into a temporary file renamed over the final name,
under a lock (``.<name>.lock`` beside it) so that runs sharing a final name append in turn.

Around the rename the storage calls the crawler's incremental extension
(:mod:`newsbot.incremental`): the seen-store entries of the file's records are journaled just
before and committed just after, so the store never holds a record whose file is missing.

The run-stats writer (:mod:`newsbot.runstats`) puts ``<name>.stats.json`` beside each final
path.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

PART_SUFFIX = ".part"


class AtomicFileFeedStorage(FileFeedStorage):
    """``FileFeedStorage`` that writes ``<path>.part`` and renames it at store time.

    ``uri``: a local path or ``file://`` URI; ``feed_options``: Scrapy's feed options
    (``overwrite`` true for ``-O``). ``store`` raises ``OSError`` when the rename fails, which
    the feed exporter counts in ``feedexport/failed_count/AtomicFileFeedStorage``.
    """

    def __init__(self, uri: str, *, feed_options: dict | None = None, crawler=None):
        super().__init__(uri, feed_options=feed_options)
        self.final = Path(self.path)
        # one part file a process: two runs started in the same second never share one
        self.part = self.final.with_name(f"{self.final.name}.{os.getpid()}{PART_SUFFIX}")
        self.overwrite = self.write_mode == "wb"
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider):
        """Create the folder and open ``<path>.<pid>.part`` for writing (binary). A folder or
        file that cannot be created is counted in ``newsbot/output_failed/open`` (the run
        then fails and commits nothing to the seen-store) and the ``OSError`` re-raised."""
        try:
            self.final.parent.mkdir(parents=True, exist_ok=True)
            return self.part.open("wb")
        except OSError:
            if self.crawler is not None:
                self.crawler.stats.inc_value("newsbot/output_failed/open")
            raise

    def store(self, file):
        """Flush and close ``file``, then put it in place under the final name (see the
        class docstring); raises ``OSError`` when that fails."""
        if not file.closed:  # a post-processing wrapper (gzip) already closed it
            file.flush()
            os.fsync(file.fileno())
            file.close()
        seen = getattr(self.crawler, "newsbot_incremental", None)
        journal = seen.before_rename(self.final, self.part) if seen is not None else None
        with open(self.final.with_name(f".{self.final.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # runs sharing a final name append in turn
            if not self.overwrite and self.final.exists():
                joined = self.final.with_name(f"{self.final.name}.{os.getpid()}.join{PART_SUFFIX}")
                with joined.open("wb") as out:
                    for src in (self.final, self.part):
                        with src.open("rb") as fh:
                            shutil.copyfileobj(fh, out)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(joined, self.final)
                self.part.unlink()
            else:
                os.replace(self.part, self.final)
        _fsync_dir(self.final.parent)
        if seen is not None:
            seen.after_rename(journal)


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (best effort: not every file system allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
