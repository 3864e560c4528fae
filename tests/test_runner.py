"""Running crawls (:mod:`newsbot.runner`, :mod:`newsbot.cli`, :mod:`newsbot.commands.crawl`):
``scrapy crawl`` and ``newsbot crawl`` refuse a bad setting, spider argument, WARC, portals
file, unknown portal or broken seen-store before any request, with one line on stderr naming
it, exit status 2, no traceback and files already written left as they were; the crawl lock;
pausing and resuming with a job folder; the summary line of a configured portal.

The refused runs touch no network; the other crawls fetch from a loopback site.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from loopback import Site
from newsroom import (FAST, PORTAL, Newsroom, Story, day, env, killed, outputs, records, run, start, stats_of,
                      wait_for, write_portal)
from support import (MINIMAL_PORTAL as MINIMAL, WARC_PAGES as PAGES, assert_refused as _refused, run_stats,
                     scrapy_crawl as _scrapy, write_warc)

from newsbot.cli import main
from newsbot.runner import Refused as CrawlLocked, crawl_lock

URL = "-a", "urls=http://127.0.0.1:9/never-fetched"
REFUSED = {
    "monitor list": (("-s", "NEWSBOT_MONITOR=[1]", *URL), "NEWSBOT_MONITOR"),
    "monitor bad JSON": (("-s", "NEWSBOT_MONITOR={bad", *URL), "NEWSBOT_MONITOR"),
    "monitor portals": (("-s", 'NEWSBOT_MONITOR_PORTALS={"x": 3}', *URL), "NEWSBOT_MONITOR_PORTALS"),
    "seen-store class": (("-s", "NEWSBOT_SEEN_STORE_CLASS=foo.Bar", *URL), "NEWSBOT_SEEN_STORE_CLASS"),
    "seen-store a function": (("-s", "NEWSBOT_SEEN_STORE_CLASS=os.system", *URL),
                              "NEWSBOT_SEEN_STORE_CLASS='os.system' is not a class"),
    "seen-store another class": (("-s", "NEWSBOT_SEEN_STORE_CLASS=collections.OrderedDict", *URL),
                                 "is not a seen-store: it lacks lookup, commit"),
    "monitor actions": (("-s", "NEWSBOT_MONITOR_ACTIONS=foo.Bar", *URL), "NEWSBOT_MONITOR_ACTIONS"),
    "monitor unknown portal": (("-s", 'NEWSBOT_MONITOR_PORTALS={"nosuchportal": {"min_records": 1}}', *URL),
                               "NEWSBOT_MONITOR_PORTALS names unknown portal 'nosuchportal' (known: "),
    "max queued": (("-s", "NEWSBOT_MAX_QUEUED=abc", *URL), "NEWSBOT_MAX_QUEUED"),
    "log level": (("-s", "LOG_LEVEL=LOUD", *URL), "LOG_LEVEL"),
    "state dir": (("-s", "NEWSBOT_STATE_DIR=/proc/x", *URL), "NEWSBOT_STATE_DIR"),
    "incremental": (("-s", "NEWSBOT_INCREMENTAL=maybe", *URL), "NEWSBOT_INCREMENTAL"),
    "contact": (("-s", "NEWSBOT_CONTACT_URL=https://x.example/\r\nX-Evil: 1", *URL), "NEWSBOT_CONTACT_URL"),
    "replay empty": (("-s", "NEWSBOT_REPLAY=empty.warc.gz", *URL), "NEWSBOT_REPLAY=empty.warc.gz"),
    "replay truncated": (("-s", "NEWSBOT_REPLAY=cut.warc.gz", *URL), "NEWSBOT_REPLAY=cut.warc.gz"),
    "archive not a WARC": (("-s", "NEWSBOT_ARCHIVE=notes.txt", *URL), "NEWSBOT_ARCHIVE=notes.txt"),
    "archive unwritable": (("-s", "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz", *URL), "NEWSBOT_ARCHIVE=/proc/x/a.warc.gz"),
    "archive is the replay": (("-s", "NEWSBOT_ARCHIVE=good.warc.gz", "-s", "NEWSBOT_REPLAY=good.warc.gz", *URL),
                              "NEWSBOT_ARCHIVE=good.warc.gz is the file NEWSBOT_REPLAY=good.warc.gz reads"),
    "archive is the replay by a link": (("-s", "NEWSBOT_ARCHIVE=link.warc.gz", "-s", "NEWSBOT_REPLAY=./good.warc.gz",
                                         *URL), "NEWSBOT_ARCHIVE=link.warc.gz is the file NEWSBOT_REPLAY"),
    "archive is the output": (("-s", "NEWSBOT_ARCHIVE=out.jsonl", *URL),
                              "NEWSBOT_ARCHIVE=out.jsonl is the output file out.jsonl"),
    "replay a folder": (("-s", "NEWSBOT_REPLAY=sub", *URL), "NEWSBOT_REPLAY=sub is a folder"),
    "seen-store unwritable": (("-s", "NEWSBOT_SEEN_STORE=/proc/x/seen.sqlite", *URL), "NEWSBOT_SEEN_STORE"),
    "bad IPv6 URL": (("-a", "urls=http://[::1,http://127.0.0.1:9/x"), "http://[::1"),
    "port out of range": (("-a", "urls=https://127.0.0.1:99999/x"), "https://127.0.0.1:99999/x"),
    "url_file device": (("-a", "url_file=/dev/zero"), "url_file='/dev/zero'"),
    "url_file too large": (("-a", "url_file=big.txt"), "url_file='big.txt'"),
    "batch count": (("-s", "FEED_EXPORT_BATCH_ITEM_COUNT=-1", *URL), "FEED_EXPORT_BATCH_ITEM_COUNT"),
    "batch count without batch name": (("-s", "FEED_EXPORT_BATCH_ITEM_COUNT=5", *URL), "needs %(batch_id)d"),
    "job folder a file": (("-s", "JOBDIR=notes.txt", *URL), "JOBDIR=notes.txt is not a folder"),
    "log file unwritable": (("-s", "LOG_FILE=/proc/x/crawl.log", *URL), "LOG_FILE=/proc/x/crawl.log"),
    "output a folder": (("-O", "dir.jsonl", *URL), "dir.jsonl is a folder, not a file"),
    "output through a broken link": (("-O", "broken/o.jsonl", *URL), "broken is a link to"),
    "output unwritable": (("-O", "/proc/x/%(name)s/%(time)s.jsonl", *URL),
                          "output /proc/x/%(name)s/%(time)s.jsonl: cannot write in /proc"),
    "deadline": (("-s", "NEWSBOT_DEADLINE=soon", *URL), "NEWSBOT_DEADLINE"),
    "chunk": (("-s", "NEWSBOT_CHUNK_RECORDS=-2", *URL), "NEWSBOT_CHUNK_RECORDS"),
}
WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")
ONE_AT_A_TIME = {"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"}


# -- refused before any request ----------------------------------------------------------------

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
        (folder / "good.warc.gz").write_bytes(warc)
        (folder / "link.warc.gz").symlink_to("good.warc.gz")
        (folder / "sub").mkdir()
        (folder / "dir.jsonl").mkdir()
        (folder / "broken").symlink_to(folder / "nowhere" / "deeper")
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
    assert (folder / "good.warc.gz").read_bytes() == (folder.parent / "good.warc.gz").read_bytes()
    assert not (folder / "output").exists()


@pytest.mark.parametrize("argv, name", [
    (["crawl", "--all", "-s", "FOO"], "'FOO'"),
    (["crawl", "--all", "-s", "=1"], "'=1'"),
    (["crawl", "--all", "-s", "LOG_LEVEL=LOUD"], "LOG_LEVEL"),
    (["crawl", "--all", "-s", "NEWSBOT_MONITOR=[1]"], "NEWSBOT_MONITOR"),
    (["crawl", "--all", "-s", "NEWSBOT_STATE_DIR=/proc/x"], "NEWSBOT_STATE_DIR"),
    (["crawl", "euobserver", "--limit", "abc"], "limit='abc'"),
    (["crawl", "no_such_portal"], "no_such_portal"),
    (["crawl", "euobserver", "euronews", "-s", "JOBDIR=jobs"], "JOBDIR=jobs with 2 spiders"),
    (["crawl", "euobserver", "-s", 'FEEDS={"gopher://x.example/o.jsonl": {"format": "jsonl"}}'],
     "output gopher://x.example/o.jsonl: no feed storage for gopher://"),
    (["crawl", "euobserver", "-s", "FEEDS={\"/tmp/%s/o.jsonl\": {\"format\": \"jsonl\"}}" % ("a" * 300)],
     "longer than the"),
    (["crawl", "euobserver", "-O", "noext"], "-O noext: Unrecognized output format ''"),
    (["crawl", "euobserver", "-o", "a.jsonl", "-O", "b.jsonl"], "only one of -o/--output and -O"),
    (["crawl", "euobserver", "euronews", "-O", "out.jsonl"], "-O out.jsonl: 2 portals would write one file"),
    (["crawl", "euobserver", "-O", "/proc/out.jsonl"],
     "output /proc/out.jsonl: cannot write in /proc (its file system takes no new files)"),
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


def test_unknown_portal_is_refused(tmp_path):
    write_portal(tmp_path, "http://127.0.0.1:9")
    cmd = [sys.executable, "-m", "newsbot.cli", "crawl", "nosuchportal", "-s", f"NEWSBOT_PORTALS_FILE={FAST['NEWSBOT_PORTALS_FILE']}"]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "newsbot crawl: unknown portal nosuchportal (known:" in proc.stderr
    assert "loopnews" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("content, why", [
    (b"these bytes are no database" * 40, "file is not a database"),
    (b"", "the file is empty"),
    ("no aliases", "no table aliases"),
])
def test_a_broken_seen_store_stops_the_crawl_at_start(tmp_path, content, why):
    import sqlite3

    write_portal(tmp_path, "http://127.0.0.1:9")  # never contacted
    state = tmp_path / "output" / ".state"
    state.mkdir(parents=True)
    if isinstance(content, str):  # a store missing a table
        db = sqlite3.connect(state / "seen.sqlite")
        db.executescript("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', '2');"
                         "CREATE TABLE articles (stream, id, url, portal, content_hash, date_published,"
                         " date_modified, revision, seen_at);")
        db.commit()
        db.close()
    else:
        (state / "seen.sqlite").write_bytes(content)
    before = (state / "seen.sqlite").read_bytes()
    proc = run(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        f"newsbot crawl: seen-store output/.state/seen.sqlite is not usable: {why} "
        "(move it away to start afresh, or give another path with NEWSBOT_SEEN_STORE)")
    assert (state / "seen.sqlite").read_bytes() == before
    assert not list(tmp_path.rglob("*.jsonl"))


def test_two_scrapy_crawls_on_one_state_folder_do_not_run_at_once(tmp_path):
    with Newsroom([Story(n, day(n)) for n in range(1, 6)], gate_after=1) as room:
        write_portal(tmp_path, room.base)
        args = ("since=2025-03-01", "until=2025-03-31")
        held = start(tmp_path, *args, scrapy=True)
        try:
            wait_for(lambda: room.held >= 1, held)
            other = run(tmp_path, *args, scrapy=True)
            assert other.returncode == 3
            assert other.stderr.strip().splitlines() == [
                f"newsbot: another crawl is running (pid {held.pid} holds output/.state/crawl.lock); nothing done"]
        finally:
            room.gate.set()
            held.communicate(timeout=120)
        assert held.returncode == 0
    ids = [r["id"] for p in outputs(tmp_path) for r in records(p)]
    assert len(ids) == len(set(ids)) == 5  # written once, by the run that held the lock


def test_a_run_past_its_deadline_commits_what_it_has_and_fails(tmp_path):
    with Newsroom([Story(n, day(n)) for n in range(1, 6)], gate_after=2) as room:
        write_portal(tmp_path, room.base)
        # the site stalls after two pages; the requests under way end within DOWNLOAD_TIMEOUT
        proc = run(tmp_path, *WINDOW, settings={"NEWSBOT_DEADLINE": "4", "DOWNLOAD_TIMEOUT": "8"})
        assert proc.returncode == 1
        assert proc.stderr.splitlines()[-1].startswith("loopnews: FAILED: finish reason deadline")
        assert "Deadline of 4 s reached (NEWSBOT_DEADLINE)" in proc.stderr
        [out] = outputs(tmp_path)
        assert len(records(out)) == 2  # the two pages served before the site stalled, committed
        room.gate.set()
        room.gate_after = None
        again = run(tmp_path, *WINDOW)
        assert again.returncode == 0 and "3 records written" in again.stderr.splitlines()[-1]


def test_a_stop_sends_no_request_left_waiting_for_its_turn(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 13)]
    with Newsroom(stories) as room:
        write_portal(tmp_path, room.base)
        # one request a second: the twelve pages wait in the downloader's queue for their turn
        proc = run(tmp_path, *WINDOW, settings={"DOWNLOAD_DELAY": "1", "RANDOMIZE_DOWNLOAD_DELAY": "false",
                                                "NEWSBOT_DEADLINE": "5"})
        assert proc.returncode == 1
        [held] = re.findall(r"Stopping loopnews: (\d+) requests waiting for their turn not sent \(the next run finds them "
                            r"again\)", proc.stderr)
        sent = sum(room.hits.get(s.path, 0) for s in stories)
        # before the stop held them back, all twelve were sent, one a second past the deadline
        assert int(held) >= 4 and sent + int(held) == 12
        [first] = outputs(tmp_path)
        assert len(records(first)) == sent
        again = run(tmp_path, *WINDOW)
        assert again.returncode == 0, again.stderr[-2000:]
    ids = [r["id"] for p in outputs(tmp_path) for r in records(p)]
    assert len(ids) == len(set(ids)) == 12  # nothing lost, nothing twice


def test_a_ctrl_c_holds_back_the_queue_of_a_portal_still_running_after_another_finished(tmp_path):
    (tmp_path / "portals").mkdir()
    with Newsroom([Story(1, day(1))]) as small, Newsroom([Story(n, day(n)) for n in range(1, 13)]) as big:
        (tmp_path / "portals" / "quick.toml").write_text(PORTAL.format(name="quick", base=small.base), "utf-8")
        (tmp_path / "portals" / "slow.toml").write_text(PORTAL.format(name="slow", base=big.base), "utf-8")
        cmd = [sys.executable, "-m", "newsbot.cli", "crawl", "quick", "slow", *WINDOW]
        for k, v in {**FAST, "NEWSBOT_PORTALS_FILE": "portals", "DOWNLOAD_DELAY": "1",
                     "RANDOMIZE_DOWNLOAD_DELAY": "false"}.items():
            cmd += ["-s", f"{k}={v}"]
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
        reader.start()
        try:
            # the quick portal's crawl has closed (one page, two seconds), the slow one sends a page a second
            wait_for(lambda: sum(small.article_hits().values()) >= 1 and sum(big.article_hits().values()) >= 4, proc)
            time.sleep(1)
            proc.send_signal(signal.SIGINT)
            proc.wait(60)
        finally:
            if proc.poll() is None:
                proc.kill()
        reader.join(10)
        sent = sum(big.article_hits().values())
    [held] = re.findall(r"Stopping slow: (\d+) requests waiting for their turn not sent", "".join(lines))
    assert sent + int(held) == 12 and int(held) >= 5  # before, the slow portal went on, a page a second


def _command(tmp_path, scrapy: bool, *args: str, portals_file=None) -> subprocess.CompletedProcess:
    cmd = ([sys.executable, "-m", "scrapy", "crawl"] if scrapy else [sys.executable, "-m", "newsbot.cli", "crawl"])
    cmd += list(args)
    for k, v in {**FAST, "SPIDER_MODULES": "newsbot.spiders", "NEWSBOT_PORTALS_FILE": portals_file or ""}.items():
        cmd += ["-s", f"{k}={v}"]
    return subprocess.run(cmd, cwd=tmp_path, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"},
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("scrapy", [True, False], ids=["scrapy_crawl", "newsbot_crawl"])
def test_crawl_reports_the_portals_file_error_not_an_unknown_spider(tmp_path, scrapy):
    bad = tmp_path / "garbage.toml"
    bad.write_text("this is [[ not toml", "utf-8")
    proc = _command(tmp_path, scrapy, "demo", portals_file=bad)
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(("newsbot: portals file ", "newsbot crawl: portals file "))
    assert f"{bad}: Expected '=' after a key" in last
    assert "unknown" not in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("scrapy", [True, False], ids=["scrapy_crawl", "newsbot_crawl"])
def test_crawl_refuses_a_portal_whose_edition_is_off_its_domains(tmp_path, scrapy):
    off = tmp_path / "off.toml"
    off.write_text('name = "harbour"\ndomains = ["harbourpost.example"]\n\n[[editions]]\nlang = "en"\n'
                   'base = "http://127.0.0.1:18080"\n', "utf-8")
    proc = _command(tmp_path, scrapy, "harbour", portals_file=off)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines()[-1].endswith(
        f"{off}: portal harbour: edition en base 'http://127.0.0.1:18080': its host 127.0.0.1 is not in domains "
        "(harbourpost.example), so a crawl would fetch nothing of it")
    assert "Traceback" not in proc.stderr and not (tmp_path / "output").exists()


def test_crawl_refuses_an_empty_edition_selection(tmp_path):
    proc = _command(tmp_path, True, "euronews", "-a", "lang=,")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("newsbot: euronews: lang=',': no edition selected")


@pytest.mark.parametrize("name, earlier, why", [
    ("x.json", b'[\n{"id": "a"}\n]', "a second JSON array would follow the first"),
    ("x.csv", b"id,title\r\na,Earlier\r\n", "a second header line would follow the first records"),
    ("x.xml", b'<?xml version="1.0" encoding="utf-8"?>\n<items></items>', "a second XML document"),
])
def test_appending_to_a_one_document_output_is_refused(tmp_path, name, earlier, why):
    (tmp_path / name).write_bytes(earlier)
    proc = _scrapy(tmp_path, "article", *URL, "-o", name, "-s", "NEWSBOT_ALLOW_LOOPBACK=true")
    _refused(proc.returncode, proc.stderr, f"-o {name}: {tmp_path / name} exists", why, f"-O {name}",
             "-o <file>.jsonl")
    assert (tmp_path / name).read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_empty_one_document_output_is_written_and_json_lines_appends(tmp_path):
    (tmp_path / "x.json").write_bytes(b"")
    (tmp_path / "x.jsonl").write_bytes(b'{"id": "a"}\n')
    for name in ("x.json", "x.jsonl"):
        proc = _scrapy(tmp_path, "article", *URL, "-o", name, "-s", "NEWSBOT_ALLOW_LOOPBACK=true")
        assert proc.returncode == 1, proc.stderr[-2000:]  # port 9 refuses: the crawl ran and failed
        assert "cannot be appended to" not in proc.stderr
    assert (tmp_path / "x.jsonl").read_bytes() == b'{"id": "a"}\n'


# -- the crawl lock ----------------------------------------------------------------------------

def test_crawl_lock_is_exclusive_and_released_on_close(tmp_path):
    path = tmp_path / ".state" / "crawl.lock"
    held = crawl_lock(path)
    with pytest.raises(CrawlLocked, match=r"another crawl is running \(pid \d+ holds .*crawl.lock\); nothing done"):
        crawl_lock(path)
    held.close()
    crawl_lock(path).close()


# -- job folders -------------------------------------------------------------------------------

def _paused(tmp_path, room: Newsroom, in_flight: int) -> tuple[subprocess.Popen, list[str]]:
    """A crawl of ``room`` with the job folder ``jobs``, paused with one Ctrl-C once ``in_flight``
    requests wait at the site's gate; the gate then opens so they complete. Returns the ended
    process and its stderr lines."""
    first = start(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(first.stderr), daemon=True)
    reader.start()
    try:
        wait_for(lambda: room.held >= in_flight, first)
        first.send_signal(signal.SIGINT)
        wait_for(lambda: any("shutting down gracefully" in ln for ln in lines), first)
        room.gate.set()  # those in flight complete; the queue stays in jobs/loopnews
        first.wait(60)
    finally:
        if first.poll() is None:
            first.kill()
    reader.join(10)
    return first, lines


def test_pause_and_resume_with_a_job_folder(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 11)]
    with Newsroom(stories, gate_after=2) as room:
        write_portal(tmp_path, room.base)
        first, lines = _paused(tmp_path, room, 2)  # two served, two in flight, six queued
        assert first.returncode == 1  # a paused run is not a finished one
        assert "loopnews: FAILED: finish reason shutdown" in "".join(lines)
        [paused] = outputs(tmp_path)
        done = len(records(paused))  # two served, the two in flight when paused (more only if
        assert 4 <= done < 10        # the pause took effect after the gate opened)
        assert (tmp_path / "jobs" / "loopnews" / "requests.queue").is_dir()

        room.gate_after = None
        second = run(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)
        assert second.returncode == 0, second.stderr[-3000:]
        assert f"loopnews: ok: {10 - done} records written" in second.stderr
        hits = dict(room.hits)
    [resumed] = [p for p in outputs(tmp_path) if p != paused]
    ids = [r["id"] for p in (paused, resumed) for r in records(p)]
    assert len(ids) == len(set(ids)) == 10
    assert hits["/feed.xml"] == 1  # the start request was not replayed on resume
    assert sorted(hits[s.path] for s in stories) == [1] * 10


def test_resuming_a_job_whose_pause_emptied_its_queue_counts_what_the_paused_run_found(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 3)]
    with Newsroom(stories, gate_after=0) as room:
        write_portal(tmp_path, room.base)
        first, _ = _paused(tmp_path, room, 2)  # both articles in flight, nothing queued
        assert first.returncode == 1 and len(records(outputs(tmp_path)[0])) == 2
        second = run(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)
    # before, "monitors: articles found 0 … below the minimum 1": a paused run done is no failure
    assert second.returncode == 0, second.stderr[-3000:]
    assert second.stderr.splitlines()[-1].startswith("loopnews: ok: 0 records written")
    assert not (tmp_path / "jobs" / "loopnews").exists()  # the job finished: its folder is cleared


def test_a_forced_stop_still_writes_the_stats_file(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 7)]
    with Newsroom(stories, gate_after=2) as room:
        write_portal(tmp_path, room.base)
        first = start(tmp_path, *WINDOW, settings=ONE_AT_A_TIME)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(first.stderr), daemon=True)
        reader.start()
        try:
            wait_for(lambda: room.held >= 2, first)  # two served, two held by the site
            first.send_signal(signal.SIGTERM)
            wait_for(lambda: any("shutting down gracefully" in ln for ln in lines), first)
            first.send_signal(signal.SIGTERM)  # the second: forced, the reactor stops at once
            first.wait(60)
        finally:
            if first.poll() is None:
                first.kill()
        reader.join(10)
    assert first.returncode == 1
    text = "".join(lines)
    assert "loopnews: FAILED: the crawl did not close (stopped by a second Ctrl-C, a kill or a crash)" in text
    [path] = list((tmp_path / "output" / "loopnews").glob("*/*.stats.json"))
    figures = json.loads(path.read_text("utf-8"))
    assert figures["portal"] == "loopnews" and figures["finish_reason"] is None
    assert figures["pages_fetched"] >= 3  # robots.txt, the feed and the articles served before the stop
    assert figures["scrapy_stats"]["downloader/response_count"] == figures["pages_fetched"]


def test_a_job_folder_left_by_a_killed_run_starts_afresh_with_a_warning(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 7)]
    with Newsroom(stories, gate_after=2) as room:
        write_portal(tmp_path, room.base)
        seen = tmp_path / "jobs" / "loopnews" / "requests.seen"
        with killed(start(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)) as victim:
            # the fingerprints sit in the file's buffer until it fills: the folder is in use
            wait_for(lambda: room.held >= 2 and seen.exists(), victim)
        assert not outputs(tmp_path)  # killed before its first file was complete
        room.gate.set()
        room.gate_after = None
        second = run(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)
        hits = dict(room.hits)
    assert second.returncode == 0, second.stderr[-3000:]
    warnings = [ln for ln in second.stderr.splitlines() if "was left by a run that did not stop cleanly" in ln]
    assert len(warnings) == 1 and "jobs/loopnews" in warnings[0] and "starts afresh" in warnings[0]
    assert "loopnews: ok: 6 records written, 0 failed requests" in second.stderr
    assert hits["/feed.xml"] == 2  # the start request made again
    [out] = outputs(tmp_path)
    assert len(records(out)) == 6
    assert stats_of(out)["scrapy_stats"]["newsbot/jobdir/unclean"] == 1
    assert not (tmp_path / "jobs" / "loopnews").exists()  # finished: the folder cleared


def test_a_second_run_on_a_job_folder_in_use_is_refused(tmp_path):
    """Runs that share no state (``--full``) take no crawl lock, but two on one job folder would
    empty each other's queue: the second is refused at once, naming the holder, and the first
    ends whole."""
    stories = [Story(n, day(n)) for n in range(1, 7)]
    with Newsroom(stories, gate_after=2) as room:
        write_portal(tmp_path, room.base)
        first = start(tmp_path, *WINDOW, "--full", "--jobdir", "jobs", settings=ONE_AT_A_TIME)
        try:
            wait_for(lambda: room.held >= 1, first)
            other = run(tmp_path, *WINDOW, "--full", "--jobdir", "jobs", settings=ONE_AT_A_TIME)
            assert other.returncode == 3
            assert f"another crawl is running (pid {first.pid} holds" in other.stderr
            assert "jobs/loopnews/newsbot.lock" in other.stderr and "Traceback" not in other.stderr
            assert (tmp_path / "jobs" / "loopnews" / "newsbot.running").exists()  # the first's folder untouched
            room.gate.set()
            out, err = first.communicate(timeout=120)
        finally:
            if first.poll() is None:
                first.kill()
    assert first.returncode == 0, err[-3000:]
    assert "loopnews: ok: 6 records written" in err
    assert not (tmp_path / "jobs" / "loopnews").exists()  # finished: the folder and its lock cleared


def test_rerun_after_a_finished_run_with_a_job_folder_fetches_the_feed_again(tmp_path):
    with Newsroom([Story(n, day(n)) for n in (1, 2)]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, "--since", "2025-03-01", "--until", "2025-03-31", "--jobdir", "jobs")
        assert first.returncode == 0, first.stderr[-3000:]
        assert "loopnews: ok: 2 records written" in first.stderr
        assert not (tmp_path / "jobs" / "loopnews").exists()  # a finished job leaves no folder
        room.add(Story(3, day(3)))
        second = run(tmp_path, "--since", "2025-03-01", "--until", "2025-03-31", "--jobdir", "jobs")
        hits = dict(room.hits)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "loopnews: ok: 1 records written, 0 failed requests, 2 already stored" in second.stderr
    assert hits["/feed.xml"] == 2


# -- summary lines -----------------------------------------------------------------------------

def test_portal_spider_summary_uses_the_configured_portals_name(tmp_path):
    with Site({"/feed": (403, {"Content-Type": "text/html"}, b"go away")}, max_requests=20, max_seconds=60) as site:
        config = tmp_path / "blocky.toml"
        config.write_text(MINIMAL.replace("demo_news", "blocky").replace("demo-news.example", "127.0.0.1", 1)
                          .replace("https://demo-news.example", site.base), "utf-8")
        proc = _command(tmp_path, True, "portal", "-a", "name=blocky", "-O", "out.jsonl", portals_file=config)
    assert site.hits["/feed"] == 1 and set(site.hits) == {"/feed", "/", "/robots.txt"}
    assert proc.returncode == 1, proc.stderr[-2000:]
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("blocky: FAILED: no records; the portal refused the crawler 1 times (HTTP 403 or "
                           "challenge page): give -s NEWSBOT_CONTACT_URL=<a page where the site can reach you>, "
                           "or -s USER_AGENT=<another User-Agent>, and crawl slower (-s DOWNLOAD_DELAY=5)"), last
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/blocked/blocky") == 1


# -- the portal spiders' arguments on newsbot crawl ----------------------------------------------

def test_newsbot_version(capsys):
    from newsbot.useragent import package_version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsbot {package_version()}"


def test_newsbot_crawl_takes_the_portal_spiders_arguments(tmp_path):
    with Newsroom([Story(n, day(n)) for n in range(1, 4)]) as room:
        path = write_portal(tmp_path, room.base)
        path.write_text(path.read_text("utf-8") + f'\n[[editions]]\nlang = "de"\nbase = "{room.base}/de"\n', "utf-8")
        refused = run(tmp_path, "--lang", "fr")
        assert refused.returncode == 2
        assert refused.stderr.strip() == ("newsbot crawl: --lang: no such edition for loopnews (editions: de, en); "
                                          "give a portal its own with --lang PORTAL=LANGS")
        assert run(tmp_path, "--lang", "politico_eu=en").stderr.strip() == (
            "newsbot crawl: --lang politico_eu=en: politico_eu is not one of the portals crawled (loopnews)")
        proc = run(tmp_path, "--lang", "en", "--limit", "2", "--since", "2025-03-01", "--until", "2025-03-31",
                   "-a", "incremental=false")
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "crawling loopnews (since=2025-03-01, until=2025-03-31, incremental=false, lang=en, limit=2); " \
               "full crawl" in proc.stderr
        assert room.hits.get("/de/feed.xml") is None and room.hits["/feed.xml"] == 1  # the en edition only
        assert len(room.article_hits()) == 2
    assert [len(records(p)) for p in outputs(tmp_path)] == [2]


def test_the_crawl_heap_is_frozen_while_engines_run_and_restored_after():
    """From the first engine's start to the last engine's stop the objects alive at the start
    are frozen and young collections are rarer; then the collector is as it was."""
    import gc

    from newsbot.extensions import CrawlHeap
    from newsbot.workers import YOUNG_COLLECTION_THRESHOLD

    before = gc.get_threshold()
    first, second = CrawlHeap(), CrawlHeap()
    try:
        first.engine_started()
        assert gc.get_freeze_count() > 1000  # the modules and classes of this test process
        assert gc.get_threshold() == (max(YOUNG_COLLECTION_THRESHOLD, before[0]), *before[1:])
        second.engine_started()
        first.engine_stopped()
        assert gc.get_freeze_count() > 1000  # one engine still runs
        second.engine_stopped()
        assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        CrawlHeap.engines, CrawlHeap.thresholds = 0, None


def test_the_crawl_stats_collector_keeps_scrapys_methods():
    """The crawl's stats collector (STATS_CLASS) counts, keeps extremes and takes the old
    spider argument as Scrapy's does."""
    from scrapy.utils.misc import load_object
    from scrapy.utils.test import get_crawler
    from support import settings_with

    from newsbot.extensions import CrawlStats

    assert load_object(settings_with()["STATS_CLASS"]) is CrawlStats
    stats = CrawlStats(get_crawler())
    stats.inc_value("pages")
    stats.inc_value("pages", 2, spider=None)
    stats.max_value("largest", 5)
    stats.max_value("largest", 3)
    stats.min_value("smallest", 5)
    stats.min_value("smallest", 3)
    stats.set_value("name", "x")
    assert stats.get_stats() == {"pages": 3, "largest": 5, "smallest": 3, "name": "x"}
    assert stats.get_value("missing", 7) == 7


def test_a_remote_feed_whose_storage_library_is_missing_is_refused(monkeypatch):
    """Scrapy disables a feed whose storage lacks its library and crawls on, the records going
    nowhere: such a feed is refused before the crawl, naming the library."""
    from scrapy.settings import Settings

    from newsbot import runner

    monkeypatch.setitem(runner.STORAGE_LIBRARIES, "s3", "no_such_library_here")
    with pytest.raises(CrawlLocked) as refused:
        runner.refuse_unstorable(Settings(), "s3://bucket/%(name)s.jsonl")
    assert refused.value.status == 2
    assert str(refused.value) == ("output s3://bucket/%(name)s.jsonl: s3:// feeds need the no_such_library_here "
                                  "library, which is not installed; nothing done")
    monkeypatch.setitem(runner.STORAGE_LIBRARIES, "s3", "json")  # present: the feed is let through
    runner.refuse_unstorable(Settings(), "s3://bucket/out.jsonl")


def test_scrapy_crawl_refuses_an_output_without_a_format_in_one_line(tmp_path):
    proc = _scrapy(tmp_path, "article", "-O", "noext", "-a", "urls=http://127.0.0.1:9/x")
    _refused(proc.returncode, proc.stderr, "newsbot: -O noext: Unrecognized output format ''")
    assert "Usage" not in proc.stderr and list(tmp_path.iterdir()) == []


def test_newsbot_crawl_writes_where_o_and_O_say(tmp_path):
    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        window = ("--since", "2025-03-01", "--until", "2025-03-31")
        first = run(tmp_path, *window, "-O", "out/%(name)s.jsonl")
        again = run(tmp_path, *window, "-O", "out/%(name)s.jsonl")
        appended = run(tmp_path, *window, "-o", "more.jsonl", "--full")
    for proc in (first, again, appended):
        assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(records(tmp_path / "out" / "loopnews.jsonl")) == 2  # replaced, not appended to
    assert len(records(tmp_path / "more.jsonl")) == 2
    assert not (tmp_path / "output" / "loopnews").exists()  # not the default files as well
    assert again.stderr.strip().splitlines()[-1].endswith("; wrote out/loopnews.jsonl")


def test_help_texts_say_what_the_code_does(capsys):
    from datetime import datetime, timedelta, timezone

    from newsbot.arguments import parse_window

    now = datetime(2025, 3, 10, 12, tzinfo=timezone.utc)
    assert parse_window(None, None, now)[1] == now + timedelta(hours=1)
    texts = {}
    for argv in (["crawl", "--help"], ["check", "--help"], ["portal", "new", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        texts[argv[0] if argv[0] != "portal" else "new"] = " ".join(capsys.readouterr().out.split())
    for command in ("crawl", "check"):
        assert "default: now + 1 h" in texts[command] and "default: now)" not in texts[command]
    assert "none: every registered portal, as --all" in texts["crawl"]
    assert "already stored counting too" in texts["crawl"] and "article requests" not in texts["crawl"]
    assert "-O FILE, --overwrite-output FILE" in texts["crawl"]
    for setting in ("NEWSBOT_ALLOW_LOOPBACK", "NEWSBOT_RESOLVE", "NEWSBOT_CONTACT_URL", "USER_AGENT"):
        assert setting in texts["new"]
