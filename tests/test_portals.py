"""Portals as data (:mod:`newsbot.portals`, :mod:`newsbot.portals.reader`): the registry of
built-in and TOML-defined portals, the spider loader, files refused with one line at load, the
edition selection, canonical URLs per portal, and layouts chosen by fetch date."""
from __future__ import annotations

import pytest
from scrapy.settings import Settings
from support import MINIMAL_PORTAL as MINIMAL

from newsbot.portals import BUILTIN, load_registry
from newsbot.portals.reader import load_portals

PORTALS = load_registry(None)

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
    assert names | {"agence_europe"} == set(PORTALS)
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
    assert portal.rules.timezone == "Europe/Vienna" and portal.rules.css("body") == ("div.story",)
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
    assert set(load_portals(BUILTIN)) == {"agence_europe", "eureporter", "politico_eu", "euronews", "euractiv",
                                          "euobserver", "parliament_magazine", "brussels_times", "neweurope"}


@pytest.mark.parametrize("change, message", [
    (("", "portal = [1, 2]\n"), "portal must be an array of tables"),
    (("", "timezone = 5\n"), "timezone must be a non-empty string (got 5)"),
    (('"demo_news"', '"' + "a" * 301 + '"'), "name must be 1 to 64 lowercase letters"),
    (('"demo_news"', '"Demo"'), "name must be 1 to 64 lowercase letters"),
    (("{base}/feed", "{nosuch}/feed"), "portal demo_news: feeds template '{nosuch}/feed': unknown placeholder {nosuch}"),
    (('feeds = ["{base}/feed"]', 'listings = ["{base}/latest?page={page"]'),
     "portal demo_news: listings template '{base}/latest?page={page': expected '}'"),
    (("{base}/feed", "/feed"), "feeds template '/feed' does not give an absolute http(s) URL"),
    (("", "max_listing_pages = true\n"), "max_listing_pages must be a whole number >= 0 (got True)"),
    (('lang = "en"', 'lang = ["en"]'), "editions.lang must be a non-empty string (got ['en'])"),
    (('lang = "en"', 'lang = "en"\ncode = {a=1}'), "editions.code must be a string (got {'a': 1})"),
    (('lang = "en"', 'lang = "en"\nmachine_translated = "yes"'), "machine_translated must be true or false"),
    (('base = "https://demo-news.example"', 'base = "http://"'), "edition base 'http://' has no host"),
    (("", 'family = ["wordpress"]\n'), "family must be a non-empty string"),
    (('["demo-news.example"]', '["https://demo-news.example/"]'), "is not a lowercase host name"),
    (("", 'wp_types = ["posts?x=1"]\n'), "is not a REST post type"),
    (("", '[selectors]\nbody = ["div..story"]\n'), "selectors.body: bad CSS selector 'div..story'"),
    (('"demo_news"', '"article"'), "portal article: the name is that of a built-in spider that is not a portal"),
    (('"demo_news"', '"portal"'), "portal portal: the name is that of a built-in spider that is not a portal"),
])
def test_wrong_types_and_templates_are_refused_at_load(tmp_path, change, message):
    old, new = change
    text = MINIMAL.replace(old, new, 1) if old else new + MINIMAL
    if new.startswith("[selectors]"):
        text = MINIMAL + new
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert message in str(err.value), str(err.value)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_minimal_portal_and_several_portal_tables_load(tmp_path):
    (tmp_path / "one.toml").write_text(MINIMAL, "utf-8")
    two = "".join("[[portal]]\n" + MINIMAL.replace("demo_news", n).replace("[[editions]]", "[[portal.editions]]")
                  for n in ("first", "second"))
    (tmp_path / "two.toml").write_text(two, "utf-8")
    portals = load_portals(tmp_path)
    assert sorted(portals) == ["demo_news", "first", "second"]
    assert portals["second"].feeds == ("{base}/feed",)
    assert portals["second"].editions[0].url(portals["second"].feeds[0]) == "https://demo-news.example/feed"


def test_a_portal_file_names_its_zone_only_when_it_says_timezone(tmp_path):
    (tmp_path / "one.toml").write_text(MINIMAL, "utf-8")
    (tmp_path / "two.toml").write_text('timezone = "UTC"\n' + MINIMAL.replace("demo_news", "utc_news"), "utf-8")
    portals = load_portals(tmp_path)
    assert (portals["demo_news"].rules.timezone, portals["demo_news"].rules.names_zone) == ("UTC", False)
    assert (portals["utc_news"].rules.timezone, portals["utc_news"].rules.names_zone) == ("UTC", True)


def test_reserved_names_are_the_spiders_that_are_not_portals():
    from newsbot.portals.reader import RESERVED_NAMES
    from newsbot.spiders.loader import PortalSpiderLoader

    loader = PortalSpiderLoader(Settings({"SPIDER_MODULES": ["newsbot.spiders"]}))
    assert {n for n in loader.list() if getattr(loader.load(n), "portal", None) is None} == RESERVED_NAMES


def test_spider_loader_keeps_the_error_of_a_bad_portals_file(tmp_path):
    from newsbot.spiders.loader import PortalSpiderLoader

    bad = tmp_path / "garbage.toml"
    bad.write_text("this is [[ not toml", "utf-8")
    loader = PortalSpiderLoader(Settings({"SPIDER_MODULES": ["newsbot.spiders"], "NEWSBOT_PORTALS_FILE": str(bad)}))
    assert loader.portals_error.startswith(f"portals file {bad}: ")
    assert "agence_europe" in loader.list()  # the packaged portals stay


def test_empty_edition_selection_is_refused():
    portal = PORTALS["euronews"]
    with pytest.raises(ValueError, match=r"lang=',': no edition selected for euronews \(known: ar, de"):
        portal.select_editions(",")
    assert portal.select_editions(" EN ,") == (portal.editions[[e.lang for e in portal.editions].index("en")],)
    assert portal.select_editions("") == portal.editions


def test_www_bare_host_and_trailing_slash_are_canonicalised_per_portal():
    assert (PORTALS["eureporter"].canonical_url("http://eureporter.co/a/2025/03/10/s?utm_campaign=x")
            == "https://www.eureporter.co/a/2025/03/10/s/")
    assert (PORTALS["euronews"].canonical_url("https://euronews.com/2025/03/14/s/?fbclid=1")
            == "https://www.euronews.com/2025/03/14/s")
    assert PORTALS["euobserver"].canonical_url("https://www.euobserver.com/187654/s/#x") == "https://euobserver.com/187654/s/"
    # other subdomains keep their host (Brussels Times' feed host)
    assert PORTALS["brussels_times"].canonical_url("https://api.brusselstimes.com/rss") == "https://api.brusselstimes.com/rss"


LAYOUTS = MINIMAL + '''
[selectors]
lead = ["h2.summary"]
body = ["div.story"]

[[layouts]]
until = 2024-06-30
[layouts.selectors]
lead = ["p.intro"]

[[layouts]]
until = 2025-12-31
[layouts.selectors]
lead = ["p.summary"]
body = ["section.story"]
'''


def test_layouts_are_chosen_by_the_fetch_date(tmp_path):
    from datetime import date, datetime, timezone

    (tmp_path / "demo.toml").write_text(LAYOUTS, "utf-8")
    portal = load_registry(tmp_path)["demo_news"]
    assert [layout.until for layout in portal.layouts] == [date(2024, 6, 30), date(2025, 12, 31), None]
    first = portal.rules_for(datetime(2024, 6, 30, 23, 59, tzinfo=timezone.utc))
    assert first.css("lead") == ("p.intro",) and first.css("body") == ("div.story",)  # inherited
    second = portal.rules_for(date(2024, 7, 1))
    assert second.css("lead") == ("p.summary",) and second.css("body") == ("section.story",)
    assert portal.rules_for(None) is portal.rules and portal.rules.css("lead") == ("h2.summary",)
    assert portal.rules_for(date(2026, 1, 1)) is portal.rules


@pytest.mark.parametrize("change, message", [
    (("until = 2025-12-31", 'until = "2025-12-31"'), "layout 2: until must be a date"),
    (("until = 2025-12-31", "until = 2024-01-01"), "layout 2: until 2024-01-01 is not after the layout before it"),
    (('lead = ["p.intro"]', 'leed = ["p.intro"]'), "layout 1 selectors keys are"),
    (('lead = ["p.intro"]', 'lead = ["p..intro"]'), "bad CSS selector"),
])
def test_bad_layouts_are_refused_with_one_line(tmp_path, change, message):
    path = tmp_path / "demo.toml"
    path.write_text(LAYOUTS.replace(*change), "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert message in str(err.value) and "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_deeply_nested_portal_file_is_refused_with_one_line(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert "nested too deeply" in str(err.value) and "\n" not in str(err.value)


def test_raw_section_slugs_get_their_names():
    from newsbot.extraction import extract_article

    html = ('<html><head><meta name="article:section" content="news_news"></head>'
            "<body><h1>Ministers agree on a grid plan</h1><p>Text.</p></body></html>")
    rules = PORTALS["euronews"].rules
    assert extract_article(html, "https://www.euronews.com/2026/01/02/x", rules=rules).record["section"] == "News"
    other = html.replace("news_news", "my-europe_europe-news")
    assert extract_article(other, "https://www.euronews.com/2026/01/02/x", rules=rules).record["section"] == \
        "my-europe_europe-news"  # a slug the file does not name stays as printed


def test_bad_section_names_are_refused():
    import tomllib

    from newsbot.portals.reader import portal_from_dict

    with pytest.raises(ValueError, match="section_names must be a table"):
        portal_from_dict({**tomllib.loads(MINIMAL), "section_names": {"news_news": 3}}, "x.toml")


def test_edition_under_a_folder_of_another_editions_host():
    portal = PORTALS["euractiv"]
    assert portal.edition_of("https://www.euractiv.com/fr/news/une-histoire/").lang == "fr"
    assert portal.edition_of("https://www.euractiv.com/news/a-story/").lang == "en"
    assert portal.edition_of("https://www.euractiv.com/french/").lang == "en"
    assert portal.is_article_url("https://www.euractiv.com/fr/news/une-histoire/")
    assert PORTALS["euronews"].edition("el").code == "el"  # gr.euronews.com/sitemaps/el/…


@pytest.mark.parametrize("base, domain, kept", [
    ("http://[::1]:18081", "::1", "::1"),
    ("http://[::1]:18081", "[::1]", "::1"),
    ("http://[::1]:18081", "0:0::1", "::1"),
    ("http://127.0.0.1:18080", "127.0.0.1", "127.0.0.1"),
])
def test_ip_address_domains_are_read_and_agree_with_scrapy_offsite_filter(tmp_path, base, domain, kept):
    """An IP address in ``domains`` (IPv6 with or without brackets) is kept as a URL's host name
    spells it, so the portal's owns() and Scrapy's OffsiteMiddleware (``allowed_domains``) say
    the same of every URL."""
    from scrapy import Request, Spider
    from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
    from scrapy.utils.test import get_crawler

    path = tmp_path / "ip.toml"
    path.write_text(f'name = "local"\ndomains = ["{domain}"]\n\n[[editions]]\nlang = "en"\nbase = "{base}"\n', "utf-8")
    portal = load_portals(path)["local"]
    assert portal.domains == (kept,)
    spider = Spider("local", allowed_domains=list(portal.domains))
    offsite = OffsiteMiddleware.from_crawler(get_crawler(Spider))
    offsite.spider_opened(spider)
    urls = {base + "/news/1": True, "http://[::2]:18081/news/1": False, "http://127.0.0.2:18080/x": False,
            "http://[::1]/robots.txt": kept == "::1", "http://127.0.0.1/robots.txt": kept == "127.0.0.1"}
    for url, owned in urls.items():
        assert portal.owns(url) is owned, url
        assert offsite.should_follow(Request(url), spider) is owned, url


@pytest.mark.parametrize("domain", ["[::1", "::g", "300.1.2.3", "Example.org"])
def test_a_domain_neither_host_name_nor_ip_address_is_refused(tmp_path, domain):
    path = tmp_path / "bad.toml"
    path.write_text(f'name = "local"\ndomains = ["{domain}"]\n\n[[editions]]\nlang = "en"\nbase = "http://x.example"\n',
                    "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert str(err.value) == (f"{path}: portal local: domains: {domain!r} is not a lowercase host name "
                              "(like example.org) or an IP address")


def test_an_edition_off_the_portals_domains_is_refused(tmp_path):
    """Its robots.txt and pages would all be dropped as offsite: the file is refused instead."""
    path = tmp_path / "off.toml"
    path.write_text('name = "harbour"\ndomains = ["harbourpost.example"]\n\n[[editions]]\nlang = "en"\n'
                    'base = "http://127.0.0.1:18080"\n', "utf-8")
    with pytest.raises(ValueError) as err:
        load_portals(path)
    assert str(err.value) == (f"{path}: portal harbour: edition en base 'http://127.0.0.1:18080': its host 127.0.0.1 "
                              "is not in domains (harbourpost.example), so a crawl would fetch nothing of it")
