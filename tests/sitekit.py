"""Fixture sites of the portals (tests/sites/<portal>/): loading, rendering, serving (WARC
replay or a loopback HTTP server) and crawling several portals in one process.

A site folder holds ``site.toml`` and the files it names. ``site.toml``:

- ``portal``, ``since``, ``until``: the portal and the crawl window used by the tests.
- ``[[page]]``: ``url``, ``file`` (in the folder) or ``text``, ``type`` (Content-Type),
  optional ``status``, ``headers`` (table) and ``gzip`` (serve the file gzipped): feeds, sitemaps, listings, REST answers,
  non-article pages, blocked answers.
- ``[[article]]``: ``url``, ``lang``, ``title``, ``published`` (ISO 8601), ``section``,
  ``author``, ``lead``, ``paragraphs``, optional ``tags``, ``alternates`` ({hreflang: URL}),
  ``paywall`` (the site's ``paywall_html`` follows the visible paragraphs),
  ``machine_translated`` and ``original_url`` (expected), ``modes`` (the crawl modes that
  must write it; default both), ``template`` (default ``article.html``).
- ``paywall_html``: the membership prompt markup of the site.

Article pages are rendered from the site's template (``string.Template``: ``$lang``,
``$url``, ``$title``, ``$published``, ``$section``, ``$author``, ``$lead``, ``$body``,
``$tags``, ``$alternates``, ``$day``).
"""
from __future__ import annotations

import gzip
import html
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from loopback import Site

from newsbot.schema import validator

SITES = Path(__file__).resolve().parent / "sites"
HTML = "text/html; charset=utf-8"
PORTALS = ["eureporter", "politico_eu", "euronews", "euractiv", "euobserver", "parliament_magazine",
           "brussels_times", "neweurope"]
"""The built-in portals with a fixture site, in the order the crawls list them."""
FIELDS = ("url", "canonical_url", "portal", "language", "title", "date_published", "section", "lead",
          "body", "authors", "tags", "quality_flags", "translations", "machine_translated", "original_url")
"""The record fields compared with a site's expected records."""


def load_site(name: str) -> dict:
    """The parsed ``site.toml`` of ``tests/sites/<name>`` with ``dir`` added."""
    folder = SITES / name
    site = tomllib.loads((folder / "site.toml").read_text("utf-8"))
    site["dir"] = folder
    return site


def render_article(site: dict, art: dict) -> bytes:
    """The HTML of one fixture article in the site's markup."""
    esc = html.escape
    body = "\n".join(f"<p>{esc(p)}</p>" for p in art["paragraphs"])
    if art.get("paywall"):
        body += "\n" + site["paywall_html"]
    alternates = "\n".join(f'<link rel="alternate" hreflang="{esc(lang)}" href="{esc(href)}">'
                           for lang, href in {art["lang"]: art["url"], **art.get("alternates", {})}.items())
    tags = "".join(f'<a href="/tag/{esc(t.lower().replace(" ", "-"))}/" rel="tag">{esc(t)}</a>'
                   for t in art.get("tags", []))
    template = Template((site["dir"] / art.get("template", "article.html")).read_text("utf-8"))
    return template.substitute(
        lang=art["lang"], url=esc(art["url"]), title=esc(art["title"]), published=art["published"],
        day=art["published"][:10], section=esc(art["section"]), author=esc(art["author"]),
        lead=esc(art["lead"]), body=body, tags=tags, alternates=alternates,
        ld_json=json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                            "headline": art["title"], "datePublished": art["published"],
                            "author": [{"@type": "Person", "name": art["author"]}]}),
    ).encode("utf-8")


def site_pages(site: dict, base: str | None = None) -> list[tuple]:
    """``(url, body, content type, status, headers)`` of every page of the site. With
    ``base`` (``http://127.0.0.1:port``), the first edition's origin is replaced by it in URLs
    and bodies (loopback serving)."""
    pages = []
    for page in site.get("page", []):
        body = (site["dir"] / page["file"]).read_bytes() if "file" in page else page.get("text", "").encode()
        if page.get("gzip"):
            body = gzip.compress(body, mtime=0)
        pages.append((page["url"], body, page.get("type", HTML), page.get("status", 200), page.get("headers", {})))
    for art in site.get("article", []):
        pages.append((art["url"], render_article(site, art), HTML, 200, {}))
    if base:
        origin = site["origin"]
        pages = [(u.replace(origin, base), b.replace(origin.encode(), base.encode()), t, s, h)
                 for u, b, t, s, h in pages]
    return pages


def site_warc(path: Path, names) -> Path:
    """One WARC holding the fixture sites ``names``."""
    from newsbot.warc import WarcWriterFile

    writer = WarcWriterFile(path)
    for name in names:
        for url, body, ctype, status, headers in site_pages(load_site(name)):
            writer.write(url, status, [("Content-Type", ctype), *headers.items()], body)
    writer.close()
    return path


def expected_records(site: dict, mode: str, origin: str | None = None, base: str | None = None) -> dict[str, dict]:
    """The fields each record of the site must have in ``mode``, by URL."""
    out = {}
    for art in site.get("article", []):
        if mode not in art.get("modes", ["latest", "backfill"]):
            continue
        fix = (lambda u: u.replace(origin, base) if u and base else u)
        body = [art["lead"]] + art["paragraphs"] if art.get("lead") else art["paragraphs"]
        out[fix(art["url"])] = {
            "url": fix(art["url"]), "canonical_url": fix(art["url"]), "portal": site["portal"],
            "language": art["lang"], "title": art["title"], "date_published": art["published"],
            "section": art["section"], "lead": art.get("lead"), "body": "\n\n".join(body),
            "authors": [art["author"]], "tags": art.get("tags", []),
            "quality_flags": ["partial"] if art.get("paywall") else [],
            "translations": [{"language": k, "url": fix(v)} for k, v in art.get("alternates", {}).items()],
            "machine_translated": art.get("machine_translated", False),
            "original_url": art.get("original_url"),
        }
    return out


def check_portal(run, portal: str, mode: str) -> dict:
    """Assert that ``run`` (``(process, records, stats)`` of :func:`crawl_many`) wrote exactly
    the expected records of ``portal``'s fixture site in ``mode``, each valid and with the
    expected :data:`FIELDS`, and that the portal's crawl finished cleanly; return its stats."""
    _, records, stats = run
    expected = expected_records(load_site(portal), mode)
    got = {r["url"]: r for r in records[portal]}
    assert sorted(got) == sorted(expected)
    assert len(records[portal]) == len(expected)  # no duplicate record
    for url, exp in expected.items():
        record = got[url]
        assert list(validator().iter_errors(record)) == []
        assert {k: record[k] for k in FIELDS} == exp, url
    assert stats[portal]["finish_reason"] == "finished"
    assert not any(k.startswith("spider_exceptions") for k in stats[portal]), stats[portal]
    return stats[portal]


RUNNER = r"""
import json, sys
from scrapy.utils.project import get_project_settings
from newsbot.runner import Job, crawl
jobs, out = json.loads(sys.argv[1]), sys.argv[2]
settings = get_project_settings()
for k, v in json.loads(sys.argv[3]).items():
    settings.set(k, v, priority="cmdline")
results = crawl(settings, [Job(name, args) for name, args in jobs])
json.dump({r.name: {**{k: v for k, v in r.stats.items() if isinstance(v, (int, str))},
                    "summary/status": r.status, "summary/line": r.line} for r in results}, open(out, "w"))
"""


def crawl_many(tmp: Path, jobs: list[tuple[str, dict]], settings: dict, timeout: int = 240):
    """Crawl ``jobs`` (``(spider, arguments)``) in one process inside ``tmp`` through the
    crawl runner (:func:`newsbot.runner.crawl`, as ``newsbot crawl`` does); return
    ``(process, {portal: [records]}, {portal: stats})``; each portal's stats hold its exit
    status and summary line as ``summary/status`` and ``summary/line``. Records go to
    ``<portal>.jsonl``."""
    base = {"FEEDS": {str(tmp / "%(name)s.jsonl"): {"format": "jsonlines", "encoding": "utf8"}},
            "LOG_LEVEL": "INFO", "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "NEWSBOT_RETRY_BACKOFF": 0}
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    proc = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(jobs), str(tmp / "stats.json"),
                           json.dumps({**base, **settings})],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=timeout)
    records = {}
    for name, _ in jobs:
        path = tmp / f"{name}.jsonl"
        records[name] = [json.loads(x) for x in path.read_text("utf-8").splitlines()] if path.exists() else []
    stats = json.loads((tmp / "stats.json").read_text()) if (tmp / "stats.json").exists() else {}
    return proc, records, stats


class LoopbackSite(Site):
    """A loopback site serving ``pages`` (``(url, body, type, status, headers)`` built by
    ``pages_for_base(base)``) by path and query; unknown paths get 404. Serves at most
    ``max_requests`` requests and stops itself after ``max_seconds``; a context manager."""

    def __init__(self, pages_for_base, max_requests: int = 500, max_seconds: float = 120):
        super().__init__({}, max_requests=max_requests, max_seconds=max_seconds)
        for url, body, ctype, status, headers in pages_for_base(self.base):
            parts = urlsplit(url)
            self.routes[parts.path + ("?" + parts.query if parts.query else "")] = (
                status, {"Content-Type": ctype, **headers}, body)
