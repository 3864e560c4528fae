"""The date fields: publication and modification instants from the portal's selector,
JSON-LD, meta tags, ``<time>``, the discovery dates and htmldate, chosen by
:func:`newsbot.extraction.dates.choose`."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from . import dates
from .page import Page
from .values import ld_text, select_values

if TYPE_CHECKING:
    from .record import Fields


_PUBLISHED_META = ("article:published_time", "article:published:time", "date.available", "og:published_time", "pubdate",
                   "publishdate", "publish-date", "datepublished", "dc.date.issued", "dc.date",
                   "dcterms.date", "sailthru.date", "parsely-pub-date", "date")
_MODIFIED_META = ("article:modified_time", "article:modified:time", "date.modified", "og:updated_time", "datemodified",
                  "dcterms.modified", "last-modified")


def _date_candidates(page, rules, ld_key, meta_names, hint_values):
    tz = rules.timezone
    out: list[tuple[str, dates.ParsedDate]] = []

    def add(layer, value):
        parsed = dates.parse_date(value, tz)
        if parsed:
            out.append((layer, parsed))

    for value in select_values(page, rules.css("date")) if ld_key == "datePublished" else []:
        add("portal", value)
    add("jsonld", ld_text(page.article_ld.get(ld_key)))
    if not page.article_ld.get(ld_key):
        for node in page.jsonld:  # a WebPage or other node carrying the article's dates
            if node.get(ld_key):
                add("jsonld", ld_text(node.get(ld_key)))
                break
    for name in meta_names:
        add("meta", page.meta_first(name))
    if ld_key == "datePublished":
        for el in page.tree.iter("time"):
            if el.get("datetime"):
                add("html", el.get("datetime"))
                break
    for value in hint_values:
        add("hint", value)
    return out


def date_published(f: Fields) -> tuple[datetime | None, str | None]:
    """Publication instant (aware ``datetime``). Sources by priority: portal selector, JSON-LD
    ``datePublished``, ``article:published_time`` and other meta, the first ``<time datetime>``,
    the feed/sitemap date (``hints.published``), then htmldate on the page text. A naive time
    on a page without portal rules takes the UTC offset the page prints with its other dates."""
    parsed, layer = published(f)
    return (parsed.value, layer) if parsed else (None, None)


def published(f: Fields) -> tuple[dates.ParsedDate | None, str | None]:
    """The chosen publication date as a :class:`~newsbot.extraction.dates.ParsedDate` (which
    says whether the sources gave a time), and its layer; computed once per page."""
    return f.once("published", _published)


def _published(f: Fields) -> tuple[dates.ParsedDate | None, str | None]:
    page, rules = f.page, f.rules
    cands = _date_candidates(page, rules, "datePublished", _PUBLISHED_META, [f.hints.published])
    if not any(c.has_time for _, c in cands):
        found = _htmldate(page)
        if found:
            # htmldate prints a day it found without a time as midnight: that is a day only
            parsed = dates.parse_date(found[:10] if found.endswith(" 00:00:00") else found, rules.timezone)
            if parsed:
                cands.append(("generic", parsed))
    chosen = dates.choose(cands)
    if chosen and chosen[1].has_time and not chosen[1].has_offset and rules.timezone == "UTC":
        offset = _page_offset(page)
        if offset is not None:
            local = chosen[1].value.replace(tzinfo=offset)
            chosen = (chosen[0], dates.ParsedDate(local, True, True))
    return (chosen[1], chosen[0]) if chosen else (None, None)


def _page_offset(page: Page):
    """The UTC offset (``tzinfo``) the page itself prints with any other date (JSON-LD dates,
    date meta tags, ``<time datetime>``), or ``None``: a naive time on a page without portal
    rules is read in the page's own offset rather than an assumed zone."""
    values = []
    for node in page.jsonld:
        values += [node.get(k) for k in ("datePublished", "dateModified", "dateCreated", "uploadDate")]
    for name in _PUBLISHED_META + _MODIFIED_META:
        values += page.meta.get(name, [])
    values += [el.get("datetime") for el in page.tree.iter("time")]
    for value in values:
        parsed = dates.parse_date(ld_text(value) if not isinstance(value, str) else value)
        if parsed and parsed.has_offset:
            return parsed.value.tzinfo
    return None


def _htmldate(page: Page) -> str | None:
    try:
        from htmldate import find_date

        # the parsed tree, not the text: no second parse (htmldate copies what it cleans)
        return find_date(page.tree, url=page.url, original_date=True, outputformat="%Y-%m-%d %H:%M:%S",
                         extensive_search=True)
    except Exception:  # htmldate raises on broken documents
        return None


def date_modified(f: Fields) -> tuple[datetime | None, str | None]:
    """Last-modified instant from JSON-LD ``dateModified``, modified-time meta, then the
    feed's or sitemap's modification date (``hints.modified``: Atom ``<updated>``, sitemap
    ``<lastmod>``); ``None`` if absent."""
    chosen = dates.choose(_date_candidates(f.page, f.rules, "dateModified", _MODIFIED_META, [f.hints.modified]))
    return (chosen[1].value, chosen[0]) if chosen else (None, None)
