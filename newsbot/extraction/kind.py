"""What a fetched page is: an article, or a front (section, topic, tag or author page, search
results) or some other page (a form, a gallery without text). Pure: reads the shared
:class:`~newsbot.extraction.page.Page` and the body the extraction already found.

The page's content decides, never its URL shape alone (a portal's URL patterns are guesses):

0. its markup or address says it lists entries and its text is the list (:func:`_listing`): a
   WordPress archive's or search's ``<body>`` class, Joomla's category blog's, TYPO3 tx_news's ``news-list-view`` or a
   ``search-results`` box holding most of the running text, a search's query in the address
   (``?s=``), or a month's archive address (``/2025/03/``) over dated teasers: a front,
   whatever else it says (its entries' microdata, a theme's ``og:type``);
   its main region is a run of teaser units (:func:`_run_listing`, any CMS: units repeated as
   siblings, each a headline link to another page of the site with a date or an excerpt)
   holding the body's paragraphs, or, with a listing's evidence (:func:`_listing_evidence`),
   outweighing the page's own text, with no headline dating an own text: a front too, but
   over a type (:func:`_run_beats_type`) never when the headline's block dates it, nor over a
   JSON-LD or microdata article type that has a date or lacks a listing's strong evidence
   (:func:`_strong_listing_evidence`), over ``og:type`` ``article`` alone only with a
   listing's evidence or an own text under :data:`BRIEF_CHARS`;
   a Drupal term page's ``<body>`` or a headline labelled a front (``Žyma: uostas``, the
   vocabulary's ``listing_label``) over dated entries (:func:`_listed_entries`), or an agenda's
   box of dated events (:func:`_event_listing`): a front too;
1. its JSON-LD names its headline's thing one no article is (:func:`_typed_other`: a
   ``JobPosting``, an ``Event``), no JSON-LD or microdata says article and no byline (for an
   event, no published time, dated address or publication line either: :func:`_reports_on`)
   reports on it: no article;
   it says article: JSON-LD of an article type (``NewsArticle``, ``Article``,
   ``ReportageNewsArticle``… :data:`~newsbot.extraction.page.ARTICLE_TYPES`), microdata of one
   (whose headline is no link: a list's entries are typed so too),
   ``og:type`` ``article`` (https://ogp.me/#types), or an ``article:published_time`` meta tag;
   else, a video's or podcast's page (:func:`_media_page`: its type, its container's name, an
   episode's number, a length in minutes, a player beside the headline) is no article;
2. it says front: JSON-LD ``CollectionPage``, ``ProfilePage``, ``SearchResultsPage`` or
   ``ItemList`` at the top, or ``og:type`` ``profile`` (but a long text, :data:`LONG_TEXT`,
   under an ``<h1>`` its own block dates, no list of teasers, is an article: a plugin's type);
3. a dated headline over running text: an ``<h1>`` (not a link nor a site's logo; else the
   sub-heading or table layout's line the title was read from) with a ``<time>``, a date meta
   tag, a day in the address before its slug (``/2025/03/12/slug``), or the publication day the extraction found printed as text in the headline's
   block (``03.03.2025, 09:12 Uhr`` in a span), followed by paragraphs of at least
   :data:`BRIEF_CHARS` characters, one of them at least :data:`SENTENCE_CHARS` (short briefs
   count);
4. a list of teasers is a front: :data:`FRONT_TEASERS` headline links or more (in headings,
   ``<article>`` blocks, or units repeated as siblings of one tag and first class, four of them
   with a link to another page of the site and a date beside it: an archive's list items, a
   Drupal view's rows) whose headlines, or whose cards (headline, description, date: an
   author page without its ``profile`` type), make up the page's running text, or running text of
   which :data:`LINKED_SHARE` or more is the text of links (a bare list of links; on the
   labelled article pages of ``../shared/corpus`` the share is at most a tenth);
5. a headline signed in its block (:func:`_signed`: a byline, a publication's label over a day,
   whatever date was read; not a source, not the person the headline names, not in a box under
   its own heading, under no price, :func:`_offered`) over a brief's text outside a form
   (:func:`_in_form`), on a page listing no other stories outside its related boxes
   (:func:`_lists_others`: teasers, list items' headline links), is an article;
6. otherwise a long text (3 paragraphs, 500 characters) is an article, anything else not.

Before 3, fewer than 3 paragraphs beside a data table in the headline's region
(:func:`_data_table`: a forecast, results), under a headline no byline nor publication line
signs and an undated address, are no article.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import functools
import re
from urllib.parse import urldefrag, urlsplit

from lxml import etree

from .date_fields import _EVENT_WORD, _first_day, _names_event, _token_names_event, day_pattern, published
from .vocabulary import pattern
from .page import Page, ld_types
from .urls import absolute, site_of
from .values import drupal_node, in_aside, in_related

if TYPE_CHECKING:
    from .record import Fields

FRONT_TYPES = frozenset({"collectionpage", "profilepage", "searchresultspage", "itemlist"})
DATE_META = ("article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created",
             "date.available", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date")
BRIEF_CHARS = 150  # running text under a dated headline: a brief of two short paragraphs
SENTENCE_CHARS = 60  # one of them a real sentence, not a caption or a button
LONG_TEXT = (3, 500)  # paragraphs and characters that read as an article without other evidence
FRONT_TEASERS = 4  # headline links that make an untyped page a list of stories
HEADLINE_CHARS = 25  # link texts at least this long are headlines (as in newsbot.listings)
LINKED_SHARE = 0.5  # share of the running text's characters in link texts that makes a list of links
CARD_CHARS = 600  # the longest text read as a teaser card (headline, description, date, credits)
CARD_SHARE = 0.5  # share of the running text's characters in teaser cards that makes a list of stories
_NEAR = 3  # ancestors of the h1 searched for its date
DATELINE_CHARS = 150  # the longest text read as a printed date line (as the date extraction reads them)


def _headline(page: Page):
    """The first ``<h1>`` that is not inside a link, hidden
    (:func:`~newsbot.extraction.title.hidden`) nor a site's logo
    (:func:`~newsbot.extraction.title.logo_h1s`), or ``None``."""
    from .title import hidden

    logos = None
    for h1 in page.elements("h1"):
        if not any(a.tag == "a" for a in h1.iterancestors()) and not h1.findall(".//a") and h1.text_content().strip() \
                and not hidden(h1):
            if logos is None:
                from .title import logo_h1s

                logos = logo_h1s(page, page.meta.get("og:site_name", []) + page.meta.get("application-name", []))
            if h1 not in logos:
                return h1
    return None


_TEASER_TAGS = ("h2", "h3", "h4", "article", "li")
_HEADLINE_LINES = ("h2", "h3", "b", "strong", "font", "span")
"""The elements read as the headline dated when the page prints no ``<h1>`` of its own (the
element the title was read from): a sub-heading under a logo's ``<h1>`` (only so: a page
without ``<h1>`` has no sub-heading dated), a table layout's bold, ``<font>`` or ``<span>``
line."""


def _has_date(el, written, units=frozenset()) -> bool:
    """True when ``el`` is or holds a ``<time>``, or a text of :data:`DATELINE_CHARS`
    characters at most in which the pattern ``written`` (the publication day written whole,
    :func:`~newsbot.extraction.date_fields.day_pattern`; ``None``: no day found) matches, and
    no teaser (:func:`_teaser_element`: a linked heading, an article holding a headline link, a
    list item, or one of the repeated teaser units ``units``, :func:`_repeated_unit`, nor a
    ``<time>`` or text in one, nor an element holding a teaser)."""
    if not isinstance(el.tag, str) or any(_teaser_element(t) for t in el.iter(*_TEASER_TAGS)):
        return False
    if el in units:
        return False
    if el.tag == "time" or any(not any(a in units for a in t.iterancestors()) for t in el.iter("time")):
        return True
    return written is not None and _prints_day(el, written, units)


_NODE_LINKS = re.compile(r"(?:^|\s)(?:links|node__links|node-links)(?:$|\s)")
"""A class word of a node's own links list: Drupal's ``<ul class="links inline">`` (its
comments, print and read-more links), ``node__links``."""


def _node_links(li) -> bool:
    """The list item ``li`` is in a node's own links list (:data:`_NODE_LINKS` on its list or
    the list's parent) inside the node: an ``<article>`` or a Drupal ``node`` box."""
    box = li.getparent()
    if box is None or not any(_NODE_LINKS.search(b.get("class") or "") for b in (box, box.getparent()) if b is not None):
        return False
    return any(a.tag == "article" or drupal_node(a) for a in box.iterancestors())


_META_LIST = re.compile(r"(?:^|[\s_-])(?:meta|post-info)(?:$|[\s_-])")
"""A class word of a list printing an article's meta data, one item each (the author, the date,
the category): ``entry-meta`` (WordPress themes: Blocksy, Astra), ``post-meta``, ``meta``,
Elementor's ``elementor-post-info``."""


def _meta_list(li) -> bool:
    """The list item ``li`` is in a meta list (:data:`_META_LIST` names its ``<ul>``/``<ol>``)."""
    box = li.getparent()
    return box is not None and box.tag in ("ul", "ol") and _META_LIST.search(box.get("class") or "") is not None


def _teaser_element(el) -> bool:
    """``el`` (a heading, ``<article>`` or list item) may be a teaser: a list item (but one
    of a meta list, :func:`_meta_list`, whose links all print fewer than :data:`HEADLINE_CHARS`
    characters: the author's, the category's; or one of a node's own links list, :func:`_node_links`, whose links all print fewer than
    :data:`HEADLINE_CHARS` characters and that prints no date, :data:`_UNIT_DATE`: a node's
    action or tag, Drupal's ``Add new comment``), a heading holding a link, an ``<article>``
    holding a link in a heading or one of :data:`HEADLINE_CHARS` characters or more outside a
    table's cell. A node's ``<article>`` printing the page's own text (Drupal's, under a title
    block outside it; its table of linked rows) and a text's sub-headings are none."""
    if el.tag == "li":
        if _meta_list(el):
            return max((len(a.text_content().strip()) for a in el.iter("a")), default=0) >= HEADLINE_CHARS
        if not _node_links(el):
            return True
        links = [len(a.text_content().strip()) for a in el.iter("a")]
        return not links or max(links) >= HEADLINE_CHARS or next(el.iter("time"), None) is not None \
            or _UNIT_DATE.search(el.text_content()) is not None
    if el.tag != "article":
        return el.find(".//a") is not None
    for a in el.iter("a"):
        if next(a.iterancestors("h2", "h3", "h4", "td", "th"), None) is not None:
            if next(a.iterancestors("h2", "h3", "h4"), None) is not None:
                return True
        elif len(a.text_content().strip()) >= HEADLINE_CHARS:
            return True
    return False


def _prints_day(el, written, units=frozenset()) -> bool:
    """True when the text of ``el``, when it is :data:`DATELINE_CHARS` characters or fewer, else
    that of one of its descendants, read down to the first ones that short, holds a match of
    ``written``."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style") or el in units:
        return False
    text = el.text_content()
    if len(text) <= DATELINE_CHARS:
        return written.search(text) is not None
    return any(_prints_day(child, written, units) for child in el)


def _dated(f: Fields, h1, units=frozenset(), meta: bool = True) -> bool:
    """True when the page's own markup dates the headline: a date meta tag or JSON-LD
    ``datePublished``, or a day in its address before the slug (:data:`_DATED_PATH`), or a ``<time>`` or the publication day printed as a date line
    (:func:`_has_date`) in the headline's block: within the h1, in one of the :data:`_NEAR`
    elements before or after it, or so in its ancestors (up to :data:`_NEAR` levels), never
    inside a teaser nor a list's table row (:func:`_linked_rows`; when the publication day found
    is printed in one, that entry's, a date line of :data:`_UNIT_DATE` in the block dates it). An article's
    meta line (:func:`_meta_line`, a day and a byline) beside the headline or its parent dates
    it too, whatever day the date extraction read."""
    page = f.page
    if meta and (page.meta_first(*DATE_META) or any(n.get("datePublished") for n in page.jsonld)
                 or _dated_path(urlsplit(page.url).path)):
        return True
    when = published(f)[0]
    written = day_pattern(when.value.date()) if when is not None else None
    rows = f.once("linked_rows", lambda f: _linked_rows(f.page))
    if rows:  # a list's rows date no headline; the day found in one is that entry's: any date line then
        units = frozenset(units) | rows
        if written is not None and any(written.search(tr.text_content()) for tr in rows):
            written = _UNIT_DATE
    node = h1
    for level in range(_NEAR + 1):
        if _has_date(node, written, units):
            return True
        near = [*list(node.itersiblings(preceding=True))[:_NEAR], *list(node.itersiblings())[:_NEAR]]
        if any(_has_date(el, written, units) for el in near):
            return True
        if level < 2 and any(el not in units and _meta_line(el, page) for el in near):
            return True
        node = node.getparent()
        if node is None or node.tag == "body":
            return False
    return False


_META_SEP = re.compile(r"\s+[|·•–—/]\s+|\s*[|·•]\s*")
"""The separators between the parts of a meta line (``7. 4. 2026 | Autor: …``)."""


def _meta_line(el, page: Page | None = None) -> bool:
    """``el`` prints an article's meta line as its whole text (:data:`DATELINE_CHARS` characters
    at most): parts apart by a separator (:data:`_META_SEP`), one and only one printing a day
    (:func:`~newsbot.extraction.date_fields._first_day`, whatever the date extraction read of
    it; two are an event's run, ``18.04.2026 – 30.05.2026``) and another a byline, a lead-in
    (vocabulary category ``byline_lead_in``) opening the part and a person's name as the rest
    of it up to a comma (:func:`_person_name`: ``Uverejnené 7. 4. 2026 o 11:30 | Autor: Jana
    Nováková, foto: Peter Horváth``, a credit after the comma): an
    article's date and author. No teaser (:func:`_teaser_element`) in it, and none on an event's
    page (:func:`_event_page`: ``Sabato 18 aprile, ore 20:30 | di Giuseppe Verdi`` under an
    opera's title)."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return False
    text = " ".join(el.text_content().split())
    if not text or len(text) > DATELINE_CHARS or any(_teaser_element(t) for t in el.iter(*_TEASER_TAGS)):
        return False
    parts = _META_SEP.split(text)
    if len(parts) < 2 or sum(1 for part in parts if _first_day(part)) != 1:
        return False
    lead = pattern("byline_lead_in")
    if not any((m := lead.match(part)) is not None and _person_name(part[m.end():].split(",")[0]) for part in parts):
        return False
    return page is None or not _event_page(page, el)


_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|author|autor|auteur|autore)s?(?:$|[\s_-])", re.I)
"""A class word or ``rel`` naming an element a byline (``nr-byline``, ``author``, ``rel="author"``)."""


def _signed_text(text: str, labels: bool = True) -> bool:
    """The short line ``text`` (a meta line's parts, :data:`_META_SEP`) has a part opening
    with a byline's lead-in (vocabulary ``byline_lead_in``, but none naming a source,
    ``source_lead_in``: ``Quelle: Markttransparenzstelle``) and a person's name up to a comma
    (:func:`_person_name`: ``Autore: Līga Ozoliņa``), or, with ``labels``, one opening with a
    publication's date label (vocabulary ``date_label`` ``published``) over a day
    (:func:`~newsbot.extraction.date_fields._first_day`: ``Publikované 10. marca 2026``,
    ``Objavljeno: 10.03.2026.``), whatever day the date extraction read."""
    lead, label, source = pattern("byline_lead_in"), pattern("date_label"), pattern("source_lead_in")
    for part in _META_SEP.split(text):
        if (m := lead.match(part)) is not None and not source.match(part) \
                and _person_name(part[m.end():].lstrip(" :").split(",")[0]):
            return True
        if labels and (m := label.match(part)) is not None and m.group("published") and _first_day(part[m.end():]):
            return True
    return False


SIGN_LEVELS = 4  # levels below an element beside the headline searched for its byline or publication line
SIGN_ELEMENTS = 64  # elements read there at most


_HEADINGS = ("h1", "h2", "h3", "h4")


def _opens_with_heading(el) -> bool:
    """``el`` is a box of its own story: its first child element is a heading
    (:data:`_HEADINGS`), as a lead story's box under a tag's headline opens; a text's
    sub-headings come after its byline."""
    first = next((c for c in el if isinstance(c.tag, str) and c.tag not in ("script", "style")), None)
    return first is not None and first.tag in _HEADINGS


def _signs(el, named: str = "", labels: bool = True) -> bool:
    """``el`` prints an article's byline or publication line: its text, when
    :data:`DATELINE_CHARS` characters or fewer, else that of its descendants read down to the
    first ones that short (:data:`SIGN_LEVELS` levels, :data:`SIGN_ELEMENTS` elements at most), is
    :func:`_signed_text` (``labels``: a publication's label counts), or an element there named a
    byline (:data:`_BYLINE_CLASS`) prints a person's name up to a comma (``Erik Lund,
    reporter``); no teaser (:func:`_teaser_element`) in it, no box opening with its own heading
    (:func:`_opens_with_heading`: another story's), and no ``<aside>``, ``<nav>`` nor a ``<footer>`` but
    an ``<article>``'s (the site's: its editor's name). A line holding ``named`` (the
    headline's text, casefolded) names the page's person, no writer (``Autor: Jan Novák``
    under ``Jan Novák``: an author's page)."""
    todo, read = [(el, 0)], 0
    while todo and read < SIGN_ELEMENTS:
        node, level = todo.pop()
        read += 1
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "aside", "nav") \
                or node.tag == "footer" and next(node.iterancestors("article"), None) is None \
                or _opens_with_heading(node):
            continue
        text = " ".join(node.text_content().split())
        if len(text) > DATELINE_CHARS:
            if level < SIGN_LEVELS:
                todo.extend((child, level + 1) for child in reversed(node[:SIGN_ELEMENTS]))
            continue
        if not text or named and named in text.casefold() or any(_teaser_element(t) for t in node.iter(*_TEASER_TAGS)):
            continue
        if _signed_text(text, labels) or any(
                _BYLINE_CLASS.search(f"{d.get('class') or ''} {d.get('rel') or ''}") is not None
                and _person_name(" ".join(d.text_content().split()).split(",")[0]) for d in node.iter(etree.Element)):
            return True
    return False


def _lists_others(page: Page, teasers: dict[str, str]) -> bool:
    """The page lists :data:`FRONT_TEASERS` other stories or more outside an aside or a related
    box (:func:`~newsbot.extraction.values.in_aside`, :func:`~newsbot.extraction.values.in_related`):
    headline links of ``teasers`` (:func:`_teasers`), as a front under its lead story does, or
    links of :data:`HEADLINE_CHARS` characters or more in list items (``<li><a>``, a tag's or
    an author's list of stories) outside a ``<nav>``, a ``<header>`` or a ``<footer>``."""
    listed = set()
    for a in page.elements("a"):
        href = a.get("href")
        if not href or href in listed or in_aside(a) or in_related(a):
            continue
        if href in teasers or a.getparent() is not None and a.getparent().tag == "li" \
                and len(a.text_content().strip()) >= HEADLINE_CHARS \
                and next(a.iterancestors("nav", "header", "footer"), None) is None:
            listed.add(href)
            if len(listed) >= FRONT_TEASERS:
                return True
    return False


_PRICE = re.compile(r"(?:^|[\s_-])(?:price|prices|basket|cart)(?:$|[\s_-])", re.I)
"""A class word or ``itemprop`` naming an offer's price or a shop's basket (``product-price``)."""


def _signed(page: Page, head, labels: bool = True) -> bool:
    """The headline ``head`` is signed: one of the :data:`_NEAR` elements before or after it,
    or so beside its parent, prints a byline or a publication line (:func:`_signs`, with
    ``labels`` a publication's label too), naming no person the headline names (a headline
    shaped as a person's name, :func:`_person_name`, is the page's person), on
    no event's page (:func:`_event_page`) and under no offer (:func:`_offered`). A text under
    a signed headline is an article's whether or not its date was read (unless the page lists
    other stories, :func:`_lists_others`)."""
    named = " ".join(head.text_content().split())
    named = named.casefold() if _person_name(named) else ""
    node = head
    for _ in range(2):
        near = [*list(node.itersiblings(preceding=True))[:_NEAR], *list(node.itersiblings())[:_NEAR]]
        if any(_signs(el, named, labels) for el in near):
            return not _event_page(page, head) and not _offered(head)
        node = node.getparent()
        if node is None or node.tag == "body":
            return False
    return False


def _offered(head) -> bool:
    """The headline ``head`` names a thing offered, no story: its parent (not ``<body>``) holds a
    price or a basket (:data:`_PRICE` in a class or an ``itemprop``: a shop's product under its
    author)."""
    block = head.getparent()
    return block is not None and block.tag not in ("body", "html") and any(
        _PRICE.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}") is not None
        for el in block.iter(etree.Element) if el is not head)


def _in_form(page: Page, found: list[str]) -> bool:
    """The page's longest paragraph of running text ``found`` is printed in a ``<form>``: a
    poll's question, a form's explanation, no story."""
    longest = max(found, key=len, default="")
    longest = " ".join(longest.split())
    return bool(longest) and any(longest in " ".join(form.text_content().split()) for form in page.tree.iter("form"))


_NAME_WORDS = (2, 4)  # the words of a byline's name in a meta line, fewest and most
_NAME_PARTICLE = 3  # letters of a lower-case particle inside a person's name at most (de, van, von)


def _person_name(text: str) -> bool:
    """``text`` is shaped as a person's name: :data:`_NAME_WORDS` words, no digit nor a
    sentence's end, the first and last capitalised and those between capitalised or a short
    particle (:data:`_NAME_PARTICLE`: ``Jan de Vries``); not ``Beginn an`` nor a phrase."""
    if re.search(r"\d|[.!?:;]\s|[.!?:;]$", text.strip()):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or len(w) <= _NAME_PARTICLE for w in words)


def _event_page(page: Page, el) -> bool:
    """The page at ``el`` is an event's: ``el`` or an ancestor names an event in its class, id
    or item type (:func:`~newsbot.extraction.date_fields._names_event`: ``evento-header``), or
    a segment of the page's address is an event word (:data:`~newsbot.extraction.date_fields._EVENT_WORD`:
    ``/veranstaltungen/…``, ``/agenda/…``)."""
    if any(_names_event(a) for a in (el, *el.iterancestors())):
        return True
    segments = re.split(r"[/_-]+", urlsplit(page.url).path.lower())
    return any(_EVENT_WORD.fullmatch(s) for s in segments if s)


_DATED_PATH = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/[^/]*[^\W\d_][^/]*/?$")
"""An article's address dated by its day, then its slug (``/2025/03/12/new-bus-line/``, as
WordPress and most blog engines print a post's permalink): the page's date as a date meta tag
gives it; a day's archive (``/2025/03/12/``, :data:`_ARCHIVE_PATH`) has no slug."""


def _dated_path(path: str) -> bool:
    """The address's path ``path`` dates an article by its day before its slug
    (:data:`_DATED_PATH`), under no folder named for events (a folder whose name is an event
    word, :data:`~newsbot.extraction.date_fields._EVENT_WORD`: ``/veranstaltungen/2025/03/15/konzert``,
    an event's day)."""
    m = _DATED_PATH.search(path)
    return m is not None and not any(_EVENT_WORD.fullmatch(folder) for folder in path[:m.start()].split("/"))


def _linked_rows(page: Page) -> frozenset:
    """The rows of the page's tables that are a list's entries: a ``<tr>`` holding a link, among
    :data:`RUN_UNITS` or more such rows of one table (a list of press releases printed as a
    table: date, linked title, summary). The date of such a row is its entry's, no headline's
    (:func:`_dated`); a table's rows are no teaser units otherwise (:data:`_TABLE_CELLS`)."""
    linked: dict = {}
    for tr in page.tree.iter("tr"):
        if tr.find(".//a[@href]") is not None:
            linked.setdefault(tr.getparent(), []).append(tr)
    return frozenset(tr for rows in linked.values() if len(rows) >= RUN_UNITS for tr in rows)


def _teasers(page: Page) -> tuple[dict[str, str], str, set]:
    """Headline links of the page, ``{target: text}``: links of :data:`HEADLINE_CHARS`
    characters or more inside ``h2``–``h4`` or an ``<article>`` block, or standing alone
    (:func:`_stands_alone`) in a unit repeated :data:`FRONT_TEASERS` times or more
    (:func:`_repeated_unit`: an archive's list item, a Drupal view's row); and the text of their
    teaser cards (each card's text folded, cards apart by a line break): the ``<article>``
    holding the link, else the parent of its heading, else the repeated unit, when it holds
    :data:`CARD_CHARS` characters or fewer (a headline with its description and date, not an
    article's body); third, the repeated units found (a date printed in one is a teaser's), of
    one side of the headline's own row (:func:`_one_side`)."""
    targets: dict[str, str] = {}
    cards: dict = {}
    shapes: dict = {}
    found: dict = {}  # (parent, shape) -> [(unit, href, text)]: the repeated units holding a headline link
    for a in page.elements("a"):
        href = a.get("href")
        text = " ".join(a.text_content().split())
        if not href or len(text) < HEADLINE_CHARS:
            continue
        heading = card = None
        for p in a.iterancestors():
            if p.tag == "article":
                card = p
                break
            if heading is None and p.tag in ("h2", "h3", "h4"):
                heading = p
        if card is None and heading is not None:
            card = heading.getparent()
        if card is None and heading is None:
            if _stands_alone(a) and _other_page(href, page):
                unit = _repeated_unit(a, _headline_chars(a, text), shapes)
                if unit is not None:
                    found.setdefault((unit.getparent(), _shape(unit)), []).append((unit, href, text))
            continue
        targets.setdefault(href, text)
        if card is not None and card not in cards:
            cards[card] = " ".join(card.text_content().split())
    units: set = set()
    for (parent, _), repeated in found.items():
        if len({id(unit) for unit, _, _ in repeated}) >= FRONT_TEASERS:
            repeated = _one_side(parent, repeated)
        if len({id(unit) for unit, _, _ in repeated}) < FRONT_TEASERS \
                or len({text.casefold() for _, _, text in repeated}) < FRONT_TEASERS:
            continue  # one row holding a link among rows of text, or one link text in each ("Copy link"), is no list
        for unit, href, text in repeated:
            units.add(unit)
            targets.setdefault(href, text)
            if unit not in cards:
                cards[unit] = " ".join(unit.text_content().split())
    texts = "\n".join(t.casefold() for t in cards.values() if len(t) <= CARD_CHARS)
    return targets, texts, units


def _page_teasers(f: Fields) -> tuple[dict[str, str], str, set]:
    """:func:`_teasers` of the page of ``f``, read once per page."""
    return _teasers(f.page)


def _one_side(parent, repeated: list) -> list:
    """The repeated units ``repeated`` (``(unit, href, text)``, children of ``parent``) on the
    side of the sibling holding an ``<h1>`` that holds the most of them: rows before and after
    the headline's own row (a back link to the listing above it, "More press releases" below)
    are no one list. All of them when no sibling holds an ``<h1>`` (a front's list)."""
    head = next((i for i, child in enumerate(parent) if isinstance(child.tag, str) and (
        child.tag == "h1" or next(child.iter("h1"), None) is not None)), None)
    if head is None:
        return repeated
    at = {id(child): i for i, child in enumerate(parent)}
    before = [r for r in repeated if at.get(id(r[0]), head) < head]
    after = [r for r in repeated if at.get(id(r[0]), head) > head]
    return before if len({id(u) for u, _, _ in before}) > len({id(u) for u, _, _ in after}) else after


def _other_page(href: str, page: Page) -> bool:
    """``href`` leads to another page of the page's site: not an anchor of the page itself (a
    live ticker's link to its entry), nor another site, nor a script or mail link."""
    if href.startswith("#"):
        return False
    target = absolute(href, page.url)
    if target is None:
        return False
    target, here = urldefrag(target)[0], urldefrag(page.url)[0]
    return target.rstrip("/") != here.rstrip("/") and \
        site_of(urlsplit(target).hostname or "") == site_of(urlsplit(here).hostname or "")


def _shape(el) -> tuple:
    """An element's shape among its siblings: its tag and its first class (a Drupal 7 view's
    rows, ``views-row views-row-3 views-row-odd``, share ``views-row``)."""
    return el.tag, ((el.get("class") or "").split() or [None])[0]


_TABLE_CELLS = ("tr", "td", "th")
"""A table's rows and cells: data (a schedule, a list of meetings with their dates), never a
run of teaser units (:func:`_unit_of`)."""
UNIT_LEVELS = 4  # ancestors of a headline link searched for the repeated unit holding it
UNIT_EXTRA_CHARS = 10  # text beside the headline that makes a unit a teaser (a date, a description)


_SEPARATORS = " \t\n\r\xa0·•|–—-:,"


def _stands_alone(a) -> bool:
    """The link ``a`` is a line of its own, as a teaser's headline is: no text but separators
    right before or after it in its parent (a link inside a sentence of a list item is
    running text)."""
    before = a.getprevious()
    text = (before.tail if before is not None else a.getparent().text) or ""
    return not text.strip(_SEPARATORS) and not (a.tail or "").strip(_SEPARATORS)


_CARD_PARTS = ("h2", "h3", "h4", "h5", "h6", "p")


def _headline_chars(a, text: str) -> int:
    """The length of the headline the link ``a`` (its text folded: ``text``) prints: the text of
    its first heading or paragraph when it holds one (a card printed as one link: a headline over
    a description), else its whole text."""
    part = next(a.iter(*_CARD_PARTS), None)
    return len(" ".join(part.text_content().split())) if part is not None else len(text)


def _repeated_unit(a, link_chars: int, seen: dict):
    """The teaser unit holding the headline link ``a`` (its headline ``link_chars`` characters,
    :func:`_headline_chars`) outside any heading or ``<article>``: the link itself when it holds
    a heading or paragraph, or its nearest ancestor, within :data:`UNIT_LEVELS` levels and below
    the page's ``body`` and ``main``, of which the parent holds :data:`FRONT_TEASERS` children
    or more of its tag and first class (:func:`_shape`: an archive's ``<li>``, a Drupal view's
    ``div.views-row``; a table's linked rows too: a list printed as a table), when that ancestor holds
    :data:`UNIT_EXTRA_CHARS` characters of text or more beside the link, no paragraph told
    before the link (:func:`_told_before`) and, but for a link holding a heading or paragraph,
    a date (:func:`_dates_unit`; a bare list of links, a menu, is no list of teasers); ``None``
    otherwise. ``seen`` caches each parent's count of its children by shape. The caller
    (:func:`_teasers`) keeps units of a shape only when four of them hold such a link, with four
    link texts at least (a link printed alike in every entry, "Copy the link to this entry", is
    no headline)."""
    node = a
    card = next(a.iter(*_CARD_PARTS), None) is not None  # the link may be the unit itself
    for _ in range(UNIT_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "main", "html"):
            return None
        if node is not a or card:
            shapes = seen.get(parent)
            if shapes is None:
                shapes = seen[parent] = {}
                for child in parent:
                    if isinstance(child.tag, str):
                        shape = _shape(child)
                        shapes[shape] = shapes.get(shape, 0) + 1
            if shapes.get(_shape(node), 0) >= FRONT_TEASERS:
                text = " ".join(node.text_content().split())
                if len(text) < link_chars + UNIT_EXTRA_CHARS or _told_before(node, a):
                    return None
                return node if card or _dates_unit(node, a) else None
        node = parent
    return None


def _told_before(unit, a) -> bool:
    """The unit ``unit`` prints a paragraph of :data:`SENTENCE_CHARS` characters or more before
    its link ``a``: a round-up's own text, the link to the full story after it ("The week at
    the harbour", a day each), no teaser card (whose headline comes first)."""
    for el in unit.iter():
        if el is a:
            return False
        if el.tag == "p" and not any(x is el for x in a.iterancestors()) \
                and len(" ".join(el.text_content().split())) >= SENTENCE_CHARS:
            return True
    return False


_UNIT_DATE = re.compile(r"(?<!\d)\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:\d{4}|\d{2})(?!\d)|(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"
                        r"|(?<!\d)\d{1,2}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}(?!\d)"
                        r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}(?!\d)")
"""A date printed in a teaser unit: digits (``04.03.2025``, ``2025-03-04``) or a month's name
(``4. März 2025``, ``March 4, 2025``)."""


def _dates_unit(unit, a) -> bool:
    """The repeated unit ``unit`` dates its headline link ``a``: it holds a ``<time>`` or prints
    a date (:data:`_UNIT_DATE`) beside the link, as an archive's item or a news view's row does
    (a list of projects, each a link over its description, is an article's text)."""
    if next(unit.iter("time"), None) is not None:
        return True
    return _UNIT_DATE.search(unit.text_content().replace(a.text_content(), " ", 1)) is not None


RUN_UNITS = 4  # teaser units of one shape, each linking to another page, that make a run of a listing
RUN_LINK_CHARS = 15  # the shortest headline a run's unit links with (a tag page's "Floods, a year on")
RUN_LEVELS = 6  # ancestors of a headline link or a paragraph searched for the repeated unit holding it
UNIT_CHARS = 1000  # a run's median unit at most this long: teasers, not posts printed whole (a blog's home)
RUN_SHARE = 2.0  # the run's text at least this many times the page's own running text outside it
OWN_CHARS = 1000  # own running text outside the run this long is an article's
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_DIGITS = re.compile(r"\d+")


def _unit_shape(el) -> tuple:
    """An element's shape among its siblings, as :func:`_shape`, its first class's digits
    blanked: WordPress prints each post of an archive as ``<article class="post-123 post …">``."""
    tag, first = _shape(el)
    return tag, _DIGITS.sub("#", first) if first else first


def _in_heading(a) -> bool:
    """The link ``a`` is inside a heading (``h2``–``h6``), within three levels."""
    for i, p in enumerate(a.iterancestors()):
        if p.tag in _HEADING_TAGS:
            return True
        if i >= 2:
            return False
    return False


def _headline_link(a) -> bool:
    """The link ``a`` is a headline: inside a heading (:func:`_in_heading`), holding one or a
    paragraph (a card printed as one link), or a line of its own (:func:`_stands_alone`)."""
    return next(a.iter(*_CARD_PARTS), None) is not None or _in_heading(a) or _stands_alone(a)


def _unit_of(node, seen: dict):
    """The nearest of ``node`` and its ancestors, within :data:`RUN_LEVELS` levels and below
    the page's ``body`` and ``main``, whose parent holds :data:`RUN_UNITS` children or more of
    its shape (:func:`_unit_shape`), or ``None`` (and for a paragraph without a link among
    paragraphs: running text; for a table's row or cell: data). ``seen`` caches each parent's
    children of a tag and their count of a shape, and the answer for each element climbed
    through (the answer of the paragraphs of one block)."""
    path = []
    found = None
    for _ in range(RUN_LEVELS):
        if node in seen:
            found = seen[node]
            break
        path.append(node)
        parent = node.getparent()
        if parent is None or node.tag in ("body", "main", "html") or parent.tag == "html" or node.tag in _TABLE_CELLS:
            break
        same = seen.get((parent, node.tag))
        if same is None:
            same = seen[parent, node.tag] = list(parent.iterchildren(node.tag))
        if len(same) >= RUN_UNITS:
            if node.tag == "p" and node.find(".//a") is None:
                break  # a paragraph among paragraphs: running text
            shape = _unit_shape(node)
            count = seen.get((parent, shape))
            if count is None:
                count = seen[parent, shape] = sum(1 for child in same if _unit_shape(child) == shape)
            if count >= RUN_UNITS:
                found = node
                break
        node = parent
    for el in path:
        seen[el] = found
    return found


def _headline_of(unit):
    """The first headline link of the unit ``unit`` (:func:`_headline_link`, of
    :data:`RUN_LINK_CHARS` characters or more, to an address that is no anchor, script or mail
    link): ``(link, href, text folded)``, or ``None``."""
    for a in unit.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        text = " ".join(a.text_content().split())
        if len(text) >= RUN_LINK_CHARS and _headline_link(a):
            return a, href, text
    return None


def _runs(page: Page, starts) -> tuple[list, str, int]:
    """The runs of teaser units holding the elements ``starts`` (headline links, or the body's
    paragraphs), read by shape whatever the CMS: the unit of each (:func:`_unit_of`; an
    archive's ``<article>``, a search's result, a Drupal view's row, a Ghost post card, an
    agency's list item) with its first headline link (:func:`_headline_of`), at least
    :data:`RUN_UNITS` of one shape under one parent, each linking to a different other page of
    the site with its own link text (a "Copy link" printed in every entry is no headline), each
    printing a date or :data:`UNIT_EXTRA_CHARS` characters or more beside its link (an excerpt:
    a menu's bare links are no teasers), no paragraph told before it (:func:`_told_before`: a
    round-up's days) and, for a link that is no heading's and holds none, a date
    (:func:`_dates_unit`: projects presented as a link over a description are an article's);
    their median text :data:`UNIT_CHARS` characters at most (posts printed whole are a blog's
    home, read as its newest post). Returns ``(units, text, chars)``: the units, their texts
    folded without white space, ``\\n`` apart (a block's text joined without the page's line
    breaks is found in it), and their characters (white space folded)."""
    seen: dict = {}
    groups: dict = {}  # (parent, shape) -> {unit: (link, href, text)}
    for el in starts:
        unit = _unit_of(el, seen)
        if unit is None:
            continue
        key = (unit.getparent(), _unit_shape(unit))
        if unit in groups.get(key, ()):
            continue
        head = _headline_of(unit) if unit.find(".//a") is not None or unit.tag == "a" else None
        if head is not None:
            groups.setdefault(key, {})[unit] = head
    units, texts, chars = [], [], 0
    for found in groups.values():
        if len(found) < RUN_UNITS or len({h for _, h, _ in found.values()}) < RUN_UNITS \
                or len({t.casefold() for _, _, t in found.values()}) < RUN_UNITS:
            continue
        kept = []
        for unit, (a, href, text) in found.items():
            words = unit.text_content().split()
            dated = _dates_unit(unit, a)
            if len(" ".join(words)) < len(text) + UNIT_EXTRA_CHARS and not dated:
                continue
            if (dated or _in_heading(a) or next(a.iter(*_CARD_PARTS), None) is not None) \
                    and not _told_before(unit, a) and _other_page(href, page):
                kept.append((unit, words))
        sizes = sorted(len(" ".join(w)) for _, w in kept)
        if len(kept) < RUN_UNITS or sizes[len(kept) // 2] > UNIT_CHARS:
            continue
        units += [u for u, _ in kept]
        texts += ["".join(w).casefold() for _, w in kept]
        chars += sum(sizes)
    return units, "\n".join(texts), chars


def _link_starts(page: Page) -> list:
    """The page's links that may head a teaser unit: :data:`RUN_LINK_CHARS` characters or more
    of text, or a heading or paragraph inside."""
    return [a for a in page.elements("a") if a.get("href") and (
        next(a.iter(*_CARD_PARTS), None) is not None or len(a.text_content().strip()) >= RUN_LINK_CHARS)]


_LISTING_PATH = re.compile(r"/(?:tags?|categor(?:y|ies|ia|ie)|kategorie|author|autor|autore|auteur|search|recherche"
                           r"|ricerca|cerca|suche|buscar|busqueda|page)(?:/|$)"
                           r"|/(?:press(?:-releases?|room)?|pressemitteilungen|comunicati(?:-stampa)?|communiques(?:-de-presse)?"
                           r"|newsroom|archiv(?:e|io)?)/?$", re.I)
"""Address segments of a listing (tag, category, author, search pages, a later page; a list of
press releases, a press room, an archive as the address's last segment): evidence, not a verdict (an
article's slug may follow them)."""
_LISTING_QUERY = re.compile(r"(?:^|&)(?:keys|search_api_fulltext|texte|recherche|mots?|motcle|cerca|ricerca|testo"
                            r"|term|page|pagina|seite)=[^&]", re.I)
"""A search's or a later page's parameter (Drupal's ``keys``, French, Italian search fields,
``page=2``) beside :data:`_SEARCH_QUERY`'s."""
_LISTING_CLASS = frozenset({"archive", "search-results", "search", "tag-template", "author-template", "paged",
                            "page-taxonomy-term", "path-taxonomy"})
"""``<body>`` classes of listings: WordPress's archives and searches, Ghost's tag and author
templates, Drupal's taxonomy term pages (and ``page-view-…`` for a view's page)."""


def _address_lists(page: Page, query: re.Pattern, path: re.Pattern) -> bool:
    """The page's address holds a search's query (:data:`_SEARCH_QUERY`) or ``query`` in its
    query string, or ``path`` in its path."""
    address = urlsplit(page.url)
    return bool(address.query and (_SEARCH_QUERY.search(address.query) or query.search(address.query))
                or path.search(address.path))


def _listing_body(page: Page) -> bool:
    """The page's ``<body>`` has a listing's class (:data:`_LISTING_CLASS`, Drupal's
    ``page-view-…``)."""
    body = page.tree.find("body")
    classes = set((body.get("class") or "").split()) if body is not None else set()
    return bool(classes & _LISTING_CLASS) or any(c.startswith("page-view-") for c in classes)


def _listing_evidence(page: Page) -> bool:
    """The page says, weakly, it may list entries: a JSON-LD ``CollectionPage``,
    ``SearchResultsPage``, ``ProfilePage`` or ``ItemList`` anywhere in its graph (Yoast's, Rank
    Math's for an archive), ``og:type`` ``website`` or ``profile``, a ``rel=next`` or ``prev``
    link, a search's query or a listing's segment in its address (:data:`_SEARCH_QUERY`,
    :data:`_LISTING_QUERY`, :data:`_LISTING_PATH`), or a listing's ``<body>`` class
    (:data:`_LISTING_CLASS`)."""
    if any(ld_types(n) & FRONT_TYPES for n in page.jsonld):
        return True
    if (page.meta_first("og:type") or "").lower() in ("website", "profile"):
        return True
    if any("next" in rel or "prev" in rel for rel in ((el.get("rel") or "").lower().split()
                                                      for el in page.elements("link"))):
        return True
    return _address_lists(page, _LISTING_QUERY, _LISTING_PATH) or _listing_body(page)


def _run_listing(f: Fields) -> bool:
    """True when the page's main region is a run of teaser units (:func:`_runs`) and no article
    of its own: the units hold the body's paragraphs (the runs holding the generic body's
    blocks; when the generic extractor found no block and another reader gave the text, the
    runs of the page's headline links holding :data:`RUN_SHARE` times as much of it as the rest)
    or, on a page with a listing's evidence (:func:`_listing_evidence`), the runs of its
    headline links are the page's main text; either way the run's text is :data:`RUN_SHARE`
    times the page's running text outside it or more, that own text is shorter than
    :data:`OWN_CHARS`, and no headline outside the run dates its own text of
    :data:`BRIEF_CHARS` or more (an ``<h1>`` dated by :func:`_dated`, by its block only when
    the units hold the body: a brief over a "more news" grid)."""
    from .content import generic_body, paragraphs

    found, layer, _ = paragraphs(f)
    blocks = generic_body(f)[0].blocks if layer == "generic" else []
    if blocks:
        runs = _runs(f.page, _run_blocks(blocks))
        if _run_without_article(f, found, runs, meta=False):
            return True
        if not runs[0] and sum(map(len, found)) >= OWN_CHARS:
            return False  # a page's own text this long, none of it in teasers: an article's
    links = None
    if layer == "generic" and not blocks:  # the text another reader's: the runs holding it
        links = _link_runs(f)
        held = sum(len(p) for p in found if "".join(p.split()).casefold() in links[1])
        if held >= RUN_SHARE * (sum(map(len, found)) - held) and _run_without_article(f, found, links, meta=False):
            return True
    if not _listing_evidence(f.page):
        return False
    return _run_without_article(f, found, links or _link_runs(f), meta=True)


_PAGE_QUERY = re.compile(r"(?:^|&)(?:page|pagina|seite|start|p)=\d+(?:&|$)", re.I)
"""A later page of a list in the address's query (``?page=2``, Joomla's ``?start=10``)."""
_PAGE_PATH = re.compile(r"/(?:page|seite|pagina)/\d+/?$", re.I)
"""A later page of a list as the address's last segments (WordPress's ``/page/2/``)."""


def _strong_listing_evidence(page: Page) -> bool:
    """The page says, plainly, it lists entries: a top-level JSON-LD ``CollectionPage`` or
    ``SearchResultsPage`` (the page's own node, not one of a ``@graph``'s carousels), a
    search's query in its address (:data:`_SEARCH_QUERY`), a list's later page number
    (:data:`_PAGE_QUERY`, :data:`_PAGE_PATH`) or a listing's ``<body>`` class
    (:data:`_LISTING_CLASS`, ``page-view-…``). ``og:type`` ``website``, ``rel=next``/``prev``
    and an address's ``/category/`` or ``/author/`` are weak (:func:`_listing_evidence`): a
    gallery, a video, a story's later page and a permalink under its category print them."""
    if any(ld_types(n) & {"collectionpage", "searchresultspage"} for n in page.jsonld[:page.jsonld_top]):
        return True
    return _address_lists(page, _PAGE_QUERY, _PAGE_PATH) or _listing_body(page)


def _typed_by_markup(page: Page) -> bool:
    """The page's structured data types it one article: a JSON-LD article object of its own
    (:attr:`~newsbot.extraction.page.Page.article_entity`), or microdata of an article type on
    fewer than :data:`RUN_UNITS` items that are no teasers (a list view types each entry so)."""
    if page.article_entity:
        return True
    from .page import ARTICLE_TYPES, _teaser_item

    items = [el for el in page.tree.iter(etree.Element)
             if (el.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].casefold() in ARTICLE_TYPES]
    return 0 < len(items) < RUN_UNITS and not all(_teaser_item(el) for el in items)


def _link_runs(f: Fields) -> tuple[list, str, int]:
    """The runs of the page's headline links (:func:`_runs` of :func:`_link_starts`), once."""
    return f.once("link_runs", lambda f: _runs(f.page, _link_starts(f.page)))


def _run_beats_type(f: Fields) -> bool:
    """A run of teaser units (:func:`_run_listing`) makes the page a listing over what it says
    it is: always on a page that says nothing; never when a headline outside the run is dated
    by its block (:func:`_dated`); on a page whose structured data types it an article
    (:func:`_typed_by_markup`), only with a listing's strong evidence
    (:func:`_strong_listing_evidence`) and no date of its own (a date meta tag, JSON-LD
    ``datePublished``); on one only its ``og:type`` ``article`` types (a theme may print it on
    every page), with a listing's evidence (:func:`_listing_evidence`) or, when it has no such
    date, an own running text under :data:`BRIEF_CHARS` characters outside the run."""
    page = f.page
    if not page.is_article_typed:
        return True
    h1 = _headline(page)
    units, text, _ = _link_runs(f)
    if h1 is not None and not any(p in set(units) for p in h1.iterancestors()) \
            and _dated(f, h1, frozenset(units), meta=False):
        return False
    dated = page.meta_first(*DATE_META) or any(n.get("datePublished") for n in page.jsonld)
    if _typed_by_markup(page):
        return not dated and _strong_listing_evidence(page)
    if _listing_evidence(page):
        return True
    from .content import paragraphs

    if dated:  # og:type article and a publication date of its own: a story, however short
        return False
    own = sum(len(p) for p in paragraphs(f)[0] if "".join(p.split()).casefold() not in text)
    return own < BRIEF_CHARS


def _run_blocks(blocks: list):
    """The elements of the body's blocks ``blocks`` (:class:`~newsbot.extraction.generic.blocks.Block`)
    up to the point where those read as running text, paragraphs among paragraphs without a
    link, hold :data:`OWN_CHARS` characters: a text that long outside teasers is an article's,
    the rest of its blocks not read."""
    own = 0
    for block in blocks:
        el = block.element
        yield el
        parent = el.getparent()
        if el.tag == "p" and block.links == 0 and parent is not None and len(parent.findall("p")) >= RUN_UNITS:
            own += len(block.text)
            if own >= OWN_CHARS:
                return


def _run_without_article(f: Fields, found: list[str], runs: tuple, meta: bool) -> bool:
    """The runs ``runs`` (:func:`_runs`) outweigh the paragraphs ``found`` outside them by
    :data:`RUN_SHARE`, those are under :data:`OWN_CHARS` and no ``<h1>`` outside the units dates
    :data:`BRIEF_CHARS` of them (:func:`_dated`, page-wide dates too when ``meta``)."""
    units, text, chars = runs
    if not units:
        return False
    own_chars = sum(len(p) for p in found if "".join(p.split()).casefold() not in text)
    if own_chars >= OWN_CHARS or chars < RUN_SHARE * own_chars:
        return False
    if own_chars >= BRIEF_CHARS:
        h1 = _headline(f.page)
        inside = set(units)
        if h1 is not None and not any(p in inside for p in h1.iterancestors()) and _dated(f, h1, inside, meta=meta):
            return False
    return True

def _reads_as_teasers(found: list[str], teasers: dict[str, str], cards: str = "") -> bool:
    """True when the page lists :data:`FRONT_TEASERS` headline links or more and its running
    text is made of them: at least two of its paragraphs are teaser headlines (an article with
    a "related stories" box keeps its own text apart from those headlines), or
    :data:`CARD_SHARE` or more of its characters are the text of teaser cards (``cards``, from
    :func:`_teasers`: a list of headlines with their descriptions whose links the body left out)."""
    if len(teasers) < FRONT_TEASERS:
        return False
    headlines = {t.casefold() for t in teasers.values()}
    if sum(1 for p in found if " ".join(p.split()).casefold() in headlines) >= 2:
        return True
    if not cards:
        return False
    total = sum(map(len, found))
    in_cards = sum(len(p) for p in found if " ".join(p.split()).casefold() in cards)
    return in_cards >= CARD_SHARE * total


def _reads_as_links(found: list[str], page: Page) -> bool:
    """True when :data:`FRONT_TEASERS` paragraphs or more of the running text ``found`` are each
    the whole text of a link on the page (a list item's ``- `` aside), and they hold
    :data:`LINKED_SHARE` or more of its characters."""
    links = {" ".join(a.text_content().split()).casefold() for a in page.elements("a")}
    linked = [p for p in found if " ".join(p.removeprefix("- ").split()).casefold() in links]
    return len(linked) >= FRONT_TEASERS and sum(map(len, linked)) >= LINKED_SHARE * sum(map(len, found))


_LISTING_BODY = frozenset({"archive", "search-results", "search-no-results"})
"""WordPress's ``body_class`` of a listing: an archive and search results; a post or page is
``single`` / ``page`` instead (developer.wordpress.org, body_class). ``blog``, the posts index,
is left out: a blog's home page prints its posts whole."""
_ARCHIVE_KIND = re.compile(r"category|tag|date|author|post-type-archive|tax-[\w-]+")
"""The class WordPress prints with ``archive`` naming the archive's kind (category, tag, date,
author, a post type's, a taxonomy's): with it, ``archive`` is WordPress's and no site's own
name for an old article."""
_SINGLE_BODY = frozenset({"single", "singular", "single-post", "page"})
_LISTING_BOX = ("news-list-view", "search-results", "search-result-list", "searchresults", "search-results-list",
                "com-content-category-blog", "com-content-featured", "com-content-category", "com-tags-tag")
"""Class names of a container of listed entries: TYPO3 tx_news's list view, a search page's
results, Joomla's (4 and later) category blog, category list, featured articles and tag
page."""
_LISTING_BOX_WORDS = ("news-list-view", "search-result", "searchresults", "com-content-", "com-tags-")
"""Words one of which every class name of :data:`_LISTING_BOX` holds: a page whose names
(:attr:`~newsbot.extraction.page.Page.names`) hold none has no listing container, and its tree
is not searched for one."""
_LISTING_BOX_XPATH = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in _LISTING_BOX)
_LISTING_BOXES = etree.XPath(f"/descendant::*[{_LISTING_BOX_XPATH}]")
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:(?:s|query|search|searchword|keywords?|suchbegriff|haku)=[^&]"
                           r"|q=[^&/]+(?:&|$))", re.I)
"""A search's query in the address (``?s=`` WordPress, ``?q=``, ``?searchword=`` Joomla); a
``q`` holding a path is none (Drupal without clean URLs addresses a node ``?q=node/4512``)."""
_ARCHIVE_PATH = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?/?(?:page/\d+/?)?$")
"""A month's or day's archive address (``/2025/03/``, ``/2025/03/12/``, ``/2025/03/page/2/``),
as WordPress and most blog engines print it; an article's adds its slug after the day."""
LISTING_TEASERS = 2  # headline links that make a page its markup calls a listing a list of stories


_JOOMLA_LISTING = frozenset({"view-category", "view-featured", "view-archive", "view-tag"})
"""Joomla's ``<body>`` classes (with ``com_content`` or ``com_tags``) of a list of articles: a
category's blog or list, the featured articles' front, the archive, a tag's page; an article
is ``view-article``."""


_DRUPAL_TERM = frozenset({"page-taxonomy-term", "path-taxonomy"})
"""Drupal's ``<body>`` classes of a taxonomy term's page (``/taxonomy/term/17``), the view of
the term's content: Drupal 7's ``page-taxonomy-term``, Drupal 8 and later themes'
``path-taxonomy``."""


def _cms_listing(classes: set) -> bool:
    """The ``<body>`` classes ``classes`` are a CMS's for a listing: WordPress's
    (:func:`_wordpress_listing`), Joomla's (:data:`_JOOMLA_LISTING` with its component's
    class, ``com_content view-category layout-blog``) or Drupal's term page
    (:data:`_DRUPAL_TERM`)."""
    if classes & {"com_content", "com_tags"} and classes & _JOOMLA_LISTING or classes & _DRUPAL_TERM:
        return True
    return _wordpress_listing(classes)


_ARCHIVE_PAGED = re.compile(r"(?:category|tag|date|author|search|post-type-archive)-paged-\d+")
"""The class WordPress prints on an archive's or a search's later page (``tag-paged-2``, with
``paged paged-2``); a post's later page is ``single-paged-2``, a page's ``page-paged-2``."""


def _wordpress_listing(classes: set) -> bool:
    """The ``<body>`` classes ``classes`` are WordPress's for a listing: search results, or an
    archive with its kind (:data:`_ARCHIVE_KIND`), or an archive's later page
    (:data:`_ARCHIVE_PAGED`), and no post's or page's class."""
    if classes & _SINGLE_BODY:
        return False
    if any(_ARCHIVE_PAGED.fullmatch(c) for c in classes):
        return True
    if not classes & _LISTING_BODY:
        return False
    return "archive" not in classes or bool(classes & {"search-results", "search-no-results"}) \
        or any(_ARCHIVE_KIND.fullmatch(c) for c in classes)


def _listing(f: Fields) -> bool:
    """True when the page's markup or address says it lists entries and its running text is
    the list: :data:`LISTING_TEASERS` headline links or more (:func:`_teasers`) and, for a
    listing container (:data:`_LISTING_BOX`: TYPO3's ``news-list-view``, ``search-results``),
    :data:`CARD_SHARE` or more of the running text and two of those links printed in it (no
    container on a page typed an article printing its own headline outside them:
    :func:`_own_article_beside`), for a
    search's address (:data:`_SEARCH_QUERY`: ``?s=satama``) or a listing's later page
    (:func:`_later_listing_page`: ``/tag/x/page/2/``) that share printed in the teasers' cards (an article with a "latest news" list view below it, or reached with a query in its
    address, keeps its own text); a WordPress body of an archive or search results, a Joomla
    body of a category's blog (:func:`_cms_listing`; an archive's later page, ``tag-paged-2``),
    is one whatever its text, and so with fewer headline links when
    :data:`LISTING_TEASERS` dated entries list them (:func:`_listed_entries`: a Drupal term's
    three view rows), as is a page whose headline labels a front (:func:`_labelled_front`:
    ``Žyma: uostas``) over such entries; an archive's address
    (:data:`_ARCHIVE_PATH`) needs :data:`FRONT_TEASERS` headline links, each dated in its card
    (a ``<time>`` or a printed date: a month's posts printed whole). The markup and address
    are read first: a page without them is no listing here, its links not walked."""
    from .content import paragraphs

    page = f.page
    body = page.tree.find("body")
    cms = body is not None and _cms_listing(set((body.get("class") or "").split()))
    boxes = _LISTING_BOXES(page.tree) if any(w in page.names for w in _LISTING_BOX_WORDS) else []
    if boxes and _own_article_beside(page, boxes):
        boxes = []  # an article with a list view of more news below it
    address = urlsplit(page.url)
    searched = bool(address.query and _SEARCH_QUERY.search(address.query)) or _later_listing_page(address.path)
    archive = _ARCHIVE_PATH.search(address.path) is not None
    labelled = not cms and _labelled_front(page)
    if not (cms or labelled or boxes or searched or archive):
        return _event_listing(f)
    teasers, cards, _ = f.once("teasers", _page_teasers)
    if cms or labelled:
        if cms and len(teasers) >= LISTING_TEASERS:
            return True
        if _listed_entries(page) >= (LABELLED_ENTRIES if labelled and not cms else LISTING_TEASERS):
            return True
    if len(teasers) < LISTING_TEASERS:
        return False
    found = paragraphs(f)[0]
    total = sum(map(len, found))
    texts = [("".join(box.text_content().split()).casefold(), True) for box in boxes]  # a block's lines joined
    if searched:
        texts.append(("\n".join("".join(card.split()) for card in cards.split("\n")), False))
    for box, counted in texts:
        listed = sum(len(p) for p in found if "".join(p.removeprefix("- ").split()).casefold() in box)
        if total and listed >= CARD_SHARE * total \
                and (not counted or sum(1 for t in teasers.values() if "".join(t.split()).casefold() in box) >= LISTING_TEASERS):
            return True
    return archive and _dated_teasers(page, teasers) >= FRONT_TEASERS


LABEL_NAME_WORDS = 3  # the most words of a front's name after its label ("Tag: harbour works")
LABELLED_ENTRIES = 3  # dated entries under a labelled headline that make its page a front
_SENTENCE_MARK = re.compile(r"[,.;!?…\"“”„«»]")
"""A mark of a sentence or a quotation: a kicker's headline prints one (``Tag: you're it,
mayor``), a front's name after its label none."""


def _labelled_front(page: Page) -> bool:
    """The page's headline (:func:`_headline`) is a front's label and name: a word of the
    vocabulary's ``listing_label`` (a tag's, category's, author's or archive's: ``Tag:``,
    ``Kategorie:``, ``Žyma:``, ``Archives:``) and its colon opening it, then
    :data:`LABEL_NAME_WORDS` words at most, no mark of a sentence (:data:`_SENTENCE_MARK`: a
    kicker's headline, ``Archive: the city's lost records``, ``Autorin: Die Schriftstellerin,
    die zurückkam``, is an article's); and no structured data types the page an article
    (:attr:`~newsbot.extraction.page.Page.is_article_typed`). Evidence: :func:`_listing`
    wants :data:`LABELLED_ENTRIES` dated entries too (an article headlined ``Archief:
    bouwtekeningen komen online`` over a view of two news items is none)."""
    if page.is_article_typed:
        return False
    h1 = _headline(page)
    if h1 is None:
        return False
    text = " ".join(h1.text_content().split())
    m = pattern("listing_label").match(text)
    if m is None:
        return False
    name = text[m.end() - 1:]
    return len(name.split()) <= LABEL_NAME_WORDS and not _SENTENCE_MARK.search(name)


def _listed_entries(page: Page) -> int:
    """How many dated entries list the page's headline links: a link of :data:`RUN_LINK_CHARS`
    characters or more that is a headline (:func:`_headline_link`) to another page of the site,
    held by its nearest ancestor, within :data:`UNIT_LEVELS` levels below ``body`` and
    ``main``, repeated :data:`LISTING_TEASERS` times or more under its parent (:func:`_shape`)
    that dates it (:func:`_dates_unit`: a Drupal view's row with its created date, a tag page's
    item; ``<main>`` may hold the entries itself), in the page's main content: none in an aside,
    a footer or a box of related stories (:func:`~newsbot.extraction.values.in_aside`,
    :func:`~newsbot.extraction.values.in_related`: an article's "more from" list). Read only on
    a page its markup calls a listing."""
    counts: dict = {}
    units = set()
    for a in page.elements("a"):
        href = a.get("href")
        if not href or len(" ".join(a.text_content().split())) < RUN_LINK_CHARS or not _headline_link(a) \
                or not _other_page(href, page) or in_aside(a) or in_related(a):
            continue
        node = a
        for _ in range(UNIT_LEVELS):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            if node is not a:
                shapes = counts.get(parent)
                if shapes is None:
                    shapes = counts[parent] = {}
                    for child in parent:
                        if isinstance(child.tag, str):
                            shapes[_shape(child)] = shapes.get(_shape(child), 0) + 1
                if shapes.get(_shape(node), 0) >= LISTING_TEASERS and _dates_unit(node, a):
                    units.add(node)
                    break
            if parent.tag == "main":
                break
            node = parent
    return len(units)


_DAY_BADGE = re.compile(r"\s*(?:0?[1-9]|[12]\d|3[01])(?:\.?\s*([^\W\d_]{3,12})\.?|\.(?:0?[1-9]|1[0-2])\.)\s*$")
"""An agenda's day badge as an element's whole text, no year: a day and a word
(``18 apr``, ``14<span>mai</span>``, ``2. März``: :func:`_day_badge` wants it a month's name),
or a day and month in digits, each closed by a dot (``8.12.``)."""
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


@functools.lru_cache(maxsize=64)
def _month_words(language: str) -> frozenset[str]:
    """The month names and abbreviations, case-folded without a closing dot, of ``language``
    (a primary subtag) and English, by dateparser's table of each language's names (the date
    parser's)."""
    from dateparser.languages.loader import default_loader

    words = set()
    for code in dict.fromkeys((language, "en")):
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):
            continue
        for name in _MONTHS:
            words.update(w.casefold().rstrip(".") for w in info.get(name, []))
    return frozenset(words)


def _day_badge(text: str, language: str) -> bool:
    """``text`` is an agenda's day badge (:data:`_DAY_BADGE`): its word a month's name or
    abbreviation in the page's ``language`` or English (:func:`_month_words`; ``17 Uhr``,
    ``12 comments`` are none), or a day and month in digits (``8.12.``)."""
    m = _DAY_BADGE.match(text)
    return m is not None and (m.group(1) is None or m.group(1).casefold() in _month_words(language))
EVENT_ITEMS = 3  # dated events, each under its heading, that make a list of events
_EVENT_HEADINGS = ("h2", "h3", "h4")


def _names_events(el) -> bool:
    """``el``'s class or id names events as the date fields read it
    (:func:`~newsbot.extraction.date_fields._token_names_event`: ``events-list``,
    ``veranstaltungen``, ``agenda``, ``eventi-box``)."""
    return any(_token_names_event(token) for token in f"{el.get('class') or ''} {el.get('id') or ''}".split())


def _event_listing(f: Fields) -> bool:
    """The page is a list of events (an agenda): a box holding the generic body's blocks (its
    headings when another reader gave the text), within :data:`RUN_LEVELS` levels, whose class
    or id names events (:func:`_names_events`), holds :data:`EVENT_ITEMS` children or more of one shape
    (:func:`_shape`) each holding a heading (``h2``–``h4``) and a date (a ``<time>``, a printed
    date, :data:`_UNIT_DATE`, or a day badge outside the heading, :func:`_day_badge`), and their text holds :data:`CARD_SHARE` or more of the page's
    running text. An event's own page, its date under its headline, has no such box; an
    article beside an agenda's box keeps its own text longer than the box's; a page typed an
    article (:attr:`~newsbot.extraction.page.Page.is_article_typed`) with its own date (a date
    meta tag, JSON-LD's ``datePublished``) is one, a round-up of events."""
    from .content import generic_body, paragraphs

    page = f.page
    if page.is_article_typed and (page.meta_first(*DATE_META) or any(n.get("datePublished") for n in page.jsonld)):
        return False  # an article's round-up of events, typed so with its own date, stays an article
    found, layer, _ = paragraphs(f)
    blocks = generic_body(f)[0].blocks if layer == "generic" else []
    starts = [b.element for b in blocks] if blocks else f.page.tree.iter(*_EVENT_HEADINGS)
    boxes, seen = [], set()
    for start in starts:  # the boxes holding the body's blocks (else the headings), not the whole tree
        for level, el in enumerate(start.iterancestors()):
            if level >= RUN_LEVELS or el.tag in ("body", "html", "main") or el in seen:
                break
            seen.add(el)
            if len(el) >= EVENT_ITEMS and el.tag != "article" and _names_events(el):
                boxes.append(el)
    if not boxes:
        return False
    total = sum(len("".join(p.split())) for p in found)
    for box in boxes:
        shapes: dict = {}
        for child in box:
            if isinstance(child.tag, str) and next(child.iter(*_EVENT_HEADINGS), None) is not None \
                    and (next(child.iter("time"), None) is not None or _UNIT_DATE.search(child.text_content())
                         or any(_day_badge(el.text_content(), page.declared_language) for el in child.iter(etree.Element)
                                if el.tag not in _EVENT_HEADINGS)):
                shapes.setdefault(_shape(child), []).append(child)
        for items in shapes.values():
            if len(items) >= EVENT_ITEMS and total \
                    and sum(len("".join(el.text_content().split())) for el in items) >= CARD_SHARE * total:
                return True
    return False


def _later_listing_page(path: str) -> bool:
    """The address's path ``path`` is a listing's later page: a page number as its last segments
    (:data:`_PAGE_PATH`, ``/page/2/``) under a listing's segment (:data:`_LISTING_PATH`:
    ``/tag/radfahren/page/2/``, ``/category/news/page/3/``)."""
    m = _PAGE_PATH.search(path)
    return m is not None and _LISTING_PATH.search(path[:m.start()] + "/") is not None


def _own_article_beside(page: Page, boxes: list) -> bool:
    """The page says it is an article (:attr:`~newsbot.extraction.page.Page.is_article_typed`:
    JSON-LD, microdata whose headline is no link, ``og:type``) and prints its own headline, an
    ``<h1>`` that is no link, outside the listing boxes ``boxes``: the list (TYPO3's
    ``news-list-view`` of more news under a story) is no page's main content then."""
    if not page.is_article_typed:
        return False
    for h1 in page.tree.iter("h1"):
        if h1.find(".//a") is not None or next(h1.iterancestors("a"), None) is not None:
            continue
        return not any(box is h1 or box in set(h1.iterancestors()) for box in boxes)
    return False


def _dated_teasers(page: Page, teasers: dict[str, str]) -> int:
    """How many of the headline links ``teasers`` print a date in their card: the ``<article>``
    holding the link, else its heading's parent, holding a ``<time>`` or a date
    (:data:`_UNIT_DATE`)."""
    dated = set()
    for a in page.elements("a"):
        href = a.get("href")
        if href not in teasers or href in dated:
            continue
        card = next(a.iterancestors("article"), None)
        if card is None:
            heading = next(a.iterancestors("h2", "h3", "h4"), None)
            card = heading.getparent() if heading is not None else None
        if card is not None and (next(card.iter("time"), None) is not None or _UNIT_DATE.search(card.text_content())):
            dated.add(href)
    return len(dated)


MEDIA_TYPES = frozenset({"videoobject", "audioobject", "podcastepisode", "radioepisode", "tvepisode", "episode",
                         "clip", "videogallery", "musicrecording"})
"""schema.org types of a page's media object: a video's, a sound's, an episode's of a podcast or
a programme (https://schema.org/MediaObject, https://schema.org/Episode)."""
_MEDIA_NAME = re.compile(r"(?:(?:page|single)[-_]+)?(?:videos?|podcasts?|episodes?|vod)"
                         r"(?:[-_]+(?:page|title|detail|details|episode|single|main))?", re.I)
"""A class or id word, whole, of a video's or podcast's page container or headline:
``video-page``, ``video-title``, ``podcast-episode``, ``podcast``; not a block's part
(``video-article__header``) nor a WordPress post's ``format-video``, ``tag-video``."""
MEDIA_SIGNALS = 2  # signals of a media page that make one, its structured type among them
MEDIA_UNTYPED_SIGNALS = 3  # signals that make a page no structured data types a media page
_META_SEPARATOR = re.compile(r"\s*[·|•∙]\s*")
"""The separator of a meta line's items (``12 de marzo de 2026 · 38 min``)."""


@functools.cache
def _duration_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A media's length as a meta line's item prints it: ``(alone, labelled, reading)``:
    ``alone`` a length in minutes as the item's whole text (``38 min``, ``31 minutter``: a
    number and the vocabulary's ``reading_time`` unit; not a clock's ``09:14:33``); ``labelled`` a length after a word of the vocabulary's ``duration_label``
    (``Kesto 4 min``, ``Duur 2:48``); ``reading`` a reading time's words (``min read``,
    ``Lesezeit``, ``Lectura:``) that make a line's minutes no media's length."""
    from .vocabulary import phrases

    unit = "|".join(phrases("reading_time", "unit"))
    reading = "|".join((*phrases("reading_time", "after_minutes"), *phrases("reading_time", "label"),
                        *phrases("reading_time", "short_label")))
    label = "|".join(phrases("duration_label"))
    minutes = rf"\d{{1,3}}\s?(?:{unit})\.?"
    return (re.compile(rf"{minutes}$", re.I),
            re.compile(rf"(?:{label})\s*:?\s*(?:{minutes}|(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}})$", re.I),
            re.compile(rf"(?<![^\W\d_])(?:{reading})(?![^\W\d_])", re.I))


def _media_length(line: str) -> bool:
    """The meta line ``line`` prints a media's length (:func:`_duration_patterns`): an item
    of it (:data:`_META_SEPARATOR`) a duration word's length (``Kesto 4 min · Julkaistu
    8.2.2026``), or a length alone beside other items (``12 de marzo de 2026 · 38 min``); no
    reading time's words in it. A relative time (``25 min ago``, ``vor 40 Minuten``), a
    match's minute alone on its line (``90 min``), a clock time are none."""
    alone, labelled, reading = _duration_patterns()
    if len(line) > DATELINE_CHARS or reading.search(line):
        return False
    items = [i for i in _META_SEPARATOR.split(line.strip()) if i]
    return any(labelled.match(i) for i in items) or (len(items) > 1 and any(alone.match(i) for i in items))


def _media_typed(page: Page, h1) -> bool:
    """The page's structured data type it a video's or a sound's: ``og:type`` ``video.*`` or
    ``music.*`` (https://ogp.me/#types), or a top-level JSON-LD node of :data:`MEDIA_TYPES`
    naming the page's headline ``h1`` (its ``name`` or ``headline``: an article's embedded
    clip, named for itself, types no page)."""
    og = (page.meta_first("og:type") or "").lower()
    if og.startswith(("video.", "music.")):
        return True
    if h1 is None:
        return False
    title = " ".join(h1.text_content().split()).casefold()
    for node in page.jsonld[:page.jsonld_top]:
        if ld_types(node) & MEDIA_TYPES:
            names = [node.get(k) for k in ("name", "headline")]
            if any(isinstance(n, str) and " ".join(n.split()).casefold() == title for n in names):
                return True
    return False


def _bare_player(el) -> bool:
    """``el`` is a ``<video>`` or ``<audio>`` player, or a box holding one, outside a paragraph,
    that prints no text (a "listen to this article" label beside a text-to-speech player, a
    caption, make it an article's)."""
    if not isinstance(el.tag, str) or el.tag == "p":
        return False
    player = el if el.tag in ("video", "audio") else next(el.iter("video", "audio"), None)
    if player is None or any(a.tag == "p" for a in player.iterancestors()):
        return False
    return not el.text_content().strip()


def _media_signals(f: Fields, h1) -> tuple[bool, int]:
    """``(typed, others)``: whether the page's structured data types it a video's or a sound's
    (:func:`_media_typed`), and how many other signals say it is one: a container named for
    one (:data:`_MEDIA_NAME`: the ``<main>``, the headline ``h1`` or its own block, never an
    outer ancestor's); a length printed in the headline's meta line (:func:`_media_length`, the
    two elements after the headline or the one before it, or after its block); a bare player
    (:func:`_bare_player`) right before or after the headline or its meta line, or after its
    block; and an episode's number and colon opening the headline (vocabulary
    ``episode_word``: ``Afsnit 18: …``), counted only beside another signal (a review's or a
    series' headline numbers an episode too)."""
    page = f.page
    typed = _media_typed(page, h1)
    if h1 is None:
        return typed, 0
    parent = h1.getparent()
    boxes = [h1, *([parent] if parent is not None and parent.tag not in ("body", "html") else []),
             *(a for a in h1.iterancestors("main"))]
    others = int(any(_MEDIA_NAME.fullmatch(word) for el in boxes
                     for word in f"{el.get('class') or ''} {el.get('id') or ''}".split()))
    near = [*list(h1.itersiblings(preceding=True))[:1], *list(h1.itersiblings())[:2]]
    if parent is not None and parent.tag not in ("body", "html", "main", "article") \
            and not any(isinstance(c.tag, str) and c.tag == "p" and len(c.text_content()) > DATELINE_CHARS
                        for c in parent):
        near += list(parent.itersiblings())[:2]  # after the headline's block (a header of the headline and its meta)
    near = [el for el in near if isinstance(el.tag, str)]
    others += any(_media_length(" ".join(el.text_content().split())) for el in near)
    others += any(_bare_player(el) for el in near)
    if others and pattern("episode_word").match(" ".join(h1.text_content().split())):
        others += 1
    return typed, others


def _media_page(f: Fields, h1, chars: int) -> bool:
    """The page is a video's or a podcast's (no record: the README's convention): no
    structured data types it an article (the caller reads that first, and an
    ``article:published_time`` meta tag), its own running text of ``chars`` characters is under
    :data:`LONG_TEXT`'s (a description, show notes: a longer text reads as an article's, a
    player plugin's ``VideoObject`` over it none), and :data:`MEDIA_SIGNALS` signals
    (:func:`_media_signals`) say so, its media type among them, else
    :data:`MEDIA_UNTYPED_SIGNALS` others. An article with a video over its text, a
    "listen to this article" player, a theme's reading time beside a clock's icon, a recipe's
    ``Dauer: 45 Min.`` over a clip, has two signals at most and no media type."""
    if chars >= LONG_TEXT[1]:
        return False
    typed, others = _media_signals(f, h1)
    return typed + others >= MEDIA_SIGNALS if typed else others >= MEDIA_UNTYPED_SIGNALS


OTHER_TYPES = frozenset({"jobposting", "festival", "eventseries"})
"""schema.org types of a page's own thing that no article is (with every type ending in ``Event``,
https://schema.org/Event): a job's advertisement (https://schema.org/JobPosting, an offer to
apply), an event (an agenda's entry). A product's, a place's or a recipe's page is none: its
prose describes its thing as an article's does, and a paper prints a recipe as an article."""


def _other_type(node: dict) -> bool:
    """The JSON-LD object ``node`` is of a type no article is (:data:`OTHER_TYPES`, an event's)."""
    return any(t in OTHER_TYPES or t.endswith("event") for t in ld_types(node))


def _typed_other(f: Fields) -> bool:
    """The page's structured data types it a thing no article is: a top-level JSON-LD object of
    :func:`_other_type` (``JobPosting``, ``Event``, ``MusicEvent``…) names its headline (its
    ``name``, ``headline`` or ``title`` is the ``<h1>``'s text or the record's title), no
    JSON-LD or microdata types it an article (:func:`_typed_by_markup`: a report on a concert
    whose ``@graph`` holds the concert's ``Event`` stays an article), and the page has no
    article's evidence of its own (:func:`_reports_on`: a festival's report, a play's review,
    a match's report typed by their event). An ``og:type`` ``article`` (a CMS's default for
    every page) is no such type."""
    page = f.page
    nodes = [n for n in page.jsonld[:page.jsonld_top] if _other_type(n)]
    if not nodes or _typed_by_markup(page):
        return False
    h1 = _headline(page)
    heads = {" ".join(t.split()).casefold() for t in (h1.text_content() if h1 is not None else "", f["title"] or "")}
    heads.discard("")
    named = [n for n in nodes for k in ("name", "headline", "title")
             if isinstance(n.get(k), str) and " ".join(n[k].split()).casefold() in heads]
    return bool(named) and not _reports_on(page, h1, events=not any("jobposting" in ld_types(n) for n in named))


def _reports_on(page: Page, h1, events: bool) -> bool:
    """A page typed by a thing no article is reports on it: a byline signs its headline ``h1``
    (:func:`_signed` without a publication's label: a job advertisement prints when it was
    posted); for ``events`` (no ``JobPosting`` among the things named) also an
    ``article:published_time`` meta tag, a day in the address (:func:`_dated_path`) or a
    publication line beside the headline. Events reported on are everyday news; an event's
    own page prints its day, no byline."""
    if events and (page.meta_first("article:published_time") or _dated_path(urlsplit(page.url).path)):
        return True
    return h1 is not None and _signed(page, h1, labels=events)


DATA_ROWS = 4  # rows of a table, each of DATA_CELLS cells or more, that make a data table
DATA_CELLS = 3
DATA_CELL_CHARS = 40  # the longest cell of a data table: a figure, a day, a name, no text


def _data_table(head) -> bool:
    """The headline ``head``'s region prints a data table: a ``<table>`` in its parent, or its
    grandparent but ``<body>`` (the headline's block and the content beside it), outside an
    aside or a related box, whose own rows (not a nested table's) are :data:`DATA_ROWS` or more
    of :data:`DATA_CELLS` cells or more, none over :data:`DATA_CELL_CHARS` characters (a
    forecast, results, a league's standings; a layout table's cells hold the text)."""
    region = head
    for _ in range(2):
        up = region.getparent()
        if up is None or up.tag in ("body", "html"):
            break
        region = up
    if region is head:
        return False
    for table in region.iter("table"):
        rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
        if len(rows) < DATA_ROWS or in_aside(table) or in_related(table):
            continue
        cells = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in rows]
        if sum(len(r) >= DATA_CELLS for r in cells) >= DATA_ROWS \
                and all(len(c.text_content().strip()) <= DATA_CELL_CHARS for r in cells for c in r):
            return True
    return False


REASON_TEXT = {
    "url": "its address is a listing's, a video's or a podcast's",
    "listing": "a listing: an archive, a tag's, an author's or a search's page, a section front",
    "teaser_run": "a run of other stories' teasers",
    "media": "a video's or a podcast's page",
    "front_typed": "a front, its structured data says",
    "front": "a front: a list of stories",
    "typed_other": "its structured data names a thing no article is: a job advertised, an event",
    "data_table": "a data table beside little text of its own (a forecast, results)",
    "no_evidence": "no article markup, under 3 paragraphs of text",
}
"""Each non-article reason of :func:`page_kind`, as a reader's words (the error of
``newsbot extract``)."""


def page_kind(f: Fields) -> tuple[bool, str]:
    """``(is_article, reason)`` of the page of ``f`` by the rules of the module docstring.
    Reasons: ``url`` (the crawl knows the URL is no article), ``listing``, ``teaser_run``,
    ``typed_other`` (:func:`_typed_other`), ``typed``, ``media`` (a video's or podcast's page,
    :func:`_media_page`), ``published_meta``, ``front_typed``, ``data_table``
    (:func:`_data_table`), ``dated_headline``, ``front``, ``signed_headline`` (:func:`_signed`),
    ``long_text``, ``no_evidence``. The headline dated is the first ``<h1>`` that is no link, else
    a table layout's bold headline line the title was read from (signed: any heading so read)."""
    from .content import headline, paragraphs

    page = f.page
    if f.non_article:
        return False, "url"
    if _listing(f):
        return False, "listing"
    if _run_listing(f) and _run_beats_type(f):
        return False, "teaser_run"
    if _typed_other(f):
        return False, "typed_other"
    if page.is_article_typed:
        return True, "typed"
    found = paragraphs(f)[0]
    chars = sum(map(len, found))
    h1 = _headline(page)
    if page.meta_first("article:published_time"):
        return True, "published_meta"
    if _media_page(f, h1, chars):
        return False, "media"
    printed = None
    if h1 is None:  # the headline the title was read from: a sub-heading under a logo's <h1>, a table layout's line
        printed = headline(f)
        printed = printed if printed is not None and printed.tag in _HEADLINE_LINES else None
        h1 = printed if printed is not None and (printed.tag not in ("h2", "h3") or page.elements("h1")) else None
    teasers = f.once("teasers", _page_teasers)
    if any(ld_types(n) & FRONT_TYPES for n in page.jsonld[:page.jsonld_top]) \
            or (page.meta_first("og:type") or "").lower() == "profile":
        if h1 is None or len(found) < LONG_TEXT[0] or chars < LONG_TEXT[1] \
                or not _dated(f, h1, teasers[2], meta=False) or _reads_as_teasers(found, *teasers[:2]):
            return False, "front_typed"
        return True, "dated_headline"  # a long text under a headline its block dates: the type is a plugin's mistake
    brief = chars >= BRIEF_CHARS and max(map(len, found), default=0) >= SENTENCE_CHARS
    if h1 is not None and len(found) < LONG_TEXT[0] and _data_table(h1) and not _dated_path(urlsplit(page.url).path) \
            and not _signed(page, h1):
        return False, "data_table"
    if h1 is not None and brief and _dated(f, h1, teasers[2]):
        return True, "dated_headline"
    if _reads_as_teasers(found, *teasers[:2]) or _reads_as_links(found, page):
        return False, "front"
    head = h1 if h1 is not None else printed
    if head is not None and brief and _signed(page, head) and not _lists_others(page, teasers[0]) \
            and not _in_form(page, found):
        return True, "signed_headline"
    if len(found) >= LONG_TEXT[0] and chars >= LONG_TEXT[1]:
        return True, "long_text"
    return False, "no_evidence"
