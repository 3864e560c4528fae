"""What a site announces about itself by the web's standards: the ``Sitemap:`` lines of its
robots.txt, the feeds of ``<link rel="alternate">`` on its pages, the WordPress REST root and
the ``hreflang`` alternates. Pure functions of bytes, no Scrapy download machinery.

Sources of the rules:

- robots.txt ``Sitemap:`` lines: https://www.sitemaps.org/protocol.html#submit_robots (read
  with Scrapy's :func:`scrapy.utils.sitemap.sitemap_urls_from_robots`, as its
  ``SitemapSpider`` does);
- feed autodiscovery: ``<link rel="alternate" type="application/rss+xml|atom+xml">``
  (https://www.rssboard.org/rss-autodiscovery, RFC 4287 §7.1);
- the REST root: ``<link rel="https://api.w.org/" href>`` or an HTTP ``Link`` header of that
  relation (https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/);
- ``<link rel="alternate" hreflang>`` (https://developers.google.com/search/docs/specialty/international/localized-versions).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from scrapy.utils.sitemap import sitemap_urls_from_robots

FEED_TYPES = ("application/rss+xml", "application/atom+xml")
REST_REL = "https://api.w.org/"
_LINK_HEADER = re.compile(r"<([^>]*)>\s*;([^,]*(?:,(?!\s*<)[^,]*)*)")
_COMMENTS = re.compile(r"/comments/feed/?$|comment", re.I)


def robots_sitemaps(body: bytes, url: str) -> list[str]:
    """The absolute sitemap URLs of the ``Sitemap:`` lines of a robots.txt body (``url``: the
    robots.txt URL, base for relative ones), in file order, each once; ``[]`` for a body
    that has none (an HTML page served for a missing file)."""
    out: list[str] = []
    for found in sitemap_urls_from_robots(body or b"", base_url=url):
        if urlsplit(found).scheme in ("http", "https") and found not in out:
            out.append(found)
    return out


def _tree(html: bytes):
    try:
        return lxml.html.document_fromstring(html or b"<html></html>")
    except (etree.ParserError, ValueError):
        return None


def _links(tree):
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if href:
            yield el, rel, href


def announced_feeds(html: bytes, url: str) -> list[str]:
    """Absolute URLs of the RSS and Atom feeds a page announces with ``<link rel="alternate"
    type="application/rss+xml|application/atom+xml">``, in document order, each once;
    comment feeds (WordPress "Comments Feed", ``/comments/feed/``) are left out."""
    tree = _tree(html)
    if tree is None:
        return []
    out: list[str] = []
    for el, rel, href in _links(tree):
        kind = (el.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rel or kind not in FEED_TYPES:
            continue
        if _COMMENTS.search(href) or _COMMENTS.search(el.get("title") or ""):
            continue
        feed = urljoin(url, href)
        if urlsplit(feed).scheme in ("http", "https") and feed not in out:
            out.append(feed)
    return out


def rest_root(html: bytes, url: str, link_header: str | None = None) -> str | None:
    """The WordPress REST API root a page announces (``Link: <…>; rel="https://api.w.org/"``
    header first, then ``<link rel="https://api.w.org/">``), absolute and ending in ``/``
    unless it is a query form (``?rest_route=/``); ``None`` when not announced."""
    for target, params in _LINK_HEADER.findall(link_header or ""):
        rels = re.search(r'rel\s*=\s*"?([^";]+)"?', params)
        if rels and REST_REL in rels.group(1).split():
            return _root(urljoin(url, target.strip()))
    tree = _tree(html)
    if tree is None:
        return None
    for _, rel, href in _links(tree):
        if REST_REL in rel:
            return _root(urljoin(url, href))
    return None


def _root(url: str) -> str:
    return url if "?" in url or url.endswith("/") else url + "/"


def rest_collection(root: str, route: str) -> str:
    """The URL of ``route`` (``wp/v2/posts``) under a REST ``root`` (``…/wp-json/`` or the
    query form ``…/?rest_route=/``); extra query parameters are then appended with ``&``."""
    if "rest_route=" in root:
        return root.rstrip("/") + "/" + route if root.endswith("=/") else root + "/" + route
    return root + route


def hreflang_alternates(html: bytes, url: str) -> dict[str, str]:
    """``{hreflang: absolute URL}`` of a page's ``<link rel="alternate" hreflang>`` (first per
    language, ``x-default`` left out)."""
    tree = _tree(html)
    if tree is None:
        return {}
    out: dict[str, str] = {}
    for el, rel, href in _links(tree):
        lang = (el.get("hreflang") or "").strip()
        if "alternate" in rel and lang and lang.lower() != "x-default":
            out.setdefault(lang, urljoin(url, href))
    return out
