"""The library API (:mod:`newsbot.api`) and the ``newsbot extract`` command built on it:
``newsbot.extract`` gives the record a crawl writes for the same page; ``newsbot.crawl`` runs a
real crawl and returns its records or files, or raises; a URL given to ``newsbot extract`` is
fetched by a crawl, with robots.txt, the User-Agent, the redirect checks and the size limits of
every crawl. All pages are served from loopback."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from loopback import Site
from newsroom import FAST, NAME, Newsroom, Story, day, env, write_portal
from support import HARBOUR_ARTICLE, MINIMAL_PORTAL

import newsbot
from newsbot.extraction.record import FIELDS
from newsbot.portals import load_registry
from newsbot.useragent import package_version

WINDOW = {"since": "2025-03-01", "until": "2025-03-31"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _settings(portal_file) -> dict:
    return {**FAST, "NEWSBOT_PORTALS_FILE": str(portal_file), "LOG_LEVEL": "WARNING"}


def _extract_cmd(cwd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", *args], cwd=cwd, env=env(cwd),
                          capture_output=True, text=True, timeout=120)


def test_extract_gives_the_record_a_crawl_writes(tmp_path):
    stories = [Story(1, day(3)), Story(2, day(4), day_only=True)]
    with Newsroom(stories) as room:
        portal_file = write_portal(tmp_path, room.base)
        crawled = newsbot.crawl(NAME, settings=_settings(portal_file), **WINDOW)
        base = room.base
    assert sorted(r["title"] for r in crawled) == sorted(s.title for s in stories)
    portals = load_registry(portal_file)
    for story in stories:
        record = newsbot.extract(story.html(base), base + story.path, portals=portals)
        [same] = [r for r in crawled if r["url"] == base + story.path]
        assert list(record) == [f.name for f in FIELDS if f.name not in ("revision", "provenance")]
        # the crawl adds what the feed said (date_modified), when it ran and the revision
        skip = {"date_modified", "crawled_at", "revision"}
        assert {k: v for k, v in record.items() if k not in skip} == {k: v for k, v in same.items() if k not in skip}
        assert record["portal"] == NAME and same["revision"] == 1
    with_layers = newsbot.extract(stories[0].html(base), base + stories[0].path, portals=portals, provenance=True)
    assert with_layers["provenance"]["title"] == "portal" and with_layers["provenance"]["body"] == "portal"


def test_extract_marks_a_page_of_a_machine_translated_edition_as_a_crawl_does(tmp_path):
    portal_file = tmp_path / "portals.toml"
    portal_file.write_text(MINIMAL_PORTAL.format(base="https://demo-news.example") + (
        '\n[[editions]]\nlang = "de"\nbase = "https://de.demo-news.example"\nmachine_translated = true\n'))
    portals = load_registry(portal_file)
    path = "/2025/03/04/harbour-cranes/"
    translated = newsbot.extract(HARBOUR_ARTICLE, "https://de.demo-news.example" + path, portals=portals)
    assert (translated["machine_translated"], translated["original_url"]) == (True, "https://demo-news.example" + path)
    original = newsbot.extract(HARBOUR_ARTICLE, "https://demo-news.example" + path, portals=portals)
    assert (original["machine_translated"], original["original_url"]) == (False, None)


def test_extract_raises_for_pages_that_give_no_record():
    front = "<html><body><h1>Front page</h1><a href='/news/1'>One</a></body></html>"
    with pytest.raises(newsbot.NotAnArticle) as info:
        newsbot.extract(front, "https://news.example.org/")
    assert info.value.url == "https://news.example.org/" and info.value.record["title"] == "Front page"
    untitled = '<html><head><meta property="og:type" content="article"></head><body><p>Short.</p></body></html>'
    with pytest.raises(newsbot.InvalidRecord) as info:
        newsbot.extract(untitled, "https://news.example.org/2025/03/05/story")
    assert info.value.field in ("title", "body") and isinstance(info.value, ValueError)
    with pytest.raises(ValueError, match="not an absolute http"):
        newsbot.extract(front, "news.example.org/x")


def test_crawl_returns_files_or_raises(tmp_path):
    with Newsroom([Story(1, day(3))]) as room:
        portal_file = write_portal(tmp_path, room.base)
        paths = newsbot.crawl([NAME], output=tmp_path / "%(name)s.jsonl", settings=_settings(portal_file), **WINDOW)
        assert paths == [tmp_path / f"{NAME}.jsonl"]
        assert [json.loads(x)["title"] for x in paths[0].read_text("utf-8").splitlines()] == [Story(1, day(3)).title]
        with pytest.raises(newsbot.CrawlRefused) as refused:
            newsbot.crawl(NAME, settings=_settings(portal_file), lang="xx")
        assert refused.value.status == 2 and "unknown edition xx for loopnews" in str(refused.value)
    with pytest.raises(ValueError, match=r"%\(name\)s"):
        newsbot.crawl([NAME, "euobserver"], output=tmp_path / "one.jsonl")
    # the site is gone: the crawl fails, and says why
    with pytest.raises(newsbot.CrawlFailed) as failed:
        newsbot.crawl(NAME, settings={**_settings(portal_file), "RETRY_TIMES": "0"}, **WINDOW)
    assert failed.value.records == [] and failed.value.results[0].status == 1
    # robots.txt, the home page and the feed
    assert str(failed.value).startswith("loopnews: FAILED: no records; requests failed: connection_refused ×3")


def test_extract_command_fetches_a_url_as_a_crawl_does(tmp_path):
    story = Story(1, day(3))
    big = b"<html><body>" + b"<p>filler</p>" * 2000 + b"</body></html>"
    routes = {"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
              "/news/2025/03/story-1": (200, HTML, lambda site: story.html(site.base)),
              "/private/page": (200, HTML, lambda site: story.html(site.base)),
              "/front": (200, HTML, b"<html><body><h1>Front</h1></body></html>"),
              "/away": (302, {"Location": "http://10.0.0.1/x"}, b""),
              "/big": (200, HTML, big)}
    allow = ("-s", "NEWSBOT_ALLOW_LOOPBACK=true", "-s", "RETRY_TIMES=0")
    with Site(routes) as site:
        ok = _extract_cmd(tmp_path, site.url(story.path), *allow)
        assert ok.returncode == 0, ok.stderr[-3000:]
        record = json.loads(ok.stdout)
        assert record["title"] == story.title and record["url"] == site.url(story.path)
        assert record["revision"] == 1 and record["portal"] == "article"
        assert site.served[:2] == ["/robots.txt", story.path]
        assert site.request_headers[1]["User-Agent"].startswith(f"newsbot/{package_version()} (+")
        outcomes = {path: _extract_cmd(tmp_path, site.url(path), *allow, *extra) for path, extra in (
            ("/private/page", ()), ("/front", ()), ("/away", ()), ("/big", ("-s", "DOWNLOAD_MAXSIZE=10000")))}
        assert "/private/page" not in site.served
    for result in outcomes.values():
        assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert outcomes["/private/page"].stderr.strip().endswith(f"{site.url('/private/page')}: forbidden by robots.txt")
    assert outcomes["/front"].stderr.strip().endswith("not an article page (no article markup, under 3 paragraphs "
                                                      "of text)")
    assert "requests failed: redirect_private ×1" in outcomes["/away"].stderr
    assert "requests failed: too_large ×1" in outcomes["/big"].stderr
    assert not list(tmp_path.iterdir())  # nothing written where it ran


def test_extract_command_reads_a_saved_page(tmp_path):
    story = Story(1, day(3))
    page = tmp_path / "page.html"
    page.write_bytes(story.html("https://news.example.org"))
    url = "https://news.example.org" + story.path
    ok = _extract_cmd(tmp_path, str(page), "--url", url)
    assert ok.returncode == 0, ok.stderr
    record = json.loads(ok.stdout)
    assert record["url"] == url and record["title"] == story.title and "revision" not in record
    no_url = _extract_cmd(tmp_path, str(page))
    assert (no_url.returncode, no_url.stderr.strip()) == (
        2, f"newsbot extract: {page}: a file needs --url URL (the address the page was fetched from)")
    for other in ((), ("--url", url)):  # another scheme is no file to read
        ftp = _extract_cmd(tmp_path, "ftp://news.example.org/a", *other)
        assert (ftp.returncode, ftp.stderr.strip()) == (
            2, "newsbot extract: ftp://news.example.org/a: neither a file nor an http(s) URL")
    missing = _extract_cmd(tmp_path, str(tmp_path / "nope.html"), "--url", url)
    assert missing.returncode == 2 and missing.stderr.strip() == (
        f"newsbot extract: {tmp_path / 'nope.html'}: No such file or directory")
    size = len(page.read_bytes())
    big = _extract_cmd(tmp_path, str(page), "--url", url, "-s", f"DOWNLOAD_MAXSIZE={size - 1}")
    assert (big.returncode, big.stderr.strip()) == (
        2, f"newsbot extract: {page}: larger than DOWNLOAD_MAXSIZE ({size - 1} bytes), as a crawl would refuse it")
    endless = _extract_cmd(tmp_path, "/dev/zero", "--url", url, "-s", "DOWNLOAD_MAXSIZE=100000")
    assert endless.returncode == 2 and "larger than DOWNLOAD_MAXSIZE" in endless.stderr  # read no further
    video = tmp_path / "video.html"
    video.write_text('<html lang="en"><head><meta property="og:type" content="video.other"></head><body><main>'
                     '<video src="/v/ferry.mp4"></video><h1>The new ferry leaves the yard</h1>'
                     '<p class="meta">Duration 2:48 · 14 April 2026</p><p>The ferry left the yard this morning.</p>'
                     '</main></body></html>', encoding="utf-8")
    media = _extract_cmd(tmp_path, str(video), "--url", "https://news.example.org/video/ferry")
    assert (media.returncode, media.stderr.strip()) == (
        1, "newsbot extract: https://news.example.org/video/ferry: not an article page (a video's or a podcast's page)")
    bad = _extract_cmd(tmp_path, str(page), "--url", url, "-s", "NEWSBOT_ARTICLE_PAGES=abc")
    assert (bad.returncode, bad.stderr.strip()) == (
        2, "newsbot extract: NEWSBOT_ARTICLE_PAGES='abc' is not a whole number of pages; 1: each page alone")


def test_crawl_logs_the_summary_lines_to_stderr(tmp_path, capfd):
    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        portal_file = write_portal(tmp_path, room.base)
        records = newsbot.crawl(NAME, settings=_settings(portal_file), **WINDOW)
    assert len(records) == 2
    err = capfd.readouterr().err
    [line] = [x for x in err.splitlines() if x.startswith(f"{NAME}: ")]
    assert line.startswith(f"{NAME}: ok: 2 records written, 0 failed requests; wrote "), err[-2000:]


def test_a_page_a_configured_portal_owns_is_labelled_with_that_portal_however_it_is_read(tmp_path, capfd):
    story = Story(1, day(3))
    with Newsroom([story]) as room:
        portal_file = write_portal(tmp_path, room.base)
        url = room.base + story.path
        settings = {**_settings(portal_file), "LOG_LEVEL": "INFO"}
        fetched = newsbot.extract_url(url, settings={k: v for k, v in settings.items() if k != "LOG_LEVEL"},
                                      provenance=True)
        quiet = capfd.readouterr().err
        [crawled] = newsbot.crawl("article", urls=url, settings=settings)
        html = story.html(room.base)
    saved = newsbot.extract(html, url, portals=load_registry(portal_file))
    assert fetched["portal"] == crawled["portal"] == saved["portal"] == NAME
    assert fetched["provenance"]["title"] == "portal"
    # extract_url logs warnings only: no start line naming its temporary URL file, no summary line
    assert "crawling article" not in quiet and "url.txt" not in quiet and "article: ok" not in quiet, quiet
    other = newsbot.extract(html, "https://elsewhere.example.org" + story.path)
    assert other["portal"] == "article"
