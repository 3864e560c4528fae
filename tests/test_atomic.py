"""Atomic files: complete under their final name, or not there at all."""
import errno
import os

import pytest

from newsbot.atomic import AtomicFile, write_atomic


def test_write_atomic_replaces_the_file_whole_and_leaves_no_part(tmp_path):
    target = tmp_path / "run.stats.json"
    target.write_bytes(b"old")
    assert write_atomic(target, b"new figures") == target
    assert target.read_bytes() == b"new figures"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.stats.json"]


def test_a_commit_that_fails_in_a_with_block_removes_its_part_file(tmp_path, monkeypatch):
    """A full disk found at the flush or fsync of the commit: the error propagates, the old
    file stays as it was and no part file is left to take the last free space."""
    target = tmp_path / "run.stats.json"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as failed:
        write_atomic(target, b"new figures")
    assert failed.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.stats.json"]


def test_commit_called_directly_keeps_the_part_for_its_caller(tmp_path, monkeypatch):
    """Outside a ``with`` block the caller owns the part file (the feed storage puts it in
    place again from its commit journal), so a failed commit leaves it."""
    out = AtomicFile(tmp_path / "out.jsonl")
    out.file.write(b"{}\n")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EXDEV, "moved")))
    with pytest.raises(OSError):
        out.commit()
    assert out.part.read_bytes() == b"{}\n"


def test_a_with_block_on_a_full_disk_leaves_no_part_even_with_bytes_buffered(tmp_path, monkeypatch):
    """The flush inside the commit fails, and so does the close that would flush the same bytes
    again: the part file is removed all the same."""
    target = tmp_path / "a.jsonl"

    class Full:
        closed = False

        def __init__(self, real):
            self.real = real

        def write(self, data):
            return len(data)  # buffered: the disk is found full only when flushed

        def flush(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        close = flush

        def fileno(self):
            return self.real.fileno()

    out = AtomicFile(target)
    real = out.file
    out.file = Full(real)
    with pytest.raises(OSError):
        with out:
            out.file.write(b"x" * 1000)
    real.close()
    assert list(tmp_path.iterdir()) == []
