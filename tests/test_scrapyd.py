"""Deploying to scrapyd: a real scrapyd, started here from the test extra's packages, receives
the project from ``scrapyd-deploy`` (the egg names ``newsbot.settings`` as its Scrapy settings
and carries the portal files), runs a portal crawl of a loopback site scheduled through
``schedule.json`` (the portal file and the loopback settings given as the job's settings), and
its items feed holds the site's articles.

The project is deployed from a copy in the test's folder, so the egg's build files never land
in the project."""
from __future__ import annotations

import configparser
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from newsroom import FAST, NAME, Newsroom, Story, day, write_portal
from support import ROOT

pytest.importorskip("scrapyd", reason="scrapyd is not installed (it is in the test extra: pip install -e '.[test]')")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (it is in the test extra)")

SOURCES = ("newsbot", "pyproject.toml", "setup.py", "README.md")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as answer:
        return json.loads(answer.read())


def _project_copy(folder: Path, base: str) -> Path:
    """The project's sources in ``folder``, its ``scrapy.cfg`` deploying to ``base``."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / name)
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "scrapy.cfg", encoding="utf-8")
    cfg["deploy"]["url"] = base + "/"
    with (folder / "scrapy.cfg").open("w", encoding="utf-8") as fh:
        cfg.write(fh)
    return folder


def _start_scrapyd(folder: Path, port: int) -> subprocess.Popen:
    (folder / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\nitems_dir = items\nlogs_dir = logs\neggs_dir = eggs\ndbs_dir = dbs\n"
        "poll_interval = 0.5\nmax_proc = 1\n", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _wait(what, limit: float, proc: subprocess.Popen):
    deadline = time.monotonic() + limit
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"scrapyd ended ({proc.returncode}): {proc.stdout.read()[-3000:]}")
        try:
            result = what()
        except OSError:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for scrapyd")
        time.sleep(0.3)


def test_scrapyd_deploy_then_a_scheduled_portal_crawl(tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server_dir = tmp_path / "scrapyd"
    server_dir.mkdir()
    (tmp_path / "project").mkdir()
    project = _project_copy(tmp_path / "project", base)
    work = tmp_path / "work"
    work.mkdir()
    daemon = _start_scrapyd(server_dir, port)
    try:
        _wait(lambda: _api(base, "daemonstatus.json")["status"] == "ok", 60, daemon)
        deploy = subprocess.run([str(Path(sys.executable).with_name("scrapyd-deploy")), "--version", "r1"],
                                cwd=project, capture_output=True, text=True, timeout=180)
        assert deploy.returncode == 0, deploy.stderr[-3000:] + deploy.stdout[-3000:]
        answer = json.loads(deploy.stdout)
        assert answer["status"] == "ok" and answer["project"] == "newsbot", answer
        spiders = _api(base, "listspiders.json?project=newsbot")["spiders"]
        assert {"article", "portal", "politico_eu"} <= set(spiders)

        stories = [Story(1, day(3)), Story(2, day(4)), Story(3, day(5))]
        with Newsroom(stories) as room:
            portal_file = write_portal(work, room.base)
            settings = {**FAST, "NEWSBOT_PORTALS_FILE": str(portal_file), "NEWSBOT_STATE_DIR": str(work / "state"),
                        "NEWSBOT_EXTRACT_WORKERS": "0"}

            def schedule() -> tuple[str, dict]:
                job = _api(base, "schedule.json", [
                    ("project", "newsbot"), ("spider", "portal"), ("portal", NAME),
                    ("since", "2025-03-01"), ("until", "2025-03-31"),
                    *(("setting", f"{k}={v}") for k, v in settings.items())])
                assert job["status"] == "ok", job

                def finished():
                    jobs = _api(base, "listjobs.json?project=newsbot")
                    return next((j for j in jobs["finished"] if j["id"] == job["jobid"]), None)

                return job["jobid"], _wait(finished, 180, daemon)

            jobid, done = schedule()
            assert sorted(room.article_hits()) == sorted(s.path for s in stories)
            # the next job of the schedule writes only what is new: its feed is the same stream
            room.add(Story(4, day(6)))
            second, _ = schedule()
            assert room.article_hits()["/news/2025/03/story-4"] == 1
            assert all(room.article_hits()[s.path] == 1 for s in stories)
            # a job started while another run holds the crawl lock says so in its own log
            lock = work / "state" / "crawl.lock"
            with lock.open("a+") as held:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held.truncate(0)
                held.write(f"{os.getpid()}\n")
                held.flush()
                third, _ = schedule()

        def log_of(job: str) -> str:
            return (server_dir / "logs" / "newsbot" / "portal" / f"{job}.log").read_text("utf-8")

        with urllib.request.urlopen(f"{base}/items/newsbot/portal/{jobid}.jl", timeout=30) as feed:
            items = [json.loads(line) for line in feed.read().decode("utf-8").splitlines() if line.strip()]
        log = log_of(jobid)
        assert sorted(r["title"] for r in items) == sorted(s.title for s in stories), log[-3000:]
        assert {r["portal"] for r in items} == {NAME}
        assert {r["date_published"] for r in items} == {s.published.isoformat() for s in stories}
        stats = json.loads((server_dir / "items" / "newsbot" / "portal" / f"{jobid}.jl.stats.json").read_text("utf-8"))
        assert stats["portal"] == NAME and stats["records_written"] == 3 and stats["finish_reason"] == "finished"
        assert done["spider"] == "portal"
        items_dir = server_dir / "items" / "newsbot" / "portal"
        # the summary line is in the job's log, not only on scrapyd's stderr
        assert f"{NAME}: ok: 3 records written, 0 failed requests; wrote {items_dir / jobid}.jl" in log, log[-3000:]

        second_items = [json.loads(line) for line in (items_dir / f"{second}.jl").read_text("utf-8").splitlines()]
        assert [(r["title"], r["revision"]) for r in second_items] == [(Story(4, day(6)).title, 1)], log_of(second)[-3000:]
        second_stats = json.loads((items_dir / f"{second}.jl.stats.json").read_text("utf-8"))
        assert second_stats["records_written"] == 1 and second_stats["already_stored"] == 3
        assert f"{NAME}: ok: 1 records written, 0 failed requests, 3 already stored" in log_of(second)

        assert not (items_dir / f"{third}.jl").exists()
        assert f"newsbot: another crawl is running (pid {os.getpid()} holds {lock}); nothing done" in log_of(third)
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait(timeout=30)
