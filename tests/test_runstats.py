"""The run's stats file and progress line (:mod:`newsbot.runstats`): where the stats file sits
beside its output file, and the per-portal progress line."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from newsbot.runstats import Progress, stats_path


def test_stats_file_sits_beside_the_output():
    assert (stats_path(Path("o/p/p-2025-03-01T10-00-00+00-00-001.jsonl"))
            == Path("o/p/p-2025-03-01T10-00-00+00-00-001.jsonl.stats.json"))
    assert stats_path(Path("out.jsonl")) == Path("out.jsonl.stats.json")
    assert stats_path(Path("out.json")) != stats_path(Path("out.jsonl"))  # two outputs, two stats files
    assert stats_path(Path("d/out.jsonl.gz")) == Path("d/out.jsonl.gz.stats.json")


def test_progress_line_counts_per_portal():
    stats = {"item_scraped_count": 12, "newsbot/skipped/seen": 30, "newsbot/dropped/unchanged": 2,
             "newsbot/dropped/not_article": 3, "newsbot/errors/timeout": 1, "downloader/response_count": 20}
    crawler = SimpleNamespace(stats=SimpleNamespace(get_stats=lambda: stats))
    line = Progress(crawler, 60).line(SimpleNamespace(name="euronews"))
    assert line == ("progress: euronews: 12 records written, 32 already stored, 3 dropped, "
                    "1 failed requests, 20 pages")


def test_a_run_that_writes_nothing_still_writes_its_stats_file(tmp_path):
    """A failed run (the site is down) and a run that finds nothing new write no output file but
    their stats file, where the output file would have been: monitoring by files sees them."""
    from newsroom import Newsroom, Story, day, run, write_portal

    write_portal(tmp_path, "http://127.0.0.1:9")  # nothing listens there
    failed = run(tmp_path, "--since", "2025-03-01", "--until", "2025-03-31")
    assert failed.returncode == 1
    [stats] = list((tmp_path / "output").rglob("*.stats.json"))
    assert not list((tmp_path / "output").rglob("*.jsonl"))
    assert stats.name.endswith("-001.jsonl.stats.json")
    import json

    report = json.loads(stats.read_text("utf-8"))
    assert report["records_written"] == 0 and report["outputs"] == []
    # robots.txt, the home page and the feed
    assert report["errors"] == {"connection_refused": 3} and report["finish_reason"] == "finished"
    with Newsroom([Story(1, day(3))]) as room:
        write_portal(tmp_path, room.base)
        assert run(tmp_path, "--since", "2025-03-01", "--until", "2025-03-31").returncode == 0
        import time

        time.sleep(1.1)
        assert run(tmp_path, "--since", "2025-03-01", "--until", "2025-03-31").returncode == 0
    reports = [json.loads(p.read_text("utf-8")) for p in sorted((tmp_path / "output").rglob("*.stats.json"))]
    assert [(r["records_written"], len(r["outputs"])) for r in reports] == [(0, 0), (1, 1), (0, 0)]
