"""Discovery from listing pages (section fronts, "latest" pages with pagination) and from the
WordPress REST API. Pure functions of bytes, no Scrapy; entries are
:class:`~newsbot.discovery.Entry` objects, as from feeds and sitemaps.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from .discovery import Entry
from .extraction.decoding import decode_html
from .extraction.text import clean

_URL_DAY = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/")
_NEXT_CLASSES = ("next", "next-page", "pagination-next", "nextpostslink", "pager-next")
_ANCESTOR_DEPTH = 4  # how far up from a link a <time> of the same teaser is looked for
_HEADLINE_CHARS = 25  # longer link texts are headlines (shorter ones: section, tag, "more" links)


def _date_near(anchor) -> str | None:
    """The ``<time>`` of the teaser holding ``anchor``: looked for in the link and up to 3
    ancestors, stopping once an ancestor holds more than one ``<time>`` or the headline link
    of another story (a link elsewhere with more than ``_HEADLINE_CHARS`` of text)."""
    href = anchor.get("href")
    node = anchor
    for _ in range(_ANCESTOR_DEPTH):
        times = node.xpath(".//time")
        if len(times) > 1:
            return None
        if any(a.get("href") != href and len(a.text_content().strip()) > _HEADLINE_CHARS for a in node.iter("a")):
            return None
        if times:
            return clean(times[0].get("datetime") or times[0].text_content())
        node = node.getparent()
        if node is None:
            break
    return None


def _next_link(tree, base: str) -> str | None:
    for el in tree.iter("link", "a"):
        rel = (el.get("rel") or "").lower().split()
        classes = (el.get("class") or "").lower().split()
        parent_classes = ((el.getparent().get("class") or "").lower().split()
                          if el.getparent() is not None else [])
        if el.get("href") and ("next" in rel or any(c in _NEXT_CLASSES for c in classes)
                               or (el.tag == "a" and any(c in _NEXT_CLASSES for c in parent_classes))):
            return urljoin(base, el.get("href").strip())
    return None


def parse_listing(html: bytes, url: str, content_type: str | None = None) -> tuple[list[Entry], str | None]:
    """Links of a listing page and its next page.

    Input: the page bytes, its URL (base for relative links) and the HTTP ``Content-Type``
    (bytes decoded as an article page's are: :func:`newsbot.extraction.decoding.decode_html`). Output: ``(entries, next)``:
    one :class:`Entry` per distinct http(s) link (fragment dropped) in document order, with
    ``published`` taken from the ``<time>`` of the link's teaser (:func:`_date_near`;
    ``datetime`` attribute, else its text), else the ``/YYYY/MM/DD/`` of the URL;
    ``title`` the link text. ``next`` is the ``rel="next"`` link (``<link>`` or ``<a>``) or an
    ``<a>`` with a usual "next" class, ``None`` when absent. Never raises on bad HTML."""
    text = decode_html(html, content_type)[0] if html else ""
    try:
        tree = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text) or "<html></html>")
    except (etree.ParserError, ValueError):
        return [], None
    entries: dict[str, Entry] = {}
    for a in tree.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        link = urljoin(url, href.strip()).split("#", 1)[0]
        if urlsplit(link).scheme not in ("http", "https") or link in entries:
            continue
        published = _date_near(a)
        if not published:
            m = _URL_DAY.search(urlsplit(link).path)
            published = "-".join(m.groups()) if m else None
        entries[link] = Entry(url=link, published=published, title=clean(a.text_content()))
    return list(entries.values()), _next_link(tree, url)


def parse_wp_posts(data: bytes) -> list[Entry] | None:
    """Entries of a WordPress REST API collection (``/wp-json/wp/v2/<type>``, fields ``link``,
    ``date_gmt``, ``modified_gmt``; https://developer.wordpress.org/rest-api/reference/posts/).
    ``date_gmt`` is UTC without offset and is returned with ``Z``. ``None`` when ``data`` is
    not a JSON array (the API is absent, disabled or answered with an HTML page)."""
    try:
        posts = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(posts, list):
        return None
    out = []
    for post in posts:
        if not isinstance(post, dict) or not isinstance(post.get("link"), str):
            continue
        gmt = post.get("date_gmt") if isinstance(post.get("date_gmt"), str) else None
        modified = post.get("modified_gmt") if isinstance(post.get("modified_gmt"), str) else None
        out.append(Entry(url=post["link"], published=gmt + "Z" if gmt else None,
                         modified=modified + "Z" if modified else None))
    return out
