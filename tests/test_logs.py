"""The run's log (:mod:`newsbot.logs`): at the default level a crawl whose every request fails
logs one start line, one line for the failure kind, the monitors' failures and the summary
line, nothing of Scrapy's banners, dumps or Spidermon's report; ``-L DEBUG`` logs those and
every failure. A refused run prints one line and no banner."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from newsroom import env

from newsbot.runner import crawl_lock

DEAD = """name = "deadsite"
domains = ["127.0.0.1"]
feeds = ["{{base}}/feed.xml", "{{base}}/rss.xml"]

[[editions]]
lang = "en"
base = "http://127.0.0.1:{port}"

[[editions]]
lang = "de"
base = "http://127.0.0.1:{port}/de"
"""
SETTINGS = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false", "RETRY_TIMES": "1",
            "NEWSBOT_RETRY_BACKOFF": "0", "NEWSBOT_PORTALS_FILE": "deadsite.toml"}
BANNERS = ("Scrapy 2", "Versions:", "Enabled ", "Overridden settings", "Dumping Scrapy stats", "[Spidermon]",
           "Spider opened", "Spider closed", "Crawled 0 pages", "Peak memory", "Incremental run")


def _closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _newsbot(tmp_path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "newsbot.cli", "crawl", *args]
    for k, v in SETTINGS.items():
        cmd += ["-s", f"{k}={v}"]
    return subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=120)


def test_an_offline_crawl_logs_what_an_operator_reads(tmp_path):
    (tmp_path / "deadsite.toml").write_text(DEAD.format(port=_closed_port()), "utf-8")
    proc = _newsbot(tmp_path, "deadsite")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert "] INFO: newsbot " in lines[0] and "crawling deadsite;" in lines[0]
    assert "incremental, seen-store output/.state/seen.sqlite" in lines[0]
    failures = [ln for ln in lines if "WARNING" in ln]
    # robots.txt, two home pages and four feed requests, each tried twice, all refused: one line
    # for the kind (discovery does not ask again for the robots.txt the middleware could not read)
    assert len(failures) == 1, failures
    assert "connection_refused" in failures[0] and "further connection_refused failures of deadsite" in failures[0]
    # RFC 9309: an unreachable robots.txt means complete disallow, so the other requests are not made
    assert lines[-1] == "deadsite: FAILED: no records; requests failed: robots_unreachable ×6 (robots.txt not " \
                        "read: connection_refused ×1); monitors: articles found 0 (written 0, already stored 0), " \
                        "below the minimum 1"
    assert lines[1:-1] == failures + [ln for ln in lines if "ERROR: Monitor failed: deadsite:" in ln]
    assert not [ln for ln in lines if any(b in ln for b in BANNERS)]
    assert "Traceback" not in proc.stderr


def test_at_debug_the_dumps_and_every_failure_are_logged(tmp_path):
    (tmp_path / "deadsite.toml").write_text(DEAD.format(port=_closed_port()), "utf-8")
    proc = _newsbot(tmp_path, "deadsite", "-L", "DEBUG")
    assert proc.returncode == 1
    for banner in ("Overridden settings", "Dumping Scrapy stats", "[Spidermon]", "Enabled downloader middlewares"):
        assert banner in proc.stderr, banner
    failed = [ln for ln in proc.stderr.splitlines() if "Not fetched http://127.0.0.1:" in ln]
    assert len(failed) == 6 and all("DEBUG" in ln and "RFC 9309" in ln for ln in failed)  # the robots.txt line said why
    assert "'newsbot/robots_failed/connection_refused': 1" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_refused_run_prints_one_line_and_no_banner(tmp_path):
    scrapy = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "no_such_spider"], cwd=tmp_path,
                            env=env(tmp_path), capture_output=True, text=True, timeout=60)
    assert scrapy.returncode == 2
    assert scrapy.stderr.strip().splitlines() == [scrapy.stderr.strip()]
    assert scrapy.stderr.startswith("newsbot: unknown spider 'no_such_spider' (known: ")
    held = crawl_lock(tmp_path / "output" / ".state" / "crawl.lock")
    try:
        locked = subprocess.run([sys.executable, "-m", "newsbot.cli", "crawl", "euobserver"], cwd=tmp_path,
                                env=env(tmp_path), capture_output=True, text=True, timeout=60)
    finally:
        held.close()
    assert locked.returncode == 3
    assert locked.stderr.strip().splitlines() == [
        f"newsbot crawl: another crawl is running (pid {os.getpid()} holds output/.state/crawl.lock); nothing done"]


def test_records_no_handler_shows_are_not_built(monkeypatch):
    """With every handler at INFO, the root logger's level becomes INFO and a logger set to
    DEBUG (Scrapy's ``scrapy``) INFO, so a DEBUG call builds no record; a NullHandler (which
    shows nothing) does not count; a handler without a level (one that shows everything) leaves
    the levels as they were."""
    import logging

    from newsbot.logs import skip_unshown_records

    root = logging.getLogger()
    saved = root.level, root.handlers[:]
    child = logging.getLogger("newsbot.test_logs.child")
    chatty = logging.getLogger("newsbot.test_logs.chatty")
    try:
        with monkeypatch.context() as patch:  # this process's loggers: the root and the two below only
            patch.setattr(logging.Logger.manager, "loggerDict", {child.name: child, chatty.name: chatty})
            root.handlers[:] = [logging.StreamHandler()]
            root.handlers[0].setLevel(logging.INFO)
            root.setLevel(logging.NOTSET)
            chatty.setLevel(logging.DEBUG)
            skip_unshown_records()
            assert root.level == logging.INFO and chatty.level == logging.INFO and child.level == logging.NOTSET
            assert not child.isEnabledFor(logging.DEBUG) and child.isEnabledFor(logging.INFO)
            assert not chatty.isEnabledFor(logging.DEBUG) and chatty.isEnabledFor(logging.INFO)
            root.setLevel(logging.NOTSET)
            child.addHandler(logging.NullHandler())  # level NOTSET, but it shows no record
            skip_unshown_records()
            assert root.level == logging.INFO and not child.isEnabledFor(logging.DEBUG)
            root.setLevel(logging.NOTSET)
            child.addHandler(logging.StreamHandler())  # level NOTSET: it would show DEBUG records
            skip_unshown_records()
            assert root.level == logging.NOTSET and child.isEnabledFor(logging.DEBUG)
    finally:
        child.handlers.clear()
        chatty.setLevel(logging.NOTSET)
        root.handlers[:] = saved[1]
        root.setLevel(saved[0])  # clears every logger's cached levels


def test_a_robots_txt_answering_503_or_429_is_unreachable_so_the_site_is_not_crawled(tmp_path):
    from loopback import Site
    from support import article_page, crawl, run_stats

    body = "".join(f"<p>Paragraph {i} of the report on the harbour's new quay and what it cost.</p>" for i in range(6))
    for status in (503, 429):
        folder = tmp_path / str(status)
        folder.mkdir()
        routes = {"/robots.txt": (status, {"Content-Type": "text/html"}, b"<html><body>Try later</body></html>"),
                  "/a": (200, {"Content-Type": "text/html; charset=utf-8"},
                         article_page("Quay opens", "2025-03-04T08:00:00+00:00", body))}
        with Site(routes) as site:
            proc, records = crawl(folder, "article", f"urls={site.url('/a')}",
                                  settings={"NEWSBOT_ALLOW_LOOPBACK": "true", "RETRY_TIMES": "0",
                                            "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false"})
        assert records == [] and sorted(site.served) == ["/robots.txt"]  # RFC 9309: complete disallow
        lines = [ln for ln in proc.stderr.splitlines() if "robots.txt of" in ln and "WARNING" in ln]
        assert len(lines) == 1, proc.stderr[-2000:]
        assert (f"robots.txt of 127.0.0.1:{site.port} not read: http_{status} (HTTP {status}); the site is "
                "not crawled in this run (RFC 9309: an unreachable robots.txt means complete disallow)") in lines[0]
        stats = run_stats(folder / "out.jsonl")
        assert stats[f"newsbot/robots_failed/http_{status}"] == 1 and stats["newsbot/errors/robots_unreachable"] == 1
        assert proc.returncode == 1 and proc.stderr.splitlines()[-1].startswith(
            f"article: FAILED: no records; requests failed: robots_unreachable ×1 (robots.txt not read: "
            f"http_{status} ×1)")


@pytest.mark.parametrize("kind, disallow", [
    ("http_503", True), ("http_429", True), ("timeout", True), ("dns", True), ("connection_refused", True),
    ("refused_address", False), ("redirect_offsite", False), ("too_large", False), (None, False),
])
def test_only_the_site_or_the_network_failing_makes_a_robots_txt_unreachable(kind, disallow):
    from newsbot.robots import unreachable

    assert unreachable(kind) is disallow
