"""Article pagination: an article printed over several pages, each page a part of its body.

Read from the markup the web standardises for it: ``<link rel="next">`` / ``rel="prev"`` in
the head, or on the ``<a>`` links of a pager; a link counts only when it leads to
the same article with a page number added (``?page=2``, ``/2/``, ``/seite-2``, ``-2.html``),
so the "next story" links some themes put in ``rel=next`` are not taken for pages.
Pure functions of a parsed :class:`~newsbot.extraction.page.Page`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from .page import Page
from .urls import absolute

PAGE_PARAMS = frozenset({"page", "pg", "seite", "pagina", "strona", "sivu", "side", "pag", "part"})
"""Query parameters numbering the pages of one article (not ``p``: WordPress numbers posts with it)."""
_PAGE_SUFFIX = re.compile(r"^[/_,.-]?(?:(?:page|seite|pagina|strona|sivu|side|pag|part|p)[/_-]?)?(\d{1,3})"
                          r"(?:\.[a-z]{2,5})?/?$", re.I)
_REL_XPATH = etree.XPath("//@rel[contains(., 'next') or contains(., 'prev')]/parent::*[@href]")
"""``<link>`` and ``<a>`` elements whose ``rel`` may say ``next``/``prev`` (one pass, in C; read
from the ``rel`` attributes, which is cheaper than testing every element)."""
_EXTENSION = re.compile(r"\.[a-z]{2,5}$", re.I)


def _page_number(url: str, article: str) -> int | None:
    """The page number ``url`` adds to the ``article`` URL (same host; a page parameter in
    the query, or a page suffix on the path), else ``None``; ``1`` for ``article`` itself."""
    u, a = urlsplit(url), urlsplit(article)
    if u.hostname != a.hostname:
        return None
    u_path, a_path = u.path.rstrip("/"), a.path.rstrip("/")
    u_query = [(k, v) for k, v in parse_qsl(u.query) if k.lower() not in PAGE_PARAMS]
    a_query = [(k, v) for k, v in parse_qsl(a.query) if k.lower() not in PAGE_PARAMS]
    if u_path == a_path and u_query == a_query:
        numbers = [v for k, v in parse_qsl(u.query) if k.lower() in PAGE_PARAMS and v.isdigit()]
        return int(numbers[0]) if numbers else 1
    stem = _EXTENSION.sub("", a_path)
    if u_query != a_query or not stem or not u_path.startswith(stem):
        return None
    found = _PAGE_SUFFIX.match(u_path[len(stem):])
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class PageLinks:
    """Where a page sits in an article printed over several pages: ``number`` (1-based; 1 for
    the first page and for a page that is not one of several), ``first`` (the URL of the
    article's first page when this page is a later one, else ``None``) and ``next`` (the URL
    of the article's next page, else ``None``)."""

    number: int = 1
    first: str | None = None
    next: str | None = None

    @property
    def several(self) -> bool:
        """The page is one page of an article printed over several."""
        return self.first is not None or self.next is not None


def page_links(page: Page) -> PageLinks:
    """The :class:`PageLinks` of ``page``, read from its ``rel=next``/``rel=prev`` links
    (``<link>`` in the head, or ``<a>`` in a pager). The page is a later page when its URL adds
    a page number of 2 or more to one of the links' (that link is the first page); its next
    page is the ``rel=next`` link that adds to the first page's URL a number greater than its
    own. Links to other articles ("next story"), comment pages and WordPress post numbers are
    no pages of the article (:data:`PAGE_PARAMS`)."""
    own = page.url
    links = []
    for el in _REL_XPATH(page.tree):
        rels = set((el.get("rel") or "").lower().split())
        url = absolute(el.get("href"), own) if {"next", "prev"} & rels else None
        if url and url != own:
            links.append(("next" in rels, url))
    first, number = None, 1
    for _, url in links:
        n = _page_number(own, url) or 0
        if n >= 2:
            first, number = url, n
            break
    base = first or own
    following = [url for is_next, url in links if is_next and (_page_number(url, base) or 0) > number]
    return PageLinks(number, first, following[0] if following else None)


def paginated(page: Page) -> bool:
    """True when the page is one page of an article printed over several
    (:func:`page_links`)."""
    return page_links(page).several


def join_pages(records: list[dict], missing: int = 0) -> dict:
    """One record of an article printed over several pages from the records of its pages, in
    page order: the first page's fields, the bodies joined by a blank line (a later page's
    body that repeats the one before is left out), flagged ``paginated``, and ``partial`` too
    when ``missing`` pages (one or more) could not be read, the flags in
    :data:`~newsbot.extraction.record.QUALITY_FLAGS` order. ``ValueError`` for no records."""
    if not records:
        raise ValueError("join_pages needs the record of the first page")
    joined = dict(records[0])
    bodies: list[str] = []
    for record in records:
        body = record.get("body")
        if body and (not bodies or body != bodies[-1]):
            bodies.append(body)
    joined["body"] = "\n\n".join(bodies) or None
    from .record import QUALITY_FLAGS  # the flags' order (record imports this module)

    flags = set(joined.get("quality_flags") or ()) | {"paginated"} | ({"partial"} if missing else set())
    joined["quality_flags"] = [flag for flag in QUALITY_FLAGS if flag in flags]
    return joined
