"""Every portal spider over its fixture site (tests/sites/<portal>/), in both discovery modes:
the exact set of records, their fields, translations and flags, and the crawl stats that show
how each site's traps were handled. The built-in portals are replayed from one WARC in one
Scrapy process a mode; the portal defined only by configuration is served over loopback HTTP.
A bad portals file or discovery mode stops the crawl with one line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sitekit import (FIELDS, PORTALS, LoopbackSite, check_portal as _check, crawl_many, expected_records,
                     load_site, site_pages, site_warc)


def _run(tmp_path_factory, mode):
    tmp = tmp_path_factory.mktemp(mode)
    warc = site_warc(tmp / "sites.warc.gz", PORTALS)
    jobs = [(name, {"mode": mode, "since": load_site(name)["since"], "until": load_site(name)["until"]})
            for name in PORTALS]
    proc, records, stats = crawl_many(tmp, jobs, {"NEWSBOT_REPLAY": str(warc)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc, records, stats


@pytest.fixture(scope="module")
def latest(tmp_path_factory):
    return _run(tmp_path_factory, "latest")


@pytest.fixture(scope="module")
def backfill(tmp_path_factory):
    return _run(tmp_path_factory, "backfill")


@pytest.mark.parametrize("portal", PORTALS)
def test_latest_mode(latest, portal):
    _check(latest, portal, "latest")


@pytest.mark.parametrize("portal", PORTALS)
def test_backfill_mode(backfill, portal):
    _check(backfill, portal, "backfill")


def test_latest_reads_feeds_news_sitemaps_and_first_listing_pages(latest):
    _, _, stats = latest
    assert stats["euronews"]["newsbot/discovery/atom"] == 1
    assert stats["politico_eu"]["newsbot/discovery/urlset"] == 1  # the news sitemap
    for portal in PORTALS:
        assert stats[portal]["newsbot/discovery/listing"] >= 1, portal
        assert "newsbot/discovery/sitemapindex" not in stats[portal], portal


def test_backfill_tries_sources_in_order(backfill):
    _, _, stats = backfill
    # New Europe's REST API answers: two pages read, its sitemaps never needed
    assert stats["neweurope"]["newsbot/discovery/wp_api"] == 2
    assert "newsbot/backfill/stage_1" not in stats["neweurope"]
    # Politico has no REST route for its type: the sitemap index is read instead
    assert stats["politico_eu"]["newsbot/backfill/wp_api_unavailable"] == 1
    assert stats["politico_eu"]["newsbot/discovery/sitemapindex"] == 1
    # The Parliament Magazine has no sitemap: the listing is paginated and stops past `since`
    assert stats["parliament_magazine"]["newsbot/discovery/listing"] == 2
    assert stats["parliament_magazine"]["newsbot/backfill/listing_past_since"] == 1
    assert stats["euobserver"]["newsbot/discovery/listing"] == 3
    assert stats["euobserver"]["newsbot/backfill/listing_past_since"] == 1


def test_machine_translated_edition_points_to_original(backfill):
    _, records, _ = backfill
    de = [r for r in records["eureporter"] if r["language"] == "de"]
    assert [(r["machine_translated"], r["original_url"]) for r in de] == [
        (True, "https://www.eureporter.co/politics/2025/03/10/council-backs-cross-border-rail-ticketing-rules/")]
    assert all(not r["machine_translated"] and r["original_url"] is None
               for r in records["eureporter"] if r["language"] == "en")


def test_paywalled_articles_are_partial_without_prompt_text(backfill):
    _, records, _ = backfill
    prompts = ("Back our independent journalism", "Already a member", "POLITICO Pro",
               "premium members", "subscribe to read")
    partial = {r["url"] for p in PORTALS for r in records[p] if "partial" in r["quality_flags"]}
    assert partial == {"https://www.politico.eu/article/pro-morning-energy-gas-storage-targets/",
                       "https://euobserver.com/green-economy/ar3f2a9c1b",
                       "https://www.neweurope.eu/article/what-the-sanctions-package-leaves-out/"}
    for p in PORTALS:
        for r in records[p]:
            assert not any(x.lower() in r["body"].lower() for x in prompts), r["url"]


def test_blocked_portal_is_reported_once_and_not_retried(latest):
    proc, records, stats = latest
    # the German feed and listing answer 403 (challenge), the French article a 200 challenge page
    assert stats["euractiv"]["newsbot/blocked/euractiv"] == 3
    assert proc.stderr.count("euractiv refuses the crawler") == 1
    assert "retry_count" not in stats["euractiv"]
    assert all("euractiv.fr" not in r["url"] and "euractiv.de" not in r["url"] for r in records["euractiv"])
    assert "newsbot/errors/http_403" not in stats["euractiv"]


@pytest.mark.parametrize("mode, portals", [
    ("latest", ["politico_eu", "euronews", "euractiv", "euobserver", "brussels_times", "neweurope"]),
    ("backfill", ["eureporter", "politico_eu", "euractiv", "euobserver", "parliament_magazine",
                  "brussels_times", "neweurope"]),
])
def test_non_article_pages_give_no_record(request, mode, portals):
    # galleries, maps, sign-up and video pages at article-like URLs
    stats = request.getfixturevalue(mode)[2]
    for portal in portals:
        assert stats[portal]["newsbot/dropped/not_article"] == 1, portal


# -- a portal defined only by configuration, served over loopback HTTP ---------------------------

def _config_portal(tmp_path, base):
    from newsbot.portals import BUILTIN

    text = (BUILTIN / "agence_europe.toml").read_text("utf-8")
    text = text.replace("https://agenceurope.eu", base).replace('domains = ["agenceurope.eu"]',
                                                                 'domains = ["127.0.0.1"]')
    path = tmp_path / "portals"
    path.mkdir()
    (path / "agence_europe.toml").write_text(text, "utf-8")
    return path


def _scrapy(tmp_path, *args, env_extra=None):
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "crawl", *args, "-O", str(out), "-s", "NEWSBOT_ALLOW_LOOPBACK=true",
           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings", **(env_extra or {})}
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    import json

    records = [json.loads(x) for x in out.read_text("utf-8").splitlines()] if out.exists() else []
    return proc, records


@pytest.mark.parametrize("mode, how", [("backfill", "setting"), ("latest", "env")])
def test_configured_portal_over_loopback(tmp_path, mode, how):
    site = load_site("agence_europe")
    with LoopbackSite(lambda base: site_pages(site, base)) as server:
        folder = _config_portal(tmp_path, server.base)
        window = [f"since={site['since']}", f"until={site['until']}", f"mode={mode}"]
        if how == "setting":  # by its own name, the file given as a setting
            args = ["agence_europe", "-s", f"NEWSBOT_PORTALS_FILE={folder}"]
            env = {}
        else:  # through the generic `portal` spider, the file given by the environment
            args = ["portal", "-a", "name=agence_europe"]
            env = {"NEWSBOT_PORTALS_FILE": str(folder)}
        for a in window:
            args += ["-a", a]
        proc, records = _scrapy(tmp_path, *args, env_extra=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = expected_records(site, mode, site["origin"], server.base)
    assert {r["url"]: {k: r[k] for k in FIELDS} for r in records} == expected
    assert all(r["portal"] == "agence_europe" for r in records)
    assert "/en/bulletin/latest?page=3" not in server.served  # page 2 ends before `since`
    assert ("/en/bulletin/latest?page=2" in server.served) == (mode == "backfill")


def test_bad_portals_file_stops_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\ndomains = ["x.org"]\nfeedz = []\n[[editions]]\nlang = "en"\nbase = "https://x.org"\n')
    proc, _ = _scrapy(tmp_path, "eureporter", "-s", f"NEWSBOT_PORTALS_FILE={bad}")
    assert proc.returncode == 2
    assert "portal x: unknown key feedz" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_mode_stops_with_one_line(tmp_path):
    proc, _ = _scrapy(tmp_path, "euronews", "-a", "mode=everything")
    assert proc.returncode == 2
    assert "mode='everything' is not one of latest, backfill" in proc.stderr


def test_out_of_window_child_sitemaps_are_not_fetched(backfill):
    _, _, stats = backfill
    # EU Reporter's post-sitemap1, Politico's January sitemap, Euronews' February sitemap:
    # lastmod before `since`, never requested (absent from the WARC, so a fetch would miss)
    for portal in ("eureporter", "politico_eu", "euronews"):
        assert stats[portal]["newsbot/skipped/sitemap_out_of_window"] == 1, portal
    assert stats["politico_eu"].get("newsbot/replay/miss", 0) == 2  # robots.txt and the home page only
