"""``newsbot check`` (:mod:`newsbot.check`) against loopback copies of the Harbour Post fixture
site (tests/sites/harbour_post/): a working copy (its portal file right but for one selector)
and a broken one (the site moved its feed and article bodies: the configured feed is dead and
the article pages hold no text). The diagnosis names every discovery source with its outcome,
the layers of each field and the selectors that matched nothing; the exit status says whether
every portal works."""
from __future__ import annotations

import os
import subprocess
import sys

from sitekit import LoopbackSite, load_site, site_pages

SITE = load_site("harbour_post")
WORKING = """name = "harbour_post"
domains = ["127.0.0.1"]
feeds = ["{{base}}/rss.xml"]
allow = ['^/stories/\\d{{4}}/\\d{{2}}/[^/]+$']
timezone = "Europe/Oslo"

[[editions]]
lang = "en"
base = "{base}"

[selectors]
body = ["div.hp-body"]
lead = ["p.hp-standfirst"]
"""
BROKEN = WORKING.replace('"harbour_post"', '"harbour_broken"').replace("/rss.xml", "/feeds/all.xml")


def _broken_pages(base):
    """The site after a redesign: no robots.txt sitemaps, feed moved, bodies loaded by script."""
    pages = []
    for url, body, ctype, status, headers in site_pages(SITE, base):
        if url.endswith("/robots.txt"):
            body = b"User-agent: *\nDisallow:\n"
        elif "/stories/" in url:
            body = (b'<!DOCTYPE html><html lang="en"><head><title>The Harbour Post</title></head><body>'
                    b'<div id="app" data-story="1"></div><script src="/app.js"></script></body></html>')
        pages.append((url, body, ctype, status, headers))
    return pages


def _check(tmp_path, *names):
    with LoopbackSite(lambda base: site_pages(SITE, base)) as good, LoopbackSite(_broken_pages) as bad:
        folder = tmp_path / "portals"
        folder.mkdir(exist_ok=True)
        (folder / "harbour_post.toml").write_text(WORKING.format(base=good.base), "utf-8")
        (folder / "harbour_broken.toml").write_text(BROKEN.format(base=bad.base), "utf-8")
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
        proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "check", *names, "--since", SITE["since"],
                               "--until", SITE["until"], "--limit", "4", "-s", f"NEWSBOT_PORTALS_FILE={folder}",
                               "-s", "NEWSBOT_ALLOW_LOOPBACK=true", "-s", "DOWNLOAD_DELAY=0",
                               "-s", "AUTOTHROTTLE_ENABLED=false"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
        return proc, good.base, bad.base


def test_working_portal_passes_and_names_what_served_each_field(tmp_path):
    proc, base, _ = _check(tmp_path, "harbour_post")
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0] == "harbour_post: ok: selectors matched nothing: lead"
    assert f"  en robots (standard) {base}/robots.txt: answered, 2 entries" in lines
    # the portal file's feed is the one the home page announces: read once, as announced
    assert f"  en feed (standard) {base}/rss.xml: answered, 3 entries, newest 2025-03-08T20:00:00+00:00" in lines
    assert f"  en sitemap (standard) {base}/news-sitemap.xml: answered, 3 entries, newest 2025-03-08T21:00:00+01:00" \
        in lines
    assert "  articles: 4 fetched, 4 written" in lines
    assert "  field body: portal ×3, generic ×1" in lines  # the brief has no div.hp-body
    assert "  field title: html ×2, jsonld ×2" in lines
    assert "  selectors matched nothing: lead = ['p.hp-standfirst']" in lines
    assert not any("configured endpoints dead" in ln for ln in lines)


def test_broken_portal_fails_and_says_what_broke(tmp_path):
    proc, base, bad = _check(tmp_path, "harbour_post", "harbour_broken")
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    report = proc.stdout.split("harbour_broken: ")[1].splitlines()
    assert report[0] == ("FAILED: no article written; 1 configured endpoints dead")
    assert f"  en feed (configured) {bad}/feeds/all.xml: http_404" in report
    assert f"  en feed (standard) {bad}/rss.xml: answered, 3 entries, newest 2025-03-08T20:00:00+00:00" in report
    assert f"  en robots (standard) {bad}/robots.txt: answered, 0 entries" in report  # no Sitemap: lines any more
    assert "  articles: 3 fetched, 0 written, dropped not_article ×3" in report
    assert proc.stdout.startswith("harbour_post: ok")  # the working portal's diagnosis comes first


def test_unknown_portal_is_refused(tmp_path):
    proc, _, _ = _check(tmp_path, "nosuchportal")
    assert proc.returncode == 2
    assert "newsbot check: unknown portal nosuchportal (known: " in proc.stderr


def test_a_field_no_article_has_fails_the_check_as_it_would_fail_every_crawl(tmp_path):
    """Articles that all lack a field the crawl's monitor wants (section, 95 %) fail the check,
    naming the setting that lowers that floor for the portal; with it set, the check passes."""
    from newsbot.check import diagnose
    from newsbot.monitors import thresholds
    from newsbot.portals.reader import load_portals
    from scrapy.settings import Settings

    (tmp_path / "p.toml").write_text(WORKING.format(base="http://127.0.0.1:9"), "utf-8")
    portal = load_portals(tmp_path / "p.toml")["harbour_post"]
    records = [{"title": f"Story {n}", "date_published": "2025-03-08T20:00:00+00:00", "body": "Text.",
                "section": None, "language": "en", "provenance": {"body": "portal", "lead": "portal"}}
               for n in range(3)]
    stats = {"newsbot/field/title/jsonld": 3, "newsbot/field/section/missing": 3,
             "newsbot/sources": [{"edition": "en", "kind": "feed", "origin": "configured", "outcome": "answered",
                                  "url": "http://127.0.0.1:9/rss.xml", "entries": 3}]}
    settings = Settings()
    settings.setmodule("newsbot.settings")
    found = diagnose(portal, stats, records, thresholds(settings, "harbour_post"))
    assert not found.ok
    assert found.problems == ["no article has section (a crawl's monitor wants 95 %; for a site that never gives "
                              "it: -s 'NEWSBOT_MONITOR_PORTALS={\"harbour_post\": {\"coverage\": {\"section\": 0}}}')"]
    settings.set("NEWSBOT_MONITOR_PORTALS", {"harbour_post": {"coverage": {"section": 0}}})
    assert diagnose(portal, stats, records, thresholds(settings, "harbour_post")).ok


def test_a_site_whose_robots_txt_disallows_newsbot_says_so(tmp_path):
    def closed(base):
        return [(url, b"User-agent: *\nDisallow: /\n" if url.endswith("/robots.txt") else body, ctype, status, headers)
                for url, body, ctype, status, headers in site_pages(SITE, base)]

    with LoopbackSite(closed) as site:
        (tmp_path / "harbour_closed.toml").write_text(
            WORKING.replace('"harbour_post"', '"harbour_closed"').format(base=site.base), "utf-8")
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
        proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "check", "harbour_closed", "--since", SITE["since"],
                               "--until", SITE["until"], "-s", f"NEWSBOT_PORTALS_FILE={tmp_path / 'harbour_closed.toml'}",
                               "-s", "NEWSBOT_ALLOW_LOOPBACK=true", "-s", "DOWNLOAD_DELAY=0",
                               "-s", "AUTOTHROTTLE_ENABLED=false"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0] == ("harbour_closed: FAILED: the site's robots.txt disallows newsbot: 2 requests not made; "
                        "no article written"), proc.stdout
    assert f"  en feed (configured) {site.base}/rss.xml: robots" in lines
