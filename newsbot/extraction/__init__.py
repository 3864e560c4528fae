"""Article extraction: pure functions from a page's bytes to the fields of a record.

No Scrapy import: the item pipelines and the ``newsbot evaluate`` command call the same
:func:`extract_article`. The fields and their extractors are declared once, in
:data:`newsbot.extraction.record.FIELDS`.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from .hints import NO_HINTS, Hints
from .page import Page
from .pagination import PageLinks
from .record import FIELDS, Fields
from .rules import GENERIC, ExtractionRules

__all__ = ["Extraction", "ExtractionRules", "FIELDS", "GENERIC", "Hints", "extract_article"]


@dataclass
class Extraction:
    """Result of :func:`extract_article`.

    ``record``: every extracted field of :data:`~newsbot.extraction.record.FIELDS` in record
    order (``id``, ``url``, ``canonical_url``, ``language``, ``title``, ``date_published`` …
    ``original_url``; dates as ISO 8601 strings with offset); missing values are ``None`` or
    ``[]``. ``provenance``: ``{field: layer}`` for every field found. ``is_article``: False for
    section fronts, tag/author pages and other non-articles, ``kind`` why
    (:func:`~newsbot.extraction.kind.page_kind`'s reason: ``listing``, ``media``,
    ``no_evidence``…). ``encoding``: the charset the bytes
    were decoded with. ``jsonld_errors``: JSON-LD blocks that did not parse (skipped; counted by
    the pipeline in ``newsbot/malformed/jsonld``). ``pages``: where the page sits in an
    article printed over several (its number, the first page's and the next page's URLs), for
    the crawl to join them (:func:`~newsbot.extraction.pagination.join_pages`).
    """

    record: dict
    provenance: dict = field(default_factory=dict)
    is_article: bool = True
    kind: str = "typed"
    encoding: str = "utf-8"
    jsonld_errors: int = 0
    pages: PageLinks = field(default_factory=PageLinks)


def extract_article(html: bytes | str, url: str, hints: Hints | None = None,
                    rules: ExtractionRules | None = None, content_type: str | None = None,
                    non_article: bool = False, domains: tuple[str, ...] = ()) -> Extraction:
    """Extract one article page.

    Input: ``html`` (bytes, decoded by ``content_type``'s charset, BOM, ``<meta charset>`` or
    detection; or str), ``url`` (the final URL), ``hints`` (:class:`Hints` from discovery:
    feed/sitemap dates, title, the edition's language, translations, machine translation),
    ``rules`` (the portal layout's; :data:`GENERIC` when ``None``), ``non_article`` (the URL
    is known to be a listing, video or podcast page) and ``domains`` (the portal's domains: a
    canonical URL there is the page's own, as one on the page's own site is). Output: an :class:`Extraction`. Never
    raises on bad HTML: a page that yields nothing gives a record of ``None`` fields.
    """
    with collector_paused():
        return _extract(Page(html, url, content_type), rules or GENERIC, hints or NO_HINTS, non_article, domains)


def _extract(page: Page, rules: ExtractionRules, hints: Hints, non_article: bool,
             domains: tuple[str, ...]) -> Extraction:
    fields = Fields(page, rules, hints, non_article, domains)
    record = fields.record()
    return Extraction(record=record, provenance=fields.provenance, is_article=fields.is_article,
                      kind=fields.kind[1], encoding=page.encoding, jsonld_errors=page.jsonld_errors, pages=fields.pages)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector held off inside the ``with`` block, when it runs.

    A page's objects (lxml's element proxies, blocks, feature dicts: thousands a page) die by
    reference counting when the page is done. Left running, the collector walks them every 700
    container allocations, several times a page, finds next to nothing to free, and moves them
    into its older generations, which its full collections then walk again. Held off for one
    page, the allocations it counts are mostly given back by the time it runs again, so a
    collection after the page has few objects left to walk (a page's cycles, if any, are freed
    then). A collector already off (the caller's choice) is left off; the records are the same
    either way. Process-wide: a thread extracting another page meanwhile runs with it off too,
    and the first to finish turns it back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
