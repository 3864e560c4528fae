"""The record: every field of an article record declared once.

:data:`FIELDS` is the one table of the record's fields, in record order. Each :class:`Field`
says its name, its JSON type (a JSON Schema fragment), what it means, how it is extracted
(a function of the page's :class:`Fields`, returning ``(value, layer)``) and from which
layers, its selector key in a portal file, whether it counts in the content hash of the
seen-store, whether its coverage is counted in the crawl stats and the default coverage floor
of the monitors. The JSON Schema (:mod:`newsbot.schema`), the item pipelines, the run stats,
the monitors, the seen-store and the portal file reader all read this table: adding a field
is one entry here and its extraction function.

Layers, in the usual order of trust: ``portal`` (the portal's selectors), ``jsonld``,
``meta`` (OpenGraph, ``article:*``, named meta tags), ``microdata``, ``html`` (generic
markup: ``<h1>``, ``<time>``, ``<link rel=canonical>``, figures), ``hint`` (feed, sitemap or
edition data), ``generic`` (the generic extractor, htmldate, trafilatura).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from . import content, date_fields, image, kind, metadata, title
from .hints import NO_HINTS, Hints
from .page import Page
from .pagination import PageLinks, page_links
from .paywall import has_partial_marker
from .rules import GENERIC, ExtractionRules
from .text import clean
from .translations import translations as page_translations
from urllib.parse import urlsplit

from .urls import absolute, fingerprint, names_a_section, same_site, strip_tracking

Extractor = Callable[["Fields"], tuple[Any, "str | None"]]


@dataclass(frozen=True)
class Field:
    """One record field.

    - ``name``; ``schema``: the JSON Schema of its value; ``doc``: its meaning (README table).
    - ``extract``: ``Fields -> (value, layer)``, or ``None`` for fields the crawl sets
      (``portal``, ``crawled_at``, ``revision``, ``provenance``).
    - ``layers``: the layers that may serve it, in order of preference (documentation and the
      coverage stats ``newsbot/field/<name>/<layer>``).
    - ``rule``: its selector key in a portal file's ``[selectors]`` (``None``: none).
    - ``content``: part of the seen-store's content hash (a change makes a new revision).
    - ``counted``: its coverage is counted per record in the crawl stats.
    - ``floor``: default monitor floor of its coverage (share 0..1 of the articles), or ``None``.
    - ``required``: always present in a record (JSON Schema ``required``).
    """

    name: str
    schema: dict
    doc: str
    extract: Extractor | None = None
    layers: tuple[str, ...] = ()
    rule: str | None = None
    content: bool = False
    counted: bool = False
    floor: float | None = None
    required: bool = True


_TEXT = {"type": ["string", "null"], "minLength": 1}
_DATETIME = {"type": ["string", "null"], "format": "date-time",
             "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"}
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_URL = {"type": "string", "pattern": "^https?://"}
QUALITY_FLAGS = {
    "mt_number_lost": '"XNUMX" placeholders of machine translation in the title or body',
    "partial": "paywalled or cut body (a paywall, or a page too large to read whole)",
    "paginated": "an article printed over several pages (`rel=next`/`prev` links to the same article with "
                 "a page number): a crawl joins the bodies of its pages, in order, into the first page's record "
                 "(`partial` too when a page could not be read); one page extracted alone holds its part",
    "no_date": "no publication date found",
    "day_only": "the page, feed and sitemap give the day of publication, not its time: "
                "date_published is midnight in the portal's time zone",
    "offset_assumed": "the sources give the time of publication without a UTC offset, the page prints none "
                      "with its other dates and no portal file names a time zone: date_published reads that "
                      "time as UTC, which may be hours off",
}


class Fields:
    """One page's extraction in progress: ``page`` (the parsed :class:`Page`), ``rules`` (the
    portal layout's :class:`ExtractionRules`), ``hints`` (:class:`Hints` from discovery) and
    ``non_article`` (the URL is known to be a listing, video or podcast page). ``f[name]`` is
    the value of field ``name``, extracted on first use; ``domains``: the portal's registrable
    domains (a canonical URL on them is the page's own) (an extractor may read other fields:
    the title reads the section, the body the title and lead); ``provenance`` maps each field
    found to its layer; :meth:`once` memoizes intermediate results shared by extractors."""

    def __init__(self, page: Page, rules: ExtractionRules = GENERIC, hints: Hints = NO_HINTS,
                 non_article: bool = False, domains: tuple[str, ...] = ()):
        self.page, self.rules, self.hints, self.non_article = page, rules, hints, non_article
        self.domains = domains
        self.provenance: dict[str, str] = {}
        self._values: dict[str, Any] = {}
        self._memo: dict[str, Any] = {}

    def __getitem__(self, name: str):
        if name not in self._values:
            value, layer = BY_NAME[name].extract(self)
            self._values[name] = value
            if layer and value not in (None, [], {}):
                self.provenance[name] = layer
        return self._values[name]

    def once(self, name: str, compute: Callable[[Fields], Any]):
        """``compute(self)``, computed on the first call for ``name`` and kept."""
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]

    def record(self) -> dict:
        """Every extracted field, in record order."""
        return {f.name: self[f.name] for f in FIELDS if f.extract is not None}

    @property
    def kind(self) -> tuple[bool, str]:
        """``(is_article, reason)``: what the page's content says it is
        (:func:`newsbot.extraction.kind.page_kind`), computed once."""
        return self.once("kind", kind.page_kind)

    @property
    def pages(self) -> PageLinks:
        """Where the page sits in an article printed over several
        (:func:`newsbot.extraction.pagination.page_links`), computed once."""
        return self.once("pages", lambda f: page_links(f.page))

    @property
    def is_article(self) -> bool:
        """False for section fronts, tag/author pages and other non-articles (:attr:`kind`)."""
        return self.kind[0]


# --- the fields the crawl does not extract, and the small ones -------------------------------

def _canonical_url(f: Fields):
    """``<link rel=canonical>``, else ``og:url``, else the page's URL; tracking removed. A
    canonical URL counts only on the page's own site or the portal's domains
    (:func:`~newsbot.extraction.urls.same_site`: a page elsewhere naming a portal story's URL
    does not take that story's identity), and never when it is the site's home page (which
    would merge every article into one), nor a section the page's address lies under
    (:func:`~newsbot.extraction.urls.names_a_section`). Layer ``html`` or ``meta``, and ``url``
    for the page's own URL (the field is never empty, so its coverage never reads as missing)."""
    link = next((clean(el.get("href")) for el in f.page.elements("link")
                 if "canonical" in (el.get("rel") or "").lower().split()), None)
    for layer, value in (("html", link), ("meta", f.page.meta_first("og:url"))):
        url = absolute(value, f.page.url)
        if url and same_site(url, f.page.url, f.domains) and not names_a_section(url, f.page.url) \
                and (urlsplit(url).path.strip("/") != "" or urlsplit(url).query):
            return strip_tracking(url), layer
    return strip_tracking(f.page.url), "url"


def _id(f: Fields):
    """The fingerprint of the canonical URL (:func:`~newsbot.extraction.urls.fingerprint`)."""
    return fingerprint(f["canonical_url"]), None


def _url(f: Fields):
    """The page's final URL without tracking parameters."""
    return strip_tracking(f.page.url), None


def _iso(extract: Extractor) -> Extractor:
    def iso(f: Fields):
        value, layer = extract(f)
        return (value.replace(microsecond=0).isoformat() if value else None), layer
    iso.__doc__ = extract.__doc__
    return iso


MT_NUMBER_LOST = re.compile(r"\bXNUMX\b")


def _quality_flags(f: Fields):
    """The :data:`QUALITY_FLAGS` that hold for the page, in that order."""
    flags = []
    text = (f["title"] or "") + "\n" + (f["body"] or "")
    if "XNUMX" in text and MT_NUMBER_LOST.search(text):  # the word-bounded search is slow on a whole body
        flags.append("mt_number_lost")
    if content.paragraphs(f)[2] or has_partial_marker(f.page, f.rules) or f.page.cut:
        flags.append("partial")
    if f.pages.several:
        flags.append("paginated")
    when = date_fields.published(f)[0]
    if when is None:
        flags.append("no_date")
    elif not when.has_time:
        flags.append("day_only")
    elif not when.has_offset and not f.rules.names_zone:
        flags.append("offset_assumed")
    return flags, None


def _translations(f: Fields):
    """The page's hreflang alternates, else the sitemap's (:mod:`newsbot.extraction.translations`)."""
    return page_translations(f.page, f.page.url, f["canonical_url"], fallback=f.hints.translations), None


def _machine_translated(f: Fields):
    """True for a page of a machine-translated edition (discovery says so)."""
    return bool(f.hints.machine_translated), None


def _original_url(f: Fields):
    """For a machine-translated page, its original's URL (discovery gives it)."""
    return (f.hints.original_url if f.hints.machine_translated else None), None


FIELDS: tuple[Field, ...] = (
    Field("id", {"type": "string", "pattern": "^[0-9a-f]{40}$"},
          "SHA-1 fingerprint of the canonical URL (scheme, `www.` and tracking parameters ignored)", _id),
    Field("url", _URL, "final URL, tracking parameters (`utm_*`, `fbclid`…) removed", _url),
    Field("canonical_url", _URL, "`<link rel=canonical>` / `og:url`, else `url`", _canonical_url,
          ("html", "meta", "url"), counted=True),
    Field("portal", {"type": "string", "minLength": 1}, "spider name"),
    Field("language", {"type": ["string", "null"], "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
          "BCP 47 tag (`de`, `en-GB`)", metadata.language, ("html", "meta", "jsonld", "hint", "generic"),
          counted=True, floor=0.95),
    Field("title", {"type": "string", "minLength": 1}, "headline as printed", title.title,
          ("portal", "jsonld", "html", "meta", "hint"), rule="title", content=True, counted=True, floor=1.0),
    Field("date_published", _DATETIME, "ISO 8601 with UTC offset, to the second when the page gives a time; a day alone is "
          "midnight in the portal's time zone, and the record is flagged `day_only`",
          _iso(date_fields.date_published), ("portal", "jsonld", "meta", "microdata", "html", "hint", "generic"),
          rule="date", content=True, counted=True, floor=1.0),
    Field("date_modified", _DATETIME, "same format", _iso(date_fields.date_modified),
          ("jsonld", "meta", "microdata", "html", "hint"), counted=True),
    Field("section", _TEXT, "the portal's section", metadata.section, ("portal", "jsonld", "meta", "html"),
          rule="section", content=True, counted=True, floor=0.95),
    Field("lead", _TEXT, "standfirst / summary", content.lead, ("portal", "html", "jsonld", "meta"),
          rule="lead", content=True, counted=True),
    Field("body", {"type": "string", "minLength": 1},
          "lead, sub-headings and paragraphs in reading order, separated by one blank line",
          content.body, ("portal", "jsonld", "generic"), rule="body", content=True, counted=True, floor=1.0),
    Field("authors", _STRINGS, "bylines", metadata.authors, ("portal", "jsonld", "meta", "microdata", "html"),
          rule="authors", content=True, counted=True),
    Field("tags", _STRINGS, "topic keywords", metadata.tags, ("portal", "meta", "jsonld", "html"),
          rule="tags", content=True, counted=True),
    Field("image", {"type": ["string", "null"], "pattern": "^https?://"},
          "the article's main image: absolute URL, or null", image.image,
          ("portal", "jsonld", "meta", "microdata", "html"), rule="image", counted=True),
    Field("quality_flags", {"type": "array", "items": {"enum": list(QUALITY_FLAGS)}},
          "; ".join(f"`{k}` ({v})" for k, v in QUALITY_FLAGS.items()), _quality_flags),
    Field("translations", {"type": "array", "items": {
              "type": "object", "additionalProperties": False, "required": ["language", "url"],
              "properties": {"language": {"type": "string", "minLength": 1}, "url": _URL}}},
          "list of `{language, url}` objects: the page in other languages, from its `hreflang` alternates "
          "(else the sitemap's)", _translations, required=False),
    Field("machine_translated", {"type": "boolean"},
          "true for pages of machine-translated editions (EU Reporter's subdomains)", _machine_translated,
          required=False),
    Field("original_url", {"type": ["string", "null"], "pattern": "^https?://"},
          "for those, the original edition's URL with the same path", _original_url, required=False),
    Field("crawled_at", {"type": "string", "format": "date-time",
                         "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$"},
          "when the page was processed, UTC"),
    Field("revision", {"type": "integer", "minimum": 1},
          "1 when first written; a later run that finds the article changed writes it again with the next number",
          required=False),
    Field("provenance", {"type": "object", "additionalProperties": {"type": "string"}},
          "only with `-s NEWSBOT_PROVENANCE=true`: the layer that served each field", required=False),
)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
COUNTED: tuple[str, ...] = tuple(f.name for f in FIELDS if f.counted)
CONTENT: tuple[str, ...] = tuple(f.name for f in FIELDS if f.content)
RULE_KEYS: dict[str, str] = {f.rule: f.name for f in FIELDS if f.rule}
"""Selector key of a portal file → record field."""
FLOORS: dict[str, float] = {f.name: f.floor for f in FIELDS if f.floor is not None}
