"""Hostile inputs to ``newsbot evaluate``, ``scrapy crawl`` and ``newsbot crawl``: each bad
corpus file, setting, WARC or spider argument ends with one line on stderr naming it, exit
status 2, no traceback, and files already written left as they were.

No test here touches the network: refused crawls stop before any request.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from support import WARC_PAGES as PAGES, assert_refused as _refused, scrapy_crawl as _scrapy, write_warc

from newsbot.cli import main
from newsbot.runner import Refused as CrawlLocked, crawl_lock

URL = "-a", "urls=http://127.0.0.1:9/never-fetched"
REFUSED = {
    "monitor list": (("-s", "NEWSBOT_MONITOR=[1]", *URL), "NEWSBOT_MONITOR"),
    "monitor bad JSON": (("-s", "NEWSBOT_MONITOR={bad", *URL), "NEWSBOT_MONITOR"),
    "monitor portals": (("-s", 'NEWSBOT_MONITOR_PORTALS={"x": 3}', *URL), "NEWSBOT_MONITOR_PORTALS"),
    "seen-store class": (("-s", "NEWSBOT_SEEN_STORE_CLASS=foo.Bar", *URL), "NEWSBOT_SEEN_STORE_CLASS"),
    "monitor actions": (("-s", "NEWSBOT_MONITOR_ACTIONS=foo.Bar", *URL), "NEWSBOT_MONITOR_ACTIONS"),
    "max queued": (("-s", "NEWSBOT_MAX_QUEUED=abc", *URL), "NEWSBOT_MAX_QUEUED"),
    "log level": (("-s", "LOG_LEVEL=LOUD", *URL), "LOG_LEVEL"),
    "state dir": (("-s", "NEWSBOT_STATE_DIR=/proc/x", *URL), "NEWSBOT_STATE_DIR"),
    "incremental": (("-s", "NEWSBOT_INCREMENTAL=maybe", *URL), "NEWSBOT_INCREMENTAL"),
    "contact": (("-s", "NEWSBOT_CONTACT_URL=https://x.example/\r\nX-Evil: 1", *URL), "NEWSBOT_CONTACT_URL"),
    "replay empty": (("-s", "NEWSBOT_REPLAY=empty.warc.gz", *URL), "NEWSBOT_REPLAY=empty.warc.gz"),
    "replay truncated": (("-s", "NEWSBOT_REPLAY=cut.warc.gz", *URL), "NEWSBOT_REPLAY=cut.warc.gz"),
    "archive not a WARC": (("-s", "NEWSBOT_ARCHIVE=notes.txt", *URL), "NEWSBOT_ARCHIVE=notes.txt"),
    "archive unwritable": (("-s", "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz", *URL), "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz"),
    "seen-store unwritable": (("-s", "NEWSBOT_SEEN_STORE=/proc/x/seen.sqlite", *URL), "NEWSBOT_SEEN_STORE"),
    "bad IPv6 URL": (("-a", "urls=http://[::1,http://127.0.0.1:9/x"), "http://[::1"),
    "port out of range": (("-a", "urls=https://127.0.0.1:99999/x"), "https://127.0.0.1:99999/x"),
    "url_file device": (("-a", "url_file=/dev/zero"), "url_file='/dev/zero'"),
    "url_file too large": (("-a", "url_file=big.txt"), "url_file='big.txt'"),
}


@pytest.fixture(scope="module")
def refused_runs(tmp_path_factory):
    """Every case of :data:`REFUSED` run as ``scrapy crawl article … -O out.jsonl`` in its own
    folder holding an earlier ``out.jsonl``, two at a time; ``{case: (process, folder)}``."""
    root = tmp_path_factory.mktemp("refused")
    warc = write_warc(root / "good.warc.gz", PAGES).read_bytes()

    def run(case):
        folder = root / case.replace(" ", "_")
        folder.mkdir()
        (folder / "out.jsonl").write_text('{"kept": true}\n', encoding="utf-8")
        (folder / "empty.warc.gz").write_bytes(b"")
        (folder / "cut.warc.gz").write_bytes(warc[:-50])
        (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
        if case == "url_file too large":
            (folder / "big.txt").write_bytes(b"http://127.0.0.1:9/x\n" * (11 * 1024 * 1024 // 21))
        args, _ = REFUSED[case]
        return case, (_scrapy(folder, "article", "-O", "out.jsonl", *args), folder)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, REFUSED))


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_crawl_refuses_bad_setting_or_argument(refused_runs, case):
    proc, folder = refused_runs[case]
    _refused(proc.returncode, proc.stderr, REFUSED[case][1])
    assert (folder / "out.jsonl").read_text(encoding="utf-8") == '{"kept": true}\n'
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes\n"
    assert not (folder / "output").exists()


@pytest.mark.parametrize("argv, name", [
    (["crawl", "--all", "-s", "FOO"], "'FOO'"),
    (["crawl", "--all", "-s", "=1"], "'=1'"),
    (["crawl", "--all", "-s", "LOG_LEVEL=LOUD"], "LOG_LEVEL"),
    (["crawl", "--all", "-s", "NEWSBOT_MONITOR=[1]"], "NEWSBOT_MONITOR"),
    (["crawl", "--all", "-s", "NEWSBOT_STATE_DIR=/proc/x"], "NEWSBOT_STATE_DIR"),
    (["crawl", "euobserver", "--limit", "abc"], "limit='abc'"),
    (["crawl", "no_such_portal"], "no_such_portal"),
])
def test_newsbot_crawl_refuses_bad_setting_or_argument(tmp_path, monkeypatch, capsys, argv, name):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    _refused(main(argv), capsys.readouterr().err, "newsbot crawl:", name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("extra", [["-s", "DOWNLOAD_TIMEOUT=abc"], ["-s", "DOWNLOAD_MAXSIZE=-5"],
                                   ["-a", "name=../../escaped"], ["-a", "url_file=/nonexistent/urls.txt"]])
def test_bad_run_exits_2_and_touches_nothing(tmp_path, extra):
    out = tmp_path / "out.jsonl"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    proc = _scrapy(tmp_path, "article", "-O", str(out), "-a", "urls=http://127.0.0.1:9/x", *extra)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'
    ours = [ln for ln in proc.stderr.splitlines() if ln.startswith("newsbot:")]
    assert len(ours) == 1 and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert not (tmp_path.parent / "escaped").exists()


def test_portal_argument_cannot_name_a_path(tmp_path):
    proc = _scrapy(tmp_path, "politico_eu", "-a", "lang=../../x")
    assert proc.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_crawl_lock_is_exclusive_and_released_on_close(tmp_path):
    path = tmp_path / ".state" / "crawl.lock"
    held = crawl_lock(path)
    with pytest.raises(CrawlLocked, match=r"another crawl is running \(pid \d+ holds .*crawl.lock\); nothing done"):
        crawl_lock(path)
    held.close()
    crawl_lock(path).close()
