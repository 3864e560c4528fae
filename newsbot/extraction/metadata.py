"""The descriptive fields: section, bylines, tags and language, from the portal's selectors,
JSON-LD, meta tags and the page's markup."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .content import is_boilerplate
from .values import ld_text, select_values, unique

if TYPE_CHECKING:
    from .record import Fields


def section(f: Fields) -> tuple[str | None, str | None]:
    """Section name: portal selector, JSON-LD ``articleSection``, ``article:section`` /
    ``section`` / ``content_category`` meta, then the breadcrumb's last item before the article;
    a raw slug the portal names in ``section_names`` is replaced by its name."""
    value, layer = _section(f)
    return f.rules.section_name(value), layer


def _section(f: Fields) -> tuple[str | None, str | None]:
    page, rules = f.page, f.rules
    for value in select_values(page, rules.css("section")):
        if not is_boilerplate(value, rules):
            return value, "portal"
    value = ld_text(page.article_ld.get("articleSection"))
    if value:
        return value, "jsonld"
    value = page.meta_first("article:section", "section", "parsely-section", "cxenseparse:recs:category",
                            "content_category")
    if value:
        return value, "meta"
    for crumbs in page.ld_of_type("BreadcrumbList"):
        items = crumbs.get("itemListElement") or []
        names = [ld_text(i.get("name") or (i.get("item") or {}).get("name") if isinstance(i.get("item"), dict) else i.get("name"))
                 for i in items if isinstance(i, dict)]
        names = [n for n in names if n]
        if len(names) >= 2:
            return (names[-2] if len(names) >= 3 else names[-1]), "jsonld"
    return None, None


def authors(f: Fields) -> tuple[list[str], str | None]:
    """Bylines as a list of names: portal selector, JSON-LD ``author``, ``author`` /
    ``article:author`` meta. URLs and duplicates are dropped."""
    page = f.page
    portal = unique(select_values(page, f.rules.css("authors")))
    if portal:
        return portal, "portal"
    raw = page.article_ld.get("author")
    items = raw if isinstance(raw, list) else [raw] if raw else []
    names = unique(ld_text(a) for a in items)
    if names:
        return names, "jsonld"
    names = unique(page.meta.get("author", []) + page.meta.get("article:author", []))
    if names:
        return names, "meta"
    return [], None


def tags(f: Fields) -> tuple[list[str], str | None]:
    """Topic keywords: portal selector (a ``<meta>`` match is split on commas), ``article:tag``
    meta, JSON-LD ``keywords``, then the ``news_keywords`` / ``keywords`` meta split on commas."""
    page = f.page
    portal = unique(select_values(page, f.rules.css("tags"), split_meta=True))
    if portal:
        return portal, "portal"
    values = page.meta.get("article:tag", [])
    if values:
        return unique(values), "meta"
    kw = page.article_ld.get("keywords")
    if kw:
        items = kw if isinstance(kw, list) else kw.split(",") if isinstance(kw, str) else [kw]
        found = unique(ld_text(k) for k in items)
        if found:
            return found, "jsonld"
    value = page.meta_first("news_keywords", "keywords")
    if value:
        return unique(value.split(",")), "meta"
    return [], None


_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def normalize_language(value: str | None) -> str | None:
    """BCP 47 tag from ``de``, ``de_DE``, ``en-gb``; ``None`` when it is not a language tag."""
    if not value:
        return None
    parts = value.strip().replace("_", "-").split("-")
    parts[0] = parts[0].lower()
    parts[1:] = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    tag = "-".join(parts)
    return tag if _LANG.match(tag) else None


def language(f: Fields) -> tuple[str | None, str | None]:
    """Language tag from ``<html lang>``, ``content-language``, ``og:locale``, JSON-LD
    ``inLanguage``, then the language of the edition the link was found in (``hints.language``)."""
    page = f.page
    for layer, value in (("html", page.tree.get("lang") or page.tree.get("xml:lang")),
                         ("meta", page.meta_first("content-language", "og:locale", "language")),
                         ("jsonld", ld_text(page.article_ld.get("inLanguage"))),
                         ("hint", f.hints.language)):
        tag = normalize_language(value)
        if tag:
            return tag, layer
    return None, None
