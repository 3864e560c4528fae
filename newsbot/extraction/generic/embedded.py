"""Embedded article HTML: article markup kept only as an escaped string in a script (the
JSON state of client-side rendered pages), found and read as a fragment; and the article's
text in a Next.js page's hydration JSON (:func:`hydration_body`).
"""
from __future__ import annotations

import html
import json
import re

import lxml.etree

from .blocks import GOOD_MIN_CHARS, blocks
from .body import Body, extract
from .boilerplate import is_boilerplate

_JS_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.S)
_HTML_HINT = re.compile(r"<(?:p|br|h2|div)\b", re.I)


def embedded_html(tree) -> str | None:
    """Article HTML held only as an escaped string inside a script (JSON state of client-side
    rendered pages, e.g. ``"contentHtml":"\\u003cp\\u003e…"``): the longest such string, once or
    twice JSON-unescaped, that holds paragraph markup; ``None`` when there is none."""
    found: list[str] = []
    for script in tree.iter("script"):
        if script.get("src") or not script.text or len(script.text) < 400:
            continue
        _html_strings(script.text, found, 0)
    best, best_len = None, 0
    for raw in found:
        start = raw.find("<")
        size = len(_TAGS.sub("", raw[start:]))
        if size > best_len:
            best, best_len = raw[start:], size
    return best if best_len >= GOOD_MIN_CHARS else None


def _html_strings(text: str, out: list, depth: int) -> None:
    for m in _JS_STRING.finditer(text):
        raw = m.group(1)
        try:
            raw = json.loads('"' + raw + '"')
        except ValueError:
            continue
        if '":"' in raw or '\\"' in raw:
            if depth < 2:
                _html_strings(raw, out, depth + 1)  # JSON inside the string: look deeper
            continue
        if _HTML_HINT.search(raw):
            out.append(raw)


_TAGS = re.compile(r"<[^>]*>")


def extract_fragment(markup: str) -> Body:
    """:func:`extract` on an HTML fragment (``markup``: a string of elements)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring("<html><body>" + markup + "</body></html>")
    except (ValueError, lxml.etree.ParserError):
        return Body([], [], {})
    body = extract(root)
    if body.paragraphs:
        return body
    # a fragment of loose text split by <br>: its runs are the paragraphs
    found = [b for b in blocks(root.find("body")) if not is_boilerplate(b.text)]
    return Body([b.text for b in found], found, {})


HYDRATION_BODY_KEYS = ("articleBody", "body", "bodyHtml", "contentHtml", "content", "html", "text", "blocks",
                       "paragraphs", "elements")
"""Keys under which a client-rendered page's hydration JSON holds an article's text: a string
(HTML or plain text) or a list of blocks (:func:`hydration_paragraphs`)."""
HYDRATION_TEXT_KEYS = ("text", "html", "content", "value", "children")
"""Keys of a block object that hold its text (``children``: the spans of a Portable Text
block)."""
_NOT_TEXT_BLOCK = re.compile(r"image|photo|picture|video|audio|embed|iframe|gallery|(?:^|[\W_])ads?(?:$|[\W_])|advert|"
                             r"related|teaser|newsletter|promo|social|tweet|podcast", re.I)
"""A block type (``type``, ``_type``, ``__typename``) that prints no running text."""
_JSON_DEPTH = 12  # the deepest level of the hydration JSON looked into


def hydration_body(page, title: str | None) -> list[str]:
    """The article's paragraphs from a Next.js page's hydration JSON (``<script
    id="__NEXT_DATA__" type="application/json">``), for client-rendered pages whose HTML
    holds no article text: among the objects of ``props.pageProps`` (the whole JSON when it has
    none), the :data:`HYDRATION_BODY_KEYS` values of an object that also holds the page's
    ``title`` (compared by :func:`~newsbot.extraction.text.key`), each read by
    :func:`hydration_paragraphs`, the longest winning; ``[]`` when the page has no such script,
    it does not parse, no object names the title (the JSON of a page listing many stories:
    another story's text is never taken for the article's), or no value holds a paragraph of
    :data:`~.blocks.GOOD_MIN_CHARS` characters. Only the values of objects naming the title
    are read, so a large JSON costs one walk."""
    script = next((s for s in page.elements("script") if s.get("id") == "__NEXT_DATA__"), None)
    if script is None or not script.text or "json" not in (script.get("type") or "").lower():
        return []
    try:
        data = json.loads(script.text)
    except (ValueError, RecursionError):
        return []
    props = data.get("props") if isinstance(data, dict) else None
    pages = props.get("pageProps") if isinstance(props, dict) else None
    from ..text import key

    if not title:
        return []
    wanted = key(title)
    best: tuple = (0, [])
    stack = [(pages if isinstance(pages, dict) else data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > _JSON_DEPTH:
            continue
        if isinstance(node, list):
            stack += [(v, depth + 1) for v in node if isinstance(v, (dict, list))]
            continue
        if not isinstance(node, dict):
            continue
        if any(name in node for name in HYDRATION_BODY_KEYS) \
                and any(isinstance(v, str) and key(v) == wanted for v in node.values()):
            for name in HYDRATION_BODY_KEYS:
                if name in node:
                    found = hydration_paragraphs(node[name])
                    size = sum(map(len, found))
                    if any(len(p) >= GOOD_MIN_CHARS for p in found) and size > best[0]:
                        best = (size, found)
        stack += [(v, depth + 1) for v in node.values() if isinstance(v, (dict, list))]
    return best[1]


def hydration_paragraphs(value, depth: int = 0) -> list[str]:
    """The paragraphs a hydration JSON value holds: a string with paragraph markup is an HTML
    fragment read by :func:`extract_fragment` (HTML inside a JSON string is read as the page's
    own HTML would be); another string is plain text, a paragraph a line; a list is blocks, in
    order, each a string or an object whose type (``type``, ``_type``, ``__typename``) is not a
    picture, an embed, an ad or a teaser (:data:`_NOT_TEXT_BLOCK`) and whose text is under one
    of :data:`HYDRATION_TEXT_KEYS` (its markup left out)."""
    if isinstance(value, str):
        if _HTML_HINT.search(value):
            return extract_fragment(value).paragraphs
        return [p for p in (" ".join(line.split()) for line in value.splitlines()) if p]
    if not isinstance(value, list) or depth > 2:
        return []
    out: list[str] = []
    for item in value:
        if isinstance(item, str):
            text = item
        elif isinstance(item, dict):
            kind = item.get("type") or item.get("_type") or item.get("__typename") or ""
            if isinstance(kind, str) and _NOT_TEXT_BLOCK.search(kind):
                continue
            text = _block_text(item)
        else:
            continue
        text = " ".join(_TAGS.sub("", html.unescape(text)).split()) if text else ""
        if text:
            out.append(text)
    return out


def _block_text(block: dict, depth: int = 0) -> str:
    """The text of one block object: its first :data:`HYDRATION_TEXT_KEYS` value that is a
    string, or the joined texts of a list of spans."""
    for name in HYDRATION_TEXT_KEYS:
        value = block.get(name)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and depth < 3:
            return "".join(v if isinstance(v, str) else _block_text(v, depth + 1) if isinstance(v, dict) else ""
                           for v in value)
    return ""
