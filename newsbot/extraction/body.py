"""Generic main-text extraction: the article body and standfirst of a page without portal
rules.

One pass over the parsed tree (no copy, no re-parse):

1. Prune: elements that never hold article text (scripts, navigation, asides, figures, forms,
   hidden elements) and elements whose ``class``/``id`` names boilerplate (share bars,
   newsletter boxes, related links, captions, consent placeholders, embedded posts…), in
   three tiers: always, unless the element holds three long paragraphs, unless it holds
   three paragraphs. The headline's ancestors are never pruned by name.
2. Blocks: the innermost block elements (``<p>``, sub-headings, list items, ``<div>`` holding
   only inline text) and runs of loose text, with their text and the share of it in links.
3. Container: "good" paragraphs (long, few links) add their length to their ancestors; from
   ``<body>`` the walk goes down into the child holding most of that text while it holds
   ``DESCEND_SHARE`` of it (preferring the child holding the headline, so an appended next
   article is left out); equal sibling containers, split bodies and lead-in paragraphs just
   before the container are read whole.
4. Filter: link lists, teaser cards and nested teaser articles, boilerplate sentences in many
   languages (:func:`is_boilerplate`), related-content sections (:func:`is_stop`), and the
   blocks before the first and after the last good paragraph that look like page furniture
   (kicker, byline, date stamp, source line).

:func:`find_lead` finds the standfirst between the headline and the body; :func:`embedded_html`
finds article HTML kept only as an escaped string in a script.

The rules are the usual ones of boilerplate removal (Readability's and jusText's ideas: text
length, link density, class names); the thresholds were tuned on a labelled multilingual
corpus and are kept generic (no site names).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.etree

from .text import key, squash

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "footer",
    "aside", "figure", "figcaption", "select", "textarea", "input", "video", "audio", "picture",
    "img", "canvas", "object", "embed", "dialog", "menu", "head", "title", "meta", "link", "label",
    "h1", "time", "address", "table",
})
BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"})
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
DIVLIKE = frozenset({"div", "section", "article", "main", "center", "font"})
BOILER_NAME = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|socials|newsletter|related|caption|credits?|promo|"
    r"subscribe|subscription|widget|advert|advertisement|ads?|adv|adslot|banner|byline|author|"
    r"authors|comments?|read-?more|recommend\w*|trending|tags?|breadcrumbs?|sponsor\w*|consent|"
    r"cookie|outbrain|taboola|embed|twitter-tweet|instagram-media|tiktok-embed|"
    r"teaser-list|more-?articles|popular|most-?read|meta|dateline|timestamp|toolbar|"
    r"navigation|nav|menu|sidebar|footer|header|copyright|disclaimer|print|donate|donation|"
    r"hidden|visually-?hidden|sr-only|screen-?reader\w*|offscreen|modal|overlay|popup|"
    r"rating|survey|poll|signup|opt-?in|login|register|gallery|slideshow|carousel|video|"
    r"podcast|player|audio|info-?box|fact-?box|fakta-?box|fakta-?boks|tooltip|skip|jump|toc|onetrust|didomi|"
    r"usercentrics|cmp|gdpr|privacy|whatsapp|telegram)(?:$|[\s_-])"
    # captions and credits of images named by their parts: detail-img__description, photoCredit
    r"|(?:img|image|photo|picture|bild|foto)[\w-]*(?:desc|caption|credit|source|copyright|unterschrift)",
    re.I,
)
HEADING_PRUNE_NAME = re.compile(
    r"(?:^|[\s_-])(?:author|authors|byline|promo|subscribe|subscription|signup|login|register|advert|"
    r"advertisement|ads?|adv|adslot|banner|sponsor\w*|video|podcast|player|audio|gallery|slideshow|carousel|"
    r"caption|credits?|rating|survey|poll|donate|donation|trending|popular|most-?read|recommend\w*|"
    r"hidden|visually-?hidden|sr-only|screen-?reader\w*|offscreen)(?:$|[\s_-])",
    re.I,
)
"""The weak boilerplate names that prune a sub-heading (read from its class only); other weak
names (``widget-title``, ``section-header``, ``toc``, ``print``) only style it."""
CONTENT_NAME = re.compile(r"article|content|body|story|text|entry|post", re.I)
ALWAYS_NAME = re.compile(
    r"(?:^|[\s_-])(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|info-?box|fact-?box|"
    r"fakta-?box|fakta-?boks|consent|cookie|onetrust|didomi|usercentrics|cmp|gdpr|comments?|"
    r"newsletter|outbrain|taboola)(?:$|[\s_-])",
    re.I,
)
STRONG_NAME = re.compile(
    r"(?:^|[\s_-])(?:related|recommend\w*|most-?read|popular|breadcrumbs?|"
    r"sidebar|footer|share|sharing|social|nav|navigation|menu|modal|popup)(?:$|[\s_-])",
    re.I,
)
NEVER_BY_NAME = frozenset({"body", "html", "main", "a", "em", "strong", "b", "i", "u", "mark", "abbr",
                           "q", "cite", "sub", "sup", "small", "br"})
"""Tags never pruned for their class name: the page itself, and inline text markup (a link
styled ``tag-link`` inside a sentence is still part of the sentence)."""
INLINE_KEEP = frozenset({"time", "label", "address"})
TEXT_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
GOOD_MIN_CHARS = 80
GOOD_MAX_LINK_SHARE = 0.3
DESCEND_SHARE = 0.6
ANCHOR_SHARE = 0.2
SPLIT_SHARE = 0.75
SIBLING_SHARE = 0.5
LEAD_MIN_CHARS = 50
LINK_LIST_SHARE = 0.6
KEYWORD_LINES_MAX = 30
KEYWORD_LINE_MAX_LINK_SHARE = 0.95
KEYWORD_MAX_CHARS = 40  # mean length of a keyword link; teaser headlines are longer


_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def text_weight(text: str) -> int:
    """Length of ``text`` in Latin-letter equivalents: a Chinese, Japanese or Korean
    character carries about as much as a word, so it counts three."""
    return len(text) + 2 * len(_WIDE.findall(text))


@dataclass
class Block:
    """One innermost block element: ``tag``, cleaned ``text``, ``link_share`` (0..1, share of
    characters inside ``<a>``), and ``element`` (the lxml element)."""

    element: object
    tag: str
    text: str
    link_share: float
    links: int = 0

    @property
    def good(self) -> bool:
        """A paragraph of running text: long, few links, not a sub-heading or list item."""
        return (self.tag not in HEADINGS and self.tag not in ("li", "dt", "dd")
                and text_weight(self.text) >= GOOD_MIN_CHARS and self.link_share <= GOOD_MAX_LINK_SHARE)


_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
_FEATURE_FLAG = re.compile(r"(?:has|with|without|is|show|no)[A-Z]")


def _semantic_names(el, with_id: bool = True) -> str:
    """``class`` and (``with_id``) ``id`` of ``el`` without utility-class tokens holding ``[``,
    ``(`` or ``:`` (``md:scroll-mt-[calc(…header…)]`` says how it looks, not what it is)."""
    tokens = ((el.get("class") or "") + " " + (el.get("id") if with_id and el.get("id") else "")).split()
    return " ".join(t for t in tokens if not any(c in t for c in "[(:"))


def _pruned(el) -> bool:
    tag = el.tag
    if tag in SKIP_TAGS:
        return True
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").lower() == "true" and tag not in TEXT_TAGS:
        return True
    style = el.get("style")
    if style and tag not in TEXT_TAGS and HIDDEN_STYLE.search(style):
        return True  # a paragraph hidden by style or aria-hidden is a metered paywall's text: kept
    names = _semantic_names(el, with_id=tag not in HEADINGS)  # a heading's id is often its text as a slug
    if "-" in tag:
        names += " " + tag  # custom elements name themselves: <amedia-factbox>
    if not names or tag in NEVER_BY_NAME:
        return False
    # "RelatedContent" read as words; a camelCase feature flag ("hasVideo") names no part
    words = " ".join(_CAMEL.sub("-", t) for t in names.split() if not _FEATURE_FLAG.match(t))
    if ALWAYS_NAME.search(words):
        return True
    # a wrapper named after one feature (``article--has-video``, ``sidebar-grid``) that holds
    # running text stays
    if STRONG_NAME.search(words) and not any(CONTENT_NAME.search(t) for t in names.split()
                                             if not STRONG_NAME.search(_CAMEL.sub("-", t))):
        long = (p for p in el.iter("p") if len(p.text_content()) >= 150)
        return sum(1 for _ in zip(range(3), long)) < 3
    if not BOILER_NAME.search(words):
        return False
    if tag in HEADINGS:
        # a sub-heading styled ``widget-title``, ``section-header`` or ``js-jump-target`` is still a
        # sub-heading; one named for a byline, a promotion, a video or screen readers is not
        return bool(HEADING_PRUNE_NAME.search(words))
    return sum(1 for _ in zip(range(3), el.iter("p"))) < 3


def _texts(el, link: bool, out: list, links: list) -> None:
    """Visible text of ``el`` into ``out`` (and the part inside links into ``links``), pruned
    descendants skipped (their tails kept)."""
    if el.text:
        out.append(el.text)
        if link:
            links.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            if child.tag == "br":
                out.append(" ")
            elif child.tag in INLINE_KEEP or not _pruned(child):
                _texts(child, link or child.tag == "a", out, links)
        if child.tail:
            out.append(child.tail)
            if link:
                links.append(child.tail)


def _block(el, tag: str, parts: list[str], links: list[str]) -> Block | None:
    text = squash("".join(parts))
    if not text:
        return None
    link_chars = len(squash("".join(links)) or "")
    return Block(el, tag, text, min(1.0, link_chars / len(text)), sum(1 for _ in el.iter("a")) if tag != "text" else 0)


def blocks(root, alive: list | None = None, keep: frozenset = frozenset()) -> list[Block]:
    """Innermost, unpruned block elements under ``root`` in document order, and the runs of
    loose text (text and inline elements between blocks, as in ``<div>text<br>text<p>…``) as
    blocks of tag ``"text"``. ``alive``, when given, receives every visited element: lxml
    element proxies are only identical (and so usable as dict keys) while a Python reference
    to them exists. Elements in ``keep`` (the headline's ancestors) are never pruned by name."""
    elements = []
    pruned: set = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent is not None and parent in pruned:
            pruned.add(el)
            continue
        if el is not root and el not in keep and _pruned(el):
            pruned.add(el)
            continue
        elements.append(el)
    if alive is not None:
        alive.extend(elements)
    leaf: set = set()
    has_block: set = set()
    for el in reversed(elements):
        inner = el in has_block
        if _is_block_tag(el) and el is not root or (el.tag in DIVLIKE and not inner and el is not root):
            if not inner:
                leaf.add(el)
            parent = el.getparent()
            if parent is not None:
                has_block.add(parent)
        elif inner:
            parent = el.getparent()
            if parent is not None:
                has_block.add(parent)
    out: list[Block] = []
    _emit(root, leaf, has_block, pruned, out, 0)
    return out


def _is_block_tag(el) -> bool:
    return el.tag in BLOCK_TAGS or el.get("role") == "heading"


def _emit(el, leaf: set, has_block: set, pruned: set, out: list, depth: int, in_link: bool = False) -> None:
    """Blocks of ``el`` into ``out``; ``in_link``: ``el`` sits inside an ``<a>`` (a teaser
    card whose whole box is one link), so all of its text is link text."""
    in_link = in_link or el.tag == "a"
    if el in leaf or depth > 300:
        parts: list[str] = []
        links: list[str] = []
        _texts(el, in_link, parts, links)
        tag = "h4" if el.get("role") == "heading" and el.tag not in BLOCK_TAGS else el.tag
        b = _block(el, tag, parts, links)
        if b:
            out.append(b)
        return
    parts = [el.text or ""]
    links = list(parts) if in_link else []
    for child in el:
        if not isinstance(child.tag, str) or child in pruned:
            if child.tag == "br":
                parts.append(" ")
            parts.append(child.tail or "")
            if in_link:
                links.append(child.tail or "")
            continue
        if child in leaf or child in has_block:
            b = _block(el, "text", parts, links)
            if b:
                out.append(b)
            _emit(child, leaf, has_block, pruned, out, depth + 1, in_link)
            parts = [child.tail or ""]
            links = list(parts) if in_link else []
        else:
            inner: list[str] = []
            _texts(child, in_link or child.tag == "a", inner, links)
            parts += inner
            parts.append(child.tail or "")
            if in_link:
                links.append(child.tail or "")
    b = _block(el, "text", parts, links)
    if b:
        out.append(b)


def containers(root, found: list[Block], anchor=None, order: dict | None = None) -> list:
    """The elements holding the article, in document order. Good paragraphs add their length
    to every ancestor; from ``root`` the walk goes down into the child holding most of that
    text while it holds ``DESCEND_SHARE`` of it (so a body split into several containers by
    adverts is read whole, and one wrapped paragraph a ``<div>`` is no trap). A child that
    holds ``anchor`` (the headline's ``<h1>``) is preferred while it holds ``ANCHOR_SHARE``:
    on pages that append the next article below, the first one is the page's. Paragraphs and
    smaller containers of running text right before the chosen one and after the headline
    (``order``: element → document position) are the body's first part (a free first paragraph
    above the metered rest)."""
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
        if held and best is not held[0] and total[held[0]] >= ANCHOR_SHARE * total[cur]:
            best = held[0]
        elif total[best] < DESCEND_SHARE * total[cur]:
            return extra + [cur]
        alike = [c for c in kids if c.tag == best.tag and c.get("class") == best.get("class")]
        if len(alike) > 1 and sum(total[c] for c in alike) >= DESCEND_SHARE * total[cur] and best.tag != "article":
            return extra + alike  # one article body cut into several equal containers
        strays = []
        for c in cur:
            if c is best:
                break
            if c in goods and c.tag == "p":
                strays.append(c)
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
                c.tag != "article" and next(c.iter("h1"), None) is None and total[c] >= SIBLING_SHARE * total[best])]
        extra += strays  # lead-in paragraphs right before the body's own container
        cur = best


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
    node = el
    while node is not None:
        if node is anc:
            return True
        node = node.getparent()
    return False


@dataclass
class Body:
    """Result of :func:`extract`: ``paragraphs`` (texts in reading order) and ``blocks`` (the
    kept :class:`Block` objects, same order); ``order`` maps elements to their document
    position (for the lead search); ``left_out``: elements whose text is never the article's
    (AI-summary boxes), for the lead search too."""

    paragraphs: list
    blocks: list
    order: dict
    left_out: set = field(default_factory=set)


def extract(tree, anchor=None) -> Body:
    """Body of the article in ``tree`` (an lxml HTML document, read only): paragraphs with
    sub-headings and list items as their own paragraphs; empty when no running text is found.
    ``anchor``: the headline element, when known."""
    root = tree.find("body")
    if root is None:
        root = tree
    alive: list = []
    keep = set()
    node = anchor.getparent() if anchor is not None else None
    while node is not None:
        keep.add(node)
        node = node.getparent()
    found = [b for b in blocks(root, alive, keep) if anchor is None or b.element is not anchor]  # an <h2> headline
    ai_boxes = _ai_summary_boxes(found)
    if ai_boxes:
        found = [b for b in found if b.element not in ai_boxes]
    order = {el: i for i, el in enumerate(e for e in root.iter() if isinstance(e.tag, str))}
    boxes = containers(root, found, anchor, order)
    inner = [b for b in found if any(_inside(b.element, box) for box in boxes)]
    inner = [b for b in inner if (b.link_share < LINK_LIST_SHARE or b.good or b.links > 1)
             and not is_boilerplate(b.text) and not _teaser(b, boxes)]
    inner = _cut_related(inner)
    inner = _drop_nested_articles(inner, boxes)
    goods = [i for i, b in enumerate(inner) if b.good]
    if not goods:
        return Body([], [], order, ai_boxes)
    first, last = goods[0], goods[-1]
    lead_parent = _parent(inner[first])
    head = [b for b in inner[:first] if not _dateline(b) and (_keep_before(b) or (
        _parent(b) is lead_parent and b.tag in ("p", "h2", "h3", "h4") and b.link_share < LINK_LIST_SHARE))]
    last = _keyword_lines(inner, last)
    tail = [b for b in inner[last + 1:] if _keep_after(b)]
    kept = _dedupe(head + inner[first:last + 1] + tail)
    return Body([b.text for b in kept], kept, order, ai_boxes)


def _keyword_lines(inner: list[Block], last: int) -> int:
    """Index of the last block of the body's text: ``last`` (the last good paragraph), moved
    over the ``<p>`` lines right after it in the same parent that join keyword links with plain
    words (``Region: <a>Town</a>, <a>Town</a>``, each place or name linked to its topic page:
    links of ``KEYWORD_MAX_CHARS`` characters or fewer on average, or a sentence with 40
    characters outside its links), and over short unlinked lines between them, up to
    ``KEYWORD_LINES_MAX`` of them. Teaser lines (long links, almost nothing else) and any
    other block end the run."""
    parent = _parent(inner[last])
    end = last
    for i in range(last + 1, min(len(inner), last + 1 + KEYWORD_LINES_MAX)):
        b = inner[i]
        if _parent(b) is not parent or b.tag != "p":
            break
        if b.links >= 2 and b.link_share < KEYWORD_LINE_MAX_LINK_SHARE and (
                b.link_share * len(b.text) / b.links <= KEYWORD_MAX_CHARS
                or (1 - b.link_share) * len(b.text) >= 40 and _SENTENCE_END.search(b.text)):
            end = i
        elif b.links or len(b.text) >= 40:
            break
    return end


def _ai_summary_boxes(found: list[Block]) -> set:
    """The elements of AI-summary boxes (each box with all its descendants): the parent of a
    short AI-summary notice ("AI summary…", "KI-Zusammenfassung…", "AI 요약…") that holds at
    most ``AI_BOX_MAX_CHARS`` characters and under half of the page's running text (so a
    notice placed in the article's own container only drops itself)."""
    boxes: list = []
    box_set: set = set()
    for b in found:
        if is_ai_notice(b.text):
            box = _parent(b)
            if box is not None and box not in box_set and len(box.text_content()) <= AI_BOX_MAX_CHARS:
                boxes.append(box)
                box_set.add(box)
    if not boxes:
        return set()
    inside: dict = {}
    total = 0
    for b in found:
        if not b.good:
            continue
        total += len(b.text)
        node = b.element
        while node is not None:
            if node in box_set:
                inside[node] = inside.get(node, 0) + len(b.text)
            node = node.getparent()
    out: set = set()
    for box in boxes:
        if inside.get(box, 0) <= total / 2:
            out.update(box.iter())
    return out


def _dedupe(found: list[Block]) -> list[Block]:
    """Drop a long block that only repeats the others (a hidden or alternative copy of the
    whole text beside its paragraphs)."""
    out = list(found)
    longest = max(out, key=lambda b: len(b.text), default=None)
    if longest is not None and len(longest.text) >= 1000 and len(out) > 2:
        rest = " ".join(b.text for b in out if b is not longest)
        if len(rest) >= 0.8 * len(longest.text):
            words = key(longest.text).split()
            others = set(zip(*(key(rest).split()[i:] for i in range(4))))
            grams = list(zip(*(words[i:] for i in range(4))))
            if grams and sum(g in others for g in grams) >= 0.8 * len(grams):
                out = [b for b in out if b is not longest]
    return out


AI_NOTICE = re.compile(
    r"^.{0,40}(?:ai summary|ai-generated summary|ki-zusammenfassung|zusammenfassung wurde|ai 요약|generated by ai|"
    r"(?:ai-generated|ki-generiert)(?:\W*$|:| summary| text| zusammenfassung)|"
    r"(?:generiert|erstellt) (?:von|mit|durch) (?:einer )?(?:ki|künstlicher intelligenz)\b|"
    r"ai ?(?:로|による) ?(?:요약|要約)(?:한 기사입니다|した記事です|です|입니다|\W*$)|"
    r"(?:résumé|synthèse|riassunto|resumen|samenvatting|sammanfattning|sammendrag|zusammenfassung|summary|"
    r"dieser text|ce texte|this text)\w*\b.{0,40}\b(?:généré|générée|generato|generata|generado|generada|gemaakt|"
    r"genererad|generert|generiert|erstellt|zusammengefasst|generated|created|written)\b.{0,40}"
    r"\b(?:ia|ai|ki|intelligen\w+|chatgpt|openai)\b)",
    re.I,
)
AI_NOTICE_SHORT = re.compile(
    # short notices only: "Sammendraget er laget av ChatGPT", "Summary written with OpenAI's help"
    r"\b(?:laget|skrevet|erstellt|generiert|verfasst|zusammengefasst|written|generated|created|made|summari[sz]ed|"
    r"générée?|rédigée?|generat[oa]|gemaakt|generado|wygenerowan\w*)\b.{0,20}?"
    r"\b(?:av|by|von|mit|durch|par|door|przez|da|por|with|using) (?:hilfe von |the help of |l'aide de )?(?:chatgpt|openai|"
    r"künstlicher intelligenz|kunstig intelligens|artificial intelligence)\b",
    re.I,
)
AI_NOTICE_SHORT_MAX_CHARS = 120


def is_ai_notice(text: str) -> bool:
    """True for a note that a summary or text was made by a language model ("KI-Zusammenfassung…",
    "AI summary…", "… laget av ChatGPT"); the looser shapes only in notes under
    ``AI_NOTICE_SHORT_MAX_CHARS`` characters."""
    return (len(text) < 300 and bool(AI_NOTICE.match(text))
            or len(text) < AI_NOTICE_SHORT_MAX_CHARS and bool(AI_NOTICE_SHORT.search(text)))


_NETWORKS = r"x|twitter|facebook|instagram|linkedin|whatsapp|telegram|bluesky|threads|tiktok|youtube"
BOILER_TEXT = re.compile(
    r"^(?:"
    # consent placeholders of embedded content
    r"externer? inhalt|external content|empfohlener redaktioneller inhalt|ein klick für den datenschutz|"
    r".{0,80}(?:privacy settings|privatsphäre-?einstellungen|datenschutz-?einstellungen|"
    r"cookie settings|consent to|einwilligung|zustimmung zu)|"
    r"ich bin damit einverstanden|i agree to|zur anzeige aktiviere|um (?:diesen|den) inhalt|"
    r"an dieser stelle (?:finden sie|findest du) (?:einen|einen von)|"
    # read more / teasers
    r"(?:read|see|watch) (?:more|also)\b|related:|mehr zum thema|lesen sie (?:auch|hier|mehr)|"
    r"auch interessant|weitere artikel|das könnte sie|lire aussi|à lire aussi|voir aussi|leggi anche|"
    r"lee también|leia também|czytaj (?:więcej|też|także)|zobacz też|les også|läs också|læs også|"
    r"lees ook|lue myös|přečtěte si|citește și|прочетете още|διαβάστε επίσης|olvassa el|"
    # sign-in and subscription prompts
    r"sign in\b|sign up\b|register\b|create an account|subscribe\b|jetzt abonnieren|"
    r"get email updates|enjoy additional articles|access articles from|share your thoughts|"
    r"(?:share|teilen|partager|compartir|condividi|udostępnij|dela)(?: (?:on|auf|sur|en|su|na|på))?:? "
    r"(?:facebook|x|twitter|linkedin|whatsapp|e-?mail|telegram|bluesky|reddit)\b|"
    r"share this|teilen sie|folgen sie uns|follow us\b|"
    r"(?:themen|tags|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|mots[- ]clés|temas|argomenti|tematy|ämnen|emner|"
    r"onderwerpen|topics)\s*:[^.!?]*$|"
    r"follow [\w.' -]{1,40} on google news\b|folgst du (?:schon|uns)|"
    r"folgen sie [\w.' -]{1,40} auf (?:" + _NETWORKS + r")(?:(?:,| und| oder) (?:" + _NETWORKS + r"))*\W{0,3}$|"
    r"(?:diesen )?(?:artikel|beitrag) (?:teilen|merken|drucken)$|"
    r"follow [\w.' -]{1,40} on (?:" + _NETWORKS + r")(?:(?:,| and| or| &) (?:" + _NETWORKS + r"))*"
    r"(?: for (?:the )?(?:latest|more|updates|news)[\w ]{0,30})?\W{0,3}$|"
    r"(?:artikel|beitrag) teilen\b|share (?:this )?(?:article|story)\b|"
    r"hat ihnen (?:dieser|der) artikel gefallen|did you (?:like|enjoy) this|unterstützen sie uns|"
    # reading time, update stamps, programme notes
    r"\d+\s*min(?:\.|uten?|s)?\.?\s*(?:lesezeit|lesedauer|read|reading time|de lecture|di lettura)|"
    r"(?:lesezeit|lesedauer|reading time|temps de lecture)\b|"
    r"(?:aktualisiert|veröffentlicht|zuletzt aktualisiert|updated|published|mis à jour|publié) "
    r"(?:am|on|le)?\s*\d|dieses thema im programm|embed$|"
    # advert labels and reading prompts
    r"(?:anzeige|werbung|advertisement|advertising|publicité|publicidad|pubblicità|reklama|"
    r"реклама|annonce|sponsored|ad)$|(?:article|story) continues below|continue reading below|"
    r"do you have a story|got a story|get in touch with|email us at|send us your|"
    r"il vous reste \d|la suite est réservée|the rest of this article is|"
    r"(?:.{0,100}\b(?:lesen sie|finden sie|verfolgen sie)|(?:you can |you'll |for more,? )?(?:read|follow|find|see))\b.{0,60}"
    r"\b(?:in unserem (?:liveblog|live-?ticker|newsblog|ticker)|in our live ?blog)\W{0,3}$|"
    r"(?:suivez|retrouvez|segui|seguite|sigue|volg)\b.{0,80}\b(?:notre direct|(?:la nostra )?diretta|"
    r"nuestro directo|(?:ons|onze) liveblog)\W{0,3}$|"
    r"à découvrir$|à lire également|current issue$|stay informed with|weitere informationen$|"
    r"ende der weiteren informationen|want to bookmark|start your [\w ]{0,40}subscription|support (?:independent|our|quality) journalism|cek berita|ikuti (?:kami|whatsapp)|at caxton we|"
    # credits and notes closing an article
    r"(?:additional )?reporting by |editing by |writing by |with files from |compiled by |"
    r"dieser (?:artikel|beitrag|text) (?:ist|erschien)|mit material (?:von|der)|mit agenturmaterial|"
    r"quelle: |source: |sendung: |lest den originalartikel|read the original|"
    r"aus dem (?:englischen|amerikanischen|französischen|spanischen|italienischen|russischen|polnischen) "
    r"(?:von|übersetzt)|translated from (?:the )?\w+ by |"
    r"this (?:article|story) (?:was|first) (?:originally )?(?:published|appeared)|"
    r"cet article (?:a été|est) (?:initialement )?publié|questo articolo è|"
    # machine translation and AI summary notices
    r".{0,60}(?:machine[- ]translat|maschinelle übersetzung|automatisch übersetzt|automatically translated|"
    r"traduction automatique|traducción automática)"
    r")",
    re.I,
)
AI_BOX_MAX_CHARS = 2000
CREDIT_TEXT = re.compile(
    r"(?:getty images|imago|picture[- ]alliance|shutterstock|reuters|afp|dpa|ap photo|"
    r"bildrechte|bildquelle|foto:|photo:|photograph:|image:|©|\(c\)|infografik|infographic|grafik:|graphic:)",
    re.I,
)


TRAILING_BOILER = re.compile(
    # an advert label closing a deals box; a photo credit after the caption's last sentence
    r"(?:\[(?:werbung|anzeige|advertisement|sponsored|publicité)\]|"
    r"[.!?…][\"'”’»)]?\s+(?:bildrechte|bildquelle|fotos?|photos?|kuva)\s*:\s*[^.!?:]{2,60}\.?|"
    r"\((?:bildrechte|bildquelle|fotos?|photos?|kuva)\s*:\s*[^().!?:]{2,60}\))\s*$",
    re.I,
)
NEWSLETTER_PROMPT = re.compile(
    # a newsletter box: the word, then a call to sign up closing the block as its own clause
    r"\bnewsletter\b.{0,250}(?:(?:[.!?:–—-]\s+|\b(?:jetzt|hier|kostenlos|gratis|now|here|today)\s+)"
    r"(?:anmelden|abonnieren|registrieren|subscribe(?: now| here| today)?|sign up(?: now| here| today)?|"
    r"inscrivez-vous|abonnez-vous|iscriviti|suscríbete|zapisz się|prenumerera|aanmelden|schrijf je in)|"
    r"hier geht[’']?s zur anmeldung)\W{0,3}$|\bzum newsletter (?:anmelden|abonnieren)\W{0,3}$|"
    # or the call first: "Abonnez-vous à notre newsletter", "Sign up for our daily newsletter"
    r"(?:^|[.!?]\s+)(?:jetzt )?(?:iscriviti|abonnez-vous|inscrivez-vous|suscríbete|zapisz się|schrijf je in|"
    r"sign up (?:for|to)|subscribe to|melden sie sich)\b.{0,40}"
    r"\b(?:our|unseren?|notre|nos|nostra|nuestra|naszego|onze|zu[mr])\b.{0,40}newsletter", re.I)
MEMBER_PROMPT = re.compile(r"^(?:(?:有料会員|今すぐ登録|会員登録|ログインする)(?:に|を|はこちら|する|して|限定|で|[（(]|$)|"
                           r"(?:この記事は|続きは).{0,12}(?:有料会員|会員登録)|이 기사는 유료 ?회원)")
MEMBER_PROMPT_MAX_CHARS = 40
MEMBER_PROMPT_END = re.compile(r"(?:ください|いただけます|はこちら)[。！!]?$")


def is_boilerplate(text: str) -> bool:
    """True for block texts that are page furniture in any article: consent placeholders of
    embedded content, "read more" teasers, sign-in, newsletter and (Japanese) member prompts
    that call to act, machine-translation and AI-summary notices (:func:`is_ai_notice`), short
    photo credits, captions closed by a credit after their last sentence (``… Bildrechte:
    Agency``) and deals boxes closed by an advert label (``… [Werbung]``)."""
    if len(text) < 300 and BOILER_TEXT.match(text) or is_ai_notice(text):
        return True
    if len(text) < 500 and TRAILING_BOILER.search(text) or len(text) < 300 and NEWSLETTER_PROMPT.search(text):
        return True
    if MEMBER_PROMPT.match(text) and (len(text) <= MEMBER_PROMPT_MAX_CHARS and "。" not in text
                                      or MEMBER_PROMPT_END.search(text)):
        return True
    return len(text) < 80 and not _SENTENCE_END.search(text) and bool(CREDIT_TEXT.search(text))


STOP_TEXT = re.compile(
    r"^(?:aus dem ressort|mehr zum thema|mehr aus |mehr zu |das könnte sie|weitere artikel|"
    r"weitere nachrichten|meistgelesen|auch interessant|related (?:articles|stories|content)|"
    r"more from|more on this|more stories|most read|most popular|you may also like|"
    r"recommended for you|also read|read next|lire aussi|à lire aussi|sur le même sujet|"
    r"leggi anche|potrebbe interessarti|te puede interesar|noticias relacionadas|"
    r"relacionad[ao]s|les også|läs också|læs også|lees ook|czytaj także|zobacz także|"
    r"najczęściej czytane|związane|"
    # Japanese, Korean, Chinese: related news, the author box
    r"関連ニュース|関連記事|この記事を書いた人|관련 ?기사|관련 ?뉴스|相关新闻|相關新聞|相关阅读|延伸阅读|延伸閱讀)\b",
    re.I,
)


def is_stop(b: Block) -> bool:
    """A heading or short block announcing related content: the article ended above it."""
    return len(b.text) < 60 and bool(STOP_TEXT.match(b.text))


def _drop_nested_articles(found: list[Block], boxes: list) -> list[Block]:
    """Drop blocks of an ``<article>`` nested inside the article container that holds under
    a third of its good text: a teaser of another story placed inside the body."""
    good_total = sum(len(b.text) for b in found if b.good) or 1
    share: dict = {}
    nearest = []
    for b in found:
        node, art = b.element, None
        while node is not None and node not in boxes:
            if node.tag == "article":
                art = node
            node = node.getparent()
        nearest.append(art)
        if art is not None and b.good:
            share[art] = share.get(art, 0) + len(b.text)
    return [b for b, art in zip(found, nearest) if art is None or share.get(art, 0) >= good_total / 3]


def _parent(b: Block):
    return b.element if b.tag == "text" else b.element.getparent()


def _cut_related(found: list[Block]) -> list[Block]:
    """Drop a related-content section: from a :func:`is_stop` block after the first good
    paragraph, every block up to the next one in the article's own container (the parent of
    the last good paragraph, or a sibling like it), so an inline "most read" rail leaves the
    text after it."""
    out: list[Block] = []
    main = None
    skipping = False
    for b in found:
        if skipping:
            if _same_container(_parent(b), main) and not is_stop(b):
                skipping = False
            else:
                continue
        if main is not None and is_stop(b):
            skipping = True
            continue
        if b.good:
            main = _parent(b)
        out.append(b)
    return out


def _same_container(el, main) -> bool:
    """``el`` is ``main`` or a sibling of the same tag and class (the next part of a body cut
    into ``<div class="group">`` pieces)."""
    if el is main:
        return True
    return (el is not None and main is not None and el.getparent() is main.getparent()
            and el.tag == main.tag and el.get("class") == main.get("class"))


def _teaser(b: Block, boxes: list) -> bool:
    """A paragraph inside a teaser card: one of its three nearest ancestors (inside the
    article container) also holds a linked heading, the headline of another article."""
    node = b.element if b.tag == "text" else b.element.getparent()
    limit = 2 * len(b.text) + 300
    for _ in range(3):
        if node is None or node in boxes or len(node.text_content()) > limit:
            return False
        for h in node.iter("h2", "h3", "h4", "h5", "h6"):
            if any(not (a.get("href") or "#").startswith("#") for a in h.iter("a")) or any(
                    a.tag == "a" and not (a.get("href") or "#").startswith("#") for a in h.iterancestors()):
                return True
        node = node.getparent()
    return False


_SENTENCE_END = re.compile(r"[.!?…:;)\"'»«“”’。！？]$")


_DATELINE = re.compile(r"\b(?:19|20)\d\d\b")


def _dateline(b: Block) -> bool:
    """A short line that is mostly a date or time stamp (``17:41 JST October 13, 2024``)."""
    text = b.text
    if len(text) > 60 or not _DATELINE.search(text) or _SENTENCE_END.search(text.rstrip(")")):
        return False
    digits = sum(c.isdigit() for c in text)
    return digits >= 0.25 * len(text.replace(" ", ""))


def _keep_before(b: Block) -> bool:
    """Blocks ahead of the first good paragraph stay when they read as a sentence (a short
    lead-in), not as a kicker, headline, byline or date line."""
    return (b.tag not in HEADINGS and b.link_share < 0.3 and len(b.text) >= 40
            and (len(b.text) >= 100 or bool(_SENTENCE_END.search(b.text))))


def _keep_after(b: Block) -> bool:
    return len(b.text) >= 40 and b.link_share < 0.3 and not _dateline(b)


LEAD_NAME = re.compile(
    r"lead|intro|standfirst|summary|excerpt|deck|(?:^|[\s_-]|header|content)dek|sub-?title|subhead|teaser|"
    r"vorspann|preface|einleitung|preamble|epigraph|strapline|description|abstract|chapeau|"
    r"chapo|entradilla|ingress|perex|sottotitolo|sumario|bulletpoints|first-paragraph",
    re.I,
)
_NOT_LEAD = re.compile(
    r"leading-|teaser-?list|related|image|img|photo|picture|caption|credit|media|figure|"
    r"bild|foto|byline|author|meta|breadcrumb", re.I)
_LEAD_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "section", "figure")


def _names(el) -> str:
    return ((el.get("class") or "") + " " + (el.get("id") or "")).strip()


def _in_furniture(el) -> bool:
    node = el
    while node is not None:
        if node.tag in FURNITURE:
            return True
        node = node.getparent()
    return False


FURNITURE = frozenset({"figure", "figcaption", "aside", "nav", "footer", "script", "style", "noscript",
                       "template", "button", "form", "a"})


def _plain(el) -> bool:
    """A ``<p>``, or a ``<div>`` holding only text and inline markup."""
    if el.tag == "p":
        return True
    return el.tag == "div" and all(c.tag in NEVER_BY_NAME or c.tag in ("span", "br") for c in el
                                   if isinstance(c.tag, str))


def find_lead(tree, body: Body, anchor=None) -> str | None:
    """The standfirst: the first element named like one (``lead``, ``intro``, ``standfirst``,
    ``summary``, ``dek``, ``subtitle``…, on itself or its parent) that lies after the headline
    ``anchor`` and before the first body paragraph, with at least ``LEAD_MIN_CHARS`` of text;
    failing that, the first unnamed ``<p>``/``<h2>``/``<div>`` of running text in that span."""
    if not body.blocks:
        return None
    order = body.order
    stop = order.get(body.blocks[0].element, 0)
    if body.blocks[0].tag == "text":
        stop += 1
    start = order.get(anchor, -1) if anchor is not None else -1
    fallback = None
    for el, i in order.items():
        if i <= start or i > stop or el.tag in ("body", "html", "a", "li", "ul", "h1") or _in_furniture(el) \
                or el in body.left_out:
            continue
        names = _names(el)
        parent = el.getparent()
        pnames = _names(parent) if parent is not None else ""
        if _NOT_LEAD.search(names) or _NOT_LEAD.search(pnames):
            continue
        if sum(1 for _ in zip(range(2), el.iterdescendants(*_LEAD_BLOCKS))) > 1 or next(el.iter("h1"), None) is not None:
            continue
        hit = (names and LEAD_NAME.search(names)) or (el.tag in ("p", "h2") and pnames and LEAD_NAME.search(pnames))
        if not hit and (fallback is not None or start < 0 or i >= stop or not _plain(el)
                        or (anchor is not None and parent is not None and not _inside(anchor, parent)
                            and any(order.get(h, -1) > start for h in el.itersiblings(*HEADINGS, preceding=True)))):
            continue  # (the last: a box with a heading of its own after the headline, "Also interesting")
        parts: list[str] = []
        links: list[str] = []
        _texts(el, False, parts, links)
        b = _block(el, el.tag, parts, links)
        if not b or len(b.text) < LEAD_MIN_CHARS or b.link_share >= 0.5 or b.text.count(" ") < 4 \
                or is_boilerplate(b.text):
            continue
        if hit:
            return b.text
        if _SENTENCE_END.search(b.text):
            fallback = b.text
    return fallback


_JS_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.S)
_HTML_HINT = re.compile(r"<(?:p|br|h2|div)\b", re.I)


def embedded_html(tree) -> str | None:
    """Article HTML held only as an escaped string inside a script (JSON state of client-side
    rendered pages, e.g. ``"contentHtml":"\\u003cp\\u003e…"``): the longest such string, once or
    twice JSON-unescaped, that holds paragraph markup; ``None`` when there is none."""
    found: list[str] = []
    for script in tree.iter("script"):
        if script.get("src") or not script.text or len(script.text) < 400:
            continue
        _html_strings(script.text, found, 0)
    best, best_len = None, 0
    for raw in found:
        start = raw.find("<")
        size = len(_TAGS.sub("", raw[start:]))
        if size > best_len:
            best, best_len = raw[start:], size
    return best if best_len >= GOOD_MIN_CHARS else None


def _html_strings(text: str, out: list, depth: int) -> None:
    for m in _JS_STRING.finditer(text):
        raw = m.group(1)
        try:
            raw = json.loads('"' + raw + '"')
        except ValueError:
            continue
        if '":"' in raw or '\\"' in raw:
            if depth < 2:
                _html_strings(raw, out, depth + 1)  # JSON inside the string: look deeper
            continue
        if _HTML_HINT.search(raw):
            out.append(raw)


_TAGS = re.compile(r"<[^>]*>")


def extract_fragment(markup: str) -> Body:
    """:func:`extract` on an HTML fragment (``markup``: a string of elements)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring("<html><body>" + markup + "</body></html>")
    except (ValueError, lxml.etree.ParserError):
        return Body([], [], {})
    body = extract(root)
    if body.paragraphs:
        return body
    # a fragment of loose text split by <br>: its runs are the paragraphs
    found = [b for b in blocks(root.find("body")) if not is_boilerplate(b.text)]
    return Body([b.text for b in found], found, {})
