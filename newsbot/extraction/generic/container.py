"""Container: the elements holding the article, chosen by where the good paragraphs' text
sits (from ``<body>`` down into the child holding most of it, preferring the headline's).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocabulary import pattern, phrases
from .blocks import Block
from .prune import CONTENT_NAME, HEADINGS, _semantic_names

DESCEND_SHARE = 0.6
ANCHOR_SHARE = 0.2
SPLIT_SHARE = 0.75
SIBLING_SHARE = 0.5


def containers(root, found: list[Block], anchor=None, order: dict | None = None) -> list:
    """The elements holding the article, in document order. Good paragraphs add their length
    to every ancestor; from ``root`` the walk goes down into the child holding most of that
    text while it holds ``DESCEND_SHARE`` of it (so a body split into several containers by
    adverts is read whole, and one wrapped paragraph a ``<div>`` is no trap). A child that
    holds ``anchor`` (the headline's ``<h1>``) is preferred while it holds ``ANCHOR_SHARE``:
    on pages that append the next article below, the first one is the page's; an ``<article>``
    element that holds it and that share bounds the article (reader comments or a teaser list
    set beside it stay out, whatever their class names). Paragraphs and
    smaller containers of running text right before the chosen one and after the headline
    (``order``: element → document position) are the body's first part (a free first paragraph
    above the metered rest), and so is a sub-heading right before it over the text's first
    paragraph (:func:`heads_the_text`)."""
    total: dict = {}
    for b in found:
        if not b.good:
            continue
        n = len(b.text)
        node = b.element if b.tag == "text" else b.element.getparent()
        while node is not None:
            total[node] = total.get(node, 0) + n
            if node is root:
                break
            node = node.getparent()
    if not total:
        return []
    goods = {b.element for b in found if b.good and b.tag != "text"}
    path = set()
    node = anchor
    while node is not None:
        path.add(node)
        node = node.getparent()
    cur = root
    extra: list = []
    while True:
        kids = [c for c in cur if c in total]
        best = max(kids, key=total.get, default=None)
        if best is None:
            return extra + [cur]
        held = [c for c in kids if c in path]
        if held and held[0].tag == "article" and total[held[0]] >= ANCHOR_SHARE * total[cur]:
            cur = held[0]  # the headline's <article> element bounds the article
            continue
        if held and best is not held[0] and total[held[0]] >= ANCHOR_SHARE * total[cur]:
            best = held[0]
        elif (entries := live_entries(best, path, anchor)) and total[best] >= DESCEND_SHARE * total[cur]:
            return extra + entries  # a live blog's entries, the short ones among them (no good text) too
        elif total[best] < DESCEND_SHARE * total[cur]:
            return extra + [cur]
        alike = [c for c in kids if c.tag == best.tag and c.get("class") == best.get("class")]
        if best in path and all(_brief(c, total, best) for c in alike if c is not best):
            alike = [best]  # other stories beside the headline's, each under its own heading
        if len(alike) > 1 and sum(total[c] for c in alike) >= DESCEND_SHARE * total[cur] and (
                best.tag != "article" or _updates(alike, path)):
            return extra + alike  # one article body cut into several equal containers, or a live blog
        strays = []
        for c in cur:
            if c is best:
                break
            if c in goods and c.tag == "p":
                strays.append(c)
            elif c.tag in HEADINGS and heads_the_text(c, best) is best and order is not None and anchor is not None \
                    and order.get(anchor, 1 << 62) < order.get(c, -1):
                strays.append(c)  # the text's first sub-heading, printed over its container
            elif c in total and order is not None and anchor is not None and c.tag != "article" \
                    and order.get(anchor, 1 << 62) < order.get(c, -1) and total[c] < total[best] \
                    and next(c.iter("h1", *HEADINGS), None) is None and _body_part(c, cur, best, goods):
                # a smaller container between the headline and the body: its running text is
                # the body's first part
                strays = [g for g in c.iter("p") if g in goods]
            elif c in total:
                strays = []  # another container of running text comes between
        if total[best] < SPLIT_SHARE * total[cur]:
            # the rest of the good text sits in siblings: keep those holding running text too
            return extra + strays + [c for c in kids if c is best or (
                (c.tag != "article" or _updates(alike, path) and c in alike) and next(c.iter("h1"), None) is None
                and total[c] >= SIBLING_SHARE * total[best])]
        extra += strays  # lead-in paragraphs right before the body's own container
        cur = best


LIVE_ENTRIES = 3  # the fewest entries of a live blog
_CLOCK_START = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?!\d)")
"""A clock time opening an entry's text (``14:05``, ``14.05 Uhr``, ``9h30``)."""


def live_entries(best, path: set, anchor=None) -> list:
    """The entries of the live blog ``best`` is one of: ``best`` and its siblings of its tag
    whose first class word is its own (``ticker-entry``, ``live-post live-post--pinned``),
    :data:`LIVE_ENTRIES` or more, in document order, when they are the article's (the
    headline ``anchor``'s parent or its ``<article>`` holds them: :func:`_the_articles`; a
    page header above a list of other stories holds none) and each is stamped with a time (a
    ``<time>`` inside it, or a clock time opening its text: ``14:05``), none holds the headline
    (``path``: its ancestors) or an ``<h1>``, and none is a teaser (most of its text a link's,
    or a heading linking elsewhere: another story's card).
    A live ticker's newest entry may hold most of the text and its older ones be single short
    lines no paragraph counts as running text: the container is every entry, not the newest.
    ``[]`` otherwise."""
    words = (best.get("class") or "").split()
    parent = best.getparent()
    if not words or parent is None or not _the_articles(parent, anchor):
        return []
    alike = [c for c in parent if c.tag == best.tag and (c.get("class") or "").split()[:1] == words[:1]]
    if len(alike) < LIVE_ENTRIES:
        return []
    for c in alike:
        if c in path or next(c.iter("h1"), None) is not None:
            return []
        text = " ".join("".join(c.itertext()).split())
        linked = sum(len(" ".join("".join(a.itertext()).split())) for a in c.iter("a"))
        if not text or linked > 0.5 * len(text) or (next(c.iter("time"), None) is None and not _CLOCK_START.match(text)):
            return []
        if any(not (a.get("href") or "#").startswith("#") for h in c.iter(*HEADINGS) for a in h.iter("a")):
            return []  # a heading linking to another page: a teaser card
    return alike


def _the_articles(parent, anchor) -> bool:
    """The element ``parent`` of a live blog's entries is within the article: the headline
    ``anchor``'s own parent, or an ``<article>`` element holding the headline, is ``parent``
    or holds it. ``False`` without a headline."""
    if anchor is None:
        return False
    bounds = [anchor.getparent()] + [a for a in anchor.iterancestors("article")]
    ancestors = {parent, *parent.iterancestors()}
    return any(b is not None and b in ancestors for b in bounds)


def _updates(alike: list, path: set) -> bool:
    """``alike`` (sibling ``<article>`` elements of one class) are the updates of a live blog,
    not articles stacked on one page: three or more, none holding the headline (``path``: its
    ancestors) or an ``<h1>`` of its own, and each stamped with a ``<time>`` or linking to
    itself (``#id``) the way live-blog entries are."""
    if len(alike) < 3:
        return False
    for c in alike:
        if c in path or next(c.iter("h1"), None) is not None:
            return False
        if next(c.iter("time"), None) is None and c.get("id") is None:
            return False
    return True


def _brief(c, total: dict, best) -> bool:
    """``c``, a sibling of the headline's container ``best`` of its tag and class (``<div
    class="post">``), is another story's brief: it opens with a heading of its own (its first
    element, or one inside its first element: a ``<header>``) that links to another page (a
    headline's link), or it prints a date of its own (a ``<time>``), and holds less than
    :data:`SIBLING_SHARE` of ``best``'s good text (``total``: element → good text's length); a
    body cut into parts of one class, each under a sub-heading, holds as much in its parts, and
    parts under unlinked sub-headings (``Part two``, a live blog's ``10:42 Coast road closed``,
    a question) are the text's whatever their length."""
    first = next((e for e in c if isinstance(e.tag, str)), None)
    if first is None or not (first.tag in HEADINGS or first.tag == "h1"
                             or first.tag == "header" and next(first.iter("h1", *HEADINGS), None) is not None):
        return False
    heading = first if first.tag != "header" else next(first.iter("h1", *HEADINGS))
    linked = any(not (a.get("href") or "#").startswith("#") for a in heading.iter("a"))
    if not linked and next(c.iter("time"), None) is None:
        return False  # a part of the text under its sub-heading, a live blog's update, a question's answer
    return total.get(c, 0) < SIBLING_SHARE * total.get(best, 0)


def _body_part(c, cur, best, goods: set) -> bool:
    """``c`` (a container before the body's ``best`` one, both in ``cur``) reads as the body's
    first part: ``cur`` is named or marked as the article's body (``itemprop="articleBody"``,
    a class like ``article-content``), or ``c``'s paragraphs carry the same class as those of
    ``best``; ``cur`` being an ``<article>`` or ``<main>`` counts as marked."""
    if cur.tag in ("article", "main") or (cur.get("itemprop") or "").lower() == "articlebody" \
            or CONTENT_NAME.search(_semantic_names(cur)):
        return True
    classes = {p.get("class") for p in best.iter("p") if p in goods and p.get("class")}
    return any(p.get("class") in classes for p in c.iter("p") if p in goods)


def _inside(el, anc) -> bool:
    """``el`` is ``anc`` or one of its descendants."""
    node = el
    while node is not None:
        if node is anc:
            return True
        node = node.getparent()
    return False


_MEDIA_NAME = re.compile(r"gallery|galerie|slideshow|carousel|player|audio|video|podcast", re.I)
"""A class naming a media element (a gallery, an audio or video player): a sub-heading over it is
its title."""


def _passed_over(el) -> bool:
    """``el``, between a sub-heading and the container it may head, is passed over: a comment, a
    ``<style>``, an empty slot (a ``<div>``, ``<ins>``, ``<span>`` with no text, no image and no
    media name in its class, an advert's place), or a round-up item's picture (an ``<img>``, a
    ``<picture>``, a ``<figure>`` or ``<noscript>`` holding one image, its caption aside). A
    gallery (images, a class naming one), a script or a player is the element the sub-heading
    titles."""
    if not isinstance(el.tag, str) or el.tag == "style":
        return True
    if any(_MEDIA_NAME.search(d.get("class") or "") for d in el.iter() if isinstance(d.tag, str)) \
            or next(el.iter("script", "iframe", "video", "audio"), None) is not None:
        return False
    images = sum(1 for _ in el.iter("img"))
    if el.tag in ("div", "ins", "span"):
        return images == 0 and next((t for t in el.itertext() if t.strip()), None) is None
    return el.tag in ("img", "picture", "figure", "noscript") and images <= 1


@lru_cache(maxsize=1)
def _not_a_sub_heading() -> re.Pattern:
    """An advert's label opening a heading (the vocabulary's ``advert_label``: ``Anzeige: …``,
    ``Sponsored: …``), or a gallery's or an audio player's title (``media_heading``:
    ``Bildergalerie: …``, ``Listen to this article``)."""
    return re.compile(r"^(?:{})\s*[:|–-]|{}".format("|".join(phrases("advert_label")),
                                                     pattern("media_heading").pattern), re.I)


def heads_the_text(heading, into=None):
    """The container whose text the sub-heading ``heading`` heads from outside it: the element
    right after ``heading`` (its next sibling, past a round-up item's picture or an empty slot,
    :func:`_passed_over`; not past a gallery, a script or a player, which the heading titles), when that opens with a paragraph (its first
    block a ``<p>``) and holds sub-headings of ``heading``'s tag and class over its other
    paragraphs (a round-up printing its first item's ``<h2>`` before the text's container and
    the rest inside it: sub-headings over the text's own paragraphs are the text's); ``None``
    otherwise, or when that element is not ``into`` (given, the container asked about). A line
    over a text holding no sub-heading of its kind (a headline's subtitle in another ``<h2>``
    class) heads none, nor does a label (:func:`_label`: ``<h2>Kommentar</h2>`` under the headline,
    the article's format), nor an advert's, a gallery's or a player's (:func:`_not_a_sub_heading`:
    ``Anzeige: Reisen mit der Bahn``, ``Bildergalerie: …``, ``Listen to this article``)."""
    box = heading.getnext()
    while box is not None and _passed_over(box):
        box = box.getnext()
    if box is not None and _not_a_sub_heading().match(" ".join(heading.text_content().split())):
        return None
    if box is None or box.tag in HEADINGS or box.tag in ("p", "h1") or (into is not None and box is not into):
        return None
    first = next((e for e in box.iter("p", "h1", *HEADINGS) if e is not box), None)
    if first is None or first.tag != "p" or _label(heading):
        return None
    cls = heading.get("class")
    same = [h for h in box.iter(heading.tag) if h.get("class") == cls]
    return box if same and all(_followed_by_paragraph(h) for h in same) else None


def _label(heading) -> bool:
    """``heading`` is a label, no sub-heading of the text: one word (a section's or format's
    name, ``Kommentar``, ``Analysis``) or an article's kind (the vocabulary's ``article_kind``:
    ``Guest post``)."""
    text = " ".join(heading.text_content().split()).strip(" :")
    if len(text.split()) <= 1:
        return True
    m = pattern("article_kind").match(text)
    return m is not None and m.end() == len(text)


def _followed_by_paragraph(heading) -> bool:
    """The next element after ``heading`` is a ``<p>``: a sub-heading over paragraphs."""
    nxt = heading.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag == "p"
