"""What a crawl's summary line says, and its exit status, when a portal wrote nothing: the
failed requests named by kind whether the monitors are on or off; sources robots.txt kept
newsbot from asking (forbidden, or a robots.txt that could not be read) not called dead, by
the crawl as by ``newsbot check``; the robots.txt source's outcome its failure kind. The site
is the loopback newsroom (tests/newsroom.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from newsroom import NAME, Newsroom, Story, _Routes, day, env, run, write_portal

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")


def _summary(proc) -> str:
    [line] = [x for x in proc.stderr.splitlines() if x.startswith(f"{NAME}: ")]
    return line


def _stats(workdir) -> dict:
    [path] = list((workdir / "output" / NAME).glob("*/*.stats.json"))
    return json.loads(path.read_text("utf-8"))


class _Robots(_Routes):
    """The newsroom's routes with a robots.txt: ``answer`` is its (status, body)."""

    def __init__(self, room, answer):
        super().__init__(room)
        self.answer = answer

    def get(self, path, default=None):
        if path == "/robots.txt":
            status, body = self.answer
            return status, {"Content-Type": "text/plain"}, body
        return super().get(path, default)


@pytest.mark.parametrize("monitors", ["true", "false"])
def test_articles_that_all_fail_fail_the_run_and_are_named_with_monitors_on_or_off(tmp_path, monitors):
    stories = [Story(n, day(3 + n), status=404) for n in (1, 2, 3)]
    with Newsroom(stories) as room:
        write_portal(tmp_path, room.base)
        proc = run(tmp_path, *WINDOW, settings={"SPIDERMON_ENABLED": monitors})
    assert proc.returncode == 1, proc.stderr[-3000:]
    line = _summary(proc)
    assert line.startswith(f"{NAME}: FAILED: no records; requests failed: http_404 ×3"), line
    assert line.count("no records") == 1


@pytest.mark.parametrize("answer, outcome, why", [
    ((200, b"User-agent: *\nDisallow: /\n"), "robots", "no records; robots.txt forbids the 2 URLs asked"),
    ((503, b"busy"), "robots_unreachable",
     "no records; requests failed: robots_unreachable ×2 (robots.txt not read: http_503 ×1)")],
    ids=["forbidden", "unreachable"])
def test_sources_robots_txt_kept_newsbot_from_asking_are_not_dead(tmp_path, answer, outcome, why):
    with Newsroom([Story(1, day(3))]) as room:
        room.site.routes = _Robots(room, answer)
        write_portal(tmp_path, room.base)
        proc = run(tmp_path, *WINDOW, settings={"ROBOTSTXT_OBEY": "true"})
        check = subprocess.run([sys.executable, "-m", "newsbot.cli", "check", NAME, *WINDOW,
                                "-s", "NEWSBOT_ALLOW_LOOPBACK=true", "-s", f"NEWSBOT_PORTALS_FILE={tmp_path / 'loopnews.toml'}",
                                "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_DELAY=0"],
                               cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-3000:]
    line = _summary(proc)
    assert line.startswith(f"{NAME}: FAILED: {why}"), line  # the monitors' own message may follow
    assert line.count("no records") == 1 and "dead" not in line and "no discovery source answered" not in line
    stats = _stats(tmp_path)
    assert stats["dead_endpoints"] == []
    outcomes = {s["kind"]: s["outcome"] for s in stats["sources"] if s["origin"] == "configured"}
    assert outcomes == {"feed": outcome}
    robots = [s["outcome"] for s in stats["sources"] if s["kind"] == "robots"]
    assert robots == (["answered"] if outcome == "robots" else ["http_503"])
    assert check.returncode == 1, check.stdout + check.stderr[-2000:]
    verdict = check.stdout.splitlines()[0]
    assert verdict.startswith(f"{NAME}: FAILED: ") and "dead" not in verdict, check.stdout
    assert "no discovery source answered" not in verdict
    assert f"  en feed (configured) {room.base}/feed.xml: {outcome}" in check.stdout.splitlines()


def test_a_link_dated_ahead_is_listed_with_its_date_in_iso_8601(tmp_path):
    from datetime import datetime, timedelta, timezone
    from email.utils import format_datetime

    from loopback import Site

    ahead = (datetime.now(timezone.utc) + timedelta(hours=3)).replace(microsecond=0)
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title>'
            '<item><title>Soon</title><link>{base}/news/2025/03/story-9</link>'
            f"<pubDate>{format_datetime(ahead)}</pubDate></item></channel></rss>")
    with Site({"/feed.xml": (200, {"Content-Type": "application/rss+xml"},
                             lambda site: feed.format(base=site.base).encode())}) as site:
        write_portal(tmp_path, site.base)
        proc = run(tmp_path)
    stats = _stats(tmp_path)
    assert stats["skipped"] == {"dated_ahead": 1}, proc.stderr[-3000:]
    [listed] = stats["dated_ahead"]
    assert listed == {"url": site.base + "/news/2025/03/story-9", "date": ahead.isoformat()}
