"""A small news portal on 127.0.0.1 for the scheduling tests: article pages in our own markup,
an Atom feed, and the portal file that describes it.

The site's pages are plain data (:class:`Story`); tests change them between runs (new story,
edited story, markup change) and read ``site.hits`` to see what the crawler fetched. A
``gate`` holds article responses after the first ``gate_after`` until released, so a test can
act (kill, signal, start a second run) while a run is certainly in the middle of its work.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from loopback import Site

NAME = "loopnews"
PORTAL_FILE = f"{NAME}.toml"
HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = {"NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false",
        "ROBOTSTXT_OBEY": "false", "RETRY_TIMES": "0", "DOWNLOAD_TIMEOUT": "20", "LOG_LEVEL": "INFO",
        "NEWSBOT_PORTALS_FILE": PORTAL_FILE}
PORTAL = """# The test portal, written by the tests.
name = "{name}"
domains = ["127.0.0.1"]
feeds = ["{{base}}/feed.xml"]
allow = ["^/news/"]

[[editions]]
lang = "en"
base = "{base}"

[selectors]
title = ["h1.headline"]
section = ["p.kicker"]
lead = ["p.standfirst"]
date = ["time.published"]
authors = ["span.byline"]
body = ["div.story-body"]
"""
SECTIONS = ("Energy", "Transport", "Budget", "Fisheries", "Health", "Trade", "Climate", "Digital")


@dataclass
class Story:
    """One article: ``n`` (its slug number), text, ``published`` / ``modified`` (aware
    datetimes), ``new_markup`` (the redesign: the body is loaded by a script, no paragraphs in
    the page), ``listed_modified`` (the feed's ``<updated>``; default ``modified`` or
    ``published``), ``status`` (another status than 200, e.g. 404 or 410: the page withdrawn), ``alternates`` (``{hreflang: path}``: the page in other languages) and
    ``day_only`` (the page and the feed give the day of publication, not its time), ``etag``
    (the page is served with this ETag, and answers 304 to an ``If-None-Match`` naming it) and
    ``headline`` (false: the page prints no headline, its ``<title>`` names only the site)."""

    n: int
    published: datetime
    modified: datetime | None = None
    extra: str = ""
    new_markup: bool = False
    listed_modified: datetime | None = None
    paragraphs: list[str] = field(default_factory=list)
    alternates: dict[str, str] = field(default_factory=dict)
    day_only: bool = False
    etag: str | None = None
    headline: bool = True
    status: int = 200

    @property
    def path(self) -> str:
        return f"/news/2025/03/story-{self.n}"

    @property
    def title(self) -> str:
        return f"Council settles question number {self.n} on {SECTIONS[self.n % len(SECTIONS)].lower()}"

    def html(self, base: str) -> bytes:
        section = SECTIONS[self.n % len(SECTIONS)]
        paras = self.paragraphs or [
            f"Ministers met on a grey morning to settle question {self.n}, which had been open for months.",
            f"The agreement on item {self.n} sets a common timetable that every member state will follow.",
            "Officials said the text would be published in the journal before the end of the quarter.",
            "Several delegations asked for a review clause, and the chair accepted a short one.",
        ]
        if self.extra:
            paras = paras + [self.extra]
        modified = (f'<meta property="article:modified_time" content="{self.modified.isoformat()}">'
                    if self.modified else "")
        body = ('<div class="story-loader" data-src="/api/story/%d"></div><script>loadStory()</script>' % self.n
                if self.new_markup else
                '<div class="story-body">' + "".join(f"<p>{p}</p>" for p in paras) + "</div>")
        links = "".join(f'<link rel="alternate" hreflang="{lang}" href="{base}{path}">'
                        for lang, path in self.alternates.items())
        when = self.published.date().isoformat() if self.day_only else self.published.isoformat()
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{self.title + " | " if self.headline else ""}Loop News</title>
<meta property="og:type" content="article">{modified}{links}
<link rel="canonical" href="{base}{self.path}"></head>
<body><header class="masthead"><a href="/">Loop News</a> <nav><a href="/news/">News</a></nav></header>
<article>
<p class="kicker">{section}</p>
{f'<h1 class="headline">{self.title}</h1>' if self.headline else ""}
<p class="standfirst">A short summary of how question {self.n} was finally settled.</p>
<p class="dateline">By <span class="byline">Ana Ferreira</span>,
<time class="published" datetime="{when}">{self.published:%d %B %Y}</time></p>
{body}
</article>
<footer><p>Loop News is a test site.</p></footer></body></html>""".encode()


class Newsroom:
    """The site: ``stories`` {n: Story}, served at ``/news/2025/03/story-<n>`` and listed in
    ``/feed.xml`` (Atom). Use as a context
    manager; ``base`` is the site URL, ``hits`` the requests per path. ``dated`` false: the
    feed gives no date at all."""

    def __init__(self, stories: list[Story], gate_after: int | None = None, dated: bool = True):
        self.stories = {s.n: s for s in stories}
        self.dated = dated
        self.gate_after = gate_after
        self.gate = threading.Event()
        self.served_articles = 0
        self.held = 0
        self.lock = threading.Lock()
        self.site = Site({}, max_requests=2000)
        self.site.routes = _Routes(self)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.site.port}"

    @property
    def hits(self) -> dict[str, int]:
        return self.site.hits

    def article_hits(self) -> dict[str, int]:
        return {p: n for p, n in self.site.hits.items() if p.startswith("/news/")}

    def add(self, *stories: Story) -> None:
        for s in stories:
            self.stories[s.n] = s

    def feed(self) -> bytes:
        """Atom feed: each entry's ``published`` and ``updated`` (the listed modification)."""
        def dates(s: Story) -> str:
            if not self.dated:
                return ""
            if s.day_only:  # the day alone
                return f"<updated>{s.published.date().isoformat()}</updated>"
            return (f"<published>{s.published.isoformat()}</published>"
                    f"<updated>{(s.listed_modified or s.modified or s.published).isoformat()}</updated>")

        entries = "".join(
            f'<entry><title>{s.title}</title><link rel="alternate" href="{self.base}{s.path}"/>'
            f"<id>{self.base}{s.path}</id>{dates(s)}</entry>"
            for s in sorted(self.stories.values(), key=lambda s: s.n))
        return ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Loop News</title><id>{self.base}/</id>{entries}</feed>").encode()

    def article(self, n: int) -> bytes:
        with self.lock:
            self.served_articles += 1
            hold = self.gate_after is not None and self.served_articles > self.gate_after
            if hold:
                self.held += 1
        if hold:
            self.gate.wait(60)  # bounded: the test releases it, or it gives up
        return self.stories[n].html(self.base)

    def __enter__(self):
        self.site.__enter__()
        return self

    def __exit__(self, *exc):
        self.gate.set()
        self.site.__exit__(*exc)


class _Routes(dict):
    """Route table computed from the newsroom's current stories."""

    def __init__(self, room: Newsroom):
        super().__init__()
        self.room = room

    def get(self, path, default=None):
        room = self.room
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/atom+xml"}, room.feed()
        for n, story in room.stories.items():
            if path == story.path and story.status != 200:
                return story.status, HTML, b"<html><body><p>This page is not here.</p></body></html>"
            if path == story.path and story.etag:
                return lambda headers, n=n, tag=story.etag: (
                    (304, {"ETag": tag}, b"") if headers.get("If-None-Match") == tag
                    else (200, {**HTML, "ETag": tag}, lambda site: room.article(n)))
            if path == story.path:
                return 200, HTML, lambda site, n=n: room.article(n)
        return default


def day(d: int, hour: int = 9) -> datetime:
    """An aware UTC datetime in March 2025."""
    return datetime(2025, 3, d, hour, 0, 0, tzinfo=timezone.utc)


def write_portal(workdir: Path, base: str) -> Path:
    """Write the portal's file into ``workdir`` (``NEWSBOT_PORTALS_FILE`` of :data:`FAST`
    names it, relative to the crawl's working directory)."""
    path = workdir / PORTAL_FILE
    path.write_text(PORTAL.format(name=NAME, base=base), encoding="utf-8")
    return path


def command(*args: str, settings: dict | None = None, scrapy: bool = False, spider: str = NAME) -> list[str]:
    """``newsbot crawl loopnews ARGS`` (or ``scrapy crawl <spider, default loopnews> -a ARG…``)
    with the fast settings and ``settings``."""
    if scrapy:
        cmd = [sys.executable, "-m", "scrapy", "crawl", spider]
        for a in args:
            cmd += ["-a", a]
    else:
        cmd = [sys.executable, "-m", "newsbot.cli", "crawl", NAME, *args]
    for k, v in {**FAST, **(settings or {})}.items():
        cmd += ["-s", f"{k}={v}"]
    return cmd


def env(workdir: Path) -> dict:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}


def run(workdir: Path, *args: str, settings: dict | None = None, scrapy: bool = False,
        timeout: int = 120, spider: str = NAME) -> subprocess.CompletedProcess:
    """Run one crawl of the test portal (or of ``spider``, with ``scrapy``) in ``workdir`` and
    wait for it."""
    return subprocess.run(command(*args, settings=settings, scrapy=scrapy, spider=spider), cwd=workdir,
                          env=env(workdir), capture_output=True, text=True, timeout=timeout)


def start(workdir: Path, *args: str, settings: dict | None = None, scrapy: bool = False) -> subprocess.Popen:
    """Start one crawl of the test portal in ``workdir`` without waiting."""
    return subprocess.Popen(command(*args, settings=settings, scrapy=scrapy), cwd=workdir, env=env(workdir),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def outputs(workdir: Path) -> list[Path]:
    """Committed output files of the portal, oldest first."""
    return sorted((workdir / "output" / NAME).glob("*/*.jsonl"))


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def stats_of(path: Path) -> dict:
    """The ``.stats.json`` beside an output file (the first of its run)."""
    return json.loads(path.with_name(path.name + ".stats.json").read_text("utf-8"))


@contextmanager
def killed(proc: subprocess.Popen):
    """Yield the running crawl ``proc``; when the block ends, kill it with SIGKILL (a kill no
    handler sees) and reap it, also when the block fails."""
    try:
        yield proc
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def wait_for(predicate, proc: subprocess.Popen | None = None, limit: float = 60.0) -> None:
    """Poll ``predicate`` until true; fail when ``limit`` seconds pass or ``proc`` ended first."""
    import time

    deadline = time.monotonic() + limit
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the crawl ended early ({proc.returncode}): {proc.stderr.read()[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the crawl")
        time.sleep(0.05)
