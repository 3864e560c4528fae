"""Article pagination: an article printed over several pages, each page a part of its body.

Read from the markup the web standardises for it: ``<link rel="next">`` / ``rel="prev"`` in
the head, or on the ``<a>`` links of a pager; a link counts only when it leads to
the same article with a page number added (``?page=2``, ``/2/``, ``/seite-2``, ``-2.html``),
so the "next story" links some themes put in ``rel=next`` are not taken for pages.
Pure functions of a parsed :class:`~newsbot.extraction.page.Page`.
"""
from __future__ import annotations

import re
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


def paginated(page: Page) -> bool:
    """True when the page is one page of an article printed over several: one of its
    ``rel=next``/``rel=prev`` links (``<link>`` in the head, or ``<a>`` in a pager) leads to
    the same article
    with a page number added to the page's URL (a later page), or to the URL the page's own adds
    its page number to (an earlier page)."""
    own = page.url
    candidates = [el.get("href") for el in _REL_XPATH(page.tree)
                  if {"next", "prev"} & set((el.get("rel") or "").lower().split())]
    for href in candidates:
        url = absolute(href, own)
        if url and ((_page_number(url, own) or 0) >= 2 or (_page_number(own, url) or 0) >= 2):
            return True
    return False
