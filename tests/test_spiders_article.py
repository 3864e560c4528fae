"""The ``article`` spider (:mod:`newsbot.spiders.article`) against a loopback site: archive then
replay, redirects to private or loopback addresses refused, the default feed output path, the
failure summary, and an output file that cannot be written failing the run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from loopback import Site
from support import article_page, crawl, response_record, run_stats, scrapy_crawl

from newsbot.warc import WarcIndex

HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = {"NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false",
        "RETRY_TIMES": "0", "DOWNLOAD_TIMEOUT": "10"}


def _page(title: str) -> bytes:
    paras = "".join(f"<p>{title} paragraph {i} tells what the council decided about the shared budget line.</p>"
                    for i in range(4))
    return article_page(title, "2025-03-04T10:00:00+01:00", paras, site="Example Wire")


def test_article_spider_archive_then_replay(tmp_path):
    routes = {
        "/news/one": (200, HTML, _page("Council agrees budget line")),
        "/news/two": (200, HTML, _page("Second story")),  # requested with utm_source, which is stripped
        "/go": (302, {"Location": "/news/one"}, b""),
        "/section/front": (200, HTML, b"<html><body><h1>Front</h1><a href='/news/one'>one</a></body></html>"),
    }
    with Site(routes) as site:
        urls = ",".join(site.url(p) for p in ("/news/one", "/news/two?utm_source=x", "/go", "/section/front"))
        warc = tmp_path / "run.warc.gz"
        proc, records = crawl(tmp_path, "article", f"urls={urls}", settings={**FAST, "NEWSBOT_ARCHIVE": warc})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not (tmp_path / "output").exists()  # -O replaces the default feed, as its only output
    titles = sorted(r["title"] for r in records)
    # /go redirects to /news/one, which Scrapy's duplicate filter drops; the front page is no article
    assert titles == ["Council agrees budget line", "Second story"]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/dropped/not_article") == 1
    assert run_stats(tmp_path / "out.jsonl").get("dupefilter/filtered") == 1
    two = next(r for r in records if r["title"] == "Second story")
    assert two["url"].endswith("/news/two") and two["date_published"] == "2025-03-04T10:00:00+01:00"
    assert two["body"].count("\n\n") == 3 and two["language"] == "en"
    # replay: the same records with the network gone
    assert len(WarcIndex(warc)) >= 4
    proc2, replayed = crawl(tmp_path, "article", f"urls={urls}", settings={**FAST, "NEWSBOT_REPLAY": warc})
    assert proc2.returncode == 0, proc2.stderr[-3000:]
    strip = lambda rs: sorted((r["id"], r["title"], r["body"]) for r in rs)  # noqa: E731
    assert strip(replayed) == strip(records)


def test_a_corrupt_record_of_a_replayed_archive_fails_its_request_and_the_run(tmp_path):
    good, bad = "http://127.0.0.1:9/news/one", "http://127.0.0.1:9/news/two"
    (tmp_path / "a.warc").write_bytes(
        response_record(good, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _page("Council agrees"))
        + response_record(bad, b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip"))
    proc, records = crawl(tmp_path, "article", f"urls={good},{bad}",
                          settings={**FAST, "NEWSBOT_REPLAY": tmp_path / "a.warc"})
    assert [r["title"] for r in records] == ["Council agrees"]
    stats = run_stats(tmp_path / "out.jsonl")
    assert stats["newsbot/replay/corrupt"] == 1 and stats["newsbot/errors/corrupt_record"] == 1
    assert proc.returncode == 1
    assert "archive records that hold no readable HTTP response: 1" in proc.stderr
    assert proc.stderr.count("does not decode") == 1  # logged once, no traceback
    assert "Traceback" not in proc.stderr


def test_requests_waiting_for_robots_txt_are_each_checked(tmp_path):
    """Four start URLs wait together while robots.txt is slow to answer: each is checked against
    it, so the two it disallows are never requested (every waiter after the first was let
    through unchecked by Scrapy's middleware)."""
    def slow_robots(site):
        time.sleep(0.5)
        return b"User-agent: *\nDisallow: /private/\n"

    paths = ("/news/one", "/private/two", "/news/three", "/private/four")
    routes = {"/robots.txt": (200, {"Content-Type": "text/plain"}, slow_robots),
              **{path: (200, HTML, _page(f"Story {path}")) for path in paths}}
    with Site(routes) as site:
        proc, records = crawl(tmp_path, "article", "urls=" + ",".join(site.url(p) for p in paths), settings=FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(site.served) == ["/news/one", "/news/three", "/robots.txt"]
    assert sorted(r["title"] for r in records) == ["Story /news/one", "Story /news/three"]
    stats = run_stats(tmp_path / "out.jsonl")
    assert stats.get("robotstxt/forbidden") == 2
    # the crawler's own choice, not a failure: outside the error ratio, logged once
    assert stats.get("newsbot/skipped/robots") == 2 and not any(k.startswith("newsbot/errors/") for k in stats)
    assert proc.stderr.count("robots.txt forbids it") == 1
    assert proc.stderr.splitlines()[-1].startswith("article: ok: 2 records written, 0 failed requests")


def test_redirects_to_private_or_loopback_are_refused(tmp_path):
    routes = {
        "/meta": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/local": (302, {"Location": "http://127.0.0.1:9/x"}, b""),
        "/ok": (200, HTML, _page("Good page")),
    }
    with Site(routes) as site:
        urls = ",".join(f"http://news.example.org{p}" for p in ("/meta", "/file", "/local", "/ok"))
        # loopback not allowed: the site is reached by its mapped name, its redirect to 127.0.0.1 is refused
        settings = {**FAST, "NEWSBOT_ALLOW_LOOPBACK": "false",
                    "NEWSBOT_RESOLVE": f"news.example.org=127.0.0.1:{site.port}"}
        proc, records = crawl(tmp_path, "article", f"urls={urls}", settings=settings)
    assert [r["title"] for r in records] == ["Good page"]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/redirect_refused/private") == 1
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/redirect_refused/loopback") == 1
    assert ("to http://127.0.0.1:9/x (loopback: give -s NEWSBOT_ALLOW_LOOPBACK=true to crawl this machine"
            in proc.stderr)
    assert "Traceback" not in proc.stderr
    # the stats file counts the refused redirects as the summary line does
    figures = json.loads((tmp_path / "out.jsonl.stats.json").read_text("utf-8"))
    assert figures["errors"] == {"redirect_private": 1, "redirect_scheme": 1, "redirect_loopback": 1}
    assert figures["failed_requests"] == 3
    assert figures["error_ratio"] == round(3 / figures["requests_ended"], 4)
    assert figures["requests_ended"] == figures["pages_fetched"]  # each refused redirect had its 3xx answer
    assert "article: ok: 1 records written, 3 failed requests" in proc.stderr


def test_default_feed_path_and_failure_summary(tmp_path):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    with Site({"/a": (200, HTML, _page("Path check"))}) as site:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={site.url('/a')}"]
        for k, v in FAST.items():
            cmd += ["-s", f"{k}={v}"]
        proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [path] = list((tmp_path / "output" / "article").glob("*/article-*.jsonl"))
    assert path.parent.name == path.name[len("article-"):][:10]  # output/<portal>/<date>/<portal>-<run start>.jsonl
    assert json.loads(path.read_text())["title"] == "Path check"
    assert "article: ok: 1 records written" in proc.stderr
    # a site that is down: one summary line, exit 1, no traceback, no empty output file
    dead = subprocess.run(cmd[:5] + ["-a", "urls=http://127.0.0.1:9/x"] + cmd[7:], cwd=tmp_path / "output",
                          env=env, capture_output=True, text=True, timeout=120)
    assert dead.returncode == 1
    assert "article: FAILED: no records; requests failed:" in dead.stderr
    assert "Traceback" not in dead.stderr
    assert not list((tmp_path / "output" / "output").rglob("*.jsonl"))


def test_unwritable_output_is_refused_before_any_request(tmp_path):
    (tmp_path / "afile").write_text("not a folder")
    state = {**FAST, "NEWSBOT_STATE_DIR": str(tmp_path / "state")}
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    with Site({"/a": (200, HTML, _page("Kept for later"))}) as site:
        def run(out):
            cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls={site.url('/a')}", "-o", str(out)]
            for k, v in state.items():
                cmd += ["-s", f"{k}={v}"]
            return subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)

        bad = run(tmp_path / "afile" / "out.jsonl")
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
        assert f"output {tmp_path}/afile/out.jsonl: {tmp_path}/afile is not a folder; nothing done" in bad.stderr
        assert site.hits == {}
        good = run(tmp_path / "out.jsonl")  # nothing was taken as written
    assert good.returncode == 0, good.stderr[-2000:]
    assert [json.loads(x)["title"] for x in (tmp_path / "out.jsonl").read_text().splitlines()] == ["Kept for later"]
    assert "<html" not in bad.stderr + good.stderr  # items are never logged whole


def test_a_meta_refresh_to_a_refused_target_sends_it_nothing(tmp_path):
    """A page refreshing to another site: refused before any request goes there, robots.txt
    included (the target listens on 127.0.0.2 and must see no request at all)."""
    target = Site({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
                   "/x": (200, HTML, _page("Elsewhere"))}, address=("127.0.0.2", 0))
    with target, Site({"/refresh": (200, HTML, b"<html><head><meta http-equiv='refresh' content='0; url="
                                    + target.url("/x").encode() + b"'></head><body></body></html>"),
                       "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
                       "/ok": (200, HTML, _page("Good page"))}) as site:
        proc, records = crawl(tmp_path, "article", f"urls={site.url('/refresh')},{site.url('/ok')}",
                              settings={**FAST, "ROBOTSTXT_OBEY": "true"})
    assert [r["title"] for r in records] == ["Good page"]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/redirect_refused/offsite") == 1
    assert target.served == []  # not even /robots.txt
    assert site.hits.get("/robots.txt") == 1


@pytest.mark.parametrize("host", ["localhost"])
def test_a_name_resolving_to_loopback_is_refused_unless_allowed(tmp_path, host):
    """A name that resolves to loopback is refused before anything is sent, robots.txt
    included, unless NEWSBOT_ALLOW_LOOPBACK is true."""
    with Site({"/a": (200, HTML, _page("Local page"))}) as site:
        url = f"http://{host}:{site.port}/a"
        proc, records = crawl(tmp_path, "article", f"urls={url}", settings={**FAST, "NEWSBOT_ALLOW_LOOPBACK": "false"})
        assert records == [] and site.served == []
        assert run_stats(tmp_path / "out.jsonl").get("newsbot/errors/refused_address") == 1
        assert (f"{host} resolves to 127.0.0.1, a loopback address: refused; give -s NEWSBOT_ALLOW_LOOPBACK=true"
                in proc.stderr)
        stats = run_stats(tmp_path / "out.jsonl")
        assert not any(k == "retry/count" or k.startswith("newsbot/retry/") for k in stats)  # never retried
        proc, records = crawl(tmp_path, "article", f"urls={url}", settings=FAST)
        assert [r["title"] for r in records] == ["Local page"]


def test_a_url_list_rerun_asks_the_server_only_about_pages_it_kept_validators_for(tmp_path):
    """A second run of the same URL list fetches nothing it already wrote: pages served with an
    ETag or Last-Modified are asked about with If-None-Match / If-Modified-Since and a 304 costs
    no record and no failure; a page without validators is not requested at all. A changed page
    is written again as its next revision; -a incremental=false fetches everything plainly."""
    stamp = "Tue, 04 Mar 2025 09:00:00 GMT"
    current = {"tag": '"v1"', "page": _page("Tagged story")}

    def tagged(headers):
        if headers.get("If-None-Match") == current["tag"]:
            return 304, {"ETag": current["tag"]}, b""
        return 200, {**HTML, "ETag": current["tag"]}, current["page"]

    def dated(headers):
        if headers.get("If-Modified-Since") == stamp:
            return 304, {"Last-Modified": stamp}, b""
        return 200, {**HTML, "Last-Modified": stamp}, _page("Dated story")

    routes = {"/tagged": tagged, "/dated": dated, "/plain": (200, HTML, _page("Plain story"))}
    settings = [arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")]
    with Site(routes) as site:
        urls = ",".join(site.url(path) for path in routes)

        def run(*extra):
            proc = scrapy_crawl(tmp_path, "article", "-a", f"urls={urls}", "-o", "out.jsonl", *settings, *extra)
            assert proc.returncode == 0, proc.stderr[-3000:]
            sent = {path: headers for path, headers in zip(site.served, site.request_headers) if path in routes}
            site.served.clear(), site.request_headers.clear()
            return proc, sent, run_stats(tmp_path / "out.jsonl")

        def lines():
            return [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]

        _, sent, _ = run()
        assert sorted(r["title"] for r in lines()) == ["Dated story", "Plain story", "Tagged story"]
        assert sorted(sent) == ["/dated", "/plain", "/tagged"]
        assert not any("If-None-Match" in h or "If-Modified-Since" in h for h in sent.values())

        proc, sent, stats = run()
        assert len(lines()) == 3
        assert sorted(sent) == ["/dated", "/tagged"]  # /plain is not requested again
        assert sent["/tagged"]["If-None-Match"] == '"v1"' and sent["/dated"]["If-Modified-Since"] == stamp
        assert stats.get("newsbot/skipped/not_modified") == 2 and stats.get("newsbot/skipped/seen") == 1
        assert not any(key.startswith("newsbot/errors/") for key in stats)
        assert "article: ok: 0 records written, 0 failed requests, 3 already stored" in proc.stderr

        current.update(tag='"v2"', page=_page("Tagged story, corrected"))
        _, sent, stats = run()
        assert sorted(sent) == ["/dated", "/tagged"]
        [changed] = lines()[3:]
        assert (changed["title"], changed["revision"]) == ("Tagged story, corrected", 2)
        assert stats.get("newsbot/skipped/not_modified") == 1

        _, sent, stats = run()  # the new ETag was kept
        assert len(lines()) == 4 and sent["/tagged"]["If-None-Match"] == '"v2"'
        assert stats.get("newsbot/skipped/not_modified") == 2

        _, sent, stats = run("-a", "incremental=false")
        assert sorted(sent) == ["/dated", "/plain", "/tagged"]
        assert not any("If-None-Match" in h or "If-Modified-Since" in h for h in sent.values())
        assert len(lines()) == 7 and "newsbot/skipped/not_modified" not in stats



def _part(title: str, number: int, text: str, prev: str | None, nxt: str | None) -> bytes:
    links = (f"<link rel='prev' href='{prev}'>" if prev else "") + (f"<link rel='next' href='{nxt}'>" if nxt else "")
    paras = "".join(f"<p>{text}, sentence {i}, reports what the harbour board decided at its spring meeting.</p>"
                    for i in range(3))
    return (f"<html lang='en'><head><title>{title} | Example Wire</title>{links}"
            f"<meta property='og:type' content='article'><meta property='og:site_name' content='Example Wire'>"
            f"<meta property='article:published_time' content='2025-03-04T10:00:00+01:00'></head>"
            f"<body><article><h1>{title}</h1>{paras}<nav class='pages'>Page {number}</nav></article>"
            f"</body></html>").encode()


def _pages(n: int = 3, last: tuple | None = None) -> dict:
    """An article of ``n`` pages at ``/news/quay?page=N`` (the first at ``/news/quay``); ``last``
    replaces the last page's (status, headers, body)."""
    url = lambda i: "/news/quay" if i == 1 else f"/news/quay?page={i}"  # noqa: E731
    routes = {url(i): (200, HTML, _part("Quay plan", i, f"Part {i}", url(i - 1) if i > 1 else None,
                                        url(i + 1) if i < n else None)) for i in range(1, n + 1)}
    if last:
        routes[url(n)] = last
    return routes


def _parts(record: dict) -> list[str]:
    return [p.split(",")[0] for p in record["body"].split("\n\n")]


@pytest.mark.parametrize("start", ["/news/quay", "/news/quay?page=2", "/news/quay?page=3",
                                   "/news/quay?page=3,/news/quay,/news/quay?page=2"])
def test_an_article_printed_over_pages_is_one_record_with_every_part(tmp_path, start):
    with Site(_pages()) as site:
        urls = ",".join(site.url(u) for u in start.split(","))
        proc, records = crawl(tmp_path, "article", f"urls={urls}", settings=FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(records) == 1
    record = records[0]
    assert record["url"].endswith("/news/quay")  # the first page's record, whichever page was given
    assert _parts(record) == ["Part 1"] * 3 + ["Part 2"] * 3 + ["Part 3"] * 3
    assert record["quality_flags"] == ["paginated"]
    stats = run_stats(tmp_path / "out.jsonl")
    assert stats.get("newsbot/pages/joined") == 2
    given = start.split(",")
    # the article is joined once: a page is fetched once more than it was given, at most
    assert all(site.hits[path] <= 1 + given.count(path) for path in _pages()), site.hits
    assert stats.get("newsbot/dropped/duplicate", 0) == len(start.split(",")) - 1


def test_a_page_that_fails_ends_the_article_flagged_partial(tmp_path):
    with Site(_pages(last=(404, HTML, b"gone"))) as site:
        urls = f"{site.url('/news/quay')},{site.url('/news/quay?page=2')}"  # two pages of one article
        proc, records = crawl(tmp_path, "article", f"urls={urls}", settings=FAST)
        (tmp_path / "alone").mkdir()  # one page alone when the setting says so
        alone, single = crawl(tmp_path / "alone", "article", f"urls={site.url('/news/quay')}",
                              settings={**FAST, "NEWSBOT_ARTICLE_PAGES": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    [record] = records
    assert _parts(record) == ["Part 1"] * 3 + ["Part 2"] * 3
    assert record["quality_flags"] == ["partial", "paginated"]
    stats = run_stats(tmp_path / "out.jsonl")
    assert stats.get("newsbot/errors/http_404") == 1 and stats.get("newsbot/pages/joined") == 1
    assert proc.stderr.count("/news/quay?page=3") == 1 and "Traceback" not in proc.stderr
    assert alone.returncode == 0, alone.stderr[-3000:]
    assert [_parts(r) for r in single] == [["Part 1"] * 3]


@pytest.mark.parametrize("n, last, settings, parts, counted", [
    (3, (200, {"Content-Type": "application/json"}, b'{"a": 1}'), {}, 2, "newsbot/skipped/not_html"),
    (5, None, {"NEWSBOT_ARTICLE_PAGES": "2"}, 2, "newsbot/pages/cut"),
])
def test_an_article_cut_short_is_flagged_partial(tmp_path, n, last, settings, parts, counted):
    with Site(_pages(n, last)) as site:
        proc, records = crawl(tmp_path, "article", f"urls={site.url('/news/quay')}", settings={**FAST, **settings})
    assert proc.returncode == 0, proc.stderr[-3000:]
    [record] = records
    assert _parts(record) == [f"Part {i}" for i in range(1, parts + 1) for _ in range(3)]
    assert record["quality_flags"] == ["partial", "paginated"]
    assert run_stats(tmp_path / "out.jsonl").get(counted) == 1


def test_a_later_page_whose_first_page_fails_keeps_the_article_identity(tmp_path):
    with Site(_pages(last=None) | {"/news/quay": (500, HTML, b"down")}) as site:
        proc, records = crawl(tmp_path, "article", f"urls={site.url('/news/quay?page=2')}", settings=FAST)
    [record] = records
    assert record["url"].endswith("/news/quay?page=2") and _parts(record) == ["Part 2"] * 3
    assert record["canonical_url"] == site.url("/news/quay")  # the id a run reading the first page gives
    assert record["quality_flags"] == ["partial", "paginated"]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/errors/http_500") == 1


def test_a_next_page_that_is_another_article_ends_the_article(tmp_path):
    other = _part("Crane strike", 1, "Other story", None, None).replace(b"og:type' content='article'", b"x' content='y'")
    routes = _pages() | {"/news/quay?page=2": (302, {"Location": "/news/crane-strike"}, b""),
                         "/news/crane-strike": (200, HTML, other)}
    with Site(routes) as site:
        proc, records = crawl(tmp_path, "article", f"urls={site.url('/news/quay')}", settings=FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [record] = records
    assert _parts(record) == ["Part 1"] * 3 and record["quality_flags"] == ["partial", "paginated"]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/pages/other") == 1


@pytest.mark.parametrize("start, parts, flags", [
    ("/news/quay?page=2", [1, 2, 3], ["paginated"]),
    ("/news/quay?page=3", [1, 3], ["partial", "paginated"]),  # page 2 is never reached
])
def test_pages_the_first_page_does_not_lead_to_are_joined_after_it(tmp_path, start, parts, flags):
    first = _part("Quay plan", 1, "Part 1", None, None)  # no rel=next: a pager without rel
    with Site(_pages() | {"/news/quay": (200, HTML, first)}) as site:
        proc, records = crawl(tmp_path, "article", f"urls={site.url(start)}", settings=FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [record] = records
    assert record["url"].endswith("/news/quay")
    assert _parts(record) == [f"Part {i}" for i in parts for _ in range(3)] and record["quality_flags"] == flags


def test_a_first_page_spelled_with_page_one_is_the_same_article(tmp_path):
    routes = _pages() | {"/news/quay?page=1": _pages()["/news/quay"]}
    routes["/news/quay?page=2"] = (200, HTML, _part("Quay plan", 2, "Part 2", "/news/quay?page=1", "/news/quay?page=3"))
    with Site(routes) as site:
        urls = f"{site.url('/news/quay?page=2')},{site.url('/news/quay')}"
        proc, records = crawl(tmp_path, "article", f"urls={urls}", settings=FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [_parts(r) for r in records] == [[f"Part {i}" for i in (1, 2, 3) for _ in range(3)]]


@pytest.mark.parametrize("validators", [False, True])
def test_an_article_reached_by_two_of_its_pages_is_found_once_in_a_second_run(tmp_path, validators):
    """With the seen-store on, a second run that reaches a stored article by its first and its
    second page (skipped as seen, answered 304, or fetched and joined unchanged) counts one
    article already stored, the other page in ``newsbot/pages/again``."""
    routes = _pages(2)
    if validators:  # the site answers a conditional request for the first page with 304
        body = routes["/news/quay"][2]
        routes["/news/quay"] = lambda headers: ((304, {"ETag": '"q1"'}, b"") if headers.get("If-None-Match") == '"q1"'
                                                else (200, {**HTML, "ETag": '"q1"'}, body))
    with Site(routes) as site:
        urls = f"{site.url('/news/quay')},{site.url('/news/quay?page=2')}"
        for _ in range(2):
            proc = scrapy_crawl(tmp_path, "article", "-a", f"urls={urls}", "-o", "out.jsonl",
                                *[arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")])
            assert proc.returncode == 0, proc.stderr[-3000:]
    stats = run_stats(tmp_path / "out.jsonl")
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    stored = sum(stats.get(k, 0) for k in ("newsbot/skipped/seen", "newsbot/skipped/not_modified",
                                           "newsbot/dropped/unchanged"))
    assert stored == 1 and stats.get("newsbot/pages/again") == 1, stats
    assert "article: ok: 0 records written, 0 failed requests, 1 already stored" in proc.stderr


@pytest.mark.parametrize("again", ["/news/quay", "/news/quay?page=2"])
def test_an_article_stored_partial_is_fetched_again_and_written_whole(tmp_path, again):
    """A later page written alone while the first page was down is stored ``partial``: a later
    run reaching the article by any of its pages fetches it again and, the first page back,
    writes it whole as its next revision; once whole, it is skipped as seen."""
    routes = _pages()
    first = routes["/news/quay"]
    state = {"down": True}
    routes["/news/quay"] = lambda headers: (404, HTML, b"gone") if state["down"] else first
    with Site(routes) as site:
        def run(path):
            proc = scrapy_crawl(tmp_path, "article", "-a", f"urls={site.url(path)}", "-o", "out.jsonl",
                                *[arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")])
            assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
            return proc, [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]

        _, [partial] = run("/news/quay?page=2")
        assert partial["quality_flags"] == ["partial", "paginated"]
        hits = site.hits.get("/news/quay?page=2", 0)
        _, records = run("/news/quay?page=2")  # still down: fetched again, the same record not written twice
        assert len(records) == 1 and site.hits["/news/quay?page=2"] == hits + 1
        assert run_stats(tmp_path / "out.jsonl").get("newsbot/dropped/unchanged") == 1
        state["down"] = False
        proc, records = run(again)
        assert "1 records written" in proc.stderr, proc.stderr[-3000:]
        whole = records[-1]
        assert (whole["id"], whole["revision"], whole["quality_flags"]) == (partial["id"], 2, ["paginated"])
        assert _parts(whole) == ["Part 1"] * 3 + ["Part 2"] * 3 + ["Part 3"] * 3
        proc, records = run(again)
    assert len(records) == 2 and "0 records written, 0 failed requests, 1 already stored" in proc.stderr
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/skipped/seen") == 1


def test_a_stored_article_is_known_by_every_page_joined(tmp_path):
    """The pages joined into a record are kept as its aliases: a later run given the article's
    later pages skips it before download, counted once as already stored, its other page in
    ``newsbot/pages/again``."""
    with Site(_pages()) as site:
        urls = f"{site.url('/news/quay?page=2')},{site.url('/news/quay?page=3')}"

        def run():
            proc = scrapy_crawl(tmp_path, "article", "-a", f"urls={urls}", "-o", "out.jsonl",
                                *[arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")])
            assert proc.returncode == 0, proc.stderr[-3000:]
            return proc

        run()
        hits = dict(site.hits)
        proc = run()
        assert site.hits == hits  # nothing fetched again
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    stats = run_stats(tmp_path / "out.jsonl")
    assert (stats.get("newsbot/skipped/seen"), stats.get("newsbot/pages/again")) == (1, 1), stats
    assert "article: ok: 0 records written, 0 failed requests, 1 already stored" in proc.stderr


def test_a_stored_article_found_unchanged_by_a_page_it_lacked_gains_that_page(tmp_path):
    """An article stored without one of its pages as an alias (as a store written before the
    pages were kept holds it) is fetched once by that page, found unchanged, and known by it
    from then on."""
    import sqlite3

    from newsbot.extraction.urls import fingerprint

    settings = [arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")]
    with Site(_pages()) as site:
        def run(path):
            proc = scrapy_crawl(tmp_path, "article", "-a", f"urls={site.url(path)}", "-o", "out.jsonl", *settings)
            assert proc.returncode == 0, proc.stderr[-3000:]
            return run_stats(tmp_path / "out.jsonl")

        run("/news/quay")
        db = sqlite3.connect(tmp_path / "output" / ".state" / "seen.sqlite")
        with db:  # the store as it was before the pages were kept
            later = fingerprint(site.url("/news/quay?page=3"))
            assert db.execute("DELETE FROM aliases WHERE key = ?", (later,)).rowcount == 1
        db.close()
        assert run("/news/quay?page=3").get("newsbot/dropped/unchanged") == 1
        hits = dict(site.hits)
        assert run("/news/quay?page=3").get("newsbot/skipped/seen") == 1
        assert site.hits == hits
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
