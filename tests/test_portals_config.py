"""Portals defined by TOML files: the registry, the spider loader and refused files."""
from __future__ import annotations

import pytest
from scrapy.settings import Settings

from newsbot.portals import PACKAGED_CONFIG, PORTALS, builtin_portals, load_registry
from newsbot.portals.config import load_portals

GOOD = '''
name = "demo_news"
family = "wordpress"
domains = ["demo-news.example"]
timezone = "Europe/Vienna"
listings = ["{base}/page/{page}/"]
allow = ['^/\\d{4}/\\d{2}/[^/]+/$']
trailing_slash = true

[[editions]]
lang = "de"
base = "https://www.demo-news.example"

[[editions]]
lang = "en"
base = "https://en.demo-news.example"
machine_translated = true

[selectors]
body = ["div.story"]
partial_markers = ["Nur für Abonnenten"]
'''


def test_every_builtin_portal_is_registered_with_a_spider():
    from scrapy.spiderloader import SpiderLoader

    from newsbot.spiders.loader import PortalSpiderLoader

    names = {"eureporter", "politico_eu", "euronews", "euractiv", "euobserver", "parliament_magazine",
             "brussels_times", "neweurope"}
    assert set(builtin_portals()) == names
    loader = PortalSpiderLoader(Settings({"SPIDER_MODULES": ["newsbot.spiders"]}))
    assert names | {"agence_europe", "portal", "article"} <= set(loader.list())
    assert isinstance(loader, SpiderLoader)
    assert loader.load("agence_europe").portal == PORTALS["agence_europe"]


def test_toml_portal_gets_family_defaults_and_rules(tmp_path):
    (tmp_path / "demo.toml").write_text(GOOD, "utf-8")
    registry = load_registry(tmp_path)
    portal = registry["demo_news"]
    assert portal.feeds == ("{base}/feed/",) and portal.sitemaps == ("{base}/sitemap_index.xml",)
    assert portal.wp_types == ("posts",)
    assert portal.rules.timezone == "Europe/Vienna" and portal.rules.body == ("div.story",)
    assert portal.is_article_url("https://en.demo-news.example/2025/03/a-slug/")
    assert not portal.is_article_url("https://www.demo-news.example/tag/x/")
    assert (portal.original_url("https://en.demo-news.example/2025/03/a-slug/")
            == "https://www.demo-news.example/2025/03/a-slug/")
    assert "eureporter" in registry  # built-ins stay


def test_toml_portal_replaces_a_builtin_of_the_same_name(tmp_path):
    (tmp_path / "x.toml").write_text(GOOD.replace('"demo_news"', '"euobserver"'), "utf-8")
    assert load_registry(tmp_path)["euobserver"].domains == ("demo-news.example",)


@pytest.mark.parametrize("change, message", [
    (("feeds", "feedz"), "unknown key feedz"),
    (('domains = ["demo-news.example"]', "domains = []"), "domains is required"),
    (("'^/\\d{4}/\\d{2}/[^/]+/$'", "'(['"), "bad regular expression"),
    (("Europe/Vienna", "Mars/Olympus"), "unknown time zone"),
    (('base = "https://www.demo-news.example"', 'base = "ftp://x"'), "is not an http(s) URL"),
    (('family = "wordpress"', 'family = "drupal"'), "unknown family 'drupal'"),
    (('body = ["div.story"]', 'body = "div.story"'), "selectors.body must be a list"),
])
def test_bad_toml_portal_is_refused_with_one_line(tmp_path, change, message):
    text = GOOD.replace("listings", "feeds", 1) if change[0] == "feeds" else GOOD
    text = text.replace(*change)
    if change[0] == "feeds":
        text = text.replace("feeds = ", "feedz = ")
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_missing_portals_file_is_refused():
    with pytest.raises(ValueError, match="no such file or folder"):
        load_portals("/nonexistent/portals.toml")


def test_packaged_portals_load():
    assert set(load_portals(PACKAGED_CONFIG)) == {"agence_europe"}
