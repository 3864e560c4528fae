"""Which discovered links of a portal crawl become article requests (:mod:`newsbot.admission`),
without a crawl; the fixture-site crawls of test_spiders.py and test_portal_sites.py meet the same
verdicts over HTTP (``newsbot/skipped/<reason>``, ``newsbot/discovery/pattern_fallback``)."""
from __future__ import annotations

import pytest

from newsbot.admission import ADMITTED, HELD, MAX_UNMATCHED, Admission
from newsbot.discovery import Entry
from newsbot.portals import load_registry
from newsbot.sources import Tally
from newsbot.window import DateWindow

PORTAL = load_registry(None)["euractiv"]
WINDOW = DateWindow.from_arguments("2025-03-01", "2025-03-02")
ARTICLE = "https://www.euractiv.com/news/ports-agree-on-a-shared-dredging-fund/"
SECTION = "https://www.euractiv.com/topics/ports/"  # on the portal's domains, matching no allow pattern


def test_verdicts_in_order():
    admission = Admission(PORTAL, WINDOW, limit=1)
    assert admission.judge("https://elsewhere.example/news/x/", "en", None, candidate=True) == "not_article_url"
    assert admission.judge(SECTION, "en", None) == "not_article_url"  # no tally: not a sitemap entry
    assert admission.judge(ARTICLE, "en", "2024-05-01") == "out_of_window"
    assert admission.judge(ARTICLE, "en", "2025-03-01T10:00:00Z") == ADMITTED
    assert admission.judge(ARTICLE, "en", None) == "listed_twice"
    assert admission.judge(SECTION, "en", None, candidate=True) == "limit"  # a feed's entry: a candidate
    assert admission.scheduled == 1


@pytest.mark.parametrize("matched_links, fallback", [(0, True), (1, False)])
def test_held_sitemap_entries_are_released_by_whether_a_pattern_matched(matched_links, fallback):
    admission = Admission(PORTAL, WINDOW, limit=None)
    tally = Tally(PORTAL.timezone)
    assert admission.judge(SECTION, "en", None, tally) == HELD
    admission.hold("en", Entry(SECTION))
    assert (tally.links, tally.matched) == (1, 0)
    admission.count_matched("en", matched_links)
    assert list(admission.release()) == [("en", [Entry(SECTION)], fallback)]
    assert list(admission.release()) == []
    if fallback:  # judged again as a candidate
        assert admission.judge(SECTION, "en", None, candidate=True) == ADMITTED


def test_held_entries_are_bounded():
    admission = Admission(PORTAL, WINDOW, limit=None)
    for _ in range(MAX_UNMATCHED):
        admission.hold("en", Entry(SECTION))
    assert admission.judge(SECTION, "en", None, Tally(PORTAL.timezone)) == "not_article_url"


def test_released_entries_keep_their_own_edition():
    """Two editions whose patterns matched nothing release their held entries at once; an entry
    no edition's host places (a media subdomain) keeps the language of the edition that held it."""
    from scrapy.utils.test import get_crawler

    from newsbot import settings as project_settings
    from newsbot.spiders.portal import PortalSpider

    portal = load_registry(None)["eureporter"]
    spider_cls = PortalSpider.for_portal(portal)
    settings = {k: v for k, v in vars(project_settings).items() if k.isupper() and k != "TWISTED_REACTOR"}
    spider = spider_cls.from_crawler(get_crawler(spider_cls, settings), mode="backfill")
    for lang in ("de", "fr"):
        spider.admission.judge(f"https://media.eureporter.co/{lang}/a-story/", lang, None, Tally(portal.timezone))
        spider.admission.hold(lang, Entry(f"https://media.eureporter.co/{lang}/a-story/"))
    spider._release_unmatched()
    released = {r.url: r.meta["hints"].language for r in spider.backlog.take()}
    assert released == {"https://media.eureporter.co/de/a-story/": "de",
                        "https://media.eureporter.co/fr/a-story/": "fr"}
    assert spider.crawler.stats.get_value("newsbot/discovery/pattern_fallback") == 2
    assert spider.admission.langs == {e.lang for e in portal.editions}
    assert spider_cls.from_crawler(get_crawler(spider_cls, settings), lang="de,fr").admission.langs == {"de", "fr"}


def test_a_link_of_an_edition_not_crawled_is_skipped():
    """``-a lang=de``: a site-wide sitemap's English article is no article of the crawl; a link
    no edition's host places is judged as before."""
    portal = load_registry(None)["eureporter"]
    admission = Admission(portal, WINDOW, limit=None, langs={"de"})
    english = "https://www.eureporter.co/2025/03/01/a-story/"
    german = "https://de.eureporter.co/2025/03/01/eine-story/"
    assert portal.is_article_url(english)
    assert admission.judge(english, "de", None, candidate=True) == "other_edition"
    assert admission.judge(german, "de", None, candidate=True) == ADMITTED
    assert admission.judge("https://media.eureporter.co/2025/03/01/a-story/", "de", None, candidate=True) == ADMITTED
    assert Admission(portal, WINDOW, limit=None).judge(english, "de", None, candidate=True) == ADMITTED


def test_an_update_inside_the_window_admits_only_an_article_delivered_before():
    delivered = {ARTICLE}
    admission = Admission(PORTAL, WINDOW, limit=None)
    other = ARTICLE.replace("ports-agree", "ports-differ")
    assert admission.judge(other, "en", "2024-05-01", candidate=True, updated="2025-03-01T10:00:00Z",
                           delivered=delivered.__contains__) == "out_of_window"
    assert admission.judge(ARTICLE, "en", "2024-05-01", candidate=True, updated="2025-03-03T10:00:00Z",
                           delivered=delivered.__contains__) == "out_of_window"  # updated after the window
    assert admission.judge(ARTICLE, "en", "2024-05-01", candidate=True, updated="2025-03-01T10:00:00Z",
                           delivered=delivered.__contains__) == ADMITTED


def test_a_date_ahead_of_a_window_that_ends_at_the_clock_is_dated_ahead():
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    clock = DateWindow.from_arguments(None, None)
    assert clock.open_end and not WINDOW.open_end
    admission = Admission(PORTAL, clock, limit=None)
    for ahead in (timedelta(hours=2), timedelta(days=3)):  # the second is past the 26 h a page's own date may be
        assert admission.judge(ARTICLE, "en", (now + ahead).isoformat(), candidate=True) == "dated_ahead"
    assert admission.judge(ARTICLE, "en", (now + timedelta(minutes=30)).isoformat(), candidate=True) == ADMITTED
    # a window with an end of its own: a later date is only outside it
    assert Admission(PORTAL, WINDOW, limit=None).judge(ARTICLE, "en", "2025-03-05T10:00:00Z") == "out_of_window"
