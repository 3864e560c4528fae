"""Reading values off a parsed page: an element's text, the first matching portal selector,
a JSON-LD value as text, a de-duplicated list of names. Shared by the field extractors."""
from __future__ import annotations

import html as html_lib

from .page import ARTICLE_TYPES, Page
from .text import clean, key, unescape_entities


def text_of(el) -> str:
    """Visible text of an element: scripts, styles and templates skipped, ``<br>`` as space."""
    parts: list[str] = []

    def walk(node):
        if isinstance(node.tag, str) and node.tag in ("script", "style", "noscript", "template"):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag == "br":
            parts.append(" ")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    return "".join(parts)


def value_of(el) -> str | None:
    """The value an element holds: ``content`` of a ``<meta>``, ``datetime`` of a ``<time>``,
    ``src`` of an ``<img>``, else its visible text; ``None`` when empty."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "meta":
        return clean(el.get("content"))
    if tag == "time" and el.get("datetime"):
        return clean(el.get("datetime"))
    if tag == "img":
        return clean(el.get("src"))
    return clean(text_of(el))


def select_values(page: Page, selectors: tuple[str, ...], split_meta: bool = False) -> list[str]:
    """Values of the elements matching the first of ``selectors`` that matches any element
    with a value (``[]`` when none does). With ``split_meta``, a ``<meta>`` value is a
    comma-separated list (``keywords``) and gives one value an item."""
    for css in selectors:
        values = []
        for el in page.select(css):
            value = value_of(el)
            if value and split_meta and el.tag == "meta":
                values += [v for v in (clean(x) for x in value.split(",")) if v]
            elif value:
                values.append(value)
        if values:
            return values
    return []


def ld_text(value, depth: int = 0) -> str | None:
    """Text of a JSON-LD value: a string, the first textual item of a list, or the ``name`` /
    ``@value`` of an object (nested up to 3 levels), HTML entities decoded (those escaped twice
    too: :func:`~newsbot.extraction.text.unescape_entities`); ``None`` for numbers, booleans
    and anything else that is not text (never a Python ``repr``)."""
    if depth > 3:
        return None
    if isinstance(value, list):
        return next((t for t in (ld_text(v, depth + 1) for v in value) if t), None)
    if isinstance(value, dict):
        return ld_text(value.get("name"), depth + 1) or ld_text(value.get("@value"), depth + 1)
    return clean(unescape_entities(html_lib.unescape(value))) if isinstance(value, str) else None


def in_aside(el) -> bool:
    """``el`` is inside an ``<aside>`` or a ``<nav>``, or a ``<footer>`` that is not an
    ``<article>``'s (where WordPress themes print a post's date and tags): a teaser's, a list's
    or a tag cloud's element, not the article's."""
    footer = False
    for ancestor in el.iterancestors():
        if ancestor.tag in ("aside", "nav"):
            return True
        if ancestor.tag == "article":
            return False
        footer = footer or ancestor.tag == "footer"
    return footer


_ARTICLE_SCOPES = ARTICLE_TYPES | {"creativework", "webpage"}


def of_the_article(el) -> bool:
    """A microdata property ``el`` belongs to the article: the item it is a property of (its
    nearest ancestor with ``itemscope``) is an article, a creative work (GeneratePress types its
    posts so) or a web page (schema.org types), or there is none; a review's, a comment's or a product's date is not the article's."""
    for ancestor in el.iterancestors():
        if ancestor.get("itemscope") is not None:
            kind = (ancestor.get("itemtype") or "").split()
            return not kind or kind[0].rstrip("/").rsplit("/", 1)[-1].casefold() in _ARTICLE_SCOPES
    return True


def unique(values) -> list[str]:
    """Cleaned, non-empty values in order, without case-insensitive duplicates or URLs."""
    seen, out = set(), []
    for v in values:
        v = clean(v)
        if v and key(v) not in seen and not v.startswith(("http://", "https://")):
            seen.add(key(v))
            out.append(v)
    return out
