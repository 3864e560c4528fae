"""Where a portal crawl stands in its plan (:mod:`newsbot.progress`) and the documents that
follow another (:mod:`newsbot.plan`), without a crawl; the fixture-site crawls of
test_spiders.py and test_portal_sites.py drive the same objects over HTTP."""
from __future__ import annotations

from newsbot.plan import NOTHING_FOUND, Found, Source, child_sitemap, next_listing_page, next_wp_api_page
from newsbot.portals import load_registry
from newsbot.progress import PlanProgress
from newsbot.window import DateWindow

PORTAL = load_registry(None)["euractiv"]  # feed, sitemap index, paginated listing, WordPress REST
WINDOW = DateWindow.from_arguments("2025-03-01", "2025-03-02")


# -- probes and stages ---------------------------------------------------------------------------

def test_probes_settle_into_what_they_announced():
    progress = PlanProgress(PORTAL, "latest", WINDOW)
    probes = progress.probe("en")
    assert [s.kind for s in probes] == ["robots", "home"] and progress.probing("en")
    progress.announce("en", sitemaps=["https://www.euractiv.com/news-sitemap.xml"])
    assert progress.probe_settled("en") is None  # the home page is still out
    progress.announce("en", feeds=["https://www.euractiv.com/feed/"], rest_root=None)
    found = progress.probe_settled("en")
    assert found.sitemaps == ("https://www.euractiv.com/news-sitemap.xml",)
    assert found.feeds == ("https://www.euractiv.com/feed/",) and found.rest_root is None
    assert not progress.probing("en")


def test_latest_mode_is_one_stage_that_never_falls_back():
    progress = PlanProgress(PORTAL, "latest", WINDOW)
    stage = progress.plan("en", NOTHING_FOUND)
    assert stage.key == ("en", 0)
    assert [s.kind for s in stage.sources] == ["feed", "listing"]
    for _ in stage.sources:
        assert progress.root_settled(stage.key, ok=False) is None
    assert progress.start("en", 1) is None


def test_backfill_stage_falls_back_only_when_no_root_answered():
    progress = PlanProgress(PORTAL, "backfill", WINDOW)
    first = progress.plan("en")
    assert [s.kind for s in first.sources] == ["wp_api"]
    assert progress.root_settled(first.key, ok=False) == 1
    second = progress.start("en", 1)
    assert second.key == ("en", 1) and [s.kind for s in second.sources] == ["sitemap"]
    assert progress.root_settled(list(second.key), ok=True) is None  # meta may carry the key as a list
    kinds = [progress.start("en", i).sources[0].kind for i in (2, 3)]
    assert kinds == ["listing", "feed"] and progress.start("en", 4) is None


def test_a_stage_waits_for_its_last_root():
    progress = PlanProgress(PORTAL, "backfill", WINDOW)
    found = Found(sitemaps=("https://www.euractiv.com/standard-sitemap.xml",))
    progress.plan("en", found)
    stage = progress.start("en", 1)
    assert len(stage.sources) == 2  # the announced sitemap, then the portal file's
    assert progress.root_settled(stage.key, ok=False) is None
    assert progress.root_settled(stage.key, ok=False) == 2


# -- following documents -------------------------------------------------------------------------

def test_following_pages_and_child_sitemaps():
    edition = PORTAL.edition("en")
    listing = Source("listing", "https://www.euractiv.com/news/page/2/", "en", "{base}/news/page/{page}/", 2, True)
    assert next_listing_page(edition, listing, None).url == "https://www.euractiv.com/news/page/3/"
    assert next_listing_page(edition, listing, "https://www.euractiv.com/news/?after=x").url == \
        "https://www.euractiv.com/news/?after=x"
    rest = Source("wp_api", "https://www.euractiv.com/wp-json/wp/v2/posts?page=1", "en", "posts", 1,
                  origin="standard", root="https://www.euractiv.com/wp-json/")
    following = next_wp_api_page(edition, rest, WINDOW, total_pages=3, count=100)
    assert following.page == 2 and "page=2" in following.url and following.origin == "standard"
    assert next_wp_api_page(edition, rest, WINDOW, total_pages=1, count=100) is None
    assert next_wp_api_page(edition, rest, WINDOW, total_pages=0, count=100).page == 2
    assert next_wp_api_page(edition, rest, WINDOW, total_pages=0, count=99) is None
    index = Source("sitemap", "https://www.euractiv.com/sitemap_index.xml", "en", depth=0, origin="standard")
    child = child_sitemap(index, "https://www.euractiv.com/s1.xml", "2025-03-01", "latest", WINDOW)
    assert (child.depth, child.origin, child.kind) == (1, "standard", "sitemap")
    assert child_sitemap(index, "https://www.euractiv.com/s1.xml", None, "latest", WINDOW) == "sitemap_undated"
    assert isinstance(child_sitemap(index, "https://www.euractiv.com/s1.xml", None, "backfill", WINDOW), Source)
    assert child_sitemap(index, "https://www.euractiv.com/s0.xml", "2024-01-01", "backfill", WINDOW) == \
        "sitemap_out_of_window"
