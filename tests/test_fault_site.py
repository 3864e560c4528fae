"""Crawls of the fault site (:mod:`faultsite`): every fault is retried where that makes sense,
counted under its kind, logged once, and the good pages around it are all written.

Three crawls (module fixtures) carry all the faults; each test checks one fault kind.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from faultsite import ENCODED, FaultSite, run_crawl, write_portal
from support import rss

from newsbot.schema import validator

GOOD = [f"/good/g{i}" for i in range(6)]


def _interleave(faulty: list[str], good: list[str]) -> list[str]:
    """good page, faulty page, good page… so every fault has good neighbours."""
    out = []
    for i, path in enumerate(faulty):
        out += [good[i % len(good)] if i < len(good) else f"/good/n{i}", path]
    return out + good[len(faulty):]


def _paths_file(tmp, site, paths) -> str:
    path = tmp / "urls.txt"
    path.write_text("\n".join(site.url(p) for p in paths) + "\n", encoding="utf-8")
    return str(path)


def _finished(result) -> bool:
    return result.stats.get("finish_reason") == "finished"


def _warnings_about(result, url: str) -> list[str]:
    """The log lines about ``url``'s failure (at DEBUG, where every failure is logged once; at
    INFO only the first of each kind is)."""
    return [ln for ln in result.stderr.splitlines()
            if re.search(r"\] (DEBUG|WARNING|ERROR):", ln) and (f"Failed {url}:" in ln or f"Failed {url} (redirected" in ln or f"redirect from {url} " in ln)]


# -- crawl 1: HTTP statuses, broken connections, sizes, redirects ---------------------------------

# (path, final stats counter, requests the site receives, retry counter or None); a fault
# with a retry counter is requested 3 times (RETRY_TIMES=2), one without is never retried
HTTP_FAULTS = {
    "500": ("/status/500/a", "newsbot/errors/http_500", 3, "newsbot/retry/http_500"),
    "502": ("/status/502/a", "newsbot/errors/http_502", 3, "newsbot/retry/http_502"),
    "503": ("/status/503/a", "newsbot/errors/http_503", 3, "newsbot/retry/http_503"),
    "503-retry-after": ("/status/503/b?retry_after=1", "newsbot/errors/http_503", 3, "newsbot/retry/http_503"),
    "429-retry-after": ("/status/429/a?retry_after=1", "newsbot/errors/http_429", 3, "newsbot/retry/http_429"),
    "403-challenge": ("/status/403/a?challenge=1", "newsbot/errors/http_403", 1, None),
    "404": ("/status/404/a", "newsbot/errors/http_404", 1, None),
    "410": ("/status/410/a", "newsbot/errors/http_410", 1, None),
    "reset": ("/reset/a", "newsbot/errors/connection_lost", 3, "newsbot/retry/connection_lost"),
    "silent": ("/silent/a", "newsbot/errors/timeout", 3, "newsbot/retry/timeout"),
    "trickle": ("/trickle/a", "newsbot/errors/timeout", 3, "newsbot/retry/timeout"),
    "cut-short": ("/short/a", "newsbot/errors/dataloss", 3, "newsbot/retry/dataloss"),
    "gzip-bomb": ("/bomb/gzip/a", "newsbot/errors/too_large", 1, None),
    "deflate-bomb": ("/bomb/deflate/a", "newsbot/errors/too_large", 1, None),
    "brotli-bomb": ("/bomb/br/a", "newsbot/errors/too_large", 1, None),
    "50mb-page": ("/big/a", "newsbot/errors/too_large", 1, None),
    "50mb-page-chunked": ("/big-chunked/a", "newsbot/errors/too_large", 1, None),
    "redirect-loop": ("/redirect/loop-a/a", "newsbot/redirect_refused/loop", None, None),
    "redirect-self": ("/redirect/self/a", "newsbot/redirect_refused/loop", None, None),
    "redirect-endless": ("/redirect/hop/0", "newsbot/errors/redirect_max", None, None),
    "redirect-file": ("/redirect/file/a", "newsbot/redirect_refused/scheme", None, None),
    "redirect-metadata": ("/redirect/metadata/a", "newsbot/redirect_refused/private", None, None),
    "redirect-metadata-mapped": ("/redirect/metadata-mapped/a", "newsbot/redirect_refused/private", None, None),
    "redirect-private": ("/redirect/private/a", "newsbot/redirect_refused/private", None, None),
    "redirect-private-short": ("/redirect/private-short/a", "newsbot/redirect_refused/private", None, None),
    "redirect-offsite": ("/redirect/offsite/a", "newsbot/redirect_refused/offsite", None, None),
}
# recovered after failing: (path, retry counter); the page must be written once
FLAKY = {
    "503-then-ok": ("/flaky/503/1/f1?retry_after=1", "newsbot/retry/http_503"),
    "500-twice-then-ok": ("/flaky/500/2/f2", "newsbot/retry/http_500"),
    "redirect-same-site": ("/redirect/chain/r1", None),
}


HTTP_PATHS = _interleave([p for p, *_ in HTTP_FAULTS.values()] + [p for p, _ in FLAKY.values()], GOOD)


@pytest.fixture(scope="module")
def http_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("http_faults")
    with FaultSite() as site:
        urls = _paths_file(tmp, site, HTTP_PATHS)
        result = run_crawl(tmp, "article", f"url_file={urls}", settings={"LOG_LEVEL": "DEBUG"})
        yield site, result


def test_http_crawl_finishes_with_every_good_page(http_crawl):
    site, result = http_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert _finished(result)
    written = [r["url"] for r in result.records]
    good = {site.url(p) for p in HTTP_PATHS if p.startswith("/good/")}
    assert len(good) == len(HTTP_FAULTS) + len(FLAKY)
    assert good <= set(written)
    assert len(written) == len(good) + len(FLAKY)
    assert len(written) == len(set(written))
    assert all(not list(validator().iter_errors(r)) for r in result.records)
    assert "Traceback" not in result.stderr
    assert "Got data loss" not in result.stderr  # Scrapy's own line: the errback logs the failure once
    # nothing left the loopback site: refused targets were never requested
    assert not any(p.startswith(("/latest", "/admin")) for p in site.hits)


@pytest.mark.parametrize("name", sorted(HTTP_FAULTS))
def test_http_fault_is_counted_logged_once_and_skipped(http_crawl, name):
    site, result = http_crawl
    path, counter, requests, retry_counter = HTTP_FAULTS[name]
    same_kind = sum(1 for p, c, *_ in HTTP_FAULTS.values() if c == counter)
    assert result.stats.get(counter) == same_kind, (counter, {k: v for k, v in result.stats.items() if "/" in k})
    assert _finished(result)
    url = site.url(path)
    assert url not in {r["url"] for r in result.records}
    assert len(_warnings_about(result, url)) == 1, _warnings_about(result, url)
    if retry_counter:  # retried: RETRY_TIMES (2) more requests, each failing again
        assert site.hits[path] == 3
        assert result.stats.get(retry_counter, 0) >= 2
    elif requests is not None:  # not worth retrying: no retry of its kind at all
        assert site.hits[path] >= 1
        kind = counter.rsplit("/", 1)[-1]
        assert f"newsbot/retry/{kind}" not in result.stats
    # the good pages listed around this fault were written
    i = HTTP_PATHS.index(path)
    assert {site.url(HTTP_PATHS[i - 1]), site.url(HTTP_PATHS[i + 1])} <= {r["url"] for r in result.records}


@pytest.mark.parametrize("name", sorted(FLAKY))
def test_flaky_page_is_retried_and_written_once(http_crawl, name):
    site, result = http_crawl
    path, retry_counter = FLAKY[name]
    final = site.url(path if not path.startswith("/redirect") else "/good/r1")
    assert [r["url"] for r in result.records].count(final) == 1
    if retry_counter:
        assert result.stats.get(retry_counter, 0) >= 1
        assert not _warnings_about(result, site.url(path))


def test_retry_after_is_honoured(http_crawl):
    site, result = http_crawl
    for path in ("/status/503/b?retry_after=1", "/status/429/a?retry_after=1", "/flaky/503/1/f1?retry_after=1"):
        times = site.times[path]
        assert len(times) >= 2
        assert all(b - a >= 1.0 for a, b in zip(times, times[1:])), (path, times)
    assert result.stats["newsbot/retry/retry_after_honoured"] == 2 + 2 + 1


# -- crawl 2: encodings, broken HTML, structured data, dates; loopback redirects refused ----------

NO_RECORD = {"deep"}  # text nested deeper than the HTML parser's limit: dropped as not_article


CONTENT_PATHS = _interleave([f"/enc/{name}" for name in ENCODED]
                            + ["/redirect/loopback/l1", "/redirect/loopback-decimal/l2"], GOOD)


@pytest.fixture(scope="module")
def content_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("content_faults")
    with FaultSite() as site:
        urls = _paths_file(tmp, site, CONTENT_PATHS)
        result = run_crawl(tmp, "article", f"url_file={urls}", settings={"NEWSBOT_ALLOW_LOOPBACK": "false",
                                                                          "LOG_LEVEL": "DEBUG"})
        yield site, result


def test_content_crawl_finishes_with_every_good_page(content_crawl):
    site, result = content_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert _finished(result)
    written = {r["url"] for r in result.records}
    good = [p for p in CONTENT_PATHS if p.startswith("/good/")]
    assert len(good) == len(ENCODED) + 2
    assert {site.url(p) for p in good} <= written
    assert all(not list(validator().iter_errors(r)) for r in result.records)
    assert "Traceback" not in result.stderr
    assert "/good/l1" not in site.hits and "/good/l2" not in site.hits


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encoding_and_markup_faults(content_crawl, name):
    site, result = content_crawl
    _, body, title = ENCODED[name]
    record = result.by_url().get(site.url(f"/enc/{name}"))
    assert _finished(result)
    if name in NO_RECORD:
        assert record is None
        assert result.stats["newsbot/dropped/not_article"] >= 1
        assert site.hits[f"/enc/{name}"] == 1  # fetched once, dropped (logged at DEBUG only)
        return
    assert record is not None, name
    assert "\x00" not in record["title"] + record["body"]
    if title:
        assert record["title"] == title
        assert "\ufffd" not in record["title"]


@pytest.mark.parametrize("label,counter", [("cp1250", "newsbot/encoding/cp1250"),
                                            ("iso-8859-2", "newsbot/encoding/iso8859-2"),
                                            ("iso-8859-7", "newsbot/encoding/iso8859-7"),
                                            ("koi8-r", "newsbot/encoding/koi8_r")])
def test_legacy_encodings_are_counted(content_crawl, label, counter):
    site, result = content_crawl
    assert result.stats.get(counter, 0) >= 1
    assert "\ufffd" not in result.by_url()[site.url(f"/enc/{label}")]["body"]


def test_impossible_dates_and_broken_jsonld(content_crawl):
    site, result = content_crawl
    records = result.by_url()
    for name in ("date-zero", "date-9999"):
        r = records[site.url(f"/enc/{name}")]
        assert r["date_published"] is None and r["date_modified"] is None
        assert "no_date" in r["quality_flags"]
    assert result.stats["newsbot/field/date_published/missing"] >= 2
    broken = records[site.url("/enc/jsonld-malformed")]
    assert broken["date_published"] is not None  # the page's other layers still serve
    assert result.stats["newsbot/malformed/jsonld"] >= 1


def test_loopback_redirects_refused_when_not_allowed(content_crawl):
    site, result = content_crawl
    assert result.stats["newsbot/redirect_refused/loopback"] == 2
    for key in ("loopback/l1", "loopback-decimal/l2"):
        assert len(_warnings_about(result, site.url(f"/redirect/{key}"))) == 1


# -- crawl 3: feeds and sitemaps: entity expansion, external entities, 10^6 URLs ----------------


@pytest.fixture(scope="module")
def discovery_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("discovery_faults")
    with FaultSite() as site:
        site.prepare(huge_sitemap=True)
        when = datetime(2025, 3, 4, 8, tzinfo=timezone.utc)
        site.add_feed("good", rss([(site.url(f"/good/d{i}"), f"Item {i}", when) for i in range(3)]))
        feeds = (["/feed/good.xml"] + [f"/xml/{name}" for name in site.xml_docs]
                 + ["/sitemap-huge.xml", "/sitemap-huge.xml.gz"])
        result = run_crawl(tmp, "faultsite", "since=2025-03-01", "until=2025-03-31",
                           settings={"NEWSBOT_PORTALS_FILE": write_portal(tmp, site.base, feeds),
                                     "NEWSBOT_MAX_SITEMAP_URLS": "5000"})
        yield site, result


def test_discovery_crawl_finishes_with_every_good_page(discovery_crawl):
    site, result = discovery_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert _finished(result)
    urls = sorted(r["url"][len(site.base):] for r in result.records)
    assert urls == sorted([f"/good/d{i}" for i in range(3)] + [f"/good/xml-{n[:-4]}" for n in site.xml_docs])


@pytest.mark.parametrize("doc", ["laughs-feed.xml", "laughs-sitemap.xml", "xxe-feed.xml", "xxe-sitemap.xml",
                                 "dtd-sitemap.xml"])
def test_entities_are_never_expanded_nor_fetched(discovery_crawl, doc):
    site, result = discovery_crawl
    assert result.stats["newsbot/discovery/dtd_ignored"] == len(site.xml_docs)
    assert site.hits["/canary"] == 0  # no external entity or DTD was fetched
    assert site.url(f"/good/xml-{doc[:-4]}") in result.by_url()
    for record in result.records:
        assert "lollol" not in record["title"] + record["body"]
        assert "root:" not in record["title"] + record["body"]
    assert result.peak_rss_mb < 400


def test_huge_sitemaps_are_capped(discovery_crawl):
    site, result = discovery_crawl
    # plain: 45 MB of XML is cut at DOWNLOAD_MAXSIZE; gzipped: read as it decompresses, to the cap
    assert result.stats["newsbot/errors/too_large"] == 1
    assert result.stats["newsbot/discovery/truncated"] == 1
    assert result.stats["newsbot/skipped/not_article_url"] == 5000
    assert not any(p.startswith("/other/") for p in site.hits)
