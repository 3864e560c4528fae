"""Discovery documents: RSS 2.0 / Atom feeds and sitemaps (index, urlset, news sitemap).

Pure functions of bytes or binary file objects (a ``gzip.GzipFile`` is read as it
decompresses), no Scrapy. Parsing streams with ``lxml.etree.iterparse`` and clears each
element once read, so a 50,000-URL sitemap is never held as a tree, and stops after
``max_entries`` entries. Entities are never resolved, no DTD is loaded and nothing is fetched
over the network (no XXE, no "billion laughs" entity expansion): a document type
declaration in the first 64 KiB is removed before parsing, so its entities are never defined
(references to them are dropped as undefined) and the rest of the document is still read;
one further on makes libxml2 stop at its amplification limit.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

from lxml import etree

from .extraction.text import clean


@dataclass
class Entry:
    """One discovered URL: ``url`` (absolute as given), ``published`` / ``modified`` (date
    strings as the document gives them, unparsed), ``title``, ``alternates`` ({hreflang: URL})
    and ``kind``: ``"page"`` or ``"sitemap"`` (a child of a sitemap index)."""

    url: str
    published: str | None = None
    modified: str | None = None
    title: str | None = None
    alternates: dict = field(default_factory=dict)
    kind: str = "page"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


MAX_ENTRIES = 50_000  # sitemaps.org: at most 50,000 URLs a sitemap


class Truncated(Exception):
    """Raised by the entry iterators after ``max_entries`` entries when more follow."""


HEAD_BYTES = 65536
# <!DOCTYPE name ... [internal subset, quoted strings may hold brackets] >
_DOCTYPE = re.compile(rb"""<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*')*(?:\[(?:[^\]"']|"[^"]*"|'[^']*')*\]\s*)?>""",
                      re.IGNORECASE)


def declares_dtd(data: bytes | BinaryIO) -> bool:
    """True when the document has a ``<!DOCTYPE`` in its first 64 KiB (it is removed before
    parsing: see the module's notes)."""
    head = data[:HEAD_BYTES] if isinstance(data, (bytes, bytearray, memoryview)) else _source(data).read(HEAD_BYTES)
    return _DOCTYPE.search(head) is not None


class _Chain(io.RawIOBase):
    """``head`` bytes, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        chunk = self.stream.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def _source(data: bytes | BinaryIO) -> BinaryIO:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return io.BytesIO(data)
    data.seek(0)
    return data


def _without_dtd(data: bytes | BinaryIO) -> BinaryIO:
    stream = _source(data)
    head = stream.read(HEAD_BYTES)
    match = _DOCTYPE.search(head)
    if match:
        head = head[:match.start()] + head[match.end():]
    return io.BufferedReader(_Chain(head, stream))


def _iter(data: bytes | BinaryIO, tags: set[str], max_entries: int | None = None):
    parser = etree.iterparse(_without_dtd(data), events=("end",), recover=True, resolve_entities=False,
                             no_network=True, huge_tree=False, remove_comments=True, remove_pis=True,
                             load_dtd=False, dtd_validation=False, attribute_defaults=False)
    seen = 0
    try:
        for _, el in parser:
            if _local(el.tag) in tags:
                if max_entries is not None and seen >= max_entries:
                    raise Truncated(f"more than {max_entries} entries")
                seen += 1
                yield el
                el.clear(keep_tail=False)
                while el.getprevious() is not None:
                    del el.getparent()[0]
    except (etree.XMLSyntaxError, EOFError, OSError):  # OSError/EOFError: a broken gzip stream
        return


def sniff(data: bytes | BinaryIO) -> str | None:
    """Kind of an XML discovery document by its root element: ``"rss"``, ``"atom"``,
    ``"sitemapindex"``, ``"urlset"`` or ``None`` (not XML, e.g. an HTML page)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        try:
            data = _source(data).read(65536)
        except (EOFError, OSError):
            return None
    head = data[:HEAD_BYTES]
    match = _DOCTYPE.search(head)
    if match:
        head = head[:match.start()] + head[match.end():]
    try:
        for _, el in etree.iterparse(io.BytesIO(head), events=("start",), recover=True,
                                     resolve_entities=False, no_network=True, load_dtd=False):
            name = _local(el.tag)
            if name in ("rss", "rdf"):
                return "rss"
            if name == "feed":
                return "atom"
            if name in ("sitemapindex", "urlset"):
                return name
            return None
    except etree.XMLSyntaxError:
        return None
    return None


def _child_text(el, *names) -> str | None:
    for child in el.iter():
        if _local(child.tag) in names and child is not el:
            value = clean(child.text or child.get("href"))
            if value:
                return value
    return None


def parse_feed(data: bytes | BinaryIO, max_entries: int | None = MAX_ENTRIES) -> Iterator[Entry]:
    """Entries of an RSS 2.0 (``<item>``), RSS 1.0 or Atom (``<entry>``) feed, in document order.
    Atom links: the ``rel="alternate"`` (or rel-less) ``<link href>``. Raises :class:`Truncated`
    (after yielding them) when more than ``max_entries`` entries follow."""
    for el in _iter(data, {"item", "entry"}, max_entries):
        url = None
        for child in el:
            if _local(child.tag) == "link":
                rel = child.get("rel", "alternate")
                url = clean(child.get("href")) if child.get("href") and rel == "alternate" else clean(child.text) or url
                if url:
                    break
        url = url or _child_text(el, "guid")
        if not url:
            continue
        yield Entry(url=url, title=_child_text(el, "title"),
                    published=_child_text(el, "pubdate", "published", "date", "issued", "updated"),
                    modified=_child_text(el, "updated", "modified"))


def parse_sitemap(data: bytes | BinaryIO, max_entries: int | None = MAX_ENTRIES) -> Iterator[Entry]:
    """Entries of a sitemap index (``kind="sitemap"``) or urlset (``kind="page"``), namespace
    prefixes ignored. News sitemap ``publication_date`` and ``title`` and
    ``xhtml:link`` hreflang alternates are read. Raises :class:`Truncated` (after yielding
    them) when more than ``max_entries`` entries follow (sitemaps.org allows 50,000)."""
    for el in _iter(data, {"url", "sitemap"}, max_entries):
        loc = None
        entry = Entry(url="", kind="sitemap" if _local(el.tag) == "sitemap" else "page")
        for child in el.iter():
            name = _local(child.tag)
            if name == "loc" and loc is None:
                loc = clean(child.text)
            elif name == "lastmod":
                entry.modified = clean(child.text)
            elif name == "publication_date":
                entry.published = clean(child.text)
            elif name == "title" and child.getparent() is not None and _local(child.getparent().tag) == "news":
                entry.title = clean(child.text)
            elif name == "link" and child.get("hreflang") and child.get("href"):
                entry.alternates[child.get("hreflang")] = child.get("href").strip()
        if loc:
            entry.url = loc
            yield entry


MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for an uncompressed file


class CappedReader(io.RawIOBase):
    """A read-only binary stream over ``raw`` that ends (as at EOF) after ``limit`` bytes and
    then sets ``exceeded``; seeking to 0 starts again."""

    def __init__(self, raw, limit: int):
        self.raw, self.limit, self.read_bytes, self.exceeded = raw, limit, 0, False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        self.raw.seek(offset, whence)
        self.read_bytes = self.raw.tell()
        return self.read_bytes

    def peek(self) -> bytes:
        head = self.raw.read(1)
        self.seek(0)
        return head

    def readinto(self, buffer) -> int:
        room = self.limit - self.read_bytes
        if room <= 0:
            if self.raw.read(1):
                self.exceeded = True
            return 0
        chunk = self.raw.read(min(len(buffer), room))
        buffer[:len(chunk)] = chunk
        self.read_bytes += len(chunk)
        return len(chunk)


def document(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> BinaryIO | None:
    """A discovery document's bytes as a binary file object: gzip bodies (``.xml.gz`` served
    without ``Content-Encoding``) are decompressed lazily, at most ``limit`` bytes (the stream
    then ends and sets ``exceeded``); ``None`` when the gzip header is broken."""
    if body[:2] != b"\x1f\x8b":
        return io.BytesIO(body)
    import gzip

    stream = CappedReader(gzip.GzipFile(fileobj=io.BytesIO(body)), limit)
    try:
        stream.peek()
    except (OSError, EOFError):
        return None
    return stream
