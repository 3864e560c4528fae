"""Output files (:mod:`newsbot.feedstorage`): written under a part name and put in place whole
when complete, replaced with ``-O`` and appended in place with ``-o``; runs sharing an output
name append in turn; every file commits its own records, so two feeds and chunked files lose
nothing and write nothing twice, whatever fails or is killed."""
from __future__ import annotations

import json
import os
import time

from newsroom import Newsroom, Story, day, killed, records, run, start, wait_for, write_portal

from newsbot.feedstorage import AtomicFileFeedStorage

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")


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
    # -O again: replaced; -o: appended in place (the file's records are not copied again)
    _export(AtomicFileFeedStorage(str(final), feed_options={"overwrite": True}), [b'{"b": 2}\n'])
    assert final.read_bytes() == b'{"b": 2}\n'
    inode = final.stat().st_ino
    _export(AtomicFileFeedStorage(f"file://{final}", feed_options={"overwrite": False}), [b'{"c": 3}\n'])
    assert final.read_bytes() == b'{"b": 2}\n{"c": 3}\n'
    assert final.stat().st_ino == inode
    assert sorted(p.name for p in final.parent.iterdir()) == ["run.jsonl"]  # no lock file, no part left


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


def _feeds(**feeds) -> str:
    return json.dumps({path: {"format": "jsonlines", "encoding": "utf8", **opts} for path, opts in feeds.items()})


def test_two_feeds_each_get_every_article_once_when_one_fails(tmp_path):
    """The same records go to two feeds; the second cannot be put in place (a folder made at
    its name while the run goes on). Its records stay undelivered for that feed alone: the next
    run writes them to it and nothing again to the first."""
    with Newsroom([Story(n, day(n)) for n in (1, 2, 3)], gate_after=1) as room:
        write_portal(tmp_path, room.base)
        feeds = {"a/%(name)s-%(time)s.jsonl": {}, "b.jsonl": {}}
        first = start(tmp_path, *WINDOW, settings={"FEEDS": _feeds(**feeds)})
        try:
            wait_for(lambda: room.held >= 1, first)  # checked and under way: the feeds are open
            (tmp_path / "b.jsonl").mkdir()
            room.gate.set()
            room.gate_after = None
            _, err = first.communicate(timeout=120)
        finally:
            if first.poll() is None:
                first.kill()
        assert first.returncode == 1 and "output not written in full" in err.splitlines()[-1]
        [a1] = list((tmp_path / "a").glob("*.jsonl"))
        assert len(records(a1)) == 3
        (tmp_path / "b.jsonl").rmdir()
        time.sleep(1.1)  # the next run's file names differ by the second
        second = run(tmp_path, *WINDOW, settings={"FEEDS": _feeds(**feeds)})
        assert second.returncode == 0, second.stderr[-3000:]
        assert sorted(r["title"] for r in records(tmp_path / "b.jsonl")) == sorted(
            Story(n, day(1)).title for n in (1, 2, 3))
        assert [p.name for p in (tmp_path / "a").glob("*.jsonl")] == [a1.name]  # nothing new, nothing twice
        assert [r["revision"] for r in records(tmp_path / "b.jsonl")] == [1, 1, 1]
        third = run(tmp_path, *WINDOW, settings={"FEEDS": _feeds(**feeds)})
        assert third.returncode == 0 and len(records(tmp_path / "b.jsonl")) == 3


def test_a_killed_chunked_run_loses_at_most_the_chunk_it_was_writing(tmp_path):
    """Files of two records each: the chunks completed before a SIGKILL are in place with their
    seen-store entries; the next run writes the rest, nothing twice."""
    stories = [Story(n, day(n)) for n in range(1, 10)]
    with Newsroom(stories, gate_after=5) as room:
        write_portal(tmp_path, room.base)
        with killed(start(tmp_path, *WINDOW, settings={"NEWSBOT_CHUNK_RECORDS": "2"})) as victim:
            wait_for(lambda: len(list((tmp_path / "output").rglob("*.jsonl"))) >= 2 and room.held >= 1, victim)
        committed = sorted((tmp_path / "output").rglob("*.jsonl"))
        assert [len(records(p)) for p in committed] == [2, 2]
        room.gate.set()
        room.gate_after = None
        again = run(tmp_path, *WINDOW, settings={"NEWSBOT_CHUNK_RECORDS": "2"})
        assert again.returncode == 0, again.stderr[-3000:]
    ids = [r["id"] for p in sorted((tmp_path / "output").rglob("*.jsonl")) for r in records(p)]
    assert len(ids) == len(set(ids)) == 9


DIE_AFTER_PUT = """# Put on PYTHONPATH of one crawl: the process dies (as by SIGKILL) right after the first
# output file is put in place, before the seen-store hears of it.
import os
import newsbot.feedstorage as storage

_put = storage.put_in_place


def put_in_place(*args, **kwargs):
    _put(*args, **kwargs)
    os._exit(9)


storage.put_in_place = put_in_place
"""


def _die_after_put(tmp_path, cmd: list[str]) -> None:
    """Run ``cmd`` in ``tmp_path`` with the hook above: it must die with status 9 after putting
    one file in place."""
    import subprocess

    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(DIE_AFTER_PUT, encoding="utf-8")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")]))}
    died = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert died.returncode == 9, died.stderr[-3000:]


def test_a_kill_between_the_first_of_two_feeds_and_its_commit_loses_and_doubles_nothing(tmp_path):
    """Two feeds; the run dies right after the first file is renamed into place, before any
    seen-store commit. The next run writes to each feed exactly what it lacks."""
    from newsroom import command

    with Newsroom([Story(n, day(n)) for n in (1, 2, 3)]) as room:
        write_portal(tmp_path, room.base)
        settings = {"FEEDS": _feeds(**{"a/%(name)s-%(time)s.jsonl": {}, "b.jsonl": {}})}
        _die_after_put(tmp_path, command(*WINDOW, settings=settings))
        placed = sorted(p.name for p in (tmp_path / "a").glob("*.jsonl")) + \
            (["b.jsonl"] if (tmp_path / "b.jsonl").exists() else [])
        assert len(placed) == 1  # exactly one of the two feeds was put in place
        time.sleep(1.1)  # the next run's file names differ by the second
        again = run(tmp_path, *WINDOW, settings=settings)
        assert again.returncode == 0, again.stderr[-3000:]
    titles = sorted(Story(n, day(1)).title for n in (1, 2, 3))
    a = [r["title"] for p in sorted((tmp_path / "a").glob("*.jsonl")) for r in records(p)]
    assert sorted(a) == titles and sorted(r["title"] for r in records(tmp_path / "b.jsonl")) == titles


def test_a_kill_between_an_append_and_its_commit_doubles_nothing(tmp_path):
    """``-o out.jsonl``: a second run appends two new articles and dies right after the append,
    before its seen-store commit. The next run neither writes them again nor loses them."""
    import subprocess

    from newsroom import command, env

    out = tmp_path / "out.jsonl"
    cmd = command("since=2025-03-01", "until=2025-03-31", scrapy=True) + ["-o", str(out)]

    def crawl():
        done = subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]

    with Newsroom([Story(n, day(n)) for n in (1, 2, 3)]) as room:
        write_portal(tmp_path, room.base)
        crawl()
        assert len(records(out)) == 3
        room.add(Story(4, day(4)), Story(5, day(5)))
        _die_after_put(tmp_path, cmd)
        assert len(records(out)) == 5  # the append itself is complete
        crawl()
    ids = [r["id"] for r in records(out)]
    assert len(ids) == len(set(ids)) == 5


def test_the_stream_of_a_scrapyd_job_feed_is_its_path_without_the_job_id(tmp_path):
    from types import SimpleNamespace

    from newsbot.feeds import stream_of

    first, second = "51fcfe5ef1c411f1914c02fc00000001", "3fedb654f1c411f1914c02fc00000001"
    streams = {stream_of(f"file:///srv/scrapyd/items/newsbot/euronews/{job}.jl", "euronews", job)
               for job in (first, second)}
    assert streams == {"/srv/scrapyd/items/newsbot/euronews/%(_job)s.jl"}
    # a job id given by hand is looked for in the file name only
    assert stream_of("/srv/items1/newsbot/p1/1.jl", "p1", "1") == "/srv/items1/newsbot/p1/%(_job)s.jl"
    assert stream_of("/srv/out/run.jl", "p1", "1") == "/srv/out/run.jl"
    assert stream_of(f"/srv/out/{first}.jl", "p1") == f"/srv/out/{first}.jl"  # no job: no scrapyd run
    # the storage names the stream with the running spider's job argument
    crawler = SimpleNamespace(spider=SimpleNamespace(name="euronews", _job=first))
    storage = AtomicFileFeedStorage(f"file://{tmp_path}/{first}.jl", feed_options={}, crawler=crawler)
    assert storage.output.stream == f"{tmp_path}/%(_job)s.jl"
    assert storage.output.final == tmp_path / f"{first}.jl"
