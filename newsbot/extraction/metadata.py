"""The descriptive fields: section, bylines, tags and language, from the portal's selectors,
JSON-LD, meta tags and the page's markup."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from urllib.parse import unquote, urlsplit

from lxml import etree

from .content import is_boilerplate
from .generic.boilerplate import opens_with_furniture
from .page import ARTICLE_TYPES, Page, ld_types
from .text import clean, key, unescape_entities
from .title import bold_headline, headline_element, home_link, title_parts
from .urls import absolute, same_site, site_of
from .values import (TEASER_HEADLINE_CHARS, above_the_text, drupal_node, in_aside, in_related, in_teaser, ld_text,
                     listed_node, of_the_article, placeholder, read_apart, select_values, text_of, unique,
                     value_of)
from .vocabulary import language_pattern, pattern, phrases, vocabulary

if TYPE_CHECKING:
    from .record import Fields


def section(f: Fields) -> tuple[str | None, str | None]:
    """Section name: portal selector, JSON-LD ``articleSection``, ``article:section`` /
    ``section`` / ``content_category`` meta, the article's microdata ``articleSection`` or linked
    ``genre`` (:func:`_microdata_section`), then the JSON-LD breadcrumb's last item before the
    article (a trail of the home page and the article alone, as Yoast writes one for a post,
    names no section), then the first category link the page prints (``rel="category"``, as
    WordPress prints a post's categories; not in an aside, a navigation or the page's footer);
    a raw slug the portal names in ``section_names`` is replaced by its name."""
    value, layer = _section(f)
    return f.rules.section_name(value), layer


def _section(f: Fields) -> tuple[str | None, str | None]:
    page, rules = f.page, f.rules
    for value in select_values(page, rules.css("section")):
        if not is_boilerplate(value, rules):
            return value, "portal"
    value = ld_text(page.article_entity.get("articleSection"))
    if value:
        return value, "jsonld"
    value = page.meta_first("article:section", "section", "parsely-section", "cxenseparse:recs:category",
                            "content_category")
    if value:
        return value, "meta"
    value = _microdata_section(page)
    if value:
        return value, "microdata"
    for crumbs in page.ld_of_type("BreadcrumbList"):
        items = [i for i in crumbs.get("itemListElement") or [] if isinstance(i, dict)]
        names = [(_crumb_name(i), _crumb_url(i)) for i in items]
        names = [(n, u) for n, u in names if n]
        if names and _is_the_page(page, *names[-1]):
            names = names[:-1]  # the trail ends at the article itself
        elif len(names) >= 3:
            names = names[:-1]  # a trail that ends at an article named otherwise
        if len(names) >= 2:
            return names[-1][0], "jsonld"
    for a in page.elements("a"):
        if "ategor" in (a.get("rel") or "") and "category" in a.get("rel").lower().split() and not in_aside(a) \
                and not in_related(a):
            name = clean(text_of(a).strip(" ›»|/"))  # a theme's separator glyph before the name
            if name:
                return name, "html"
    links, label = _class_named_links(page)
    for a in links:
        name = _link_name(a)
        if name and not home_link(a.get("href"), page.url) and not _advert_label().match(name):
            return name, "html"
    if not (name := _breadcrumb_section(page)) and label is not None:
        name = _printed_label(label, headline_element(page, None), page.declared_language)
    if not name:
        name = _labelled_link(page) or _section_link_over(page)
    return (name, "html") if name else (None, None)


def _headline_scope(page):
    """``(headline, scope)``: the headline element (:func:`~newsbot.extraction.title.headline_element`)
    and the elements printed beside it, its ``<article>``, else the nearest of its
    :data:`_HEADLINE_BLOCK` ancestors holding more than it (not the page's ``body``, ``main``
    or ``html``); ``(None, None)`` without a headline."""
    head = headline_element(page, None)
    if head is None:
        return None, None
    scope = next(head.iterancestors("article"), None)
    if scope is None:
        for node in list(head.iterancestors())[:_HEADLINE_BLOCK]:
            if node.tag in ("body", "main", "html"):
                break
            scope = node
    return head, scope


def _labelled_link(page) -> str | None:
    """The name of a link printed after a label naming a category (:func:`_names_section_text`:
    ``Κατηγορία: <a>Πολιτική</a>``, ``Kategorie: <a>``; the label the text right before the
    link, loose or an element's, not a heading's: ``<h4>Rubriken</h4>`` heads a box of links)
    beside the headline (:func:`_headline_scope`; a meta line under the text too, as TYPO3's
    news prints ``Rubrik: <a>…</a>``), not in an aside, a box of other stories, a teaser or a spec
    sheet (:func:`_sheet_row`); ``None`` when there is none."""
    head, scope = _headline_scope(page)
    if scope is None:
        return None
    for a in scope.iter("a"):
        before = a.getprevious()
        text = (before.tail if before is not None else a.getparent().text) or ""
        if not text.strip() and before is not None:
            if before.tag in _HEADING_TAGS:
                continue  # a box's heading over its links (``<h4>Rubriken</h4>``), no label
            text = text_of(before)
        if not text.strip() or not _names_section_text(text.strip()) or in_aside(a) or in_related(a) \
                or in_teaser(a) or _sheet_row(a):
            continue
        name = _link_name(a)
        if name and not home_link(a.get("href"), page.url):
            return name
    return None


_ROW_LABEL = re.compile(r"^[^\W\d_][^:]{0,30}:")


def _sheet_row(a) -> bool:
    """The link ``a`` is a value of a spec sheet or a fact box: the line holding it (its parent)
    has a sibling of its tag that also opens with a label and a colon (``<p><strong>Kategorie:
    </strong> <a>Kompaktklasse</a></p><p><strong>Preis:</strong> ab 31.900 Euro</p>``)."""
    row = a.getparent()
    if row is None:
        return False
    return any(_ROW_LABEL.match(text_of(sib) or "") for sib in row.itersiblings(row.tag))  \
        or any(_ROW_LABEL.match(text_of(sib) or "") for sib in row.itersiblings(row.tag, preceding=True))


def _section_link_over(page) -> str | None:
    """The name of a link printed over the headline, in its block (:func:`_headline_scope`), that
    leads to a section holding the article: a path of the page's own site (no query) whose
    segments open the page's path, one segment at least, not all of it (``/vijesti/`` over
    ``/vijesti/susa-na-jugu-123``; not the front page, nor a path with a digit, an item's or a
    date's, ``/fiction/34798/melas``, a language's code, ``/en/``, or an author's page,
    ``/author/``) whose last segment is the slug of the link's name
    (:func:`_slug_of`: ``Vijesti``), no heading in the link (a work's or another story's
    title), not a switcher's, a menu's or an author's link (:func:`_not_a_section`); ``None``
    when there is none."""
    head, scope = _headline_scope(page)
    if scope is None:
        return None
    own = [p for p in urlsplit(page.url).path.split("/") if p]
    for el in scope.iter(etree.Element):
        if el is head:
            return None  # links after the headline are the text's or a box's
        if el.tag != "a" or in_aside(el) or in_related(el) or _not_a_section(el, scope):
            continue
        target = absolute(el.get("href"), page.url) if el.get("href") else None
        parts = urlsplit(target) if target else None
        if parts is None or parts.query or not same_site(target, page.url):
            continue
        path = [p for p in parts.path.split("/") if p]
        name = _link_name(el)
        if name and path and len(path) < len(own) and own[:len(path)] == path and _slug_of(name, path[-1]) \
                and not any(c.isdigit() for c in "".join(path)) and next(el.iter(*_HEADING_TAGS), None) is None \
                and not _LANGUAGE_SEGMENT.fullmatch(path[-1]) and not _AUTHOR_PAGE.search(parts.path):
            return name
    return None


_SWITCH_OR_MENU = re.compile(r"(?:^|[\s_-])(?:lang|language|languages|locale|menu|nav|navbar|navigation)(?:$|[\s_-])",
                             re.I)
"""A class or id of a language switcher or a menu."""


def _not_a_section(a, scope) -> bool:
    """The link ``a`` (in ``scope``) names no section: a language switcher's (``hreflang`` or
    ``lang`` on it or an element holding it, a class naming a language or a menu:
    :data:`_SWITCH_OR_MENU`), a menu's (in a ``<nav>``), or an author's (``rel="author"``, a
    class or id naming a byline or an author: :data:`_BYLINE_CLASS`, ``blog-author``)."""
    if a.get("hreflang") or "author" in (a.get("rel") or "").lower():
        return True
    for node in (a, *a.iterancestors()):
        if node is scope:
            break
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag == "nav" or node.get("role") == "navigation" or node.get("lang") or node.get("hreflang") \
                or _SWITCH_OR_MENU.search(marks) or _BYLINE_CLASS.search(marks):
            return True
    return False


_TRANSCRIBED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})


def _slug_of(name: str, segment: str) -> bool:
    """The path's ``segment`` is the slug of ``name``: its letters, lower case, accents dropped
    (``Świat``, ``swiat``) or German and Nordic letters transcribed (``Führung``, ``fuehrung``),
    with all else left out of both (``Recht + Steuern``, ``recht-steuern``); a link named
    otherwise (``Home`` over ``/ohneq/``) names no section, nor does a name with a digit."""
    def letters(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
        return "".join(c for c in text.lower() if c.isalpha() and not unicodedata.combining(c))

    wanted = letters(unquote(segment))
    return not any(c.isdigit() for c in name) and bool(wanted) \
        and wanted in (letters(name), letters(name.lower().translate(_TRANSCRIBED)))


SECTION_CHARS = 60  # the longest printed category label read as a section name
_ITEMPROP_SECTION = etree.XPath("/descendant::*[contains(concat(' ', normalize-space(@itemprop), ' '), ' articleSection ')"
                                " or contains(concat(' ', normalize-space(@itemprop), ' '), ' genre ')]")


def _microdata_section(page) -> str | None:
    """The section the article's microdata names (schema.org): its ``itemprop="articleSection"``
    (a ``<meta>``'s ``content`` or the element's text), else its ``genre`` printed as a link or
    around one (Joomla prints an article's category so: ``Categoria: <a itemprop="genre">``; a
    genre that links nowhere may be a kind of text, ``Opinion``, no place of the site); an
    item's other than the article's (:func:`~newsbot.extraction.values.of_the_article`; an
    article item not holding the headline, a teaser card of a "More stories" box:
    :func:`_of_the_headline_item`), one in an aside, a navigation or the page's footer, and a
    name longer than :data:`SECTION_CHARS` do not count; the article's own category comes before
    its parent's (:func:`_in_parent_category`, Joomla's ``parent-category-name`` printed first);
    ``None`` when there is none."""
    if "articleSection" not in page.names and "genre" not in page.names:
        return None
    head = headline_element(page, None)
    found = [el for el in _ITEMPROP_SECTION(page.tree)
             if of_the_article(el) and _of_the_headline_item(el, head) and not in_aside(el)]
    found.sort(key=_in_parent_category)  # the article's own category before a wider one
    for prop in ("articleSection", "genre"):
        for el in found:
            if prop not in (el.get("itemprop") or "").split():
                continue
            link = next(el.iter("a"), None)
            if prop == "genre" and link is None:
                continue
            name = value_of(el) if el.tag == "meta" else _link_name(link if link is not None else el)
            if name and len(name) <= SECTION_CHARS:
                return name
    return None


_PARENT_CATEGORY = re.compile(r"(?:^|[\s_-])parent-?categor", re.I)
PARENT_LEVELS = 2  # an element's ancestors read for the parent category's wrapper


def _in_parent_category(el) -> bool:
    """``el`` or one of its :data:`PARENT_LEVELS` nearest ancestors is named the parent of the
    article's category (Joomla's ``<dd class="parent-category-name">Parent Category: <a
    itemprop="genre">``, printed before the ``category-name`` of the article's own): a wider
    section than the article's."""
    return any(_PARENT_CATEGORY.search(n.get("class") or "") for n in (el, *islice(el.iterancestors(), PARENT_LEVELS)))


_SECTION_WORDS = (r"categor\w*|kategor\w*|catagoir\w*|rubri\w*|ressort|sparte|section|sezione|seccion|secao|seccao"
                  r"|sectiune|sekcja|sekcia|sekce|sektion|sektsioon|sadala|skyrius|dzial|rovat|osasto|osio"
                  r"|avdelning|afdeling|taqsima|editoria")
"""A category's or section's name in the EU languages, as a Drupal site's field takes it for its
machine name (ASCII, the site's language: ``field_kategorie``, ``field_rubrika``, ``field_dzial``)
and as a field's printed label reads without its accents (``Catégorie``, ``Dział``, ``Sadaļa``)."""
_SECTION_LABEL = re.compile(rf"(?:{_SECTION_WORDS}|κατηγορ\w*|ενοτητα|категор\w*|рубрик\w*|раздел)\W*$")
"""A Drupal field's printed label (``field-label``, ``field__label``) naming a category: the
section words (:data:`_SECTION_WORDS`) or their Greek and Cyrillic forms, the whole label."""
_FIELD_LABEL = re.compile(r"(?:^|\s)field-?_?_?label(?:$|\s)")
_DRUPAL_FIELD = re.compile(r"(?:^|\s)(?:field|field-{1,2}(?:name|type)-[\w-]+)(?=$|\s)")
"""The class of a Drupal field's wrapper (7: ``field field-name-field-x``, 8+: ``field
field--name-field-x``), the element a printed ``field-label``/``field__label`` is a child of."""
_CATEGORY_CLASS = re.compile(r"(?:^|[\s_-])(?<!parent-)(?:categor(?:y|ies)|cat-links|post-cat|rubri[ck]a?|ressort"
                             r"|primary-tag|article-?(?:header__)?channel|articlesection|articlepage-section)"
                             r"(?:-(?:name|title|label))?(?=$|\s)"
                             r"|\bfield-{1,2}name-field-(?!(?:[a-z0-9]+-)*(?:related|similar|other|more|further|weitere"
                             r"|parent)-)"
                             rf"(?:[a-z0-9]+-)*(?:{_SECTION_WORDS})s?(?=$|\s)", re.I)
"""A class or id that names an article's category label as a whole name or its last part
(``td-category``, ``entry-category``, ``cat-links``, Jannah's ``post-cat``, Ghost's
``post-card-primary-tag``, ``article-channel`` and ``article-header__channel`` (a bare
``channel`` is as often a TV, video or chat channel's), Brightspot's ``Page-articleSection`` and
``ArticlePage-section``,
TYPO3 tx_news's ``news-list-category``), or followed by ``-name``/``-title``/``-label`` (Joomla's
``category-name``; not its ``parent-category-name``, a wider one), not a slug after it
(WordPress's ``category-politics`` on every post of that category); or a Drupal field of a
category (7: ``field-name-field-dzial``, 8+: ``field--name-field-rubrika``; its name in the
site's language, :data:`_SECTION_WORDS`; not ``field-tags``, nor another story's or a wider
one's, ``field--name-field-related-sections``)."""
_TERM_LISTS = frozenset(("ast-terms-link", "entry-taxonomies", "meta-cat", "cat"))
"""The classes of a WordPress theme's list of a post's taxonomy terms (Astra's ``ast-terms-link``,
Kadence's ``entry-taxonomies``, OceanWP's ``meta-cat``, Soledad's ``cat``), each a whole class
(not ``lang-cat``, ``terms-link``): printed in the entry header over the headline, the post's
categories (its tags are printed under the text), or in the meta line under the headline (its
categories or its tags), read there only (:func:`_class_named_links`), their links to a
category only (:func:`_term_link`)."""
_TAG_SEGMENTS = frozenset(("tag", "tags"))
"""A path's segment of a tag's address (WordPress's tag base, ``/tag/hafen/``)."""
_CATEGORY_SEGMENT = re.compile(rf"(?:{_SECTION_WORDS})s?", re.I)
"""A path's segment of a category's address (WordPress's category base, ``/category/``, or one
in the site's language, ``/kategorie/``, ``/rubrique/``: :data:`_SECTION_WORDS`)."""
_META_LINE = re.compile(r"(?:^|[\s_-])meta(?:$|[\s_-])", re.I)
"""A whole class or id word of a post's meta line (``entry-meta``, OceanWP's ``meta``)."""
_HEADER_CLASS = re.compile(r"(?:^|[\s_-])header(?:$|[\s_-])", re.I)
"""A whole class or id word of an entry's header (``entry-header``, Soledad's ``single-header``)."""


def _term_link(a, scope, proven: bool = False) -> bool:
    """The link ``a`` of a theme's term list (:data:`_TERM_LISTS`, in ``scope``) leads to a
    category: not to a tag's (a tag's address, :data:`_TAG_SEGMENTS` or ``?tag=``, or the slug
    of a ``tag-…`` class of the post around it, WordPress's ``post_class``), nor a language
    switcher's or a menu's link (:func:`_not_a_section`); with ``proven``, one shown a
    category's: ``rel="category"`` (WordPress's ``rel="category tag"``; a ``rel="tag"`` alone,
    Kadence's over the headline, proves nothing), a category's address
    (:data:`_CATEGORY_SEGMENT`, ``?cat=``) or the slug of a ``category-…`` class of the post."""
    href = a.get("href") or ""
    parts = urlsplit(href)
    rel = (a.get("rel") or "").lower().split()
    segments = [p.lower() for p in unquote(parts.path).split("/") if p]
    query = {k.lower(): v.lower() for k, _, v in (q.partition("=") for q in parts.query.split("&")) if k}
    slug = query.get("tag") or query.get("cat") or (segments[-1] if segments else "")
    tokens = {t.lower() for node in a.iterancestors() for t in (node.get("class") or "").split()}
    if "tag" in query or _TAG_SEGMENTS.intersection(segments) \
            or (slug and f"tag-{slug}" in tokens and f"category-{slug}" not in tokens) or _not_a_section(a, scope):
        return False
    return not proven or "category" in rel or "cat" in query or "category" in query \
        or any(_CATEGORY_SEGMENT.fullmatch(p) for p in segments[:-1]) or (bool(slug) and f"category-{slug}" in tokens)


def _in_meta_line(el, holders: set) -> bool:
    """``el`` is printed in the headline's header (``holders``: the headline and the elements
    holding it; the nearest of them holding ``el`` is a ``<header>`` or named so,
    :data:`_HEADER_CLASS`) or in a meta line right under
    the headline (an element named so, :data:`_META_LINE`, the element before it the headline
    or holding it: OceanWP's ``<header>…</header><ul class="meta">``); not in a box of the
    text before its first paragraph (a related story's card) nor a recipe's card."""
    for node in (el, *el.iterancestors()):
        if node in holders:
            return node.tag == "header" or bool(_HEADER_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"))
        if _META_LINE.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            before = node.getprevious()
            while before is not None and not isinstance(before.tag, str):
                before = before.getprevious()
            if before is not None and before in holders:
                return True
    return False


_HEADLINE_BLOCK = 3  # ancestors of the headline whose elements are printed beside it
_RUBRIK = re.compile(r"(?:^|[\s_-])rubrik(?=$|\s)", re.I)
_RUBRIK_HEADLINE = ("sv", "da", "no", "nb", "nn")
"""Languages whose ``rubrik`` is the headline (``underrubrik``, ``mellanrubrik`` its sub-headings),
not a section as in German or Czech."""
_PARAGRAPHS_FIELD = re.compile(r"field-{1,2}type-entity-reference-revisions")
"""Drupal's Paragraphs module's field (``field_sections`` of a body's content sections), the
article's text, no category."""
CARD_LEVELS = 4  # ancestors of a plain label searched for another story's linked headline
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _class_named_links(page) -> tuple[list, object]:
    """The links of the first element whose class or id names a category
    (:func:`_names_category`; the element itself when it is a link) in the ``<article>``
    element around the headline (:func:`~newsbot.extraction.title.headline_element`), else in
    the page's body; outside an aside, a navigation, a page footer, a teaser's ``<article>``, a
    table's cell (a spec sheet's, a budget's) and a field holding the text (Drupal's Paragraphs,
    a paragraph of running text);
    ``[]`` when there is none. A Drupal field's printed label (``field-label``,
    ``field__label``) naming a category (:func:`_names_section`) in a Drupal field's wrapper
    (:data:`_DRUPAL_FIELD`) gives the element after it, the field's value (the label's own
    field, not the fields beside it). A theme's list of the post's terms (:data:`_TERM_LISTS`)
    counts printed over the headline (its links to a tag's address none, :func:`_term_link`) or
    in the headline's header or meta line under it (:func:`_in_meta_line`: Astra's ``<div
    class="entry-meta"><span class="ast-terms-link">``; its links shown a category's only),
    before the text's first paragraph, in its ``<article>`` or its block, only. Second, the first such element linking nowhere (TYPO3
    tx_news prints a category as plain text), no heading (a headline, a box's title), that is
    printed beside the headline: inside its ``<article>`` or within :data:`_HEADLINE_BLOCK` of
    its ancestors (not the page's ``body`` or ``main``), or in the article's microdata item
    holding the headline (:func:`_article_item`), not in a link or a teaser card
    (:func:`~newsbot.extraction.values.in_teaser`, :func:`_in_card`); else ``None``."""
    head = headline_element(page, None)
    scope = next((a for a in head.iterancestors("article")), None) if head is not None else None
    block = set()
    if head is not None and not _HIDDEN.search(head.get("class") or ""):
        block = {a for a in list(head.iterancestors())[:_HEADLINE_BLOCK] if a.tag not in ("body", "main", "html")}
    scope = scope if scope is not None else page.tree.find("body")
    label = headlines = None
    holders = {head, *head.iterancestors()} if head is not None else set()
    items: dict = {}  # element → is the article's microdata item (:func:`_article_item`), read once

    def _item(a) -> bool:
        if a not in items:
            items[a] = _article_item(a, head, headlines, holders)
        return items[a]
    over = head is not None  # the elements read so far are printed over the headline
    header = head is not None  # ... or over the headline or under it, over the text's first paragraph
    for el in scope.iter(etree.Element) if scope is not None else ():
        if el is head:
            over = False
        elif header and not over and el.tag == "p" and not _in_meta_line(el, holders):
            header = False  # the text begins: a term list under it holds tags
        cls, ident = el.get("class"), el.get("id")
        if not cls and not ident:
            continue  # (most elements: nothing named)
        marks = f"{cls or ''} {ident or ''}"
        terms = header and not _TERM_LISTS.isdisjoint(marks.split()) \
            and (scope.tag == "article" or any(a in block for a in el.iterancestors())) \
            and not any(d is head for d in el.iterdescendants()) \
            and (over or _in_meta_line(el, holders))
        if terms:
            pass  # a theme's list of the post's terms over its headline: its categories
        elif _names_field_label(marks):
            parent = el.getparent()
            if parent is None or not _DRUPAL_FIELD.search(parent.get("class") or "") or not _names_section(el):
                continue
            el = el.getnext()  # the value of a Drupal field whose printed label names a category
            if el is None or not isinstance(el.tag, str):
                continue
        elif not marks.strip() or not _names_category(marks):
            continue
        elif _RUBRIK.search(marks) and not _CATEGORY_CLASS.search(_RUBRIK.sub(" ", marks)) \
                and page.declared_language in _RUBRIK_HEADLINE:
            continue  # Swedish, Danish, Norwegian "rubrik": the headline
        if el.tag in ("td", "th") or in_aside(el) or in_related(el):
            continue
        if scope.tag == "article" and next(el.iterancestors("article")) is not scope:
            continue
        if any(_names_breadcrumb(d) for d in (el, *el.iterdescendants())):
            continue  # a trail printed as the category's title: read as a trail
        links = [el] if el.tag == "a" else list(el.iter("a"))
        if terms and not (links := [a for a in links if _term_link(a, el, proven=not over)]):
            continue  # its tags, a language's link
        if links:
            if any(len(text_of(p)) >= _RUNNING_TEXT for p in el.iter("p")):
                continue  # a field of the article's text, its links the text's
            return links, label
        if label is not None or el.tag in _HEADING_TAGS:
            continue
        if headlines is None:  # the page's headline: its headline element's text, else its <title>'s parts
            title = page.tree.findtext(".//title") or ""
            headlines = {key(text_of(head))} if head is not None else {key(p) for p in title_parts(title)}
        beside = scope.tag == "article" or any(a in block or _item(a) for a in el.iterancestors())
        if beside and next(el.iterancestors("a"), None) is None and not in_teaser(el) \
                and not _in_card(el, head):
            label = el
    return [], label


_RUNNING_TEXT = 150  # a paragraph this long is running text, no category's label


@lru_cache(maxsize=4096)
def _names_category(marks: str) -> bool:
    """``marks``, an element's class and id (a space between them), name a category
    (:data:`_CATEGORY_CLASS`) and no field holding the article's text (:data:`_PARAGRAPHS_FIELD`).
    Class names repeat all over a page, so each is read once."""
    return bool(_CATEGORY_CLASS.search(marks)) and not _PARAGRAPHS_FIELD.search(marks)


@lru_cache(maxsize=4096)
def _names_field_label(marks: str) -> bool:
    """``marks`` (as for :func:`_names_category`) name a Drupal field's printed label
    (:data:`_FIELD_LABEL`)."""
    return "label" in marks and bool(_FIELD_LABEL.search(marks))


def _in_card(el, head) -> bool:
    """``el`` is printed in a card of another story: one of its :data:`CARD_LEVELS` nearest
    ancestors not holding the headline ``head`` holds a link in a heading or a link of
    :data:`~newsbot.extraction.values.TEASER_HEADLINE_CHARS` characters or more (a "More on
    this" card's label, its headline's link two blocks away)."""
    for ancestor in list(el.iterancestors())[:CARD_LEVELS]:
        if ancestor.tag in ("article", "main", "body", "html") or (head is not None and head in ancestor.iter()):
            return False
        for a in ancestor.iter("a"):
            if next(a.iterancestors(*_HEADING_TAGS), None) is not None \
                    or len(" ".join(a.text_content().split())) >= TEASER_HEADLINE_CHARS:
                return True
    return False


def _names_section(label) -> bool:
    """The text of ``label``, lower case without accents (``ł`` as ``l``), is a category's name
    (:data:`_SECTION_LABEL`)."""
    return _names_section_text(text_of(label))


def _names_section_text(text: str) -> bool:
    """:func:`_names_section` of a text."""
    text = unicodedata.normalize("NFKD", text.strip().lower().replace("ł", "l"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return len(text) <= 30 and _SECTION_LABEL.match(text) is not None


_LABEL_BLOCKS = ("p", "div", "ul", "ol", "li", "dl", "table", "section", "article", "h1", "h2", "h3", "h4", "time")
_HIDDEN = re.compile(r"(?:^|[\s_-])(?:hidden|visually-?hidden|sr-only|screen-?reader\w*|offscreen|aural)(?:$|[\s_-])",
                     re.I)
"""A class of text printed for screen readers only (``sr-only``, ``aural``): a label's word, or a
site's hidden ``<h1>``, which no reader sees beside anything."""
_SEPARATORS = " ›»‹«|/>,;·•"


def _article_item(el, head=None, headlines=frozenset(), holders=frozenset()) -> bool:
    """``el`` is the article's microdata item of an article type (``itemtype`` ``…/Article``,
    ``…/NewsArticle``, ``…/BlogPosting``: TYPO3 tx_news's detail view, whose headline is an
    ``<h3>``) holding three paragraphs or more and the headline ``head`` (``holders``: the
    elements holding it, the headline's ancestors), the article's text
    (``itemprop="articleBody"``) or its own ``itemprop="headline"`` linking nowhere and printing
    the page's headline (its text by :func:`~newsbot.extraction.text.key` one of
    ``headlines``: the headline element's, else the ``<title>``'s parts): not a list's item of
    another story (tx_news's list view in a side column, its text a ``description``, its
    headline a link or another story's)."""
    if el.get("itemscope") is None:
        return False
    kind = (el.get("itemtype") or "").split()
    if not kind or kind[0].rstrip("/").rsplit("/", 1)[-1].casefold() not in ARTICLE_TYPES \
            or sum(1 for _ in zip(range(3), el.iter("p"))) < 3:
        return False
    if (head is not None and el in holders) or any(
            "articleBody" in (d.get("itemprop") or "").split() for d in el.iterdescendants()):
        return True
    return any("headline" in (d.get("itemprop") or "").split() and next(d.iter("a"), None) is None
               and next(d.iterancestors("a"), None) is None and key(text_of(d)) in headlines
               for d in _own_properties(el))


def _own_properties(item):
    """The elements of the microdata item ``item`` outside the items nested in it (an element
    holding ``itemscope`` is yielded, its descendants are not): its own properties' holders."""
    stack = [c for c in item if isinstance(c.tag, str)]
    while stack:
        d = stack.pop()
        yield d
        if d.get("itemscope") is None:
            stack.extend(c for c in d if isinstance(c.tag, str))


def _printed_label(el, head=None, lang: str = "") -> str | None:
    """The name a category element linking nowhere prints: the first of its pieces (its text
    and its children's, each stripped of separators; TYPO3 prints one span for each category)
    that is no printed label (``Kategorie:``, or the label word alone, ``Kategorie``; a piece
    ``Kategorie: Verkehr`` gives what follows the colon, a label of three words at most) and no
    screen-reader text (:data:`_HIDDEN`); a lead-in (``Posted in``, ``Veröffentlicht in``: the
    vocabulary's ``section_lead_in``) is left out, and of a list the first name (``Politik,
    Wirtschaft``; a list a conjunction closes is one name, ``Bauen, Wohnen und Verkehr``), of
    a trail the step before the article (``Start / Hafen``; a last step of the headline's
    words, or of three words or more after two steps, is the article's own title); of an
    element holding blocks, its items' (:func:`_label_items`: ``<ul class="td-category"><li>Hafen
    </li></ul>``, a Drupal field's ``field__item`` printed without a link); ``None`` when the
    element holds other blocks, a date or a heading (:data:`_LABEL_BLOCKS`), or that name is longer
    than :data:`SECTION_CHARS`, holds a digit or ends a sentence (a text, no label), is an
    advert's label (``Anzeige``, ``Sponsored``: the vocabulary's ``advert_label``), the
    headline ``head``'s text (Swedish and Danish ``rubrik`` is the headline), a line of words
    around a name (:func:`_sentence_words`, in the page's declared language ``lang``), or names
    two after a lead-in (``Veröffentlicht in Politik und Wirtschaft``: one name or two)."""
    if el.tag in _HEADING_TAGS:
        return None
    if next(el.iterdescendants(*_LABEL_BLOCKS), None) is not None:
        pieces = _label_items(el)
        if pieces is None:
            return None
    else:
        pieces = [el.text]
        for child in el:
            if isinstance(child.tag, str) and not _HIDDEN.search(child.get("class") or ""):
                pieces.append(text_of(child))
            pieces.append(child.tail)
    for piece in pieces:
        text = clean(piece) or ""
        head_words, colon, tail = text.partition(":")
        if colon and len(head_words.split()) <= 3:
            text = tail
        name = clean(text.strip(_SEPARATORS))
        if not name or _names_section_text(name):
            continue
        lead_in = pattern("section_lead_in").match(name)
        if lead_in:
            name = name[lead_in.end():]
            if pattern("name_separator").search(name):
                return None
        trail = _TRAIL_SPLIT.split(name)
        if len(trail) >= 2 and _is_the_headline(trail[-1], head) or len(trail) >= 3 and len(trail[-1].split()) >= 3:
            trail = trail[:-1]  # a printed trail ends at the article, often under a short title
            if len(trail) < 2:
                return None
        if len(trail) == 1 and not _CLOSED_LIST.search(name):
            trail = _LIST_SPLIT.split(name)[:1]  # a list ends at a conjunction: one name's words
        name = clean(trail[-1])
        if not name or len(name) > SECTION_CHARS or any(c.isdigit() for c in name) or name[-1] in ".!?…" \
                or _sentence_words(name, lang):
            return None
        if _advert_label().match(name) or (head is not None and key(name) == key(text_of(head))):
            return None
        return name
    return None


LABEL_ITEMS = 5  # the most blocks of a category element read as its items


def _label_items(el) -> list[str] | None:
    """The texts of the items a category element ``el`` holding blocks prints, in order: its
    innermost blocks (:data:`_LABEL_BLOCKS`: a Drupal field's ``field__item`` in its
    ``field__items``, a list's ``<li>``), :data:`LABEL_ITEMS` at most, none a heading, a date
    or a table, with nothing but separators printed outside them (a field's printed label, an
    item of its own, is read as a label); screen-reader text left out. ``None`` otherwise: a
    block of text, a card."""
    leaves = [d for d in el.iterdescendants(*_LABEL_BLOCKS) if next(d.iterdescendants(*_LABEL_BLOCKS), None) is None]
    if not leaves or len(leaves) > LABEL_ITEMS \
            or any(d.tag in ("time", "table", *_HEADING_TAGS) or next(d.iter("time"), None) is not None for d in leaves):
        return None
    inside = {id(x) for d in leaves for x in d.iter()}
    loose = [el.text or ""] + [n.tail or "" for n in el.iterdescendants() if id(n) not in inside or n in leaves] \
        + [n.text or "" for n in el.iterdescendants() if id(n) not in inside and isinstance(n.tag, str)]
    if any(s.strip(_SEPARATORS + "\xa0") for s in loose):
        return None
    return [text_of(d) for d in leaves if not _HIDDEN.search(d.get("class") or "")]


_TRAIL_SPLIT = re.compile(r"\s+[/›»>]\s+")  # a trail's steps printed as text: the last is the section
_LIST_SPLIT = re.compile(r"\s*[,;|·•]\s*")  # a list of names printed as text: the first is the section
_CLOSED_LIST = re.compile(rf"[,;]\s*[^,;]*(?:\s(?:{'|'.join(phrases('name_conjunction'))})\s|\s&\s)[^,;]*$", re.I)
"""A name list closed by a conjunction (``Bauen, Wohnen und Verkehr``; the vocabulary's
``name_conjunction``): one department's name, no list of categories."""


def _sentence_words(name: str, lang: str) -> bool:
    """``name`` holds a lower-case word, no conjunction of the page's language ``lang`` (a
    primary subtag, :attr:`~newsbot.extraction.page.Page.declared_language`; the vocabulary's
    ``name_conjunction``, of every language when it names none the vocabulary knows), before a
    capitalised one (``Veröffentlicht unter Stadt``, ``Política por Ana Gil``, ``kategorii Wiadomości``): a line of words around the name (a
    lead-in or a byline the vocabulary does not know), no short name; a miss costs the
    section, never a wrong one."""
    words = name.split()
    conjunctions = _conjunctions(lang)
    return any(w[0].islower() and w.lower() not in conjunctions and n[0].isupper()
               for w, n in zip(words, words[1:]))


@lru_cache(maxsize=64)
def _conjunctions(lang: str) -> frozenset[str]:
    """The vocabulary's ``name_conjunction`` words of the language ``lang`` (a primary subtag),
    of every language when it has none."""
    own = vocabulary().get(lang, {}).get("name_conjunction", {}).get("", ())
    return frozenset(w.lower() for w in (own or phrases("name_conjunction")))


def _is_the_headline(step: str, head) -> bool:
    """A trail's printed step ``step`` is the article's own (short) title: half its words or more
    are words of the headline element ``head``'s text."""
    if head is None:
        return False
    words = key(step).split()
    title = set(key(text_of(head)).split())
    return bool(words) and 2 * sum(w in title for w in words) >= len(words)


@lru_cache(maxsize=1)
def _advert_label() -> re.Pattern:
    """An advert's label as a whole name (the vocabulary's ``advert_label``: ``Anzeige``)."""
    return re.compile(rf"(?:{'|'.join(phrases('advert_label'))})\W*$", re.I)


def _of_the_headline_item(el, head) -> bool:
    """The microdata item ``el`` is a property of (its nearest ancestor with ``itemscope``) holds
    the page's headline element ``head`` (:func:`~newsbot.extraction.title.headline_element`),
    or ``el`` belongs to no item, or no headline is found: a teaser card marked as an article of
    its own, inside the article or after it, names another story's section."""
    scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    return scope is None or head is None or any(a is scope for a in head.iterancestors())


def _link_name(a) -> str | None:
    """The name a category or tag link prints, a theme's separator glyphs around it left out;
    ``None`` for one longer than :data:`SECTION_CHARS` or a template's unfilled placeholder
    (``{{section.name}}``)."""
    name = clean(text_of(a).strip(" ›»‹«|/>,;·•"))
    return name if name and len(name) <= SECTION_CHARS and "{{" not in name else None


_BACK = re.compile(r"(?:^|[\s_-])back(?:$|[\s_-])", re.I)
"""A class that names a "back" link (``breadcrumb__back-button``): the previous page, no place
in the trail."""
TRAIL_CHARS = 300  # the longest text of an element read as a breadcrumb trail


def _breadcrumb_trail(page):
    """The page's printed breadcrumb trail: the first element whose class, id, ``aria-label``
    or ``itemtype`` names a breadcrumb (schema.org ``BreadcrumbList`` included), or the first
    list or ``<nav>`` inside it that does, holding :data:`TRAIL_CHARS` characters of text at
    most; ``None`` when there is none."""
    for el in page.tree.iter(etree.Element):
        if not _names_breadcrumb(el) or el.tag in ("html", "body", "main", "article"):
            continue
        el = next((d for d in el.iterdescendants("ol", "ul", "nav") if _names_breadcrumb(d)), el)
        return el if len(clean(text_of(el)) or "") <= TRAIL_CHARS else None
    return None


def _names_breadcrumb(el) -> bool:
    """A ``class``, ``id``, ``aria-label`` or ``itemtype`` of ``el`` names a breadcrumb."""
    return "readcrumb" in (el.get("class") or "") or "readcrumb" in (el.get("id") or "") \
        or "readcrumb" in (el.get("aria-label") or "") or "readcrumb" in (el.get("itemtype") or "")


def _breadcrumb_section(page) -> str | None:
    """The section a printed breadcrumb trail names (:func:`_breadcrumb_trail`): its last link
    before the article itself (a link to the page's URL or naming its headline), when the
    trail links two places or more (the home page and the section, as a JSON-LD trail is
    read) and that last one is not the home page; "back" links (:data:`_BACK`) are no part of
    the trail."""
    trail = _breadcrumb_trail(page)
    if trail is None:
        return None
    names = [(_link_name(a), a.get("href")) for a in trail.iter("a") if not _goes_back(a, trail)]
    names = [(n, u) for n, u in names if n]
    if names and (_is_the_page(page, names[-1][0], None) or _links_the_page(page, names[-1][1])):
        names = names[:-1]
    if len(names) < 2 or home_link(names[-1][1], page.url) or not _names_a_place(*names[-1]):
        return None
    return names[-1][0]


_NO_PLACE = re.compile(r"/(?:search|suche|recherche|buscar|busca|cerca|ricerca|szukaj|zoeken|sok|haku|login|log-?in"
                       r"|sign-?in|anmelden|account|konto|page|seite|pagina|strona)(?:/|$|\.)", re.I)
"""A breadcrumb link's path that leads to a utility page (search, login, a pager), no section."""


def _names_a_place(name: str, href: str | None) -> bool:
    """A breadcrumb's last link names a section of the site: no digit in its name (a year, a
    month of an archive, ``Page 2``), no query in its target (search results) and no utility
    page's path (:data:`_NO_PLACE`)."""
    if any(c.isdigit() for c in name):
        return False
    parts = urlsplit(href or "")
    return not parts.query and not _NO_PLACE.search(parts.path)


def _goes_back(a, trail) -> bool:
    """The link ``a`` of a breadcrumb ``trail`` is a "back" button: a script's
    (``history.back()``), or it or an element around it in the trail has a class naming
    one (:data:`_BACK`)."""
    if a.get("onclick") or (a.get("href") or "").strip().lower().startswith("javascript"):
        return True
    for el in (a, *a.iterancestors()):
        if el is trail:
            return False
        if _BACK.search(el.get("class") or ""):
            return True
    return False


def _links_the_page(page, href: str | None) -> bool:
    """``href`` leads to the page itself (its URL, or its canonical URL), fragments and a
    trailing slash aside."""
    target = absolute(href, page.url) if href else None
    if not target:
        return False
    own = {u.split("#")[0].rstrip("/") for u in (page.url, page.meta_first("og:url") or "",
                                                  *(el.get("href") or "" for el in page.elements("link")
                                                    if "canonical" in (el.get("rel") or "").lower().split())) if u}
    return target.split("#")[0].rstrip("/") in own


def _crumb_name(item: dict) -> str | None:
    inner = item.get("item")
    return ld_text(item.get("name") or (inner.get("name") if isinstance(inner, dict) else None))


def _crumb_url(item: dict) -> str | None:
    inner = item.get("item")
    url = inner.get("@id") or inner.get("url") if isinstance(inner, dict) else inner
    return url if isinstance(url, str) else None


def _is_the_page(page, name: str, url: str | None) -> bool:
    """A breadcrumb trail's item of ``name`` and ``url`` is the page itself: its URL is the
    page's (or none is given, as Yoast writes the last item) and its name is the page's
    headline (JSON-LD ``headline``, ``og:title``, an ``<h1>``, or the start of ``<title>``)."""
    if url and url.rstrip("/") not in (page.url.rstrip("/"), (page.meta_first("og:url") or "").rstrip("/")):
        return False
    wanted = key(name)
    headlines = [ld_text(page.article_entity.get("headline")), page.meta_first("og:title"),
                 *(text_of(h) for h in page.elements("h1")[:3])]
    if any(h and key(h) == wanted for h in headlines):
        return True
    title = page.elements("title")
    return bool(title) and len(wanted) >= 12 and key(text_of(title[0])).startswith(wanted)


def authors(f: Fields) -> tuple[list[str], str | None]:
    """Bylines as a list of names, from the first source that names a person: portal selector,
    JSON-LD ``author`` (``@id`` references resolved in the page's graph), ``author`` /
    ``article:author`` meta, microdata ``itemprop="author"``, ``rel="author"`` links, the
    printed byline (:func:`_printed_byline`), then the date line under the headline when it
    opens with a byline's lead-in (:func:`_dateline_byline`), the author links beside the
    headline (:func:`_author_links`), the article's signature (:func:`_signature`), an interviewer's credit after the
    text (:func:`_interviewer_credit`), the writer a standfirst's line credits
    (:func:`_standfirst_credit`: ``Ein Kommentar von Henrike Saal``), the account a Drupal
    node's meta names as its creator (:func:`_node_creator`), then an author box's writer
    (:func:`_author_box`). Each value is split into names
    (:func:`split_names`); URLs, e-mail addresses, duplicates and the brand (the site or
    publisher name, the site's domain: :func:`_brands`) are dropped. When every JSON-LD author is
    typed as an organisation (:func:`_organisation_node`: ``Brněnské dny``, the site's own
    desk) or each names a desk opening with its word (:func:`_desk_phrase`: ``Webredactie
    Eindredactie``, a Person's type or none; not ``Ian Staff``), the first markup source naming
    people (:func:`_person_shaped`, no word in lower case but a surname's particle: not ``Edited
    by Paul Green``) wins over them: the person whose byline the page prints above the text
    (:func:`_printed_above_the_text`). A
    template's placeholder (:func:`~newsbot.extraction.values.placeholder`: ``Author Name``,
    ``{{author}}``) names no one in any source."""
    page = f.page
    portal = unique(select_values(page, f.rules.css("authors")))
    if portal:
        return portal, "portal"
    brands = _brands(f)
    raw = page.article_entity.get("author")
    items = [_resolved(page, a) for a in (raw if isinstance(raw, list) else [raw] if raw else [])]

    def printed() -> list[str]:  # the printed byline: its first author element may have co-authors beside it
        return _printed_byline(f)

    sources = (  # read one after the other, the markup only when structured data names no one
        ("jsonld", lambda: [ld_text(a) for a in items]),
        ("meta", lambda: page.meta.get("author", []) + page.meta.get("article:author", [])),
        ("microdata", lambda: [_microdata_name(el) for el in _ITEMPROP_AUTHOR(page.tree)]),
        ("html", lambda: [text_of(a) for a in page.elements("a") if "author" in (a.get("rel") or "").split(" ")][:6]),
        ("html", printed),
        ("html", lambda: _dateline_byline(f)),
        ("html", lambda: _author_links(f)),
        ("html", lambda: _signature(f)),
        ("html", lambda: _interviewer_credit(f)),
        ("html", lambda: _opening_signature(f)),
        ("html", lambda: _standfirst_credit(f)),
        ("html", lambda: _node_creator(f)),
        ("html", lambda: _author_box(f)),
    )

    def names_of(values) -> list[str]:
        return [n for n in unique(n for v in values if v and not placeholder(v)  # ``Author Name``: a template's
                                  for n in split_names(v, byline_language(f)))
                if "@" not in n and not _is_brand(n, brands) and not _ROLE_WORD.search(n)]

    for layer, values in sources:
        names = names_of(values())
        if names and layer == "jsonld" and (all(_organisation_node(a) for a in items) or all(_desk_phrase(n) for n in names)):
            people = next((found for other, read in sources if other == "html" and (found := names_of(read()))), [])
            if people and all(_person_shaped(n) and not any(w[0].islower() and not pattern("name_particle").match(w)
                                                            for w in n.split()) for n in people) \
                    and _printed_above_the_text(page, people[0]):  # ``Edited by Paul Green``: a role's line
                return people, "html"  # the people the page prints, over the organisation or desk credited
        if names and (layer != "html" or values is printed):  # ``A and B``, one author element each, A named alone
            more = [n for n in names_of(_joined_authors(page, names[-1], byline_language(f))) if key(n) not in
                    {key(x) for x in names}]
            return names + more, layer
        if names:
            return names, layer
    return [], None


_JOINED_LEVELS = 2  # the elements up from a name's own whose siblings may print a co-author
_JOINED_CANDIDATES = 50  # the first elements holding the name's first word read for its byline (a page may repeat it)


def _joined_authors(page, name: str, language: str) -> list[str]:
    """The co-authors printed after the author ``name`` whom structured data names alone: the
    name's element after the headline (in the elements :func:`_near_headline` reads: not a
    columnists' strip, a masthead's team or a trending bar elsewhere; its text is the name; a link
    to an author's page, or an element whose class names an author or a name:
    :func:`_names_byline`, :data:`_NAME_MARK`) or one of the :data:`_JOINED_LEVELS` wrapping it
    alone, followed by siblings of its tag and class, each after the word *and* of the page's
    ``language`` (the vocabulary's ``name_conjunction``, every language's when it has none), a comma or
    an ampersand alone, none with a role printed after it (:func:`_role_after`: ``Tom Weiss (photos)``,
    a photographer; it and those after it are left out): a theme printing
    one author element per writer (``<span class="author vcard"><a class="url fn n" …>A</a></span>
    en <span class="author vcard">…B…</span>``, Blocksy's ``<a class="ct-meta-element-author">A</a>
    a <a …>B</a>``; Kadence's second after the end of the wrapper holding the first and its
    lead-in, :func:`_joint_after`), where the ``author`` meta, JSON-LD or the first printed author
    element (:func:`_printed_byline`) name only the first. Each co-author's
    name must read as a person's (:func:`_person_shaped`). ``[]`` when there is none."""
    words = _conjunctions(language)
    want = key(name)
    near = _near_headline(headline_element(page, None))
    for el in islice(_HOLDS_TEXT(page.tree, text=name.split()[0]), _JOINED_CANDIDATES):
        if key(text_of(el) or "") != want or not any(x is el or _within(el, x) for x in near):
            continue  # a columnists' strip, a masthead's team or a trending bar elsewhere: no byline
        node = el
        for _ in range(_JOINED_LEVELS + 1):
            cls = node.get("class") or ""
            if (node.tag == "a" and _author_page(node.get("href"))) or _names_byline(cls, node.get("id")) \
                    or _NAME_MARK.search(cls):
                found = []
                cur = node
                while True:
                    tail, nxt = _joint_after(cur)
                    if nxt is None or nxt.tag != node.tag or (nxt.get("class") or "") != cls \
                            or not ((tail or "").strip().lower() in words or (tail or "").strip() in (",", "&")):
                        break
                    other = clean(text_of(nxt)) or ""
                    if not _person_shaped(other) or _role_after(nxt.tail):
                        break
                    found.append(other)
                    cur = nxt
                if found:
                    return found
            parent = node.getparent()
            if parent is None or key(text_of(parent) or "") != want:
                break
            node = parent
    return []


def _joint_after(el) -> tuple[str | None, object]:
    """What joins the author element ``el`` to the next (the text after it, the element after
    that): its tail and next sibling; where it closes its parent with nothing after it, the
    parent's (Kadence's ``<span class="posted-by"><span class="meta-label">Door</span><span
    class="author vcard">A</span></span> en <span class="author vcard">B</span>``: the second
    author after the wrapper's end)."""
    nxt = el.getnext()
    parent = el.getparent()
    if nxt is None and not (el.tail or "").strip() and parent is not None:
        return parent.tail, parent.getnext()
    return el.tail, nxt


def _role_after(tail: str | None) -> bool:
    """The text ``tail`` printed right after a name credits the name's own role: a part in
    brackets (``Tom Weiss (photos)``, ``(Illustration)``) or another role's credit (the
    vocabulary's ``other_credit``, :func:`_credits_photo`: ``Tom Weiss, Fotos``)."""
    text = (tail or "").strip().lstrip(",;:–—-").strip()
    return text.startswith(("(", "[")) or (bool(text) and _credits_photo(text.split("·")[0]))


def language_declared(f: Fields) -> bool:
    """The language :func:`byline_language` gives is one the page's markup declares (``<html
    lang>``, ``og:locale``, JSON-LD ``inLanguage``, the edition's), not one only detected in its
    text: the lead-ins that are first names elsewhere (the vocabulary's ``declared_lead_in``,
    Catalan ``Per``) are read only then."""
    return bool(f.page.declared_language) or (bool(f["language"]) and f.provenance.get("language") != "generic")


def byline_language(f: Fields) -> str:
    """The language a page's bylines are read in, as an ISO 639-1 code (``ca``): the one its
    markup declares (:attr:`~newsbot.extraction.page.Page.declared_language`), else the record's
    (:func:`language`: ``og:locale``, JSON-LD ``inLanguage``, the edition's, else the language
    of its text when the model is sure of it), ``""`` when none is known. The words of one
    language (Catalan ``Per``, Irish ``Le``; an organisation's word, Slovene ``sektor``) are read
    on a page of that language, whether its markup says so or its text does."""
    return f.page.declared_language or (f["language"] or "").split("-")[0].lower()


_ROLE_WORD = re.compile(r"(?<!\w)(?:auth?or|auteur|autore|avtor|autorius|szerző|awtur|höfund|автор|аутор|συντάκτ)\w*",
                        re.I)
"""The word "author" itself (``Über die Autorin``, ``About the author``, ``Аутори``): an author
box's label, never a person's name."""
_AUTHOR_LABEL = re.compile(r"^(?:auth?or|auteur|autore|avtor|autorius|szerző|awtur|höfund|автор|аутор|συντάκτ)"
                           r"(?![iy][tzdsl])[^\W\d_]{0,4}(?:\s+[^\W\d_]+)?\s*:\s*(?=\S)", re.I)
"""A byline's label naming its authors before a colon, in any inflection and with a word after
it (``Avtorja:``, ``Autorzy tekstu:``, ``Аутор текста:``; not ``Authority:``), where the
vocabulary's lead-ins know no such form: the name after it is the author's."""


_ITEMPROP_AUTHOR = etree.XPath("/descendant::*/@itemprop[contains(concat(' ', ., ' '), ' author ')]/parent::*")


def _is_brand(name: str, brands: set[str]) -> bool:
    """``name`` is one of ``brands`` (squashed keys), or begins with one of three characters or
    more as its first word (``MDR THÜRINGEN`` for ``mdr``), or is one and then an account's or
    desk's word (the vocabulary's ``not_a_person``: ``Harbour News Team``, the site's team
    account)."""
    squashed = _squashed(name)
    first = _squashed(name.split()[0]) if name.split() else ""
    words = name.split()
    return squashed in brands or any(len(b) >= 3 and first.startswith(b) for b in brands) \
        or (len(words) > 2 and _squashed(" ".join(words[:-1])) in brands and bool(pattern("not_a_person").match(words[-1])))


_HOLDS_TEXT = etree.XPath("/descendant::body/descendant::*[contains(text(), $text)]")


def _printed_above_the_text(page, name: str) -> bool:
    """``name`` is printed in an element above the article's text
    (:func:`~newsbot.extraction.values.above_the_text`: the byline under the headline, not a
    related story's author link nor an author box after the text)."""
    return any(above_the_text(el) for el in _HOLDS_TEXT(page.tree, text=name))


def _organisation_node(node) -> bool:
    """``node`` (a JSON-LD value) is an object typed as an organisation: schema.org's
    ``Organization`` or one of its kinds (``NewsMediaOrganization``, ``Corporation``,
    ``GovernmentOrganization``…, every name ending so)."""
    if not isinstance(node, dict):
        return False
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1].endswith("Organization") for k in kinds)


def _resolved(page, value):
    """A JSON-LD reference resolved in the page's graph (:meth:`Page.resolved`)."""
    return page.resolved(value)


def _microdata_name(el) -> str | None:
    """The name of a microdata ``itemprop="author"`` element: its ``itemprop="name"``
    descendant's, else its ``content`` or text."""
    for name in el.xpath(".//*[@itemprop='name']"):
        return value_of(name)
    return value_of(el)


_BYLINE_CLASS = re.compile(r"byline|(?<![a-z])(?:auth?or|auteur)(?:s|es|en|i|ii|id|zy|ka|e|ius|iai|ai)?(?![a-z])"
                           r"|author-?name|authorname"
                           r"|(?<![a-z])(?:szerz[oő]k?|egileak?|kirjoittaja(?:t)?|tekij[aä]|forfattere?|f[oö]rfattare"
                           r"|skribent(?:er)?|avtor(?:ji|ja)?|[uú]dar|[uú]dair)(?![a-z])",
                           re.I)
"""A class or id naming a byline or its authors: ``byline``, ``author``, ``authors`` and the
word in the languages whose themes name their fields so (Drupal's ``field--name-field-auteurs``,
``autor``, ``autores``, ``autori``, Romanian ``autorii``, Estonian ``autorid``, ``autorzy``,
Lithuanian ``autorius``, ``autoriai``, Latvian ``autori``, Hungarian ``szerzo``, ``szerzok``,
``field--name-field-szerzo``, Basque ``egilea``, Finnish ``kirjoittaja``, ``kirjoittajat``,
``tekija`` (not ``tekijat``, a film's or a show's makers), Danish and Norwegian ``forfatter``, ``forfattere``, Swedish
``forfattare``, ``skribent``, ``skribenter``, Slovene ``avtor``, ``avtorji``, Irish ``udar``,
``udair``; not ``szerzodes``, a contract)."""
_BYLINE_CLASS_KEYS = ("aut", "byline", "szerz", "egile", "kirjoittaja", "tekij", "fatt", "skribent", "avtor", "udar",
                      "údar", "udair", "údair")
"""What every match of :data:`_BYLINE_CLASS` holds, in lower case: a class holding none is no
byline's, told without the pattern."""
_SIGNATURE_CLASS = re.compile(r"(?<![a-z])(?:firma|signature|signatura|signatur|podpis|potpis|unterschrift|allkiri"
                              r"|allekirjoitus|assinatura)(?![a-z])", re.I)
"""A class or id naming the article's signature, the writer's name printed under or over the
text in Italian, Spanish, Catalan, Portuguese, French, Polish, Czech, Slovak, Slovene,
Croatian, Serbian, German, Estonian and Finnish layouts (``firma``, ``firma-autor``,
``signatura``, ``article-signature``, ``podpis``, ``potpis``, ``unterschrift``, Estonian ``allkiri``, Finnish
``allekirjoitus``). The words name other things too (a firm, a photo's
caption in Polish, a dish, a subscription), so such an element is a byline only where
:func:`_signature` finds it one."""
_BYLINE_HOOKS = frozenset(("user-name",))
"""The ``data-hook`` of a post's writer in Wix's blog markup (its classes are generated, and the
class ``user-name`` elsewhere names the signed-in reader in a site's menu, no byline)."""
_NOT_BYLINE = re.compile(r"comment|quote|bio|avatar|image|img|photo|share|promo|social|follow|more|related", re.I)
_CAPTION = re.compile(r"caption|cutline", re.I)
_LABEL = re.compile(r"(?:^|[\s_-])label(?:$|[\s_-])", re.I)
"""A class naming a field's label (Drupal's ``field__label``: ``Auteurs``), no part of its value."""
_BLOCKS = frozenset(("div", "p", "li", "ul", "ol", "dl", "dt", "dd", "section", "h2", "h3", "h4", "h5", "h6"))
_ROLE_OR_PHOTO = re.compile(r"(?:^|[\s_-])(?:role|job-?title|jobtitle|position|occupation|function|desc|description"
                            r"|bio|biography|fotos?|photos?|pictures?|images?|bild(?:er)?)(?:$|[\s_-])"
                            r"(?<!position-)(?!(?:relative|absolute|fixed|static|sticky)(?:$|\s))", re.I)
"""A class naming the part of a byline beside the name that is no name: the writer's role,
job title or description (``byline-role``, ``author-jobtitle``, ``author-desc``), a photo's
credit (``foto``, ``photo-credit``); not a CSS utility's (Bootstrap's ``position-relative``)."""


def _in_fact_box(el) -> bool:
    """The byline-named element ``el`` is a field of a box of a work's details (a review's book,
    play or record: its author, publisher, pages), no byline: it is in a definition list
    (``<dl><dt>Forfatter</dt><dd class="forfatter">…``) or a table holding no paragraph of
    running text (:data:`_RUNNING_CHARS`: a layout's table holds the article), either printing
    no date (:data:`_DATE_LIKE`: Joomla's ``<dl class="article-info">`` prints the article's);
    or, linking to no author's page (:func:`_author_page`), it is followed by an element of its
    tag and a class of its own (another field's value; a role's label before it,
    ``Production``, is none) whose text holds no digit, in a container of :data:`NAME_CHARS`
    characters at most printing no date: ``<span class="kirjoittaja">…</span> <span
    class="kustantaja">Schildts</span>``; a date line prints the date beside the name.; or it is a box's field or a strip's item after the text (:func:`_box_after_the_text`)"""
    box = next((a for a in el.iterancestors() if a.tag in ("dl", "table")), None)
    if box is not None and not _DATE_LIKE.search(text_of(box) or "") \
            and not any(len(text_of(p) or "") >= _RUNNING_CHARS for p in box.iter("p")):
        return True
    if _box_after_the_text(el):
        return True
    parent = el.getparent()
    if parent is None or len(text_of(parent) or "") > NAME_CHARS or _DATE_LIKE.search(text_of(parent) or ""):
        return False  # the article's own container, or a date line
    if any(_author_page(a.get("href")) for a in el.iter("a")):
        return False  # a link to the writer's page: an article's byline
    return any(x.tag == el.tag and x.get("class") and (x.get("class") or "") != (el.get("class") or "")
               and not _names_byline(x.get("class"), x.get("id")) and not any(c.isdigit() for c in text_of(x) or "")
               and (text_of(x) or "").strip() for x in el.itersiblings())


_BOX_LEVELS = 3  # the elements up from a byline's own whose earlier siblings may be the text's paragraphs


def _box_after_the_text(el) -> bool:
    """The byline-named element ``el`` comes after a paragraph of the article's text (a ``<p>``
    of :data:`_RUNNING_CHARS` characters or more among the earlier siblings of it or of the
    :data:`_BOX_LEVELS` elements wrapping it) and is a box's field or a strip's item, no byline:
    its parent holds no paragraph of the text and prints another field beside it (an element
    whose text is not ``el``'s, that names no byline, role or photo: a book's publisher and
    pages, ``<p class="forlag">Gyldendal, 320 sider</p>``), or ``el`` stands beside an element
    of its tag and class (a columnists' strip, one writer each: ``<div
    class="skribenter">``). A byline printed after the text alone, or beside its role, or
    two lines of one class (``<p class="author">`` each), stands."""
    node, after = el, False
    for _ in range(_BOX_LEVELS):
        if node is None or node.tag in ("article", "main", "body"):
            break
        if any(x.tag == "p" and len(text_of(x) or "") >= _RUNNING_CHARS for x in node.itersiblings(preceding=True)):
            after = True
            break
        node = node.getparent()
    parent = el.getparent()
    if not after or parent is None:
        return False
    cls = el.get("class")
    if cls and el.tag in ("div", "section", "li", "article") and any(
            x is not None and x.tag == el.tag and x.get("class") == cls for x in (el.getprevious(), el.getnext())):
        return True
    if any(len(text_of(p) or "") >= _RUNNING_CHARS for p in parent.iter("p")):
        return False
    return any(isinstance(x.tag, str) and x is not el and (text_of(x) or "").strip() and not _within(el, x)
               and not _names_byline(x.get("class"), x.get("id")) and not _not_a_name(x)
               and not any(_not_a_name(d) for d in x.iterdescendants(etree.Element)) for x in parent)


def _not_a_name(node) -> bool:
    """``node``, inside a byline, prints no name: its class names a role or a photo's credit
    (:data:`_ROLE_OR_PHOTO`), or its ``itemprop`` is schema.org's ``jobTitle``."""
    return bool(_ROLE_OR_PHOTO.search(node.get("class") or "")) or "jobTitle" in (node.get("itemprop") or "")


def _printed_byline(f: Fields) -> list[str]:
    """The first byline printed in the page's body: the text (:func:`_byline_text`), 3 to 120
    characters long, of the first element whose class or id names a byline or an author
    (``byline``, ``article-author__name``, ``authors``) or whose ``data-hook`` is a writer's
    (:data:`_BYLINE_HOOKS`, Wix), not page furniture (a sign-in prompt, ``Log In``, where Wix
    prints the reader's name: :func:`~newsbot.extraction.generic.boilerplate.opens_with_furniture`),
    not a comment's, a quote's, an author
    box's biography (:func:`_biography`: its sentence) or picture, nor in an aside, a navigation, the page's footer or reader
    comments (:func:`~newsbot.extraction.values.in_aside`); when the first is a photo's (in a
    figure, or named a caption: ``cutline-byline``), none (the bylines after it may be a teaser's,
    and the date line is read next); cut before the first date, time or reading
    time among its fields when it prints one after a name (:func:`_before_time`: ``Jacobo
    Betancur | Publicado hace 3 horas``); the elements inside it marked as names, when some are
    (:func:`_name_elements`: the role beside each left out; none when each is another role's),
    each a value of its own, with
    those of the bylines of its class beside it (:func:`_same_bylines`), those under a label
    other than the first's that may credit another role (:func:`_credits_other_role`: ``Written
    by`` then ``Edited by``) left out; the parts
    naming a role or a photo's credit (:func:`_not_a_name`) are no part of its text (a label
    crediting another role, ``<span class="byline-label">Photos:</span>``, makes it a photo's:
    none, :func:`_credits_photo`), and its
    fields from the first crediting another role on (:func:`_writer_fields`) neither. ``[]``
    when there is none, when it opens with a source's lead-in (the vocabulary's
    ``source_lead_in``: ``Font: Departament de Cultura``, a source, no writer), or when its names are all desks' author links (:func:`_desk`,
    :func:`_author_page`: ``By <a href="/authors/europe-desk">Europe Desk</a>``)."""
    for el in _byline_named(f):
        edged = _edged_text(el)
        text = _byline_text(el, edged)
        if text and 3 <= len(text) <= NAME_CHARS and not in_aside(el) and not opens_with_furniture(text) \
                and not _in_fact_box(el) and not _biography(text, byline_language(f), language_declared(f)):
            if _CAPTION.search(f"{el.get('class') or ''} {el.get('id') or ''}") \
                    or any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
                return []  # a photo's byline first: the date line is read next, not a teaser's byline
            marked = _name_elements(el)
            if marked is not None:  # and those of the same byline repeated beside it, one per writer
                marked += [pair for other in _same_bylines(el) for pair in _name_elements(other) or ()]
                first = key(marked[0][1]) if marked else ""  # the writer's label: another one credits another role
                return [name for name, label in marked if key(label) == first or not _credits_other_role(label)]
            if any(_credits_photo(text_of(node) or "") for node in el.iter(etree.Element)
                   if node is not el and _LABEL.search(node.get("class") or "")):
                return []  # ``<span class="byline-label">Photos:</span> Tom Weiss``, a photographer's
            fields = _fields(el, edged)
            writer = _writer_fields(fields)
            if len(writer) < len(fields):  # ``By Ana Ruiz · Edited by Tom Weiss``
                fields, text = writer, ", ".join(writer)
            value = (_before_time(fields, f) if len(fields) > 1 else None) or text
            if pattern("source_lead_in").match(value):
                return []  # ``Font: Departament de Cultura``, ``Fuente: Ayuntamiento``: a source, no writer
            linked = {key(text_of(a) or "") for a in el.iter("a") if _author_page(a.get("href"))}
            if linked and all(_desk(n) and key(n) in linked for n in split_names(value, byline_language(f)) or ("",)):
                return []  # ``By <a href="/authors/europe-desk">Europe Desk</a>``: a desk's author page
            return [value]
    return []


def _byline_named(f: Fields):
    """The elements of the page's ``<body>``, in document order, that a class or id names a
    byline (:func:`_names_byline`) or whose ``data-hook`` is one of :data:`_BYLINE_HOOKS`; never a
    script, style, image, meta or link element."""
    body = f.page.tree.find("body")
    for el in body.iter(etree.Element) if body is not None else ():
        if el.tag not in ("script", "style", "img", "meta", "link") \
                and (_names_byline(el.get("class"), el.get("id")) or el.get("data-hook") in _BYLINE_HOOKS):
            yield el


def _author_box(f: Fields) -> list[str]:
    """The writer an author box names (:func:`_author_box_name`: ``<h3>Über die Autorin</h3><p><strong>Lea
    Sommer</strong> ist Biologin …``): the first byline-named element (as :func:`_printed_byline`
    reads them) printing a biography (:func:`_biography`), in no aside
    (:func:`~newsbot.extraction.values.in_aside`). Read last of the markup's sources: a blog's owner's box
    stands under a guest's post its links or byline credit. None on a review (a JSON-LD node of
    the ``Review`` type or with an ``itemReviewed``): its box is the reviewed book's author's. ``[]`` when
    there is none."""
    if any("Review" in ld_types(node) or "itemReviewed" in node for node in f.page.jsonld if isinstance(node, dict)):
        return []
    for el in _byline_named(f):
        boxed = _author_box_name(el)
        if boxed and not in_aside(el) and _biography(_byline_text(el) or "", byline_language(f), language_declared(f)):
            return [boxed]
    return []


def _author_box_name(el) -> str | None:
    """The writer an author box ``el`` (a byline-named element printing a biography,
    :func:`_biography`) names under a heading saying it is the author's: its first heading
    (``<h2>`` to ``<h6>``) holds the word *author* (:data:`_ROLE_WORD`: ``Über die Autorin``,
    ``About the author``, ``O autorze``), and its first paragraph opens with an emphasis
    element (:data:`_EMPHASIS`) whose text reads as a person's name (:func:`_person_shaped`,
    not opening with a definite article, the vocabulary's ``definite_article``: a book's
    title, ``Das Moor``) with no quotation mark around it: ``<p><strong>Lea Sommer</strong> ist
    Biologin …</p>``. ``None`` otherwise (a biography under no such heading, or naming its
    writer in the sentence alone). Its heading and that paragraph are among its first
    :data:`_BOX_NEAR` elements."""
    near = list(islice(el.iter(etree.Element), _BOX_NEAR))  # its opening elements: read in linear time
    heading = next((h for h in near if h.tag in _HEADINGS), None)
    if heading is None or not _ROLE_WORD.search(text_of(heading) or ""):
        return None
    first = next((p for p in near if p.tag == "p" and (text_of(p) or "").strip()), None)
    lead = next(first.iterchildren(etree.Element), None) if first is not None else None
    if lead is None or lead.tag not in _EMPHASIS or (first.text or "").strip():
        return None
    name = clean(text_of(lead)) or ""
    words = name.split()
    if not _person_shaped(name) or pattern("definite_article").match(words[0]) or any(c in _QUOTE_MARKS for c in name) \
            or (lead.tail or "").lstrip()[:1] in _QUOTE_MARKS:
        return None
    return name


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_BOX_NEAR = 8  # the first elements of an author box (itself included) its heading and first paragraph are among
_SENTENCE_WORDS = 6  # the fewest words of an author box's sentence (``Lea Sommer ist Biologin und schreibt …``)
_SENTENCE_LOWER = 3  # the fewest words in lower case of such a sentence, no conjunction among them


def _biography(text: str, language: str, declared: bool = True) -> bool:
    """A byline-named element's ``text`` is a sentence about its writer, an author box's
    biography, no byline: :data:`_SENTENCE_WORDS` words or more ending in a full stop or an
    exclamation mark (or quoting a title: ``… über „Wälder und Moore“``), of which
    :data:`_SENTENCE_LOWER` or more are in lower case and neither a conjunction of the page's
    ``language`` (:func:`_conjunctions`) nor a surname's particle (the vocabulary's
    ``name_particle``): the verbs and words of a sentence (``Lea Sommer ist Biologin und
    schreibt über Wälder.``), where a byline's lower-case words are a name's particles, a
    conjunction or a place's preposition (``door Jan de Vries en Piet van der Berg.``). A line
    opening with a byline's lead-in (:func:`_lead_ins`: ``By Anna Berg, who covers …``, ``Par
    Julien Moreau, envoyé spécial à Kyiv.``), or with a name and a comma (``Anna Nowak,
    dziennikarka …``: the role after it), is a byline: the sentence's subject is a name a verb
    follows."""
    words = text.split()
    end = text.rstrip().rstrip("\"'“”„»«’")
    if not (end.endswith((".", "!")) or any(c in _QUOTE_MARKS for c in text)) or len(words) < _SENTENCE_WORDS:
        return False
    lead_in = _lead_ins(language, declared).match(text)
    if lead_in and lead_in.end() > 0:
        return False
    name = 0
    while name < len(words) and (words[name][0].isupper() or (name and pattern("name_particle").match(words[name]))):
        name += 1
    if name and words[name - 1].endswith(","):
        return False  # ``Anna Nowak, dziennikarka działu gospodarczego.``: a name and its role
    conjunctions = _conjunctions(language)
    return sum(1 for w in words if w[0].islower() and w.lower() not in conjunctions
               and not pattern("name_particle").match(w)) >= _SENTENCE_LOWER


_CREATOR_CLASSES = frozenset(("field--name-uid", "field-name-uid", "submitted"))
"""The class words of a Drupal node's creator element (:func:`_creators`)."""
_MAY_CREATE = etree.XPath("/descendant::*[contains(@rel, 'sioc:has_creator') or contains(@class, 'submitted')"
                          " or contains(@class, 'name-uid')]")
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _creators(page: Page) -> list:
    """The elements of a Drupal node's meta that hold its creator, in document order: Drupal 7's
    ``rel="sioc:has_creator"`` (and its ``<div class="submitted">``), Drupal 8 and later's
    ``field--name-uid`` field (a word of the ``rel`` or ``class``, split at XML's white space).
    A page whose names (:attr:`~newsbot.extraction.page.Page.names`) hold none of the words has
    none; else one walk of the tree, in C, for
    the elements whose attribute holds such a word anywhere, the words then told in Python."""
    if not any(word in page.names for word in ("submitted", "name-uid", "sioc:has_creator")):
        return []
    return [el for el in _MAY_CREATE(page.tree)
            if "sioc:has_creator" in _XML_SPACE.split(el.get("rel") or "")
            or not _CREATOR_CLASSES.isdisjoint(_XML_SPACE.split(el.get("class") or ""))]
_CREATOR_NAME = etree.XPath(".//*[contains(concat(' ', normalize-space(@property), ' '), ' foaf:name ')"
                            " or contains(concat(' ', normalize-space(@property), ' '), ' schema:name ')"
                            " or contains(concat(' ', normalize-space(@class), ' '), ' username ')]")
"""The element printing the creator's name: RDFa's ``foaf:name`` (Drupal 7) or ``schema:name``
(Drupal 8 and later), or the theme's ``username``."""
_USER_PAGE = re.compile(r"/(?:users?|felhasznalo|uzivatel|pouzivatel|uporabnik|kayttaja|utilisateur|utente|usuario"
                        r"|benutzer|gebruiker|uzytkownik|korisnik|kasutaja|lietotajs|naudotojas|utilizator|anvandare"
                        r"|bruker|bruger)/", re.I)
"""The path of a link to a Drupal account's page (``/user/5``, ``/hu/felhasznalo/kovacs-anna``)."""


def _node_creator(f: Fields) -> list[str]:
    """The creator a Drupal node's own meta prints, the account that saved the node: the
    weakest evidence of a writer, read after every printed byline and only where the node
    prints no author of its own (:func:`_node_author`). In the first creator's element
    (:func:`_creators`: ``<span rel="sioc:has_creator">Beküldte <span class="username"
    property="foaf:name">Kovács Anna</span> …``, ``<span class="field field--name-uid">``), the
    text of its name's element (:data:`_CREATOR_NAME`), else of its first link to an account's
    page (:data:`_USER_PAGE`: ``<a href="/user/5">``), else a field's item (``field__item``;
    its label, ``Uploaded by``, no part of it) or, in a field printing no label nor item, its
    text, read from the markup, not cut from the lead-in
    (``Submitted by``, ``Vložil``) and the date around it. Only the meta of the page's own node
    (:func:`_own_node`): the element's nearest node (an ``<article>`` or a ``node`` element,
    :func:`~newsbot.extraction.values.drupal_node`) is inside no other (a related node a reference field embeds in the text),
    the element stands before the node's running text (a poll's or a reader's credit below it
    is none), in no figure nor form (a photo's caption), no teaser nor a view's row
    (:func:`~newsbot.extraction.values.listed_node`), nor in an aside (:func:`~newsbot.extraction.values.in_aside`). The name
    must read as a person's (:func:`_person_shaped`, two capitalised words or more, a
    parenthesis after it left out): an account's login (``jnovak``, ``JNovak``, ``Urednik_2``),
    a desk's or an office's account (``Sajtóiroda``), Drupal's anonymous user (``Anonymous (not
    verified)``, ``Névtelen``, ``Gast``: the vocabulary's ``not_a_person``) are none. ``[]`` when
    there is none."""
    read: dict = {}  # what one node's walks found, for every creator's element in it
    for el in _creators(f.page):
        if in_aside(el) or any(listed_node(a) for a in (el, *el.iterancestors())):
            continue  # a teaser's, a comment's
        node = _own_node(el, read)
        if node is None:
            return []  # the first creator's element out of the node's meta: a nested node's, a caption's
        if _node_author(node, el, read):
            return []  # the node prints its writer: the account that saved it is no byline
        name = next(iter(_CREATOR_NAME(el)), None)
        if name is None:
            name = next((a for a in el.iter("a") if _USER_PAGE.search(urlsplit(a.get("href") or "").path)), None)
        if name is None and "uid" in (el.get("class") or ""):
            name = next((i for i in el.iter(etree.Element) if _FIELD_ITEM.search(i.get("class") or "")), None)
            if name is None and not any(_FIELD_LABEL.search(i.get("class") or "") for i in el.iter(etree.Element)):
                name = el  # ``<div class="field field--name-uid">Laura Virtanen</div>``: the field's text is its value
        if name is None:
            continue  # ``<div class="submitted">`` printing no name's element: where it ends is not known
        text = clean(_PARENS.sub("", _byline_text(name) or "")) or ""
        if not text or len(text) > NAME_CHARS or not _person_shaped(text) or "_" in text \
                or any(c.isdigit() for c in text) or pattern("not_a_person").match(text):
            return []  # a login, an account, Drupal's anonymous user: no name the node prints for its writer
        return [text]
    return []


_FIELD_ITEM = re.compile(r"(?:^|\s)field-{1,2}items?(?:$|\s)|(?:^|\s)field__items?(?:$|\s)")
"""The class of a Drupal field's value (``field__item``, ``field-item``), not its label."""
_NOT_META = ("figure", "figcaption", "form", "blockquote")


def _own_node(el, read: dict | None = None):
    """The node whose meta ``el`` (a creator's element) is: its nearest ``<article>`` or
    ``node`` element (:func:`~newsbot.extraction.values.drupal_node`) when that is the page's
    outermost or the only node inside the one around it (a theme's ``<article>`` wrapping the one
    ``<div class="node node-article">``; not a node among others inside one, nor one of three
    nested), ``el`` stands before the outermost node's running text (a ``<p>`` of
    :data:`_RUNNING_CHARS` characters or more), in no figure, form or quotation
    (:data:`_NOT_META`); else ``None``. ``read``: a dict keeping, per node, the elements before its
    running text and whether others stand beside it, so that a page of many creator's elements
    walks each node once."""
    nodes = [a for a in el.iterancestors() if a.tag == "article" or drupal_node(a)]
    if not nodes or any(a.tag in _NOT_META for a in el.iterancestors()):
        return None
    node = nodes[0]
    read = {} if read is None else read
    if len(nodes) > 2:
        return None  # nodes in nodes
    outer = nodes[-1]
    if len(nodes) == 2:
        if (node, "among") not in read:
            read[node, "among"] = any(x is not node and not _within(x, node) and (x.tag == "article" or drupal_node(x))
                                      for x in outer.iterdescendants(etree.Element))
        if read[node, "among"]:
            return None  # a node among others in an outer one (a related node a reference field embeds)
    if (outer, "meta") not in read:
        before = set()
        for x in outer.iter(etree.Element):  # which comes first: ``el``, or the text's first paragraph
            before.add(x)
            if x.tag == "p" and len(text_of(x) or "") >= _RUNNING_CHARS:
                break
        read[outer, "meta"] = before
    return node if el in read[outer, "meta"] else None


def _node_author(node, creator, read: dict | None = None) -> bool:
    """The node ``node`` prints its writer apart from its creator's element ``creator``: a
    field whose label names an author (``<div class="field-label">Szerző:</div>``:
    :data:`_ROLE_WORD`), an element whose class names a byline or an author
    (:func:`_names_byline`), a link ``rel="author"`` or to an author's page
    (:func:`_author_page`: ``<a href="/autori/jana-mala">``), or a signature (:data:`_SIGNATURE_CLASS`).
    ``read``: a dict keeping, per node, its elements that print a writer, so that a page of
    many creator's elements walks each node once."""
    read = {} if read is None else read
    if (node, "author") not in read:
        marks = []
        for el in node.iter(etree.Element):
            cls = el.get("class") or ""
            if (_LABEL.search(cls) and _ROLE_WORD.search(text_of(el) or "")) or _names_byline(cls, el.get("id")) \
                    or _SIGNATURE_CLASS.search(cls) \
                    or (el.tag == "a" and ("author" in (el.get("rel") or "").split() or _author_page(el.get("href")))):
                marks.append(el)
        read[node, "author"] = marks
    return any(not _within(el, creator) for el in read[node, "author"])


def _credits_photo(label: str) -> bool:
    """``label`` credits another role (the vocabulary's ``other_credit``, with or without its
    colon: ``Photos:``, ``Photography``) or names a photographer (:func:`_photographer`)."""
    label = clean(label) or ""
    credit = pattern("other_credit")
    return bool(label) and bool(credit.search(f" {label} X") or credit.search(f" {label}: X") or _photographer(label))


def _writer_fields(fields: list[str]) -> list[str]:
    """The fields of a byline before the first after its first that credits another role or a
    source: another role's credit (the vocabulary's ``other_credit``, ``Fotos: …``), a source's
    lead-in (``source_lead_in``, ``Source: Reuters``), or a label before a person's name, its
    words after the first in lower case, that is no lead-in and closes on a word in lower case
    (:func:`_credits_other_role`: ``Edited by Tom Weiss``, ``Reviewed by …``)."""
    for i, field in enumerate(fields[1:], 1):
        words = field.split()
        label = next((" ".join(words[:j]) for j in range(1, len(words)) if _person_shaped(" ".join(words[j:]))), "")
        if pattern("other_credit").match(field) or pattern("source_lead_in").match(field) \
                or (label and all(w.islower() for w in label.split()[1:]) and _credits_other_role(label)):
            return fields[:i]
    return fields


_SAME_BYLINES = 5  # the most bylines of one class read after the first, as rel=author links are capped at 6


def _same_bylines(el) -> list:
    """The elements after ``el`` among its siblings with its class (a byline repeated for each
    writer: ``<div class="article-byline">`` twice), :data:`_SAME_BYLINES` at most."""
    cls = el.get("class")
    return [other for other in el.itersiblings(el.tag) if cls and other.get("class") == cls][:_SAME_BYLINES]


_NAME_MARK = re.compile(r"(?:^|\s)(?:(?:[\w-]*(?:auth?or|autor|auteur|byline|writer|person|user|full|display"
                        r"|contributor|reporter)[_-]*)?name|fn)(?:$|\s)", re.I)
"""A class whose word is "name", or a person's name (``byline-name``, ``author__name``,
``authorName``, hCard's ``fn``; not ``category-name``, nor ``byline__location-name``, a word
between the person's and "name"): the element printing a person's name, not the role, place
or time beside it."""


def _name_elements(el) -> list[tuple[str, str]] | None:
    """The texts of the elements inside the byline ``el`` that the markup marks as a name (a
    class word ending in "name", :data:`_NAME_MARK`, or ``itemprop="name"`` of no organisation's
    item, ``<span itemscope itemtype=".../Organization">``), the outermost of each, a label
    (:data:`_LABEL`) left out: ``<span class="byline-name">Erik Lund</span> <span
    class="byline-role">Reporter</span>`` names Erik Lund alone. Each name comes with the label
    printed before it (the last field of the words from the name before, labels included:
    ``Edited by``); one after another role's credit (``Photos: <span class="byline-name">…``:
    the vocabulary's ``other_credit``) is none, and so one beside a photographer's role (before
    or after it, its role's element included: ``<span class="author-role">Photographer</span>``,
    ``Lea Brandt</span> (Fotos)``: :func:`_photographer`), one after a role's element crediting
    another role where the byline's role elements come before the names (``<span
    class="byline-role">Text</span> <span class="byline-name">…</span> <span
    class="byline-role">Fotos</span> <span class="byline-name">…``), one after a source's
    lead-in (the vocabulary's ``source_lead_in``: ``Quelle: <span class="author-name">…``) and
    an account's handle after a name
    (one word in lower case, ``anaruiz``, or one opening with ``@``). ``None`` when none is
    marked so, ``[]`` when each marked is another role's."""
    found = []
    for node in el.iterdescendants(etree.Element):
        cls = node.get("class") or ""
        if not (_NAME_MARK.search(cls) or "name" in (node.get("itemprop") or "").split()) or _LABEL.search(cls) \
                or any(a in found for a in node.iterancestors()):
            continue
        found.append(node)
    if not found:
        return None
    names: list[tuple[str, str]] = []
    plain, whole = _texts_between(el, found, False), _texts_between(el, found, True)
    roles_first = clean(whole[0]) != clean(plain[0])  # ``<span class="byline-role">Text</span> <span …name>``
    for i, node in enumerate(found):
        text = _byline_text(node)
        label = clean(_FIELD_EDGE.split(plain[i].replace("\0", " "))[-1]) or ""
        role = clean(_FIELD_EDGE.split(whole[i].replace("\0", " "))[-1]) or ""
        follow = next((c for c in (clean(x) for x in _FIELD_EDGE.split(_text_after(node, el, found))) if c), "")
        if not text or _credits_photo(label) or (roles_first and _credits_photo(role)) or _in_organisation(node, el) \
                or pattern("source_lead_in").match(label) \
                or _photographer(role) or _photographer(follow) or _credited_other_role().search(f"{text} {follow}") \
                or (names and (text.startswith("@") or (" " not in text and text.islower()))):
            continue
        names.append((text, label))
    return names


def _text_after(node, el, found: list) -> str:
    """The text printed after the name's element ``node`` in its block (up to the next block
    edge, ``el``'s end or the next element of ``found``): the role beside the name."""
    parts = [node.tail or ""]
    cur = node
    while True:
        for sib in cur.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if sib in found or sib.tag in _BLOCKS or any(d in found for d in sib.iterdescendants()):
                return "".join(parts)
            parts += [text_of(sib) or "", sib.tail or ""]
        parent = cur.getparent()
        if parent is None or parent is el or parent.tag in _BLOCKS:
            return "".join(parts)
        parts.append(parent.tail or "")
        cur = parent


def _texts_between(el, found: list, roles: bool) -> list[str]:
    """The texts ``el`` prints around the elements of ``found`` (inside it, in document order):
    before the first, between each and the next, after the last (one more than ``found``),
    labels included, a role's or a photo's part (:func:`_not_a_name`) only with ``roles``."""
    out: list[str] = []
    buf: list[str] = []

    def walk(node):
        if node in found:
            out.append("".join(buf))
            buf.clear()
        elif node.tag not in ("script", "style", "noscript", "template") \
                and (node is el or roles or not _not_a_name(node)):
            buf.append(node.text or "")
            for child in node.iterchildren(etree.Element):
                walk(child)
        if node is not el and node.tail:
            buf.append(node.tail)

    walk(el)
    del walk  # it names itself: a reference cycle holding ``el``, and the page's tree, until the collector runs
    return out + ["".join(buf)]


def _credits_other_role(field: str) -> bool:
    """``field``, the label printed right before a name in a byline (:func:`_name_elements`),
    may credit a role other than the writer's: it closes on a word in lower case or a colon
    (``Edited by``, ``Fact checked by``, ``Posted by``, ``Script:``) and is no byline's
    lead-in (``By``, ``Written by``, ``Text:``) nor a word *and* (``name_conjunction``). The
    byline's first label is the writer's; another one credits another role."""
    if not field:
        return False
    lead_in = pattern("byline_lead_in")
    if lead_in.match(field) and not lead_in.sub("", field).strip():
        return False
    if pattern("name_separator").fullmatch(f" {field} "):
        return False
    last = field.split()[-1]
    return last.endswith(":") or (last.isalpha() and last.islower())


def _in_organisation(node, el) -> bool:
    """``node`` (inside the byline ``el``) names an organisation's microdata item: an element up
    to ``el`` is an item typed ``Organization`` (or a kind of it) or the ``publisher``."""
    for a in node.iterancestors():
        if a is el:
            return False
        if "publisher" in (a.get("itemprop") or "").split() or "Organization" in (a.get("itemtype") or "") \
                or "NewsMedia" in (a.get("itemtype") or ""):
            return True
    return False


_DATELINE_NEAR = 3  # elements after the headline read for its date line
_FIELD_EDGE = re.compile(r"\s*[·|•,;\0]\s*|\s+[–—/-]\s+")
"""Where the fields of a date line or a byline meet (``Von Sabine Braun · 03.03.2025 ·
Leestijd 3 minuten``, ``Por Ana García | Madrid``): a middle dot, bar, bullet, comma or
semicolon, or a dash or slash between spaces (a name's hyphen, an agency's ``/dpa``, stay)."""


def _dateline_byline(f: Fields) -> list[str]:
    """The byline of the date line printed under the headline
    (:func:`~newsbot.extraction.title.headline_element`), as in ``Von Sabine Braun ·
    03.03.2025, 09:12 Uhr`` or ``Bild: dpa/Jens Büttner · Von Sabine Braun · 03.03.2025``: in
    the first element among the :data:`_DATELINE_NEAR` after the headline (or inside them)
    whose text (its blocks set apart: :func:`_byline_text`),
    :data:`NAME_CHARS` characters at most, holds a field (:data:`_FIELD_EDGE`) opening with a
    byline's lead-in (``Von``, ``By``, ``Par``: the vocabulary's ``byline_lead_in``) and, after
    it, a date, a time or a reading time (:func:`_names_time`), the fields from the lead-in to
    that one read as a byline (:func:`split_names`: a place after the name, ``Madrid``, ``à
    Bruxelles``, is dropped there) when its names each read as a person's
    (:func:`_person_shaped`) or a news agency's (``Sabine Braun/dpa``). With no field after
    it, a date printed in the lead-in's field ends the name there (``Written by Ana Ruiz on
    12 March 2025``, a word in lower case before the date: :func:`_before_date`), when the names
    read as a person's. The element right after the headline (itself, not one inside it) may
    print a news agency's name alone before a date (:func:`_agency_alone`): the
    agency is the byline (``Lusa | 17 de junho de 2026``); and it may
    print its names with no lead-in when a date follows them (``Ana Ruiz · 12 March 2025``,
    names first): they are read when each field before the date holds names that each read as
    a person's and the markup marks each as an author's (:func:`_marked_authors`: capitalised
    words alone may be a section, a place or a kicker, ``European Affairs``, ``Den Haag``). A
    lead-in that is one only before its colon (:func:`_label_lead_in`, ``Interview:``) asks
    for that mark too, and so a source's lead-in (the vocabulary's ``source_lead_in``:
    ``Quelle: Stadt Mainz · 4. März 2025``), a desk's name (:func:`_desk`) and a lead-in's field with no date after it
    (its lead-in printed after the line's date, with its colon or, a lead-in of every language
    (the vocabulary's ``byline_lead_in``; not Romanian ``de``, an outlet's ``de Radio Constanța``), none, needs none:
    ``12.03.2026 · Autors: Andris Kalniņš``, ``11.03.2026, 12:15 Uhr · Von Kerstin Jahn``, news
    agencies' fields after it credited with the writer, :func:`_credited_with_agency`:
    ``Dodano: 11.03.2026 15:20 | Autor: Jan Kowalski, PAP``; with no date in the line it is a work's card,
    ``Författare: Selma Lagerlöf``, ``Text: Bertolt Brecht``), unless only other roles'
    credits follow it (``Text: Ana Ruiz · Fotos: Luis Gil``); places read as people's names
    (``Por Sierra Nevada y Las Alpujarras``) are none without it. A lead-in's field with no
    date after it whose lead-in names a source (the vocabulary's ``source_lead_in``: ``4 mars
    2025 · Source : Agence France-Presse``) or whose names are a desk's (:func:`_desk`: ``By <a
    href="/authors/europe-desk">Europe Desk</a>``) names no writer, marked or not. ``[]``
    otherwise. On a table layout's page with no heading, the headline is its bold line
    (:func:`~newsbot.extraction.title.bold_headline`), the date line a ``<font>`` after it, in
    its cell or the next (:func:`_near_headline`); else the line printing the ``<title>``'s
    headline (:func:`~newsbot.extraction.title.headline_element`: its longest part, ``Vesti -
    Novi kranovi u luci``), the elements after it in its cell, its line breaks passed."""
    head = headline_element(f.page, None)
    nears = list(head.itersiblings())[:_DATELINE_NEAR] if head is not None else []
    if head is None and (head := bold_headline(f.page)) is not None:
        nears = _near_headline(head)  # its cell's next siblings, or the next row's
    if head is None and (head := headline_element(f.page, clean(f.page.tree.findtext(".//title") or ""))) is not None:
        # the line printing the ``<title>``'s headline (a table layout's ``<b>`` in the cell of the text)
        nears = [el for el in head.itersiblings() if isinstance(el.tag, str) and el.tag != "br"][:_DATELINE_NEAR]
    language = byline_language(f)
    lead_in = _lead_ins(language, language_declared(f))
    agency_of = pattern("news_agency").match
    for n, near in enumerate(nears):
        for el in near.iter(etree.Element):
            edged = _edged_text(el, _COMPOSED * NAME_CHARS)
            if edged is None:
                continue  # surely over NAME_CHARS: a block of the text, read no further
            text = _byline_text(el, edged)
            if not text or len(text) > NAME_CHARS:
                continue
            fields = _fields(el, edged)
            start = next((i for i, field in enumerate(fields) if lead_in.match(field)), None)
            if start is None:
                if n == 0 and el is near and len(fields) > 1 and _agency_alone(fields[0], language) \
                        and _names_time(fields[1], f):
                    return [fields[0]]  # ``Lusa | 17 de junho de 2026``: the agency alone credited
                if n == 0 and el is near and len(fields) > 1 and _persons(fields[0], language):  # ``Name · date``
                    names = [_persons(field, language) for field in _names_before_time(fields, f)]
                    flat = [name for part in names for name in part]
                    if names and all(names) and _marked_authors(el, flat) and not any(_desk(n) for n in flat):
                        return unique(flat)
                continue
            byline = _before_time(fields[start:], f)
            lead = fields[start]
            if byline is None and len(fields) > start + 1 and all(agency_of(x) for x in fields[start + 1:]):
                lead = ", ".join(fields[start:])  # ``Autor: Jan Kowalski, PAP``: an agency credited beside the writer
            persons_only = byline is None and (len(fields) == start + 1 or lead != fields[start])
            if persons_only:
                byline = _before_date(lead)
            credits = byline is None and len(fields) > start + 1 \
                and all(pattern("other_credit").match(field) or not _without_role(field)
                        for field in fields[start + 1:])
            if byline is None and (persons_only or credits) and not _label_lead_in(fields[start], lead_in):
                # ``12.03.2026 · Autors: …``: a date before and the lead-in's colon (without it an outlet's,
                # a sponsor's or a place's name follows as often: ``… · Presented by Mercedes Benz``)
                dated = any(_names_time(x, f) for x in fields[:start]) and _colon_lead_in(fields[start], lead_in)
                names = _persons(lead, language) or (_credited_with_agency(lead, language) if dated and persons_only
                                                     else [])
                if names and not pattern("source_lead_in").match(fields[start]) \
                        and not any(_desk(name) for name in names) \
                        and (credits or dated or _marked_authors(el, names)):
                    return names
            if byline is not None:
                names = split_names(byline, language)
                agency = pattern("news_agency")
                if (_label_lead_in(fields[start], lead_in) or pattern("source_lead_in").match(fields[start])
                        or any(_desk(n) for n in names)) and not _marked_authors(el, names):
                    return []  # ``Interview: Night Buses``, ``Quelle: Stadt Mainz · 4. März``: no writer
                return names if names and all(_person_shaped(n) or (agency.match(n) and not persons_only)
                                              for n in names) else []
    return []


_AGENCY_CODE = 3  # the most letters of an agency's short code (ANSA, CNA, AP), another body's initials too


def _agency_alone(field: str, language: str) -> bool:
    """A date line's first ``field`` is a news agency's name printed alone (the vocabulary's
    ``news_agency``): a name of more than :data:`_AGENCY_CODE` letters (``Lusa``, ``Agerpres``),
    or a short code on a page of the agency's language (its ``home_news_agency``; the world
    agencies', ``AFP``, ``AP``, on any page): ``CNA`` on an Italian page is an association's
    initials, on a Greek one the Cyprus agency's."""
    if not pattern("news_agency").match(field):
        return False
    letters = sum(1 for c in field if c.isalpha())
    return letters > _AGENCY_CODE or bool(language_pattern("home_news_agency", language).match(field))


_WRAPPERS_UP = 2  # the elements around a headline whose next siblings are read after its own
_DATELINE_CHARS = 160  # the longest text of an element read as a date line of author links


def _near_headline(head) -> list:
    """The :data:`_DATELINE_NEAR` elements after the headline ``head``: its next siblings, then
    (when it has fewer) those of the element wrapping it, up to :data:`_WRAPPERS_UP` levels
    (``<header><h1>…</h1></header><p class="meta">…``), never past an ``<article>``,
    ``<main>`` or ``<body>``; ``[]`` without a headline."""
    near: list = []
    node = head
    for _ in range(_WRAPPERS_UP + 1):
        if node is None:
            break
        near += [el for el in node.itersiblings() if isinstance(el.tag, str)][:_DATELINE_NEAR - len(near)]
        node = node.getparent()
        if len(near) >= _DATELINE_NEAR or node is None or node.tag in ("article", "main", "body", "html"):
            break
    return near


def _author_links(f: Fields) -> list[str]:
    """The names of the links to an author's page (:data:`_AUTHOR_PAGE`) printed in the
    date line under the headline (:func:`_near_headline`; an element of
    :data:`_DATELINE_CHARS` characters at most, not named as a biography or a comment's:
    :data:`_NOT_BYLINE`), each reading
    as a person's name (:func:`_person_shaped`), whatever prints beside them: a place, a
    section, a tag (``<a href="/tag/brussels">Brussels</a> · <a href="/author/jan-meyer">Jan
    Meyer</a>``), an interview's words (``Interview by <a …>Clara Vos</a> with …``). The link
    is the evidence of where a name begins and ends; one in the field of another role's credit
    (``Photos: <a …>Ines Roth</a>``: the vocabulary's ``other_credit``) is none, and so one in
    a line that is no byline (:func:`_bylined_link`: a sentence, a review's details, ``Read
    also``) or to a page that is no author's (:func:`_author_page`). ``[]`` when there is
    none."""
    head = headline_element(f.page, None)
    credit = pattern("other_credit")
    names: list[str] = []
    for near in _near_headline(head):
        if near.tag in ("script", "style") or in_aside(near) or _NOT_BYLINE.search(near.get("class") or "") \
                or len(text_of(near) or "") > _DATELINE_CHARS:
            continue  # an author box's biography, the article's text
        links = [a for a in near.iter("a") if _author_page(a.get("href"))]
        if not links:
            continue
        credits = [key(field) for field in _fields(near) if credit.match(field)]
        for a in links:
            name = clean(text_of(a))
            if name and _person_shaped(name) and not _desk(name) and not any(key(name) in field for field in credits) \
                    and _bylined_link(near, a, name, f):
                names.append(name)
        if names:
            return unique(names)
    return []


def _author_page(href: str | None) -> bool:
    """``href`` is the address of one author's page: its path is an author word's folder
    (:data:`_AUTHOR_PAGE`) and one name's segment after it, the folder first or after a
    language's code (``/author/eva-smit``, ``/de/autoren/eva-smit/``); not a folder's index
    (``/about/writers/``), a column's or topic's page under another folder
    (``/opinion/columnists/europe-matters/``, ``/topics/journalists/press-freedom``) nor an
    article under the author's (``/columnists/jan-berg/the-port-is-wrong``)."""
    path = urlsplit(href or "").path
    if not _AUTHOR_PAGE.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    at = next((i for i, s in enumerate(segments) if _AUTHOR_PAGE.fullmatch(f"/{s}/")), None)
    return at is not None and len(segments) == at + 2 and (at == 0 or (at == 1 and _LANGUAGE_SEGMENT.fullmatch(segments[0])))


_LANGUAGE_SEGMENT = re.compile(r"[a-z]{2}(?:[-_][a-zA-Z]{2})?")
"""A language's code as a path's first segment (``en``, ``de-at``, ``pt_BR``)."""


def _bylined_link(near, a, name: str, f: Fields) -> bool:
    """The author link ``a`` (printing ``name``) makes a byline of the line ``near``: the markup
    marks it as one (a class or id naming a byline or an author on the link or an element up to
    ``near``, :func:`_names_byline`; ``rel="author"``), a byline's lead-in opens the link's
    field (``By <a …>``, ``Interview by <a …>``), or the link is all its field prints (a
    place's one word before it at most: ``Ghent <a …>``) and every other field is a date, a
    time, a link's text or one word (a place, a section: ``<a>Ghent</a> · <a>Eva Smit</a> · 4
    March 2025``), the word *and* setting fields apart too (``<a>Ana Ruiz</a> and <a>Tom
    Weiss</a>``). Not a name in a sentence (``As <a>Maria Costa</a> wrote``), after another
    label (``Script:``, ``Translated by``, ``Read also:``) nor beside a book's title, and never
    one after another role's credit or a photographer's word, labels' elements included
    (``<span class="author__label">Photography</span> <a …>``)."""
    whole = " ".join((text_of(near) or "").split())
    at = whole.find(name)
    label = clean(_FIELD_EDGE.split(whole[:at])[-1]) or "" if at >= 0 else ""
    if _credits_photo(label):
        return False
    node = a
    while node is not None:
        if _names_byline(node.get("class"), node.get("id")) or "author" in (node.get("rel") or "").split():
            return True
        if node is near:
            break
        node = node.getparent()
    separator = pattern("name_separator")
    text = separator.sub(" · ", " ".join(_edged_text(near).split()))  # ``A and B``: two fields
    at = text.find(name)
    if at < 0:
        return False
    before = clean(_FIELD_EDGE.split(text[:at])[-1].replace("\0", " ")) or ""
    after = clean(_FIELD_EDGE.split(text[at + len(name):])[0].replace("\0", " ")) or ""
    lead_in = pattern("byline_lead_in")
    if before and lead_in.match(before) and not lead_in.sub("", before).strip():
        return True
    if after or (before and not (len(before.split()) == 1 and before[:1].isupper() and before.isalpha())):
        return False
    links = {key(text_of(x) or "") for x in near.iter("a")}
    return all(key(field) == key(name) or field.endswith(name) or key(field) in links or len(field.split()) == 1
               or _names_time(field, f) for part in _fields(near) for field in separator.split(part) if field)


@lru_cache(maxsize=64)
def _lead_ins(language: str, declared: bool = True) -> re.Pattern:
    """A byline's lead-in of any language (the vocabulary's ``byline_lead_in``) or of the page's
    ``language`` alone, in its own case (``page_lead_in``: Irish ``Le``, Catalan ``per``,
    Romanian ``de``; ``declared_lead_in`` too, a first name in other languages, Catalan ``Per``,
    when the markup ``declared`` the language), then its colon: what opens a date line's byline field.
    A lead-in joined to a photo's credit before one colon (:func:`_joint_credit`: ``Text a foto:``,
    ``Tekst i foto:``) is read whole, its colon with it, before the lead-in word alone."""
    any_language = pattern("byline_lead_in")
    own = [language_pattern(name, language, every_language=False).pattern
           for name in ("page_lead_in", "declared_lead_in")[:2 if declared else 1]]
    return re.compile("|".join([f"(?i:{_joint_credit().pattern})", f"(?i:{any_language.pattern})", *own]))


def _colon_lead_in(field: str, lead_in: re.Pattern) -> bool:
    """``field`` opens with a byline's lead-in printed as a label, its colon written
    (``Autors: Andris Kalniņš``, ``Napisała: Ewa Lis``, ``Írta: Nagy Péter``), a word that is a
    lead-in with or without the colon (not one only before it, :func:`_label_lead_in`:
    ``Interview: Night Buses``): the colon says the name after it is the labelled one, as
    capitalised words after ``Por`` alone need not (``Por Sierra Nevada``, a place)."""
    found = lead_in.match(field)
    return bool(found) and ":" in found.group() and not _label_lead_in(field, lead_in)


def _label_lead_in(field: str, lead_in: re.Pattern) -> bool:
    """The lead-in opening ``field`` is one only before its colon (``Interview: Mara Lind``):
    a word that also labels the kind of piece, ``Interview: Night buses``, where ``By`` or
    ``Autor:`` reads as a lead-in with or without the colon."""
    return bool(lead_in.match(field)) and not lead_in.match(field.replace(":", " ", 1))


_AUTHOR_PAGE = re.compile(r"/(?:auth?ors?|autor(?:es|en|i|zy|ka|ius)?|auteurs?|autore|avtor(?:ji)?|szerzo|writers?"
                          r"|journalists?|journalistes?|giornalisti|periodistas?|redakteure?|contributors?"
                          r"|columnists?)/", re.I)
"""The path of a link to an author's page (WordPress's ``/author/``, ``/autor/``, ``/auteur/``,
a newsroom's ``/writers/``, ``/journalistes/``, ``/redakteure/``…)."""


def _marked_authors(el, names: list[str]) -> bool:
    """Each of ``names`` is printed in an element of the date line ``el`` (``el`` itself
    included) that the markup marks as an author's: a class or id naming a byline or an author
    (:func:`_names_byline`; not a field of a box of a work's details, :func:`_in_fact_box`),
    ``itemprop="author"``, or a link ``rel="author"`` or to an author's
    page (:func:`_author_page`). Capitalised words before a date may be a section, a place or a
    kicker (``European Affairs · 4 March 2025``): this is the evidence that they name people."""
    marked = [text_of(node) or "" for node in el.iter(etree.Element)
              if (_names_byline(node.get("class"), node.get("id")) and not _in_fact_box(node))
              or "author" in (node.get("itemprop") or "").split() or "author" in (node.get("rel") or "").split()
              or (node.tag == "a" and _author_page(node.get("href")))]
    return bool(names) and all(any(key(name) in key(text) for text in marked) for name in names)


def _persons(field: str, language: str = "") -> list[str]:
    """The names ``field`` holds (:func:`split_names`, in the page's declared ``language``) when each reads as a person's
    (:func:`_person_shaped`); ``[]`` otherwise."""
    names = split_names(field, language)
    return names if names and all(_person_shaped(name) for name in names) else []


def _credited_with_agency(field: str, language: str = "") -> list[str]:
    """The names ``field`` holds (:func:`split_names`) when each reads as a person's
    (:func:`_person_shaped`) or a news agency's (the vocabulary's ``news_agency``) and one at
    least as a person's (``Autor: Jan Kowalski, PAP``); ``[]`` otherwise."""
    names = split_names(field, language)
    agency = pattern("news_agency")
    return names if any(_person_shaped(n) for n in names) \
        and all(_person_shaped(n) or agency.match(n) for n in names) else []


def _before_date(field: str) -> str | None:
    """The words of a byline's field before the date printed in it (:func:`_without_date`)
    when a word in lower case leads the date (``Written by Ana Ruiz on 12 March 2025``): where
    the name ends is then plain, as it is not in ``von APA Donnerstag 4. März``; ``None``
    otherwise."""
    cut = _without_date(field)
    rest = field[len(cut):].split() if cut and field.startswith(cut) else ()
    return cut if rest and rest[0].isalpha() and rest[0].islower() else None


def _fields(el, edged: str | None = None) -> list[str]:
    """The fields of the date line or byline ``el`` prints (as :func:`_byline_text` reads
    it), split where :data:`_FIELD_EDGE` marks and where a block element of it begins or ends
    (``<p>Von Lisa Petrich</p> <p>Mi, 18. Oktober 2023</p>``). ``edged``: ``el``'s
    :func:`_edged_text`, when read already."""
    edged = _edged_text(el) if edged is None else edged
    return [field for field in (clean(part) for part in _FIELD_EDGE.split(edged)) if field]


def _before_time(fields: list[str], f: Fields) -> str | None:
    """The fields of a date line that come before its first date, time or reading time
    (:func:`_names_before_time`), joined by commas; ``None`` when no such field follows a
    name."""
    return ", ".join(names) if (names := _names_before_time(fields, f)) else None


def _names_before_time(fields: list[str], f: Fields) -> list[str]:
    """The fields of a date line that come before its first date, time or reading time
    (:func:`_names_time`) and after the first field that is none (a field that leads the line
    with the date, ``03.03.2025 | Anna Schmidt``, is no part of a byline); ``[]`` when no such
    field follows a name."""
    for i, field in enumerate(fields):
        if i and _names_time(field, f):
            return [n for n in fields[:i] if not _names_time(n, f)]
    return []


_TIME_UNITS = ("second", "minute", "hour", "day", "week")  # dateparser's names of the units of a time span


@lru_cache(maxsize=1)
def _time_span() -> re.Pattern:
    """A number with a unit of time (``3 minuten``, ``hace 3 horas``, ``5 min``, ``2 Std.``: a
    reading time or a time ago), the units as dateparser's locale data writes them in every
    language the vocabulary holds (:mod:`newsbot.extraction.vocabulary`), whatever the page's
    language reads as."""
    from dateparser.languages.loader import default_loader

    from .vocabulary import vocabulary

    words: set[str] = set()
    for code in vocabulary():
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):  # a file no language's (common.toml), or one dateparser does not know
            continue
        words.update(w for unit in _TIME_UNITS for w in info.get(unit, ()) if isinstance(w, str))
    units = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])\d+\s*(?:{units})\.?(?!\w)", re.I)


_TIME_WORDS = 5  # the most words without a digit in a date's field (``Updated March 3, 2025 at 9:12 am CET``)


def _names_time(field: str, f: Fields) -> bool:
    """``field`` of a date line is a date, a clock time, a reading time or a time ago, not a
    name: :data:`_TIME_WORDS` words without a digit at most, it holds a year, a day and month
    or a clock time (:data:`_DATE_LIKE`) or a number
    with a unit of time (:func:`_time_span`: ``Leestijd 3 minuten``, ``Publicado hace 3
    horas``), or, shaped as no person's name, dateparser reads it whole as a date in the page's
    language (a weekday, ``Mi``; ``gestern``)."""
    if sum(not any(c.isdigit() for c in word) for word in field.split()) > _TIME_WORDS:
        return False  # a sentence (``Sabine Braun schreibt seit 2015 über …``), no date's field
    if _is_time(field):
        return True
    if _person_shaped(field) or len(field) > 20 or not (language := f["language"]):
        return False
    import dateparser

    try:
        return dateparser.parse(field, languages=[language.split("-")[0].lower()]) is not None
    except ValueError:  # a language dateparser does not know
        return False


_PARTICLE_CHARS = 3  # the longest particle of a name written in lower case (de, van, der, von)


def _person_shaped(name: str) -> bool:
    """``name`` reads as a person's: two to four words opening with a capital letter, the first
    and the last among them, and between them short particles in lower case (``Jan de
    Vries``, ``Ana de la Cruz``), six words at most."""
    words = name.split()
    capitals = [w for w in words if w[0].isupper()]
    return 2 <= len(capitals) <= 4 and len(words) <= 6 and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or (len(w) <= _PARTICLE_CHARS and w.isalpha()) for w in words)


def _byline_text(el, edged: str | None = None) -> str | None:
    """The visible text of a byline element (as :func:`~newsbot.extraction.values.text_of`
    reads it), its block elements and lines (``<br>``) printed one against the other (a field's
    items: ``<div>Claire Martin</div><div>Hugo Bernard</div>``, ``Maja Holm<br>Reporter``) set
    apart by commas
    (:data:`_BLOCK_EDGES`) and its label elements (:data:`_LABEL`) left out. ``edged``: ``el``'s
    :func:`_edged_text`, when read already (:func:`_fields` reads it too)."""
    edged = _edged_text(el) if edged is None else edged
    text = _BLOCK_EDGES.sub(lambda m: " " if m.group().strip("\0") or m.start() == 0 else ", ", edged)
    return clean(text.strip("\0 ,"))


def _edged_text(el, limit: int | None = None) -> str | None:
    """The text of ``el`` as :func:`_byline_text` reads it (two inline elements side by side
    read as :func:`~newsbot.extraction.values.read_apart` says), a NUL character at each edge of its
    block elements and of each inline element printing a time after another inline element
    (:func:`_time_after_name`: ``<span class="author-name">Ana Ruiz</span> <span
    class="timeago">hace 3 horas</span>``, the time a field of its own). ``limit``: ``None``
    as soon as the text holds more than ``limit`` characters that are no space, comma or
    control character (:data:`_UNCOUNTED`), the rest of ``el`` not walked (a walk of each
    element of a large block would cost its size each)."""
    parts: list[str] = []
    solid = 0

    def add(text: str) -> None:
        nonlocal solid
        parts.append(text)
        if limit is not None and text:
            solid += len(_UNCOUNTED.sub("", text))
            if solid > limit:
                raise _Long

    def walk(node):
        if node.tag not in ("script", "style", "noscript", "template") \
                and (node is el or not (_LABEL.search(node.get("class") or "") or _not_a_name(node)
                                        or _lead_in_label(node))):
            block = node is not el and (node.tag in _BLOCKS or _time_after_name(node))
            parts.append("\0" if block or node.tag == "br" else "")
            add(node.text or "")
            for child in node.iterchildren(etree.Element):
                before = child.getprevious()
                if before is not None and isinstance(before.tag, str) and not before.tail \
                        and before.tag not in _BLOCKS and child.tag not in _BLOCKS:
                    parts.append(_BESIDE)  # two inline elements with nothing between them: read apart
                walk(child)
            parts.append("\0" if block else "")
        if node is not el and node.tail:
            add(node.tail)

    try:
        walk(el)
    except _Long:
        return None
    finally:
        del walk  # it names itself: a reference cycle holding ``el``, and the page's tree, until the collector runs
    return read_apart("".join(parts), _BESIDE)


_LEAD_IN_CLASS = re.compile(r"(?:^|[\s_-])(?:by|prefix)(?:$|[\s_-])", re.I)
"""A class naming a byline's lead-in printed in an element of its own (tagDiv's ``td-author-by``,
``byline-prefix``)."""
_LEAD_IN_CHARS = 16  # the longest lead-in such an element prints (``By``, ``De``, ``Scris de``)


def _lead_in_label(node) -> bool:
    """``node`` is a byline's lead-in in an element of its own, no part of the name: its class
    names one (:data:`_LEAD_IN_CLASS`), it holds no element and at most :data:`_LEAD_IN_CHARS`
    characters, all of them a lead-in of the vocabulary (``byline_lead_in``, ``page_lead_in``,
    ``declared_lead_in`` of any language: ``<div class="td-author-by">De</div>``, Romanian
    ``De`` before the name; not Kadence's ``<span class="posted-by">`` wrapping the names, nor
    a name in a class holding the token, ``<span class="by-author">Anna Berg</span>``)."""
    text = (node.text or "").strip()
    return len(node) == 0 and len(text) <= _LEAD_IN_CHARS and bool(_LEAD_IN_CLASS.search(node.get("class") or "")) \
        and _all_lead_in(text)


@lru_cache(maxsize=256)
def _all_lead_in(text: str) -> bool:
    """``text`` is a byline's lead-in and nothing else (``By``, ``Von:``, ``De``), of any
    language the vocabulary holds, in any case (the element's class says it is one)."""
    before_name = f"{text} {_A_NAME}"  # a lead-in whose phrase looks for the name after it (Romanian ``de``)
    return any((m := re.compile(pattern(name).pattern, re.I).match(before_name)) is not None
               and len(text) <= m.end() <= len(text) + 1 and text
               for name in ("byline_lead_in", "page_lead_in", "declared_lead_in"))


_A_NAME = "Ana Pop"  # a person's name, read after a lead-in alone (:func:`_all_lead_in`)


class _Long(Exception):
    """:func:`_edged_text` went over its limit."""


_UNCOUNTED = re.compile(r"[\s,\x00-\x1f\x7f\u200b\u200e\u200f\ufeff\ud800-\udfff]+")
"""The characters a byline's cleaned text may lose (:func:`~newsbot.extraction.text.clean`: white
space, controls, zero-width marks; commas at its ends)."""
_COMPOSED = 8
"""A bound on the code points NFC composes into one character (four at most: a Greek vowel and
three marks): an element's text of more than ``_COMPOSED * NAME_CHARS`` characters
(:data:`_UNCOUNTED` left out) surely exceeds :data:`NAME_CHARS` once cleaned."""


_BESIDE = "\x01"
""":func:`_edged_text`'s mark of two inline elements side by side, read by
:func:`~newsbot.extraction.values.read_apart` (the rule a date line's text follows too)."""


def _time_after_name(node) -> bool:
    """``node`` is an inline element printing a date, a clock time or a time ago as its own
    text, no element inside it (:func:`_is_time`; any ``<time>``), right after another inline
    element (white space alone between them): the name's element, the time's its own. A time
    after bare text (``von APA Donnerstag <time>``) is not set apart so: where the name ends
    there is not known."""
    text = node.text
    if len(node) or not text or len(text) > _TIME_CHARS:
        return False
    before = node.getprevious()
    if before is None or not isinstance(before.tag, str) or before.tag in _BLOCKS or before.tag == "br" \
            or (before.tail or "").strip():
        return False
    return node.tag == "time" or _is_time(text)


_TIME_CHARS = 80  # the longest text of an inline element read as a time of its own


def _is_time(text: str) -> bool:
    """``text`` is a date, a clock time or a time ago as digits write it: a year, a day and
    month or a clock time (:data:`_DATE_LIKE`) or a number with a unit of time
    (:func:`_time_span`), with :data:`_TIME_WORDS` words without a digit at most."""
    return sum(not any(c.isdigit() for c in word) for word in text.split()) <= _TIME_WORDS \
        and bool(_DATE_LIKE.search(text) or _time_span().search(text))


_BLOCK_EDGES = re.compile(r"[\s\0]*\0[\s\0]*")
"""Where block elements meet in a byline's text: a comma between two words they glue together
(``Claire Martin</div><div>Hugo Bernard``), a space where the markup has one."""


@lru_cache(maxsize=4096)
def _names_byline(cls: str | None, ident: str | None) -> bool:
    """The ``class`` ``cls`` and ``id`` ``ident`` of an element name a byline or an author
    (:data:`_BYLINE_CLASS`) and no comment, quote, author box part or promotion
    (:data:`_NOT_BYLINE`). Class names repeat all over a page, so each is read once."""
    marks = f"{cls or ''} {ident or ''}"
    lower = marks.lower()
    if marks.isascii() and not any(k in lower for k in _BYLINE_CLASS_KEYS):
        return False  # what every match of _BYLINE_CLASS holds, looked for without a pattern
    return bool(_BYLINE_CLASS.search(marks)) and not _NOT_BYLINE.search(marks)


@lru_cache(maxsize=4096)
def _names_signature(cls: str | None, ident: str | None) -> bool:
    """The ``class`` ``cls`` or ``id`` ``ident`` of an element names a signature
    (:data:`_SIGNATURE_CLASS`) and no comment, quote, author box part or promotion
    (:data:`_NOT_BYLINE`), no button or call to action (:data:`_CALL`)."""
    marks = f"{cls or ''} {ident or ''}"
    return bool(_SIGNATURE_CLASS.search(marks)) and not _NOT_BYLINE.search(marks) and not _CALL.search(marks)


_CALL = re.compile(r"(?<![a-z])(?:btn|button|cta|call-to-action)(?![a-z])", re.I)
"""A class naming a button or a call to action (``cta-assinatura``, ``btn``): a subscription's
or a petition's, no signature."""
_RUNNING_CHARS = 80  # the fewest characters of a paragraph of the article's running text
_IMAGES = ("img", "picture", "svg", "video")


def _signature(f: Fields) -> list[str]:
    """The article's signature, where the page prints no other byline: the first element whose
    class or id names one (:func:`_names_signature`: ``firma``, ``article-signature``,
    ``podpis``, in Italian, Spanish, Portuguese, French and Polish layouts) that sits before or
    after the article's running text, not between two of its paragraphs (one opening with a
    byline's lead-in right after the first, the standfirst's, as its sibling in no box, may:
    :func:`_under_standfirst`; a ``<p>`` of
    :data:`_RUNNING_CHARS` characters or more, or inside one: a firm's box, a dish, a letter's
    signature quoted in the text; the paragraphs of the nearest container holding any count, not
    a cookie banner's elsewhere nor an author box's biography, :func:`_author_box_name`), is no link nor in one, links to no page but an author's (a
    petition's ``Firma anche tu``, a subscription's offer), is no image's caption (in a figure,
    or right after an image: Polish ``podpis``), in no aside, and names people
    (:func:`_signed_names`). Its place, outlet or role is no part of it: a part after a comma
    (``Anna Wiśniewska, Gazeta Miejska``; not a list a conjunction closes, ``A, B e C``), a
    part of one word in an element of its own (``<span>Ana García</span> <span>Madrid</span>``).
    ``[]`` when there is none."""
    body = f.page.tree.find("body")
    if body is None:
        return []
    order: dict | None = None
    last: dict = {}
    running: list[int] = []
    for el in body.iter(etree.Element):
        if el.tag in ("script", "style", "a", "button") or not _names_signature(el.get("class"), el.get("id")):
            continue
        if el.tag in _SIGNATURE_BOXES or any(
                a.tag in _SIGNATURE_BOXES or (a.tag == "p" and len(text_of(a) or "") >= _RUNNING_CHARS)
                for a in el.iterancestors()):
            continue  # in a link, a button, a figure, a form, a quotation, or inside a paragraph of the text
        if any(not _author_page(a.get("href")) for a in el.iter("a")) or in_aside(el) or _listed(el):
            continue
        value = _signed_value(el)
        if not _signed_names(value, byline_language(f)):
            continue
        if order is None:
            elements = list(body.iter(etree.Element))
            order = {e: i for i, e in enumerate(elements)}
            for e in reversed(elements):  # the last element of each one's subtree, in one walk
                child = next(e.iterchildren(etree.Element, reversed=True), None)
                last[e] = order[e] if child is None else last[child]
            boxed = {id(p) for box in body.iter(etree.Element) if _names_byline(box.get("class"), box.get("id"))
                     and _author_box_name(box) for p in box.iter("p")}  # an author box's biography: no text
            running = [order[p] for p in body.iter("p")
                       if len(text_of(p) or "") >= _RUNNING_CHARS and id(p) not in boxed]
        at, end = order[el], last[el]
        # the text's paragraphs: those of the nearest container holding any (a cookie banner's or
        # a teaser's paragraph elsewhere on the page is not the text)
        scope, near = None, []
        for a in el.iterancestors():
            if a not in order:
                break  # past the ``<body>``: no container of the page holds a paragraph of running text
            lo, hi = bisect_left(running, order[a]), bisect_right(running, last[a])
            if hi > lo:
                scope, near = a, running[lo:hi]
                break
        if _after_image(el) or any(_after_image(x, framed=True) for x in _up_to(el.getparent(), scope)):
            continue  # an image's caption (``<img><p class="podpis">``, or in the frame after it)
        before = [i for i in near if i < at]
        after = any(i > end for i in near)
        if before and after \
                and not (len(before) == 1 and _under_standfirst(el, elements[min(near)], byline_language(f),
                                                                language_declared(f))):
            continue  # between the text's paragraphs: a box, a quote, not the article's signature
        if before and not after and not _closing_signature(el, scope, value, byline_language(f), language_declared(f)):
            continue  # a box's, a letter's or a contact's signature closing the text, no writer's
        return [value]
    return []


_SIGNATURE_BOXES = ("a", "button", "figure", "figcaption", "form", "label", "blockquote")
"""The elements a signature is in none of (a link, a figure, a form's field, a quotation)."""


def _up_to(el, scope):
    """``el`` and the elements wrapping it below ``scope`` (all of them when ``scope`` is
    ``None``)."""
    node = el
    while node is not None and node is not scope:
        yield node
        node = node.getparent()


def _closing_signature(el, scope, value: str, language: str = "", declared: bool = True) -> bool:
    """The signature element ``el`` after the article's text (its paragraphs in ``scope``) is the
    writer's: each element wrapping it below ``scope`` prints its text alone (not a petition's
    box counting signatures, a quoted e-mail closing on its sender's name), and its text is the
    names ``value`` and at most one part after a comma (a place, an outlet: ``Ewa Zielińska,
    Kurier Lokalny``), not a contact's card (``Aino Virtanen, viestintäpäällikkö, Helsingin
    kaupunki``: name, title, employer), with no label before a colon but a byline's lead-in of
    any language or of the page's ``language`` (:func:`_lead_ins`: ``Autor: Ana Kovač``; not a
    translator's ``Prijevod: Ana Kovač``, ``Übersetzung: Anna Berg``) and no role or office word
    anywhere (the vocabulary's ``byline_role`` and ``office_title``: a reproduced statement's
    signer, ``Gradonačelnik Ivan Horvat``, ``Hans Peter Schmidt, Landrat``)."""
    own = key(text_of(el) or "")
    if any(key(text_of(a) or "") != own for a in _up_to(el.getparent(), scope)):
        return False
    whole = clean(text_of(el)) or ""
    if ":" in whole and not _colon_lead_in(whole, _lead_ins(language, declared)):
        return False  # a label of another credit (a translator's) or of no credit
    if pattern("office_title").search(whole) or pattern("byline_role").search(whole):
        return False  # a statement's signer, with the office, or a role beside the name
    text = _byline_text(el) or ""
    return _CLOSED_LIST.search(text) is not None or len([p for p in _COMMA.split(text) if p.strip()]) <= 2


def _listed(el) -> bool:
    """The signature-named element ``el`` is an item of a list: in a list's item (``<li>``),
    or beside an element of its own tag and class (``<div class="signatura">`` after
    ``<div class="signatura">``: a book fair's signings, one writer each), no article's
    signature."""
    cls = el.get("class")
    return el.tag == "li" or any(a.tag == "li" for a in el.iterancestors()) or bool(cls) and any(
        x is not el and x.tag == el.tag and x.get("class") == cls for x in (el.getprevious(), el.getnext()) if x is not None)


_BOXES = ("blockquote", "aside", "figure", "figcaption", "li", "a", "form", "table")
def _under_standfirst(el, first, language: str, declared: bool = True) -> bool:
    """The signature element ``el`` stands right under the standfirst: its previous sibling is
    the text's first paragraph (the element ``first``), so ``el``
    is a child of the text's own container, in no box (a quotation, an aside, a figure, a list,
    a link: :data:`_BOXES`), and it opens with a byline's lead-in of any language or of the page's
    ``language`` (:func:`_opens_with_lead_in`).
    A signature in a card, a quoted letter or an expert's box after the first paragraph, or under
    an image's frame, is none."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    parent = el.getparent()
    return prev is not None and prev is first and parent is not None and parent.tag not in _BOXES \
        and _opens_with_lead_in(el, language, declared)


def _opens_with_lead_in(el, language: str, declared: bool = True) -> bool:
    """The signature element ``el`` prints a byline's lead-in before its names (the
    vocabulary's ``byline_lead_in``: ``di Alessandro Greco``, ``Por Ana Ruiz``; or one of the
    page's ``language`` alone, :func:`_lead_ins`: Catalan ``Per Jordi Puig i Marta Soler``): a
    writer's credit, no firm's name (Czech, German, Polish ``firma``), so it may stand under the
    standfirst, after the text's first paragraph."""
    text = _byline_text(el) or ""
    lead_in = _lead_ins(language, declared).match(text)
    return bool(lead_in) and lead_in.end() > 0 and bool(text[lead_in.end():].strip())


def _within(el, container) -> bool:
    """``el`` is ``container`` or inside it."""
    return el is container or any(a is container for a in el.iterancestors())


def _after_image(el, framed: bool = False) -> bool:
    """``el`` follows an image, its previous sibling element being one or holding one: an
    image's caption (``<img><p class="podpis">…</p>``). ``framed``: ``el`` wraps the caption
    (``<div class="slika"><img></div><div class="slika-info"><span class="foto-potpis">``), and
    the sibling holding the image holds no paragraph of text (not the article's text before a
    footer's signature)."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and (prev.tag in _IMAGES or any(next(prev.iter(t), None) is not None for t in _IMAGES)) \
        and not (framed and len(text_of(prev) or "") >= _RUNNING_CHARS)


def _signed_value(el) -> str:
    """The names of a signature element ``el`` (:func:`_signature`): its parts printed in
    elements of their own, those of one word (a place) left out, else its text
    (:func:`_byline_text`) up to its first comma unless a conjunction closes the list."""
    parts = [clean(text_of(c)) or "" for c in el]
    if len(parts) >= 2 and all(parts) and not (el.text or "").strip() and not any((c.tail or "").strip(" ,") for c in el):
        return ", ".join(p for p in parts if len(p.split()) >= 2)
    value = _byline_text(el) or ""
    if "," in value and not _CLOSED_LIST.search(value):
        value = value.split(",")[0]
    return value.strip()


def _signed_names(text: str, language: str = "") -> bool:
    """The text of a signature (:data:`_SIGNATURE_CLASS`), :data:`NAME_CHARS` at most, names
    people: its names (:func:`split_names`, a date after them cut: :func:`_without_date`) each
    read as a person's (:func:`_person_shaped`) or a news agency's (``Marco Rossi, ANSA``)."""
    if not text or len(text) > NAME_CHARS:
        return False
    names = split_names(text, language)
    return bool(names) and all(_person_shaped(n) or pattern("news_agency").match(n) for n in names)


_CREDIT_WORDS = 3  # the most words up to the piece's kind in a credit line (``Ein Kommentar``, ``A weekly column``)


@lru_cache(maxsize=1)
def _kind_credit() -> re.Pattern:
    """A credit line of the piece and its writer: :data:`_CREDIT_WORDS` words at most, the last
    naming the article's own kind (the vocabulary's ``article_kind``: ``Kommentar``,
    ``column``, ``intervista``, a compound's end: ``Gastkommentar``), a byline's lead-in
    (``von``, ``by``, ``di``), then the writer's name and what may follow it (``, Berlin``:
    group 1, read by :func:`split_names`). The generic extractor's
    :func:`~newsbot.extraction.generic.lead.credit_line` leaves such a line out of the text."""
    kinds = "|".join(phrases("article_kind")) or "(?!)"
    lead_ins = "|".join(phrases("byline_lead_in")) or "(?!)"
    return re.compile(rf"^(?:[^\W\d_]+\s+){{0,{_CREDIT_WORDS - 1}}}[^\W\d_]*(?:{kinds})(?![^\W\d_])\s+"
                      rf"(?:{lead_ins})\s+([^\W\d_].*?)[.!]?$", re.I)


_EMPHASIS = ("em", "i", "strong", "b")


def _opening_signature(f: Fields) -> list[str]:
    """The writers a signature line opening the text names: the first paragraph (``<p>``) after
    the headline (:func:`~newsbot.extraction.title.headline_element`), in no box
    (:data:`_BOXES`), whose text is all one emphasis element's (``<em>``, ``<i>``,
    ``<strong>``, ``<b>``), :data:`NAME_CHARS` characters at most, opening with a byline's
    lead-in (:func:`_opens_with_lead_in`: ``<p><em>di Roberta Gallo e Simone Bertola, segreteria
    FIOM</em></p>``); its names (:func:`split_names`) that read as a person's
    (:func:`_person_shaped`), a role after a comma (a part opening in lower case) left out, any
    other part making it none. Read after every other printed byline, so a desk's author a theme
    prints in its meta (``Redazione``) gives way to it, and a person's does not; a line naming
    people and no role, one or several, is read only where a desk is so credited
    (:func:`_desk_credited`: ``By Royal Appointment`` is a name's shape, ``Door Den Haag en Den
    Bosch`` two places', ``di Wolfgang Amadeus Mozart e Lorenzo Da Ponte`` a work's credits); a
    name the authors' reading (:func:`split_names`) would not keep whole (cut at a particle:
    ``Maria da Silva``) makes it none. ``[]`` when there is none."""
    head = headline_element(f.page, None)
    if head is None:
        return []
    language = byline_language(f)
    first = next((p for p in _paragraphs_after(head) if (text_of(p) or "").strip()), None)
    if first is None or any(a.tag in _BOXES for a in first.iterancestors()):
        return []
    text = clean(text_of(first)) or ""
    marked = [c for c in first if c.tag in _EMPHASIS]
    if len(text) > NAME_CHARS or len(marked) != 1 or (first.text or "").strip() or (marked[0].tail or "").strip() \
            or clean(text_of(marked[0])) != text or not _opens_with_lead_in(first, language, language_declared(f)):
        return []
    names = _signature_line_names(text, language, language_declared(f))
    if not names or not _role_closes(text) and not _desk_credited(f):
        return []  # ``By Royal Appointment``, ``Door Den Haag en Den Bosch``: names' shapes, replacing no desk
    if any(split_names(n, language) != [n] for n in names):
        return []  # a name the authors' reading would cut (``Maria da Silva`` read ``Maria``): none but whole names
    return names


def _interviewer_credit(f: Fields) -> list[str]:
    """The interviewer an interview credits in a line of its own after its text (``<p><em>Das
    Gespräch führte Lena Vogt.</em></p>``, ``Propos recueillis par Julie Martin``,
    ``Rozmawiała: Ewa Lis``): a paragraph (``<p>``) after the headline
    (:func:`~newsbot.extraction.title.headline_element`) and after a paragraph of running text
    (:data:`_RUNNING_CHARS`), in no box (:data:`_BOXES`) nor aside, :data:`NAME_CHARS`
    characters at most, whose whole text is an interviewer's credit (the vocabulary's
    ``interviewer_credit`` of the page's language, every language's when it has none), then
    nothing but names (:func:`_interviewers`) and a full stop. A sentence of the text that
    mentions who led a conversation (``„Das Gespräch führte Lena Vogt sehr ruhig“, sagte …``,
    ``Rozmawiał z nami Jan Nowak``) is none. ``[]`` when there is none."""
    head = headline_element(f.page, None)
    if head is None:
        return []
    language = byline_language(f)
    credit = language_pattern("interviewer_credit", language)
    text_seen = False
    for p in _paragraphs_after(head):
        text = clean(text_of(p)) or ""
        if len(text) >= _RUNNING_CHARS:
            text_seen = True
            continue
        found = credit.match(text) if text_seen and text else None
        if found is None or any(a.tag in _BOXES for a in p.iterancestors()) or in_aside(p):
            continue
        names = _interviewers(text[found.end():], language)
        if names:
            return names
    return []


def _interviewers(text: str, language: str) -> list[str]:
    """The names the rest ``text`` of an interviewer's credit holds, the credit cut at its
    sentence's end (a full stop after a word, not an initial's) or at its first comma, where
    another role's credit (:func:`_credit_label`: ``. Photos Marc Dubois``, ``, Fotos Tom
    Weiss``) or an affiliation (``, Radio France``) follows: parts joined by the page
    ``language``'s first *and* (the vocabulary's ``name_conjunction``: ``und``; commas only in a
    list closed by it, ``A, B und C``), each a person's (:func:`_names_of_part`), no other
    conjunction among the words (``mit``, ``With``: the interviewee's, ``Interview by Skype With
    Paul Green``). ``[]`` when one is not, when a question mark stands in the line (a
    transcript's ``Interviewer: Meneer Rutte?``) or when the words after the sentence are no
    other role's credit."""
    text = text.strip()
    if "?" in text:
        return []
    own = vocabulary().get(language, {}).get("name_conjunction", {}).get("", ())
    words = frozenset(w.lower() for w in own[:1])
    others = _conjunctions(language) - words
    sentence, *rest = _SENTENCE_END.split(text, maxsplit=1)
    if rest and not _credit_label(rest[0]):
        return []
    parts = [part.strip() for part in sentence.rstrip(".").split(",")]
    if len(parts) > 1 and not words & {w.lower() for w in parts[-1].split()}:
        parts = parts[:1]  # ``Julie Martin, Radio France``, ``Lena Vogt, Fotos Tom Weiss``: the credit ends
    names: list[str] = []
    for part in parts:
        found = _names_of_part(part, language, words)
        if not found or any(w.lower() in others for w in part.split()):
            return []
        names += found
    return names


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\.\s+")
"""A sentence's end inside a line: a full stop after a word of two letters or more (not an
initial's, ``Jan M. Berg``), then a space."""


def _credit_label(text: str) -> bool:
    """``text`` opens with another role's credit label, its colon printed or not (the
    vocabulary's ``other_credit``: ``Photos Marc Dubois``, ``Fotos: Tom Weiss``,
    ``Übersetzung Jan Berg``)."""
    first = text.split(maxsplit=1)[0].rstrip(":") if text.strip() else ""
    return bool(first) and bool(pattern("other_credit").match(f"{first}: {text[len(first):].lstrip(' :')}"))


def _role_closes(text: str) -> bool:
    """A signature line's ``text`` holds a part after a comma (its role, a translator's note)."""
    return "," in text


def _desk_credited(f: Fields) -> bool:
    """The page credits a desk as its author (JSON-LD's ``author``, the ``author`` meta, an author link, a printed
    byline naming a desk's or an account's word alone, the vocabulary's ``not_a_person``:
    ``Redazione``, or a desk, :func:`_desk`): the byline a signature line opening the text
    (:func:`_opening_signature`) may replace."""
    page = f.page
    raw = page.article_entity.get("author")
    values = [ld_text(_resolved(page, a)) for a in (raw if isinstance(raw, list) else [raw] if raw else [])] \
        + page.meta.get("author", []) + page.meta.get("article:author", []) \
        + [text_of(a) for a in page.elements("a") if "author" in (a.get("rel") or "").split(" ")][:6] + _printed_byline(f)
    return any(pattern("not_a_person").match(v) or _desk(v) for v in (clean(x) or "" for x in values) if v)


_QUOTE_MARKS = frozenset('"«»“”„‟‹›')


def _signature_line_names(text: str, language: str, declared: bool = True) -> list[str]:
    """The writers the text ``text`` of a signature line opening the article names
    (:func:`_opening_signature`), where nothing but its words says it is a byline: a byline's
    lead-in of the page's own ``language`` (its ``byline_lead_in``, ``page_lead_in`` and, where
    ``declared``, ``declared_lead_in``; no source's, ``source_lead_in``: ``Source:``,
    ``Quelle:``), then nothing but names joined by commas or the language's *and*
    (:func:`_conjunctions`), each a person's (:func:`_person_shaped`, its words in lower case a
    surname's particles alone, the vocabulary's ``name_particle``: ``Jan de Vries``, not ``Night
    Train to Vienna``; no organisation's or desk's, :func:`_organisation`, :func:`_desk`), and at
    most one part after a comma closing it that is a role (the vocabulary's ``byline_role``,
    ``not_a_person``, an organisation's word: ``segreteria FIOM``) or a translation's note
    (:func:`_translation_note`); no quotation mark. A sentence
    after a comma (``Por Real Decreto, el Gobierno fija…``), a dedication (``Por Marta Soler, que
    nos dejó…``) or a source (``di Eugenio Montale, da «Ossi di seppia»``) makes it none.
    ``[]`` when it names no one so."""
    lead_in = None
    for name in ("byline_lead_in", "page_lead_in", "declared_lead_in")[:3 if declared else 2]:
        lead_in = language_pattern(name, language, every_language=False).match(text) if language else None
        if lead_in:
            break
    if lead_in is None or pattern("source_lead_in").match(text) or any(c in _QUOTE_MARKS for c in text):
        return []
    parts = [p.strip() for p in text[lead_in.end():].strip(" .").split(",")]
    names: list[str] = []
    for i, part in enumerate(parts):
        found = _names_of_part(part, language)
        if found:
            names += found
        elif i == len(parts) - 1 and i > 0 and (_role_part(part, language) or _translation_note().match(f"{part} ")):
            break  # ``…, segreteria FIOM``: the writers' role; ``…, aus dem Schwedischen von …``: a translator's
        else:
            return []
    return names


@lru_cache(maxsize=1)
def _translation_note() -> re.Pattern:
    """A translation's note (the vocabulary's ``translation_note``: ``aus dem Schwedischen von``,
    ``translated from the Greek by``), what may close a signature line after its writers."""
    return re.compile("|".join(phrases("translation_note")) or "(?!)", re.I)


def _names_of_part(part: str, language: str, words: frozenset[str] | None = None) -> list[str]:
    """The names a part of a signature line (:func:`_signature_line_names`) holds: all its words
    names of people joined by the page ``language``'s *and* (``words``, when given: its
    conjunctions); ``[]`` when one is not."""
    words = _conjunctions(language) if words is None else words
    out, name = [], []
    for word in part.split() + [""]:
        if word and word.lower() not in words:
            name.append(word)
            continue
        candidate = " ".join(name)
        if not _person_shaped(candidate) or any(w[0].islower() and not pattern("name_particle").match(w) for w in name) \
                or _organisation(candidate, language) or _desk(candidate) or pattern("not_a_person").match(candidate):
            return []
        out.append(candidate)
        name = []
    return out


def _role_part(part: str, language: str) -> bool:
    """``part``, after a comma closing a signature line's names, is the writers' role: a writer's
    role (the vocabulary's ``byline_role``: ``inviato``, ``reporter``), a desk's word
    (``not_a_person``) or an organisation's (:func:`_organisation`: ``segreteria FIOM``)."""
    return bool(pattern("byline_role").search(part) or pattern("not_a_person").match(part)
                or _organisation(part, language))


def _paragraphs_after(head):
    """The ``<p>`` elements after the element ``head`` in document order (in its next siblings,
    then in those of each element wrapping it, up to the ``<body>``), none inside it."""
    node = head
    while node is not None and node.tag not in ("body", "html"):
        for other in node.itersiblings():
            if isinstance(other.tag, str):
                yield from other.iter("p")
        node = node.getparent()


def _standfirst_credit(f: Fields) -> list[str]:
    """The writer a line in the standfirst's place credits: an element among those after the
    headline (:func:`_near_headline`, or inside them) named like a standfirst (the generic
    extractor's ``LEAD_NAME``: ``intro``, ``lead``, ``vorspann``), of :data:`NAME_CHARS`
    characters at most, that is a credit of the piece's own kind and its writer
    (:func:`_kind_credit`: ``Ein Kommentar von Henrike Saal``, ``A column by Lina Berg.``,
    ``Un commento di Marco Rossi``, ``Ein Kommentar von Henrike Saal, Berlin``; a work of
    another kind credits its maker, no writer: ``Ein Film von Wim Wenders``, ``A novel by
    …``) naming one person (:func:`split_names`, :func:`_person_shaped`): such a line is no
    standfirst, and its name the author where the page names none other. ``[]`` otherwise."""
    from .generic.lead import LEAD_NAME

    for near in _near_headline(headline_element(f.page, None)):
        for el in near.iter(etree.Element):
            marks = f"{el.get('class') or ''} {el.get('id') or ''}"
            if not LEAD_NAME.search(marks):
                continue
            text = clean(text_of(el)) or ""
            m = _kind_credit().match(text) if len(text) <= NAME_CHARS else None
            names = split_names(m.group(1), byline_language(f)) if m else []
            if len(names) == 1 and _person_shaped(names[0]):
                return names
    return []


_PARENS = re.compile(r"\s*\([^)]{0,40}\)\s*$")
_COMMA = re.compile(r"\s*[,;]\s*")
_DATE_LIKE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[./:]\d{1,2}")
"""A year or a day and month, a clock time: the byline's date printed in it."""
_NUMBER_WORD = re.compile(r"(?:^|\s)\d")


def _without_date(part: str) -> str:
    """``part`` of a byline cut before its date (a part holding :data:`_DATE_LIKE` or opening
    with a number, cut from the first word that opens with a digit), and the lowercase words
    left before it (``am``, ``on``): ``Emily Burack 8 January 2020`` gives ``Emily Burack``,
    ``24. Januar 2022`` nothing; a name holding digits (``BR24 Redaktion``) stays."""
    m = _NUMBER_WORD.search(part)
    if m is None or not (_DATE_LIKE.search(part) or m.start() == 0):
        return part
    words = part[:m.start()].split()
    while words and words[-1].isalpha() and words[-1].islower():
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def _credited_other_role() -> re.Pattern:
    """A parenthesis closing a name that credits another role (``Lea Brandt (Fotos)``: the
    vocabulary's ``other_credit``)."""
    return re.compile(r"\(\s*(?:%s)\s*\)\s*$" % "|".join(w for w in phrases("other_credit") if not w.endswith(" ")),
                      re.I)


@lru_cache(maxsize=1)
def _joint_credit() -> re.Pattern:
    """A writer's lead-in joined to another role's credit before one colon (``Text und Fotos:``,
    ``Text and photos:``: the vocabulary's ``byline_lead_in``, ``name_conjunction`` and
    ``other_credit``): the names after it are the writer's, who took the photos too."""
    words = lambda category: "|".join(w for w in phrases(category) if not w.endswith(" "))  # noqa: E731
    return re.compile(r"^\s*(?:%s)\s+(?:%s)\s+(?:%s)\s*:\s*" % (
        words("byline_lead_in"), words("name_conjunction"), words("other_credit")), re.I)


@lru_cache(maxsize=1)
def _closing_conjunction() -> re.Pattern:
    """The word *and* of any language closing a byline (the vocabulary's ``name_conjunction``),
    left where another role's credit after it was cut (``Por João Silva e``)."""
    return re.compile(r"\s+(?:%s)\s*$" % "|".join(phrases("name_conjunction")), re.I)


@lru_cache(maxsize=1)
def _agency_credit() -> re.Pattern:
    """A news agency's credit closing a byline after a slash or in parentheses (``Sabine
    Braun/dpa``, ``Jan Nowak (PAP)``): the agency's name (the vocabulary's ``news_agency``) in
    group 1 or 2."""
    agencies = "|".join(phrases("news_agency"))
    return re.compile(rf"\s*(?:/\s*({agencies})|\(\s*({agencies})\s*\))\s*$", re.I)


_DESK_OF_NAMES = re.compile(r"([^()]+?)\s*\(([^()]+)\)")
"""A byline naming a desk, then its writers in parentheses (``Redaktion Hafen (Anna Berg, Tom Weiss)``)."""
_UNCLOSED = re.compile(r"\s*\([^()]*$")
"""A parenthesis a name's part opens and never closes (``Ana Ruiz (Madrid``): no part of the name."""


def split_names(value: str, language: str = "") -> list[str]:
    """The person names one byline value holds, read with the byline words of the vocabulary
    (:mod:`newsbot.extraction.vocabulary`, one list per language): a leading ``By`` / ``Von``
    / ``Napisał:`` (``byline_lead_in``) dropped; the credit of another role and all after it
    (``…, Fotos: B``: ``other_credit``) cut; a closing place or outlet (``in Brussels``,
    ``for Reuters``, ``, avec AFP``: ``byline_tail``) cut, and so the last of two comma parts
    when it is one word after a name of two or more (``Maria Keller, Brussels``: a dateline;
    a news agency's credit, ``…, dpa``, stays, and so one after a name of two words or more,
    ``…/dpa``, ``… (Reuters)``, as a name of its own: ``news_agency``, :func:`_agency_credit`;
    a list of three may end in a
    person known by one name); the rest split at commas, semicolons, ``&`` and the word *and* of every language
    the vocabulary holds (``name_conjunction``: ``A, B and C``, ``A und B``, ``A și B``), a
    trailing parenthesis (initials, ``(Image: …)``; one never closed, ``Ana Ruiz (Madrid y Tom
    Weiss``, splits no names and is left out too) and dash removed from each name; a desk's name
    before its writers in parentheses (``Redaktion Hafen (Anna Berg, Tom Weiss)``) gives the writers; and a
    writer's role beside it (:func:`_without_role`: ``Maja Holm, political commentator``); a name
    credited in parentheses with another role (``Lea Brandt (Fotos)``) is none. Names of
    desks and accounts (``Redaktion``, ``admin``, ``Super User``: ``not_a_person``) are
    dropped, and so are an organisation's (a source: ``Text: Stadtwerke Mainz``), a name holding
    a company's legal form, an authority's, an office's or an association's word of any
    language (:func:`_organisation`: ``Stadtwerke Mainz``, ``Satama Oy``; the words of the
    page's declared ``language`` only, an ISO 639-1 code, when one is given), and a date line's words left by its date (``Zuletzt
    geändert am``: the vocabulary's ``date_label``), and the byline's date printed in a name (:func:`_without_date`). A URL,
    or a value that is only a parenthesis, gives no name, nor a part after a comma holding no
    capital letter and no news agency's name (a clause about the writer: ``By Anna Berg, who
    covers transport``; ``…, dpa`` stays), nor a part longer than
    :data:`NAME_CHARS` (a sentence or a markup dump, not a person's name)."""
    value = clean(_without_format_controls(unescape_entities(value))) or ""
    if value.startswith("(") or "://" in value or value.startswith("www."):
        return []
    tail = pattern("byline_tail")
    own = language_pattern("page_lead_in", language, every_language=False)
    declared = language_pattern("declared_lead_in", language, every_language=False)

    def lead_in(text: str) -> str:  # the lead-ins of every language, then those of the page's own
        return declared.sub("", own.sub("", pattern("byline_lead_in").sub("", text)))

    value, cuts = pattern("other_credit").subn("", lead_in(_AUTHOR_LABEL.sub("", _joint_credit().sub("", value))))
    if cuts:  # ``Ana Ruiz and photos by …``: the conjunction before the other credit
        value = _closing_conjunction().sub("", value)
    value = value.strip(" ,;|/·•")
    if value.endswith(".") and not _ABBREVIATION_END.search(value) and "." not in value.split()[-1][:-1]:
        value = value.rstrip(". ")  # ``Ana Ruiz. Fotos: …``, ``door A en B.``: the sentence's stop (not ``Jr.``'s, an initial's)
    value = _place_after(tail.sub("", value), language)
    credit = _agency_credit().search(value)
    if credit and len(value[:credit.start()].split()) >= 2:  # after a person's name, not another agency's
        value = f"{value[:credit.start()]}, {credit.group(1) or credit.group(2)}"
    commas = _COMMA.split(value)
    if len(commas) == 2 and len(commas[-1].split()) == 1 and len(commas[-2].split()) >= 2 \
            and not pattern("news_agency").match(commas[-1]) and not _photographer(commas[-1]):
        value = value[:value.rindex(commas[-1])].rstrip(" ,;")
    desk = _DESK_OF_NAMES.fullmatch(value)
    if desk and (_desk(desk.group(1)) or pattern("not_a_person").match(desk.group(1))):
        return split_names(desk.group(2), language)  # ``Redaktion Hafen (Anna Berg, Tom Weiss)``: its writers
    out = []
    found = [m for m in pattern("name_separator").finditer(value)  # not within a closed parenthesis: ``(Lyon, avec AFP)``
             if value.count("(", 0, m.start()) <= value.count(")", 0, m.start()) or ")" not in value[m.end():]]
    starts, ends = [0] + [m.end() for m in found], [m.start() for m in found] + [len(value)]
    parts, seps = _surnames_joined([value[a:b] for a, b in zip(starts, ends)], [m.group().strip() for m in found],
                                   language)
    role_alone = False
    for i, part in enumerate(parts):
        if role_alone and seps[i - 1].isalpha():
            role_alone = False
            continue  # ``Korrespondent in Den Haag``, ``inviato a Reggio Calabria``: a word *and* of another language
        if _credited_other_role().search(part):
            continue  # ``Lea Brandt (Fotos)``, a photographer
        part = clean(_without_date(lead_in(_UNCLOSED.sub("", _PARENS.sub("", part)))).strip(" -–—|·•:"))
        named, comma = part, bool(out) and i > 0 and not any(c.isalpha() for c in seps[i - 1])
        if part and _photographer(part):
            if comma and not any(w[:1].isupper() for w in part.split()[1:]):
                out.pop()  # ``Lea Brandt, Bildreporterin``: the name before is a photographer's
            continue  # ``photographer Tom Weiss``, ``Fotografin: Lea Brandt``: a photo's credit
        part = _without_role(part, after_name=comma) if part else part
        if comma and part and not any(c.isupper() for c in part) and not pattern("news_agency").match(part):
            continue  # ``By Anna Berg, who covers transport``: a clause about the writer, no name
        role_alone = bool(named) and not part and any(_ROLE_WORD_END.match(named, m.end())
                                                      for m in pattern("byline_role").finditer(named))
        if part and 2 <= len(part) <= NAME_CHARS and not part.startswith("(") \
                and not pattern("not_a_person").match(part) and not _organisation(part, language) \
                and not _article_desk(part) \
                and not pattern("date_label").match(part):
            out.append(part)
    return out


def _without_format_controls(text: str) -> str:
    """``text`` without Unicode's format controls (category Cf: the bidirectional marks and
    embeddings, U+200E, U+202C; zero-width spaces and joiners; the soft hyphen), no letters
    of a name."""
    return text if text.isascii() else "".join(c for c in text if unicodedata.category(c) != "Cf")


@lru_cache(maxsize=64)
def _place_tail(language: str) -> re.Pattern | None:
    """A place or outlet of two or three capitalised words closing a byline after a preposition
    of the page's language (its ``byline_tail`` words that are no *and* of it, its
    ``name_conjunction``: ``in New York``, ``for The Irish Times``; not ``with``, nor Slovene
    ``in`` between two names); ``None`` for a language whose file names none."""
    own = vocabulary().get(language, {}) if language else {}
    conjunctions = {w.casefold() for w in own.get("name_conjunction", {}).get("", ())}
    words = [w for w in own.get("byline_tail", {}).get("", ()) if w.casefold() not in conjunctions]
    if not words:
        return None
    capital = r"(?-i:[^\W\d_a-zß-ÿ])[\w.'’&-]*"
    return re.compile(rf"\s+(?:{'|'.join(words)})\s+{capital}(?:\s+{capital}){{1,2}}\s*$", re.I)


def _place_after(value: str, language: str) -> str:
    """``value`` without a closing place or outlet of several words (:func:`_place_tail`:
    ``Jane Smith in New York``) after a name of two words or more."""
    tail = _place_tail(language)
    m = tail.search(value) if tail else None
    return value[:m.start()] if m and len(value[:m.start()].split()) >= 2 else value


def _surnames_joined(parts: list[str], seps: list[str], language: str) -> tuple[list[str], list[str]]:
    """The names of a byline split at ``seps`` (``parts``, one more than ``seps``), those a
    one-letter word *and* joins put back together (``Marta Roig i Pons``, a Catalan compound
    surname; ``Ortega y Gasset``) unless both sides are full names of two words or more, or the
    page's language (``language``) holds the word as its *and* (the vocabulary's
    ``name_conjunction``: Polish, Croatian ``i``, Czech ``a``) and not as a compound surname's
    joint (``surname_joint``: Catalan ``i``, Spanish ``y``)."""
    own = vocabulary().get(language, {}) if language else {}
    conjunctions = {w.casefold() for w in own.get("name_conjunction", {}).get("", ())} \
        - {w.casefold() for w in own.get("surname_joint", {}).get("", ())}
    out, kept = parts[:1], []
    for sep, part in zip(seps, parts[1:]):
        if len(sep) == 1 and sep.isalpha() and out and sep.casefold() not in conjunctions \
                and not (len(out[-1].split()) >= 2 and len(part.split()) >= 2):
            out[-1] = f"{out[-1]} {sep} {part}"
            continue
        out.append(part)
        kept.append(sep)
    return out, kept


def _organisation(name: str, language: str = "") -> bool:
    """``name`` is an organisation's, a source's, no person's: it holds a company's legal form
    written as its language does, after a name's word (the vocabulary's ``legal_form``, in any
    language: ``Satama Oy``, ``Stadtwerke Mainz GmbH``; not the initials ``N.V. Pieters``,
    ``A. S. Novak``), or an authority's, an office's, an association's word or a compound's end
    (the vocabulary's ``organisation``: ``Ministerium``, ``Pressestelle``, ``ayuntamiento``,
    ``Verkehrsverbund``) of the page's declared ``language`` (of every language when it declares
    none: :func:`~newsbot.extraction.vocabulary.language_pattern`). Such a word is no
    organisation's as the first of a name of two person-shaped words when it is a given name too
    (the vocabulary's ``given_name``: Greek ``Δήμος Καραγιάννης``, a first name; ``Stiftung
    Warentest`` stays a foundation's) or the word for a news agency (``news_agency_word``:
    ``Agenzia Dire``, ``Agência Brasil``, an agency's credit), nor beside a news agency's name (the
    vocabulary's ``news_agency``: ``Agência Lusa``, ``Anadolu Agency``, the agency's credit)."""
    if pattern("legal_form").search(name):
        return True
    found = language_pattern("organisation", language).search(name)
    if found is None:
        return False
    words = name.split()
    if len(words) == 2 and found.start() == 0 and found.end() == len(words[0]) and _person_shaped(name) \
            and (pattern("given_name").match(words[0]) or pattern("news_agency_word").match(words[0])):
        return False
    rest = f"{name[:found.start()]} {name[found.end():]}".strip(" ,-–")
    return not pattern("news_agency").match(rest)


NAME_CHARS = 120  # the longest author name kept, as the printed byline's longest text

_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[^\W\d_]|Jr|Sr|Jun|Sen)\.$")
"""A name closing on an abbreviation's full stop (``Tom Weiss Jr.``, ``Jonas K.``)."""

_DESK_WORDS = 3  # the most words of a desk's name (``Redaktion Wirtschaft``, ``Europe News Desk``)


def _desk(part: str) -> bool:
    """``part`` names a desk, not a person: a desk's or an account's word (the vocabulary's
    ``not_a_person``: ``Redaktion``, ``Redacción``, ``Desk``, ``Newsroom``) opening or closing a
    name of :data:`_DESK_WORDS` words at most (``Redaktion Wirtschaft``, ``Redacción Madrid``,
    ``Europe Desk``); a name holding a digit stays (``BR24 Redaktion``, a broadcaster's). Read
    where nothing but the name's shape says it is a person's (a credits line's lead-in): where
    the markup names the field a byline, a desk is the site's own signature, and kept."""
    words = part.split()
    desk = pattern("not_a_person")
    return 1 < len(words) <= _DESK_WORDS and not any(c.isdigit() for c in part) \
        and bool(desk.match(words[0]) or desk.match(words[-1]))


def _desk_phrase(part: str) -> bool:
    """``part`` names a desk by its phrase (:func:`_desk`) opening with the desk's word (the
    vocabulary's ``not_a_person``: ``Redaktion Wirtschaft``, ``Webredactie Eindredactie``): a
    desk's word closing a name may be a person's surname (``Ian Staff``), and a structured
    author named so stays."""
    return _desk(part) and bool(pattern("not_a_person").match(part.split()[0]))


def _article_desk(part: str) -> bool:
    """``part`` is a desk named with an article, a common noun's (``de Redactie Binnenland``,
    ``la Redacción``, ``La Redacción``, ``the Newsroom``): words in lower case of
    :data:`_PARTICLE_CHARS` letters at most (the first capitalised too, opening the byline, when
    it is a definite article, the vocabulary's ``definite_article``: not a first name, ``Ian
    Staff``), then a desk (:func:`_desk`) or a desk's word alone (the vocabulary's
    ``not_a_person``); a person's particle stands before a surname (``de Vries``), never a desk."""
    words = part.split()
    at = 0
    while at < len(words) - 1 and (words[at].islower()
                                   or (at == 0 and words[at].istitle() and pattern("definite_article").match(words[at]))) \
            and words[at].isalpha() and len(words[at]) <= _PARTICLE_CHARS:
        at += 1
    rest = " ".join(words[at:])
    return 0 < at and (bool(pattern("not_a_person").match(rest)) or _desk(rest))


def _without_role(part: str, after_name: bool = False) -> str:
    """A byline's name ``part`` without the writer's role printed after it (the vocabulary's
    ``byline_role``, as a word or the end of a compound word, and the words in lower case
    before it: ``Maja Holm political commentator`` gives ``Maja Holm``, ``Erik Lund
    Inrikesreporter`` ``Erik Lund``), or before it (``Korrespondent Jan Nowak`` gives ``Jan
    Nowak`` when that reads as a person's name, :func:`_person_shaped`, the role's words all
    left out: ``Political Editor Jane Doe``); ``""`` for a role alone (``politisk
    kommentator``, ``Political Commentator``: one word before a role is the role's own, but in a
    script without case, ``신현주 기자``), for a role followed by its tail (a short word in
    lower case or the vocabulary's ``byline_tail`` after it, then an outlet or a place:
    ``correspondent for Baltic Courier``, ``Korrespondent der Frankfurter Rundschau``), for a
    role in a part after a name printed before it (``after_name``: ``Jan Kos, dziennikarz
    Gazety Wyborczej``, the outlet in the genitive; ``Jane Doe, Baltic Courier correspondent``)
    unless a person's name follows the role or, for a role of a language naming the outlet after
    it (:data:`_OUTLET_AFTER_ROLE`), a person's name closed by the role is the part (``Marco
    Rossi, Luca Bianchi corrispondente`` gives ``Luca Bianchi``), for capitalised words both before and after a role
    (``Chief Political Correspondent Jane Doe``, ``Jane Doe Reporter Baltic Courier``: where the
    name is is not known), and for a photographer's role
    (a compound of a photo's word and a writer's role: ``photojournalist``, ``Bildreporter``,
    ``fotoreporter``, :data:`_PHOTO_ROLE`: the name is a photo credit's). An organisation named
    by a role (the role in the plural with words after it, ``Reporters Without Borders``, or
    a short word in lower case before it, ``Committee to Protect Journalists``, ``Union of
    Journalists``) stays whole; a plural role
    closing the part is the listed people's (``Anna Berger, Tom Weiss, Korrespondenten``,
    ``…, Staff Reporters``)."""
    m = next((m for m in pattern("byline_role").finditer(part) if _ROLE_WORD_END.match(part, m.end())), None)
    if m is None:
        return part
    words = part.split()
    at = len(part[:m.start()].split()) - (0 if part[:m.start()][-1:].isspace() or not m.start() else 1)
    last = len(part[:m.end()].split())  # the words up to the role's last one
    word_start = m.start() - len(part[:m.start()].split()[-1]) if at < len(part[:m.start()].split()) else m.start()
    if _PHOTO_ROLE.fullmatch(part[word_start:m.start()]):
        return ""  # ``photojournalist Tom Weiss``: a photographer's credit
    inflection = _ROLE_WORD_END.match(part, m.end()).group()
    if (inflection.lower() in ("s", "es", "en", "innen")
            and (last < len(words) or any(w.islower() and len(w) <= 3 for w in words[:at]))) \
            or (at and words[at - 1].islower() and len(words[at - 1]) <= 3):
        return part  # an organisation's name (``Reporters Without Borders``, ``Committee to Protect Journalists``)
    before = words[:at]
    while before and before[-1].islower():
        before.pop()
    if after_name and last == len(words) and len(before) >= 2 and _person_shaped(" ".join(before)) \
            and _outlet_after_role(part[word_start:m.end()]):
        return " ".join(before)  # ``Luca Bianchi corrispondente``: an outlet follows this role, never precedes it
    if after_name and not _person_shaped(" ".join(words[last:])):
        return ""  # ``Jane Doe, Baltic Courier correspondent``: the role's outlet, after the name
    if len(before) >= 2 and before[0].upper() != before[0].lower() and _person_shaped(" ".join(words[last:])):
        return ""  # ``Chief Political Correspondent Jane Doe`` or ``Jane Doe Reporter Baltic Courier``: which is the name?
    if len(before) >= 2 or (before and before[0].upper() == before[0].lower()):
        return " ".join(before)  # one cased word before a role is the role's own (``Political Commentator``)
    after = words[last:]
    if after_name and not before:
        return ""  # ``Jan Kos, dziennikarz Gazety Wyborczej``: the role's outlet
    if after and after[0].islower() and (len(after[0]) <= _PARTICLE_CHARS or after[0].lower() in _tail_words()):
        return ""  # ``correspondent for Baltic Courier``, ``Korrespondent in Den Haag``: an outlet or a place
    while after and after[0].islower():  # the role's own words (``Redaktor naczelny Jan Nowak``)
        after.pop(0)
    return " ".join(after) if _person_shaped(" ".join(after)) else ""


_OUTLET_AFTER_ROLE = frozenset({"it", "es", "ca", "fr", "pt", "ro", "pl", "cs", "sk", "sl", "hr", "sr", "bg", "uk", "el", "mt", "ga"})
"""Languages that name a writer's outlet after the role, never before it (``corrispondente del
Corriere``, ``korespondent Gazety``, ``ανταποκριτής της Καθημερινής``): in a byline's part
after a name, capitalised words before such a role are a person's name (``Marco Rossi, Luca
Bianchi corrispondente``), where English, German or Finnish print an outlet there
(``Lina Berg, Northern Ledger correspondent``, ``Helsingin Sanomien kirjeenvaihtaja``)."""


@lru_cache(maxsize=256)
def _outlet_after_role(word: str) -> bool:
    """The role ``word`` (a match of the vocabulary's ``byline_role``, its word's start to the
    role's end) is one of a language of :data:`_OUTLET_AFTER_ROLE` and of no other."""
    owners = {lang for lang, categories in vocabulary().items()
              for phrase in categories.get("byline_role", {}).get("", ())
              if re.fullmatch(phrase, word, re.I)}
    return bool(owners) and owners <= _OUTLET_AFTER_ROLE


def _photographer(part: str) -> bool:
    """``part`` prints a photographer's role: the word (:data:`_PHOTOGRAPHER`: ``photographer``,
    ``Fotografin``, ``fotógrafo``) or a compound of a photo's word and a writer's role
    (:data:`_PHOTO_ROLE`: ``Bildreporter``)."""
    return bool(_PHOTOGRAPHER.search(part)) or any(
        _PHOTO_ROLE.fullmatch(part, w.start(), m.start()) for w in re.finditer(r"\S+", part)
        for m in pattern("byline_role").finditer(part, w.start(), w.end()) if m.start() > w.start())


_PHOTOGRAPHER = re.compile(r"(?<!\w)(?:photo|foto|fotó)gra(?:ph|f|af)(?:ers?|ins?|[oae]s?|en|ka|é)?(?!\w)", re.I)
"""A photographer's word in the EU's languages (``photographer``, ``Fotograf``, ``Fotografin``,
``fotografo``, ``fotógrafa``, ``fotograaf``, ``fotografka``, ``photographe``)."""


_PHOTO_ROLE = re.compile(r"(?:photo|foto|fotó|bild|beeld|video|kamera|camera)-?", re.I)
"""The first part of a compound naming a photographer's or camera's role with a writer's word
(``photojournalist``, ``Bildreporter``, ``fotoreporter``, ``fotoperiodista``,
``beeldredacteur``): a photo credit, no writer."""


@lru_cache(maxsize=1)
def _tail_words() -> frozenset[str]:
    """The words before a byline's closing place or outlet, in every language (the vocabulary's
    ``byline_tail``: ``for``, ``für``, ``desde``, ``pour``)."""
    return frozenset(w.lower() for w in phrases("byline_tail"))


_ROLE_WORD_END = re.compile(r"(?:innen|[^\W\d_]{0,2})(?![\w])")
"""Where a role's word ends: two letters after the role at most (an inflection, ``-in``, ``-ka``,
``-a``: ``Korrespondentin``, ``redaktorka``) or German's feminine plural (``Korrespondentinnen``),
so a name holding a role's letters (``Redaktorski``) is none."""


def _squashed(text: str) -> str:
    return "".join(key(text).split())


def _brands(f: Fields) -> set[str]:
    """Squashed keys of the names that are the brand, never an author: ``og:site_name``,
    ``application-name``, the JSON-LD publisher's name, the portal's site names, the site's
    registrable domain (``mdr.de``) and its name without the suffix (``mdr``)."""
    page = f.page
    names = list(f.rules.site_names) + page.meta.get("og:site_name", []) + page.meta.get("application-name", [])
    for node in [page.article_ld, *page.ld_of_type("Organization"), *page.ld_of_type("NewsMediaOrganization")]:
        pub = _resolved(page, node.get("publisher")) if node is page.article_ld else node
        if isinstance(pub, dict):
            names.append(ld_text(pub.get("name")) or "")
    host = urlsplit(page.url).hostname or ""
    if host:
        site = site_of(host)
        names += [site, site.split(".")[0]]
    return {_squashed(n) for n in names if n and _squashed(n)}


def tags(f: Fields) -> tuple[list[str], str | None]:
    """Topic keywords: portal selector (a ``<meta>`` match is split on commas), ``article:tag``
    meta, JSON-LD ``keywords``, the tag links the page prints (:func:`_is_tag_link`), then the
    ``news_keywords`` / ``keywords`` meta split on commas (often the site's, the same on
    every page, so read only when the page prints no tag links)."""
    page = f.page
    portal = unique(select_values(page, f.rules.css("tags"), split_meta=True))
    if portal:
        return portal, "portal"
    values = page.meta.get("article:tag", [])
    if values:
        return unique(values), "meta"
    kw = page.article_entity.get("keywords")
    if kw:
        items = kw if isinstance(kw, list) else kw.split(",") if isinstance(kw, str) else [kw]
        found = unique(ld_text(k) for k in items)
        if found:
            return found, "jsonld"
    printed = unique(text_of(a) for a in page.elements("a") if "tag" in (a.get("rel") or "") and _is_tag_link(a))
    if printed:
        return printed, "html"
    value = page.meta_first("news_keywords", "keywords")
    if value:
        return unique(value.split(",")), "meta"
    return [], None


def _is_tag_link(a) -> bool:
    """``a`` is a link of the article's printed tag list: ``rel="tag"`` (the microformats
    rel-tag, as WordPress prints a post's tags; not ``category tag``, its categories) outside an
    aside, a navigation or the page's footer (:func:`~newsbot.extraction.values.in_aside`: a tag
    cloud)."""
    rel = (a.get("rel") or "").lower().split()
    return "tag" in rel and "category" not in rel and not in_aside(a)


_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def normalize_language(value: str | None) -> str | None:
    """BCP 47 tag from ``de``, ``de_DE``, ``en-gb``; ``None`` when it is not a language tag."""
    if not value:
        return None
    parts = value.strip().replace("_", "-").split("-")
    parts[0] = parts[0].lower()
    parts[1:] = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    tag = "-".join(parts)
    return tag if _LANG.match(tag) else None


def language(f: Fields) -> tuple[str | None, str | None]:
    """Language tag from ``<html lang>``, ``content-language``, ``og:locale``, JSON-LD
    ``inLanguage``, then the language of the edition the link was found in (``hints.language``);
    the first one found stands unless the title and body are plainly in another language (a
    theme's ``en-US`` over German text), which is then named from the text (layer
    ``generic``, :func:`newsbot.extraction.language.contradicts`). A page that says nothing
    gets the language of its text when the model is sure of it
    (:func:`newsbot.extraction.language.detect_language`), else ``None``."""
    from .language import contradicts, detect_language

    page = f.page
    text = " ".join(t for t in (f["title"], f["body"]) if t)
    for layer, value in (("html", page.tree.get("lang") or page.tree.get("xml:lang")),
                         ("meta", page.meta_first("content-language", "og:locale", "language")),
                         ("jsonld", ld_text(page.article_ld.get("inLanguage"))),
                         ("hint", f.hints.language)):
        tag = normalize_language(value)
        if tag:
            other = contradicts(tag, text)
            return (other, "generic") if other else (tag, layer)
    found = detect_language(text)
    return (found, "generic") if found else (None, None)
