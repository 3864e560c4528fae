"""Article extraction: pure functions from a page's HTML to the fields of a record.

No Scrapy import: the item pipelines and the ``newsbot evaluate`` command call the same
:func:`extract_article`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import fields
from .dates import iso
from .page import Page
from .rules import GENERIC, ExtractionRules
from .text import clean, key
from .paywall import has_partial_marker
from .translations import translations
from .urls import absolute, fingerprint, strip_tracking

__all__ = ["Extraction", "ExtractionRules", "extract_article", "GENERIC"]

MT_NUMBER_LOST = re.compile(r"\bXNUMX\b")


@dataclass
class Extraction:
    """Result of :func:`extract_article`.

    ``record``: the record's extracted fields (``id``, ``url``, ``canonical_url``, ``language``,
    ``title``, ``date_published``, ``date_modified`` as ISO 8601 strings with offset,
    ``section``, ``lead``, ``body``, ``authors``, ``tags``, ``quality_flags``, ``translations``
    ({hreflang: URL}), ``machine_translated`` (bool), ``original_url``); missing values
    are ``None`` or ``[]``. ``provenance``: ``{field: layer}`` for every field found.
    ``is_article``: False for section fronts, tag/author pages and other non-articles.
    ``encoding``: the charset the bytes were decoded with. ``jsonld_errors``: JSON-LD blocks
    that did not parse (skipped; counted by the pipeline in ``newsbot/malformed/jsonld``).
    """

    record: dict
    provenance: dict = field(default_factory=dict)
    is_article: bool = True
    encoding: str = "utf-8"
    jsonld_errors: int = 0


def _join_body(title: str | None, lead: str | None, paragraphs: list[str]) -> str | None:
    if title and paragraphs and key(paragraphs[0]) == key(title):
        paragraphs = paragraphs[1:]  # the headline repeated by the generic extractor
    if lead:
        first = key(paragraphs[0]) if paragraphs else ""
        lk = key(lead)
        if not paragraphs or not (first == lk or first.startswith(lk) or lk.startswith(first)):
            paragraphs = [lead] + paragraphs
    return "\n\n".join(paragraphs) or None


def extract_article(html: bytes | str, url: str, hints: dict | None = None,
                    rules: ExtractionRules | None = None, content_type: str | None = None,
                    non_article: bool = False) -> Extraction:
    """Extract one article page.

    Input: ``html`` (bytes, decoded by ``content_type``'s charset, BOM, ``<meta charset>`` or
    detection; or str), ``url`` (the final URL), ``hints`` from discovery (``published``,
    ``modified``: date strings; ``language``: the edition's BCP 47 tag; ``translations``:
    {hreflang: URL} used when the page has no alternates; ``machine_translated`` and
    ``original_url`` for machine-translated editions), ``rules`` (the
    portal's; :data:`GENERIC` when ``None``) and ``non_article`` (the URL is known to be a
    listing, video or podcast page). Output: an :class:`Extraction`. Never raises on bad
    HTML: a page that yields nothing gives a record of ``None`` fields.
    """
    hints = hints or {}
    rules = rules or GENERIC
    page = Page(html, url, content_type)
    prov: dict[str, str] = {}

    def take(name, result):
        value, layer = result[0], result[1]
        if layer and value not in (None, []):
            prov[name] = layer
        return value

    canonical = None
    for layer, link in (("html", _canonical_link(page)), ("meta", page.meta_first("og:url"))):
        canonical = absolute(link, url)
        if canonical:
            prov["canonical_url"] = layer
            break
    canonical = strip_tracking(canonical or url)

    section = fields.section(page, rules)
    title = take("title", fields.title(page, rules, section[0]))
    published = take("date_published", fields.date_published(page, rules, hints))
    modified = take("date_modified", fields.date_modified(page, rules, hints))
    lead = take("lead", fields.lead(page, rules, title))
    paragraphs, body_layer, partial = fields.body(page, rules, title)
    if body_layer:
        prov["body"] = body_layer
    body = _join_body(title, lead, paragraphs)
    record = {
        "id": fingerprint(canonical),
        "url": strip_tracking(url),
        "canonical_url": canonical,
        "language": take("language", fields.language(page, hints)),
        "title": title,
        "date_published": iso(published),
        "date_modified": iso(modified),
        "section": take("section", section),
        "lead": lead,
        "body": body,
        "authors": take("authors", fields.authors(page, rules)),
        "tags": take("tags", fields.tags(page, rules)),
    }
    flags = []
    if MT_NUMBER_LOST.search((title or "") + "\n" + (body or "")):
        flags.append("mt_number_lost")
    if partial or has_partial_marker(page, rules):
        flags.append("partial")
    if published is None:
        flags.append("no_date")
    record["quality_flags"] = flags
    record["translations"] = translations(page, url, canonical, fallback=hints.get("translations"))
    record["machine_translated"] = bool(hints.get("machine_translated"))
    record["original_url"] = hints.get("original_url") if record["machine_translated"] else None
    is_article = not non_article and (
        page.is_article_typed or len(paragraphs) >= 3 and sum(map(len, paragraphs)) >= 500
    )
    return Extraction(record=record, provenance=prov, is_article=is_article, encoding=page.encoding,
                      jsonld_errors=page.jsonld_errors)


def _canonical_link(page: Page) -> str | None:
    for el in page.tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            return clean(el.get("href"))
    return None
