"""Output files (:mod:`newsbot.feedstorage`): written under a part name and renamed whole when
complete, replaced with ``-O`` and appended with ``-o``; runs sharing an output name append in
turn."""
from __future__ import annotations

import os

from newsbot.feedstorage import AtomicFileFeedStorage


def _export(storage, lines: list[bytes]) -> None:
    fh = storage.open(None)
    for line in lines:
        fh.write(line)
    assert not storage.output.final.exists() or storage.output.final.read_bytes() != b"".join(lines)
    storage.store(fh)


def test_atomic_storage_renames_when_complete(tmp_path):
    final = tmp_path / "out" / "run.jsonl"
    storage = AtomicFileFeedStorage(str(final), feed_options={"overwrite": True})
    fh = storage.open(None)
    fh.write(b'{"a": 1}\n')
    # nothing under *.jsonl while it is written
    assert sorted(p.name for p in final.parent.iterdir()) == [f"run.jsonl.{os.getpid()}.part"]
    storage.store(fh)
    assert sorted(p.name for p in final.parent.iterdir() if not p.name.startswith(".")) == ["run.jsonl"]
    assert final.read_bytes() == b'{"a": 1}\n'
    # -O again: replaced; -o: appended, still by rename
    _export(AtomicFileFeedStorage(str(final), feed_options={"overwrite": True}), [b'{"b": 2}\n'])
    assert final.read_bytes() == b'{"b": 2}\n'
    _export(AtomicFileFeedStorage(f"file://{final}", feed_options={"overwrite": False}), [b'{"c": 3}\n'])
    assert final.read_bytes() == b'{"b": 2}\n{"c": 3}\n'
    assert sorted(p.name for p in final.parent.iterdir() if not p.name.startswith(".")) == ["run.jsonl"]


def test_runs_sharing_an_output_name_append_in_turn(tmp_path):
    from newsbot.feedstorage import AtomicFileFeedStorage

    final = tmp_path / "same-second.jsonl"
    a = AtomicFileFeedStorage(str(final), feed_options={"overwrite": False})
    b = AtomicFileFeedStorage(str(final), feed_options={"overwrite": False})
    from dataclasses import replace

    b.output = replace(b.output, part=b.output.part.with_name(b.output.part.name.replace(".part", ".other.part")))
    # (as another process)
    fa, fb = a.open(None), b.open(None)
    fa.write(b'{"a": 1}\n')
    fb.write(b'{"b": 2}\n')
    a.store(fa)
    b.store(fb)
    assert sorted(final.read_text().splitlines()) == ['{"a": 1}', '{"b": 2}']
