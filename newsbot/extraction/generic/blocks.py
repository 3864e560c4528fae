"""Blocks: the innermost block elements of a page (``<p>``, sub-headings, list items, table
rows, ``<div>`` holding only inline text) and the runs of loose text between them, each with
its text, the share of that text inside links, and its number of links. A block whose text is
cut by two or more ``<br>`` in a row is one block per piece (paragraphs written as
``text<br><br>text``); a table row reads as its cells joined by `` | ``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from ..text import squash
from .prune import HEADINGS, _pruned, judge, spared

BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "tr"})
NOT_RUNNING = frozenset({"li", "dt", "dd", "tr"})
"""Block tags that are never a paragraph of running text (:attr:`Block.good`) however long."""
CELL_TAGS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "
_BR = "\x1e"  # a <br> while reading text: two in a row end a paragraph, one is a space
_CELL = "\x1f"  # the start of a table cell
_PARAGRAPH_BREAK = re.compile(r"\x1e[^\S\x1e]*\x1e[\s\x1e]*")
DIVLIKE = frozenset({"div", "section", "article", "main", "center", "font"})
INLINE_KEEP = frozenset({"time", "label", "address"})
GOOD_MIN_CHARS = 80
GOOD_MAX_LINK_SHARE = 0.3


_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def text_weight(text: str) -> int:
    """Length of ``text`` in Latin-letter equivalents: a Chinese, Japanese or Korean
    character carries about as much as a word, so it counts three."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * len(_WIDE.findall(text))


EMPHASIS = frozenset({"em", "i", "strong", "b", "small"})  # tags that set a whole block's text apart


@dataclass
class Block:
    """One innermost block element: ``tag``, cleaned ``text``, ``link_share`` (0..1, share of
    characters inside ``<a>``), ``links`` (its number of links), and ``element`` (the lxml
    element); ``pruned``: for a block read inside an element its class or id name prunes (read
    only when asked, see :func:`blocks`), that name's reason (``"boiler:widget"``, see
    :func:`~.prune.judge`), else ``""``."""

    element: object
    tag: str
    text: str
    link_share: float
    links: int = 0
    pruned: str = ""

    @cached_property
    def emphasised(self) -> bool:
        """Its whole text is in one emphasis element (:data:`EMPHASIS`): a note, a bio or a call
        to subscribe set apart from the running text."""
        el = self.element
        return (self.tag != "text" and len(el) == 1 and el[0].tag in EMPHASIS
                and not (el.text or "").strip() and not (el[0].tail or "").strip())

    @cached_property
    def good(self) -> bool:
        """A paragraph of running text: long, few links, not a sub-heading or list item."""
        return (self.tag not in HEADINGS and self.tag not in NOT_RUNNING
                and (len(self.text) >= GOOD_MIN_CHARS or text_weight(self.text) >= GOOD_MIN_CHARS)
                and self.link_share <= GOOD_MAX_LINK_SHARE)


def _texts(el, link: bool, out: list, links: list, judged: dict | None = None) -> None:
    """Visible text of ``el`` into ``out`` (and the part inside links into ``links``), pruned
    descendants skipped (their tails kept). ``judged``: ``{element: _pruned(element)}`` already
    known (:func:`blocks` judges most elements once)."""
    if el.text:
        out.append(el.text)
        if link:
            links.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            if child.tag == "br":
                out.append(_BR)
            elif child.tag in INLINE_KEEP or not _judged(child, judged):
                if child.tag in CELL_TAGS:
                    out.append(_CELL)
                _texts(child, link or child.tag == "a", out, links, judged)
        if child.tail:
            out.append(child.tail)
            if link:
                links.append(child.tail)


def _judged(el, judged: dict | None) -> bool:
    """:func:`_pruned` of ``el``, read from ``judged`` when it is there."""
    verdict = judged.get(el) if judged is not None else None
    return _pruned(el) if verdict is None else verdict


def _plain_text(raw: str) -> str | None:
    """``raw`` (text read by :func:`_texts`) squashed, ``<br>`` read as a space and table cells
    joined by :data:`CELL_SEPARATOR`."""
    if _CELL in raw:
        cells = (squash(c.replace(_BR, " ")) for c in raw.split(_CELL))
        return CELL_SEPARATOR.join(c for c in cells if c) or None
    return squash(raw.replace(_BR, " "))


def _block(el, tag: str, parts: list[str], links: list[str]) -> Block | None:
    """One :class:`Block` of the text ``parts`` read from ``el`` (``links``: the parts inside
    links), ``None`` when it holds no text."""
    text = _plain_text("".join(parts))
    if not text:
        return None
    link_chars = len(_plain_text("".join(links)) or "") if links else 0
    return Block(el, tag, text, min(1.0, link_chars / len(text)), sum(1 for _ in el.iter("a")) if tag != "text" else 0)


def _pieces(el, tag: str, parts: list[str], links: list[str]) -> list[Block]:
    """The blocks of ``parts`` read from ``el``: one per piece of text between two or more
    ``<br>`` in a row (each piece's link text found in order among ``links``); none for white
    space alone (most runs between two blocks: ``<br>`` and cell marks are white space too)."""
    raw = "".join(parts)
    if not raw or raw.isspace():
        return []
    if _BR not in raw or not _PARAGRAPH_BREAK.search(raw):
        b = _block(el, tag, parts, links)
        return [b] if b else []
    texts = [t for t in (_plain_text(p) for p in _PARAGRAPH_BREAK.split(raw)) if t]
    linked = [0] * len(texts)
    i = 0
    for link in (_plain_text(x) for x in links):
        while link and i < len(texts):
            if link in texts[i]:
                linked[i] += len(link)
                break
            i += 1
    links_in = sum(1 for _ in el.iter("a")) if tag != "text" else 0
    return [Block(el, tag, t, min(1.0, n / len(t)), links_in if n else 0) for t, n in zip(texts, linked)]


SOFT_TAGS = DIVLIKE | BLOCK_TAGS | frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot"})
"""Elements a name prunes that :func:`blocks` can read as candidate blocks (``tiers``): those
whose text only ever reaches the page's blocks as blocks of their own."""


def blocks(root, alive: list | None = None, keep: frozenset = frozenset(), order: dict | None = None,
           tiers: frozenset = frozenset(), reprieve: dict | None = None) -> list[Block]:
    """Innermost, unpruned block elements under ``root`` in document order, and the runs of
    loose text (text and inline elements between blocks, as in ``<div>text<br>text<p>…``) as
    blocks of tag ``"text"``. ``alive``, when given, receives every visited element: lxml
    element proxies are only identical (and so usable as dict keys) while a Python reference
    to them exists. Elements in ``keep`` (the headline's ancestors) are never pruned by name.
    ``order``, when given, receives ``{element: document position}`` for every element under
    ``root`` (pruned ones too), read in the same walk. ``tiers``: name tiers (``"boiler"``,
    ``"strong"``, ``"always"``, see :func:`~.prune.judge`) whose pruned block elements
    (:data:`SOFT_TAGS`) are read all the same, their blocks carrying the reason in
    :attr:`Block.pruned` (the outermost such element's). ``reprieve``: a learned model that keeps
    some elements a name prunes (:func:`~.prune.spared`), read before ``tiers``."""
    elements = []
    pruned: set = set()
    judged: dict = {}
    soft: dict = {}  # the outermost pruned elements read as candidates -> reason
    in_soft: set = set()  # they and the elements inside them
    if order is None:
        order = {}
    for el in root.iter(etree.Element):  # elements only: no comments or processing instructions
        order[el] = len(order)
        parent = el.getparent()
        if parent is not None and parent in pruned:
            pruned.add(el)
            continue
        if el is not root and el not in keep:
            verdict = judge(el)
            if verdict and reprieve is not None and verdict is not True and spared(reprieve, el, verdict):
                verdict = False
            judged[el] = verdict
            if verdict:
                if verdict is True or el.tag not in SOFT_TAGS or verdict[:verdict.index(":")] not in tiers:
                    pruned.add(el)
                    continue
                if parent not in in_soft:
                    soft[el] = verdict
        if in_soft or soft:
            if el in soft or parent in in_soft:
                in_soft.add(el)
        elements.append(el)
    if alive is not None:
        alive.extend(elements)
    leaf: set = set()
    has_block: set = set()
    for el in reversed(elements):
        inner = el in has_block
        tag = el.tag
        if (tag in BLOCK_TAGS or el.get("role") == "heading") and el is not root \
                or (tag in DIVLIKE and not inner and el is not root):
            if not inner:
                leaf.add(el)
            parent = el.getparent()
            if parent is not None and el not in soft:  # (the rules' blocks as if it were pruned)
                has_block.add(parent)
        elif inner:
            parent = el.getparent()
            if parent is not None and el not in soft:
                has_block.add(parent)
    for el in soft:
        if el not in leaf and el not in has_block:
            pruned.add(el)  # its text would join a run of loose text outside it: pruned as before
    out: list[Block] = []
    _emit(root, leaf, has_block, pruned, out, 0, judged=judged, soft=soft)
    return out


def _emit(el, leaf: set, has_block: set, pruned: set, out: list, depth: int, in_link: bool = False,
          judged: dict | None = None, soft: dict | None = None, reason: str = "") -> None:
    """Blocks of ``el`` into ``out``; ``in_link``: ``el`` sits inside an ``<a>`` (a teaser
    card whose whole box is one link), so all of its text is link text. ``judged``: as for
    :func:`_texts`; ``soft``: ``{element: reason}`` of the pruned elements read as candidates,
    ``reason``: the one ``el`` sits in (see :func:`blocks`)."""
    in_link = in_link or el.tag == "a"
    mark = ""
    if soft and not reason:
        mark = reason = soft.get(el, "")
    start = len(out)
    if el in leaf or depth > 300:
        parts: list[str] = []
        links: list[str] = []
        _texts(el, in_link, parts, links, judged)
        tag = "h4" if el.get("role") == "heading" and el.tag not in BLOCK_TAGS else el.tag
        out.extend(_pieces(el, tag, parts, links))
    else:
        parts = [el.text or ""]
        links = list(parts) if in_link else []
        aside: list[Block] = []  # blocks of pruned elements read as candidates, after the run they cut
        for child in el:
            if not isinstance(child.tag, str) or child in pruned or child.tag == "br":
                if child.tag == "br":
                    parts.append(_BR)
                parts.append(child.tail or "")
                if in_link:
                    links.append(child.tail or "")
                continue
            if soft and not reason and child in soft:
                # the run of loose text around it reads as if it were pruned
                _emit(child, leaf, has_block, pruned, aside, depth + 1, in_link, judged, soft, reason)
                parts.append(child.tail or "")
                if in_link:
                    links.append(child.tail or "")
                continue
            if child in leaf or child in has_block:
                out.extend(_pieces(el, "text", parts, links))
                out.extend(aside)
                aside = []
                _emit(child, leaf, has_block, pruned, out, depth + 1, in_link, judged, soft, reason)
                parts = [child.tail or ""]
                links = list(parts) if in_link else []
            else:
                inner: list[str] = []
                _texts(child, in_link or child.tag == "a", inner, links, judged)
                parts += inner
                parts.append(child.tail or "")
                if in_link:
                    links.append(child.tail or "")
        out.extend(_pieces(el, "text", parts, links))
        out.extend(aside)
    if mark:
        for b in out[start:]:
            b.pruned = mark


def _parent(b: Block):
    """The element holding ``b``'s text: the block element's parent, or for a run of loose
    text (tag ``"text"``) the element it sits in."""
    return b.element if b.tag == "text" else b.element.getparent()


# a block text closing like a sentence (Latin and CJK punctuation, closing quotes)
_SENTENCE_END = re.compile(r"[.!?…:;)\"'»«“”’。！？]$")
