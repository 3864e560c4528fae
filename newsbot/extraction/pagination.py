"""Article pagination: an article printed over several pages, each page a part of its body.

Read from the markup the web standardises for it: ``<link rel="next">`` / ``rel="prev"`` /
``rel="first"`` in the head, or on the ``<a>`` links of a pager; a link counts only when it leads to
the same article with a page number added (``?page=2``, ``/2/``, ``/seite-2``, ``-p2.html``),
so the "next story" links some themes put in ``rel=next`` are not taken for pages.
Pure functions of a parsed :class:`~newsbot.extraction.page.Page`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .page import Page
from .urls import absolute

PAGE_PARAMS = frozenset({"page", "pg", "seite", "pagina", "strona", "sivu", "side", "pag", "part"})
"""Query parameters numbering the pages of one article (not ``p``: WordPress numbers posts with it)."""
_PAGE_WORD = r"(?:page|seite|pagina|strona|sivu|side|pag)"
_PAGE_SUFFIX = re.compile(
    rf"^(?P<stem>.+?)(?:(?P<worded>/{_PAGE_WORD}[/_-]?|[_,.-](?:{_PAGE_WORD}|p)[/_-]?)|(?P<bare>/))"
    r"(?P<number>\d{1,3})(?P<ext>\.[a-z]{2,5})?/?$", re.I)
"""A page number at the end of a path: after a page word (``/seite-2``, ``-p2.html``,
``/page/2``) or as a path segment of its own (``/2/``, a bare number of 2 or more). A number
joined by a hyphen alone (``/eu-summit-2/``: WordPress's second post of that name), to other
digits (``/news/45127``) or to ``part`` (``-part-2/``: the second article of a series)
numbers no page."""


@dataclass(frozen=True)
class _Numbered:
    """A URL read as ``(article, number)``: ``article`` the URL without its page number (scheme,
    host and port, path without a trailing ``/``, the other query parameters), ``number`` 1
    when it has none; ``bare``: the number is a path segment of its own (``/2/``), which an
    article id may be too."""

    article: tuple
    number: int
    bare: bool = False


def _numbered(url: str) -> _Numbered:
    parts = urlsplit(url)
    query = parse_qsl(parts.query)
    rest = tuple((k, v) for k, v in query if k.lower() not in PAGE_PARAMS)
    numbers = [int(v) for k, v in query if k.lower() in PAGE_PARAMS and v.isdecimal() and len(v) <= 3]
    path = parts.path.rstrip("/")
    site = (parts.scheme.lower(), parts.netloc.lower())
    if numbers:
        return _Numbered((site, path, rest), numbers[0])
    found = _PAGE_SUFFIX.match(path)
    if found and int(found.group("number")) >= (2 if found.group("bare") else 1):
        stem = found.group("stem") + (found.group("ext") or "")
        return _Numbered((site, stem.rstrip("/"), rest), int(found.group("number")), bool(found.group("bare")))
    return _Numbered((site, path, rest), 1)


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
    """The :class:`PageLinks` of ``page``, read from its ``rel=next``/``rel=prev``/``rel=first``
    links (``<link>`` in the head, or ``<a>`` in a pager) that lead to the same article (same
    scheme, host and port) with another page number (a page parameter in the query,
    ``?page=2``, or a page suffix on the path, :data:`_PAGE_SUFFIX`). The page is a later page
    when its own URL carries a page number of 2 or more and one of those links confirms it
    (for a bare path segment, ``/3/``, which may be an article id, only a link to the first
    page does); its first page is the ``rel=first`` link when there is one, else the link
    numbered 1, else its URL without the number; its next page the ``rel=next`` link with the
    lowest number above its own. Links to other articles ("next
    story"), comment pages and WordPress post numbers are no pages of the article."""
    own = page.url
    mine = _numbered(own)
    links = []  # (rels, url, numbered) of every rel=next/prev/first link
    for el in page.elements("link", "a"):
        rel = el.get("rel")
        rels = set(rel.lower().split()) if rel else set()
        if not {"next", "prev", "first"} & rels or el.get("href") is None:
            continue
        url = absolute(el.get("href"), own)
        if url and url != own:
            links.append((rels, url, _numbered(url)))
    number, first = 1, None
    if mine.number >= 2:
        related = [(rels, url, n) for rels, url, n in links if n.article == mine.article]
        to_first = ([url for rels, url, n in related if "first" in rels]
                    + [url for rels, url, n in related if n.number == 1 and "first" not in rels])
        if to_first or (related and not mine.bare):
            number = mine.number
            first = to_first[0] if to_first else _first_url(own, mine)
        else:  # a number that is no page's (an article id): the page is an article of its own
            parts = urlsplit(own)
            mine = _Numbered((mine.article[0], parts.path.rstrip("/"), mine.article[2]), 1)
    following = sorted((n.number, url) for rels, url, n in links
                       if "next" in rels and n.article == mine.article and n.number > number)
    return PageLinks(number, first, following[0][1] if following else None)


def _first_url(own: str, numbered: _Numbered) -> str:
    """The URL of the first page of the article ``own`` (read as ``numbered``) is a later page
    of: its URL without the page number, ending in ``/`` when ``own`` does."""
    parts = urlsplit(own)
    _, path, rest = numbered.article
    trailing = "/" if parts.path.endswith("/") and not path.endswith("/") else ""
    return urlunsplit((parts.scheme, parts.netloc, (path or "") + trailing or "/", urlencode(rest), ""))


def article_key(url: str) -> tuple:
    """What identifies the article whose first page is ``url``: its scheme, host and port,
    path (without a trailing ``/``) and query, a page number in the query or after a page
    word left out (``/story``, ``/story/`` and ``/story?page=1`` give the same key; a bare
    number, ``/news/12``, is kept: there it names the article)."""
    numbered = _numbered(url)
    if not numbered.bare:
        return numbered.article
    site, _, rest = numbered.article
    return site, urlsplit(url).path.rstrip("/"), rest


def same_article(url: str, other: str) -> bool:
    """``url`` and ``other`` are pages of one article, page numbers aside (:data:`_PAGE_SUFFIX`,
    :data:`PAGE_PARAMS`): a page fetched as an article's next page that redirected elsewhere is
    not."""
    return _numbered(url).article == _numbered(other).article


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
