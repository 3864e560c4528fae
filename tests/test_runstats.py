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
