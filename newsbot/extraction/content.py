"""The content fields: the standfirst (lead) and the body, read from the portal's body
containers, the generic extractor (:mod:`newsbot.extraction.generic`), JSON-LD ``articleBody``,
article HTML escaped in a script, or trafilatura as the last resort; boilerplate paragraphs
dropped and paywalls flagged."""
from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from .page import Page, ld_types
from .paywall import cut_by_paywall, paywall_boxes
from .rules import ExtractionRules
from .text import clean, key, squash, tokens
from .title import headline_element
from .generic.blocks import GOOD_MIN_CHARS
from .generic.prune import CONTAINER_DROP_NAME
from .values import ld_text, select_values, text_of
from .vocabulary import pattern

if TYPE_CHECKING:
    from .record import Fields


BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td"})
DROP_TAGS = frozenset({
    "script", "style", "noscript", "figure", "figcaption", "aside", "form", "button", "nav",
    "footer", "iframe", "svg", "template", "select", "textarea", "header", "input", "video", "audio",
})


@lru_cache(maxsize=64)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key(p) for p in phrases)


def is_boilerplate(text: str, rules: ExtractionRules) -> bool:
    """True when ``text`` is one of the portal's boilerplate phrases (compared by
    :func:`~newsbot.extraction.text.key`, exactly or as a prefix of 12 characters or more), or
    a line of page furniture of the generic vocabulary (its ``container_line`` category)."""
    return _is_boilerplate_key(key(text), rules)


def _is_boilerplate_key(k: str, rules: ExtractionRules) -> bool:
    """:func:`is_boilerplate` of a text whose :func:`~newsbot.extraction.text.key` is ``k``."""
    for p in _phrase_keys(rules.boilerplate):
        if k == p or (k.startswith(p) and len(p) >= 12):
            return True
    return bool(pattern("container_line").match(k))


def _excluded(el, stop) -> bool:
    node = el
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in DROP_TAGS or CONTAINER_DROP_NAME.search(node.get("class") or "") or node.get("hidden") is not None:
            return True
        node = node.getparent()
    return False


def block_paragraphs(container, exclude: set | None = None) -> list[tuple[str, str]]:
    """``(tag, text)`` of the block elements inside ``container`` in reading order.

    Blocks holding other blocks give way to their children; blocks under dropped tags
    (figure, aside, nav…), boilerplate classes (share, newsletter, caption…) or in ``exclude``
    are skipped."""
    out = []
    exclude = exclude or set()
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCK_TAGS:
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants()):
            continue
        if _excluded(el, container.getparent()) or any(a in exclude for a in el.iterancestors()) or el in exclude:
            continue
        text = clean(text_of(el))
        if text:
            out.append((el.tag, text))
    return out


def generic_body(f: Fields):
    """``(Body, headline element)``: the generic extractor's
    :class:`~newsbot.extraction.generic.Body` of the page, computed once per page (the headline
    anchors it on pages holding several articles)."""
    return f.once("generic_body", _generic_body)


def headline(f: Fields):
    """The element printing the page's headline (:func:`~newsbot.extraction.title.headline_element`
    of the title), or ``None``; found once per page."""
    return f.once("headline", lambda f: headline_element(f.page, f["title"]))


def _generic_body(f: Fields):
    from .generic import extract

    anchor = headline(f)
    return extract(f.page.tree, anchor, title=f["title"]), anchor


def lead(f: Fields) -> tuple[str | None, str | None]:
    """Standfirst: portal selector; without portal body rules, the element named like a
    standfirst between the headline and the body (:func:`~newsbot.extraction.generic.find_lead`);
    otherwise the JSON-LD / OpenGraph / meta description when the same text is printed in a
    ``<p>``, sub-heading (``<h2>``, ``<h3>``: Substack prints its subtitle so) or ``<div>`` of
    the page (so a SEO-only description is not taken for a lead)."""
    page, rules = f.page, f.rules
    portal = select_values(page, rules.css("lead"))
    if portal:
        return portal[0], "portal"
    if not rules.css("body"):
        from .generic import find_lead

        found, anchor = generic_body(f)
        value = find_lead(page.tree, found, anchor, page.declared_language)
        if value:
            return value, "html"
    wanted = {}
    for layer, value in (("jsonld", ld_text(page.article_ld.get("description"))),
                         ("meta", page.meta_first("og:description")),
                         ("meta", page.meta_first("description"))):
        if value and len(value) >= 40:
            wanted.setdefault(key(value), (value, layer))
    if not wanted:
        return None, None
    body = page.tree.find("body")
    for el in (body.iter("p", "h2", "h3", "div") if body is not None else ()):
        if len(el) >= 8 or el.getparent() is None:
            continue
        t = el.text_content()
        if t and 40 <= len(t) <= 2000:
            hit = wanted.get(key(t))
            if hit:
                return hit
    return None, None


def body(f: Fields) -> tuple[str | None, str | None]:
    """The body text: the lead (when the paragraphs do not open with it) and the paragraphs of
    :func:`paragraphs`, one blank line between them; the headline repeated as the first
    paragraph is left out, and so is a paragraph repeating a lead put in front of them (a
    standfirst the body prints again)."""
    found, layer, _ = paragraphs(f)
    title, lead_text = f["title"], f["lead"]
    if title and found and key(found[0]) == key(title):
        found = found[1:]  # the headline repeated by the generic extractor
    if lead_text:
        first = key(found[0]) if found else ""
        lk = key(lead_text)
        if not found or not (first == lk or first.startswith(lk) or lk.startswith(first)):
            found = _after_opening_lines(found, lk, _letters(title or ""))
            found = [lead_text] + [p for p in found if key(p) != lk]  # not twice
    return "\n\n".join(found) or None, layer


def _letters(text: str) -> str:
    """``text``'s letters and digits alone, case-folded: a line compared whatever its spaces and
    punctuation (``Kicker: Headline`` printed ``KickerHeadline``)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _after_opening_lines(found: list[str], lk: str, headline: str = "") -> list[str]:
    """``found`` without the short lines printed before the standfirst of key ``lk`` when it is
    one of its first paragraphs and they are the page's furniture (each under
    :data:`~newsbot.extraction.generic.lead.OPENING_LINE_CHARS` characters and no sentence, the
    lines :func:`~newsbot.extraction.generic.find_lead` reads past, a kicker, an organisation's
    name or a byline and date line, :func:`~newsbot.extraction.generic.lead.opening_furniture`):
    the text opens with the standfirst; so is a line holding the headline (``headline``, its
    :func:`_letters`: a kicker printed with it, glued or not). A quote or a sentence printed there stays in the text."""
    from .generic.lead import OPENING_LINE_CHARS, OPENING_LINES, _SENTENCE_END, opening_furniture

    for k, p in enumerate(found[:OPENING_LINES + 1]):
        if key(p) == lk:
            return [q for q in found[:k] if not (opening_furniture(q) or headline and headline in _letters(q))] + found[k:]
        if len(p) >= OPENING_LINE_CHARS or _SENTENCE_END.search(p):
            break
    return found


def paragraphs(f: Fields) -> tuple[list[str], str | None, bool]:
    """Body paragraphs (sub-headings included as their own paragraphs) in reading order, with
    the layer and whether the body is partial. Portal containers are read when they match;
    otherwise the generic extractor (:mod:`newsbot.extraction.generic`) reads the shared tree,
    JSON-LD ``articleBody`` replaces a printed body it holds whole and half again, a Next.js
    page's hydration JSON serves a client-rendered page whose HTML prints no paragraph of running
    text (:func:`_hydrated_body`), article HTML escaped in a script serves pages without
    paragraphs, and trafilatura is the last resort.
    Boilerplate paragraphs are dropped and a ``body_stop`` paragraph ends the body. Partial:
    a portal's ``partial_markers`` met, a paywall's offer box closing the printed paragraphs
    (:func:`~newsbot.extraction.paywall.paywall_boxes`, whose lines are dropped from the body),
    or ``isAccessibleForFree: false`` over a body that reads as cut
    (:func:`~newsbot.extraction.paywall.cut_by_paywall`), each without a fuller ``articleBody``.
    The headline anchors the generic container on pages with several articles. Computed once
    per page: ``(paragraphs, layer, partial)``."""
    return f.once("paragraphs", _paragraphs)


def _paragraphs(f: Fields) -> tuple[list[str], str | None, bool]:
    page, rules = f.page, f.rules
    paragraphs: list[str] = []
    layer = None
    containers = []
    last = None  # the element of the body's last paragraph, for the paywall's box after it
    for css in rules.css("body"):
        containers = page.select(css)
        if containers:
            break
    if containers:
        exclude = {el for css in rules.body_exclude for el in page.select(css)}
        seen = set()
        for container in containers:
            if any(a in seen for a in container.iterancestors()):
                continue
            seen.add(container)
            paragraphs += [t for _, t in block_paragraphs(container, exclude)]
        layer = "portal"
        last = next(iter(reversed(list(containers[-1].iter(*BLOCK_TAGS)))), containers[-1])
    cut = False
    if not paragraphs:
        found = generic_body(f)[0]
        paragraphs, cut = found.paragraphs, found.cut
        layer = "generic" if paragraphs else None
        last = found.blocks[-1].element if found.blocks else None
    if not rules.css("body"):
        fuller = _article_body_ld(page, paragraphs)
        if fuller:
            paragraphs, layer = fuller, "jsonld"
    if not rules.css("body") and not any(len(p) >= GOOD_MIN_CHARS for p in paragraphs):
        hydrated = _hydrated_body(f)
        if hydrated:
            paragraphs, layer = hydrated, "generic"
    if not paragraphs and not rules.css("body"):
        from .generic import embedded_html, extract_fragment

        markup = embedded_html(page.tree)
        paragraphs = extract_fragment(markup).paragraphs if markup else []
        layer = "generic" if paragraphs else None
    if not paragraphs and page.size <= TRAFILATURA_MAX_ELEMENTS:
        paragraphs = _trafilatura_body(page)
        layer = "generic" if paragraphs else None
    paragraphs, partial = _filter(paragraphs, rules)
    found_boxes = paywall_boxes(last) if layer in ("portal", "generic") and last is not None else []
    boxes = _closing(found_boxes, paragraphs)
    if boxes:  # the offer closing a cut text: its lines are no part of the body
        offer = {key(t) for box in boxes for _, t in block_paragraphs(box)}
        whole = " ".join(key(text_of(box)) for box in boxes)
        paragraphs = [p for p in paragraphs if (k := key(p)) not in offer and not (len(k) >= 20 and k in whole)]
    if layer != "jsonld" and cut_by_paywall(page, paragraphs) or cut or boxes:
        partial = True
    return paragraphs, (layer if paragraphs else None), partial


def _hydrated_body(f: Fields) -> list[str]:
    """The body a client-rendered page holds only in its hydration JSON
    (:func:`~newsbot.extraction.generic.embedded.hydration_body`), when the page's HTML does not
    print its text (its longest paragraph is not in the text of ``<body>``); ``[]`` otherwise."""
    from .generic.embedded import hydration_body

    found = hydration_body(f.page, f["title"])
    if not found:
        return []
    body = f.page.tree.find("body")
    printed = key(text_of(body)) if body is not None else ""
    return [] if key(max(found, key=len)) in printed else found


def _closing(boxes: list, paragraphs: list[str]) -> list:
    """The ``boxes`` no paragraph of ``paragraphs`` is printed after in document order: those
    closing the text, not an offer standing inside it that the whole text follows. The
    paragraphs of the boxes themselves (an offer box after a paywall's note) are none of the
    text's. One walk of the page: the last ``<p>`` of the text, then each box's end."""
    if not boxes:
        return []
    keys = {key(p) for p in paragraphs}
    inside = {e for b in boxes for e in b.iter("p")}
    root = boxes[0].getroottree().getroot()
    order: dict = {}
    last = -1
    for i, el in enumerate(root.iter()):
        order[el] = i
        if el.tag == "p" and el not in inside and key(text_of(el)) in keys:
            last = i
    return [b for b in boxes if last <= max(order.get(e, -1) for e in b.iter())]


def _article_body_ld(page: Page, paragraphs: list[str]) -> list[str] | None:
    """JSON-LD ``articleBody`` when it holds the printed paragraphs and at least half as much
    again (a body cut by a paywall or a "read more" button in the HTML); a ``LiveBlogPosting``
    without one gives its entries' (:func:`_live_updates_text`); ``None`` otherwise."""
    raw = page.article_ld.get("articleBody")
    if not isinstance(raw, str):
        raw = _live_updates_text(page.article_ld)
    if not isinstance(raw, str):
        return None
    text = html_lib.unescape(raw)
    if "<" in text and ">" in text:
        return None
    ld_tokens = tokens(text)
    printed = tokens(" ".join(paragraphs))
    if len(ld_tokens) < 1.5 * max(len(printed), 20):
        return None
    grams = list(zip(ld_tokens, ld_tokens[1:], ld_tokens[2:], ld_tokens[3:]))
    if len(set(grams)) < 0.8 * len(grams):
        return None  # the text repeated inside articleBody, not a fuller body
    ld_set = set(zip(ld_tokens, ld_tokens[1:]))
    pairs = list(zip(printed, printed[1:]))
    if pairs and sum(p in ld_set for p in pairs) < 0.8 * len(pairs):
        return None
    return [p for p in (squash(line) for line in re.split(r"\n\s*\n|\n", text)) if p]


_TAG = re.compile(r"</?(?:p|br|div|span|ul|ol|li|h[1-6]|blockquote|strong|b|em|i|a)(?:\s[^<>]*)?/?>", re.I)
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote)\s*>", re.I)


def _markup_text(text: str) -> str:
    """The text of a JSON-LD value written as HTML (``<p>Um 18 Uhr …</p><p>…</p>``, entities
    escaped or not): its tags left out, a line break where a paragraph, a list item, a heading
    or a ``<br>`` ends; ``text`` itself when it holds no tag (or none lxml can read)."""
    text = html_lib.unescape(text)
    if not _TAG.search(text):
        return text
    try:
        root = lxml.html.fragment_fromstring(_BLOCK_END.sub("\n\n", text), create_parent="div")
    except (etree.ParserError, ValueError):
        return text
    return root.text_content()


_WORDS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more: ``14:05 Uhr`` holds one


def _live_updates_text(article: dict) -> str | None:
    """The text of a live blog's entries as its JSON-LD ``LiveBlogPosting`` gives them
    (``liveBlogUpdate``: each entry's ``headline`` when it is no prefix of its text and more
    than a time, two words or more, then its ``articleBody``), in the order given (the page's: newest first), the entries set apart by a
    blank line; ``None`` when the object is no live blog or names no entry's text."""
    if not isinstance(article, dict) or "liveblogposting" not in ld_types(article):
        return None
    updates = article.get("liveBlogUpdate")
    parts: list[str] = []
    for update in updates if isinstance(updates, list) else [updates]:
        if not isinstance(update, dict):
            continue
        text = update.get("articleBody")
        text = _markup_text(text) if isinstance(text, str) else text
        headline = update.get("headline")
        if isinstance(headline, str) and len(_WORDS.findall(headline)) >= 2 and not (
                isinstance(text, str) and key(text).startswith(key(headline))):
            parts.append(headline.strip())
        if isinstance(text, str) and text.strip():
            parts.append(text.strip())
    return "\n\n".join(parts) or None


def _filter(paragraphs: list[str], rules: ExtractionRules) -> tuple[list[str], bool]:
    out, partial = [], False
    stops = [key(s) for s in rules.body_stop]
    markers = [key(m) for m in rules.partial_markers]
    for p in paragraphs:
        k = key(p)
        if any(k.startswith(s) for s in stops):
            break
        if any(m in k for m in markers):
            partial = True
            continue
        if _is_boilerplate_key(k, rules):
            continue
        out.append(p)
    return out, partial


TRAFILATURA_MAX_ELEMENTS = 20_000
"""The last resort reads pages of at most this many elements: its cost grows faster than the
page (80,000 tiny paragraphs take it 12 s), and a page that large holding no running text the
generic extractor finds is not an article page."""


def _trafilatura_body(page: Page) -> list[str]:
    """The paragraphs trafilatura reads in the page's tree (its lines, cleaned, the empty ones
    left out); ``[]`` when it finds none or raises. trafilatura copies a tree it is given before
    cleaning it (``bare_extraction``: ``tree = copy(tree)``), so the shared tree is handed over
    as it is, not copied once more."""
    import trafilatura

    try:
        text = trafilatura.extract(page.tree, url=page.url, include_comments=False,
                                   include_tables=False, include_images=False, favor_precision=False,
                                   deduplicate=False, with_metadata=False)
    except Exception:  # trafilatura raises on pathological trees
        text = None
    return [c for c in (clean(line) for line in (text or "").split("\n")) if c]
