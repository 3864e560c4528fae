"""Lead: the standfirst between the headline and the article body, found by its name
(``lead``, ``intro``, ``standfirst``, ``dek``…) or as the first paragraph of running text
in that span.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from ..vocabulary import language_pattern, pattern, phrases
from .blocks import _SENTENCE_END, _block, _texts
from .boilerplate import is_boilerplate, is_funding_notice_block
from .container import _inside
from .prune import HEADINGS, NEVER_BY_NAME

if TYPE_CHECKING:
    from .body import Body

_LABEL_NAMES = r"series|(?:^|[\s_-])serie(?:$|[\s_-])|kicker|overline|dachzeile|eyebrow|occhiello"
"""Class names of a label printed over or beside a headline, no standfirst: a series' name
(``article-series``, ``kicker-series``) or a kicker (Italian ``occhiello``, the line over the
headline, where ``sommario`` and ``catenaccio`` under it are the standfirst)."""
_LABEL_NAME = re.compile(_LABEL_NAMES, re.I)
_SERIES_PART = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*\)|(?<![\d/])\d{1,2}\s*/\s*\d{1,2}[\s)\]]*$")
"""A part's number among the parts of a series: ``(3/5)``, ``… 3/5`` closing the line; not a
fraction closing a sentence (``… en apenas 1/3.``)."""
SERIES_LABEL_WORDS = 8
"""The most words of a series' label (``Aus der Serie „Europa wählt“ (3/5)``); a line of more is
a sentence about a series (``La Serie A cambia volto: …``), the standfirst."""
LEAD_MIN_CHARS = 50
LEAD_NAMED_MIN_CHARS = 25
"""The shortest standfirst taken when an element names itself one (:data:`STANDFIRST_NAME`) next
to the headline (:func:`_next_to`): a short line there named so is the standfirst a theme
prints, where an unnamed one of that length may be a kicker or a caption."""
_STANDFIRST_WORDS = (
    r"standfirst|summary|sub-?title|excerpt|(?:^|[\s_-])dek(?:$|[\s_-])|deck|lede|(?:^|[\s_-])sub-?headline(?:$|[\s_-])|"
    r"chapo|chapeau|sous-?titre|(?:^|[\s_-])sapo(?=$|\s)|sapou|"  # French, Romanian
    r"ingress|manchet|"  # Norwegian, Swedish and Finnish; Danish
    r"entradilla|entradeta|bajada|sumario|(?:^|[\s_-])subtitulo(?=$|\s)|linha-?fina|"  # Spanish, Catalan, Portuguese
    r"sottotitolo|catenaccio|sommario|vorspann|perex|podtytul|zajawka|podnaslov")  # Italian, German, Czech, Polish, South Slavic
"""The class words naming a standfirst and nothing else, in every language (one list: the
standfirst's own names, :data:`STANDFIRST_NAME`, and among :data:`LEAD_NAME`'s)."""
STANDFIRST_NAME = re.compile(_STANDFIRST_WORDS, re.I)
"""A class or id that names a standfirst and nothing else (of :data:`LEAD_NAME`'s words: French
``chapo``, ``chapeau`` and ``sapo`` (a name's last part: ``sapo-header`` is the Portuguese portal's
bar), Romanian ``sapou``, Croatian, Slovene and Serbian ``podnaslov``, Polish ``zajawka``,
Portuguese ``linha-fina``, Czech ``perex``, Italian ``sommario``, Danish ``manchet``, Nordic
``ingress``, Spanish ``entradilla``, Catalan ``entradeta``, Spanish and
Portuguese ``subtitulo`` as a whole word (``subtitulo-seccion`` is a section's tagline); and
``subheadline`` or ``sub-headline`` as a whole word (Arc XP's
``c-sub-headline``); not ``lead``, ``intro`` or ``subhead``, which as whole words
name Bootstrap's large text, an intro box holding a date line or an audio player, a
crosshead; not ``teaser`` or ``description``, which name other parts too)."""
_NEXT_TO = 3  # the elements after the headline (or after its wrapper) that are next to it
LEAD_NAME = re.compile(
    _STANDFIRST_WORDS + r"|lead|intro|(?:^|[\s_-]|header|content)dek|subhead|teaser|preface|einleitung|preamble|"
    r"epigraph|strapline|description|abstract|bulletpoints|first-paragraph|(?:^|[\s_-])desc(?:$|[\s_-])",
    re.I,
)
"""A class or id naming a standfirst or a part that often is one (:data:`_STANDFIRST_WORDS`, and
``lead``, ``intro``, ``teaser``, ``description``…: Bootstrap's ``lead``, Drupal's
``field-name-field-lead``/``field--name-field-intro``/``-field-summary``/``-field-teaser``)."""
_NOT_LEAD = re.compile(
    r"leading-|teaser-?list|related|image|img|photo|picture|caption|credit|media|figure|"
    r"bild|foto|byline|author|meta|breadcrumb|(?:^|[\s_-])ai[_-]|" + _LABEL_NAMES, re.I)
_LEAD_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "section", "figure")


_FIELD_TYPE = re.compile(r"\bfield-{1,2}type-[\w-]+")
"""A Drupal field's type in its class (``field--type-text-with-summary``, the body's type, whose
``summary`` names no standfirst): no name of the field's part."""


def _names(el) -> str:
    """``el``'s class and id, without a Drupal field's type (:data:`_FIELD_TYPE`)."""
    names = ((el.get("class") or "") + " " + (el.get("id") or "")).strip()
    return _FIELD_TYPE.sub("", names) if "type-" in names else names


@lru_cache(maxsize=4096)
def _names_no_lead(names: str) -> bool:
    """``names`` (an element's class and id, :func:`_names`) name a part that is no standfirst
    (:data:`_NOT_LEAD`: an image, a caption, a byline, related links…). Class names repeat all
    over a page, so each is read once."""
    return bool(_NOT_LEAD.search(names))


def _in_furniture(el, wrappers: frozenset = frozenset()) -> bool:
    """``el`` lies in page furniture: it or an ancestor is of :data:`FURNITURE`'s tags, but for
    the ``wrappers`` (:func:`_page_forms`), forms that wrap the page's text."""
    node = el
    while node is not None:
        if node.tag in FURNITURE and node not in wrappers:
            return True
        node = node.getparent()
    return False


def _page_forms(*inside) -> frozenset:
    """The ``<form>`` elements holding any of ``inside`` (the headline, the body's first block;
    ``None`` ignored): a form wrapping the whole page, ASP.NET Web Forms' ``<form
    id="aspnetForm">`` around a SharePoint or DNN page, is no furniture of it."""
    return frozenset(f for el in inside if el is not None for f in el.iterancestors("form"))


FURNITURE = frozenset({"figure", "figcaption", "aside", "nav", "footer", "script", "style", "noscript",
                       "template", "button", "form", "a"})


def _plain(el) -> bool:
    """A ``<p>``, or a ``<div>`` holding only text and inline markup."""
    if el.tag == "p":
        return True
    return el.tag == "div" and all(c.tag in NEVER_BY_NAME or c.tag in ("span", "br") for c in el
                                   if isinstance(c.tag, str))


def _named_next_to(anchor, el, names: str, parent, pnames: str) -> bool:
    """``el`` (or its ``parent``, when that holds the name) names itself a standfirst
    (:data:`STANDFIRST_NAME`) and is next to the headline ``anchor`` (:func:`_next_to`)."""
    named = el if names and STANDFIRST_NAME.search(names) else parent if pnames and STANDFIRST_NAME.search(pnames) \
        else None
    return named is not None and _next_to(anchor, named)


def _next_to(anchor, el) -> bool:
    """``el`` is next to the headline ``anchor``: among the :data:`_NEXT_TO` elements after it,
    or after the element wrapping it."""
    if anchor is None:
        return False
    wrapper = anchor.getparent()
    return any(el in islice(node.itersiblings(), _NEXT_TO) for node in (anchor, wrapper) if node is not None)


FIELD_LEVELS = 3  # the ancestors of an element searched for the Drupal field it is the value of


def _named_wrapper(el) -> bool:
    """One of ``el``'s :data:`FIELD_LEVELS` nearest ancestors is named a standfirst
    (:data:`STANDFIRST_NAME`, or a Drupal field named like a lead, :data:`_LEAD_FIELD`; none
    between named :data:`_NOT_LEAD`) and holds no text but ``el``'s: the wrappers of a
    CMS's field around its value (Drupal 7's ``<div class="field field-name-field-chapo"><div
    class="field-items"><div class="field-item even"><p>…``). A wrapper holding more (the
    article's whole ``intro`` section with its body) names no one paragraph."""
    for node in islice(el.iterancestors(), FIELD_LEVELS):
        if node.tag in ("body", "html", "article", "main"):
            return False
        names = _names(node)
        if names and _names_no_lead(names):
            return False
        if names and (STANDFIRST_NAME.search(names) or _LEAD_FIELD.search(names)):
            # (the text read at the named wrapper only: the wrappers between hold no more)
            return _same_text(node, el)
    return False


def _same_text(wrapper, el) -> bool:
    """``wrapper`` holds no text but its descendant ``el``'s (whitespace aside), read chunk by
    chunk and no further than ``el``'s length: a large wrapper is not read whole."""
    own = "".join(el.text_content().split())
    seen = 0
    for chunk in wrapper.itertext():
        seen += len("".join(chunk.split()))
        if seen > len(own):
            return False
    return seen == len(own)


_LEAD_FIELD = re.compile(r"field-{1,2}name-field-[\w-]*?(?:%s|lead|intro|teaser|einleitung|preamble|strapline)"
                         % _STANDFIRST_WORDS, re.I)
"""A Drupal field named like a lead (7: ``field-name-field-lead``, 8+: ``field--name-field-intro``,
``-field-summary``, ``-field-teaser``): where a wrapper's bare ``description`` or ``intro``
(a slideshow's ``slideshow_description_box`` around a slide's title) names no standfirst. A
field's ``description`` (``field-name-field-galerie-description``, a gallery's caption) names
none either."""

_TEASER_NODE = re.compile(r"view-mode-teaser|node-{1,2}teaser(?:$|\s)|(?:^|\s)card(?:$|\s)", re.I)
"""A class naming another story's teaser or card (Drupal's ``node--view-mode-teaser``,
``node-teaser``; a ``card``): its summary fields are that story's, no standfirst here."""


def in_card(el, anchor=None) -> bool:
    """``el`` stands inside another story's teaser or card, looked for in every ancestor up to
    the article (``<article>``, ``<main>``, ``<body>``): one named so (:data:`_TEASER_NODE`),
    or one holding, before ``el``'s branch, a sub-heading (``<h2>``…``<h6>``) whose text is a
    link (a "Read also" card's title over its summary). An ancestor holding the headline
    ``anchor`` is the article's own (a kicker linked to its section is no card's title)."""
    held = set(anchor.iterancestors()) if anchor is not None else set()
    branch = el
    for node in el.iterancestors():
        if node.tag in ("body", "html", "article", "main") or node in held:
            return False
        cls = node.get("class")
        if cls and _TEASER_NODE.search(cls):
            return True
        for child in node.iterchildren(etree.Element):
            if child is branch:
                break
            heading = child if child.tag in HEADINGS else None
            if heading is None and child.tag in ("a", "header", "div"):
                heading = next(child.iter(*HEADINGS), None) if len(child) <= 3 else None
            if heading is not None and _linked(heading):
                return True
        branch = node
    return False


def _linked(heading) -> bool:
    """The text of ``heading`` is a link's (``<h3><a href>…</a></h3>``, or the heading inside one)."""
    text = "".join(heading.text_content().split())
    if not text:
        return False
    if any(a.tag == "a" for a in heading.iterancestors()):
        return True
    return sum(len("".join(a.text_content().split())) for a in heading.iter("a")) >= len(text)


def _field_value(el) -> bool:
    """``el`` is the value of a Drupal field printed under its label (``<div class="field-label">
    Összefoglaló:</div><div class="field-items">…``: the label an element before it or one of its
    :data:`FIELD_LEVELS` nearest ancestors, named ``field-label``/``field__label``): a datum
    the site labels, no standfirst unless named one: a field whose wrapper is named like a lead
    (:data:`LEAD_NAME`: ``field-name-field-lead``) is the standfirst's own."""
    from ..metadata import _names_field_label

    for node in (el, *islice(el.iterancestors(), FIELD_LEVELS)):
        before = node.getprevious()
        if before is not None and isinstance(before.tag, str) and _names_field_label(_names(before)):
            wrapper = before.getparent()
            return wrapper is None or not LEAD_NAME.search(_names(wrapper))
    return False


def _headed(anchor, el) -> bool:
    """``el`` is printed in the headline ``anchor``'s own ``<header>``, beside it: there a short
    paragraph shaped as a standfirst is one, where right under a headline printed loose it may be
    a note or a credit (``This is an opinion. Views are my own.``, ``Photo by …``)."""
    parent = anchor.getparent() if anchor is not None else None
    return parent is not None and parent.tag == "header" and el.getparent() is parent


_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2}[.!?…])[\"'”’»)]?\s+(?=[\"'“„«(]?\s?[^\W\d_])")
"""A sentence's close after a word, and the space before the next sentence's first letter."""
SENTENCE_WORDS = 3  # the fewest words of each sentence of a standfirst's shape


def _sentences(text: str) -> bool:
    """``text`` is two sentences or more (:data:`_SENTENCE_BREAK`), each of
    :data:`SENTENCE_WORDS` words or more and opening with a capital letter, and closes as one
    (:data:`_CLOSED`): the shape of a standfirst, where a kicker, a label or a crosshead is one
    line, and a credit and a time stamp are short ones (``Photo: AFP. Updated at noon.``)."""
    if not _CLOSED.search(text):
        return False
    parts = _SENTENCE_BREAK.split(text)
    return len(parts) >= 2 and all(len(p.split()) >= SENTENCE_WORDS and p.lstrip("\"'“„«( \xa0")[:1].isupper()
                                   for p in parts)


_LIST_AFTER_COLON = re.compile(r":[^.!?]*,[^.!?]*,")
"""A colon, then two commas in the same sentence: the items of a list."""
_CREDIT_CLOSING = re.compile(r"\s(?:%s)\s+([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){1,3})[.!]?$"
                             % "|".join(phrases("byline_lead_in")), re.I)
"""A line closing with a byline's lead-in and a name (``Ein Kommentar von Jan Berg``, ``A
column by Lina Berg.``): a credit of the piece's kind and writer, no standfirst (the name's
words capitalised: :func:`_sentence_like`)."""
CREDIT_NAME_WORDS = 4  # the most words of the writer's name closing a credit line


def credit_line(text: str) -> bool:
    """``text`` is a line crediting the piece and its writer, no text of it: the credit of the
    article's own kind that a standfirst's place may print (:func:`~newsbot.extraction.metadata._kind_credit`:
    a few words up to the vocabulary's ``article_kind``, ``Ein Kommentar von Jonas Keller``, ``A
    column by Lina Berg.``), closing with a name of :data:`CREDIT_NAME_WORDS` capitalised words
    at most; a line crediting no piece of that kind is the text's (``Ein Anruf von Jonas
    Keller.``, ``It was written by Lina Berg.``, ``Ein Gedicht von Rainer Maria Rilke``)."""
    from ..metadata import _kind_credit

    m = _kind_credit().match(text.strip())
    name = m.group(1).split() if m else []
    return 0 < len(name) <= CREDIT_NAME_WORDS and all(w[0].isupper() for w in name)


_CLOSED = re.compile(r"[.!?…。！？][\"'”’»)]?$")
"""A line closing as a sentence does: a full stop, a question or exclamation mark (a quote or
parenthesis after it)."""
_LABEL_COLON = re.compile(r"^[^.!?:]{1,30}:")
"""A label of a few words before a colon opening a line (``At a glance:``, ``The verdict:``)."""
_PART_OF_SERIES = re.compile(r"^[^\W\d_]+\.?\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s*[:.–—-]|\s+[^\W\d_]{1,3}\s|$)")
"""A word and a number of one or two digits opening a line, then a slash and the parts'
number, a colon, a dash, the line's end or a short word (``of``, ``von``, ``de``): a series'
part or episode (``Part 3 of our
series``, ``Teil 2: …``, ``Folge 12``, ``Część 3/5``), whatever the language; ``Seit 20 Jahren
warten …`` is none."""
SHORT_WORDS = 5
"""Standfirsts of fewer words than this are taken only as a sentence of running text
(:func:`_short_sentence`)."""
_CREDIT_OPENING = re.compile(r"^(?:%s)\s*(?::|(?:%s)(?!\w))" % ("|".join(phrases("other_credit")),
                                                                 "|".join(phrases("byline_lead_in"))), re.I)


CONTENTS_ITEM_WORDS = 4  # the most words of an item of a table of contents' list


def contents_line(text: str) -> bool:
    """``text`` is a line of contents, no sentence: a label of a few words and a colon
    (:data:`_LABEL_COLON`), then a list of three items or more (commas or semicolons between
    them). Under a contents' label (the vocabulary's ``contents_label``: ``Au sommaire :``,
    ``In this article:``, ``Inhalt:``, ``En este artículo:``) the items may be of any length;
    under another label they are of :data:`CONTENTS_ITEM_WORDS` words at most each, nouns rather
    than clauses (``Key points: fares, routes, timetable``), and the line does not close with a
    full stop. A sentence after a colon (``Le maire l'a promis : des trams, des bus et des vélos
    pour tous d'ici 2028.``) holds a longer clause, and a telegraphic standfirst closes as a
    sentence (``Storm: trains cancelled, schools shut, power out.``)."""
    m = _LABEL_COLON.match(text)
    if not m:
        return False
    items = [i for i in re.split(r"\s*[,;]\s*", text[m.end():].strip().rstrip(".…")) if i]
    if len(items) < 3:
        return False
    if pattern("contents_label").match(text):
        return True
    return not text.rstrip().endswith(".") and all(len(i.split()) <= CONTENTS_ITEM_WORDS for i in items)


def _short_sentence(text: str) -> bool:
    """A line of three or four words reads as a sentence of running text: it closes as one
    (:data:`_CLOSED`: a full stop or exclamation mark, not a question, a crosshead's), holds no
    colon (``Photo illustration: Ana Ruiz.``), no comma (``Antwerpen, België, Europa.``) and no
    paywall's words (the vocabulary's ``paywall_offer``: ``Article réservé aux abonnés.``), and
    its last word is no capitalised word after the first (a name or a noun closing a label:
    ``Contenido patrocinado por Iberdrola.``, ``Ein Gastbeitrag des Bürgermeisters.``, ``Mit
    Fotostrecke und Video.``; a number closes a sentence, ``Simhallen står klar 2027.``)."""
    words = text.rstrip(".!…。！\"'”’»)").split()
    return bool(_CLOSED.search(text)) and not text.rstrip("\"'”’»)").endswith("?") \
        and not any(c in text for c in ":,;") and not pattern("paywall_offer").search(text) \
        and len(words) > 1 and not words[-1][:1].isupper()


def _sentence_like(text: str, names: str) -> bool:
    """A short line named a standfirst reads as one, a sentence with or without its full stop
    (The Verge's ``p-dek``: ``Fake eye contact for improved intimacy``): no list after a colon
    (a table of contents, ``In this article: routes, costs, timetable``), no credit of another
    role (``Photo by …``, ``Foto: …``: the vocabulary's ``other_credit`` before a colon or a
    byline's lead-in) and no label repeating the box's name (``Summary of the key points`` in
    a ``summary``). One not closing as a sentence (:data:`_CLOSED`) is no label before a
    colon (``At a glance: what you need to know``; ``The verdict: concerts for all.`` is a
    sentence) nor a series' part (``Part 3 of our series``: :data:`_PART_OF_SERIES`); one of
    fewer than :data:`SHORT_WORDS` words (compact languages: ``Bilety zdrożeją od lipca.``)
    is a sentence of running text (:func:`_short_sentence`), where a kicker, a label or a name
    is not. A line closing with a byline's lead-in and a name (:data:`_CREDIT_CLOSING`) is a
    credit."""
    named = STANDFIRST_NAME.search(names)
    first = text.split(maxsplit=1)[0].casefold() if text.split() else ""
    if not _CLOSED.search(text) and (_LABEL_COLON.search(text) or _PART_OF_SERIES.search(text)):
        return False
    if len(text.split()) < SHORT_WORDS and not _short_sentence(text):
        return False
    credit = _CREDIT_CLOSING.search(text)
    if credit and all(w[0].isupper() for w in credit.group(1).split()):
        return False
    return not _LIST_AFTER_COLON.search(text) and not _CREDIT_OPENING.search(text) \
        and not (named and first == named.group().casefold().strip(" _-"))


def series_label(text: str, language: str = "") -> bool:
    """``text`` is a series' label, no standfirst: at most :data:`SERIES_LABEL_WORDS` words, the
    word for a series (the vocabulary's ``series_name``, inflected: ``Serie``, ``series``,
    ``sorozatunk``; of the page's declared ``language`` only, when it has them:
    :func:`~newsbot.extraction.vocabulary.language_pattern`) among its first four words, and a
    part's number (:data:`_SERIES_PART`: ``Serie: Europa wählt (3/5)``) or no sentence's close
    (``Part of the series: Europe votes``). A standfirst about series, ``Netflix-Serien werden
    teurer: Abos steigen um drei Euro.``, closes as a sentence; a sentence-long one
    (``The World Series returns to Toronto …``) is no label."""
    if len(text.split()) > SERIES_LABEL_WORDS or not language_pattern("series_name", language).search(text):
        return False
    return not _CLOSED.search(text) or _SERIES_PART.search(text) is not None


def _without_labels(el, text: str) -> str:
    """``text``, the text of ``el``, without a series' label or kicker printed in it first (a
    ``<span class="article-series">`` opening a standfirst: :data:`_LABEL_NAME`), with the
    separators after it."""
    for child in el.iterdescendants():
        if isinstance(child.tag, str) and _LABEL_NAME.search(_names(child)):
            label = " ".join(child.text_content().split())
            if label and text.startswith(label):
                return text[len(label):].lstrip(" :·|–—-")
    return text


OPENING_LINES = 2
"""The short lines opening a body (each a ``<p>`` under :data:`OPENING_LINE_CHARS` characters, no
sentence: a ministry's name, ``Por Ana Ruiz e Rui Costa · 10 de março de 2026, às 16h20``) a
paragraph named a lead (``<p class="lead">``, ``lead-paragraph``) may follow and still be the
standfirst."""
OPENING_LINE_CHARS = 120
"""The longest such line: a byline naming two writers with its date and hour is longer than a
standfirst's :data:`LEAD_MIN_CHARS`, and ends with no sentence's mark either."""


def find_lead(tree, body: Body, anchor=None, language: str = "") -> str | None:
    """The standfirst: the first element named like one (``lead``, ``intro``, ``standfirst``,
    ``summary``, ``dek``, ``subtitle``…, on itself or its parent) that lies after the headline
    ``anchor`` and before the first body paragraph, with at least ``LEAD_MIN_CHARS`` of text
    and :data:`SHORT_WORDS` words (``LEAD_NAMED_MIN_CHARS`` when it names itself a standfirst
    next to the headline, :func:`_named_next_to`, and is no label, list, kicker or credit,
    :func:`_sentence_like`);
    failing that, the first unnamed ``<p>`` or ``<div>`` of inline text (an ``<h2>`` too when
    next to the headline and shaped as a standfirst, :func:`_sentences`) of running text in that
    span, not the body's first block itself nor a labelled Drupal field's value
    (:func:`_field_value`), nor inside a page-wide form (:func:`_page_forms`), where a browser's
    notice (cookies, JavaScript, an outdated browser, an ad blocker) is printed unnamed and only a
    standfirst named so counts; one next to the headline shaped so needs ``LEAD_NAMED_MIN_CHARS``
    only, when an ``<h2>`` or in the headline's own ``<header>`` (:func:`_headed`), no credit
    (:func:`_sentence_like`: ``Photo by Anna Berg. All rights reserved.``) and unnamed or named
    a lead (``subtitulo-seccion``, a section's tagline, is none);
    boilerplate, a funding notice (:func:`~.boilerplate.is_funding_notice_block`), a series'
    label (:func:`series_label`, in the page's declared ``language``) and an element named a series' label or kicker
    (:data:`_LABEL_NAME`) are none, and such a label printed first inside a standfirst is left
    out of it (:func:`_without_labels`)."""
    if not body.blocks:
        return None
    order = body.order
    stop = order.get(body.blocks[0].element, 0)
    if body.blocks[0].tag == "text":
        stop += 1
    start = order.get(anchor, -1) if anchor is not None else -1
    first = body.blocks[0].element
    far = stop  # past short lines opening the body (a ministry's name, a byline and date), a named lead
    for k, b in enumerate(body.blocks[1:OPENING_LINES + 1], 1):
        prev = body.blocks[k - 1]
        if prev.tag != "p" or len(prev.text) >= OPENING_LINE_CHARS or _SENTENCE_END.search(prev.text):
            break
        far = order.get(b.element, far)
    fallback = None
    wrappers = _page_forms(anchor, first)
    # ``order`` numbers the elements 0, 1, 2… in its own order: only those after the headline
    # and up to the first body block are read
    for el, i in islice(order.items(), start + 1, max(stop, far) + 1):
        if i <= start or i > max(stop, far) or el.tag in ("body", "html", "a", "li", "ul", "h1") or _in_furniture(el, wrappers) \
                or el in body.left_out:
            continue
        names = _names(el)
        parent = el.getparent()
        pnames = _names(parent) if parent is not None else ""
        if _names_no_lead(names) or _names_no_lead(pnames):
            continue
        if sum(1 for _ in zip(range(2), el.iterdescendants(*_LEAD_BLOCKS))) > 1 or next(el.iter("h1"), None) is not None:
            continue
        hit = (names and LEAD_NAME.search(names)) or (el.tag in ("p", "h2") and pnames and LEAD_NAME.search(pnames)) \
            or (el.tag in ("p", "div") and _named_wrapper(el))
        if i > stop and not (el.tag == "p" and names and LEAD_NAME.search(names)):
            continue  # (past the body's short opening lines, only a paragraph named a lead)
        if not hit and (fallback is not None or start < 0 or i >= stop or el is first or _field_value(el)
                        or (wrappers and any(f in wrappers for f in el.iterancestors("form")))
                        or not (_plain(el) or el.tag == "h2" and _next_to(anchor, el))
                        or (anchor is not None and parent is not None and not _inside(anchor, parent)
                            and any(order.get(h, -1) > start for h in el.itersiblings(*HEADINGS, preceding=True)))):
            continue  # (the last: a box with a heading of its own after the headline, "Also interesting")
        parts: list[str] = []
        links: list[str] = []
        _texts(el, False, parts, links)
        b = _block(el, el.tag, parts, links)
        if not b or b.link_share >= 0.5 or b.text.count(" ") < 2:
            continue
        shaped = _sentences(b.text) and _next_to(anchor, el) and (el.tag == "h2" or _headed(anchor, el)) \
            and _sentence_like(b.text, "") and (hit or not names)  # (named, it is named for something else)
        if el.tag == "h2" and not hit and not shaped:
            continue  # a sub-heading, unless shaped as a standfirst
        if (len(b.text) < LEAD_MIN_CHARS or len(b.text.split()) < SHORT_WORDS) and not (
                len(b.text) >= LEAD_NAMED_MIN_CHARS and (shaped or hit and _sentence_like(b.text, f"{names} {pnames}")
                                                         and _named_next_to(anchor, el, names, parent, pnames))):
            continue
        if is_boilerplate(b.text) or is_funding_notice_block(b) or contents_line(b.text) or in_card(el, anchor):
            continue
        text = _without_labels(el, b.text)
        if series_label(text, language) or (text != b.text and (len(text) < LEAD_MIN_CHARS or len(text.split()) < SHORT_WORDS)):
            continue
        if hit:
            return text
        if _SENTENCE_END.search(text):
            fallback = text
    return fallback


def opening_furniture(text: str) -> bool:
    """``text``, a short line printed before a paragraph named a lead (:data:`OPENING_LINES`), is
    the page's furniture, left out of the body: a kicker, a label or an organisation's name of
    :data:`OPENING_FURNITURE_WORDS` words at most (``Ministério da Agricultura``, ``Ce qu'il faut
    savoir``), or a byline and date line (a date or time with :data:`OPENING_BYLINE_WORDS`
    lower-case words of four letters or more at most: ``Por Ana Sousa e Rui Matos · 9 de março
    de 2026, às 16h20``). A quote (``„Wir bauen …“, sagt …``, a line of dialogue opening with a
    dash: ``– Esto acaba de empezar``), an update's line, a dateline's
    sentence or a subtitle of more words is the text's."""
    if not text or text[0] in _QUOTE_OPENERS:
        return False
    words = text.split()
    if len(words) <= OPENING_FURNITURE_WORDS:
        return True
    lower = sum(1 for w in words if len(w.strip(".,;:()")) >= 4 and w.strip(".,;:()").isalpha() and w.islower())
    return bool(_OPENING_DATE.search(text)) and lower <= OPENING_BYLINE_WORDS


OPENING_FURNITURE_WORDS = 6
OPENING_BYLINE_WORDS = 2
_QUOTE_OPENERS = frozenset("\"'„“”«»‚‘’‹›「『–—")  # (a dash opens a line of dialogue: ``– Det här är …``)
_OPENING_DATE = re.compile(r"(?<!\d)\d{4}(?!\d)|\d{1,2}[:.h]\d{2}(?!\d)|\d{1,2}\.\s?\d{1,2}\.")
