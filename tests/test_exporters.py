"""Record exporters (:mod:`newsbot.exporters`): a record is written whole or not at all, and
only a record really written enters the seen-store; a write error fails the run and hides
nothing from the next one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from newsroom import Newsroom, Story, day, records, start, run, wait_for, write_portal

from newsbot.exporters import JsonLinesExporter
from newsbot.signals import record_written

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")


class _Signals:
    def __init__(self):
        self.sent = []

    def send_catch_log(self, signal, **kwargs):
        self.sent.append((signal, kwargs))


def _crawler():
    from scrapy.statscollectors import MemoryStatsCollector

    from scrapy.settings import Settings

    crawler = SimpleNamespace(signals=_Signals(), stats=None, settings=Settings(), get_extension=lambda cls: None)
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


def test_a_record_that_cannot_be_encoded_is_counted_and_left_out(tmp_path):
    crawler = _crawler()
    with open(tmp_path / "out.jsonl", "wb", buffering=0) as fh:
        exporter = JsonLinesExporter(fh, crawler=crawler, encoding="utf-8")  # as the feeds write
        exporter.start_exporting()
        exporter.export_item({"id": "a", "url": "https://a.example/1", "title": "fine"})
        exporter.export_item({"id": "b", "url": "https://a.example/2", "title": "cut emoji \ud83d"})
        exporter.export_item({"id": "c", "url": "https://a.example/3", "title": "fine too"})
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "c"]
    assert [kw["record"]["id"] for sig, kw in crawler.signals.sent if sig is record_written] == ["a", "c"]
    assert crawler.stats.get_value("newsbot/output_failed/write") == 1


def test_a_lone_surrogate_in_structured_data_never_reaches_the_record():
    from newsbot.extraction import extract_article

    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Ferries run again \\ud83d"}</script></head><body><h1>Ferries run again</h1>'
            + "<p>The harbour reopened on Monday after the storm had closed it for most of the week.</p>" * 4
            + "</body></html>")
    record = extract_article(page, "https://coast.example/ferries").record
    assert record["title"] == "Ferries run again"
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # writable


def _tmpfs(path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    path.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_disk_that_fills_and_frees_loses_no_record(tmp_path):
    """The output disk is full for the first records, then frees: the run fails saying so, the
    file holds only whole records, and the next run writes exactly those that were lost."""
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "4m"):
        pytest.skip("needs root and mount to make a small tmpfs (a disk that fills up)")
    try:
        with Newsroom([Story(n, day(n)) for n in range(1, 10)], gate_after=3) as room:
            write_portal(disk, room.base)
            filler = disk / "filler"
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(fd, b"\0" * 65536):
                    pass
            except OSError:
                pass
            finally:
                os.close(fd)
            log = tmp_path / "crawl.log"
            settings = {"NEWSBOT_STATE_DIR": str(tmp_path / "state"), "LOG_FILE": str(log)}
            victim = start(disk, *WINDOW, settings=settings)
            wait_for(lambda: log.exists() and log.read_text("utf-8", "replace").count("Record not written") >= 1
                     and room.held >= 1, victim)
            filler.unlink()
            room.gate.set()
            out, err = victim.communicate(timeout=120)
            assert victim.returncode == 1, err[-3000:]
            assert "output not written in full: write" in err.splitlines()[-1]
            [first] = list((disk / "output").rglob("*.jsonl"))
            written = records(first)  # every line a whole record
            assert 0 < len(written) < 9
            room.gate_after = None
            again = run(disk, *WINDOW, settings={"NEWSBOT_STATE_DIR": str(tmp_path / "state")})
            assert again.returncode == 0, again.stderr[-3000:]
        titles = [r["title"] for p in sorted((disk / "output").rglob("*.jsonl")) for r in records(p)]
        assert sorted(titles) == sorted(Story(n, day(1)).title for n in range(1, 10))
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_every_feed_format_goes_through_a_record_exporter():
    """Scrapy's formats (``-o x.jsonl`` is ``jsonl``) all have newsbot's accounting exporter: a
    format left to Scrapy's own would write records the seen-store never learns of."""
    from scrapy.settings import default_settings
    from scrapy.utils.misc import load_object

    from newsbot import settings
    from newsbot.exporters import RecordAccounting

    assert set(settings.FEED_EXPORTERS) == set(default_settings.FEED_EXPORTERS_BASE)
    assert all(issubclass(load_object(path), RecordAccounting) for path in settings.FEED_EXPORTERS.values())


def test_csv_writes_lists_and_objects_as_json(tmp_path):
    import csv

    from newsroom import command, env

    story = Story(1, day(3), alternates={"de": "/news/2025/03/story-1-de"})
    with Newsroom([story, Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        cmd = command("since=2025-03-01", "until=2025-03-31", scrapy=True) + ["-O", "out.csv"]
        proc = subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-3000:]
        base = room.base
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as fh:
        rows = {row["title"]: row for row in csv.DictReader(fh)}
    row = rows[story.title]
    assert json.loads(row["translations"]) == [{"language": "de", "url": base + "/news/2025/03/story-1-de"}]
    assert json.loads(row["authors"]) == ["Ana Ferreira"]
    assert json.loads(row["quality_flags"]) == [] and json.loads(row["tags"]) == []
    assert row["machine_translated"] == "false" and row["original_url"] == ""
    assert json.loads(rows[Story(2, day(4)).title]["translations"]) == []
