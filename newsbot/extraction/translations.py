"""Translations of a page: its ``<link rel="alternate" hreflang>`` alternates.

Source: the hreflang annotation of HTML (https://developers.google.com/search/docs/specialty/international/localized-versions).
Pure function of a parsed :class:`~newsbot.extraction.page.Page`.
"""
from __future__ import annotations

from .page import Page
from .urls import absolute, fingerprint


def translations(page: Page, *own_urls: str, fallback: dict | None = None) -> list[dict[str, str]]:
    """``[{"language": hreflang, "url": absolute URL}, ...]`` of the page's alternates in other
    languages, in the page's order: one shape whatever the languages, so that a table of records
    (pandas, DuckDB, Parquet) gets one column type.

    Input: the parsed page, the page's own URLs (final URL, canonical URL) and ``fallback``
    (``{hreflang: URL}``, e.g. a sitemap's ``xhtml:link`` alternates) used when the page
    declares none. Alternates pointing at the page itself (same fingerprint: scheme, ``www.``,
    tracking parameters and trailing slash ignored) and ``x-default`` are left out; the first
    URL given for a language wins; language tags are kept as written (``de``, ``pt-BR``).
    ``[]`` when there are none."""
    pairs = []
    for el in page.elements("link"):
        if "alternate" in (el.get("rel") or "").lower().split() and el.get("hreflang"):
            pairs.append((el.get("hreflang"), el.get("href")))
    if not pairs and fallback:
        pairs = list(fallback.items())
    own = {fingerprint(u) for u in own_urls if u}
    out: dict[str, str] = {}
    for lang, href in pairs:
        lang = (lang or "").strip()
        if not lang or lang.lower() == "x-default" or lang in out:
            continue
        url = absolute(href, page.url)
        if url and fingerprint(url) not in own:
            out[lang] = url
    return [{"language": lang, "url": url} for lang, url in out.items()]
