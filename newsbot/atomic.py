"""Atomic files: a file appears under its final name only when it is complete.

Every file newsbot writes for others to read (output files, stats files, commit journals,
predictions) is written as a temporary part file in the same folder, flushed and fsynced, then
renamed over the final name (``os.replace``, atomic on POSIX), and the folder is fsynced so the
rename survives a crash. A writer killed half-way leaves at most a part file, never a
truncated final file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

PART_SUFFIX = ".part"


class AtomicFile:
    """A part file beside ``final`` (``.<name>.<random>.part``, or ``part`` when given), open
    for binary writing as ``file``. :meth:`commit` makes it ``final``; :meth:`discard` removes
    it; a new part file gets the permissions :func:`open` would give it (the umask applies).
    ``buffering``: as for :func:`open` (0: every write goes to the file at once); ``mkdir``:
    create the folder when missing (else a missing folder is an ``OSError``). Raises
    ``OSError`` when the part file cannot be created."""

    def __init__(self, final: str | os.PathLike, part: str | os.PathLike | None = None, buffering: int = -1,
                 mkdir: bool = True):
        self.final = Path(final)
        if mkdir:
            self.final.parent.mkdir(parents=True, exist_ok=True)
        if part is None:
            fd, name = tempfile.mkstemp(prefix=f".{self.final.name}.", suffix=PART_SUFFIX, dir=self.final.parent)
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)  # as open() would create it
            self.part = Path(name)
            self.file = os.fdopen(fd, "wb", buffering=buffering)
        else:
            self.part = Path(part)
            self.file = self.part.open("wb", buffering=buffering)

    def sync(self) -> None:
        """Flush and fsync the part file and close it (idempotent)."""
        if not self.file.closed:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()

    def commit(self) -> Path:
        """Sync, rename the part file over ``final``, fsync the folder; returns ``final``.
        Raises ``OSError`` when that fails (the part file is then left in place)."""
        self.sync()
        os.replace(self.part, self.final)
        fsync_folder(self.final.parent)
        return self.final

    def discard(self) -> None:
        """Close and remove the part file (the final file, if any, is left as it was), even
        when closing fails (a full disk refusing the bytes still buffered)."""
        try:
            if not self.file.closed:
                self.file.close()
        except OSError:
            pass
        finally:
            self.part.unlink(missing_ok=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        """Commit when the block ended without an exception, else discard; a commit that
        fails (a full disk) discards too, so a ``with`` block never leaves a part file behind,
        and its ``OSError`` propagates."""
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :class:`AtomicFile`); returns the path."""
    with AtomicFile(path) as out:
        out.file.write(data)
    return Path(path)


def fsync_folder(path: Path) -> None:
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


def put_in_place(final: Path, part: Path, mode: str, offset: int | None) -> None:
    """Put the complete part file in place: ``replace`` renames it over ``final``; ``append``
    cuts ``final`` back to ``offset`` bytes (undoing a half-done append), appends the part's
    bytes and fsyncs, then removes the part. Done again after a kill, either gives the same
    file. Raises ``OSError``."""
    if mode == "append":
        with open(final, "r+b") as out, open(part, "rb") as src:
            out.truncate(offset)
            out.seek(offset)
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        part.unlink()
    else:
        os.replace(part, final)
    fsync_folder(final.parent)
