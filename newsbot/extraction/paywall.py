"""Paywall detection: a portal's membership or subscription prompt anywhere in the page, a
paywall's offer box closing the printed text, and a body the page's structured data declares
paywalled that reads as cut.

Pure functions of a parsed :class:`~newsbot.extraction.page.Page`. Complements the body
filter, which drops prompt paragraphs met inside the body: prompts in boxes the body reader
skips (``paywall``, ``teaser``, ``subscribe`` classes) still mark the record partial.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .generic import text_weight
from .values import text_of
from .page import Page
from .rules import ExtractionRules
from .text import key, tokens
from .vocabulary import pattern

TEASER_MAX_WEIGHT = 1000
"""A body declared paywalled and shorter than this (characters, a Chinese, Japanese or Korean
one counting three: :func:`~newsbot.extraction.generic.text_weight`) is the free teaser of
the article: a few sentences. Publishers declaring ``isAccessibleForFree: false`` often serve
the whole text in the page (to search engines, to metered readers), so the declaration alone
says nothing of what was printed."""
WORD_COUNT_SHARE = 0.8
"""A body declared paywalled holding fewer words than this share of its JSON-LD ``wordCount``
is cut."""


def declared_not_free(page: Page) -> list[dict]:
    """The JSON-LD nodes of the page that say the article is not free to read: schema.org
    ``isAccessibleForFree: false`` (boolean or string, any case) on the article, on a node
    carrying it, or on one of their ``hasPart`` parts (the markup Google asks paywalled
    publishers for); empty when none does."""
    out = []
    nodes = [page.article_ld] + [n for n in page.jsonld if "isAccessibleForFree" in n]
    for node in nodes:
        parts = node.get("hasPart")
        parts = parts if isinstance(parts, list) else [parts] if isinstance(parts, dict) else []
        if any(isinstance(n, dict) and str(n.get("isAccessibleForFree")).strip().lower() == "false"
               for n in [node, *parts]):
            out.append(node)
    return out


def cut_by_paywall(page: Page, paragraphs: list[str]) -> bool:
    """True when the page declares the article not free (:func:`declared_not_free`) and the
    printed body ``paragraphs`` reads as cut: shorter than :data:`TEASER_MAX_WEIGHT`, or under
    :data:`WORD_COUNT_SHARE` of the ``wordCount`` the same JSON-LD gives (``\\w+`` tokens). A
    declared page whose whole text is printed is not cut."""
    nodes = declared_not_free(page)
    if not nodes:
        return False
    if text_weight(" ".join(paragraphs)) < TEASER_MAX_WEIGHT:
        return True
    words = len(tokens(" ".join(paragraphs)))
    for node in [page.article_ld, *nodes]:
        try:
            count = int(str(node.get("wordCount", "")).strip() or 0)
        except ValueError:
            continue
        if words < WORD_COUNT_SHARE * count:
            return True
    return False


def has_partial_marker(page: Page, rules: ExtractionRules) -> bool:
    """True when one of ``rules.partial_markers`` occurs in the visible text of the page's
    ``<body>`` (scripts and styles skipped; compared case- and space-insensitively)."""
    if not rules.partial_markers:
        return False
    body = page.tree.find("body")
    if body is None:
        return False
    text = key(text_of(body))
    return any(key(m) in text for m in rules.partial_markers)


PAYWALL_NAME = re.compile(
    r"paywall|pay-wall|piano|offer|subscri|premium|regwall|metered|(?:^|[\s_-])(?:plus|abo|abonnement|"
    r"locked|restricted)(?:$|[\s_-])", re.I)
"""Class or id of a paywall's box (Piano's templates, ``offer-box``, ``subscribe-box``,
``article__content--restricted``, German ``plus`` / ``abo`` boxes)."""
_NOT_IN = frozenset({"header", "nav", "footer", "aside", "form", "script", "style", "noscript", "template"})
OFFER_MAX_CHARS = 600
"""A paywall's box holds a few lines (the offer, a price, a login link); a longer element named
so is a page part holding one (a whole column), not the box."""


FOLLOWING_READ = 150
"""The elements after the body's last paragraph read for a paywall's box (with a class or an
id): the box closes the printed text, so it comes first among what follows."""


def _following_named(el, limit: int = FOLLOWING_READ) -> list:
    """The first ``limit`` elements after ``el`` and everything in it, in document order, that
    have a class or an id (XPath's ``following::*[@class or @id][position() <= limit]``): read
    sibling by sibling going up from ``el``, so the reading stops at the last one needed, where
    libxml2's ``following`` axis collects the whole rest of the page first."""
    out: list = []
    node = el
    while node is not None:
        for sibling in node.itersiblings(etree.Element):
            for e in sibling.iter(etree.Element):
                if e.get("class") is not None or e.get("id") is not None:
                    out.append(e)
                    if len(out) >= limit:
                        return out
        node = node.getparent()
    return out


_PAYWALL_NAME_LOWER = re.compile(PAYWALL_NAME.pattern)
""":data:`PAYWALL_NAME` without ``re.I``, for names in ASCII read in lower case: its words are
lower-case ASCII, so it matches where the pattern matches the name, for about half the cost."""


@lru_cache(maxsize=4096)
def _names_paywall(cls: str | None, ident: str | None) -> bool:
    """The class ``cls`` or the id ``ident`` names a paywall's box (:data:`PAYWALL_NAME`).
    Class names repeat all over a page, so each is read once."""
    names = f"{cls or ''} {ident or ''}"
    if names.isascii():
        return bool(_PAYWALL_NAME_LOWER.search(names.lower()))
    return bool(PAYWALL_NAME.search(names))


def paywall_boxes(last) -> list:
    """The paywall boxes closing a body whose last paragraph is the element ``last``: among
    its ancestors (a box the body reader read into the text) and the first
    :data:`FOLLOWING_READ` elements after it, those whose class or id names a paywall
    (:data:`PAYWALL_NAME`) holding, in at most :data:`OFFER_MAX_CHARS` characters, an offer to
    read the rest of the article (the ``paywall_offer`` words of the vocabulary: "Weiterlesen
    mit Plus", "Il vous reste 85 % de cet article à lire", "Subscribe to read"), outside the
    page's header, navigation, footer and side boxes; the outermost of nested ones, in
    document order, each after the notes printed right before it (:func:`_notes_before`). A subscription box without such an offer (a newsletter, a plain "Subscribe")
    is none: the whole article may stand above it."""
    out: list = []
    around = [a for a in last.iterancestors() if a.tag not in ("body", "html")][::-1]
    for el in [*around, *_following_named(last)]:
        if not _names_paywall(el.get("class"), el.get("id")) or el.tag in _NOT_IN:
            continue
        if out and any(a is out[-1] for a in el.iterancestors()):
            continue
        text = text_of(el)
        if len(text) > OFFER_MAX_CHARS or not offers(el, text):
            continue
        if any(a.tag in _NOT_IN for a in el.iterancestors()):
            continue
        out += _notes_before(el)
        out.append(el)
    return out


def _notes_before(box) -> list:
    """The paywall's notes printed right before its offer ``box``: its preceding siblings, in
    document order, as long as each is named like a paywall (:data:`PAYWALL_NAME`) and holds,
    in at most :data:`OFFER_MAX_CHARS` characters, an offer (:func:`offers`: ``<p
    class="premium-note">Article réservé aux abonnés.</p>`` over ``<div class="paywalled">``):
    the offer's own lines. An unnamed paragraph between them is the text's, and ends the reading;
    so are the notes of the class of the paragraph before them (the text's own run, every
    paragraph of it classed ``premium``)."""
    notes: list = []
    before = None
    for sib in box.itersiblings(etree.Element, preceding=True):
        if not _names_paywall(sib.get("class"), sib.get("id")):
            before = sib
            break
        text = text_of(sib)
        if len(text) > OFFER_MAX_CHARS or not offers(sib, text):
            before = sib
            break
        notes.append(sib)
    if before is not None and before.get("class") is not None:
        run = [i for i, n in enumerate(notes) if n.get("class") == before.get("class")]
        notes = notes[:run[0]] if run else notes
    return notes[::-1]


_SUBSCRIBE_LINK = re.compile(r"abonn|(?<![a-z])abo(?![a-z])|subscri|suscri|assin|abbon|login|log-in|sign-?in|"
                             r"connexion|anmeld|account|konto|registr", re.I)
"""A link's address or a button's text leading to a subscription or a login (``/abo``,
``/suscripcion``, ``/login``, ``/connexion``)."""
_SUBSCRIPTION_WORD = re.compile(r"abonn|subscri|suscri|assinant|assinatura|abbonat|abbonament|abonnent|abonnee|"
                                r"prenumer|předplat|előfizet", re.I)
"""A subscription's word in a box's text, in the languages of the ``paywall_continue`` words and more."""
_PRICE = re.compile(r"\d\s?(?:€|\$|£|zł|kr\b|Kč|lei\b)|(?:€|\$|£)\s?\d")
"""A price: an amount and its currency's sign."""


def offers(el, text: str) -> bool:
    """The element ``el`` (its text ``text``) offers to read the rest: the ``paywall_offer``
    words of the vocabulary, or words to go on reading (``paywall_continue``: "para seguir
    leyendo", "pour continuer à lire") in the offer's context: a subscription's word
    (:data:`_SUBSCRIPTION_WORD`), a price (:data:`_PRICE`) or a link to subscribe or log in
    (:data:`_SUBSCRIBE_LINK`), and no e-mail field (a newsletter's sign-up). A box of links to
    other stories under "Poursuivre votre lecture" offers nothing."""
    if pattern("paywall_offer").search(text):
        return True
    if not pattern("paywall_continue").search(text):
        return False
    if any((i.get("type") or "").lower() == "email" for i in el.iter("input")):
        return False
    return bool(_SUBSCRIPTION_WORD.search(text) or _PRICE.search(text) or any(
        _SUBSCRIBE_LINK.search(a.get("href") or "") for a in el.iter("a")))
