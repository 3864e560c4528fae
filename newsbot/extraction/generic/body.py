"""Body: the one pass from a parsed page to its article text (blocks, AI-summary boxes
left out, container, filters: :func:`rule_pass`; then the block scorer, :mod:`.scorer`) and its
result, :class:`Body`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text import key
from .blocks import _parent, blocks
from .boilerplate import is_boilerplate, is_funding_notice_block
from .container import containers, heads_the_text
from .filters import (_QUESTION_END, _ai_summary_boxes, _closing_answer, _closing_heading, _closing_intro,
                      _closing_line, _closing_list_item, _cut_related, _dateline, _dedupe, _drop_nested_articles,
                      _introduced, _keep_after, _keep_before, _keyword_lines, _labelled, _listing,
                      _repeated_pull_quotes, _teaser, _under_a_call, contact_lines, paywall_label,
                      record_tables)
from .lead import credit_line
from .prune import HEADINGS
from .scorer import model, pruned_tiers, rescore

LINK_LIST_SHARE = 0.6
MAX_BLOCKS = 20_000
"""Blocks read from one page: a body is a few hundred; past this the page is read no further
(the body is flagged cut), so no page costs the crawl more than a bounded time."""


@dataclass
class Body:
    """Result of :func:`extract`: ``paragraphs`` (texts in reading order) and ``blocks`` (the
    kept :class:`Block` objects, same order); ``order`` maps elements to their document
    position (for the lead search); ``left_out``: elements whose text is never the article's
    (AI-summary boxes), for the lead search too; ``cut``: the page held more than
    :data:`MAX_BLOCKS` blocks and the rest was not read."""

    paragraphs: list
    blocks: list
    order: dict
    left_out: set = field(default_factory=set)
    cut: bool = False


@dataclass
class RulePass:
    """What the rules make of a page, before the block scorer: ``found`` (every block, document
    order, AI-summary boxes left out), ``kept`` (the body's blocks), ``inner`` (ids of the blocks
    inside the article container), the :class:`Body` fields ``order``, ``left_out``, ``cut``,
    ``alive`` (the elements visited, kept referenced) and ``keyword`` (ids of the keyword lines
    kept after the last good paragraph, and of the rows of a closing table the text introduces:
    rules made for them, too rare in the labels to learn); ``candidates``: what the block scorer reads, ``found``
    and, in document order among them, the blocks of elements pruned by a name of the tiers it
    was asked for (:attr:`~.blocks.Block.pruned`; the rules never see them)."""

    found: list
    kept: list
    inner: set
    order: dict
    left_out: set
    cut: bool
    alive: list
    keyword: set = field(default_factory=set)
    candidates: list = field(default_factory=list)


def rule_pass(tree, anchor=None, tiers: frozenset | None = None, reprieve: dict | None = None) -> RulePass:
    """The rules' reading of ``tree`` (an lxml HTML document, read only; ``anchor``: the
    headline element, when known): blocks, container, filters (see the package docs).
    ``tiers``: the name tiers whose pruned elements become :attr:`RulePass.candidates`
    (default: those the block scorer's model reads, :func:`~.scorer.pruned_tiers`).
    ``reprieve``: the model that keeps some elements a name prunes (:func:`~.prune.spared`), by
    default the block model's (its ``reprieve`` entry); ``{}``: none."""
    root = tree.find("body")
    if root is None:
        root = tree
    alive: list = []
    keep = set()
    node = anchor.getparent() if anchor is not None else None
    while node is not None:
        keep.add(node)
        node = node.getparent()
    order: dict = {}
    if tiers is None:
        tiers = pruned_tiers()
    if reprieve is None:
        reprieve = model().get("reprieve")
    candidates = [b for b in blocks(root, alive, keep, order, tiers, reprieve or None)
                  if anchor is None or b.element is not anchor]  # an <h2> headline
    cut = len(candidates) > MAX_BLOCKS
    if cut:
        candidates = candidates[:MAX_BLOCKS]
    found = [b for b in candidates if not b.pruned] if tiers else candidates
    ai_boxes = _ai_summary_boxes(found)
    if ai_boxes:
        found = [b for b in found if b.element not in ai_boxes]
        candidates = [b for b in candidates if b.element not in ai_boxes]
    boxes = containers(root, found, anchor, order)
    within: dict = {}
    inner_ids = {id(b) for b in candidates if _inside_any(b.element, boxes, within)}
    inner = [b for b in found if id(b) in inner_ids]
    seen: dict = {}
    inner = [b for b in inner if (b.link_share < LINK_LIST_SHARE or b.good or b.links > 1)
             and not is_boilerplate(b.text) and not _teaser(b, boxes, seen)]
    inner = _cut_related(inner)
    inner = _drop_nested_articles(inner, boxes)
    contacts = contact_lines(inner) | record_tables(inner)  # a contact box, a table of the page's record
    if contacts:
        inner = [b for b in inner if id(b) not in contacts]
    goods = [i for i, b in enumerate(inner) if b.good]
    while goods and is_funding_notice_block(inner[goods[0]]):  # a notice opening or closing the text
        goods.pop(0)
    while goods and is_funding_notice_block(inner[goods[-1]]):
        goods.pop()
    if not goods:
        return RulePass(found, [], inner_ids, order, ai_boxes, cut, alive, set(), candidates)
    first, last = goods[0], goods[-1]
    lead_parent = _parent(inner[first])
    head = [b for b in inner[:first] if not _dateline(b) and not is_funding_notice_block(b) and not credit_line(b.text)
            and not paywall_label(b)
            and (_keep_before(b) or (
        _parent(b) is lead_parent and b.tag in ("p", "h2", "h3", "h4") and b.link_share < LINK_LIST_SHARE)
            or b.tag in HEADINGS and heads_the_text(b.element, lead_parent) is lead_parent)]
    keyword_end = _keyword_lines(inner, last)
    keyword = {id(b) for b in inner[last + 1:keyword_end + 1]}
    last_parent = _parent(inner[last])
    last = keyword_end
    memo: dict = {}  # a list's answer of :func:`_labelled`, read once for all its items
    tail = [b for b in _tail(inner[last + 1:], last_parent, memo) if not paywall_label(b)]
    # a closing table's rows and a list's labelled items: kept whole, as the rules read them
    keyword |= {id(b) for b in tail if b.tag == "tr" or b.tag == "li" and _labelled(_listing(b), memo)}
    kept = head + inner[first:last + 1] + tail
    held = {b.element for b in kept if b.tag != "text"}
    if len(held) < len(kept):  # the pieces of a paragraph cut by <br><br> stay or go together
        chosen = {id(b) for b in kept}
        kept = [b for b in inner if id(b) in chosen or b.tag != "text" and b.element in held]
    return RulePass(found, kept, inner_ids, order, ai_boxes, cut, alive, keyword, candidates)


def _tail(rest: list, parent, memo: dict | None = None) -> list:
    """The blocks of ``rest`` (those after the last good paragraph, in order) that still belong to
    the text: blocks of 40 characters or more with few links (:func:`~.filters._keep_after`) and
    closing sentences in ``parent`` (the last good paragraph's, :func:`~.filters._closing_line`),
    wherever they are, but no line under a box's one question (:func:`~.filters._under_a_call`); and, while the blocks since that paragraph all sit in ``parent``, the
    items of a list printed in it (:func:`~.filters._closing_list_item`) that a line ending in a
    colon introduces (:func:`~.filters._introduced`, the line too: :func:`~.filters._closing_intro`)
    or that the text goes on after (such a block later in the run), and a sub-heading in it over
    such an item or the text going on (an explainer's last question and its short answer,
    :func:`~.filters._closing_heading`), or a question over a short answer that is no sentence
    (:func:`~.filters._closing_answer`: ``When? — From May``). A block out of ``parent`` ends that
    run, so a heading or list of a box after the text stays out, and so does a list that closes the page with no
    line introducing it (``Read also`` over headlines printed without links). ``memo`` holds
    :func:`~.filters._labelled`'s answers, one per list."""
    own = [(_keep_after(b) or _closing_line(b, parent)) and not is_funding_notice_block(b)
           and not _under_a_call(b, parent) for b in rest]
    inside = [_parent(b) is parent or _closing_list_item(b, parent) for b in rest]
    goes_on = [False] * (len(rest) + 1)  # the text goes on at or after the block: a block kept for itself
    for i in range(len(rest) - 1, -1, -1):
        goes_on[i] = inside[i] and (own[i] or goes_on[i + 1])

    def listed(i: int) -> bool:  # an item of a closing list the text introduces or goes on after
        return _closing_list_item(rest[i], parent) and (goes_on[i] or _introduced(rest[i], memo))

    kept = []
    run = True
    for i, b in enumerate(rest):
        if own[i]:
            kept.append(b)
            run = run and inside[i]
        elif run and (listed(i) or i + 1 < len(rest) and (
                _closing_intro(b, parent) and _closing_list_item(rest[i + 1], parent) and _introduced(rest[i + 1], memo)
                or _closing_heading(b, parent) and (goes_on[i + 1] or listed(i + 1)
                                                    or _closing_answer(rest[i + 1], b, parent)))
                or i and kept and kept[-1] is rest[i - 1] and _closing_answer(b, rest[i - 1], parent)):
            kept.append(b)
        else:
            run = False
    return kept


def _inside_any(el, boxes: list, within: dict) -> bool:
    """``el`` is one of ``boxes`` or inside one; ``within`` keeps the answer for every
    element passed on the way up, for the next blocks of the same page."""
    path = []
    node, found = el, False
    while node is not None:
        known = within.get(node)
        if known is not None:
            found = known
            break
        if node in boxes:
            found = True
            break
        path.append(node)
        node = node.getparent()
    for n in path:
        within[n] = found
    return found


def extract(tree, anchor=None, title: str | None = None) -> Body:
    """Body of the article in ``tree`` (an lxml HTML document, read only): paragraphs with
    sub-headings and list items as their own paragraphs; empty when no running text is found.
    ``anchor``: the headline element, when known. The rules' choice (:func:`rule_pass`) is
    corrected by the block scorer where it is sure (:func:`~.scorer.rescore`), which adds no
    block holding the headline (``title``, else the ``anchor``'s text): a teaser's heading that
    repeats it under a kicker is no body text; nor a funding notice or disclaimer the rules
    left out (:func:`~.boilerplate.is_funding_notice_block`)."""
    rules = rule_pass(tree, anchor)
    if not rules.kept:
        return Body([], [], rules.order, rules.left_out, rules.cut)
    kept = rescore(rules.candidates, rules.kept, rules.inner, rules.keyword)
    headline = key(title or (anchor.text_content() if anchor is not None else ""))
    ruled = {id(b) for b in rules.kept}
    kept = [b for b in kept
            if id(b) in ruled or not (headline and headline in key(b.text) or is_funding_notice_block(b)
                                      or credit_line(b.text))]
    kept = _dedupe(_repeated_pull_quotes(kept))
    if not any(b.good for b in kept):
        kept = _dedupe(_repeated_pull_quotes(rules.kept))
    while len(kept) > 1 and kept[-1].tag in HEADINGS and _QUESTION_END.search(kept[-1].text):
        kept.pop()  # a question left over what the scorer took out ("Already read?") asks nothing of the text
    return Body([b.text for b in kept], kept, rules.order, rules.left_out, rules.cut)
