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
