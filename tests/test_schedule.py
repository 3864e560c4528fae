"""`newsbot crawl` for the schedule: pause with SIGINT and resume with the job folder (Scrapy
JOBDIR) without duplicates or replayed start requests."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading

from newsroom import FAST, Newsroom, Story, day, env, outputs, records, run, start, wait_for, write_portal

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")
ONE_AT_A_TIME = {"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"}


def test_pause_and_resume_with_a_job_folder(tmp_path):
    stories = [Story(n, day(n)) for n in range(1, 11)]
    with Newsroom(stories, gate_after=2) as room:
        write_portal(tmp_path, room.base)
        first = start(tmp_path, *WINDOW, "--jobdir", "jobs", settings=ONE_AT_A_TIME)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(first.stderr), daemon=True)
        reader.start()
        try:
            wait_for(lambda: room.held >= 2, first)  # two served, two in flight, six queued
            first.send_signal(signal.SIGINT)
            wait_for(lambda: any("shutting down gracefully" in ln for ln in lines), first)
            room.gate.set()  # the two in flight complete; the queue stays in jobs/loopnews
            first.wait(60)
        finally:
            if first.poll() is None:
                first.kill()
        reader.join(10)
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


def test_unknown_portal_is_refused(tmp_path):
    write_portal(tmp_path, "http://127.0.0.1:9")
    cmd = [sys.executable, "-m", "newsbot.cli", "crawl", "nosuchportal", "-s", f"NEWSBOT_PORTALS_FILE={FAST['NEWSBOT_PORTALS_FILE']}"]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "newsbot crawl: unknown portal nosuchportal (known:" in proc.stderr
    assert "loopnews" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "output").exists()


def test_a_broken_seen_store_stops_the_crawl_at_start(tmp_path):
    write_portal(tmp_path, "http://127.0.0.1:9")  # never contacted
    state = tmp_path / "output" / ".state"
    state.mkdir(parents=True)
    (state / "seen.sqlite").write_bytes(b"these bytes are no database" * 40)
    proc = run(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "newsbot crawl: seen-store output/.state/seen.sqlite is not usable: file is not a database")
    assert (state / "seen.sqlite").read_bytes() == b"these bytes are no database" * 40
