"""The date fields: publication and modification instants from the portal's selector,
JSON-LD, meta tags, ``<time>``, the discovery dates and htmldate, chosen by
:func:`newsbot.extraction.dates.choose`."""
from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from urllib.parse import urlsplit
from typing import TYPE_CHECKING, Callable

from lxml import etree

from . import dates
from .page import Page
from .text import clean
from .values import (TEXT_PARAGRAPH_CHARS, above_the_text, comments_of, drupal_node, in_aside, in_related, in_teaser, ld_text, listed_node,
                     of_the_article, select_values, text_of)
from .vocabulary import pattern, phrases

if TYPE_CHECKING:
    from .record import Fields


_PUBLISHED_META = ("article:published_time", "article:published:time", "date.available", "og:published_time", "pubdate",
                   "publishdate", "publish-date", "datepublished", "dc.date.issued", "dc.date",
                   "dcterms.date", "sailthru.date", "parsely-pub-date", "date")
_MODIFIED_META = ("article:modified_time", "article:modified:time", "date.modified", "og:updated_time", "datemodified",
                  "dcterms.modified", "last-modified")


def _date_candidates(page, rules, ld_key, meta_names, hint_values, publication_named=lambda: False):
    """The ``(layer, ParsedDate)`` candidates of ``ld_key`` (``datePublished``, ``dateModified``) in
    priority order. ``publication_named()``: whether a date line's words name the publication
    (asked only when one of the first :data:`_LABELLED_TIMES` ``<time>`` elements is called the
    update's by its words, :func:`_time_label`, which is then no publication's candidate)."""
    tz = rules.timezone
    out: list[tuple[str, dates.ParsedDate]] = []
    days: set[date] = set()  # the days a midnight <time> prints alone (a day, no instant)

    def add(layer, value):
        parsed = dates.parse_date(value, tz)
        if parsed:
            out.append((layer, parsed))

    for value in select_values(page, rules.css("date")) if ld_key == "datePublished" else []:
        add("portal", value)
    add("jsonld", ld_text(page.article_entity.get(ld_key)))
    if not page.article_entity.get(ld_key):
        for node in page.jsonld:  # a WebPage or other node carrying the article's dates
            if node.get(ld_key):
                add("jsonld", ld_text(node.get(ld_key)))
                break
    for name in meta_names:
        add("meta", page.meta_first(name))
    # else the markup's dates would not be chosen; but one may say a midnight instant is a day,
    # and is read for that only (its instants, an in-text event's hAtom time, left out)
    blocked, read = any(p.has_time and p.has_offset for _, p in out), len(out)
    if not any(p.has_time and p.has_offset and not _midnight(p) for _, p in out):
        for el in _ITEMPROP_DATE(page.tree, name=ld_key) if ld_key in page.names else ():
            if of_the_article(el):
                add("microdata", _microdata_date(el))
                if out and out[-1][0] == "microdata" and el.tag == "time" and el.get("datetime") \
                        and out[-1][1].has_time and _printed_day_only(el, page.declared_language):
                    out[-1] = ("microdata", dates.ParsedDate(out[-1][1].value, False, out[-1][1].has_offset))
                    days.add(out[-1][1].value.date())
        for el in _rdfa_dates(page, ld_key)[:1]:
            add("rdfa", _rdfa_date(el))
        published = ld_key == "datePublished"
        times = [el for el in page.elements("time") if el.get("datetime") and (not in_aside(el) or _node_footer(el))
                 and not (_signed(el) and _another_nodes(el))]  # not another node's signature
        marked = [el for el in times if _time_mark(el) == ("published" if published else "modified")]
        unmarked = [el for el in times if _time_mark(el) is None] if published else []
        if any(_time_label(el) == "modified" for el in unmarked[:_LABELLED_TIMES]) and publication_named():
            # a date line naming both: not the time its words call the update's (Updated <time>…</time>)
            unmarked = [el for i, el in enumerate(unmarked) if i >= _LABELLED_TIMES or _time_label(el) != "modified"]
        loose = [el for el in times if _time_mark(el) == "updated"]
        for el in (marked or _first_entry(unmarked) or loose)[:1]:
            add("html", el.get("datetime"))
            if out and out[-1][0] == "html" and out[-1][1].has_time and _printed_day_only(el, page.declared_language):
                out[-1] = ("html", dates.ParsedDate(out[-1][1].value, False, out[-1][1].has_offset))
                days.add(out[-1][1].value.date())
        for el in _hatom_dates(page, _HATOM_CLASS[ld_key]) if _HATOM_CLASS[ld_key] in page.names else ():
            add("html", el.get("title"))
            break
    if blocked:
        del out[read:]
    for value in hint_values:
        add("hint", value)
    # the same midnight in a meta tag or JSON-LD (a static site's article:published_time) is that day too
    return [(layer, dates.ParsedDate(p.value, False, p.has_offset)) if p.value.date() in days and _midnight(p)
            else (layer, p) for layer, p in out]


def _midnight(parsed: dates.ParsedDate) -> bool:
    """``parsed`` is an instant at midnight exactly, in its own offset (``2026-03-03T00:00:00+00:00``)."""
    return parsed.has_time and parsed.value.time() == datetime.min.time()


_ITEMPROP_DATE = etree.XPath("/descendant::*[contains(concat(' ', normalize-space(@itemprop), ' '), concat(' ', $name, ' '))]")


_RDFA_PROPERTIES = {"datePublished": frozenset(("dc:created", "dc:issued", "dcterms:created", "dcterms:issued",
                                                 "schema:datepublished")),
                    "dateModified": frozenset(("dc:modified", "dcterms:modified", "schema:datemodified"))}
"""The RDFa properties of each date (Dublin Core's terms with the prefixes Drupal's RDF module
and others declare, schema.org's with its own)."""
_RDFA_ANY_DATE = frozenset(("dc:date", "dcterms:date"))
"""The RDFa properties of any date: Drupal's RDF module types every date field so (an event's
day, a deadline); the publication's only in the node's signature (class ``submitted``)."""


def _rdfa_dates(page: Page, ld_key: str) -> list:
    """The article's RDFa date elements of ``ld_key`` (``datePublished``, ``dateModified``:
    :data:`_RDFA_PROPERTIES`) in document order, whose ``content`` is the machine-readable
    date with its time and offset (Drupal 7's ``<span property="dc:date dc:created"
    content="2026-02-12T09:30:00+01:00" datatype="xsd:dateTime">Thu, 02/12/2026 - 09:30</span>``;
    a date field's ``dc:date`` alone in the node's signature only, :func:`_signed`);
    the page's own node's only (:func:`_of_the_node`), never one in an aside, a navigation, a
    footer or reader comments (a comment's own ``dc:created``), nor another microdata item's.
    ``<meta property>`` tags are read as meta."""
    wanted = _RDFA_PROPERTIES[ld_key]
    return [el for el in page.rdfa_content
            if (wanted.intersection(names := _rdfa_names(el))
                or (ld_key == "datePublished" and _RDFA_ANY_DATE.intersection(names) and _signed(el)))
            and not in_aside(el) and of_the_article(el) and _of_the_node(el)]


def _rdfa_names(el) -> list[str]:
    """The lower-cased names of ``el``'s RDFa ``property``, a term without a prefix in the
    schema.org vocabulary an ancestor (or ``el``) declares (RDFa Lite: ``vocab="https://schema.org/"``
    on the item, ``property="datePublished"`` in it) written with schema.org's prefix
    (``schema:datepublished``)."""
    names = el.get("property").lower().split()
    if any(":" not in n for n in names):
        vocab = next((a.get("vocab") for a in (el, *el.iterancestors()) if a.get("vocab") is not None), "")
        if "schema.org" in vocab.lower():
            names = [n if ":" in n else f"schema:{n}" for n in names]
    return names


_SIGNATURE_CLASSES = frozenset(("submitted", "node__submitted", "node__meta", "field--name-created"))
"""The classes of Drupal's node signature: ``submitted`` (Drupal 7's node template),
``node__submitted`` and ``node__meta`` (Drupal 8 to 10's Classy, Bartik and Olivero templates,
a ``<footer class="node__meta">``) and the node's creation field (``field--name-created``)."""


def _signed(el) -> bool:
    """``el`` is in Drupal's node signature: it, or an ancestor, has a class of
    :data:`_SIGNATURE_CLASSES`."""
    return any(not _SIGNATURE_CLASSES.isdisjoint((a.get("class") or "").split()) for a in (el, *el.iterancestors()))


def _node_footer(el) -> bool:
    """``el`` is in the page's own node's signature (:func:`_own_signature`) in a ``<footer>``
    of the node, no aside or reader comment (a ``<footer class="node__meta">`` in a node that is
    no ``<article>``: ``<div class="node">``)."""
    return _own_signature(el) and comments_of(el) is None \
        and not any(a.tag in ("aside", "nav") for a in el.iterancestors()) \
        and any(drupal_node(a) for a in el.iterancestors())


_CHANGED_FIELD = "field--name-changed"
"""The class of a Drupal node's field of its last change, printed in its signature's footer."""


def _own_signature(el) -> bool:
    """``el`` is in the signature (:func:`_signed`) of the page's own node
    (:func:`_another_nodes`), not in its field of the last change (:data:`_CHANGED_FIELD`)."""
    return _signed(el) and not _another_nodes(el) \
        and not any(_CHANGED_FIELD in (a.get("class") or "").split() for a in (el, *el.iterancestors()))


def _another_nodes(el) -> bool:
    """``el`` is printed in another node than the page's own: a teaser or a view's row
    (:func:`~newsbot.extraction.values.listed_node`), or a node in a ``<footer>`` (or ``role="contentinfo"``) outside it
    (the page's footer region listing the latest nodes)."""
    node = False  # the node holding el is passed
    for a in (el, *el.iterancestors()):
        if listed_node(a):
            return True
        if drupal_node(a) or a.tag == "article":
            node = True
        elif node and (a.tag == "footer" or a.get("role") == "contentinfo"):
            return True
    return False


_NODE_CHARS = 400
"""The characters a node's RDFa subject holds at least when it holds no headline (its text)."""


def _of_the_node(el) -> bool:
    """An RDFa property ``el`` is the page's own node's: the nearest ancestor naming a subject
    (``typeof``, ``about``: Drupal's ``<article about="/node/12" typeof="sioc:Item
    foaf:Document">``) is the outermost one (not an item within it: a comment) and no teaser,
    holding the headline (an ``<h1>``), naming it (its ``dc:title`` the ``<h1>``'s text: Drupal 7
    prints the page's title above the node, ``<span property="dc:title" content="…">`` in it) or
    holding the text (:data:`_NODE_CHARS` characters or more: no cited report's name and date in
    a quotation), or ``el`` standing in its signature (:func:`_own_signature`) or being its
    metadata (:func:`_node_metadata`) when it is the
    page's first Drupal node (:func:`_first_node`: a short node) naming no other title
    (:func:`_names_a_title`), or, with no subject, ``el`` lies in the page's ``<article>`` or ``<main>`` (not
    a view's row beside it); in no box of other stories, and no teaser card unless its node names
    the headline (a node holding one "read also" link looks like a card of one link)."""
    if in_related(el):
        return False
    subjects = [a for a in el.iterancestors() if a.get("typeof") is not None or a.get("about") is not None]
    if subjects:
        node = subjects[0]
        if len(subjects) > 1 or "teaser" in (node.get("class") or "").lower():
            return False
        if _names_the_headline(node):  # a node holding one "read also" link is no teaser card then
            return True
        if (_own_signature(el) or _node_metadata(el, node)) and _first_node(node) and not _names_a_title(node):
            return True  # the page's own Drupal node's signature, whatever its text's length
        return not in_teaser(el) and (next(node.iter("h1"), None) is not None
                                      or len(node.text_content()) >= _NODE_CHARS)
    return not in_teaser(el) and any(a.tag in ("article", "main") for a in el.iterancestors())


def _node_metadata(el, node) -> bool:
    """``el`` is the empty RDFa element a Drupal 7 node prints as its own child when its theme
    prints no signature (the rdf module's ``<span property="dc:date dc:created" content="…"
    datatype="xsd:dateTime"></span>`` right inside ``<div class="node …" about="/…">``): no
    field's value, which sits deeper, in its field's element."""
    return el.getparent() is node and not (el.text_content() or "").strip()


def _first_node(node) -> bool:
    """``node`` is the page's first Drupal node's element (:func:`~newsbot.extraction.values.drupal_node`)
    of its main content (:func:`_content_node`), holding the headline (``<h1>``) or printed under
    it: the page's own node (a short one, with no ``<h1>`` nor ``dc:title`` in it, still holds the
    page's dates in its signature); not a node a block prints in a sidebar or the header before
    it."""
    if not _content_node(node) or not (next(node.iter("h1"), None) is not None or node.xpath("boolean(preceding::h1)")):
        return False
    return next((a for a in node.getroottree().iter(etree.Element) if _content_node(a)), None) is node


_NOT_CONTENT = re.compile(r"^(?:region-(?:sidebar|header|footer|navigation|highlighted)\S*|block|block-\S+|sidebar\S*"
                          r"|header|footer)$", re.I)
"""Class words and ids of the parts of a Drupal page around its content: a region's
(``region-sidebar-first``, ``region-header``), a block's (``block``, ``block-nodeblock``)."""


def _content_node(el) -> bool:
    """``el`` is a Drupal node's element in no list of other nodes
    (:func:`~newsbot.extraction.values.listed_node`: a teaser, a view's row), nor in an aside, a
    header, a footer, nor a region or block around the content (:data:`_NOT_CONTENT`; the
    system's main block, :data:`_MAIN_BLOCK`, is the content's)."""
    if not drupal_node(el) or listed_node(el):
        return False
    for a in el.iterancestors():
        words = f"{a.get('class') or ''} {a.get('id') or ''}".split()
        if a.tag in ("aside", "header", "footer", "nav") or (any(_NOT_CONTENT.match(w) for w in words)
                                                             and not any(_MAIN_BLOCK.match(w) for w in words)):
            return False
    return True


_MAIN_BLOCK = re.compile(r"block-system(?:-main\S*)?$", re.I)
"""The block Drupal prints the page's content in (Drupal 7's ``<div id="block-system-main"
class="block block-system">``, Drupal 8's ``block-system-main-block``)."""


def _names_a_title(node) -> bool:
    """The RDFa subject ``node`` names a title (``dc:title``) and the page prints a headline
    (``<h1>``) to tell it by: a node naming another title than the headline is another's."""
    return next(node.getroottree().iter("h1"), None) is not None \
        and any("dc:title" in (t.get("property") or "").split() for t in node.iter(etree.Element))


def _names_the_headline(node) -> bool:
    """The RDFa subject ``node`` names the page's first ``<h1>`` as its ``dc:title`` (case and
    spaces aside)."""
    h1 = next(node.getroottree().iter("h1"), None)
    if h1 is None:
        return False
    headline = " ".join(text_of(h1).split()).casefold()
    return any(" ".join((t.get("content") or "").split()).casefold() == headline
               for t in node.iter() if "dc:title" in (t.get("property") or "").split())


def _rdfa_date(el) -> str:
    """An RDFa date element's ``content``; its day alone when that is midnight and the element
    prints no time of day (a Drupal date field of a day: ``content="2019-02-08T00:00:00+01:00"``
    on ``Friday 8 February 2019``)."""
    content = el.get("content").strip()
    if content[10:19] in ("T00:00:00", " 00:00:00") and not _clock_pattern().search(clean(text_of(el)) or ""):
        return content[:10]
    return content


_AFTER_DAY_CHARS = 40  # the characters after a <time> read for a time printed beside it
_AFTER_DAY_LEVELS = 3  # the <time> and the ancestors whose following siblings give those characters


def _printed_day_only(el, language: str | None = None) -> bool:
    """The ``<time>`` ``el`` gives a day, no instant: its ``datetime`` is exactly midnight and the
    element prints that whole day and nothing else but a weekday's name (a day and a month's
    name or number and a year, :func:`_first_day`, read in the page's ``language`` by
    :func:`_day_of`; a static site's ``<time class="dt-published"
    datetime="2026-05-02T00:00:00+03:00">2026. gada 2. maijs</time>``: the generator wrote the
    post's day as midnight, in its offset), and the text right after it
    (:data:`_AFTER_DAY_CHARS` characters) prints no time of day. Not when it prints a time
    (``0:00``, ``12:00 a.m.``, ``12 AM``, ``à minuit``), relative words (``5 hours ago``), a day
    with no year (``1 January``) or another day, nor for ``<time>…</time> <span>0:00</span>``, nor
    when the time follows its parent's end (``<div><time>…</time></div><div>00:00 Uhr</div>``:
    the characters after it read past the ends of :data:`_AFTER_DAY_LEVELS` elements, not past an
    ``<article>``, ``<main>`` or ``<body>``)."""
    value = (el.get("datetime") or "").strip()
    if value[10:19] not in ("T00:00:00", " 00:00:00"):
        return False
    text = clean(text_of(el)) or ""
    m = _first_day(text)
    if m is None or _clock_pattern().search(text) or str(_day_of(m, language)) != value[:10]:
        return False
    if any(not _weekdays_named(w, language) for w in _WORD.findall(text[:m.start()] + " " + text[m.end():])):
        return False
    after, node = "", el
    for _ in range(_AFTER_DAY_LEVELS):  # past its parent's end: <div><time>…</time></div><div>0:00</div>
        after += node.tail or ""
        for sibling in node.itersiblings():
            if len(after) >= _AFTER_DAY_CHARS:
                break
            after += (sibling.text_content() if isinstance(sibling.tag, str) else "") + (sibling.tail or "")
        node = node.getparent()
        if len(after) >= _AFTER_DAY_CHARS or node is None or node.tag in ("article", "main", "body"):
            break
    return not _clock_pattern().search(after[:_AFTER_DAY_CHARS])


_HATOM_CLASS = {"datePublished": "published", "dateModified": "updated"}
"""hAtom's class for each date (microformats.org/wiki/hatom: ``published``, ``updated``)."""
_HATOM_DATE = etree.XPath("/descendant::*[local-name() != 'time'][@title][contains(concat(' ', normalize-space(@class), ' '), "
                          "concat(' ', $name, ' '))]")
"""hAtom's date elements other than ``<time>``: the machine-readable date is the ``title``
(the datetime design pattern, ``<abbr class="published" title="2025-03-04T10:00:00+01:00">``,
as WordPress and Blogger themes print it); a title that is no date gives no candidate."""
_FIRST_HENTRY = etree.XPath("(/descendant::*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')])[1]")


def _hatom_dates(page: Page, name: str) -> list:
    """hAtom's ``name`` date elements (``published``, ``updated``: :data:`_HATOM_DATE`) of the
    article, in document order: on a page of hAtom entries (class ``hentry``) those of its first
    entry (a blog post's; related posts and other entries listed after it print their own), else
    those outside a link and a teaser card (:func:`~newsbot.extraction.values.in_teaser`); never
    one in an aside, a navigation, a footer or reader comments, nor another microdata item's."""
    found = _HATOM_DATE(page.tree, name=name)
    if not found:
        return []
    first = _FIRST_HENTRY(page.tree)
    first = first[0] if first else None
    own = []
    for el in found:
        if in_aside(el) or not of_the_article(el):
            continue
        entry = next((a for a in el.iterancestors() if "hentry" in (a.get("class") or "").split()), None)
        if first is not None and entry is not first:
            continue
        if first is None and (next(el.iterancestors("a"), None) is not None or in_teaser(el)):
            continue
        own.append(el)
    return own


_LIVE_ENTRIES = 3  # a live blog's entries: this many times or more, newest first
_LIVE_SPAN = timedelta(days=2)  # the longest a live blog's entries span


def _first_entry(times: list) -> list:
    """``times`` (``<time datetime>`` elements in page order), or, when they are a live blog's
    entries (:data:`_LIVE_ENTRIES` or more, all in one ``<article>`` and none in a link, each
    a time of day earlier than the one before, newest first, within :data:`_LIVE_SPAN`), the
    earliest alone: the blog's start, not its latest entry."""
    if len(times) < _LIVE_ENTRIES:
        return times
    articles = {next(el.iterancestors("article"), None) for el in times}
    if len(articles) != 1 or None in articles:
        return times
    if any(next(el.iterancestors("a"), None) is not None for el in times):
        return times  # a list of linked teasers
    values = [dates.parse_date(el.get("datetime")) for el in times]
    if any(v is None or not v.has_time for v in values) or values[0].value - values[-1].value > _LIVE_SPAN \
            or any(a.value <= b.value for a, b in zip(values, values[1:])):
        return times
    return times[-1:]


def _microdata_date(el) -> str | None:
    """The value of a microdata date element: a ``<time>``'s ``datetime`` (else its
    ``content``), an ``<abbr>``'s ``title`` (as Blogger themes print it), another element's
    ``content``, else its text."""
    names = ("datetime", "content") if el.tag == "time" else ("content", "title") if el.tag == "abbr" else ("content",)
    for name in names:
        if el.get(name):
            return el.get(name)
    return clean(text_of(el))


def _time_mark(el) -> str | None:
    """What a ``<time>`` says it dates: ``"published"`` (``itemprop="datePublished"``, class
    ``published``), ``"modified"`` (``itemprop="dateModified"``, class ``modified``),
    ``"updated"`` (class ``updated`` alone: hAtom's update time, which WordPress themes such as
    GeneratePress print before the publication time, while others such as Newspaper put it on
    the publication time itself), ``"published"`` too in the signature of the page's Drupal
    node (:func:`_own_signature`: the node's creation field), ``"modified"`` in its field of
    the last change (:data:`_CHANGED_FIELD`), else ``None``."""
    prop = (el.get("itemprop") or "").split()
    classes = (el.get("class") or "").lower().split()
    if "datePublished" in prop or "published" in classes or _own_signature(el):
        return "published"
    if "dateModified" in prop or "modified" in classes \
            or any(_CHANGED_FIELD in (a.get("class") or "").split() for a in el.iterancestors()):
        return "modified"
    return "updated" if "updated" in classes else None


_LABEL_BEFORE = 40  # the characters before a <time> read for its label
_LABELLED_TIMES = 5  # the first <time> elements read for their labels (the article's own stand first)


def _time_label(el) -> str | None:
    """What the date line's word for what it dates (vocabulary category ``date_label``) says of
    the ``<time>`` ``el``: ``"modified"`` for an update's word, ``"published"`` for a
    publication's, opening its text (``<time …>Updated February 26, 2026</time>``, ``<time
    …>Publié le 12 mars 2026</time>``) or closing the text right before it in its parent
    (:data:`_LABEL_BEFORE` characters, two short words at most after the word:
    ``Aktualisiert am <time>…</time>``, ``<span>Updated:</span> <time>…</time>``); ``None``
    when neither names one (``<time>12. März 2026</time>``; ``The updated plan, <time>…</time>``
    ends with no label)."""
    label = pattern("date_label")
    own = clean(text_of(el)) or ""
    m = label.match(own) if own else None
    if m is None:
        previous = el.getprevious()
        if previous is not None:  # its text read in C: a sibling may be long
            before = (previous.text_content() if isinstance(previous.tag, str) else "") + (previous.tail or "")
        else:
            before = el.getparent().text or "" if el.getparent() is not None else ""
        before = " ".join(before[-_LABEL_BEFORE:].split()) + " "
        words = list(label.finditer(before))
        m = words[-1] if words and _LABEL_TO_DAY.fullmatch(before, words[-1].end()) else None
        if m is not None and len(words) > 1 and _JOINED_LABELS.fullmatch(before, words[-2].end(), m.start()):
            return None  # both words (Veröffentlicht/Aktualisiert: …): no one of them
    if m is None:
        return None
    return "modified" if m.group("updated") is not None else "published"


_JOINED_LABELS = re.compile(r"\s*[/|&]\s*")
"""What joins two words for what a date dates into one label naming both
(``Veröffentlicht/Aktualisiert:``)."""




def date_published(f: Fields) -> tuple[datetime | None, str | None]:
    """Publication instant (aware ``datetime``). Sources by priority: portal selector, JSON-LD
    ``datePublished``, ``article:published_time`` and other meta, microdata
    ``itemprop="datePublished"``, RDFa (:func:`_rdfa_dates`: ``property="dc:date dc:created"``,
    its ``content``), the first ``<time datetime>`` outside an aside, a navigation,
    a footer or reader comments (:func:`~newsbot.extraction.values.in_aside`), one marked as the
    publication's first (:func:`_time_mark`),
    the feed/sitemap date (``hints.published``) — a midnight among them is a day when a
    ``<time>`` of that midnight prints the day alone —, then, on a page with none of these dates,
    the publication its date line's words name when they name an update too
    (:func:`_labelled_dates`: ``Aktualisiert am 09.04.2025, 17:05 Uhr · Erstellt am 08.04.2025,
    07:45 Uhr``), else a Drupal node signature's date (:func:`_drupal_signature`, month first),
    else, read without the modification meta tags (:func:`_modified_meta`; they date
    a page only when nothing below dates it), htmldate on the page text without its reader comments nor, when it names the creation too,
    its update (:func:`_htmldate_of_publication`; never a copyright year; a day printed past the part of a date
    element's text htmldate reads is read first: :func:`_day_past_segment`), then a day printed with its month's
    name in a date element, in any language dateparser reads (:func:`_printed_day`). A day without a time takes the time
    printed beside it on the page (:func:`_printed_time`). A naive time on a page without
    portal rules takes the UTC offset the page prints with its other dates; a time given in UTC
    is written in the page's local offset when the page gives the same instant so
    (:func:`_in_local_offset`)."""
    parsed, layer = published(f)
    return (parsed.value, layer) if parsed else (None, None)


def published(f: Fields) -> tuple[dates.ParsedDate | None, str | None]:
    """The chosen publication date as a :class:`~newsbot.extraction.dates.ParsedDate` (which
    says whether the sources gave a time), and its layer; computed once per page."""
    return f.once("published", _published)


def _published(f: Fields) -> tuple[dates.ParsedDate | None, str | None]:
    page, rules = f.page, f.rules
    cands = _date_candidates(page, rules, "datePublished", _PUBLISHED_META, [f.hints.published],
                             lambda: "published" in _labelled_dates(f))
    if not cands:
        labelled = _labelled_dates(f)
        if "updated" in labelled and "published" in labelled:
            found = labelled["published"]
        else:
            language = f["language"]
            modified = _modified_meta(page)
            with _taken_out(modified):  # htmldate would take it for the publication before any text
                found = _drupal_signature(f) or _day_past_segment(f, language)
                if not found:
                    with _taken_out(_undated_boxes(f)):
                        found = _htmldate_of_publication(f, language)
                found = (found and _half_day(f, _day_first(f, found))) or _printed_day(f, language) \
                    or _printed_day(f, language, _day_lines(f))
            if not found and modified:  # the modification is the page's one date
                with _taken_out(_undated_boxes(f)):
                    found = _htmldate_of_publication(f, language)
            found = found or _url_day(f)
        if found and _no_publication(f, found[:10]):
            found = None
        if found:
            # htmldate prints a day it found without a time as midnight: that is a day only
            parsed = dates.parse_date(found[:10] if found.endswith(" 00:00:00") else found, rules.timezone)
            if parsed:
                cands.append(("generic", parsed))
    chosen = dates.choose(cands)
    if chosen and not chosen[1].has_time:
        chosen = _with_printed_time(f, chosen)
    return (_in_local_offset(f, _in_page_offset(f, chosen[1])), chosen[0]) if chosen else (None, None)



_URL_DAY = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")
"""The publication day an address's path prints year first with slashes (``/2025/03/12/``), as
WordPress's and many news sites' permalinks do: a day later than it is no publication
(:func:`_no_publication`)."""
_URL_FOLDER_DAY = re.compile(r"/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=/)"
                             r"|/(0?[1-9]|[12]\d|3[01])([/-])(0?[1-9]|1[0-2])\6((?:19|20)\d{2})(?=/)")
"""A day in an address's path, a folder of its own, year first (``/2025/03/12/``,
``/2025-03-12/``) or day first (``/12/03/2025/``, ``/12-03-2025/``), whatever follows it (the
slug, ``/amp/``, a second page's ``/2/``): a folder of an edition or an archive as often as the
publication's, so only a page's last resort (:func:`_url_day`). A year and month alone
(``/2021/10/``) is as often a folder of a page updated since."""


def url_day(url: str, language: str | None = None, folder: bool = False) -> date | None:
    """The day an address's path prints, or ``None`` (none, an impossible day): year first with
    slashes (:data:`_URL_DAY`); with ``folder``, any day folder (:data:`_URL_FOLDER_DAY`), a
    day first one only when its day and month cannot swap (``/13/03/2025/``) or ``language``
    writes the day first (no English but ``en-GB``, ``en-IE``…: :data:`_DAY_FIRST_ENGLISH`;
    ``/12/03/2025/`` on an ``en-US`` page or one of no language is none)."""
    path = urlsplit(url).path
    if not folder:
        m = _URL_DAY.search(path)
        return _valid_day(m.group(1), m.group(2), m.group(3)) if m else None
    m = _URL_FOLDER_DAY.search(path)
    if m is None:
        return None
    if m.group(1):
        return _valid_day(m.group(1), m.group(3), m.group(4))
    day, month = int(m.group(5)), int(m.group(7))
    if day <= 12 and day != month and not _writes_day_first(language):
        return None
    return _valid_day(m.group(8), m.group(7), m.group(5))


def _valid_day(year: str, month: str, day: str) -> date | None:
    """The day of these digits, ``None`` for an impossible one (``31/02``)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _writes_day_first(language: str | None) -> bool:
    """The page's BCP 47 tag ``language`` names a language writing digits day first: every EU
    language, English only with a region doing so (:data:`_DAY_FIRST_ENGLISH`); ``False`` for
    no tag."""
    return bool(language) and not _month_first(language)


def _month_first(language: str | None) -> bool:
    """The page's BCP 47 tag ``language`` is English of a region that may write digits month
    first (``en``, ``en-US``; not ``en-GB``, ``en-IE``…: :data:`_DAY_FIRST_ENGLISH`)."""
    tag = (language or "").replace("_", "-").lower().split("-")
    return tag[0] == "en" and not (len(tag) > 1 and tag[1] in _DAY_FIRST_ENGLISH)


def _url_day(f: Fields) -> str | None:
    """The day (``YYYY-MM-DD``) the page's address prints as a folder (:func:`url_day`), for a
    page whose markup and text print none; ``None`` for none."""
    day = url_day(f.page.url, f["language"], folder=True)
    return day.isoformat() if day else None


_CONSENT_BOX = re.compile(r"cookie|consent|gdpr|onetrust|didomi|usercentrics|cookiebot|cmp", re.I)
"""Words of a consent manager's box (a cookie banner: ``Datenschutzhinweise, Stand: 01.02.2024``,
the notice's date), one of which every :data:`_CONSENT_NAME` holds: an element's class and id
are searched for them before their words are read."""
_CONSENT_WORDS = tuple(_CONSENT_BOX.pattern.split("|"))
"""The words of :data:`_CONSENT_BOX` (lower-case letters, one alternation): looked for as they
are in names in ASCII read lower-cased, they give the pattern's answer at a fraction of its cost."""
_CONSENT_NAME = re.compile(r"(?:cookies?|consent|cookieconsent|gdpr|cmp)"
                           r"(?:[-_](?:banner|notice|bar|box|law|popup|modal|dialog|overlay|message|consent|wrapper"
                           r"|container))*"
                           r"|(?:onetrust|didomi|usercentrics|cookiebot|cybotcookiebot)[\w-]*", re.I)
"""A whole class word or id of a consent manager's box: ``cookie``, ``cookies``, ``consent``,
``gdpr``, ``cmp``, one of them with a box's word (``cookie-banner``, ``cookie-notice``,
``consent-popup``), a vendor's name (``onetrust-banner-sdk``, ``CybotCookiebotDialog``); not a
word merely holding one (``cookie-recipe``, a wrapper's state ``cookie-consent-pending``)."""
_NAMED_BOX = etree.XPath("/descendant::body/descendant::*[@class or @id]")
_BOX_NAMES = etree.XPath("//@class|//@id", smart_strings=False)
"""The class and id values of the page's elements (those of :data:`_NAMED_BOX` among them), in C."""
_BANNER = etree.XPath("/descendant::body/descendant::header | /descendant::body/descendant::*[@role='banner']")
_MASTHEAD_MARK = re.compile(r"logo|brand|masthead|site-?title|site-?name", re.I)
"""Class or id words of a site's logo or name in its masthead (``site-branding``, ``logo``)."""


def _undated_boxes(f: Fields) -> list:
    """The outermost boxes whose dates are never the article's, for htmldate not to read them: the
    site's masthead (:func:`_masthead`, where a site prints today's date: ``<div
    class="today">Montag, 12. März 2025</div>``) and a consent box (a class word or id
    :data:`_CONSENT_NAME`), neither holding an ``<h1>``, the ``<article>`` nor the ``<main>``
    (a wrapper named after a consent state)."""
    page = f.page
    masthead = _masthead(page)
    found = [masthead] if masthead is not None else []
    # the names, not the page's source, are searched: most sources name a cookie somewhere (a
    # script's), and a case-blind search of the whole source costs more than the walk; the
    # names are searched together first, and on the many pages none holds a word (the words hold
    # no space: a name's match is one in them) each element's are not read
    joined = "\n".join(_BOX_NAMES(page.tree))
    lower = joined.lower() if joined.isascii() else None
    if not (any(word in lower for word in _CONSENT_WORDS) if lower is not None else _CONSENT_BOX.search(joined)):
        return found
    found += [el for el in _NAMED_BOX(page.tree)
              if _CONSENT_BOX.search(names := f"{el.get('class') or ''} {el.get('id') or ''}")
              and any(_CONSENT_NAME.fullmatch(word) for word in names.split())
              and next(el.iter("h1", "article", "main"), None) is None]
    found = list({id(el): el for el in found}.values())  # a header named for consent is read once
    ids = {id(el) for el in found}
    return [el for el in found if not any(id(a) in ids for a in el.iterancestors())]


def _masthead(page: Page):
    """The site's masthead, or ``None``: the page's first ``<header>`` (or ``role="banner"``)
    outside every ``<article>``, ``<main>`` and ``role="main"``, printed before the headline (no
    ``<h1>`` before it) and holding none (no ``<h1>``, ``<h2>``, ``<h3>``), holding the site's
    navigation (``<nav>``, ``role="navigation"``) or its logo (an image, a link to the home page,
    a class or id :data:`_MASTHEAD_MARK`); an article's own header (``<header
    class="entry-meta">`` under the headline, one in ``<div role="main">``) is none."""
    first = next((el for el in _BANNER(page.tree)
                  if not any(a.tag in ("article", "main") or a.get("role") == "main" for a in el.iterancestors())),
                 None)
    if first is None or next(first.iter("h1", "h2", "h3"), None) is not None or first.xpath("boolean(preceding::h1)"):
        return None
    home = urlsplit(page.url)
    for el in first.iter(etree.Element):
        if el.tag in ("nav", "img", "svg") or el.get("role") == "navigation" \
                or _MASTHEAD_MARK.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return first
        if el.tag == "a" and (href := urlsplit(el.get("href") or "")).path in ("", "/") \
                and href.netloc in ("", home.netloc) and not href.query and not href.fragment and el.get("href"):
            return first
    return None


_EVENT_WORD = pattern("event_word")
"""A word naming events or a list of them (``event``, ``termin``, ``veranstaltung``, ``agenda``,
``eventi``: the vocabulary's ``event_word``), a whole part of a class or id
(:func:`_token_names_event`) or of an address."""
_EVENT_PARTS = frozenset(("date", "dates", "time", "times", "day", "datum", "zeit", "fecha", "data", "start", "end",
                          "info", "meta", "details", "detail", "when", "list", "item", "items", "schedule",
                          "calendar", "box", "wrap", "wrapper", "container", "block", "widget", "header", "single",
                          "teaser", "teasers", "card", "preview"))
"""Parts that follow an event word in the names of an event's parts (``event-date``,
``termin-datum``, ``tribe-events-schedule``, ``veranstaltungen-teaser-list-item``); a name
whose other parts are not these (``pointer-events-none``, ``concert-review``) names no event."""
_NOT_EVENT_PREFIXES = frozenset(("category", "tag", "tax", "term", "post", "format", "has", "no", "with", "is"))
"""First parts of a name that say something of the post or the page: WordPress's post classes
``category-events``, ``tag-konzerte`` (a slug), a state ``has-events``."""
_EVENT_PROPERTIES = frozenset(("startdate", "enddate", "doortime"))
"""schema.org's properties of an ``Event``'s times."""


def _token_names_event(token: str) -> bool:
    """One class name, id, ``itemprop`` or ``itemtype`` names an event: schema.org's ``Event``
    types (``…/Event``, ``…/MusicEvent``) and times (:data:`_EVENT_PROPERTIES`), or an event
    word (:data:`_EVENT_WORD`) that is a whole part of the name, its last part or followed only
    by parts of an event (:data:`_EVENT_PARTS`: ``event-date``, ``mec-event-date``); never after
    a part speaking of the post or the page (:data:`_NOT_EVENT_PREFIXES`: ``category-events``)
    nor a word merely holding one (``category-terminals``, ``prevention``, ``concertation``)."""
    if token.lower() in _EVENT_PROPERTIES:
        return True
    if "/" in token:  # an itemtype
        return token.rstrip("/").rsplit("/", 1)[-1].lower().endswith("event")
    parts = [p for p in re.split(r"[-_]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "-", token).lower()) if p]
    events = [i for i, p in enumerate(parts) if _EVENT_WORD.fullmatch(p)]
    if not events or parts[0] in _NOT_EVENT_PREFIXES:
        return False
    return all(p in _EVENT_PARTS or _EVENT_WORD.fullmatch(p) or p.isdigit() for p in parts[events[0] + 1:])


def _names_event(el) -> bool:
    """``el``'s class, id, ``itemprop`` or ``itemtype`` names an event (:func:`_token_names_event`);
    an ``<article>``'s never (the post's own classes, ``<article class="post category-konzerte">``)."""
    if el.tag == "article":
        return False
    return any(_token_names_event(t)
               for k in ("class", "id", "itemprop", "itemtype") for t in (el.get(k) or "").split())


_DATELINE_LEAD = re.compile(r"(?:[^\W\d_][^\W\d_.'’-]*(?![^\W\d_])[.'’-]?[\s,]*(?:\([^()]{1,30}\)[\s,]*)?){0,5}"
                            r"[\s,(/–—-]*")
"""What stands before a dateline's day at the opening of a paragraph: a place's name, up to five
words, a name in brackets after one (``Halle (Saale)``), and punctuation (``BERLIN, 12. März
2025 –``), or nothing (:func:`_dateline_lead`)."""
_PLACE_PARTICLE = 3  # letters of a lower-case word inside a place's name at most (am, im, an, de, sur)


def _dateline_lead(text: str) -> bool:
    """``text``, what stands before a day in its paragraph, is a dateline's place
    (:data:`_DATELINE_LEAD`): its first and last words capitalised, those between capitalised
    or short lower-case particles (:data:`_PLACE_PARTICLE`: ``Frankfurt am Main``, ``Freiburg
    im Breisgau``); not ``A koncert``, ``Das Konzert findet am``."""
    if _DATELINE_LEAD.fullmatch(text) is None:
        return False
    words = _WORD.findall(text)
    return not words or (words[0][0].isupper() and words[-1][0].isupper()
                         and all(w[0].isupper() or len(w) <= _PLACE_PARTICLE for w in words))


_EVENT_LEVELS = 3  # the ancestors of a day's element read for an event's name
_ZONE_AHEAD = timedelta(hours=14)  # the furthest a local time runs ahead of UTC (UTC+14)


def _no_publication(f: Fields, day: str) -> bool:
    """The day ``day`` (``YYYY-MM-DD``) that htmldate or the page's text gave is no publication:
    later than the day its address names (:data:`_URL_DAY`: ``/2025/03/12/`` for a day in
    April) or than the modification a meta tag gives (:data:`_MODIFIED_META`; given in UTC, than
    the local day it may be, :data:`_ZONE_AHEAD`: ``2025-03-12T23:40:00Z`` is 13 March in
    Berlin), or printed in
    the page's text only in an event's element (:func:`_names_event` of it or one of its
    :data:`_EVENT_LEVELS` nearest ancestors: ``<div class="event-date">``, schema.org's
    ``startDate``) or in a sentence of running text (:func:`_sentence` of the text node printing
    it, else of its element; not after a dateline's place opening a paragraph,
    :data:`_DATELINE_LEAD`: ``The concert will be on 26 April 2025``, ``A koncert 2025. április
    26-án lesz``). A day printed nowhere in the text (in the markup or the address) stands."""
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return False
    if (printed := url_day(f.page.url)) is not None and when > printed:
        return True
    for el in _modified_meta(f.page):
        modified = dates.parse_date(el.get("content"))
        if modified is None:
            continue
        latest = modified.value.date()  # the page's local day is that day, one later for a time in UTC
        if modified.has_time and modified.value.utcoffset() == timedelta(0):
            latest = (modified.value + _ZONE_AHEAD).date()
        if when > latest:
            return True
    written, printed = day_pattern(when), False
    seen = set()
    for node in _TEXT_WITH(f.page.tree, year=str(when.year)):
        el = node.getparent()
        el = el.getparent() if el is not None and node.is_tail else el
        if el is None or id(el) in seen or not isinstance(el.tag, str) or el.tag in ("script", "style", "title"):
            continue
        text = clean(str(node)) or ""  # the day's own text, else its element's (a day across elements)
        if (m := written.search(text)) is None and id(el) not in seen:
            text = clean(text_of(el)) or ""
            m = written.search(text)
        seen.add(id(el))
        if m is None:
            continue
        printed = True
        if any(_names_event(a) for a in (el, *list(el.iterancestors())[:_EVENT_LEVELS])):
            continue
        if not _sentence(text) or _dateline_lead(text[:m.start()]):
            return False
    return printed


_SENTENCE_WORDS = 5  # the words a sentence of running text holds at least


def _sentence(text: str) -> bool:
    """``text``, an element's, is a sentence of running text: over 150 characters, or
    :data:`_SENTENCE_WORDS` words or more besides its clock times (:func:`_clock_pattern`:
    ``3:25 p.m.``) ending with a full stop, a question or an exclamation mark (``Das Konzert
    findet am 26.04.2025 statt.``; not ``Datum: 26. Januar 2022``, a date line, nor ``von
    Marianne am 20.09.2020``, a byline), and no meta line (:func:`_meta_line`: ``Publié le
    12/03/2026 par le service communication.``)."""
    text = text.strip()
    if len(text) > 150:
        return True
    return text.endswith((".", "!", "?", "…")) and not _meta_line(text) \
        and len(_WORD.findall(_clock_pattern().sub(" ", text))) >= _SENTENCE_WORDS


def _meta_line(text: str) -> bool:
    """``text`` is an article's meta line: it opens with a date's label (vocabulary category
    ``date_label``) and the day right after it (:data:`_LABEL_TO_DAY`: ``Publié le 12/03/2026
    par …``, not ``Updated guidance applies from 1 April``), or with a byline's lead-in
    (``byline_lead_in``) and a name before a separator (two to four capitalised words, short
    particles between: ``Írta: Kovács Anna Mária, megjelent …``; not ``Von Beginn an``)."""
    label = pattern("date_label").match(text)
    if label is not None:
        day = _first_day(text)
        return day is not None and _LABEL_TO_DAY.fullmatch(text, label.end(), day.start()) is not None
    lead = pattern("byline_lead_in").match(text)
    if lead is None:
        return False
    name = re.split(r"[,|·•–—]", text[lead.end():], maxsplit=1)
    words = _WORD.findall(name[0])
    return len(name) == 2 and 2 <= len(words) <= 4 and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or len(w) <= _PLACE_PARTICLE for w in words)


_LABEL_TO_DAY = re.compile(r"[\s:,.–—-]*(?:[^\W\d_]{1,4}\.?[\s,]+){0,2}")
"""What may stand between a date's label and its day: punctuation and two short words at most
(``le``, ``am``, ``on the``)."""


_DRUPAL_SIGNED = re.compile(r"\bSubmitted by\b.{1,80}?\bon\s*$", re.S)
"""The words of Drupal's node signature before its date (``Submitted by admin on``)."""


def _drupal_signature(f: Fields) -> str | None:
    """The date (``YYYY-MM-DD HH:MM:00``) of the article's Drupal node signature, in Drupal's
    medium format (:data:`~newsbot.extraction.dates.DRUPAL_MEDIUM`, ``D, m/d/Y - H:i`` by
    default, ``D, d/m/Y - H:i`` as many European sites set it), read the way its printed
    weekday agrees with (:func:`_weekdays_named`: ``Tue, 03/10/2026 - 14:22`` is 10 March,
    ``mar, 10/03/2026 - 14:22`` too), whatever the page's language: a date element whose
    class, or an ancestor's, is ``submitted`` (Drupal's template), or whose text prints the
    date after ``Submitted by … on``; the node's own only (:func:`~newsbot.extraction.values.above_the_text`: not a
    related view's, a teaser's or a form's below it). ``None`` for none, or a weekday that
    neither reading falls on or that the page's language does not name (htmldate reads the
    date as before, day first)."""
    for el, text in zip(_date_elements(f), _element_texts(f)):
        m = dates.DRUPAL_MEDIUM.search(text) if len(text) <= 150 else None
        if m is None:
            continue
        if not (_signed(el) or _DRUPAL_SIGNED.search(text[:m.start()])) or not above_the_text(el):
            continue
        named = _weekdays_named(m.group(0).split(",", 1)[0], f["language"])
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        for month, day in ((first, second), (second, first)):
            try:
                when = datetime(year, month, day, int(m.group(4)), int(m.group(5)))
            except ValueError:
                continue
            if when.weekday() in named:
                return when.strftime("%Y-%m-%d %H:%M:%S")
        return None
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekdays_named(word: str, language: str | None) -> set[int]:
    """The weekdays (``0`` Monday … ``6`` Sunday) ``word`` names, whole or abbreviated (``Tue``,
    ``mar``, ``Di``), in the page's ``language`` (its primary subtag) or in English, by
    dateparser's table of each language's names; empty for a word it does not know."""
    from dateparser.languages.loader import default_loader

    word = word.strip().rstrip(".").casefold()
    found = set()
    for code in dict.fromkeys(((language or "").split("-")[0].lower(), "en")):
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):
            continue
        for number, name in enumerate(_WEEKDAYS):
            if word in {w.casefold().rstrip(".") for w in info.get(name, [])}:
                found.add(number)
    return found


def _modified_meta(page: Page) -> list:
    """The page's meta tags of a modification date (:data:`_MODIFIED_META`: ``article:modified_time``,
    ``og:updated_time``…). htmldate reads such a tag as the publication date of a page whose head
    names none, before any date its text prints (``Publiziert am 17.04.2026 um 10:15``), so the
    text is read without them first."""
    return [el for el in page.elements("meta")
            if (el.get("property") or el.get("name") or "").strip().lower() in _MODIFIED_META]


def _in_page_offset(f: Fields, parsed: dates.ParsedDate) -> dates.ParsedDate:
    """``parsed``, a time without an offset on a page without portal rules (time zone
    ``UTC``) read in the UTC offset the page prints with its other dates (:func:`_page_offset`);
    ``parsed`` itself otherwise."""
    if parsed.has_time and not parsed.has_offset and f.rules.timezone == "UTC":
        offset = _page_offset(f.page)
        if offset is not None:
            return dates.ParsedDate(parsed.value.replace(tzinfo=offset), True, True)
    return parsed


def _in_local_offset(f: Fields, parsed: dates.ParsedDate) -> dates.ParsedDate:
    """``parsed`` written in the page's local UTC offset when it is given in UTC (``+00:00``,
    ``Z``: often a server's or a plugin's normalisation, as WordPress writes
    ``article:published_time``) and another date the page gives (JSON-LD dates, date meta tags,
    ``<time datetime>``) is the same instant in another offset (``09:12:00+01:00`` printed
    beside ``08:12:00+00:00``); the instant never changes, only the offset it is written in."""
    if not (parsed.has_time and parsed.has_offset) or parsed.value.utcoffset() != timedelta(0):
        return parsed
    found = []
    for value in _page_dates(f.page, own=True):
        text = value if isinstance(value, str) else ld_text(value)
        if not text or text.rstrip().endswith(_UTC_ENDINGS):
            continue  # in UTC too: no local offset to find there (and no parse)
        other = dates.parse_date(text)
        if other and other.has_offset and other.value == parsed.value and other.value.utcoffset() != timedelta(0):
            found.append(other.value.tzinfo)
    if not found:
        return parsed
    zone = _in_season(parsed.value, found, lambda: _site_language(f)) if len(found) > 1 else found[0]
    return dates.ParsedDate(parsed.value.astimezone(zone), True, True)


_DST_ZONES = {"Europe/Paris": ("bs", "ca", "cs", "da", "de", "es", "fr", "hr", "hu", "it", "lb", "mk", "mt", "nb",
                               "nl", "nn", "no", "pl", "sk", "sl", "sq", "sr", "sv"),
              "Europe/Helsinki": ("bg", "el", "et", "fi", "lt", "lv", "ro", "uk")}
"""The zone of each pair of offsets Europe's summer time moves a page's language between (+1
and +2: Central European Time, +2 and +3: Eastern; the EU's rule, the last Sundays of March and
October at 01:00 UTC), by the languages spoken only in that zone (IANA tz database; English,
Portuguese and Irish span zones, and the pair 0/+1 never meets here: UTC values are left out)."""


def _site_language(f: Fields) -> str | None:
    """The language the page declares (``<html lang>``, ``content-language``: the site's
    locale, even over a text quoted in another language), else the record's."""
    return f.page.declared_language or f["language"]


def _in_season(instant: datetime, zones: list, language) -> tzinfo:
    """Of the offsets ``zones`` (in the page's order) giving one ``instant``, the one in force
    then when they are the two offsets of the summer time pair of the zone of the page's
    language (``language()``, called only then: :data:`_DST_ZONES`; a stale ``+01:00`` beside
    ``+02:00`` on the morning the clocks went forward in Paris; in January a Finnish page's
    ``+02:00`` beside an agency's ``+01:00`` is no pair, Helsinki's is +2/+3); else the first."""
    offsets = {z.utcoffset(instant) for z in zones}
    if len(offsets) > 1:
        primary = (language() or "").split("-")[0].lower()
        for name, languages in _DST_ZONES.items():
            if primary not in languages:
                continue
            zone = dates.zone(name)
            year = instant.year
            pair = {zone.utcoffset(datetime(year, 1, 15)), zone.utcoffset(datetime(year, 7, 15))}
            if offsets <= pair:
                now = instant.astimezone(zone).utcoffset()
                return next((z for z in zones if z.utcoffset(instant) == now), zones[0])
    return zones[0]


_UTC_ENDINGS = ("Z", "+00:00", "+0000", "GMT", "UTC")


def _page_dates(page: Page, own: bool = False) -> list:
    """The date values the page gives in its structured data and markup, unparsed: JSON-LD
    dates, date meta tags, then every ``<time datetime>``; with ``own``, only those not in an
    aside, a navigation, the page's footer or reader comments
    (:func:`~newsbot.extraction.values.in_aside`), nor in a teaser card
    (:func:`~newsbot.extraction.values.in_teaser`: a teaser's or a comment's time at the
    article's instant says nothing of the offset the article was written in, though the site's
    comments tell its zone for a time printed without one)."""
    values = []
    for node in page.jsonld:
        values += [node.get(k) for k in ("datePublished", "dateModified", "dateCreated", "uploadDate")]
    for name in _PUBLISHED_META + _MODIFIED_META:
        values += page.meta.get(name, [])
    return values + [el.get("datetime") for el in page.elements("time")
                     if not (own and (in_aside(el) or in_teaser(el)))]


_DATE_MARKS = re.compile(r"date|time|datum|zeit|fecha|data|publi|posted|dateline|stand|meta|byline|submitted", re.I)


@lru_cache(maxsize=1)
def _clock_pattern() -> re.Pattern:
    """A clock time: ``16:45``, ``16:45:30`` (its seconds left), ``16h45``, ``à 16 h 45`` (French typography's spaced form, after the
    word for "at" only: ``durée 1 h 05`` is a length of time), ``4:45 pm``, ``9.12am``, ``1:15 μ.μ.``
    (a twelve-hour clock's half of the day, vocabulary category ``day_half``: groups ``am``, ``pm``),
    ``16.45 Uhr``, ``14.05 uur``, ``14.05 hod.``, or ``9.12`` after the word that says "at" in a
    date line (vocabulary category ``time_lead_in`` of every language: ``klo`` fi, ``kl.``
    da/sv/nb, ``kell`` et, ``om`` nl, ``o godz.`` pl, ``ob`` sl, ``u`` hr, ``um`` de, ``à`` fr,
    ``às`` pt, ``alle`` / ``ore`` it, ``στις`` el), in group ``word``; a zone abbreviation after
    it (``CET``, ``EEST``, ``BST``) in group ``zone``. A dotted time counts only so (or right
    after a day written whole: :func:`_clock`), since ``9.12`` alone is as often a day and month.
    The words after a time (``time_unit``: ``Uhr``, ``uur``, ``h``, ``hod.``) are read with it.
    Built once, from the vocabulary."""
    words = "|".join(sorted(phrases("time_lead_in"), key=len, reverse=True))
    units = "|".join(sorted(phrases("time_unit"), key=len, reverse=True))
    am, pm = "|".join(phrases("day_half", "am")), "|".join(phrases("day_half", "pm"))
    return re.compile(
        rf"(?:(?<![^\W\d_])(?P<word>{words})\.?\s*)?"
        r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3])"
        rf"(?:(?::|(?(word)\s?h\s?|h))(?P<minute>[0-5]\d)(?::[0-5]\d)?"
        rf"|\.(?P<dotted>[0-5]\d)(?=\s*(?:(?:{units})(?![^\W\d_])|(?:{am}|{pm})(?![^\W\d_])))|\.(?P<spoken>[0-5]\d))"
        rf"(?![\d:])(?!\.\d)(?:\s*(?:(?P<am>{am})|(?P<pm>{pm}))(?![^\W\d_]))?"
        rf"(?:\s*(?:(?:{units})(?![^\W\d_])\.?)?\s*\(?(?P<zone>[A-Z]{{3,4}})(?![\w]))?", re.I)


_DAY_TO_CLOCK = re.compile(r"[\s,.–—-]*(?:[^\W\d_]{1,4}\.?[\s,]+){0,2}|[\s,.·|•–—-]{0,6}")
"""What may stand between a day written whole and its time of day: punctuation, or up to two
short words (``a las``, ``de``; a word for "at", ``om``, ``v``, ``kell``, is read with the time);
not a separator and a label after it (``12. března 2025 | aktualizováno v 18.40``, the update's
time) nor a word of another sense (``12 maart 2025 · aftrap zaterdag om 20.45``, a match's)."""
_DAY_TO_TIME = re.compile(r"[\s,.·|–—-]{0,4}")
"""What may stand between a day written whole and a dotted time printed right after it, with no
word for "at" (``12.3.2025 14.05``, as Finnish writes it without ``klo``; ``2025. március 12.
14.05``)."""


_NOT_DATE_ELEMENTS = frozenset(("script", "style", "head", "html", "body", "article", "main"))
"""Elements never read as a date element, whatever their class (``status-publish`` on a
WordPress ``<article>``)."""


def _date_elements(f: Fields) -> list:
    """The page's ``<time>`` elements and the elements whose class or id names a date, time or
    dateline (:func:`_names_date`), in document order, the document's own containers
    (:data:`_NOT_DATE_ELEMENTS`) and those in reader comments
    (:func:`~newsbot.extraction.values.comments_of`) left out; found in one walk of the tree per
    page, for the update marks read before htmldate and the texts read after it (an XPath
    picking the elements with a class or id costs more than the walk: most elements have one)."""
    return f.once("date_elements", _find_date_elements)[0]


def _comment_blocks(f: Fields) -> list:
    """The outermost elements of the page's reader comments that print a date (their
    ``<time>`` elements or elements naming a date, :func:`_date_elements`' walk), in document
    order: the comments htmldate is not shown (:func:`_htmldate_of_publication`)."""
    return f.once("date_elements", _find_date_elements)[1]


def _find_date_elements(f: Fields) -> tuple[list, list]:
    found = [el for el in f.page.tree.iter(etree.Element) if el.tag not in _NOT_DATE_ELEMENTS
             and (el.tag == "time" or _names_date(el.get("class"), el.get("id")))]
    own, blocks = [], []
    for el in found:
        block = comments_of(el)
        if block is None:
            own.append(el)
        elif not any(b is block for b in blocks):
            blocks.append(block)
    return own, blocks


def _date_texts(f: Fields) -> list[str]:
    """The texts, 150 characters at most, of the date elements (:func:`_date_elements`), in
    document order; read once per page (the printed day, the day-first check, the printed
    time and the date line's words all read them)."""
    return f.once("date_texts", _read_date_texts)


def _read_date_texts(f: Fields) -> list[str]:
    return [text for text in _element_texts(f) if text and len(text) <= 150]


def _element_texts(f: Fields) -> list[str]:
    """The text of each date element (:func:`_date_elements`), cleaned (``""`` for none and for
    one whose text is surely longer than a date line's, :func:`_surely_long`: nested date
    elements are not each walked whole), in their order: read once per page for the date texts,
    the date lines and the Drupal signature."""
    return f.once("date_element_texts", lambda f: ["" if _surely_long(el) else clean(text_of(el, apart=True)) or ""
                                                   for el in _date_elements(f)])


def _texts_of(elements: list) -> list[str]:
    """The texts of ``elements`` (elements side by side read apart: :func:`~.values.text_of`), cleaned, the
    empty ones and those over 150 characters left out."""
    texts = (clean(text_of(el, apart=True)) for el in elements)
    return [text for text in texts if text and len(text) <= 150]


def _printed_time(f: Fields, day, texts: list[str] | None = None) -> tuple[int, int, tzinfo | None] | None:
    """``(hour, minute, zone)`` printed beside the publication day ``day`` (a ``date``), in the
    ``<time>`` elements and elements whose class or id names a date, time or dateline (texts
    of 150 characters at most, :func:`_date_texts`): the first clock time (:func:`_clock`)
    printed right after that day written whole (:func:`day_pattern`, :data:`_DAY_TO_CLOCK`: in
    ``Aktualisiert am 04.03.2025, 18:30 · Erstellt am 03.03.2025, 09:12`` the 3rd is at 09:12),
    else the first in a text that holds the day's year and day of the month, before the day when
    it is written whole (``16:45, 14. Mai 2024``); ``zone``
    is the offset of a zone abbreviation printed after the time (``09:12 CET``, read by
    dateparser's table of abbreviations), else ``None``; ``None`` when no such text is found.
    ``texts``: the texts to read instead of the date elements' (one part of a date line)."""
    texts = [t for t in (_date_texts(f) if texts is None else texts)
             if str(day.year) in t or f"{day.year % 100:02d}" in t]
    if not texts:
        return None
    written = day_pattern(day)
    for text in texts:
        for m in written.finditer(text):
            found = _clock(text[m.end():], day, after_day=True)
            if found:
                return found
    day_number = re.compile(rf"(?<![\d:])0?{day.day}(?![\d:])")  # not a clock's minutes or seconds
    for text in texts:
        first = written.search(text)
        end = first.start() if first else len(text)  # after the day, only right after it
        if day_number.search(text[:end].replace(str(day.year), " ")) or first:
            found = _clock(text, day, end=end)
            if found:
                return found
    return None


def _clock(text: str, day, after_day: bool = False, end: int | None = None) -> tuple[int, int, tzinfo | None] | None:
    """The first clock time of ``text`` (:func:`_clock_pattern`) as ``(hour, minute, zone)``,
    with the half of the day after it (``2:05 pm``, ``1:15 μ.μ.``), unless a day's number
    follows that word (:data:`_ON_A_DAY`: German ``12:30 am 12. März``, "on 12 March", is half
    past noon).
    ``after_day``: ``text`` follows a day written whole, and the time counts only right after it
    (:data:`_DAY_TO_CLOCK`); a dotted time at its start, nothing but spaces and punctuation
    before it (:data:`_DAY_TO_TIME`), counts without a word for "at". ``end``: the time stands
    before it (the text after it read for the day after a half of the day only)."""
    for m in _clock_pattern().finditer(text, 0, len(text) if end is None else end):
        if after_day and not _DAY_TO_CLOCK.fullmatch(text, 0, m.start()):
            return None  # another part of the date line's: the next clocks stand further away
        if m.group("spoken") and not m.group("word") \
                and not (after_day and _DAY_TO_TIME.fullmatch(text, 0, m.start())):
            continue  # 3.12 alone: a day and month as often as a time
        hour = int(m.group("hour"))
        minute = int(m.group("minute") or m.group("dotted") or m.group("spoken"))
        half = "pm" if m.group("pm") else "am" if m.group("am") else None
        if half and _ON_A_DAY.match(text, m.end(half)):
            half = None  # a word before a day ("am 12. März"), no half of the day
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        return hour, minute, _zone_of(m.group("zone"), day)
    return None


_ON_A_DAY = re.compile(r"\s*\d{1,2}\.")
"""A day's number with its full stop, as German, Nordic and Central European languages write it
(``am 12. März``, ``am 12.03.2026``): the word before it is no half of the day (English writes
``2:05 pm 12 March``, ``March 12``, with no full stop)."""


class _WrittenHit:
    """Where :class:`WrittenDay` found its day in a text, as a ``re.Match`` gives it:
    ``start()``, ``end()``, ``span()``, ``group()`` (the text written)."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int):
        self.string, self._start, self._end = string, start, end

    def start(self, group: int = 0) -> int:
        return self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def span(self, group: int = 0) -> tuple[int, int]:
        return self._start, self._end

    def group(self, group: int = 0) -> str:
        return self.string[self._start:self._end]


_L = r"[^\W\d_]{3,}"
_DAY_SHAPES = (  # each day shape, its numbers (digit runs) and what each must be, in the order tried
    (r"(?<![\d.])(\d++)\.\s?(\d++)\.\s?(\d++)(?!\d)", ("d", "m", "y|yy")),             # 3.3.2025, 03.03.25
    (r"(?<!\d)(\d++)-(\d++)-(\d++)(?!\d)", ("y", "mm", "dd")),                          # 2025-03-03
    (r"(?<!\d)(\d++)/(\d++)/(\d++)(?!\d)", ("d", "m", "y")),                            # 3/3/2025
    (r"(?<!\d)(\d++)/(\d++)/(\d++)(?!\d)", ("m", "d", "y")),                            # 3/31/2025
    (r"(?<![\d.])(\d++)\.\s?(\d++)\.\s?(\d++)(?![\d:])", ("y", "m", "d")),             # 2025. 03. 03.
    (rf"(?<![\d.])(\d++)(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|ta['’]\s*)?{_L}+\.?,?\s+(?:de\s+)?(\d++)(?!\d)",
     ("d", "y")),                                                                       # 3 March 2025
    (rf"{_L}+\.?\s+(\d++)(?:st|nd|rd|th)?,?\s+(\d++)(?!\d)", ("d", "y")),              # March 3, 2025
    (rf"(?<!\d)(\d++)\.\s+gada\s+(\d++)\.\s+{_L}(?!\d)", ("y", "d")),                  # 2025. gada 3. marts
    (rf"(?<!\d)(\d++)\.\s+gada\s+{_L}+\s+(\d++)\.?(?!\d)", ("y", "d")),
    (rf"(?<!\d)(\d++)\.\s+(\d++)\.\s+{_L}(?!\d)", ("y", "d")),
    (rf"(?<!\d)(\d++)\.\s+{_L}+\s+(\d++)\.?(?!\d)", ("y", "d")),                       # 2025. március 3.
    (rf"(?<!\d)(\d++)\s+m\.\s+{_L}+\s+(\d++)\s+d\.", ("y", "d")),                       # 2025 m. kovo 3 d.
    (r"(?<!\d)(\d++)-(\d++)-(\d++)(?!\d)", ("d", "m", "y")))                            # 03-03-2025
_DAY_SHAPE = [(re.compile(shape), checks) for shape, checks in _DAY_SHAPES]
_ANY_DAY_SHAPE = re.compile("|".join(dict.fromkeys(
    shape if not shape.startswith(_L) else rf"(?<![^\W\d_]){shape}" for shape, _ in _DAY_SHAPES)))
"""Where a day of :data:`_DAY_SHAPES` may begin, whatever its numbers: the month's name of
``March 3, 2025`` only at a word's start, since a day found inside a word is found at its start
first (which keeps the search linear in a long run of letters)."""


class WrittenDay:
    """One day (a ``date``) written whole, searched as a compiled pattern is (``search``,
    ``finditer``, hits with ``start()`` and ``end()``): the shapes of :data:`_DAY_SHAPES`, each a
    pattern compiled once whose digit runs are then checked against the day (a day or month
    with or without its leading zero, ``3`` or ``03``; a year whole, or in two digits after a
    day and month with dots), tried in that order at each place of the text, the first place
    first; a place holds no day when no shape of any numbers begins there
    (:data:`_ANY_DAY_SHAPE`)."""

    __slots__ = ("_values",)

    def __init__(self, day):
        d, m, y = str(day.day), str(day.month), str(day.year)
        yy = f"{day.year % 100:02d}"
        self._values = {"d": (d, "0" + d), "m": (m, "0" + m), "y": (y,), "y|yy": (y, yy),
                        "mm": (f"{day.month:02d}",), "dd": (f"{day.day:02d}",)}

    def _at(self, text: str, at: int) -> int | None:
        """The end of the day written at ``at`` in ``text``, ``None`` for none."""
        values = self._values
        for shape, checks in _DAY_SHAPE:
            m = shape.match(text, at)
            if m is not None and all(m.group(i) in values[check] for i, check in enumerate(checks, 1)):
                return m.end()
        return None

    def search(self, text: str, pos: int = 0) -> _WrittenHit | None:
        """The first place at or after ``pos`` where ``text`` writes the day, ``None`` for none."""
        at = pos
        while at <= len(text):
            end = self._at(text, at)
            if end is not None:
                return _WrittenHit(text, at, end)
            found = _ANY_DAY_SHAPE.search(text, at + 1)
            if found is None:
                return None
            at = found.start()
        return None

    def finditer(self, text: str):
        """Each place where ``text`` writes the day, from the end of the one before, in order."""
        pos = 0
        while (hit := self.search(text, pos)) is not None:
            yield hit
            pos = hit.end()


@lru_cache(maxsize=64)  # the page kind and the printed time ask for the same day
def day_pattern(day) -> WrittenDay:
    """``day`` (a ``date``) written whole (:class:`WrittenDay`): in digits (``3.3.2025``,
    ``03.03.25``, ``2025-03-03``, ``2025. 03. 03.``, ``3/3/2025``, ``03-03-2025`` as the European
    Parliament prints it) or with a month's name (the shapes of :data:`_NAMED_DAY`)."""
    return WrittenDay(day)


def _zone_of(abbreviation: str | None, day) -> tzinfo | None:
    """The fixed offset of a zone ``abbreviation`` (``CET`` +01:00, ``CEST`` +02:00) on ``day``
    by dateparser's table; ``None`` for none or one it does not know."""
    if not abbreviation or not abbreviation.isupper():
        return None
    from dateparser.timezone_parser import pop_tz_offset_from_string

    found = pop_tz_offset_from_string(f"00:00 {abbreviation}")[1]
    return timezone(found.utcoffset(datetime(day.year, day.month, day.day))) if found is not None else None


_NAMED_DAY = re.compile(
    r"(?<![\d.])\d{1,2}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|ta['’]\s*)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}(?!\d)"  # 1er mars 2025, 1 ta' Marzu 2025
    r"|(?<![^\W\d_])[^\W\d_]{3,}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)"                     # March 1, 2025
    r"|(?<!\d)\d{4}\.\s+(?:gada\s+)?\d{1,2}\.\s+[^\W\d_]{3,}"                                       # 2025. gada 1. marts
    r"|(?<!\d)\d{4}\.\s+[^\W\d_]{3,}\s+\d{1,2}\.?(?!\d)"                                            # 2025. március 1.
    r"|(?<!\d)\d{4}\s+m\.\s+[^\W\d_]{3,}\s+\d{1,2}\s+d\.")                                          # 2025 m. kovo 1 d.
_DOTTED_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
"""A day, month and year in digits with dots, day first, as every language that writes them
so orders them (``3.3.2025``, ``3. 3. 2025``)."""
_FILLERS = re.compile(r"(?<=\d\.)\s+gada(?=\s)|(?<=\d)\s+ta['’](?=\s*[^\W\d_])|(?<=\d)\s+d\.(?!\w)")
"""The words that join a date's parts and that dateparser does not know: Latvian ``gada`` (of
the year: ``2025. gada 3. marts``), Maltese ``ta'`` (of: ``3 ta' Marzu 2025``), Lithuanian
``d.`` (diena, day: ``2025 m. kovo 3 d.``, whose ``m.``, metai, year, dateparser reads)."""
_MONTH_FORMS = {"sl": {"januarja": "januar", "februarja": "februar", "marca": "marec", "aprila": "april",
                       "maja": "maj", "junija": "junij", "julija": "julij", "avgusta": "avgust",
                       "septembra": "september", "oktobra": "oktober", "novembra": "november",
                       "decembra": "december"},
               "lv": {"janvārī": "janvāris", "februārī": "februāris", "martā": "marts", "aprīlī": "aprīlis",
                      "maijā": "maijs", "jūnijā": "jūnijs", "jūlijā": "jūlijs", "augustā": "augusts",
                      "septembrī": "septembris", "oktobrī": "oktobris", "novembrī": "novembris",
                      "decembrī": "decembris", "janvāra": "janvāris", "februāra": "februāris", "marta": "marts",
                      "aprīļa": "aprīlis", "maija": "maijs", "jūnija": "jūnijs", "jūlija": "jūlijs",
                      "augusta": "augusts", "septembra": "septembris", "oktobra": "oktobris",
                      "novembra": "novembris", "decembra": "decembris"},
               "et": {"jaanuaril": "jaanuar", "veebruaril": "veebruar", "märtsil": "märts", "aprillil": "aprill",
                      "mail": "mai", "juunil": "juuni", "juulil": "juuli", "augustil": "august",
                      "septembril": "september", "oktoobril": "oktoober", "novembril": "november",
                      "detsembril": "detsember"}}
"""Month names as a language writes them in a date that dateparser does not know, by language
(primary subtag), each with the name it reads: Slovenian writes the month of a date in the
genitive (``13. marca 2025``), Latvian in the locative (``2025. gada 13. martā``, on the 13th
of March, as a date line prints it) or the genitive (``13. marta``), Estonian in the adessive
(``13. märtsil 2025``, on the 13th of March), while dateparser's names in these languages,
from Unicode CLDR, are the nominative (``marec``, ``marts``, ``märts``) alone."""
_MONTH_FORM = {lang: re.compile(r"(?<![^\W\d_])(?:" + "|".join(forms) + r")(?![^\W\d_])", re.I)
               for lang, forms in _MONTH_FORMS.items()}
_PRINTED_DAY_TRIES = 3  # date elements read by dateparser at most (one that is no date costs it a second)


def _printed_day(f: Fields, language: str | None = None, texts: list[str] | None = None) -> str | None:
    """The day (``YYYY-MM-DD``) printed with its month's name in the first ``<time>`` element
    or element whose class or id names a date (:func:`_names_date`), text of 150 characters at
    most, that :func:`read_day` reads as a whole date in the page's ``language`` (``1er mars
    2025``, ``1 de marzo de 2025``, ``1. března 2025``, ``1 Μαρτίου 2025``, ``2025. gada 1.
    marts``), or that holds one in digits with dots (:data:`_DOTTED_DAY`), or year first
    (:data:`_ISO_DAY`: ``2025-03-01``, ``2025. 03. 01.``), for the pages where
    htmldate finds none; ``None`` when none of the first :data:`_PRINTED_DAY_TRIES` such texts
    is one. ``texts``: the date elements' texts to read instead (some left out)."""
    tries = 0
    for text in _date_texts(f) if texts is None else texts:
        m = _NAMED_DAY.search(text)
        if m is None:
            for digits in (_DOTTED_DAY.search(text), _ISO_DAY.search(text)):
                day = digits and _day_of(digits)
                if day:
                    return day.isoformat()
            continue
        when = read_day(m.group(0), language)
        if when is not None:
            return when.isoformat()
        tries += 1
        if tries >= _PRINTED_DAY_TRIES:
            break
    return None


def _day_past_segment(f: Fields, language: str | None = None) -> str | None:
    """The day (``YYYY-MM-DD``) the first date element that prints a whole day
    (:func:`_date_texts`; in digits with dots, :data:`_DOTTED_DAY`, or with its month's name,
    :data:`_NAMED_DAY`, read by :func:`read_day`) prints past the first
    ``htmldate.settings.MAX_SEGMENT_LEN`` characters of its text; ``None`` when that day ends
    within them (or no element prints one). htmldate reads a date element's text cut to that
    length, so a long date line (``Bild: dpa/Jens Büttner · Von Sabine Braun · 03.03.2025``)
    reaches it as ``… 03.03.20`` and is misread (2020-03-03): such a day is read here, before
    htmldate."""
    from htmldate.settings import MAX_SEGMENT_LEN

    for text in _date_texts(f):
        m = _first_day(text)
        if m is None:
            continue
        if m.end() <= MAX_SEGMENT_LEN:
            return None
        day = _day_of(m, language)
        return day.isoformat() if day is not None else None
    return None


_SLASHED_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])")
"""A day, month and year in digits with slashes or hyphens (``11/03/2025``, ``11-03-2025``):
day first in every EU language; month first in American English (:func:`_day_of`)."""
_ISO_DAY = re.compile(r"(?<![\d/.-])(\d{4})(?:-(\d{2})-(\d{2})(?![\d/-])|\.\s?(\d{1,2})\.\s?(\d{1,2})(?![\d:]))")
"""A day in ISO 8601's order (``2025-03-11``), as Nordic and Baltic date lines print it, or year
first in digits with dots (``2025. 03. 11.``, ``2025.3.11``), as Hungarian writes it (CLDR's
short and medium date formats for ``hu``)."""


def _first_day(text: str) -> re.Match | None:
    """The first whole day ``text`` prints, in digits with dots (:data:`_DOTTED_DAY`), slashes
    or hyphens (:data:`_SLASHED_DAY`), ISO 8601's year first (:data:`_ISO_DAY`) or with its
    month's name (:data:`_NAMED_DAY`), as a match (read by :func:`_day_of`); ``None`` for none."""
    found = [m for m in (_DOTTED_DAY.search(text), _SLASHED_DAY.search(text), _ISO_DAY.search(text),
                         _NAMED_DAY.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


_DAY_FIRST_ENGLISH = frozenset({"gb", "ie", "mt", "au", "nz"})
"""The regions of English tags (``en-GB``) whose English writes a slashed date day first
(``11/03/2025``, 11 March), as every other EU language does."""


def _day_of(m: re.Match, language: str | None = None) -> date | None:
    """The day a match of :func:`_first_day` writes (a name of a month read by :func:`read_day`
    in ``language``; digits with slashes day first, except on an English page where the day
    and month could be either, ``03/11/2025``, unless its tag names a region writing the day
    first, ``en-GB``, ``en-IE``: :data:`_DAY_FIRST_ENGLISH`); ``None`` when it is no day
    (``31.02.2025``, a word that is no month) or cannot be told."""
    if m.re is _SLASHED_DAY:
        first, second = int(m.group(1)), int(m.group(3))
        if first <= 12 and second <= 12 and first != second and _month_first(language):
            return None
        try:
            return date(int(m.group(4)), first, second) if first <= 12 < second else \
                date(int(m.group(4)), second, first)
        except ValueError:
            return None
    if m.re is _ISO_DAY:
        try:
            return date(int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5)))
        except ValueError:
            return None
    if m.re is _DOTTED_DAY:
        try:
            return date(*(int(m.group(i)) for i in (3, 2, 1)))
        except ValueError:
            return None
    return read_day(m.group(0), language)


_LABEL_REACH = 40
"""The most characters between a date line's word for what it dates and the day it names
(``Aktualisiert am``, ``Published by Mara Lindqvist on``, ``Frissítve:``)."""


def _labelled_dates(f: Fields) -> dict[str, str]:
    """What the words of the date lines (:func:`_line_texts`) date: ``"updated"`` and
    ``"published"`` → the first day printed (:func:`_first_day`, read in the page's language)
    within :data:`_LABEL_REACH` characters after a word saying so (vocabulary category
    ``date_label``: ``Aktualisiert``, ``updated``, ``mis à jour``, ``Stand:`` / ``Erstellt``,
    ``published``, ``publié``), before the next such word, as ``YYYY-MM-DD``, or
    ``YYYY-MM-DDTHH:MM:SS`` with the time printed after that day before the next word
    (:func:`_printed_time`; with its offset when a zone abbreviation follows it): in
    ``Aktualisiert am 09.04.2025, 17:05 Uhr · Erstellt am 08.04.2025, 07:45 Uhr`` the update is
    ``2025-04-09T17:05:00`` and the publication ``2025-04-08T07:45:00``, whichever comes first,
    in one element or several. A word followed by a time alone (``Publicado 12 de março de 2026
    às 09h05, atualizado às 12h05``) dates that time on the last day its line printed before
    it, when the word opens a clause (:data:`_CLAUSE_OPENS`). A line that prints a day before its first word, and that word an update's (``12.
    března 2026 9:05, Aktualizováno 12. 3. 2026 11:40``), gives that day (with its time) as
    the publication when no line names one. Each the first found; read once per page."""
    return f.once("labelled_dates", _read_labelled_dates)


def _read_labelled_dates(f: Fields) -> dict[str, str]:
    label = pattern("date_label")
    language = f["language"]
    found: dict[str, str] = {}
    unnamed = None  # the day a line prints before its update's word
    lines = _line_texts(f)
    # the first date line of its own, whatever its class, when it names the publication (a line
    # naming an update alone there may be a box's: a calendar's, a cookie notice's "Stand:")
    lines = lines + [t for t in _day_lines(f, whole=True) if t not in lines
                     and any(w.group("published") is not None for w in label.finditer(t))] + _label_rows(f)
    for text in lines:
        words = list(label.finditer(text))
        if words and words[0].group("updated") is not None and unnamed is None:
            m = _last_day(text[:words[0].start()])
            day = m and _day_of(m, language)
            if day:
                unnamed = _instant(day, _printed_time(f, day, [text[:words[0].start()]]))
        for word, following in zip(words, words[1:] + [None]):
            kind = "updated" if word.group("updated") is not None else "published"
            if kind in found:
                continue
            part = text[word.end():following.start() if following else len(text)]
            m = _first_day(part)
            if m is None or m.start() > _LABEL_REACH:
                before = _last_day(text[:word.start()])
                if before is not None and not _opens_clause(text[:word.start()], before):
                    before = None
                day = before and _day_of(before, language)  # a time alone: that day's
                clock = day and _clock(part, day, after_day=True)
                if clock:
                    found[kind] = _instant(day, clock)
                continue
            day = _day_of(m, language)
            if day is None:
                continue
            found[kind] = _instant(day, _printed_time(f, day, [part]))
        if len(found) == 2:
            break
    if "published" not in found and unnamed:
        found["published"] = unnamed
    return found


_LABEL_CELLS = etree.XPath("/descendant::body/descendant::tr[count(*) = 2][*[1][self::th or self::td]][*[2][self::td]]")
"""The rows of a table of a label cell and a value cell."""
_LABEL_WHOLE = re.compile(r"\s*:?\s*")  # what may follow the label's word in its cell: a colon
_TEXT_PARAGRAPH = f"p[string-length(normalize-space()) >= {TEXT_PARAGRAPH_CHARS}]"
_TABLE_AFTER_TEXT = etree.XPath(f"count(preceding::{_TEXT_PARAGRAPH}) >= 2 and not(following::{_TEXT_PARAGRAPH})")
"""A table printed after the article's text: two of its paragraphs before it, none after."""


def _label_rows(f: Fields) -> list[str]:
    """The label-and-value rows that date the page, a public body's metadata table about the page
    after its text (``<tr><th>Data publikacji:</th><td>29.04.2026 12:15</td></tr>``): a table
    row of a label cell and a value cell whose label is a date line's word (vocabulary category
    ``date_label``) and a colon at most, the whole cell (not ``Další aktualizace``, ``Site last
    updated:``), and whose value prints a whole day (:func:`_first_day`), each read as one line
    ``"label value"`` (its time with it), in document order; only in a table after the text
    (:data:`_TABLE_AFTER_TEXT`: not one inside it, a CVE table, a report card), in no aside,
    figure, teaser, box of other stories, reader comments or box under its own heading
    (:func:`_under_box_heading`: a download box), and only on a page printing no date line of
    its own (:func:`_line_texts`, :func:`_day_lines`) and no structured date (JSON-LD, meta
    tags, ``<time datetime>``, microdata): none else. A description list (``<dl>``: a dataset's,
    a book's, a file's details) dates nothing. Read once per page."""
    return f.once("label_rows", _read_label_rows)


def _structured_date(page: Page) -> bool:
    """``page`` gives a date in its markup: JSON-LD ``datePublished``/``dateModified``, a date's
    meta tag (:data:`_PUBLISHED_META`, :data:`_MODIFIED_META`), a ``<time datetime>`` or a
    microdata date."""
    if any(node.get(key) for node in [page.article_entity, *page.jsonld] for key in ("datePublished", "dateModified")):
        return True
    if any(page.meta_first(name) for name in _PUBLISHED_META + _MODIFIED_META):
        return True
    return any(el.get("datetime") for el in page.elements("time")) \
        or any(key in page.names and next(iter(_ITEMPROP_DATE(page.tree, name=key)), None) is not None
               for key in ("datePublished", "dateModified"))


def date_label_cell(text: str) -> re.Match | None:
    """The word for what a date dates (vocabulary category ``date_label``: group ``updated`` or
    ``published``) filling the label cell ``text`` of a table's row, a colon after it at most
    (``Data publikacji:``, ``Last updated``); ``None`` for another cell (``Další aktualizace``,
    ``Site last updated:``, ``Author:``). The one test of a date's label cell: the rows dating a
    page (:func:`_label_rows`) and a table of its record left out of the body
    (:func:`~newsbot.extraction.generic.filters.record_tables`) both read it."""
    word = pattern("date_label").match(text)
    return word if word is not None and _LABEL_WHOLE.fullmatch(text, word.end()) else None


def prints_a_day(text: str) -> bool:
    """``text`` prints a whole day, day, month and year (:func:`_first_day`: ``12.03.2026``,
    ``2026-03-12``, ``12. März 2026``, ``March 12, 2026``, ``2026. március 12.``); a year or a
    month and year alone (a book's ``2026``, ``March 2026``) is none. The one test of a date's
    value cell, as :func:`date_label_cell` is of its label's."""
    return _first_day(text) is not None


def _read_label_rows(f: Fields) -> list[str]:
    rows = []
    if _structured_date(f.page):  # most pages: no walk for the table's rows
        return rows
    cells = _LABEL_CELLS(f.page.tree)
    if not cells or any(_first_day(t) for t in _line_texts(f)) or _day_lines(f):
        return rows
    for el in cells:
        name, value = el[0], el[1]
        head = clean(text_of(name)) or ""
        if not head or date_label_cell(head) is None:
            continue
        text = clean(text_of(value, apart=True)) or ""
        if not text or len(text) > 150 or not prints_a_day(text):
            continue
        table = next(el.iterancestors("table"), el)
        if in_aside(el) or in_related(el) or in_teaser(el) or comments_of(el) is not None \
                or next(el.iterancestors("figure"), None) is not None \
                or not _TABLE_AFTER_TEXT(table) or _under_box_heading(f, table):
            continue
        rows.append(f"{head} {text}")
    return rows


_CLAUSE_OPENS = re.compile(r"[,;·|•–—(:-]\s*$")
"""A label of a time alone opens a clause of its line: punctuation or a separator right before it
(``…, atualizado às 12h05``; not ``· prochaine mise à jour à 18h00``, the next update's)."""


def _opens_clause(before: str, day: re.Match) -> bool:
    """A label of a time alone, after the text ``before`` whose last day is ``day``, opens a clause
    of its line: punctuation or a separator right before it (:data:`_CLAUSE_OPENS`), or the day
    and its time right before it, nothing but spaces after them (``<time>5 de março de
    2026</time> <span>atualizado às 12h05</span>``: the label opens an element of its own; not
    ``12 mars 2026 · prochaine mise à jour à 18h00``, a word before the label)."""
    if _CLAUSE_OPENS.search(before):
        return True
    return not _clock_pattern().sub("", before[day.end():]).strip()


def _instant(day: date, clock: tuple[int, int, tzinfo | None] | None) -> str:
    """``day`` at ``clock`` (``(hour, minute, zone)``, or ``None``) in ISO 8601:
    ``YYYY-MM-DDTHH:MM:SS`` (with the zone's offset when there is one), else ``YYYY-MM-DD``."""
    if not clock:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, clock[0], clock[1], tzinfo=clock[2]).isoformat()


def _last_day(text: str) -> re.Match | None:
    """The last whole day ``text`` prints (the shapes of :func:`_first_day`), or ``None``."""
    found = [m for shape in (_DOTTED_DAY, _SLASHED_DAY, _ISO_DAY, _NAMED_DAY) for m in shape.finditer(text)]
    return max(found, key=lambda m: m.start()) if found else None


def _line_texts(f: Fields) -> list[str]:
    """The texts of the date lines: each date element's (:func:`_date_elements`), then its
    parent's when that is no date element itself (a ``<p>`` holding ``Publié le <time>12 mars
    2026 à 09h05</time>, modifié le <time>…</time>``: the words stand around the ``<time>``
    elements), then the element right after each of these that prints a whole day (the
    update's line printed after the date line: ``<span class="data">12 marzo 2026</span> <span
    class="aggiornato">Aggiornato il …</span>``),
    cleaned, the empty ones and those over 150 characters left out; read once per page."""
    return f.once("line_texts", _read_line_texts)


def _read_line_texts(f: Fields) -> list[str]:
    elements = _date_elements(f)
    seen = {id(el) for el in elements}
    texts = []
    refused: dict = {}  # element → the ``opening`` it was refused with (``False``: refused either way)

    def line_of(el, opening: bool = False) -> str | None:
        """``el``'s text when it is a date line not read yet (:func:`_date_line_text`); each
        element read once (the parent of many date elements, a whole article, too)."""
        if el is None or id(el) in seen or (el in refused and (opening or not refused[el])):
            return None
        if (text := _date_line_text(el, opening)) is None:
            refused[el] = opening and refused.get(el, True)
            return None
        seen.add(id(el))
        texts.append(text)
        return text

    for el, text in zip(elements, _element_texts(f)):
        texts.append(text)
        lines = [(el, text)]
        parent = el.getparent()
        if (parent_text := line_of(parent)) is not None:
            lines.append((parent, parent_text))
        for line, line_text in lines:
            if _first_day(line_text):  # a date line: the one after it
                line_of(line.getnext(), opening=True)
    return [text for text in texts if text and len(text) <= 150]


def _surely_long(el) -> bool:
    """``el``'s visible text surely exceeds a date line's 150 characters: its text content, read
    in C, holds over 600 characters that are no space and no script, style, template or
    ``<noscript>`` (whose text :func:`~newsbot.extraction.values.text_of` skips) lies in it. A
    container's text is not walked in Python for that (a date element's parent may be the
    whole article)."""
    text = el.text_content()
    return len(text) > 600 and len("".join(text.split())) > 600 \
        and next(el.iter("script", "style", "noscript", "template"), None) is None


_LINE_WORDS = 4
"""The words a date line holds at most besides its labels, days and times (:func:`_date_line_text`)."""
_WORD = re.compile(r"[^\W\d_]+")


def _date_line_text(el, opening: bool = False) -> str | None:
    """``el``'s text (cleaned, side-by-side elements apart) when it is a date line of its own, no
    sentence, else None: besides its labels (vocabulary
    category ``date_label``), the days it prints (:func:`_first_day`) and its clock times
    (:func:`_clock_pattern`), :data:`_LINE_WORDS` words at most, each in lower case (``le``,
    ``am``, ``alle``) or an abbreviation in capitals (``CET``), or a unit of time (``Uhr``):
    ``Publié le <time>…</time>, modifié le <time>…</time>``, not ``The board met on <time>…</time>
    and updated its forecast on 5 March``, ``Aktualisiert: Der Plan ab 01.04.2026``; with
    ``opening``, a label or a day opens it too (``Modifié le 12 mars 2026 à 10h20``, not ``The
    updated timetable applies from 1 April``)."""
    if el is None or not isinstance(el.tag, str) or el.tag in _NOT_DATE_ELEMENTS or _surely_long(el):
        return None
    text = clean(text_of(el, apart=True)) or ""
    if not text or len(text) > 150:
        return None
    caption = el.tag in ("figure", "figcaption") or next(el.iterancestors("figure", "figcaption"), None) is not None
    text = text[_byline_end(text, credits=not caption, desk=lambda: not (caption or _listed(el))):]
    text = _without_closing_byline(text)
    label = pattern("date_label")
    if opening:
        first = label.search(text)
        day = _first_day(text)
        if not any(m is not None and not _WORD.search(text[:m.start()]) for m in (first, day)):
            return None
    rest = label.sub(" ", text)
    while (day := _first_day(rest)) is not None:
        rest = rest[:day.start()] + " " + rest[day.end():]
    rest = _clock_pattern().sub(" ", rest)
    unit = pattern("time_unit")
    words = [w for w in _WORD.findall(rest) if not unit.fullmatch(w)]
    return text if len(words) <= _LINE_WORDS and all(w.islower() or w.isupper() for w in words) else None


_BYLINE_NAMES = re.compile(r"([^|·•–—]{1,80})[|·•–—]\s*")
"""A byline's names and the separator after them, before a date line's part (``Por Ana Silva e Rui
Costa · 9 de março de 2026, às 16h20``)."""
_BYLINE_WORDS = 8  # the words of the names of a byline opening a date line at most
_SEPARATOR = re.compile(r"\s*[|·•–—]\s*")
"""A separator of a date line's parts: a bar, a middle dot, a bullet, a dash."""


@lru_cache(maxsize=1)
def _credit_word() -> re.Pattern:
    """The word of another role's credit and its colon, the word "and" before it (vocabulary
    categories ``other_credit``, ``name_conjunction``): ``foto:``, ``a foto:`` of ``Text a
    foto: Jana Malá``; read where a byline's names are. Built once, from the vocabulary."""
    credit = "|".join(sorted(phrases("other_credit"), key=len, reverse=True))
    conjunction = "|".join(phrases("name_conjunction"))
    return re.compile(rf"(?<![^\W\d_])(?:(?:{conjunction})\s+)?(?:{credit})\s*:\s*", re.I)


def _byline_end(text: str, credits: bool = True, desk: bool | Callable[[], bool] = True) -> int:
    """Where the date line's part of ``text`` begins after a byline opening it: a byline's
    lead-in (vocabulary category ``byline_lead_in``) or, with ``credits``, another role's
    credit word and its colon (:func:`_credit_word`: ``Foto:``), then names (two to
    :data:`_BYLINE_WORDS` words, each capitalised or a short particle, :data:`_PLACE_PARTICLE`:
    ``Ana Silva e Rui Costa``; commas and the credits of other roles between them: ``Text: Jana
    Malá, foto: Petr Velký``) or, with ``desk``, a desk's name (:func:`_desk_name`: ``Autor:
    Redakcja``), or with ``desk`` a desk's name alone (``Redacción``, ``La Redacción``), and a
    separator (``·``, ``|``, ``–``: :data:`_BYLINE_NAMES`); ``0`` for a line opening otherwise
    (``Por decisão do conselho · 9 de março``: a word in lower case). ``credits`` and ``desk``
    are false for a caption's line (``Foto: … | 9. 2. 2026 06:40``, the photo's time) and a
    listed story's (``<li>… Redacción · 08/02/2026 07:15</li>``); ``desk`` may be a function
    telling so, asked only when a desk's name opens the line."""
    lead = pattern("byline_lead_in").match(text) or (_credit_word().match(text) if credits else None)
    names = _BYLINE_NAMES.match(text, lead.end() if lead else 0)
    if names is None:
        return 0
    if lead is None or (lead.re is not _credit_word() and _desk_name(names.group(1))):
        return names.end() if _desk_name(names.group(1)) and (desk() if callable(desk) else desk) else 0
    return names.end() if _names(_credit_word().sub(", ", names.group(1)) if credits else names.group(1)) else 0


def _names(text: str) -> bool:
    """``text`` is a byline's names: two to :data:`_BYLINE_WORDS` words, no digit, each
    capitalised or a short particle (:data:`_PLACE_PARTICLE`), the first and the last
    capitalised (``Ana Silva e Rui Costa``, ``Jana Kováčová``)."""
    words = _WORD.findall(text)
    return 2 <= len(words) <= _BYLINE_WORDS and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or len(w) <= _PLACE_PARTICLE for w in words) and not re.search(r"\d", text)


def _listed(el) -> bool:
    """``el`` is printed in a list item (``<li>``) or a teaser card
    (:func:`~newsbot.extraction.values.in_teaser`): another story's line."""
    return el.tag == "li" or next(el.iterancestors("li"), None) is not None or in_teaser(el)


def _desk_name(text: str) -> bool:
    """``text`` is a desk's name alone (vocabulary category ``not_a_person``, a definite article
    before it: ``Redacción``, ``La Redacción``; not ``Redacción de la noche``)."""
    desk = text.strip().split(None, 1)
    if desk and pattern("definite_article").match(desk[0]) and len(desk) == 2:
        desk = desk[1:]
    return bool(desk) and pattern("not_a_person").fullmatch(" ".join(desk)) is not None


def _byline_start(text: str) -> int:
    """Where a byline closing the date line ``text`` begins: a separator (:data:`_SEPARATOR`)
    followed by a byline's lead-in (vocabulary category ``byline_lead_in``: ``Objavljeno:
    14.05.2026. u 12:45 | Autor: …``, ``2026. gada 12. martā plkst. 15:45 · Autors: …``), or
    the last separator when names alone (:func:`_names`) follow it to the end and a day
    (:func:`_first_day`) stands before it (``Publikované 10. marca 2026 o 14:35 · Jana
    Kováčová``); the length of ``text`` when none does (the names after it are the bylines', no
    date line's words)."""
    lead = pattern("byline_lead_in")
    seps = list(_SEPARATOR.finditer(text))
    for sep in seps:
        if sep.start() and lead.match(text[sep.end():]):
            return sep.start()
    if seps and seps[-1].start() and _names(text[seps[-1].end():]) and _first_day(text[:seps[-1].start()]):
        return seps[-1].start()
    return len(text)


def _without_closing_byline(text: str) -> str:
    """The date line ``text`` without a byline closing it (:func:`_byline_start`), a time printed
    alone after the byline's names and another separator kept (``7. 4. 2026 | Autor: Oľga
    Hrušková | 11:30`` → ``7. 4. 2026 | 11:30``; not other words after it, ``| foto: …``)."""
    start = _byline_start(text)
    if start == len(text):
        return text
    seps = list(_SEPARATOR.finditer(text, start))
    rest = text[seps[1].end():].strip() if len(seps) > 1 else ""
    return text[:start] + (" | " + rest if rest and _clock_pattern().fullmatch(rest) else "")


def _day_first(f: Fields, found: str) -> str:
    """htmldate's ``found`` (``YYYY-MM-DD…``) with its day and month swapped back when a date
    element (:func:`_date_texts`) prints that day in digits with dots and spaces, day first
    (``12. 3. 2025``, as Czech, Slovak, Slovene and Croatian write it), which htmldate reads
    month first; ``found`` itself otherwise."""
    month, day = int(found[5:7]), int(found[8:10])
    if month == day or day > 12:
        return found
    for text in _date_texts(f):
        for m in _DOTTED_DAY.finditer(text):
            if (int(m.group(3)), int(m.group(2)), int(m.group(1))) == (int(found[:4]), day, month):
                return f"{found[:5]}{day:02d}-{month:02d}{found[10:]}"
    return found


def _half_day(f: Fields, found: str) -> str:
    """htmldate's ``found`` (``YYYY-MM-DD HH:MM:SS``) with the hour the page prints: htmldate
    reads ``2026-01-14 3:25 pm`` as 03:25, the twelve-hour clock's half of the day dropped.
    When a date element prints a time for that day (:func:`_printed_time`, which reads
    ``pm``, ``p.m.``, ``am``) of the same minute and the same hour on a twelve-hour clock
    (15:25 for 3:25, 00:10 for 12:10), its hour replaces htmldate's; ``found`` itself
    otherwise (midnight, a day only, another time)."""
    if len(found) < 16 or found[11:19] == "00:00:00":
        return found
    try:
        day, hour, minute = date.fromisoformat(found[:10]), int(found[11:13]), int(found[14:16])
    except ValueError:
        return found
    clock = _printed_time(f, day)
    if clock is None or clock[1] != minute or clock[0] == hour or clock[0] % 12 != hour % 12:
        return found
    return f"{found[:11]}{clock[0]:02d}{found[13:]}"


@lru_cache(maxsize=4096)
def _names_date(cls: str | None, ident: str | None) -> bool:
    """The ``class`` ``cls`` or ``id`` ``ident`` of an element names a date, time or dateline
    (:data:`_DATE_MARKS`). Class names repeat all over a page, so each is read once."""
    marks = f"{cls or ''} {ident or ''}"
    if marks.isascii():
        lower = marks.lower()
        return any(word in lower for word in _DATE_WORDS)
    return bool(_DATE_MARKS.search(marks))


_DATE_WORDS = tuple(_DATE_MARKS.pattern.split("|"))
"""The words of :data:`_DATE_MARKS` (lower-case letters, one alternation): looked for as they
are in a name in ASCII read lower-cased, they give the pattern's answer for a fraction of
the cost of matching regardless of case."""


def _with_printed_time(f: Fields, chosen: tuple[str, dates.ParsedDate]) -> tuple[str, dates.ParsedDate]:
    """A day-only ``chosen`` date completed with the time the page prints beside that day
    (:func:`_printed_time`; in its date elements, else in a date line above the text that
    prints the day, :func:`_day_lines`), read in the zone printed after it, else in the offset
    the page prints with its other dates, else in
    the zone the day was read in; ``chosen`` itself when the page prints no time."""
    layer, parsed = chosen
    day = parsed.value.date()
    found = _printed_time(f, day)
    if found is None and (lines := _day_lines(f, day)):
        found = _printed_time(f, day, lines)
    if found is None and (rows := [part for row in _label_rows(f) if (part := _publication_part(row))]):
        found = _printed_time(f, day, rows)
    if found is None:
        return chosen
    hour, minute, printed_zone = found
    offset = printed_zone or _page_offset(f.page)
    value = parsed.value.replace(hour=hour, minute=minute, second=0)
    if offset is not None:
        value = value.replace(tzinfo=offset)
    return layer, dates.ParsedDate(value, True, offset is not None or parsed.has_offset)




_TEXT_WITH = etree.XPath("/descendant::body/descendant::text()[contains(., $year)]")
_TEXT_WITH_YEAR = etree.XPath("/descendant::body/descendant::text()[contains(., '19') or contains(., '20')]")


def _day_lines(f: Fields, day: date | None = None, whole: bool = False) -> list[str]:
    """The texts of the page's date lines of their own (:func:`_date_line_text`: a day, a time,
    a label and a few words, no sentence), whatever their class (one naming no date: a Bootstrap
    theme's ``<p class="text-muted small">12. mars 2025 kl. 14:05</p>``), each its
    publication's part (:func:`_publication_part`; an update's line gives none), that print
    ``day`` written whole (:func:`day_pattern`; any whole day, :func:`_first_day`, for ``None``)
    and stand above the article's text (:func:`~newsbot.extraction.values.above_the_text`), not
    in the site's header (:func:`_in_site_header`: today's date and clock) nor under a box's
    heading (:func:`_under_box_heading`: a fact box's event), in document order:
    the first one only (for ``None``, the first of its year's text nodes read:
    :data:`_DAY_LINE_TRIES`). ``whole``: the line's whole text, whatever it dates (the update's
    part too, read by :func:`_labelled_dates`)."""
    written = day_pattern(day) if day is not None else None
    seen = set()
    nodes = _TEXT_WITH(f.page.tree, year=str(day.year)) if day is not None else _TEXT_WITH_YEAR(f.page.tree)
    for tries, node in enumerate(nodes):
        if written is None and tries >= _DAY_LINE_TRIES:
            break
        el = node.getparent()
        el = el.getparent() if el is not None and node.is_tail else el  # the text after a child (an icon)
        if el is None or id(el) in seen or not isinstance(el.tag, str) or el.tag in ("script", "style", "title"):
            continue
        seen.add(id(el))
        text = _date_line_text(el)
        text = text if whole else text and _publication_part(text)
        if text and (written.search(text) if written is not None else _first_day(text)) \
                and above_the_text(el) and not _in_site_header(el) and not _under_box_heading(f, el):
            return [text]
    return []


def _publication_part(text: str) -> str | None:
    """The part of the date line ``text`` that dates the publication: all of it when it names
    nothing (vocabulary category ``date_label``), else what follows the publication's label up
    to the next label (``Birt: 12.3.2026`` of ``Birt: 12.3.2026 | Uppfært: 12.3.2026 kl.
    16:20``), else what stands before the first update's label when it prints a day
    (``12. März 2026, aktualisiert 16:20``); ``None`` for an update's line (``Mis à jour le 12
    mars 2026 à 18h30``)."""
    words = list(pattern("date_label").finditer(text))
    if not words:
        return text
    for word, following in zip(words, words[1:] + [None]):
        if word.group("published") is not None:
            return text[word.end():following.start() if following else len(text)]
    before = text[:words[0].start()]
    return before if _first_day(before) else None


def _under_box_heading(f: Fields, el) -> bool:
    """``el`` is printed under a heading of its own box: the nearest heading (``<h2>`` to ``<h6>``)
    before it in its parent is another than the page's headline (:func:`_headline_heading`: a
    fact box's ``<h3>Auf einen Blick</h3><p>26.04.2026, 19:30 Uhr</p>``, the event's day)."""
    for sibling in el.itersiblings(preceding=True):
        if sibling.tag in ("h2", "h3", "h4", "h5", "h6"):
            return sibling is not _headline_heading(f)
    return False


def _headline_heading(f: Fields):
    """The page's headline element (:func:`~newsbot.extraction.title.headline_element`), else,
    on a page with none (a table layout printing no ``<h1>``), the element printing its
    ``<title>`` (:func:`~newsbot.extraction.title.title_heading`: ``<h2>Počela obnova …</h2>``);
    ``None`` for neither. One element, chosen
    once per page (a column's heading the title also repeats, a site's tagline, is no headline
    when the page has one)."""
    return f.once("headline_heading", _read_headline_heading)


def _read_headline_heading(f: Fields):
    from .title import title_heading

    return title_heading(f.page)


def _in_site_header(el) -> bool:
    """``el`` is in the site's header: a ``<header>`` (or ``role="banner"``) outside the
    ``<article>`` and ``<main>`` holding no headline (``<h1>``, ``<h2>``), where a site prints
    today's date (``jueves, 12 de marzo de 2026, 07:15``)."""
    for a in el.iterancestors():
        if a.tag in ("article", "main"):
            return False
        if (a.tag == "header" or a.get("role") == "banner") and next(a.iter("h1", "h2"), None) is None:
            return True
    return False


_DAY_LINE_TRIES = 40  # text nodes holding 19 or 20 read for a date line with no day to look for


def _page_offset(page: Page):
    """The UTC offset (``tzinfo``) the page itself prints with any other date (JSON-LD dates,
    date meta tags, ``<time datetime>``), or ``None``: a naive time on a page without portal
    rules is read in the page's own offset rather than an assumed zone."""
    for value in _page_dates(page):
        parsed = dates.parse_date(ld_text(value) if not isinstance(value, str) else value)
        if parsed and parsed.has_offset:
            return parsed.value.tzinfo
    return None


def _htmldate(page: Page, language: str | None = None) -> str | None:
    """htmldate's date for the page (``YYYY-MM-DD HH:MM:SS``, midnight for a day only), or
    ``None``. A first of the month without a time is kept only when the page prints that day
    (:func:`_prints_first`) in its markup (attributes, meta tags, comments, image paths
    included), its text or its URL: htmldate's extensive search reads a year alone as 1 January
    (``signed in 1995``, ``© 2023``), a month alone or an impossible day (``2025-04-31``) as the
    first of the month, and none of these is a publication day. ``language``: the page's
    (:func:`read_day`)."""
    try:
        from htmldate import find_date

        # the parsed tree, not the text: no second parse (htmldate copies what it cleans)
        with _free_text_in(language):
            found = find_date(page.tree, url=page.url, original_date=True, outputformat="%Y-%m-%d %H:%M:%S",
                              extensive_search=True)
    except Exception:  # htmldate raises on broken documents
        return None
    if found and found[8:] == "01 00:00:00" and not _prints_first(page, int(found[:4]), int(found[5:7]), language):
        return None
    return found


_FREE_TEXT_SETTINGS = {"NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"], "PREFER_DATES_FROM": "past",
                       "PREFER_LOCALE_DATE_ORDER": True, "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}
"""htmldate's own settings for its dateparser (``htmldate.extractors.get_external_parser``, htmldate 1.9 to 1.11)."""

_free_text_key: list = [None]


@lru_cache(maxsize=None)
def _free_text_parser(primary: str):
    """A dateparser ``DateDataParser`` with htmldate's settings that reads the language ``primary``
    (a primary subtag: ``de``; ``no``, which dateparser lacks, as its ``nb`` and ``nn``) and
    English, or ``None`` when dateparser does not know ``primary``."""
    from dateparser import DateDataParser
    from dateparser.data.languages_info import language_order

    known = [code for code in {"no": ("nb", "nn")}.get(primary, (primary,)) if code in language_order]
    return DateDataParser(languages=sorted({*known, "en"}), settings=_FREE_TEXT_SETTINGS) if known else None


@contextmanager
def _free_text_in(language: str | None):
    """Within the block, htmldate's extensive search reads free text with dateparser in the page's
    ``language`` (a tag: ``de``, ``pt-BR``) and English only, not in every locale dateparser has.

    htmldate asks dateparser with no language, and dateparser then tries each of its locales in
    turn on a text that is no date: about 15 ms a text, most of htmldate's cost, and the first
    page loads every locale (1.5 s or more). A date printed in the page's language or in English
    reads the same; a text read only in a third language (a locale's word that happens to match)
    is no longer taken. A page whose language is unknown, or one dateparser lacks, keeps htmldate's
    own parser. htmldate caches what it read (``try_date_expr``) by the text alone, so that cache
    is emptied whenever the parser changes: a record never depends on the pages read before it."""
    from htmldate import extractors

    primary = (language or "").split("-")[0].lower()
    parser = _free_text_parser(primary) if primary else None
    own = getattr(extractors, "get_external_parser", None)
    if own is None or not hasattr(extractors.try_date_expr, "cache_clear"):  # another htmldate: its own way
        yield
        return
    key = primary if parser is not None else None
    if _free_text_key[0] != key:
        extractors.try_date_expr.cache_clear()
        _free_text_key[0] = key
    if parser is None:
        yield
        return
    extractors.get_external_parser = lambda: parser
    try:
        yield
    finally:
        extractors.get_external_parser = own


_UPDATE_MARKS = re.compile(r"modif|updat|aktualis|actuali[sz]|aggiorn", re.I)
_PUBLICATION_MARKS = re.compile(r"publi|creat|erstell|posted|pubdate", re.I)


def _htmldate_of_publication(f: Fields, language: str | None = None) -> str | None:
    """:func:`_htmldate` for the publication, read without the page's reader comments that
    print a date (:func:`_comment_blocks`: a comment's time is not the article's). On a page
    whose date elements name both an update (class or id ``date-modified``, ``updated``,
    ``aktualisiert``: :data:`_UPDATE_MARKS`) and the publication (``date-published``,
    ``created``, ``posted-on``: :data:`_PUBLICATION_MARKS`), read without the update's too,
    which htmldate may take for the publication when printed first (``Aktualisiert am
    04.03.2025 · Erstellt am 03.03.2025``); when htmldate then finds none, the day the other
    date elements print with its month's name in the page's language (:func:`_printed_day`:
    ``Létrehozva: 2025. március 26.``, where htmldate reads the year alone), and only then
    htmldate with the updates. The elements are taken out of the tree and put back in their
    places. A page that names an update alone keeps it (hAtom's ``updated`` is often a post's
    only date)."""
    page = f.page
    updates, published = [], False
    for el in _date_elements(f):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _UPDATE_MARKS.search(marks):
            if not any(a in updates for a in el.iterancestors()):
                updates.append(el)
        elif _PUBLICATION_MARKS.search(marks):
            published = True
    with _taken_out(_comment_blocks(f)):
        if not updates or not published:
            return _htmldate(page, language)
        with _taken_out(updates):
            found = _htmldate(page, language)
            if not found:
                out = {id(el) for el in updates}
                kept = [el for el in _date_elements(f)
                        if id(el) not in out and not any(id(a) in out for a in el.iterancestors())]
                found = _printed_day(f, language, _texts_of(kept))
        return found or _htmldate(page, language)


@contextmanager
def _taken_out(elements: list):
    """Within the block, ``elements`` (none inside another) are out of their tree; after it,
    back in their places, whatever happened."""
    places = [(el.getparent(), el.getparent().index(el), el) for el in elements if el.getparent() is not None]
    try:
        for parent, _, el in places:
            parent.remove(el)
        yield
    finally:
        for parent, index, el in reversed(places):
            parent.insert(index, el)


def _prints_first(page: Page, year: int, month: int, language: str | None = None) -> bool:
    """The page prints the first day of ``month`` of ``year``: in digits in its markup (the
    page's source and URL: ``2025-04-01``, ``2025/4/1``, ``01.04.2025``, ``4/1/2025``,
    ``2025年4月1日``) or in the text of its ``<body>`` (what it reads, where ``01.04.25`` counts
    too), or in that text as day 1 with a month's name (:data:`_NAMED_DAY`) that
    :func:`read_day` reads as that month in the page's ``language``. The text is read only when
    the markup does not print it."""
    y = str(year)
    if _first_in_digits(f"{page.url}\n{page.text}", y, month, short_year=False):
        return True
    body = page.tree.find("body")
    text = body.text_content() if body is not None else ""
    # a year of two digits (01.04.25) only in the text: in markup it is as often a slug's numbers
    if _first_in_digits(text, y, month, short_year=True):
        return True
    first = date(year, month, 1)
    return any(read_day(match.group(0), language) == first for match in _NAMED_DAY.finditer(text)
               if y in match.group(0) and _DAY_ONE.search(match.group(0).replace(y, " ")))


def _first_in_digits(source: str, year: str, month: int, short_year: bool) -> bool:
    """``source`` prints the first of ``month`` of ``year`` (four digits) in digits: year first
    (``2025-04-01``, ``2025/4/1``, ``2025年4月1日``), day first (``01.04.2025``) or month first
    (``4/1/2025``), the last two also with the year's last two digits when ``short_year``.

    Every shape holds the year's digits, so each pattern starts with them: a search for a
    pattern that starts with a literal text skips in C to that text's occurrences, where one
    that starts with a look-behind is tried at every position of a page's source (ten times
    slower). The shapes that end with the year are looked for in ``source`` reversed, the
    pattern reversed with it (``(?!\\d)`` after the year becomes ``(?<!\\d)`` before its reversed
    digits, and the other way round)."""
    m = f"0?{month}"
    if re.search(rf"{year}(?<!\d{{5}})\s*[-/.年]\s*{m}\s*[-/.月]\s*0?1(?!\d)", source):  # 2025-04-01
        return True
    backwards = source[::-1]
    m = f"{str(month)[::-1]}0?"  # 0?12 reversed
    for written in (year, year[2:]) if short_year else (year,):
        ending = (rf"{written[::-1]}(?<!\d{{{len(written) + 1}}})"
                  rf"(?:\s*[./-]\s*{m}\s*[./-]\s*10?"  # 01.04.2025
                  rf"|\s*/\s*10?\s*/\s*{m})(?!\d)")  # 4/1/2025
        if re.search(ending, backwards):
            return True
    return False


_DAY_ONE = re.compile(r"(?<!\d)0?1(?!\d)")


def read_day(text: str, language: str | None = None) -> date | None:
    """The day ``text`` writes whole (day, month and year: ``1er mars 2025``, ``1 Μαρτίου
    2025``), its joining words dateparser does not know left out (:data:`_FILLERS`) and the
    month names it does not know in ``language`` replaced (:data:`_MONTH_FORMS`), read by
    dateparser in ``language`` (a tag: ``fr``, ``pt-BR``; its primary subtag
    is used), or in every language it knows when that is ``None`` or not one of them (the first
    such reading in a process loads them all: about a second and a half); ``None`` when it
    holds no whole date."""
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"]}
    primary = (language or "").split("-")[0].lower()
    text = _FILLERS.sub("", text)
    if primary in _MONTH_FORM:
        text = _MONTH_FORM[primary].sub(lambda m: _MONTH_FORMS[primary][m.group(0).lower()], text)
    try:
        when = dateparser.parse(text, languages=[primary] if primary else None, settings=settings)
    except ValueError:  # a language dateparser does not know
        when = dateparser.parse(text, settings=settings)
    return when.date() if when is not None else None


def date_modified(f: Fields) -> tuple[datetime | None, str | None]:
    """Last-modified instant from JSON-LD ``dateModified``, modified-time meta, microdata
    ``itemprop="dateModified"`` and a ``<time>`` marked so (:func:`_time_mark`), then the
    feed's or sitemap's modification date (``hints.modified``: Atom ``<updated>``, sitemap
    ``<lastmod>``), then the ``<time>`` a date line's words call the update's
    (:func:`_labelled_time`), else the update a date line's words name (:func:`_labelled_dates`:
    ``Aktualisiert am 09.04.2025, 17:05 Uhr``; with its printed time, a naive one read as the
    publication's is) when later than the publication (:func:`_after_publication`); ``None``
    if absent."""
    cands = _date_candidates(f.page, f.rules, "dateModified", _MODIFIED_META, [f.hints.modified])
    if not cands:
        labelled = _labelled_time(f)
        if labelled is None and "updated" in _labelled_dates(f):
            labelled = _labelled_dates(f)["updated"]
        parsed = dates.parse_date(labelled, f.rules.timezone) if labelled else None
        parsed = parsed and _in_page_offset(f, parsed)
        if parsed and _after_publication(f, parsed):
            cands.append(("generic", parsed))
    chosen = dates.choose(cands)
    return (_in_local_offset(f, chosen[1]).value, chosen[0]) if chosen else (None, None)


def _labelled_time(f: Fields) -> str | None:
    """The ``datetime`` of the article's first ``<time>`` that its date line's words call the
    update's (:func:`_time_label`: ``<time datetime="2026-02-26T15:05:00Z">Updated February 26,
    2026 at 3:05 p.m. GMT</time> | Published …``), marked by no class nor property
    (:func:`_time_mark`), outside an aside, a navigation, a footer, reader comments
    (:func:`~newsbot.extraction.values.in_aside`) and teaser cards
    (:func:`~newsbot.extraction.values.in_teaser`), among the first :data:`_LABELLED_TIMES`;
    ``None`` for none."""
    times = [el for el in f.page.elements("time") if el.get("datetime")][:_LABELLED_TIMES]
    for el in times:
        if _time_mark(el) is None and not in_aside(el) and not in_teaser(el) and _time_label(el) == "modified" \
                and _in_a_date_line(el):
            return el.get("datetime")
    return None


_INLINE = frozenset(("span", "a", "b", "strong", "em", "i", "small", "time", "abbr", "font", "u", "mark", "sup", "sub"))
"""Elements printed within a line: a ``<time>``'s line is its nearest ancestor of another tag."""
_NOT_A_META_LINE = ("figure", "figcaption", "caption", "table", "blockquote")
"""Ancestors whose lines are no article's meta line: a chart's caption (``Stand: <time>``), a
table's cell, a quotation."""


def _in_a_date_line(el) -> bool:
    """The ``<time>`` ``el`` stands in the article's meta line: its line (its nearest ancestor
    that is no inline element, :data:`_INLINE`) is a short date line of its own
    (:func:`_date_line_text`: no sentence, ``The timetable will be updated on <time>…</time>``),
    above the text (:func:`~newsbot.extraction.values.above_the_text`), in no caption, table,
    quotation or list (:data:`_NOT_A_META_LINE`)."""
    line = el.getparent()
    while line is not None and line.tag in _INLINE:
        line = line.getparent()
    if line is None or line.tag in _NOT_A_META_LINE \
            or next(line.iterancestors(*_NOT_A_META_LINE), None) is not None:
        return False
    return _date_line_text(line) is not None and above_the_text(el)


def _after_publication(f: Fields, update: dates.ParsedDate) -> bool:
    """``update`` is later than the chosen publication (:func:`published`; true when there is
    none), to the precision printed: a later day for a day alone, a later minute for a time
    (``Stand: 20.04.2020, 14:57`` on a page published at 14:57:27 names no update)."""
    publication = published(f)[0]
    if publication is None:
        return True
    if not update.has_time:
        return update.value.date() > publication.value.date()
    return update.value > publication.value.replace(second=0, microsecond=0)
