"""Filters: the rules that drop blocks inside the article container which are not the
article's text (teaser cards, nested teaser articles, related-content sections, AI-summary
boxes, repeated copies of the text, pull quotes printed again beside their paragraph) and the
page furniture before the first and after the last good paragraph (kicker, byline, date stamp,
source line, keyword lines).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..date_fields import date_label_cell, prints_a_day
from ..text import key, tokens
from .blocks import Block, _SENTENCE_END, _parent
from ..vocabulary import language_pattern, pattern, phrases
from .boilerplate import is_ai_notice, is_boilerplate, is_stop
from .container import _updates
from .prune import HEADINGS, QUOTE_NAME, _semantic_names, _text_before

KEYWORD_LINES_MAX = 30
KEYWORD_LINE_MAX_LINK_SHARE = 0.95
KEYWORD_MAX_CHARS = 40  # mean length of a keyword link; teaser headlines are longer
AI_BOX_MAX_CHARS = 2000


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
            words, rest_words = key(longest.text).split(), key(rest).split()
            others = set(zip(*(rest_words[i:] for i in range(4))))
            grams = list(zip(*(words[i:] for i in range(4))))
            if grams and sum(g in others for g in grams) >= 0.8 * len(grams):
                out = [b for b in out if b is not longest]
    return out


PULL_QUOTE_NAME = re.compile(r"pull-?quote", re.I)
PULL_QUOTE_LEVELS = 4
"""How far up from a block's element a pull quote's name is looked for (the quote's ``<p>`` in
a ``<blockquote>`` in the named box)."""
PULL_QUOTE_WORDS = 4
"""A pull quote of this many words or more repeats the text when its words are printed again
anywhere in another block; a shorter one only when another block prints it as a whole sentence
or, a quote that is no sentence itself (no full stop), as a sentence's opening words."""
ECHO_WORDS = 6
"""A quotation box (:data:`QUOTE_NAME`, a ``<blockquote>``) of this many words or more repeats
the text when another block prints its words close together, a few others between them (a
pull quote cut from its sentence): :func:`_echoes`."""
ECHO_RUN = 4  # words of the quote printed together in the other block
ECHO_SPREAD = 2  # the other block's words after a run the quote's may span, per word of the quote
QUOTE_SHARE = 0.25  # the most of the body's text a quotation box read as a pull quote may hold
CREDIT_WORDS = 6  # the most words of a speaker's name under a quote
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…。！？])[\"'»“”’)]*\s+")
_DASHED = re.compile(r"^\s*[-‐‑‒–—―]")
_CLOSED = re.compile(r"[.,;:!?…。！？]\W*$")


def _repeated_pull_quotes(found: list[Block]) -> list[Block]:
    """Drop a pull quote (an element up to :data:`PULL_QUOTE_LEVELS` above a block whose class or
    id names one, ``pullquote``, ``pull-quote``, ``PullQuote``) whose longest block's words are
    printed again in a block outside it (:data:`PULL_QUOTE_WORDS` words or more anywhere in it, a
    shorter quote at a sentence's edge there), or a quotation box (a ``<blockquote>``, a class
    naming a quote: :data:`QUOTE_NAME`) holding :data:`QUOTE_SHARE` of the text at most, EVERY
    block of which is printed close together by a block outside every such box (:func:`_echoes`,
    blocks of :data:`ECHO_WORDS` words or more) or is the speaker's credit under such a block
    (:func:`_credit`): the quote set large beside the paragraph it repeats, dropped with the
    speaker's name under it. A quotation one line of which the text quotes again (a poem's line,
    a law's old wording restated) is the text's own and stays whole, as does a quote whose words
    are printed nowhere else, and so does a box the text right before it introduces with a
    colon (:data:`_INTRO_END`: "the refrain goes:", "the paragraph now reads:").

    Cost: one word set per block and one index from a word to the blocks holding it, built only
    when the page has a box; a box's block is compared only with the blocks holding its rarest
    word."""
    boxes: dict = {}
    marks: dict = {}  # what the name of each element passed on the way up says (blocks share them)
    for b in found:
        box = _pull_quote(b, marks)
        if box is not None:
            boxes.setdefault(box, []).append(b)
    if not boxes:
        return found
    words = {id(b): " " + " ".join(tokens(key(b.text))) + " " for b in found}
    total = sum(len(b.text) for b in found) or 1
    quoted = {id(b) for inside in boxes.values() for b in inside}  # an echo is in the running text
    holding: dict | None = None  # word -> the running text's blocks holding it
    dropped: set = set()

    def echoed(block: Block) -> bool:
        nonlocal holding
        said = words[id(block)].split()
        if len(said) < ECHO_WORDS:
            return False
        if holding is None:
            holding = {}
            for other in found:
                if id(other) not in quoted:
                    for word in set(words[id(other)].split()):
                        holding.setdefault(word, []).append(other)
        wanted = set(said)
        rarest = min(wanted, key=lambda w: len(holding.get(w, ())))
        return any(_echoes(said, text) for other in holding.get(rarest, ())
                   for text in (words[id(other)].split(),) if wanted <= set(text))

    for (box, named), inside in boxes.items():
        longest = max(inside, key=lambda b: len(b.text))
        quote = words[id(longest)]
        said = quote.split()
        printed = False
        if named and len(said) >= PULL_QUOTE_WORDS:
            printed = any(quote in words[id(b)] for b in found if b not in inside)
        elif named:  # "It works.": printed again at a sentence's edge, not as two words inside another
            sentence = bool(_FULL_STOP.search(longest.text))
            printed = bool(quote.strip()) and any(
                line == quote or not sentence and line.startswith(quote) for b in found if b not in inside
                for line in (" " + " ".join(tokens(s)) + " " for s in _SENTENCE_SPLIT.split(key(b.text))))
        small = named or sum(len(b.text) for b in inside) <= QUOTE_SHARE * total
        if not printed and len(said) >= ECHO_WORDS and small and not _INTRO_END.search(_text_before(box)):
            seen = False
            for b in inside:
                if echoed(b):
                    seen = True
                elif not (seen and b is inside[-1] and _credit(b)):
                    break  # a credit is the box's last line
            else:
                printed = seen
        if printed:
            dropped.update(id(b) for b in inside)
    return [b for b in found if id(b) not in dropped] if dropped else found


def _credit(b: Block) -> bool:
    """``b`` is a speaker's credit under a quote: a line opening with a dash ("— Anna Berger,
    mayor"), a line mostly links (an embedded post's "Posted by <a>Anna Berger</a> on <a>Monday,
    3 March</a>"), or a name of :data:`CREDIT_WORDS` words at most, capitalised, closing with no
    punctuation ("The harbour master"; a poem's line "comme une mère." or "et le quai se tait,"
    is none)."""
    text = b.text.strip()
    if _DASHED.match(text) or b.link_share >= 0.5:
        return True
    return (0 < len(tokens(text)) <= CREDIT_WORDS and text[:1].isupper()
            and not _CLOSED.search(text))


def _echoes(quote: list[str], text: list[str]) -> bool:
    """``text`` prints :data:`ECHO_RUN` words of ``quote`` together, and every other word of it
    near them: from as many words before that run as the quote has to :data:`ECHO_SPREAD` times
    as many after it (a pull quote cut from its sentence, its words reordered a little: "the
    nuisance for walkers has grown" from "that is, the nuisance for walkers and wheelchair users
    has grown a lot")."""
    n = len(quote)
    runs = {tuple(quote[i:i + ECHO_RUN]) for i in range(n - ECHO_RUN + 1)}
    wanted = set(quote)
    for at in range(len(text) - ECHO_RUN + 1):
        if tuple(text[at:at + ECHO_RUN]) in runs and wanted <= set(text[max(0, at - n):at + ECHO_SPREAD * n]):
            return True
    return False


def _pull_quote(b: Block, marks: dict):
    """The box ``b`` sits in that may be a pull quote (:func:`_repeated_pull_quotes`), with
    whether it is named one: ``(element, True)`` for one named so, else ``(element, False)`` for
    the nearest ``<blockquote>`` or element whose name names a quote; ``None`` without either.
    ``marks``: ``{element: "pull" | "quote" | ""}``, what each element's name says, read once
    for all of a page's blocks."""
    node = b.element
    quote = None
    for _ in range(PULL_QUOTE_LEVELS):
        if node is None:
            break
        mark = marks.get(node)
        if mark is None:
            names = _semantic_names(node)
            mark = marks[node] = "pull" if PULL_QUOTE_NAME.search(names) else \
                "quote" if node.tag == "blockquote" or QUOTE_NAME.search(names) else ""
        if mark == "pull":
            return node, True
        if quote is None and mark == "quote":
            quote = node
        node = node.getparent()
    return (quote, False) if quote is not None else None


def _drop_nested_articles(found: list[Block], boxes: list) -> list[Block]:
    """Drop blocks of an ``<article>`` nested inside the article container that holds under
    a third of its good text: a teaser of another story placed inside the body. The entries
    of a live blog (:func:`~.container._updates`: three or more alike ``<article>`` siblings,
    each stamped with a time) are the body, however short each is."""
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
    live: dict = {}
    for art in share:
        if art not in live:
            parent = art.getparent()
            alike = [s for s in parent if s.tag == "article" and s.get("class") == art.get("class")] \
                if parent is not None else [art]
            flag = _updates(alike, set())
            live.update((s, flag) for s in alike)
    return [b for b, art in zip(found, nearest)
            if art is None or share.get(art, 0) >= good_total / 3 or live.get(art)]



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


def _teaser(b: Block, boxes: list, seen: dict | None = None) -> bool:
    """A paragraph inside a teaser card: one of its three nearest ancestors (inside the
    article container) also holds a linked heading, the headline of another article.
    ``seen``: ``{element: [text length, holds a linked heading or None]}``, kept between the
    calls for one page's blocks (paragraphs share their ancestors)."""
    node = b.element if b.tag == "text" else b.element.getparent()
    limit = 2 * len(b.text) + 300
    seen = {} if seen is None else seen
    for _ in range(3):
        if node is None or node in boxes:
            return False
        known = seen.get(node)
        if known is None:
            known = seen[node] = [len(node.text_content()), None]
        if known[0] > limit:
            return False
        if known[1] is None:
            known[1] = _holds_linked_heading(node)
        if known[1]:
            return True
        node = node.getparent()
    return False


def _holds_linked_heading(node) -> bool:
    """``node`` holds a sub-heading that links elsewhere (or sits in such a link)."""
    for h in node.iter("h2", "h3", "h4", "h5", "h6"):
        if any(not (a.get("href") or "#").startswith("#") for a in h.iter("a")) or any(
                a.tag == "a" and not (a.get("href") or "#").startswith("#") for a in h.iterancestors()):
            return True
    return False


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


_FULL_STOP = re.compile(r"\w[.!?…。！？][\"'»“”’]?$")


def _styled_paragraph(b: Block, parent) -> bool:
    """``b`` is an element of the tag and class of a paragraph of running text in ``parent``
    (:data:`~.blocks.GOOD_MIN_CHARS` characters or more): a paragraph of a React page, printed
    as ``<div class="Paragraph_root__a1B">``."""
    from .blocks import GOOD_MIN_CHARS

    el = b.element
    name = el.get("class") if b.tag != "text" else None
    return bool(name) and parent is not None and any(
        other is not el and other.tag == el.tag and other.get("class") == name
        and len(other.text_content()) >= GOOD_MIN_CHARS for other in parent)


def _closing_line(b: Block, parent) -> bool:
    """A short paragraph after the last good one that closes the text (``The decision applies
    from July.``): a ``<p>`` in ``parent`` (the last good paragraph's), or an element styled like
    the paragraphs there (:func:`_styled_paragraph`), of three words or more that ends a
    sentence after a word (not a heading's colon, a bracketed credit, a smiley), not mostly
    links, no date line."""
    return ((b.tag == "p" or _styled_paragraph(b, parent)) and _parent(b) is parent and b.link_share < 0.3
            and len(b.text.split()) >= 3
            and bool(_FULL_STOP.search(b.text)) and not _dateline(b))


def _under_a_call(b: Block, parent) -> bool:
    """``b`` sits right under a sub-heading asking the one question of its level in ``parent``
    (the last good paragraph's) while the text asks another at another level: a box's call
    after the text ("Did you like this article?" in an ``<h3>`` after the text's ``<h2>``
    question, :func:`_explainer`), whose line is the box's appeal, no text. A text's one
    question ("What happens next?") over its last line is none."""
    before = b.element.getprevious()
    return (before is not None and before.tag in HEADINGS and b.element.getparent() is parent
            and _QUESTION_END.search(before.text_content().strip()) is not None
            and not _explainer(parent, before.tag) and _explainer(parent))


def _closing_list_item(b: Block, parent) -> bool:
    """An item of a list printed in ``parent`` (the last good paragraph's), not mostly links: a
    related-links or tag list is links. A definition list's terms and descriptions are its items
    (``<dl><dt>Flat</dt><dd>about 80 euros</dd>``: an explainer's short answers), and a table's
    rows are a table's (:func:`_listing`)."""
    listing = _listing(b)
    return (b.tag in ("li", "dt", "dd", "tr") and b.link_share < 0.3 and listing is not None
            and listing.getparent() is parent)


def _listing(b: Block):
    """The list holding ``b`` (an item, a term or a description: its parent), or the table
    holding a row (the nearest ``<table>``, past its ``<tbody>``); ``None`` for none."""
    el = b.element
    if b.tag == "tr":
        return next(el.iterancestors("table"), None)
    return el.getparent()


_INTRO_END = re.compile(r"[:：]$")


def _introduced(b: Block, memo: dict | None = None) -> bool:
    """``b``, an item of a list, is in a list that a line of the text introduces or that is the
    text's by its kind: the text right before the list (or table) ends in a colon (``The three
    new routes are:``, ``The new fares:`` over a table), or the element right before it is a
    sub-heading asking a question (``What do I need?``, :data:`_QUESTION_END`: an explainer's
    answer given as a list) in a text that asks another so (:func:`_explainer`); an ordered
    list (an explainer's numbered steps) and a definition list of terms each with one
    description (:func:`_paired`) and a list of labelled items (:func:`_labelled`: ``Grand Parade:
    moved to the library side``) are the text's without a line (a list of related links is
    links, so no closing item), but under a box's one question (``Questions?`` over a press
    office's contact); an ordered list of calls or other stories' links (:func:`_calls`) and a
    definition list of credits (:func:`_credits`) are not. ``memo`` is :func:`_labelled`'s."""
    listing = _listing(b)
    if listing is None:
        return False
    if _INTRO_END.search(_text_before(listing)) is not None:
        return True
    before = listing.getprevious()
    call = before is not None and before.tag in HEADINGS \
        and _QUESTION_END.search(before.text_content().strip()) is not None and not _explainer(before.getparent())
    if not call and (listing.tag == "ol" and not _calls(listing) or listing.tag == "dl" and _paired(listing)
                     and not _credits(listing) or listing.tag == "ul" and _labelled(listing, memo)):
        return True
    before = listing.getprevious()
    return before is not None and before.tag in HEADINGS \
        and _QUESTION_END.search(before.text_content().strip()) is not None and _explainer(before.getparent())


_NAVIGATES = re.compile(r"location(?:\.href)?\s*=|window\.open\(", re.I)
"""A script's ``onclick`` that opens another address: the element is a link in all but its tag."""


def _calls(listing) -> bool:
    """The ordered list ``listing`` is a box of calls or of other stories, no explainer's steps:
    an item is furniture (:func:`~.boilerplate.is_boilerplate`: ``Share this story``, ``Sign up
    for our newsletter``) or opens another address by script (``<li onclick="location.href=
    '/news/ferry'">``, a headline of another story)."""
    for item in listing.iterchildren("li"):
        text = " ".join(item.text_content().split())
        if is_boilerplate(text) or any(_NAVIGATES.search(el.get("onclick") or "") for el in item.iter()):
            return True
    return False


@lru_cache(maxsize=1)
def _credit_term() -> re.Pattern:
    """A definition list's term naming a role's credit: the vocabulary's ``other_credit`` and
    ``byline_lead_in`` words (``Foto``, ``Grafik``, ``Text``, ``Photos``), a colon after it."""
    words = "|".join(phrases("other_credit") + phrases("byline_lead_in"))
    return re.compile(rf"(?:{words})\s*:?", re.I)


def _credits(listing) -> bool:
    """The definition list ``listing`` credits the piece's makers: each term a credit's word
    (:func:`_credit_term`: ``<dt>Text</dt><dd>Jana Nováková</dd><dt>Foto</dt><dd>ČTK</dd>``)."""
    terms = [" ".join(t.text_content().split()) for t in listing.iterchildren("dt")]
    return bool(terms) and all(_credit_term().fullmatch(t) for t in terms)


_LABELLED_ITEM = re.compile(r"^[^\W\d_][^:.!?]{0,40}:\s+\S")
"""An item opening with a label of a few words and a colon, then its value (``Grand Parade: moved
to the library side``)."""
LABELLED_ITEMS = 2  # the fewest items of a list of labelled items
_CONTACT_VALUE = re.compile(r"\S@[\w-]+\.\w|https?://|\bwww\.|\+?\d[\d ()/.-]{6,}\d")
"""A contact's value: an e-mail address, a web address, a phone number (``+44 20 7946 0000``)."""


@lru_cache(maxsize=1)
def _furniture_item() -> re.Pattern:
    """An item of a box of calls: it names a social network (the vocabulary's
    ``follow_on_network`` networks of three letters or more, ``Síguenos en: Facebook``) or calls
    to subscribe (``newsletter_prompt``'s calls and invitations, ``Suscríbete: boletín``)."""
    networks = [n for n in phrases("follow_on_network", "network") if len(n) > 2]
    calls = phrases("newsletter_prompt", "call") + phrases("newsletter_prompt", "invitation")
    return re.compile(rf"\b(?:{'|'.join(networks + list(calls))})\b", re.I)


def _labelled(listing, memo: dict | None = None) -> bool:
    """The list ``listing`` pairs labels with values, an explainer's closing summary: two items or
    more (:data:`LABELLED_ITEMS`), each a label of four words at most before a colon and its value
    (:data:`_LABELLED_ITEM`), no label a credit's word (:func:`_credit_term`: ``Foto: …``,
    ``Text: …``, the piece's credits), no item a contact's (:data:`_CONTACT_VALUE`: ``Email:
    press@…``, ``Phone: …``) or a call's (:func:`_furniture_item`: ``Follow us: Facebook``,
    ``Subscribe: …``). ``memo`` (list element → answer), when given, holds the answers already
    read, so a list of many items is read once, not once per item."""
    if memo is not None and listing in memo:
        return memo[listing]
    items = [" ".join(li.text_content().split()) for li in listing.iterchildren("li")]
    found = len(items) >= LABELLED_ITEMS
    for text in items if found else ():
        m = _LABELLED_ITEM.match(text)
        label = text.split(":", 1)[0]
        if m is None or len(label.split()) > 4 or _credit_term().fullmatch(label + ":") \
                or _CONTACT_VALUE.search(text) or _furniture_item().search(text):
            found = False
            break
    if memo is not None:
        memo[listing] = found
    return found


def _paired(listing) -> bool:
    """The definition list ``listing`` pairs each term with one description, two pairs or more
    (``<dt>Adult</dt><dd>4 euros</dd><dt>Child</dt><dd>2 euros</dd>``: a glossary, a list of
    fares); a CMS's details box, one term over several descriptions (Joomla's ``article-info``:
    ``Details`` over the category, the date, the hits), is none."""
    tags = [c.tag for c in listing if isinstance(c.tag, str)]
    return len(tags) >= 4 and len(tags) % 2 == 0 and all(tag == ("dt", "dd")[i % 2] for i, tag in enumerate(tags))


def _explainer(parent, level: str | None = None) -> bool:
    """``parent`` holds two sub-headings or more asking a question (:data:`_QUESTION_END`), of
    the tag ``level`` when given (an explainer asks its questions at one level): an explainer's
    questions and answers, whose last answer may be short. One question after the text is a
    box's call ("Did you like this article?", "Any news for us?", "What do you think?" over a
    poll, "Already read?" over headlines, "Questions?" over a press office's contact)."""
    if parent is None:
        return False
    asked = (h for h in parent.iter(*((level,) if level else HEADINGS))
             if _QUESTION_END.search(h.text_content().strip()))
    return sum(1 for _ in zip(range(2), asked)) == 2


def _closing_intro(b: Block, parent) -> bool:
    """A line in ``parent`` (the last good paragraph's) that may introduce a closing list after it
    (:func:`_introduced`): a paragraph or sub-heading, not mostly links."""
    return b.tag in ("p", *HEADINGS) and _parent(b) is parent and b.link_share < 0.3


_QUESTION_END = re.compile(r"[?？;;؟]\W{0,2}$")
ANSWER_CHARS = 150  # the longest short answer under a closing question that is no sentence


def _closing_answer(b: Block, question: Block, parent) -> bool:
    """``b`` is the short answer to ``question``, a sub-heading in ``parent`` (the last good
    paragraph's, :func:`_closing_heading`) that asks one (ending in ``?``, Greek ``;``): a
    ``<p>`` in ``parent`` of :data:`ANSWER_CHARS` characters at most, no link, no date line
    (``From May 2025``, ``About 80 euros a year``: an explainer's last answer, no sentence), in a
    text asking two questions or more at the question's level (:func:`_explainer`)."""
    return (_closing_heading(question, parent) and bool(_QUESTION_END.search(question.text))
            and b.tag == "p" and _parent(b) is parent and not b.links and 0 < len(b.text) <= ANSWER_CHARS
            and not _dateline(b) and _explainer(parent, question.tag))


def _closing_heading(b: Block, parent) -> bool:
    """A sub-heading in ``parent`` (the last good paragraph's), not a link."""
    return b.tag in HEADINGS and _parent(b) is parent and b.link_share < 0.3


CONTACT_CHARS = 300  # the longest line of a contact box
CONTACT_LINES = 3  # the most lines under a contact box's label standing alone
CONTACT_LINE_CHARS = 100  # the longest line under such a label: a name, a role, a value

_PHONE_WORD = re.compile(r"(?<![^\W\d_])(?:tel|tél|phone|telephone|telefon|puh|p|tfn|mob|gsm|τηλ|тел)\.?\s*:?\s*"
                         r"\+?\(?\d[\d ()/.-]{4,}\d", re.I)
_PHONE_SHAPE = re.compile(r"(?<![\w.+-])(?:\+\d|0\d)[\d ()/.-]{5,}\d(?![\w.-]\d)")
_DATE_SHAPE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}\s*[-–]\s*\d{4}"
                         r"|\d{1,2}/\d{1,2}/\d{2,4}")
_MAIL_OR_LINK = re.compile(r"\S@[\w-]+\.\w|https?://|\bwww\.")


def contact_value(text: str) -> bool:
    """``text`` holds a contact's value: an e-mail or web address, or a phone number after a
    phone's word (``tel 5555 0000``, ``puh. 040 123 4567``, ``p. 0295 000 000``) or shaped as one
    (``+372 5555 0000``, ``0341 123 45 67``: a ``+`` or a leading zero). A number of another
    shape is none: a date (``30.06.2026``, ``2026.04.01``), a span of years (``2019-2023``), a
    grouped count (``120 000``, ``1.200.000``)."""
    if _MAIL_OR_LINK.search(text):
        return True
    for m in (*_PHONE_WORD.finditer(text), *_PHONE_SHAPE.finditer(text)):
        if not _DATE_SHAPE.search(m.group()):
            return True
    return False


def _page_language(found: list[Block]) -> str:
    """The primary subtag of the language the page's ``<html lang>`` declares, ``""`` when none."""
    if not found:
        return ""
    root = found[0].element.getroottree().getroot()
    tag = root.get("lang") or root.get("xml:lang") or ""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def _contact_item(text: str) -> bool:
    """``text`` is a line of a contact box: short (under :data:`CONTACT_LINE_CHARS`) and no
    sentence (no closing full stop, question or exclamation mark): a name, a role, a value."""
    return 0 < len(text) < CONTACT_LINE_CHARS and not re.search(r"[.!?…][\"'»”’)]*$", text)


def contact_lines(found: list[Block]) -> set:
    """The ids of the blocks of ``found`` that are a contact box, no text: a line under
    :data:`CONTACT_CHARS` opening with the vocabulary's ``contact_label`` of the page's declared
    language (every language's when it declares none) and a colon and holding a contact's value
    (:func:`contact_value`: ``Lisainfo: Liis Rebane, pressiesindaja, tel 5555 0000``,
    ``Pressekontakt: … presse@stadt.example``), or the label as a heading or line of its own
    (``<h2>Lisätietoja</h2>``) in a box closing the text: one to :data:`CONTACT_LINES` lines under
    it up to the next heading, each a name, a role or a value (:func:`_contact_item`), one a
    contact's value, and no good paragraph after them. A sentence mentioning a number (``Call 112
    if …``, ``Kontakt: Seit 2019-2023 …``), a spokesperson quoted, or story lines under a
    heading so named stay."""
    label = language_pattern("contact_label", _page_language(found))
    out: set = set()
    heading_at = [len(found)] * (len(found) + 1)  # the index of the next heading from each block on
    good_from = [False] * (len(found) + 1)  # a good block from this index on
    for j in range(len(found) - 1, -1, -1):
        heading_at[j] = j if found[j].tag in HEADINGS else heading_at[j + 1]
        good_from[j] = found[j].good or good_from[j + 1]
    for i, b in enumerate(found):
        text = b.text
        if len(text) >= CONTACT_CHARS or id(b) in out:
            continue
        m = label.match(text)
        if m is None:
            continue
        rest = text[m.end():]
        if rest.strip():
            if contact_value(rest):
                out.add(id(b))
            continue
        end = heading_at[i + 1]
        under = found[i + 1:end]
        if not 0 < len(under) <= CONTACT_LINES or not all(_contact_item(nb.text) for nb in under) \
                or not any(contact_value(nb.text) for nb in under) or good_from[end]:
            continue
        out |= {id(b)} | {id(nb) for nb in under}
    return out


def paywall_label(b: Block) -> bool:
    """``b`` is a label marking the piece as one for subscribers, a line of its own (the
    vocabulary's ``paywall_label``: ``Artikel nur für Abonnenten.``, ``Réservé aux abonnés``,
    ``Plus-Artikel``); read before the text's first good paragraph, where a page prints it under
    the headline, and after its last, over a paywall's offer. A sentence about subscribers is no
    such line, and so is a heading (``<h2>Nur für Abonnenten</h2>`` naming the offer a piece is
    about): only a ``<p>``, ``<div>`` or ``<span>``. The line holds :data:`PAYWALL_LABEL_WORDS`
    words at least (a compound's parts counted: ``Plus-Artikel``): a single word (``Premium``,
    a tier's name opening a piece about plans and prices) is the text's."""
    return b.element.tag in PAYWALL_LABEL_TAGS and b.tag not in HEADINGS and len(b.text) < 80 \
        and len(_WORD.findall(b.text)) >= PAYWALL_LABEL_WORDS and bool(pattern("paywall_label").match(b.text))


PAYWALL_LABEL_WORDS = 2  # the fewest words of a subscribers' label line
_WORD = re.compile(r"[^\W\d_]+")


PAYWALL_LABEL_TAGS = frozenset({"p", "div", "span"})  # the elements a subscribers' label is printed in


RECORD_ROWS = 3  # the fewest labelled rows of a table of the page's own record (a study's Author and Published are the text's)
RECORD_MAX_ROWS = 12  # the most rows of such a table: a longer one is data

def _good_after(goods: list, first: int, found: list, inside: set) -> bool:
    """A good block of ``found`` (``goods``: their indices, ascending) comes after index
    ``first`` outside the ids ``inside``."""
    for i in reversed(goods):
        if i <= first:
            return False
        if id(found[i]) not in inside:
            return True
    return False


def record_tables(found: list[Block]) -> set:
    """The ids of the row blocks (``<tr>``) of ``found`` in a table of the page's own record, no
    text: a table after the text's last good paragraph whose label/value rows (two cells each; a
    row of one cell or with an empty label aside) are all labelled with the vocabulary's
    ``record_label`` (``Wytworzył:``, ``Opublikował:``, ``Ostatnia zmiana:``, ``Liczba
    odwiedzin:``, ``Author:``) or ``date_label`` words filling the cell (``Data publikacji:``,
    :func:`~newsbot.extraction.date_fields.date_label_cell`), at least :data:`RECORD_ROWS` of
    them, one giving a whole day (:func:`~newsbot.extraction.date_fields.prints_a_day`) — a Polish public
    information bulletin's ``metryka``. Only left out of the body: its element stays in the tree
    for the dates read from it. A table in the middle of the text, or one with a row of another
    kind (a book's pages or price, a film's director, a vote's count, a release's licence), or
    with no day in it (a book's year), is the text's."""
    record = pattern("record_label")
    tables: dict = {}
    for b in found:
        if b.tag == "tr":
            table = next(b.element.iterancestors("table"), None)
            if table is not None:
                tables.setdefault(table, []).append(b)
    position = {id(b): i for i, b in enumerate(found)}
    goods = [i for i, b in enumerate(found) if b.good]
    out: set = set()
    for table, rows in tables.items():
        if len(rows) > RECORD_MAX_ROWS:
            continue
        inside = {id(b) for b in rows}
        first = position[id(rows[0])]
        if _good_after(goods, first, found, inside):
            continue  # text after it: a table of the text's
        labelled, day = 0, False
        for b in rows:
            cells = [c for c in b.element if c.tag in ("th", "td")]
            label = " ".join(cells[0].text_content().split()).rstrip(" :") if len(cells) == 2 else ""
            if not label:
                continue
            if not (record.match(label) or date_label_cell(label)):
                labelled = -1
                break
            labelled += 1
            day = day or prints_a_day(cells[1].text_content())
        if labelled >= RECORD_ROWS and day:
            out |= inside
    return out
