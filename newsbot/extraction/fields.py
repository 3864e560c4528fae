"""Field extractors. Each takes a parsed :class:`~newsbot.extraction.page.Page` and the
portal's :class:`~newsbot.extraction.rules.ExtractionRules` and returns ``(value, layer)``
where ``layer`` names the source that served the value: ``portal`` (the portal's selectors),
``jsonld``, ``meta`` (OpenGraph / ``article:*`` / named meta tags), ``microdata``, ``html``
(generic markup such as ``<h1>`` or ``<time>``), ``hint`` (feed or sitemap data), ``generic``
(trafilatura / htmldate) or ``None`` when nothing was found.
"""
from __future__ import annotations

import html as html_lib
import re
from datetime import datetime
from functools import lru_cache

from . import dates
from .page import Page
from .rules import ExtractionRules
from .text import clean, key, squash, tokens

BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td"})
DROP_TAGS = frozenset({
    "script", "style", "noscript", "figure", "figcaption", "aside", "form", "button", "nav",
    "footer", "iframe", "svg", "template", "select", "textarea", "header", "input", "video", "audio",
})
DROP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|related|caption|credit|promo|subscribe|"
    r"subscription|teaser|widget|advert|advertisement|ads?|banner|byline|author|comments?|"
    r"read-?more|recommend\w*|trending|tags?|breadcrumbs?|sponsor\w*|consent|cookie|paywall|"
    r"outbrain|taboola|embed)(?:$|[\s_-])",
    re.I,
)
GENERIC_BOILERPLATE = (
    "share this article", "share this:", "share:", "advertisement", "read more:", "read also:",
    "related articles", "related topics:", "sign up for our newsletter", "subscribe to our newsletter",
    "click to comment", "continue reading", "you may like", "trending", "up next", "don't miss",
    "external content not available", "this content is not available due to your privacy settings",
)


def _value_of(el) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "meta":
        return clean(el.get("content"))
    if tag == "time" and el.get("datetime"):
        return clean(el.get("datetime"))
    return clean(text_of(el))


def text_of(el) -> str:
    """Visible text of an element: scripts, styles and dropped elements skipped, ``<br>`` as space."""
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


def _select_values(page: Page, selectors: tuple[str, ...]) -> list[str]:
    for css in selectors:
        values = [v for v in (_value_of(el) for el in page.select(css)) if v]
        if values:
            return values
    return []


@lru_cache(maxsize=64)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key(p) for p in phrases)


def _is_boilerplate(text: str, rules: ExtractionRules) -> bool:
    k = key(text)
    for p in _phrase_keys(rules.boilerplate + GENERIC_BOILERPLATE):
        if k == p or (k.startswith(p) and len(p) >= 12):
            return True
    return False


def _ld_text(value, depth: int = 0) -> str | None:
    """Text of a JSON-LD value: a string, the first textual item of a list, or the ``name`` /
    ``@value`` of an object (nested up to 3 levels); ``None`` for numbers, booleans and
    anything else that is not text (never a Python ``repr``)."""
    if depth > 3:
        return None
    if isinstance(value, list):
        return next((t for t in (_ld_text(v, depth + 1) for v in value) if t), None)
    if isinstance(value, dict):
        return _ld_text(value.get("name"), depth + 1) or _ld_text(value.get("@value"), depth + 1)
    return clean(html_lib.unescape(value)) if isinstance(value, str) else None


# --- title -------------------------------------------------------------------------------

_SITE_SEP = re.compile(r"\s+[|\-–—:/·•]\s+|:\s+|\s*[|ㅣ：]\s*|\s+::\s+|-(?=\S*$)")


def strip_site_name(title: str, site_names: list[str], sections: list[str] = ()) -> str:
    """Remove a leading or trailing site name joined by a separator (``" | Site"``,
    ``"Site – "``, ``"…：Site"``), trying every name in ``site_names`` (a tail that holds a
    site name goes whole). Once a site name has gone, a tail that is exactly one of the page's
    ``sections`` goes too (``"Headline-Section ㅣSite"``, ``"Headline - Section | Site"``); a
    section name alone never strips, as headlines may end with the same word. The title is
    returned unchanged when the stripped remainder would be empty."""
    names = [key(n) for n in site_names if n and key(n)]
    if not names:
        return title
    for m in reversed(list(_SITE_SEP.finditer(title))):
        head, tail = title[:m.start()].strip(), title[m.end():]
        if head and any(n in key(tail) for n in names):
            tight = not m.group(0)[:1].isspace()  # "…-Section ㅣSite": the section may be joined tight too
            return _strip_section(strip_site_name(head, site_names), sections, tight)
    m = _SITE_SEP.search(title)
    if m and title[m.end():].strip() and key(title[:m.start()]) in names:
        return strip_site_name(title[m.end():].strip(), site_names)
    return title


_SECTION_SEP = re.compile(r"\s*(?:[|\-–—:/·•ㅣ：]|::)\s*$")
_SECTION_SEP_SPACED = re.compile(r"\s+(?:[|\-–—:/·•ㅣ]|::)\s+$|\s*[ㅣ：｜]\s*$")


def _strip_section(title: str, sections: list[str], tight: bool) -> str:
    """``title`` without a trailing ``sections`` name after a separator: spaced (``" - "``)
    unless the site name was joined ``tight`` (no space before its separator), so a compound
    word (``Corona-Politik``) keeps its end."""
    text = title.rstrip()
    for name in sections:
        name = (name or "").strip()
        if name and len(text) > len(name) and text[-len(name):].casefold() == name.casefold():
            head = text[:-len(name)]
            m = _SECTION_SEP_SPACED.search(head)
            if m is None and tight:
                m = _SECTION_SEP.search(head)
                if m and m.start() > 0 and _joins_words(head[m.start() - 1]):
                    m = None  # "Corona-Politik": a compound word of an alphabet written with spaces
            if m and text[:m.start()].strip():
                return text[:m.start()].strip()
    return title


def _joins_words(char: str) -> bool:
    """``char`` is a letter of the Latin, Greek or Cyrillic alphabets, whose words a bare
    hyphen joins into compounds (a bare separator after Hangul or kana joins a section)."""
    return char.isalpha() and ord(char) < 0x0530


def title(page: Page, rules: ExtractionRules, section_name: str | None = None) -> tuple[str | None, str | None]:
    """Headline. Portal selector wins; otherwise candidates from JSON-LD ``headline``, the
    ``<h1>``, ``og:title``, ``twitter:title`` and ``<title>`` are cleaned of site-name affixes
    (``og:site_name``, the portal's names) and the text most sources agree on wins, ties going
    to that order of sources. ``section_name``: the page's section when already known (else
    read with :func:`section`), stripped with a site name (:func:`strip_site_name`)."""
    portal = _select_values(page, rules.title)
    if portal:
        return portal[0], "portal"
    site_names = list(rules.site_names) + page.meta.get("og:site_name", []) + page.meta.get("application-name", [])
    for pub in page.jsonld:
        if "publisher" in pub and isinstance(pub["publisher"], dict):
            site_names.append(_ld_text(pub["publisher"].get("name")) or "")
    h1s = [clean(text_of(h)) for h in _headline_h1s(page, site_names)]
    h1s = [h for h in h1s if h]
    title_tag = page.tree.find(".//title")
    raw = [
        ("jsonld", _ld_text(page.article_ld.get("headline")) or _ld_text(page.article_ld.get("name"))),
        ("html", h1s[0] if len(h1s) >= 1 else None),
        ("meta", page.meta_first("og:title")),
        ("meta", page.meta_first("twitter:title")),
        ("html", clean(text_of(title_tag)) if title_tag is not None else None),
    ]
    sections = [section_name if section_name is not None else section(page, rules)[0]]
    cands = [(layer, weight, strip_site_name(t, site_names, sections))
             for (layer, t), weight in zip(raw, TITLE_WEIGHTS) if t]
    if not cands:
        return None, None
    texts = [_strip_affix_of_others(t, [u for _, _, u in cands]) for _, _, t in cands]
    votes: dict[str, list] = {}
    for (layer, weight, _), t in zip(cands, texts):
        vote = votes.setdefault(_title_key(t), [0.0, t, layer, weight])
        vote[0] += weight
        if weight > vote[3]:
            vote[1:] = [t, layer, weight]
    total, text, layer, _ = max(votes.values(), key=lambda v: (v[0], v[3]))
    return text, layer


TITLE_WEIGHTS = (3.0, 1.0, 1.0, 0.5, 0.5)
"""Votes of the title sources, in the order JSON-LD headline, ``<h1>``, ``og:title``,
``twitter:title``, ``<title>``: the headline of the structured data is the publisher's own
record of the article and outweighs one or two social variants; three sources agreeing
outweigh it."""
_AFFIX_SEP = re.compile(r"^\s*(?:[|\-–—:：·•/ㅣ]|::)\s*\S")


def _title_key(text: str) -> str:
    return " ".join(text.split())


def _strip_affix_of_others(text: str, others: list[str]) -> str:
    """``text`` without a trailing site or section name: when another candidate is ``text``'s
    beginning followed by a separator and a shorter tail (``"Headline | Site"``,
    ``"見出し：新聞"``), that candidate is the headline."""
    best = text
    for other in others:
        rest = best[len(other):] if other and best.startswith(other) else ""
        if rest and len(rest) < len(other) and _AFFIX_SEP.match(rest):
            best = other
    return best


# --- dates -------------------------------------------------------------------------------

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

    for value in _select_values(page, rules.date) if ld_key == "datePublished" else []:
        add("portal", value)
    add("jsonld", _ld_text(page.article_ld.get(ld_key)))
    if not page.article_ld.get(ld_key):
        for node in page.jsonld:  # a WebPage or other node carrying the article's dates
            if node.get(ld_key):
                add("jsonld", _ld_text(node.get(ld_key)))
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


def date_published(page: Page, rules: ExtractionRules, hints: dict) -> tuple[datetime | None, str | None]:
    """Publication instant (aware ``datetime``). Sources by priority: portal selector, JSON-LD
    ``datePublished``, ``article:published_time`` and other meta, the first ``<time datetime>``,
    the feed/sitemap date in ``hints["published"]``, then htmldate on the page text."""
    cands = _date_candidates(page, rules, "datePublished", _PUBLISHED_META, [hints.get("published")])
    if not any(c.has_time for _, c in cands):
        found = _htmldate(page)
        if found:
            parsed = dates.parse_date(found, rules.timezone)
            if parsed:
                cands.append(("generic", parsed))
    chosen = dates.choose(cands)
    if chosen and chosen[1].has_time and not chosen[1].has_offset and rules.timezone == "UTC":
        offset = _page_offset(page)
        if offset is not None:
            local = chosen[1].value.replace(tzinfo=offset)
            chosen = (chosen[0], dates.ParsedDate(local, True, True))
    return (chosen[1].value, chosen[0]) if chosen else (None, None)


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
        parsed = dates.parse_date(_ld_text(value) if not isinstance(value, str) else value)
        if parsed and parsed.has_offset:
            return parsed.value.tzinfo
    return None


def _htmldate(page: Page) -> str | None:
    try:
        from htmldate import find_date

        return find_date(page.text, url=page.url, original_date=True, outputformat="%Y-%m-%d %H:%M:%S",
                         extensive_search=True)
    except Exception:  # htmldate raises on broken documents
        return None


def date_modified(page: Page, rules: ExtractionRules, hints: dict) -> tuple[datetime | None, str | None]:
    """Last-modified instant from JSON-LD ``dateModified`` or modified-time meta; ``None`` if absent."""
    chosen = dates.choose(_date_candidates(page, rules, "dateModified", _MODIFIED_META, [hints.get("modified")]))
    return (chosen[1].value, chosen[0]) if chosen else (None, None)


# --- section, authors, tags, language --------------------------------------------------------

def section(page: Page, rules: ExtractionRules) -> tuple[str | None, str | None]:
    """Section name: portal selector, JSON-LD ``articleSection``, ``article:section`` /
    ``section`` / ``content_category`` meta, then the breadcrumb's last item before the article."""
    for value in _select_values(page, rules.section):
        if not _is_boilerplate(value, rules):
            return value, "portal"
    value = _ld_text(page.article_ld.get("articleSection"))
    if value:
        return value, "jsonld"
    value = page.meta_first("article:section", "section", "parsely-section", "cxenseparse:recs:category",
                            "content_category")
    if value:
        return value, "meta"
    for crumbs in page.ld_of_type("BreadcrumbList"):
        items = crumbs.get("itemListElement") or []
        names = [_ld_text(i.get("name") or (i.get("item") or {}).get("name") if isinstance(i.get("item"), dict) else i.get("name"))
                 for i in items if isinstance(i, dict)]
        names = [n for n in names if n]
        if len(names) >= 2:
            return (names[-2] if len(names) >= 3 else names[-1]), "jsonld"
    return None, None


def _unique(values) -> list[str]:
    seen, out = set(), []
    for v in values:
        v = clean(v)
        if v and key(v) not in seen and not v.startswith(("http://", "https://")):
            seen.add(key(v))
            out.append(v)
    return out


def authors(page: Page, rules: ExtractionRules) -> tuple[list[str], str | None]:
    """Bylines as a list of names: portal selector, JSON-LD ``author``, ``author`` /
    ``article:author`` meta. URLs and duplicates are dropped."""
    portal = _unique(_select_values(page, rules.authors))
    if portal:
        return portal, "portal"
    raw = page.article_ld.get("author")
    items = raw if isinstance(raw, list) else [raw] if raw else []
    names = _unique(_ld_text(a) for a in items)
    if names:
        return names, "jsonld"
    names = _unique(page.meta.get("author", []) + page.meta.get("article:author", []))
    if names:
        return names, "meta"
    return [], None


def tags(page: Page, rules: ExtractionRules) -> tuple[list[str], str | None]:
    """Topic keywords: portal selector, ``article:tag`` meta, JSON-LD ``keywords``, then the
    ``news_keywords`` / ``keywords`` meta split on commas."""
    portal = _unique(_select_values(page, rules.tags))
    if portal:
        return portal, "portal"
    values = page.meta.get("article:tag", [])
    if values:
        return _unique(values), "meta"
    kw = page.article_ld.get("keywords")
    if kw:
        items = kw if isinstance(kw, list) else kw.split(",") if isinstance(kw, str) else [kw]
        found = _unique(_ld_text(k) for k in items)
        if found:
            return found, "jsonld"
    value = page.meta_first("news_keywords", "keywords")
    if value:
        return _unique(value.split(",")), "meta"
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


def language(page: Page, hints: dict) -> tuple[str | None, str | None]:
    """Language tag from ``<html lang>``, ``content-language``, ``og:locale``, JSON-LD
    ``inLanguage``, then the edition language in ``hints["language"]``."""
    for layer, value in (("html", page.tree.get("lang") or page.tree.get("xml:lang")),
                         ("meta", page.meta_first("content-language", "og:locale", "language")),
                         ("jsonld", _ld_text(page.article_ld.get("inLanguage"))),
                         ("hint", hints.get("language"))):
        tag = normalize_language(value)
        if tag:
            return tag, layer
    return None, None


# --- lead and body ------------------------------------------------------------------------

def _excluded(el, stop) -> bool:
    node = el
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in DROP_TAGS or DROP_CLASS.search(node.get("class") or "") or node.get("hidden") is not None:
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


def headline_element(page: Page, title: str | None):
    """The ``<h1>`` (else ``<h2>``) printing ``title`` (compared by :func:`key` without white
    space); else one printing a kicker element before it (``<h2><span>Kicker:</span><span>
    Title</span></h2>``, titles of 15 characters or more, headings that are not links); else
    the first ``<h1>``; else, on a page without ``<h1>``, the first ``<h2>`` of the first
    ``<article>`` or ``<main>`` when it comes before any paragraph of running text there and is
    not a link; else ``None``."""
    h1s = _headline_h1s(page, page.meta.get("og:site_name", []) + page.meta.get("application-name", []))
    if title:
        k = _squashed(title)
        heads = h1s + list(page.tree.iter("h2"))
        texts = [_squashed(text_of(h)) for h in heads]
        for h, t in zip(heads, texts):
            if t == k:
                return h
        if len(k) >= 15:
            for h, t in zip(heads, texts):
                if t.endswith(k) and len(t) - len(k) <= 80 and not _linked(h) and _kicker_child(h, t[:-len(k)]):
                    return h
    if h1s:
        return h1s[0]
    for box in page.tree.iter("article", "main"):
        for el in box.iter("h2", "p"):
            if el.tag == "p" and len(text_of(el)) >= 80:
                return None
            if el.tag == "h2":
                return None if _linked(el) else el
        return None
    return None


def _headline_h1s(page: Page, site_names: list[str]) -> list:
    """The page's ``<h1>`` elements but a site logo: one printing only a site name, or only a
    link to the site's front page (``href="/"``)."""
    names = {_squashed(n) for n in site_names if n}
    out = []
    for h in page.tree.iter("h1"):
        text = _squashed(text_of(h))
        links = list(h.iter("a"))
        if text in names or (links and all((a.get("href") or "").strip() in ("/", "./")
                                           for a in links) and "".join(_squashed(text_of(a)) for a in links) == text):
            continue
        out.append(h)
    return out


def _squashed(text: str) -> str:
    return "".join(key(text).split())


def _linked(el) -> bool:
    """``el`` sits inside an ``<a>`` or holds one: a teaser's headline."""
    return next(el.iter("a"), None) is not None or any(a.tag == "a" for a in el.iterancestors())


def _kicker_child(heading, prefix: str) -> bool:
    """``heading`` has a descendant element printing ``prefix`` (its kicker), punctuation aside."""
    want = prefix.strip(":|-–—/·•")
    if not want:
        return False
    if _squashed(heading.text or "").strip(":|-–—/·•") == want:
        return True  # "<h2>Kicker<br>Title</h2>"
    return any(_squashed(text_of(el)).strip(":|-–—/·•") == want for el in heading.iterdescendants()
               if isinstance(el.tag, str))


def generic_body(page: Page, title: str | None = None):
    """The generic extractor's :class:`~newsbot.extraction.body.Body` of ``page``, computed
    once per page (the headline ``title`` anchors it on pages holding several articles)."""
    cached = page.__dict__.get("_generic_body")
    if cached is None:
        from .generic import extract

        anchor = headline_element(page, title)
        cached = page.__dict__["_generic_body"] = (extract(page.tree, anchor), anchor)
    return cached


def lead(page: Page, rules: ExtractionRules, title: str | None = None) -> tuple[str | None, str | None]:
    """Standfirst: portal selector; without portal body rules, the element named like a
    standfirst between the headline and the body (:func:`~newsbot.extraction.body.find_lead`);
    otherwise the JSON-LD / OpenGraph / meta description when the same text is printed in a
    ``<p>``, sub-heading or ``<div>`` of the page (so a SEO-only description is not taken for
    a lead)."""
    portal = _select_values(page, rules.lead)
    if portal:
        return portal[0], "portal"
    if not rules.body:
        from .generic import find_lead

        found, anchor = generic_body(page, title)
        value = find_lead(page.tree, found, anchor)
        if value:
            return value, "html"
    wanted = {}
    for layer, value in (("jsonld", _ld_text(page.article_ld.get("description"))),
                         ("meta", page.meta_first("og:description")),
                         ("meta", page.meta_first("description"))):
        if value and len(value) >= 40:
            wanted.setdefault(key(value), (value, layer))
    if not wanted:
        return None, None
    body = page.tree.find("body")
    for el in (body.iter("p", "h2", "div") if body is not None else ()):
        if len(el) >= 8 or el.getparent() is None:
            continue
        t = el.text_content()
        if t and 40 <= len(t) <= 2000:
            hit = wanted.get(key(t))
            if hit:
                return hit
    return None, None


def body(page: Page, rules: ExtractionRules, title: str | None = None) -> tuple[list[str], str | None, bool]:
    """Body paragraphs (sub-headings included as their own paragraphs) in reading order, with
    the layer and whether the body is partial. Portal containers are read when they match;
    otherwise the generic extractor (:mod:`newsbot.extraction.body`) reads the shared tree,
    JSON-LD ``articleBody`` replaces a printed body it holds whole and half again, article HTML
    escaped in a script serves pages without paragraphs, and trafilatura is the last resort.
    Boilerplate paragraphs are dropped and a ``body_stop`` paragraph ends the body. Partial:
    a portal's ``partial_markers`` met, or ``isAccessibleForFree: false`` without a fuller
    ``articleBody``. ``title`` anchors the generic container on pages with several articles."""
    paragraphs: list[str] = []
    layer = None
    containers = []
    for css in rules.body:
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
    if not paragraphs:
        paragraphs = generic_body(page, title)[0].paragraphs
        layer = "generic" if paragraphs else None
    if not rules.body:
        fuller = _article_body_ld(page, paragraphs)
        if fuller:
            paragraphs, layer = fuller, "jsonld"
    if not paragraphs and not rules.body:
        from .generic import embedded_html, extract_fragment

        markup = embedded_html(page.tree)
        paragraphs = extract_fragment(markup).paragraphs if markup else []
        layer = "generic" if paragraphs else None
    if not paragraphs:
        paragraphs = _trafilatura_body(page)
        layer = "generic" if paragraphs else None
    paragraphs, partial = _filter(paragraphs, rules)
    if layer != "jsonld" and _paywalled(page):
        partial = True
    return paragraphs, (layer if paragraphs else None), partial


def _paywalled(page: Page) -> bool:
    """True when the page's structured data says the article is not free to read
    (schema.org ``isAccessibleForFree: false`` on the article or one of its parts, the markup
    Google asks paywalled publishers for): the printed body is likely cut."""
    nodes = [page.article_ld] + [n for n in page.jsonld if "isAccessibleForFree" in n]
    for node in nodes:
        value = node.get("isAccessibleForFree")
        if value is False or str(value).strip().lower() == "false":
            return True
        parts = node.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts] if isinstance(parts, dict) else []:
            if isinstance(part, dict) and str(part.get("isAccessibleForFree")).strip().lower() == "false":
                return True
    return False


def _article_body_ld(page: Page, paragraphs: list[str]) -> list[str] | None:
    """JSON-LD ``articleBody`` when it holds the printed paragraphs and at least half as much
    again (a body cut by a paywall or a "read more" button in the HTML); ``None`` otherwise."""
    raw = page.article_ld.get("articleBody")
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
        if _is_boilerplate(p, rules):
            continue
        out.append(p)
    return out, partial


def _trafilatura_body(page: Page) -> list[str]:
    import copy

    import trafilatura

    try:
        text = trafilatura.extract(copy.deepcopy(page.tree), url=page.url, include_comments=False,
                                   include_tables=False, include_images=False, favor_precision=False,
                                   deduplicate=False, with_metadata=False)
    except Exception:  # trafilatura raises on pathological trees
        text = None
    return [c for c in (clean(line) for line in (text or "").split("\n")) if c]
