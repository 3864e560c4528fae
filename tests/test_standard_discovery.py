"""A portal file that describes its site wrongly costs a fallback, never an article: the Harbour
Post fixture site (tests/sites/harbour_post/) announces its sitemaps in robots.txt and its feed
in a ``<link rel="alternate">``, and is crawled over loopback HTTP with a portal file whose
every endpoint answers 404 and whose article pattern matches nothing, and with a right one.
Both find every article in both modes, no front page becomes a record, and the two give the
same records; the stats and the summary line name the dead endpoints."""
from __future__ import annotations

import pytest
from sitekit import LoopbackSite, crawl_many, expected_records, load_site, site_pages

SITE = load_site("harbour_post")
WRONG = """name = "harbour_post"
domains = ["127.0.0.1"]
feeds = ["{{base}}/feed/"]
news_sitemaps = ["{{base}}/sitemaps/news.xml"]
sitemaps = ["{{base}}/sitemap.xml"]
listings = ["{{base}}/latest?page={{page}}"]
wp_types = ["posts"]
allow = ['^/article/\\d+/']
timezone = "Europe/Oslo"

[[editions]]
lang = "en"
base = "{base}"
"""
RIGHT = """name = "harbour_post"
domains = ["127.0.0.1"]
feeds = ["{{base}}/rss.xml"]
news_sitemaps = ["{{base}}/news-sitemap.xml"]
sitemaps = ["{{base}}/sitemap_index.xml"]
allow = ['^/stories/\\d{{4}}/\\d{{2}}/[^/]+$']
timezone = "Europe/Oslo"

[[editions]]
lang = "en"
base = "{base}"
"""
FRONTS = ("/topics/shipping", "/authors/lena-dahl", "/sections/ports")
COMPARED = ("url", "title", "date_published", "body", "language")


def _crawl(tmp_path_factory, text: str, mode: str, extra: dict | None = None):
    tmp = tmp_path_factory.mktemp(f"harbour-{mode}")
    with LoopbackSite(lambda base: site_pages(SITE, base)) as server:
        (tmp / "harbour.toml").write_text(text.format(base=server.base), "utf-8")
        proc, records, stats = crawl_many(tmp, [("harbour_post", {"mode": mode, "since": SITE["since"],
                                                                  "until": SITE["until"]})],
                                          {"NEWSBOT_PORTALS_FILE": str(tmp / "harbour.toml"),
                                           "NEWSBOT_ALLOW_LOOPBACK": True,
                                           "SPIDERMON_ENABLED": False,  # the brief has no section: coverage floors judge real portals
                                           **(extra or {})})
        served = list(server.served)
    assert proc.returncode == 0, proc.stderr[-3000:]
    _crawl.folder = tmp
    return server.base, records["harbour_post"], stats["harbour_post"], served, proc.stderr


@pytest.fixture(scope="module", params=["latest", "backfill"])
def runs(request, tmp_path_factory):
    mode = request.param
    return mode, _crawl(tmp_path_factory, WRONG, mode), _crawl(tmp_path_factory, RIGHT, mode)


def _expected(base: str) -> dict:
    return {url: {k: v for k, v in exp.items() if k in COMPARED}
            for url, exp in expected_records(SITE, "latest", SITE["origin"], base).items()}


def test_wrong_portal_file_still_finds_every_article(runs):
    mode, (base, records, stats, served, _), _ = runs
    assert {r["url"]: {k: r[k] for k in COMPARED} for r in records} == _expected(base)
    assert len(records) == 4
    assert stats["summary/status"] == 0, stats["summary/line"]
    print(f"{mode}, wrong portal file: {len(records)} articles found of {len(_expected(base))} offered")


def test_no_front_page_becomes_a_record(runs):
    mode, (base, records, stats, served, _), right = runs
    assert not any(r["url"].endswith(FRONTS) for r in records + right[1])
    if mode == "backfill":  # the plain sitemap's fronts are fetched when the pattern is wrong
        assert all(f in served for f in FRONTS)
        assert stats["newsbot/dropped/not_article"] == 3
        assert stats["newsbot/discovery/pattern_fallback"] == 7  # 4 stories and 3 fronts
    assert "newsbot/errors/http_404" not in stats  # dead endpoints are not failed requests


def test_right_portal_file_gives_the_same_records(runs):
    mode, wrong, right = runs

    def comparable(run):  # each run had its own port: the site's URLs are compared by path
        base, records = run[0], run[1]
        return sorted(({k: v.replace(base, "") if isinstance(v, str) else v for k, v in r.items()
                        if k not in ("crawled_at", "id")} for r in records), key=lambda r: r["url"])

    assert comparable(wrong) == comparable(right)
    assert "newsbot/discovery/pattern_fallback" not in right[2]
    assert right[2]["summary/line"].startswith("harbour_post: ok: 4 records written, 0 failed requests; wrote ")


def test_dead_endpoints_are_named_in_stats_and_summary(runs):
    mode, (base, records, stats, served, stderr), _ = runs
    line = stats["summary/line"]
    assert line.startswith("harbour_post: ok: 4 records written, 0 failed requests; dead configured endpoints: ")
    kinds = {"latest": ("feed", "news_sitemap", "listing"), "backfill": ("wp_api", "sitemap")}[mode]
    for kind in kinds:
        assert stats[f"newsbot/source/en/{kind}/http_404"] == 1, kind
    assert stats["newsbot/source/en/robots/answered"] == 1
    assert stats["newsbot/source/en/home/answered"] == 1
    assert "No article pattern of harbour_post (allow) matches any of the" in stderr


def test_source_outcomes_carry_entries_and_newest_date(runs):
    mode, (base, records, stats, served, _), _ = runs
    assert stats["newsbot/source/en/robots/entries"] == 2
    if mode == "latest":
        assert stats["newsbot/source/en/feed/answered"] == 1  # the announced one; /feed/ is dead
        assert stats["newsbot/source/en/feed/entries"] == 3
    else:
        assert stats["newsbot/source/en/sitemap/answered"] == 2  # both robots.txt sitemaps
        # the REST route is dead: the sitemaps were the next stage; listings and feeds never needed
        assert "newsbot/backfill/stage_2" not in stats


def test_sources_list_in_the_stats_file(tmp_path_factory):
    base, records, stats, served, _ = _crawl(tmp_path_factory, WRONG, "latest")
    import json

    out = json.loads((_crawl.folder / "harbour_post.jsonl.stats.json").read_text("utf-8"))
    rows = {(s["kind"], s["origin"], s["outcome"]) for s in out["sources"]}
    assert ("feed", "standard", "answered") in rows and ("feed", "configured", "http_404") in rows
    feed = next(s for s in out["sources"] if s["kind"] == "feed" and s["origin"] == "standard")
    assert feed["entries"] == 3 and feed["newest"] == "2025-03-08T20:00:00+00:00"
    assert feed["links"] == 3 and feed["matched"] == 0
    assert sorted(d["url"] for d in out["dead_endpoints"]) == [f"{base}/feed/", f"{base}/latest?page=1",
                                                                f"{base}/sitemaps/news.xml"]


def test_feeds_announced_by_a_section_page_the_portal_names(tmp_path_factory):
    # standard discovery off, no feed configured, a pattern matching nothing: only the feed the
    # listed section page announces gives articles
    text = WRONG.replace('feeds = ["{{base}}/feed/"]\n', "").replace('"{{base}}/latest?page={{page}}"',
                                                                       '"{{base}}/sections/ports"')
    base, records, stats, served, _ = _crawl(tmp_path_factory, text, "latest", {"NEWSBOT_STANDARD_DISCOVERY": False})
    assert "/sections/ports/rss.xml" in served and "/" not in served  # no home page probe
    assert sorted(r["url"] for r in records) == [f"{base}/stories/2025/03/crane-inspection-closes-quay-four",
                                                 f"{base}/stories/2025/03/dredging-plan-for-the-outer-harbour"]


def test_the_sitemaps_a_robots_txt_announces_are_read_up_to_the_bound(tmp_path):
    """A robots.txt of 40 ``Sitemap:`` lines (none of them there) costs the crawl the first
    NEWSBOT_MAX_ROBOTS_SITEMAPS of them, one warning and a count of those left out; the feed's
    articles are written."""
    from datetime import datetime, timezone

    from loopback import Site
    from support import article_page, crawl, rss, run_stats

    when = datetime(2025, 3, 4, 8, tzinfo=timezone.utc)
    body = "".join(f"<p>Paragraph {i} of the harbour report tells what the port authority decided this week.</p>"
                   for i in range(6))
    robots = "User-agent: *\nAllow: /\n" + "".join(f"Sitemap: /sm/{n}.xml\n" for n in range(40))
    routes = {"/robots.txt": (200, {"Content-Type": "text/plain"}, robots.encode()),
              **{f"/news/{n}": (200, {"Content-Type": "text/html; charset=utf-8"},
                                article_page(f"Harbour report {n}", when.isoformat(), body)) for n in (1, 2)}}
    with Site(routes) as site:
        routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                              rss([(site.url(f"/news/{n}"), f"Harbour report {n}", when) for n in (1, 2)]))
        (tmp_path / "bounded.toml").write_text(
            f'name = "bounded"\ndomains = ["127.0.0.1"]\nfeeds = ["{{base}}/rss.xml"]\n'
            f'[[editions]]\nlang = "en"\nbase = "{site.base}"\n\n[monitor.coverage]\nsection = 0\n', "utf-8")
        proc, records = crawl(tmp_path, "bounded", "since=2025-03-01", "until=2025-03-31",
                              settings={"NEWSBOT_PORTALS_FILE": str(tmp_path / "bounded.toml"),
                                        "NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0",
                                        "AUTOTHROTTLE_ENABLED": "false", "NEWSBOT_MAX_ROBOTS_SITEMAPS": "5"})
        served = list(site.served)
    assert sorted(r["title"] for r in records) == ["Harbour report 1", "Harbour report 2"]
    assert sorted(p for p in served if p.startswith("/sm/")) == sorted(f"/sm/{n}.xml" for n in range(5))
    assert run_stats(tmp_path / "out.jsonl")["newsbot/discovery/robots_sitemaps_left_out"] == 35
    warnings = [ln for ln in proc.stderr.splitlines() if "(NEWSBOT_MAX_ROBOTS_SITEMAPS)" in ln]
    assert len(warnings) == 1 and "lists 40 sitemaps: reading the first 5, 35 left out" in warnings[0]
