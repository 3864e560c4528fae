"""Pruning: the elements of a page that never hold article text.

An element is pruned for its tag (scripts, navigation, asides, figures but a quotation's,
forms…; a ruby
reading, ``<rt>``, unless ``<rp>`` parentheses set it apart in plain text; a footnote reference
mark in ``<sup>`` glued to a sentence), for
being hidden (``hidden``, ``aria-hidden``, ``display: none``), or for a ``class``/``id`` that
names boilerplate (share bars, newsletter boxes, related links, captions, consent
placeholders, embedded posts, contact boxes…), in three tiers: always (:data:`ALWAYS_NAME`), unless the
element holds three long paragraphs (:data:`STRONG_NAME`), unless it holds three paragraphs
(:data:`BOILER_NAME`). :func:`judge` says which tier and word pruned an element; a learned model
(:func:`spared`) may keep a block element the two weaker tiers prune.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "footer",
    "aside", "figure", "figcaption", "select", "textarea", "input", "video", "audio", "picture",
    "img", "canvas", "object", "embed", "dialog", "menu", "head", "title", "meta", "link", "label",
    "h1", "time", "address",
})
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
CONTAINER_DROP_NAME = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|related|caption|credit|promo|subscribe|"
    r"subscription|teaser|widget|advert|advertisement|ads?|banner|byline|author|comments?|"
    r"read-?more|recommend\w*|trending|tags?|breadcrumbs?|sponsor\w*|consent|cookie|paywall|"
    r"outbrain|taboola|embed)(?:$|[\s_-])",
    re.I,
)
"""Class names of the elements dropped, whatever they hold, inside a portal's own body
container (whose selector already chose the article: no tiers needed there)."""
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
    r"sidebar|footer|share|sharing|social|nav|navigation|menu|modal|popup)(?:$|[\s_-])"
    # a contact box names itself with a whole name: ``contact``, ``contact-box``, ``press-contact``,
    # ``gsc-contact`` (a short prefix, not a tag's ``tag-``); ``contact-tracing`` or ``first-contact``
    # name other text
    r"|(?:^|\s)(?:(?:press|media|newsroom|(?!tag[_-])[a-z]{1,3})[_-]+)?(?P<word>contacts?)"
    r"(?:[_-]+(?:box|boxes|info|infos|details?|block|card|data|person|persons|panel))?(?=$|\s)",
    re.I,
)
NEVER_BY_NAME = frozenset({"body", "html", "main", "a", "em", "strong", "b", "i", "u", "mark", "abbr",
                           "q", "cite", "sub", "sup", "small", "br"})
"""Tags never pruned for their class name: the page itself, and inline text markup (a link
styled ``tag-link`` inside a sentence is still part of the sentence)."""
TEXT_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
_FEATURE_FLAG = re.compile(r"(?:has|with|without|is|show|no)[A-Z]")


def _semantic_names(el, with_id: bool = True) -> str:
    """``class`` and (``with_id``) ``id`` of ``el`` without utility-class tokens holding ``[``,
    ``(`` or ``:`` (``md:scroll-mt-[calc(…header…)]`` says how it looks, not what it is)."""
    return _names_of(el.get("class"), el.get("id") if with_id else None)


def _names_of(cls: str | None, ident: str | None) -> str:
    """:func:`_semantic_names` of the ``class`` ``cls`` and ``id`` ``ident`` values."""
    raw = (cls or "") + " " + (ident or "")
    if "[" not in raw and "(" not in raw and ":" not in raw:
        return " ".join(raw.split())  # (most names: no token to leave out)
    return " ".join(t for t in raw.split() if "[" not in t and "(" not in t and ":" not in t)


QUOTE_NAME = re.compile(r"(?:^|[\s_-])(?:\w*quote\w*|cit[aá]\w*|zitat\w*|cytat\w*|tsitaat|lainaus|id[eé]zet\w*"
                        r"|exergue|callout|highlight\w*|destac\w*|destaque|evidenz\w*)(?:$|[\s_-])", re.I)
"""A class or id naming a quotation or highlight box in the EU languages (``article__quote--pull``,
Italian ``citazione-evidenza``, German ``zitat``, French ``exergue``, Spanish ``destacado``,
``callout``); with a ``<blockquote>``, a box that may be a pull quote (:func:`_repeated_pull_quotes`).
Bootstrap's float utilities ``pull-right``/``pull-left`` name no quote."""

_QUOTE_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_MEDIA_TAGS = ("img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed")


def _quotation_figure(el) -> bool:
    """``el`` is a ``<figure>`` named a quotation, or the ``<figcaption>`` of one (its speaker's
    line): a class or id naming a quote (:data:`QUOTE_NAME`: WordPress's pull quote block,
    ``<figure class="wp-block-pullquote"><blockquote><p>…</p><cite>…</cite></blockquote>
    </figure>``, ``<figure class="quote">``) and no image or other media. Its words are the
    text's: a pull quote whose words the text prints again is read once later
    (:func:`~.filters._repeated_pull_quotes`). An unnamed ``<figure>`` stays out, a quotation in
    it too (a news site's quote set large beside its text, the labelled pages' reading)."""
    figure = el if el.tag == "figure" else el.getparent()
    if figure is None or figure.tag != "figure":
        return False
    return bool(QUOTE_NAME.search(f"{figure.get('class') or ''} {figure.get('id') or ''}")) \
        and next(figure.iter(*_MEDIA_TAGS), None) is None


def _pruned(el) -> bool:
    """True when ``el`` (an lxml element) and everything in it are left out of the text: a
    tag of :data:`SKIP_TAGS`, a hidden element (a paragraph, sub-heading or quote hidden only by
    ``style`` or ``aria-hidden`` stays: a metered paywall hides its text so), or a boilerplate
    ``class``/``id`` name in the tiers above."""
    return bool(judge(el))


def judge(el) -> bool | str:
    """:func:`_pruned`'s verdict on ``el`` with its reason when a ``class``/``id`` name prunes
    it: ``False`` (kept), ``True`` (pruned for its tag, for being hidden or as a footnote mark,
    :func:`_reference_marker`), or the name's
    tier and word, ``"<tier>:<word>"`` (tier ``always``, ``strong`` or ``boiler`` as in the
    module docs; word: the boilerplate word of the name that matched, lower case without
    hyphens, e.g. ``"boiler:hidden"`` for ``field-label-hidden``)."""
    tag = el.tag
    if tag in SKIP_TAGS and not (tag in _QUOTE_FIGURE_TAGS and _quotation_figure(el)):
        return True
    if tag == "rt":  # a ruby reading: printed in plain text only where <rp> sets it apart
        parent = el.getparent()
        return parent is None or not any(c.tag == "rp" for c in parent)
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").lower() == "true" and tag not in TEXT_TAGS:
        return True
    style = el.get("style")
    if style and tag not in TEXT_TAGS and HIDDEN_STYLE.search(style):
        return True  # a paragraph hidden by style or aria-hidden is a metered paywall's text: kept
    if tag == "sup" and _reference_marker(el):
        return True
    if tag in _MARK_TAGS and _linked_marker(el):
        return True
    if tag in NEVER_BY_NAME:
        return False
    ident = el.get("id") if tag not in HEADINGS else None  # a heading's id is often its text as a slug
    cls = el.get("class")
    verdict, reason = _name_verdict(tag, cls, ident)
    if verdict is _STRONG:
        long = (p for p in el.iter("p") if len(p.text_content()) >= 150)
        if sum(1 for _ in zip(range(3), long)) == 3:
            return False
    elif verdict is _BOILER:
        if sum(1 for _ in zip(range(3), el.iter("p"))) == 3:
            return False
    elif not verdict:
        return False
    return reason


_STRONG = "strong"
_BOILER = "boiler"
_MARK = re.compile(r"\[[^\[\]]{1,8}\]|\(\d{1,3}\)|\d{1,3}(?:[,\u2013-]\d{1,3})*|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
"""The text of a footnote reference mark: ``[1]``, ``[iv]``, ``[1-2]``, ``(3)``, ``1``, ``1,4``,
or superscript digit characters (``²``, ``¹²``) printed without ``<sup>``; such a character is
left out only as a mark that links to a note (:func:`_linked_marker`): in plain text it is the
text's (``km²``, ``…gestiegen.²`` with no note to link to)."""
_MARK_AFTER = re.compile(r"(?:[^\W\d_]|%)[.,;:!?\"'»«“”’。，、]+$")
"""What a number in superscript follows when it is a footnote reference, not an exponent
(``m<sup>2</sup>``): the end of a sentence, a clause or a quotation after a word (a letter, or
``%``, before the punctuation). After a digit or a closing bracket the number is the text's:
cents or minutes (``€2.<sup>40</sup>``), an exponent (``(1.05)<sup>3</sup>``)."""


def _reference_marker(el) -> bool:
    """``el``, a ``<sup>``, is a footnote reference mark glued to the sentence before it, no text
    of that sentence: it holds only a link to an anchor of the same page (``<sup><a
    href="#fn1">1</a></sup>``), or only a number inside such a link, or a mark in brackets
    (``[1]``), or a number right after a word's punctuation (``…the ports.<sup>2</sup>``,
    :data:`_MARK_AFTER`). A number after a letter, a digit or a bracket (``km<sup>2</sup>``,
    ``10<sup>6</sup>``, ``(1.05)<sup>3</sup>``, ``€2.<sup>40</sup>``) is the text's, and a mark
    with no text before it in its block is the label of the footnote itself: both stay."""
    text = "".join(el.itertext()).strip()
    if not text or len(text) > 10:
        return False
    links = list(el.iter("a"))
    parent = el.getparent()
    if links:
        marked = all((a.get("href") or "").startswith("#") for a in links) and "".join(
            "".join(a.itertext()) for a in links).strip() == text
    elif not _MARK.fullmatch(text):
        return False
    else:
        marked = text[0] in "[(" or parent is not None and parent.tag == "a" and (
            parent.get("href") or "").startswith("#") and "".join(parent.itertext()).strip() == text
    before = _text_before(el)
    return bool(before) and (marked or bool(_MARK_AFTER.search(before)))


_MARK_TAGS = frozenset({"a", "span", "small"})
_NOTE_NAME = re.compile(r"(?:^|[\s_-])(?:foot-?notes?|fu(?:ss|ß)-?noten?|fn|fnref|note-?ref\w*|ref-?note|noteref|appel"
                        r"|anm|anmerkung|nota|voetnoot|przypis|poznamka|lábjegyzet|alaviite|fotnot)(?:$|[\s_-])", re.I)
"""A class naming a footnote reference mark, in the EU languages (``footnote-ref``, ``fussnote``,
French ``appel-note``, Polish ``przypis``)."""


def _linked_marker(el) -> bool:
    """``el``, an ``<a>``, ``<span>`` or ``<small>`` outside a ``<sup>``, is a footnote reference
    mark printed on the line: its whole text a mark (:data:`_MARK`), a link to an element of the
    same page (``<a href="#note-2">(2)</a>``) or an element whose class names a footnote mark
    (:data:`_NOTE_NAME`: ``<span class="fn">[2]</span>``), glued to the word before it with no
    space (``…gestiegen.(2)``), the mark in brackets or a number after a word's punctuation
    (:data:`_MARK_AFTER`). A mark set apart by a space (``paragraph <a href="#p2">(2)</a>``, a
    cross-reference of the text), a link to another page and a bare number in a span stay."""
    href = el.get("href") or ""
    if el.tag == "a":
        if len(href) < 2 or href[0] != "#" or len(href) > 100:
            return False
    elif not _NOTE_NAME.search(el.get("class") or "") or next(el.iter("a"), None) is not None:
        return False  # a span around a link: the link's own test reads it
    text = "".join(el.itertext()).strip()
    if not text or len(text) > 10 or not _MARK.fullmatch(text):
        return False
    if any(a.tag == "sup" for a in el.iterancestors()):
        return False  # the <sup>'s rule reads it
    before = _glued_text_before(el)
    if not before:
        return False
    after_word = bool(_MARK_AFTER.search(before))
    if not (after_word or text[0] in "[("):
        return False
    if el.tag != "a":
        return True
    target = _anchors(el).get(href[1:])
    if target is None:
        return False
    return after_word or _in_notes(target, el)  # "Article 5(2)": a paragraph of the text, no note


_NOTE_PLACE = re.compile(r"(?:^|[\s_:-])_?(?:ftn|edn|fn|foot-?notes?|end-?notes?|side-?notes?|notes?|cite[_-]?note"
                         r"|references?|fu(?:ss|ß)-?noten?|anm|anmerkung(?:en)?|notas?|note[nr]|voetnot(?:en)?"
                         r"|przypis[ya]?|pozn[aá]mk[ay]|lábjegyzet\w*|alaviit\w*|fotnot(?:er)?|doc-(?:end|foot)notes?)"
                         r"(?=$|[\s_:-]|\d)", re.I)
"""A class, id or ``role`` naming a footnote or the list of notes, in the EU languages (``fn2``,
``footnote-2``, ``cite_note-2``, Word's ``_ftn2``/``_edn2``, ``fussnoten``, ``notas``,
``przypisy``, ARIA's ``doc-endnotes``)."""
NOTE_LEVELS = 4  # how far up from a mark's target a notes list's name is looked for
_ANCHORS: list = [None, {}]  # the last tree read: its root and {id or name: element}


def _anchors(el) -> dict:
    """``{id or name: element}`` of ``el``'s whole tree (the first element of each), built once
    per tree: a page's marks look their targets up in it (one pass over the page, not one per
    mark)."""
    root = el.getroottree().getroot()
    if _ANCHORS[0] is not root:
        found: dict = {}
        for node in root.iter():
            for attr in ("id", "name"):
                value = node.get(attr)
                if value and value not in found:
                    found[value] = node
        _ANCHORS[:] = [root, found]
    return _ANCHORS[1]


def _in_notes(el, mark=None) -> bool:
    """``el`` is a footnote: it or an element up to :data:`NOTE_LEVELS` above it has a class,
    id or role naming a note or a list of notes (:data:`_NOTE_PLACE`); an element holding the
    mark ``el`` is the target of does not count: a wrapper of the story itself (Spanish,
    Portuguese and Italian ``nota``, the news item: ``article.nota``), no list of notes."""
    node = el
    for _ in range(NOTE_LEVELS + 1):
        if node is None or not isinstance(node.tag, str):
            return False
        if mark is not None and node is not el and any(a is node for a in mark.iterancestors()):
            return False
        names = " ".join(node.get(a) or "" for a in ("class", "id", "role"))
        if names.strip() and _NOTE_PLACE.search(names):
            return True
        node = node.getparent()
    return False


def _glued_text_before(el) -> str:
    """The text right before ``el`` in its block (:func:`_text_before`) when no white space
    parts it from ``el``; ``""`` otherwise."""
    node = el
    for _ in range(4):
        prev = node.getprevious()
        raw = prev.tail if prev is not None else (node.getparent().text if node.getparent() is not None else None)
        if raw:
            return _text_before(el) if not raw[-1].isspace() else ""
        if prev is not None:
            return _text_before(el) if (prev.text_content() or " ")[-1:].strip() else ""
        parent = node.getparent()
        if parent is None or parent.tag not in _INLINE:
            return ""
        node = parent
    return ""


_INLINE = frozenset({"a", "span", "em", "strong", "b", "i", "u", "small", "font", "mark", "q", "cite"})


def _text_before(el) -> str:
    """The text printed right before ``el`` in its block (white space stripped), looked for in its
    preceding siblings and up through up to three inline ancestors; ``""`` at the block's start."""
    node = el
    for _ in range(4):
        prev = node.getprevious()
        while prev is not None:
            for text in (prev.tail, prev.text_content() if isinstance(prev.tag, str) else ""):
                if text and text.strip():
                    return text.rstrip()
            prev = prev.getprevious()
        parent = node.getparent()
        if parent is None:
            return ""
        if parent.text and parent.text.strip():
            return parent.text.rstrip()
        if parent.tag not in _INLINE:
            return ""
        node = parent
    return ""


@lru_cache(maxsize=8192)
def _name_verdict(tag: str, cls: str | None, ident: str | None) -> tuple:
    """What the ``class`` ``cls`` and ``id`` ``ident`` of an element of tag ``tag`` (not one of
    :data:`NEVER_BY_NAME`) say in :func:`_pruned`, ``(verdict, reason)``: ``verdict`` True or
    False, :data:`_STRONG` (pruned unless it holds three long paragraphs) or :data:`_BOILER`
    (pruned unless it holds three paragraphs); ``reason``: the name's ``"<tier>:<word>"`` (see
    :func:`judge`) when the verdict prunes, else ``""``. Class names repeat all over a page, so
    each is read once."""
    names = _names_of(cls, ident)
    if "-" in tag:
        names += " " + tag  # custom elements name themselves: <amedia-factbox>
    if not names:
        return False, ""
    if names.isascii() and names.islower():
        words, tiers = names, _LOWER_TIERS  # no capital: no camelCase boundary, no feature flag
    else:
        # "RelatedContent" read as words (no camelCase boundary spans two names); a camelCase
        # feature flag ("hasVideo") names no part
        words = _CAMEL.sub("-", " ".join(t for t in names.split() if not _FEATURE_FLAG.match(t)))
        tiers = _TIERS
        if words.isascii():
            words, tiers = words.lower(), _LOWER_TIERS
    always, strong, boiler, heading = tiers
    named = boiler.search(words)
    if named is None and "contact" not in words.lower():
        return False, ""  # (the two stronger tiers' words are boiler words too, but a contact box's)
    m = always.search(words)
    if m:
        return True, _reason("always", m)
    # a wrapper named after one feature (``article--has-video``, ``sidebar-grid``) that holds
    # running text stays
    m = strong.search(words)
    if m and not any(CONTENT_NAME.search(t) for t in names.split() if not STRONG_NAME.search(_CAMEL.sub("-", t))):
        return _STRONG, _reason("strong", m)
    m = named
    if not m:
        return False, ""
    if tag in HEADINGS:
        # a sub-heading styled ``widget-title``, ``section-header`` or ``js-jump-target`` is still a
        # sub-heading; one named for a byline, a promotion, a video or screen readers is not
        m = heading.search(words)
        return (True, _reason("boiler", m)) if m else (False, "")
    return _BOILER, _reason("boiler", m)


_TIERS = (ALWAYS_NAME, STRONG_NAME, BOILER_NAME, HEADING_PRUNE_NAME)
_LOWER_TIERS = tuple(re.compile(p.pattern) for p in _TIERS)
"""The tier patterns (:data:`_TIERS`) without ``re.I``, for names in ASCII read in lower case:
their words are lower-case ASCII, so they match where the patterns match the name, for a third
of the cost of matching regardless of case. (The patterns are passed as they are, never looked up
by pattern: a compiled pattern's hash is computed anew on every lookup, from its whole code.)"""


def _reason(tier: str, m: re.Match) -> str:
    """``"<tier>:<word>"`` (see :func:`judge`): ``word`` read from ``m``, the first match of the
    tier's pattern in the name's words (its group ``word`` where the pattern names one)."""
    word = (m.groupdict().get("word") or m.group(0)).strip(" _-").lower().replace("-", "").replace("_", "")
    return f"{tier}:{word}"


REPRIEVE_TAGS = frozenset({"div", "section", "article", "main", "center", "font", "p", "h2", "h3", "h4", "h5", "h6",
                           "li", "blockquote", "pre", "dd", "dt", "tr", "ul", "ol", "dl", "table", "tbody"})
"""Elements a name prunes that a learned reprieve (:func:`spared`) may keep: block elements,
whose text reaches the page's blocks as blocks of their own (an inline ``<span>`` stays
pruned: sparing it would change its paragraph's text)."""
_WORD = re.compile(r"[a-z]{3,}")
_PUNCT = re.compile(r"[,.;:!?。、，]")
REPRIEVE_TEXT_CHARS = 2980
"""A reprieved element's text is read up to this many characters (where its ``len`` feature
reaches 1)."""
TEXT_FEATURES = ("len", "link", "punct", "ps")
"""The features of :func:`reprieve_features` read from an element's text, each in 0..1."""


def reprieve_features(el, reason: str) -> dict:
    """What :func:`spared` reads of ``el``, an element pruned by a name (``reason`` from
    :func:`judge`): the reason and its tier (``r:``), the tag (``rtag:``), the class and id
    words (``c:``), whether a word names content (``content``: :data:`CONTENT_NAME`), and from
    its text (:data:`TEXT_FEATURES`, each 0..1): its length (``len``, log scale, 1 from
    :data:`REPRIEVE_TEXT_CHARS` characters), link share (``link``), punctuation density
    (``punct``), and its paragraphs (``ps``: 0, 1/3, 2/3, 1 for three or more)."""
    return {**_name_features(el, reason), **_text_features(el)}


def _name_features(el, reason: str) -> dict:
    """The features of :func:`reprieve_features` read from ``el``'s name and tag (not to be
    changed: the same dict serves every element of the same name)."""
    return _name_features_of(el.tag, el.get("class"), el.get("id"), reason)


@lru_cache(maxsize=4096)
def _name_features_of(tag: str, cls: str | None, ident: str | None, reason: str) -> dict:
    """:func:`_name_features` of an element of tag ``tag``, ``class`` ``cls`` and ``id`` ``ident``."""
    tier = reason[:reason.index(":")]
    f = {"r:" + reason: 1.0, "r:" + tier: 1.0, "rtag:" + tag: 1.0}
    names = _names_of(cls, ident)
    if names:
        for w in _WORD.findall(_CAMEL.sub(" ", names).lower()):
            f["c:" + w] = 1.0
        if CONTENT_NAME.search(names):
            f["content"] = 1.0
    return f


def _text_features(el) -> dict:
    """The features of :func:`reprieve_features` read from ``el``'s text (:data:`TEXT_FEATURES`)."""
    size = 0
    parts = []
    for t in el.itertext():
        parts.append(t)
        size += len(t)
        if size > REPRIEVE_TEXT_CHARS:
            break
    text = " ".join("".join(parts).split())[:REPRIEVE_TEXT_CHARS]
    links = 0
    if text:
        for a in el.iter("a"):
            links += len(" ".join(a.text_content().split()))
            if links >= len(text):
                break  # a share of 1: the rest of a long menu is not read
    return {"len": math.log1p(len(text)) / 8, "link": min(1.0, links / max(len(text), 1)),
            "punct": min(1.0, 10 * len(_PUNCT.findall(text)) / max(len(text), 1)),
            "ps": sum(1 for _ in zip(range(3), el.iter("p"))) / 3}


def spared(model: dict, el, reason: str) -> bool:
    """True when the reprieve ``model`` (``{"bias", "weights", "at", "tiers"}``: a logistic
    regression over :func:`reprieve_features`, fitted by ``tools/train_block_scorer.py``)
    keeps ``el``, which the name ``reason`` (:func:`judge`) prunes: a block element
    (:data:`REPRIEVE_TAGS`) of a tier the model reads, whose probability of holding article
    text is ``at`` or more. The text is read only when its features could still get there."""
    tag = el.tag
    if tag not in REPRIEVE_TAGS:
        return False
    z, needed = _name_score(model, tag, el.get("class"), el.get("id"), reason)
    if z is None:
        return False
    weights = model["weights"]
    z += sum(weights.get(k, 0.0) * v for k, v in _text_features(el).items())
    return z >= needed


_name_scores: dict = {}
""":func:`_name_score`'s answers, ``{(id(model), tag, class, id, reason): (model, z, needed)}``
(the model is held so that its ``id`` is not reused)."""


def _name_score(model: dict, tag: str, cls: str | None, ident: str | None, reason: str) -> tuple:
    """``(z, needed)`` of :func:`spared` for an element of tag ``tag`` (one of
    :data:`REPRIEVE_TAGS`), ``class`` ``cls`` and ``id`` ``ident`` pruned for ``reason``: the
    log-odds ``z`` of the reprieve ``model`` read from the name and tag alone, and the log-odds
    it needs to keep; ``z`` is None when the model does not read the reason's tier or no text
    could get it there. Names repeat all over a page, so each is read once for each model."""
    key = (id(model), tag, cls, ident, reason)
    known = _name_scores.get(key)
    if known is not None and known[0] is model:
        return known[1:]
    if len(_name_scores) >= 8192:
        _name_scores.clear()
    z = None
    at = model["at"]
    needed = math.log(at / (1 - at))
    if reason[:reason.index(":")] in model["tiers"]:
        weights = model["weights"]
        z = model["bias"] + sum(weights.get(k, 0.0) * v
                                for k, v in _name_features_of(tag, cls, ident, reason).items())
        if z + sum(max(0.0, weights.get(k, 0.0)) for k in TEXT_FEATURES) < needed:
            z = None
    _name_scores[key] = (model, z, needed)
    return z, needed
