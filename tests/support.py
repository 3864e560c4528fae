"""Helpers shared by the tests: the shared corpus, WARC building, feeds and crawl subprocesses,
the check of a refused command, the project's settings with overrides, known run stats, and the
small pages, portal file and record that several test files build on."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from scrapy.settings import Settings

from newsbot import settings as project_settings
from newsbot.extraction import extract_article
from newsbot.extraction.urls import fingerprint
from newsbot.warc import WarcWriterFile

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSBOT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

WARC_PAGES = [(f"http://127.0.0.1:9/p{i}", b"<html><body>page %d</body></html>" % i * 20, "text/html")
              for i in range(3)]
"""Three small pages at an address that is never contacted, for WARC files (:func:`write_warc`)."""

HARBOUR_ARTICLE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour cranes return to the north quay</title>
<meta property="article:published_time" content="2025-03-04T09:30:00+01:00">
</head><body><article><h1>Harbour cranes return to the north quay</h1>
<p>The port authority said on Tuesday that the two cranes removed for repairs last winter are
back in service, and that container traffic on the north quay should recover within weeks.</p>
<p>Dock workers welcomed the news, although the union asked for a review of night shifts once
the backlog of ships waiting in the roads has cleared.</p></article></body></html>"""
"""A small article page (UTF-8 bytes): a title, a publication time and two paragraphs."""

MINIMAL_PORTAL = '''name = "demo_news"
domains = ["demo-news.example"]
feeds = ["{base}/feed"]

[[editions]]
lang = "en"
base = "https://demo-news.example"
'''
"""The smallest portal file: one edition and one feed, at a host that is never contacted."""

STORY_URL = "https://www.example.org/news/2025/03/story-1/"
STORY_RECORD = {"id": fingerprint(STORY_URL), "url": STORY_URL, "portal": "p", "title": "T", "lead": None,
                "body": "B", "section": "S", "authors": [], "tags": [],
                "date_published": "2025-03-04T09:00:00+00:00", "date_modified": None,
                "crawled_at": "2025-03-05T00:00:00+00:00"}
"""A record of :data:`STORY_URL` for the seen-store tests: published 2025-03-04 09:00 UTC, never modified."""


CORPUS_ABSENT = ("the shared labelled corpus is absent ({index} not found): 183 real news pages with their "
                 "labelled title, date and body, kept beside the project (../shared/corpus/news) for its developers "
                 "and CI to guard extraction quality; a user's clone does not need it, and every other test runs "
                 "without it (NEWSBOT_SHARED names another folder holding corpus/news)")
"""Why the corpus tests skip on a fresh clone."""


def corpus_entries() -> list[dict]:
    """Entries of the shared labelled corpus with their HTML; skips the test (printing
    :data:`CORPUS_ABSENT`) when the corpus folder is absent, as on a user's fresh clone."""
    index = CORPUS / "index.jsonl"
    if not index.is_file():
        pytest.skip(CORPUS_ABSENT.format(index=index))
    entries = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    for e in entries:
        e["html"] = gzip.decompress((CORPUS / e["file"]).read_bytes())
    return entries


def assert_refused(rc: int, err: str, *names: str) -> None:
    """Assert that a command refused its input the agreed way: exit status 2, no traceback and
    one line on stderr, naming each of ``names``."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert rc == 2, err
    assert "Traceback" not in err, err
    assert len(lines) == 1, err
    for name in names:
        assert name in lines[0], (name, lines[0])


def known_stats(**extra) -> dict:
    """The stats of a run with known figures (8 written, 4 already stored, a body and a section
    missing, one dropped as invalid, one out of the window), updated with ``extra``."""
    stats = {"item_scraped_count": 8, "downloader/response_count": 30, "finish_reason": "finished",
             "newsbot/field/title/jsonld": 10, "newsbot/field/body/portal": 7, "newsbot/field/body/generic": 2,
             "newsbot/field/body/missing": 1, "newsbot/field/section/portal": 9,
             "newsbot/field/section/missing": 1, "newsbot/dropped/invalid/body": 1,
             "newsbot/dropped/out_of_window": 1, "newsbot/skipped/seen": 4}
    stats.update(extra)
    return stats


def settings_with(**values) -> Settings:
    """The project's settings (:mod:`newsbot.settings`) with ``values`` set as on the command line."""
    s = Settings()
    s.setmodule(project_settings, priority="project")
    for k, v in values.items():
        s.set(k, v, priority="cmdline")
    return s


def response_record(url: str, block: bytes, typed: bool = True) -> bytes:
    """One uncompressed WARC ``response`` record of ``block``, its WARC headers naming it an
    HTTP response (``typed``) or giving no ``Content-Type``."""
    kind = b"Content-Type: application/http; msgtype=response\r\n" if typed else b""
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url.encode() + b"\r\n"
            b"WARC-Date: 2025-03-04T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:6f1c2a52-9d4e-4b59-9a51-3c0f0e7d2b11>\r\n"
            + kind + b"Content-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n")


def write_warc(path: Path, pages) -> Path:
    """A gzipped WARC of ``pages``: ``(url, body bytes, content type[, status[, fetch date]])``
    tuples (the date, an aware datetime, is the record's ``WARC-Date``; now by default)."""
    writer = WarcWriterFile(path)
    for page in pages:
        url, body, ctype, *rest = page
        writer.write(url, rest[0] if rest else 200, [("Content-Type", ctype)], body, rest[1] if len(rest) > 1 else None)
    writer.close()
    return path


def rss(items) -> bytes:
    """RSS 2.0 bytes of ``(link, title, aware datetime)`` items."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title>']
    for link, title, when in items:
        out.append(f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
                   f"<pubDate>{format_datetime(when)}</pubDate></item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def news_sitemap(items) -> bytes:
    """News-sitemap bytes of ``(loc, aware datetime, language)`` items."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for loc, when, lang in items:
        out.append(f"<url><loc>{escape(loc)}</loc><news:news><news:publication><news:name>x</news:name>"
                   f"<news:language>{lang}</news:language></news:publication>"
                   f"<news:publication_date>{when.isoformat()}</news:publication_date></news:news></url>")
    out.append("</urlset>")
    return "".join(out).encode("utf-8")


def crawl(tmp_path: Path, spider: str, *args: str, settings: dict | None = None,
          timeout: int = 240) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run ``scrapy crawl spider`` in a subprocess inside ``tmp_path`` writing ``out.jsonl``;
    return the finished process and the records written."""
    out = tmp_path / "out.jsonl"  # -O overwrites it; a refused run leaves it untouched
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(out), "-s", "LOG_LEVEL=INFO"]
    for name, value in (settings or {}).items():
        cmd += ["-s", f"{name}={value}"]
    for arg in args:
        cmd += ["-a", arg]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout)
    written = out.exists() and proc.returncode != 2
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if written else []
    return proc, records


LOOPBACK_FAST = {"NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false"}
"""Settings of a crawl of a loopback test site: allowed, without politeness delays."""


def crawl_user_portal(tmp_path: Path, name: str, base: str, endpoints: str, *args: str,
                      settings: dict | None = None) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """:func:`crawl` of a portal ``name`` described in a user's portal file: one edition
    (``en``) at ``base`` on 127.0.0.1, ``endpoints`` its TOML lines (``feeds = [...]``…), with
    :data:`LOOPBACK_FAST` and ``settings``."""
    path = tmp_path / f"{name}.toml"
    path.write_text(f'name = "{name}"\ndomains = ["127.0.0.1"]\n{endpoints}\n'
                    f'[[editions]]\nlang = "en"\nbase = "{base}"\n', "utf-8")
    return crawl(tmp_path, name, *args, settings={"NEWSBOT_PORTALS_FILE": str(path), **LOOPBACK_FAST,
                                                  **(settings or {})})


def run_stats(output: Path) -> dict:
    """Scrapy's stats of the run that wrote ``output``, from the ``.stats.json`` beside it."""
    return json.loads(output.with_name(output.name + ".stats.json").read_text("utf-8"))["scrapy_stats"]


def scrapy_crawl(cwd: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run ``scrapy crawl *args`` in a subprocess inside ``cwd`` with the project's settings;
    return the finished process (nothing is read from its output files)."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


NEWS_URL = "https://news.example.org/2024/03/05/story"
"""The address the extraction tests read their small pages at."""


def paragraphs(n: int, topic: str = "the harbour") -> str:
    """``n`` ``<p>`` paragraphs of running text about ``topic``, numbered from 1."""
    return "".join(
        f"<p>Paragraph {i} about {topic} gives enough running text to count as part of the "
        f"article body, with a full sentence that ends properly.</p>" for i in range(1, n + 1))


def html_doc(head: str = "", body: str = "") -> str:
    """A UTF-8 HTML document of ``head`` and ``body`` markup."""
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def article_page(title: str, published: str, body: str, head: str = "", site: str = "Loop News") -> bytes:
    """An English article page, UTF-8 bytes, as the loopback sites serve one: ``title`` as its
    ``<title>`` (with ``site``'s name, also its ``og:site_name``) and ``<h1>``, ``og:type``
    article, ``published`` (ISO 8601) as its ``article:published_time``, ``head`` markup more,
    and ``body`` markup in an ``<article>`` under the headline."""
    return (f"<html lang='en'><head><title>{title} | {site}</title><meta property='og:type' content='article'>"
            f"<meta property='og:site_name' content='{site}'>"
            f"<meta property='article:published_time' content='{published}'>{head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def dated_record(head: str) -> dict:
    """The record extracted from a page of ``head`` markup, an ``<h1>`` and four paragraphs."""
    return extract_article(html_doc(head, "<h1>T</h1>" + paragraphs(4)), NEWS_URL).record
