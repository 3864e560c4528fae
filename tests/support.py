"""Helpers shared by the tests: the shared corpus, WARC building, feeds and crawl subprocesses."""
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

from newsbot.warc import WarcWriterFile

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSBOT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

WARC_PAGES = [(f"http://127.0.0.1:9/p{i}", b"<html><body>page %d</body></html>" % i * 20, "text/html")
              for i in range(3)]
"""Three small pages at an address that is never contacted, for WARC files (:func:`write_warc`)."""


def corpus_entries() -> list[dict]:
    """Entries of the shared labelled corpus with their HTML; skips the test (printing why)
    when the corpus folder is absent, as on a user's fresh clone."""
    index = CORPUS / "index.jsonl"
    if not index.is_file():
        pytest.skip(f"shared corpus absent: {index} not found (it sits beside the project in CI)")
    entries = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    for e in entries:
        e["html"] = gzip.decompress((CORPUS / e["file"]).read_bytes())
    return entries


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
