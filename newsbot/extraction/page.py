"""One parsed page: decoded text, lxml tree, meta tags and JSON-LD, computed once and shared
by every field extractor.
"""
from __future__ import annotations

import codecs
import html as html_lib
import json
import re
from functools import cached_property

import lxml.html
import webencodings
from lxml import etree
from w3lib.encoding import to_unicode

from .text import clean, strip_control, utf8_has_control

MAX_ELEMENTS = 30_000
"""Elements read from one page (real article pages hold a few thousand): the rest of a larger
page is cut away before any field is read, and the record flagged partial, so the work per
page is bounded whatever the page."""
_HUGE_RUN = re.compile(r"[^<>]{1000000,}")
"""A run of a million characters without markup: an inline image or a serialized state blob.
One over libxml2's 10 MB limit ends the parse there; such runs are cut before a second parse."""
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "socialmediaposting", "techarticle", "advertisercontentarticle",
    "satiricalarticle", "posting",
})


_DECODERS = {
    "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs", "euc-kr": "cp949",
    "shift_jis": "cp932", "windows-874": "cp874", "iso-8859-8-i": "iso8859-8",
    "x-mac-cyrillic": "mac-cyrillic", "macintosh": "mac-roman",
}
"""Python codecs for the WHATWG encodings whose decoder is a superset of the like-named Python
codec (the Encoding Standard decodes GBK with the gb18030 decoder, Big5 as Big5-HKSCS, EUC-KR
as windows-949 and Shift_JIS as windows-31J), or whose name Python does not know."""


def charset_codec(label: str | None) -> str | None:
    """The Python codec name for a charset label, by the label table of the WHATWG Encoding
    Standard (https://encoding.spec.whatwg.org/#names-and-labels, through ``webencodings``):
    ``iso-8859-1``, ``ascii`` and ``latin1`` mean windows-1252, ``gb2312`` means GBK (decoded
    as gb18030), ``utf-16`` means UTF-16LE. ``None`` for a label the table does not hold (such
    as ``utf-7``), for the ``replacement`` encoding (``iso-2022-kr`` …) and ``x-user-defined``."""
    if not label:
        return None
    encoding = webencodings.lookup(label.strip().strip("\"'"))
    if encoding is None or encoding.name in ("replacement", "x-user-defined"):
        return None
    return _DECODERS.get(encoding.name) or codecs.lookup(encoding.name).name


_UTF8_SAMPLE = 200_000  # bytes checked against a declared charset and given to detection
_NON_ASCII = re.compile(rb"[\x80-\xff]+")
_NON_ASCII_TEXT = re.compile(r"[^\x00-\x7f]+")


def _utf8_verdict(data: bytes) -> bool | None:
    """``True`` when the bytes are plainly UTF-8 (they hold non-ASCII bytes and all of them,
    up to a character cut by the sample's end, form valid UTF-8 sequences), ``False`` when they
    plainly are not (more invalid bytes than valid multi-byte characters), ``None`` for pure
    ASCII or a mix (a UTF-8 page with a few stray bytes)."""
    sample = data[:_UTF8_SAMPLE]
    if not _NON_ASCII.search(sample):
        return None
    text = sample.decode("utf-8", errors="replace")
    if len(sample) == _UTF8_SAMPLE:  # a character cut by the sample's end is not an error
        text = text.rstrip("\ufffd")
    invalid = text.count("\ufffd")
    if invalid == 0:
        return True
    valid = sum(map(len, _NON_ASCII_TEXT.findall(text))) - invalid
    return False if invalid > valid else None


def _detection_sample(data: bytes, limit: int = 64 * 1024, context: int = 64) -> bytes:
    """The parts of ``data`` around its non-ASCII bytes (``context`` bytes either side, runs
    joined by a newline), at most about ``limit`` bytes: a detector given the page's head sees
    markup and scripts, and with many KiB of ASCII before the text it guesses a single-byte
    charset for a GBK or Shift_JIS page."""
    parts: list[bytes] = []
    size = end = 0
    for m in _NON_ASCII.finditer(data):
        start, stop = max(m.start() - context, end), m.end() + context
        if start >= stop:
            continue
        if start > end and parts:
            parts.append(b"\n")
        parts.append(data[start:stop])
        size, end = size + stop - start, stop
        if size >= limit:
            break
    return b"".join(parts)


def _detect(data: bytes) -> str:
    """The charset charset-normalizer finds in the non-ASCII parts of ``data`` (its Python codec
    name), else ``utf-8`` (decoded with replacement)."""
    from charset_normalizer import from_bytes

    best = from_bytes(_detection_sample(data)).best()
    return best.encoding if best else "utf-8"


def _declared(label: str | None, data: bytes, in_meta: bool) -> str | None:
    """The codec of a declared charset ``label`` unless the bytes contradict it: UTF-8 declared
    for bytes that are plainly not UTF-8, another charset for bytes that are plainly UTF-8
    (a server's default ``ISO-8859-1``, a template's stale ``<meta charset>``, a file saved
    as UTF-8 with its old declaration). ``<meta>`` naming UTF-16 means UTF-8, as the HTML
    standard's prescan says. ``None``: detect instead."""
    encoding = charset_codec(label)
    if encoding is None:
        return None
    if in_meta and encoding.startswith("utf-16"):
        encoding = "utf-8"
    verdict = _utf8_verdict(data)
    if encoding == "utf-8":
        return None if verdict is False else encoding
    return "utf-8" if verdict is True else encoding


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; return ``(text, encoding)`` (a Python codec name).

    Order (the HTML standard's): byte-order mark, charset in the HTTP ``Content-Type`` header,
    ``<meta charset>`` / ``http-equiv`` in the first 4 KiB, then detection (charset-normalizer on
    the parts around the non-ASCII bytes, :func:`_detection_sample`), then UTF-8. Labels are read
    by the WHATWG table (:func:`charset_codec`). A declared charset the bytes contradict is
    skipped (:func:`_declared`): ``utf-8`` for bytes that are plainly not UTF-8, any other for
    bytes that are plainly valid UTF-8. Undecodable bytes become U+FFFD; control characters are
    removed from the result. ``str`` input is only cleaned (encoding reported as ``"str"``).
    """
    if isinstance(data, str):
        return strip_control(data), "str"
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    if encoding is None and content_type:
        m = _HEADER_CHARSET.search(content_type)
        encoding = _declared(m.group(1), data, in_meta=False) if m else None
    if encoding is None:
        m = _META_CHARSET.search(data[:4096])
        encoding = _declared(m.group(1).decode("ascii", "ignore"), data, in_meta=True) if m else None
    if encoding is None:
        encoding = "utf-8" if _utf8_verdict(data) is not False else _detect(data)
    text = to_unicode(data, encoding)
    if encoding == "utf-8" and not utf8_has_control(data, text):
        return text, encoding
    return strip_control(text), encoding


_LD_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
"""HTML-comment and CDATA wrappers (``//<![CDATA[ … //]]>``) some pages put around JSON-LD."""
_NOT_NESTED = frozenset({"author", "publisher", "image", "creator", "itemListElement", "relatedLink",
                         "mentions", "citation", "comment", "review", "isPartOf", "about"})


JSONLD_DEPTH = 32  # structured data nests a few levels; deeper values are not walked


_COUNT_NODES = etree.XPath(
    "count(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())")
"""The number of nodes ``tree.iter()`` yields (elements, comments, processing instructions),
counted without making a Python object for each."""


_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*>")
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)
"""lxml.html's element classes, chosen in C: lxml.html's own lookup (a Python call for every
element object made) only adds form-field classes (``<input>``, ``<select>``…) whose methods
extraction never calls."""


def _parser() -> lxml.html.HTMLParser:
    """A new HTML parser (its own error log) making :data:`_ELEMENT_CLASSES`."""
    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


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


def _types(node: dict) -> set[str]:
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).rsplit("/", 1)[-1].casefold() for v in values if v}


class Page:
    """A page parsed once.

    Input: ``html`` (bytes or str), ``url`` (final URL, used as base for links), optional
    ``content_type`` (HTTP header value, for the charset). Attributes are computed lazily and
    cached: ``text``, ``encoding``, ``tree`` (lxml ``HtmlElement``; a blank document for empty
    or unparseable input; ``cut`` is set when a run of text over libxml2's limits had to be
    left out to read the rest), ``meta`` (``{lowercased name/property: [contents]}``), ``jsonld``
    (every typed JSON-LD object, ``@graph`` flattened, then the typed objects nested in them
    such as a WebPage's ``mainEntity``; malformed blocks skipped and counted in
    ``jsonld_errors``) and ``article_ld`` (the first top-level NewsArticle-like object or ``{}``).
    """

    def __init__(self, html: bytes | str, url: str, content_type: str | None = None):
        self.url = url
        self.text, self.encoding = decode_html(html, content_type)
        self.jsonld_errors = 0
        self.jsonld_top = 0
        self.cut = False

    @cached_property
    def tree(self) -> lxml.html.HtmlElement:
        """The lxml document (an empty one for input that does not parse)."""
        text = self.text
        declaration = _XML_DECLARATION.match(text)
        if declaration:
            text = text[declaration.end():]
        try:
            parser = _parser()
            tree = lxml.html.document_fromstring(text or "<html></html>", parser=parser)
            if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
                # a text node or attribute over libxml2's limit ended the parse: the page is
                # read again without its huge runs, and the record is flagged partial
                self.cut = True
                tree = lxml.html.document_fromstring(_HUGE_RUN.sub(" ", text), parser=_parser())
        except (etree.ParserError, ValueError):
            tree = lxml.html.document_fromstring("<html></html>")
        if _cut_after(tree, MAX_ELEMENTS):
            self.cut = True
        return tree

    @cached_property
    def size(self) -> int:
        """The number of elements of the tree."""
        return int(_COUNT_NODES(self.tree))

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``{lowercased property / name / itemprop / http-equiv: [contents]}`` of the meta tags."""
        out: dict[str, list[str]] = {}
        for el in self.tree.iter("meta"):
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
    def jsonld(self) -> list[dict]:
        """Every typed JSON-LD object of the page, ``@graph`` flattened, top-level ones first."""
        out: list[dict] = []
        nested: list[dict] = []
        for el in self.tree.iter("script"):
            if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
                continue
            raw = _LD_WRAPPERS.sub("", el.text).strip().rstrip(";")
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
        """The first top-level NewsArticle-like JSON-LD object, or ``{}``."""
        for node in self.jsonld[:self.jsonld_top]:
            if _types(node) & ARTICLE_TYPES:
                return node
        return {}

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

    def ld_of_type(self, name: str) -> list[dict]:
        """JSON-LD objects whose ``@type`` includes ``name`` (case-insensitive)."""
        return [n for n in self.jsonld if name.casefold() in _types(n)]

    @cached_property
    def is_article_typed(self) -> bool:
        """True when JSON-LD, microdata or ``og:type`` says the page is an article."""
        if self.article_ld:
            return True
        if (self.meta_first("og:type") or "").lower() == "article":
            return True
        return any(
            (el.get("itemtype") or "").rsplit("/", 1)[-1].casefold() in ARTICLE_TYPES
            for el in self.tree.iter() if isinstance(el.tag, str) and el.get("itemtype")
        )

    def select(self, css: str) -> list:
        """Elements matching the CSS selector ``css`` in document order (``[]`` if invalid)."""
        from lxml.cssselect import CSSSelector

        try:
            return CSSSelector(css)(self.tree)
        except Exception:  # cssselect raises several private error types
            return []
