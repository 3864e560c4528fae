"""The title field: the headline as printed, voted by its sources, with site and section
names stripped; and the headline element that anchors the generic body."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .page import Page
from .text import clean, key
from .values import ld_text, select_values, text_of

if TYPE_CHECKING:
    from .record import Fields


def title(f: Fields) -> tuple[str | None, str | None]:
    """Headline. Portal selector wins; otherwise candidates from JSON-LD ``headline``, the
    ``<h1>``, ``og:title``, ``twitter:title`` and ``<title>`` are cleaned of site-name affixes
    (``og:site_name``, the portal's names, the JSON-LD publisher) and of the page's section
    (:func:`strip_site_name`), and the text most sources agree on wins (:data:`TITLE_WEIGHTS`),
    ties going to that order of sources. Last, the feed or sitemap title (layer ``hint``)."""
    page, rules = f.page, f.rules
    portal = select_values(page, rules.css("title"))
    if portal:
        return portal[0], "portal"
    site_names = list(rules.site_names) + page.meta.get("og:site_name", []) + page.meta.get("application-name", [])
    for pub in page.jsonld:
        if "publisher" in pub and isinstance(pub["publisher"], dict):
            site_names.append(ld_text(pub["publisher"].get("name")) or "")
    h1s = [clean(text_of(h)) for h in _headline_h1s(page, site_names)]
    h1s = [h for h in h1s if h]
    title_tag = page.tree.find(".//title")
    raw = [
        ("jsonld", ld_text(page.article_ld.get("headline")) or ld_text(page.article_ld.get("name"))),
        ("html", h1s[0] if len(h1s) >= 1 else None),
        ("meta", page.meta_first("og:title")),
        ("meta", page.meta_first("twitter:title")),
        ("html", clean(text_of(title_tag)) if title_tag is not None else None),
    ]
    sections = [f["section"]]
    cands = [(layer, weight, strip_site_name(t, site_names, sections))
             for (layer, t), weight in zip(raw, TITLE_WEIGHTS) if t]
    if not cands:
        hint = clean(f.hints.title)
        return (hint, "hint") if hint else (None, None)
    texts = [_strip_affix_of_others(t, [u for _, _, u in cands]) for _, _, t in cands]
    votes: dict[str, list] = {}
    for (layer, weight, _), t in zip(cands, texts):
        vote = votes.setdefault(_title_key(t), [0.0, t, layer, weight])
        vote[0] += weight
        if weight > vote[3]:
            vote[1:] = [t, layer, weight]
    total, text, layer, _ = max(votes.values(), key=lambda v: (v[0], v[3]))
    return text, layer


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
