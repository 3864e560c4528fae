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
