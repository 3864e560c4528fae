"""One parsed page: decoded text, lxml tree, meta tags and JSON-LD, computed once and shared
by every field extractor.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from functools import cached_property

import lxml.html
from lxml import etree

from .decoding import decode_page
from .text import clean

MAX_ELEMENTS = 30_000
"""Elements read from one page (real article pages hold a few thousand): the rest of a larger
page is cut away before any field is read, and the record flagged partial, so the work per
page is bounded whatever the page."""
MAX_DEPTH = 512
"""Element depth read from one page (``<html>`` is 1; real article pages nest a few dozen):
libxml2's HTML parser stops at 256 unless asked for more (then 2048), and the extraction walks
some subtrees recursively, so elements deeper than this are cut away with their content, and
the record flagged partial."""
_OVER_DEPTH = etree.XPath("self::*" + "/*" * MAX_DEPTH)
"""The elements one level deeper than :data:`MAX_DEPTH` below the root, found in C level by
level (each element visited once)."""
_HUGE_RUN = re.compile(r"[^<>]{1000000,}")
"""A run of a million characters without markup: an inline image or a serialized state blob.
One over libxml2's 10 MB limit ends the parse there; such runs are cut before a second parse
(which also reads elements nested deeper than libxml2's usual 256, up to 2048)."""
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "socialmediaposting", "techarticle", "advertisercontentarticle",
    "satiricalarticle", "posting",
})


_LD_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
"""HTML-comment and CDATA wrappers (``//<![CDATA[ … //]]>``) some pages put around JSON-LD."""
_LD_WRAPPER_MARKS = ("<!", "-->", "]]>")
"""What any match of :data:`_LD_WRAPPERS` holds: a text without them is not searched (the
pattern's end anchor makes it try every position of the text)."""
_NOT_NESTED = frozenset({"author", "publisher", "image", "creator", "itemListElement", "relatedLink",
                         "mentions", "citation", "comment", "review", "isPartOf", "about"})


JSONLD_DEPTH = 32  # structured data nests a few levels; deeper values are not walked


_COUNT_NODES = etree.XPath(
    "count(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())")
"""The number of nodes ``tree.iter()`` yields (elements, comments, processing instructions),
counted without making a Python object for each."""


INDEXED_TAGS = ("a", "h1", "h2", "link", "meta", "script", "time", "title")
"""The tags whose elements :meth:`Page.elements` lists: those the field extractors look for
all over the page (links and meta tags, scripts, headlines, ``<time>``, ``<title>``)."""


# A search of the whole page for elements with a condition is written ``/descendant::x[…]``, not
# ``//x[…]``: the two find the same nodes in the same order (a condition that reads no position),
# but libxml2 rewrites the shorthand into one step only when it has no condition, and otherwise
# visits every node of the page and each node's children in turn.
_NAMING = etree.XPath("//@class|//@itemprop|//@rel", smart_strings=False)
"""The values of every element's ``class``, ``itemprop`` and ``rel``, in C."""
_RDFA_CONTENT = etree.XPath("/descendant::*[@property][@content][local-name() != 'meta']")
"""The elements of :attr:`Page.rdfa_content`, found in C."""
_ITEMTYPED = etree.XPath("/descendant::*[@itemtype]")
"""The elements carrying a microdata ``itemtype``, found in C."""


def _teaser_item(item) -> bool:
    """The microdata article item ``item`` is a teaser of another page: its ``headline`` is
    printed in a link (a list view's entry, TYPO3 tx_news's ``<h3><a><span
    itemprop="headline">``), not as the page's own headline."""
    headline = next((el for el in item.iter(etree.Element) if "headline" in (el.get("itemprop") or "").split()), None)
    if headline is None:
        return False
    for el in (headline, *headline.iterancestors()):
        if el.tag == "a":
            return True
        if el is item:
            return False
    return False


_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*>")
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)
"""lxml.html's element classes, chosen in C: lxml.html's own lookup (a Python call for every
element object made) only adds form-field classes (``<input>``, ``<select>``…) whose methods
extraction never calls."""


def _parser(huge: bool = False) -> lxml.html.HTMLParser:
    """A new HTML parser (its own error log) making :data:`_ELEMENT_CLASSES`, for UTF-8 bytes:
    the decoded text is handed to libxml2 in its own encoding, which it reads faster than a
    ``str`` (given in Python's internal one-, two- or four-byte form). ``huge``: libxml2's
    ``XML_PARSE_HUGE`` (lxml's ``huge_tree``), which raises its element depth limit from 256
    to 2048 and lifts its 10 MB limit on a text node."""
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=huge)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


def _over_limit(parser: lxml.html.HTMLParser) -> bool:
    """True when ``parser``'s last parse stopped at one of libxml2's limits (a text node or
    attribute too long, elements nested too deep): the rest of the page was not read."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _cut_deeper(tree) -> bool:
    """Remove the elements deeper than :data:`MAX_DEPTH` (each with its content; the text after
    it kept); True when some were."""
    over = _OVER_DEPTH(tree)
    for el in over:
        parent, tail = el.getparent(), el.tail
        if tail:
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
    return bool(over)


def _nodes_at_most(text: str) -> int:
    """An upper bound on the nodes (elements, comments, processing instructions) libxml2's
    HTML parser makes of ``text``: each starts at a ``<`` but those it implies (``<html>``,
    ``<head>``, ``<body>``, at most one more at a ``<`` whose tag it does not expect there),
    so a page under :data:`MAX_ELEMENTS` by this count, taken in C, is not counted by a walk of
    its tree (which costs two to three times as much)."""
    return 2 * text.count("<") + 3


def _cut_after(tree, limit: int) -> bool:
    """Remove every element after the ``limit``-th in document order; True when some were."""
    if _COUNT_NODES(tree) <= limit:
        return False
    last = None
    for i, el in enumerate(tree.iter(), 1):
        if i == limit:
            last = el
        elif i > limit:
            break
    else:
        return False
    for child in list(last):
        last.remove(child)
    node = last
    while (parent := node.getparent()) is not None:
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    return True


def _walk_jsonld(node, out: list[dict], nested: list[dict], top: bool = True, depth: int = 0) -> None:
    if depth > JSONLD_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, out, nested, top, depth + 1)
    elif isinstance(node, dict):
        if "@type" in node:
            (out if top else nested).append(node)
        for name, value in node.items():
            # @graph members are top-level; a WebPage's mainEntity and other typed values nest
            if isinstance(value, (dict, list)) and name not in _NOT_NESTED:
                _walk_jsonld(value, out, nested, top and name == "@graph", depth + 1)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _node_addresses(node: dict) -> list[str]:
    """The addresses a JSON-LD object gives itself: ``url``, ``@id``, ``mainEntityOfPage`` (an
    address, or an object's ``@id`` / ``url``)."""
    out = []
    for value in (*_as_list(node.get("url")), node.get("@id"), *_as_list(node.get("mainEntityOfPage"))):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            out.append(value)
    return out


def _address(url: str) -> str:
    """``url`` compared as an address: without scheme, ``www.``, fragment and trailing slash."""
    url = url.strip().split("#", 1)[0].rstrip("/")
    url = url.split("://", 1)[-1]
    return url[4:] if url.startswith("www.") else url


def ld_types(node: dict) -> set[str]:
    """The ``@type`` values of a JSON-LD object, lower-cased, a URL's last path segment kept
    (``https://schema.org/NewsArticle`` → ``newsarticle``)."""
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).rsplit("/", 1)[-1].casefold() for v in values if v}


class Page:
    """A page parsed once.

    Input: ``html`` (bytes or str), ``url`` (final URL, used as base for links), optional
    ``content_type`` (HTTP header value, for the charset). Attributes are computed lazily and
    cached: ``text``, ``encoding``, ``tree`` (lxml ``HtmlElement``; a blank document for empty
    or unparseable input; ``cut`` is set when a run of text over libxml2's limits had to be
    left out to read the rest, or elements nested deeper than :data:`MAX_DEPTH` were cut),
    ``meta`` (``{lowercased name/property: [contents]}``), ``jsonld``
    (every typed JSON-LD object, ``@graph`` flattened, then the typed objects nested in them
    such as a WebPage's ``mainEntity``; malformed blocks skipped and counted in
    ``jsonld_errors``), ``article_ld`` (the top-level NewsArticle-like object of this page, or
    ``{}``) and ``article_entity`` (the same, or one nested as a web page's ``mainEntity``);
    :meth:`elements` lists the elements of the tags looked for all over the page
    (:data:`INDEXED_TAGS`), all found in one walk; ``rdfa_content`` the elements giving an RDFa
    property's value in ``content``.
    """

    def __init__(self, html: bytes | str, url: str, content_type: str | None = None):
        self.url = url
        self.text, self.encoding, self._utf8 = decode_page(html, content_type)
        self.jsonld_errors = 0
        self.jsonld_top = 0
        self.cut = False

    @cached_property
    def tree(self) -> lxml.html.HtmlElement:
        """The lxml document (an empty one for input that does not parse)."""
        text = self.text
        data = self._utf8  # the page's own bytes when they are the text in UTF-8
        declaration = _XML_DECLARATION.match(text)
        if declaration:
            text, data = text[declaration.end():], None
        try:
            parser = _parser()
            if not data:
                data = (text or "<html></html>").encode("utf-8")
            tree = lxml.html.document_fromstring(data, parser=parser)
            if _over_limit(parser):
                # a text node or attribute over libxml2's limit, or elements nested deeper than
                # 256, ended the parse: the page is read again without its huge runs, with the
                # depth limit raised to 2048 (elements deeper than MAX_DEPTH then cut); the record
                # is flagged partial when a huge run or an element was left out, or the page
                # still goes over a limit
                kept, runs = _HUGE_RUN.subn(" ", text)
                parser = _parser(huge=True)
                tree = lxml.html.document_fromstring(kept.encode("utf-8"), parser=parser)
                deep = _cut_deeper(tree)  # the extraction walks some subtrees recursively
                self.cut = bool(runs) or _over_limit(parser) or deep
        except (etree.ParserError, ValueError):
            tree = lxml.html.document_fromstring("<html></html>")
        if _nodes_at_most(text) > MAX_ELEMENTS and _cut_after(tree, MAX_ELEMENTS):
            self.cut = True
        return tree

    @cached_property
    def size(self) -> int:
        """The number of elements of the tree."""
        return int(_COUNT_NODES(self.tree))

    @cached_property
    def _indexed(self) -> tuple[list, dict[str, list]]:
        """Every element of :data:`INDEXED_TAGS` in document order, and ``{tag: [elements]}``:
        one walk of the tree for all of them."""
        found: list = []
        by_tag: dict[str, list] = {tag: [] for tag in INDEXED_TAGS}
        for el in self.tree.iter(*INDEXED_TAGS):
            found.append(el)
            by_tag[el.tag].append(el)
        self.names  # read with the tree whole, before any reader takes elements out of it
        return found, by_tag

    @cached_property
    def names(self) -> str:
        """The values of every element's ``class``, ``itemprop`` and ``rel`` attributes,
        one a line, in document order: a page none of whose names holds a word has no element so
        named, and its tree is not searched for one (a search of these lines costs a fraction of
        one of the page's source, scripts and text included). Read with :meth:`elements`'s first
        call, before any reader takes elements out of the tree."""
        return "\n".join(_NAMING(self.tree))

    def elements(self, *tags: str) -> list:
        """The elements of ``tags`` (each one of :data:`INDEXED_TAGS`) in document order, as
        ``tree.iter(*tags)`` gives them (a list shared by every caller: not to be changed).
        Every field extractor that looks for one of those tags all over the page reads them
        from here, so the tree is walked once for all of them rather than once for each field
        (a walk costs the same whatever it finds)."""
        found, by_tag = self._indexed
        if len(tags) == 1:
            return by_tag[tags[0]]
        return [el for el in found if el.tag in tags]

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``{lowercased property / name / itemprop / http-equiv: [contents]}`` of the meta tags."""
        out: dict[str, list[str]] = {}
        for el in self.elements("meta"):
            name = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = clean(el.get("content"))
            if name and content:
                out.setdefault(name.strip().lower(), []).append(html_lib.unescape(content))
        return out

    def meta_first(self, *names: str) -> str | None:
        """First non-empty content among meta tags ``names`` (checked in the order given)."""
        for name in names:
            values = self.meta.get(name.lower())
            if values:
                return values[0]
        return None

    @cached_property
    def rdfa_content(self) -> list:
        """The elements other than ``<meta>`` that carry an RDFa ``property`` with its value in
        ``content`` (Drupal's ``<span property="dc:date dc:created" content="2026-02-12T09:30:00+01:00">``),
        in document order; ``[]`` when the page's source never says ``property``. Found once per
        page, for every date read from them."""
        if "property" not in self.text:
            return []
        return _RDFA_CONTENT(self.tree)

    @cached_property
    def declared_language(self) -> str:
        """The primary subtag, lower-case, of the language the page's markup declares for the site
        (``<html lang>``, ``xml:lang``, else the ``content-language`` meta tag: ``de-AT`` →
        ``de``), ``""`` when it declares none; what the text is written in may differ
        (:func:`newsbot.extraction.metadata.language`)."""
        tag = self.tree.get("lang") or self.tree.get("xml:lang") or self.meta_first("content-language") or ""
        return tag.strip().replace("_", "-").split("-")[0].lower()

    @cached_property
    def jsonld(self) -> list[dict]:
        """Every typed JSON-LD object of the page, ``@graph`` flattened, top-level ones first."""
        out: list[dict] = []
        nested: list[dict] = []
        for el in self.elements("script"):
            if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
                continue
            raw = el.text
            if any(mark in raw for mark in _LD_WRAPPER_MARKS):
                raw = _LD_WRAPPERS.sub("", raw)
            raw = raw.strip().rstrip(";")
            try:
                data = json.loads(raw, strict=False)
            except (ValueError, RecursionError):  # RecursionError: nested deeper than the interpreter goes
                self.jsonld_errors += 1
                continue
            _walk_jsonld(data, out, nested)
        self.jsonld_top = len(out)
        return out + nested

    @cached_property
    def article_ld(self) -> dict:
        """The page's top-level NewsArticle-like JSON-LD object, or ``{}``: the first that
        names this page (:meth:`_names_this_page`), else the first (a page listing several
        stories, a related one first, thus gets its own)."""
        top = [n for n in self.jsonld[:self.jsonld_top] if ld_types(n) & ARTICLE_TYPES]
        return self._this_page_of(top)

    @cached_property
    def article_entity(self) -> dict:
        """The page's NewsArticle-like JSON-LD object wherever it is given: :attr:`article_ld`,
        else one a top-level object names as its ``mainEntity`` (a WebPage's), chosen alike;
        ``{}`` when there is none."""
        if self.article_ld:
            return self.article_ld
        entities = [e for node in self.jsonld[:self.jsonld_top] for e in _as_list(node.get("mainEntity"))
                    if isinstance(e, dict) and ld_types(e) & ARTICLE_TYPES]
        return self._this_page_of(entities)

    def _this_page_of(self, candidates: list[dict]) -> dict:
        """Among JSON-LD article objects, the first whose ``url``, ``@id`` or
        ``mainEntityOfPage`` is the page's address or its canonical one, else the first whose
        ``headline`` is the page's ``<h1>``, else the first; ``{}`` for none."""
        if len(candidates) <= 1:
            return candidates[0] if candidates else {}
        addresses = {_address(u) for u in (self.url, self.meta_first("og:url"),
                                           *(el.get("href") for el in self.elements("link")
                                             if "canonical" in (el.get("rel") or "").lower().split())) if u}
        for node in candidates:
            if addresses & {_address(u) for u in _node_addresses(node)}:
                return node
        headlines = {clean(h.text_content()).casefold() for h in self.elements("h1")[:3] if clean(h.text_content())}
        for node in candidates:
            headline = node.get("headline")
            if isinstance(headline, str) and (clean(html_lib.unescape(headline)) or "").casefold() in headlines:
                return node
        return candidates[0]

    @cached_property
    def ld_by_id(self) -> dict[str, dict]:
        """``{@id: object}`` of the page's typed JSON-LD objects, to resolve references such as
        ``"author": {"@id": "…#/schema/person/1"}`` (a Yoast ``@graph``); the first object of an
        ``@id`` wins."""
        out: dict[str, dict] = {}
        for node in self.jsonld:
            ident = node.get("@id")
            if isinstance(ident, str) and ident:
                out.setdefault(ident, node)
        return out

    def resolved(self, value):
        """A JSON-LD reference ``{"@id": …}`` (no other key but ``@type``) replaced by the object
        of that ``@id`` on the page (:attr:`ld_by_id`); any other value as it is."""
        if isinstance(value, dict) and "@id" in value and not (set(value) - {"@id", "@type"}):
            return self.ld_by_id.get(value["@id"], value)
        return value

    def ld_of_type(self, name: str) -> list[dict]:
        """JSON-LD objects whose ``@type`` includes ``name`` (case-insensitive)."""
        return [n for n in self.jsonld if name.casefold() in ld_types(n)]

    @cached_property
    def is_article_typed(self) -> bool:
        """True when JSON-LD, microdata (an article item whose headline is no link: :func:`_teaser_item`)
        or ``og:type`` says the page is an article."""
        if self.article_ld:
            return True
        if (self.meta_first("og:type") or "").lower() == "article":
            return True
        return any(el.get("itemtype").rsplit("/", 1)[-1].casefold() in ARTICLE_TYPES and not _teaser_item(el)
                   for el in _ITEMTYPED(self.tree))

    def select(self, css: str) -> list:
        """Elements matching the CSS selector ``css`` in document order (``[]`` if invalid)."""
        from lxml.cssselect import CSSSelector

        try:
            return CSSSelector(css)(self.tree)
        except Exception:  # cssselect raises several private error types
            return []
