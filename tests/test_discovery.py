"""Discovery (:mod:`newsbot.discovery`, :mod:`newsbot.listings`, :mod:`newsbot.autodiscovery`): feeds, sitemaps and news
sitemaps, listing pages and WordPress REST answers read without a crawl; the sitemap and feed
traps listed in the portal notes, one test each; XML entities and DTDs never expanded nor read.
The fixture-site crawls in test_portal_sites.py meet the same traps over (replayed) HTTP."""
from __future__ import annotations

import gzip
import io

import pytest

from newsbot.discovery import declares_dtd, parse_feed, parse_sitemap, sniff
from newsbot.extraction import Hints, extract_article
from newsbot.listings import parse_listing, parse_wp_posts
from newsbot.portals import load_registry

PORTALS = load_registry(None)

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><link>https://site.example/</link>
<item><title>One</title><link>https://site.example/a?utm_source=rss</link><pubDate>Tue, 11 Feb 2025 09:12:40 +0000</pubDate></item>
<item><title>Two</title><guid>https://site.example/b</guid></item></channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link rel="enclosure" href="https://site.example/img.jpg"/><link href="https://site.example/c"/>
<published>2025-02-11T10:00:00+01:00</published></entry></feed>"""
INDEX = b"""<?xml version="1.0"?><sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
<sm:sitemap><sm:loc>https://site.example/s1.xml?from=2</sm:loc><sm:lastmod>2025-01-01</sm:lastmod></sm:sitemap></sm:sitemapindex>"""
NEWS = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc> https://site.example/d </loc>
<xhtml:link rel="alternate" hreflang="de" href="https://de.site.example/d"/>
<news:news><news:publication><news:language>en</news:language></news:publication>
<news:publication_date>2025-02-11T09:00:00Z</news:publication_date><news:title>Dee</news:title></news:news></url></urlset>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://www.euronews.com/2025/03/14/a-story</loc><lastmod>2025-03-14T10:20:00+01:00</lastmod>
<xhtml:link rel="alternate" hreflang="en" href="https://www.euronews.com/2025/03/14/a-story"/>
<xhtml:link rel="alternate" hreflang="de" href="https://de.euronews.com/2025/03/14/eine-geschichte"/>
<xhtml:link rel="alternate" hreflang="x-default" href="https://www.euronews.com/2025/03/14/a-story"/>
</url></urlset>"""


# -- feeds and sitemaps ------------------------------------------------------------------------

def test_feed_and_sitemap_parsing():
    assert sniff(RSS) == "rss" and sniff(ATOM) == "atom" and sniff(INDEX) == "sitemapindex"
    assert sniff(NEWS) == "urlset" and sniff(b"<!doctype html><html><body>x</body></html>") is None
    rss = list(parse_feed(RSS))
    assert [(e.url, e.title, e.published) for e in rss] == [
        ("https://site.example/a?utm_source=rss", "One", "Tue, 11 Feb 2025 09:12:40 +0000"),
        ("https://site.example/b", "Two", None)]
    [atom] = parse_feed(ATOM)
    assert (atom.url, atom.published) == ("https://site.example/c", "2025-02-11T10:00:00+01:00")
    [child] = parse_sitemap(INDEX)
    assert (child.kind, child.url, child.modified) == ("sitemap", "https://site.example/s1.xml?from=2", "2025-01-01")
    [page] = parse_sitemap(NEWS)
    assert (page.kind, page.url, page.published, page.title) == (
        "page", "https://site.example/d", "2025-02-11T09:00:00Z", "Dee")
    assert page.alternates == {"de": "https://de.site.example/d"}


# -- the traps of the portal notes -------------------------------------------------------------

def test_child_sitemap_served_as_text_html_is_sniffed_by_content():
    # the Content-Type is never trusted: the root element decides
    assert sniff(URLSET) == "urlset"
    assert sniff(b"<!DOCTYPE html><html><body>app</body></html>") is None


def test_child_sitemap_with_query_string_keeps_it():
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             b"<loc>https://www.brusselstimes.com/post-sitemap.xml?page=3&amp;from=2025-03-01</loc>"
             b"<lastmod>2025-03-31</lastmod></sitemap></sitemapindex>")
    [entry] = parse_sitemap(index)
    assert (entry.kind, entry.url, entry.modified) == (
        "sitemap", "https://www.brusselstimes.com/post-sitemap.xml?page=3&from=2025-03-01", "2025-03-31")


def test_namespace_prefixes_are_ignored():
    data = (b'<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url>'
            b"<sm:loc>https://euobserver.com/187654/a-slug/</sm:loc><sm:lastmod>2025-03-17</sm:lastmod>"
            b"</sm:url></sm:urlset>")
    assert sniff(data) == "urlset"
    assert [(e.url, e.modified) for e in parse_sitemap(data)] == [("https://euobserver.com/187654/a-slug/", "2025-03-17")]


def test_gzipped_sitemap_is_read_as_it_decompresses():
    stream = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(URLSET)))
    assert sniff(stream) == "urlset"
    assert [e.url for e in parse_sitemap(stream)] == ["https://www.euronews.com/2025/03/14/a-story"]


def test_hreflang_alternates_become_translations():
    [entry] = parse_sitemap(URLSET)
    assert entry.alternates["de"] == "https://de.euronews.com/2025/03/14/eine-geschichte"
    html = (b"<html lang='en'><head><title>A story</title></head><body><h1>A story</h1>"
            + b"<p>" + b"Some words of the story. " * 20 + b"</p></body></html>")
    ex = extract_article(html, entry.url, hints=Hints(translations=entry.alternates))
    # the page's own URL and x-default are not translations
    assert ex.record["translations"] == [{"language": "de", "url": "https://de.euronews.com/2025/03/14/eine-geschichte"}]
    # alternates in the page win over the sitemap's
    page = html.replace(b"</head>", b'<link rel="alternate" hreflang="fr" href="/fr/une-histoire"></head>')
    ex = extract_article(page, entry.url, hints=Hints(translations=entry.alternates))
    assert ex.record["translations"] == [{"language": "fr", "url": "https://www.euronews.com/fr/une-histoire"}]


def test_50000_url_sitemap_is_streamed_whole():
    rows = b"".join(b"<url><loc>https://www.eureporter.co/x/2025/03/01/s-%d/</loc></url>" % i for i in range(50_000))
    data = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + rows + b"</urlset>"
    entries = parse_sitemap(data)
    first = next(entries)  # yielded before the rest of the document is read
    assert first.url == "https://www.eureporter.co/x/2025/03/01/s-0/"
    assert sum(1 for _ in entries) == 49_999


def test_atom_feed_and_tracking_parameters():
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>'
            b'<link rel="alternate" href="https://fr.euronews.com/2025/03/14/une-histoire?utm_source=rss&amp;utm_medium=x#top"/>'
            b"<published>2025-03-14T10:25:00+01:00</published></entry></feed>")
    assert sniff(atom) == "atom"
    [entry] = parse_feed(atom)
    assert entry.published == "2025-03-14T10:25:00+01:00"
    assert PORTALS["euronews"].canonical_url(entry.url) == "https://fr.euronews.com/2025/03/14/une-histoire"


# -- listing pages and REST answers ------------------------------------------------------------

def test_listing_page_links_dates_and_next_page():
    html = b"""<html><head><link rel="next" href="/news?page=3"></head><body>
    <div class="card"><a href="/news/article/a-slug">MEPs call for faster asylum rulings</a><div class="meta"><time datetime="2025-03-19T10:00:00Z">x</time></div></div>
    <div class="card"><a href="https://www.eureporter.co/b/2025/03/05/b-slug/#c">Grid operators publish winter review</a></div>
    <a href="/news/article/a-slug">More</a></body></html>"""
    entries, next_url = parse_listing(html, "https://www.theparliamentmagazine.eu/news?page=2")
    assert [(e.url, e.published) for e in entries] == [
        ("https://www.theparliamentmagazine.eu/news/article/a-slug", "2025-03-19T10:00:00Z"),
        ("https://www.eureporter.co/b/2025/03/05/b-slug/", "2025-03-05")]
    assert next_url == "https://www.theparliamentmagazine.eu/news?page=3"
    assert parse_listing(b"<p>no links</p>", "https://x.org/")[0] == []


@pytest.mark.parametrize("data, content_type", [
    ("<html><body><a href='/a'>Übergang für Fußgänger: Brücke wird gesperrt</a></body></html>".encode("utf-8"),
     "text/html; charset=ISO-8859-1"),  # a server's default header over UTF-8 bytes
    ("<html><head><meta charset='windows-1252'></head><body><a href='/a'>Übergang für Fußgänger: Brücke wird "
     "gesperrt</a></body></html>".encode("cp1252"), "text/html"),
])
def test_listing_link_titles_are_decoded_like_article_pages(data, content_type):
    [entry], _ = parse_listing(data, "https://news.example.org/", content_type)
    assert entry.title == "Übergang für Fußgänger: Brücke wird gesperrt"


def test_wordpress_rest_answer_or_not():
    assert parse_wp_posts(b"<!DOCTYPE html><html>app</html>") is None
    assert parse_wp_posts(b'{"code":"rest_no_route"}') is None
    [entry] = parse_wp_posts(b'[{"link":"https://www.neweurope.eu/article/x/","date_gmt":"2025-03-09T12:00:00"}]')
    assert (entry.url, entry.published) == ("https://www.neweurope.eu/article/x/", "2025-03-09T12:00:00Z")


# -- XML entities and DTDs ---------------------------------------------------------------------

def test_xml_entities_are_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<rss><channel><item><title>&x;</title><link>https://site.example/x</link></item></channel></rss>').encode()
    [entry] = parse_feed(xxe)
    assert "TOPSECRET" not in (entry.title or "")
    lol = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
           b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
           b'<urlset><url><loc>https://site.example/&d;</loc></url></urlset>')
    entries = list(parse_sitemap(lol))
    assert all(len(e.url) < 200 for e in entries)


def test_dtd_far_into_the_document_still_does_not_expand():
    laughs = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10))
    doc = ('<?xml version="1.0"?>' + "<!-- " + "x" * 70000 + " -->"
           + f"<!DOCTYPE r [{laughs}]><rss><channel><item><title>&l9;</title><link>https://a.example/1</link>"
           "</item></channel></rss>").encode()
    assert not declares_dtd(doc)  # beyond the first 64 KiB: left to libxml2's limits
    entries = list(parse_feed(doc))
    assert all("lollol" not in (e.title or "") for e in entries)


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    doc = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY s SYSTEM "file://{secret}">]>'
           '<urlset><url><loc>https://a.example/&s;</loc></url></urlset>').encode()
    assert declares_dtd(doc)
    [entry] = list(parse_sitemap(doc))
    assert "TOPSECRET" not in entry.url


# -- what a site announces (newsbot.autodiscovery) -------------------------------------------------

def test_robots_sitemaps_are_absolute_and_unique():
    from newsbot.autodiscovery import robots_sitemaps

    body = (b"User-agent: *\nDisallow: /search\nSitemap: /sitemap_index.xml\n"
            b"sitemap: https://news.example/news-sitemap.xml\nSitemap: /sitemap_index.xml\n")
    assert robots_sitemaps(body, "https://news.example/robots.txt") == [
        "https://news.example/sitemap_index.xml", "https://news.example/news-sitemap.xml"]
    assert robots_sitemaps(b"<html><body>Not found</body></html>", "https://news.example/robots.txt") == []


def test_announced_feeds_leave_comment_feeds_out():
    from newsbot.autodiscovery import announced_feeds

    html = (b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">'
            b'<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">'
            b'<link rel="alternate" type="application/atom+xml" href="https://cdn.example/atom.xml">'
            b'<link rel="alternate" hreflang="de" href="/de/">'
            b'<link rel="stylesheet" type="application/rss+xml" href="/nope.xml"></head></html>')
    assert announced_feeds(html, "https://news.example/") == ["https://news.example/feed/",
                                                               "https://cdn.example/atom.xml"]


@pytest.mark.parametrize("html, header, root", [
    (b'<link rel="https://api.w.org/" href="https://news.example/wp-json/">', None, "https://news.example/wp-json/"),
    (b"<p>no link</p>", '<https://news.example/wp-json>; rel="https://api.w.org/", </?p=1>; rel=shortlink',
     "https://news.example/wp-json/"),
    (b'<link rel="https://api.w.org/" href="/?rest_route=/">', None, "https://news.example/?rest_route=/"),
    (b"<p>plain site</p>", None, None),
])
def test_rest_root(html, header, root):
    from newsbot.autodiscovery import rest_root

    assert rest_root(html, "https://news.example/", header) == root


def test_rest_collection_in_both_root_forms():
    from newsbot.plan import wp_api_page
    from newsbot.portals import Edition
    from newsbot.window import DateWindow

    window = DateWindow.from_arguments("2025-03-01", "2025-03-02")
    edition = Edition("en", "https://news.example")
    assert wp_api_page(edition, "posts", 1, window).url.startswith("https://news.example/wp-json/wp/v2/posts?after=")
    query_form = wp_api_page(edition, "posts", 2, window, "https://news.example/?rest_route=/", "standard")
    assert query_form.url.startswith("https://news.example/?rest_route=/wp/v2/posts&after=")
    assert query_form.origin == "standard" and "page=2" in query_form.url


def test_hreflang_alternates():
    from newsbot.autodiscovery import hreflang_alternates

    html = (b'<link rel="alternate" hreflang="en" href="https://news.example/">'
            b'<link rel="alternate" hreflang="de" href="https://de.news.example/">'
            b'<link rel="alternate" hreflang="x-default" href="https://news.example/">')
    assert hreflang_alternates(html, "https://news.example/") == {"en": "https://news.example/",
                                                                  "de": "https://de.news.example/"}
